/**
 * The only writer of drafts. Writes are queued one after another so an edit
 * typed in the popup and a fill report arriving at the same moment never
 * overwrite each other (read-modify-write of one storage item).
 */
import { applyDraftEdit } from '../draft/edit';
import { HelpDraftError } from '../errors';
import type { Draft, DraftEdit, FillReport } from '../schema';
import { draftsItem, parseDrafts } from '../storage';

let queue: Promise<unknown> = Promise.resolve();

function mutateDrafts<T>(change: (drafts: Record<string, Draft>) => T): Promise<T> {
  const run = queue.then(async () => {
    const { drafts } = parseDrafts(await draftsItem.getValue());
    const result = change(drafts);
    await draftsItem.setValue(drafts);
    return result;
  });
  // A failed write must not block the ones queued after it.
  queue = run.catch(() => undefined);
  return run;
}

function existing(drafts: Record<string, Draft>, draftId: string): Draft {
  const draft = drafts[draftId];
  if (!draft) throw new HelpDraftError('draft-not-found', draftId);
  return draft;
}

export function saveNewDraft(draft: Draft): Promise<void> {
  return mutateDrafts((drafts) => {
    drafts[draft.id] = draft;
  });
}

export function applyEdit(
  draftId: string,
  edit: DraftEdit,
  now: string,
): Promise<Pick<Draft, 'updatedAt' | 'priority' | 'category' | 'connector' | 'description'>> {
  return mutateDrafts((drafts) => {
    const draft = applyDraftEdit(existing(drafts, draftId), edit, now);
    drafts[draftId] = draft;
    const { priority, category, connector, description } = draft;
    return { updatedAt: now, priority, category, connector, description };
  });
}

export function recordFill(draftId: string, report: FillReport): Promise<void> {
  return mutateDrafts((drafts) => {
    drafts[draftId] = {
      ...existing(drafts, draftId),
      status: 'filled',
      fillReport: report,
      updatedAt: report.filledAt,
    };
  });
}
