import { useEffect, type Dispatch, type SetStateAction } from 'react';
import { takeStoredWhenIdle } from '@/lib/draft/converge';
import type { DraftSaver } from '@/lib/draft/saver';
import type { Draft } from '@/lib/schema';
import { readDraft, watchDraft } from '@/lib/storage';
import type { EditableFields } from './DraftEditor';
import type { SavedDraft } from './useDraftSaver';

export function editableFields(draft: Draft): EditableFields {
  const { title, description, priority, category, cc, connector, answers } = draft;
  return { title, description, priority, category, cc, connector, answers };
}

/**
 * Keeps a view on the stored draft. The background updates status, fill
 * report and attachments; the fields being typed stay local, and follow
 * storage too (the same draft edited in the popup and in a tab) only while
 * everything typed here is stored: a value on its way is never
 * overwritten. A change stored meanwhile is not lost: when the saver goes
 * idle the view reads the stored draft again (lib/draft/converge.ts).
 */
export function useStoredDraft(
  draftId: string | undefined,
  saver: DraftSaver<SavedDraft>,
  show: (draft: Draft | undefined) => void,
  setFields: Dispatch<SetStateAction<EditableFields | undefined>>,
): void {
  useEffect(() => {
    if (!draftId) return;
    const controller = new AbortController();
    const idle = () => saver.getState().pending === 0;
    watchDraft(
      draftId,
      (draft) => {
        show(draft);
        if (draft && idle()) setFields(editableFields(draft));
      },
      controller.signal,
    );
    const stopFollowing = takeStoredWhenIdle(
      saver,
      () => readDraft(draftId),
      (draft) => {
        show(draft);
        setFields(editableFields(draft));
      },
    );
    controller.signal.addEventListener('abort', stopFollowing, { once: true });
    return () => controller.abort();
  }, [draftId, saver, show, setFields]);

  // New answers may bring a new suggested priority and category, clear the connector,
  // and rewrite a title or description the user has not touched (another template).
  useEffect(
    () =>
      saver.onSaved((savedDraftId, sent, saved, newerFields) => {
        if (!sent.answers || savedDraftId !== draftId) return;
        // Only what the user has not changed since: a connector picked while the answers were
        // on their way must not be put back to the answer's empty one.
        const derived = (['title', 'priority', 'category', 'connector', 'description'] as const).filter(
          (field) => !newerFields.has(field),
        );
        setFields((current) =>
          current
            ? { ...current, ...Object.fromEntries(derived.map((field) => [field, saved[field]])) }
            : current,
        );
      }),
    [saver, draftId, setFields],
  );
}
