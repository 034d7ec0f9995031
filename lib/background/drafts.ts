/**
 * The only writer of drafts. Writes are queued one after another so an edit
 * typed in the popup and a fill report arriving at the same moment never
 * overwrite each other (read-modify-write of one storage key).
 */
import { deleteAttachment, getAttachmentBlob, putAttachment } from '../attachments';
import { readHead, refusalOf } from '../attachment-intake';
import { annotatedRef, blobIdsOf, restoredRef, type Annotated } from '../annotate/refs';
import { applyDraftEdit, withAttachments } from '../draft/edit';
import { HelpDraftError } from '../errors';
import { readPngSize } from '../png';
import type {
  AttachmentRef,
  Draft,
  DraftEdit,
  DraftStatus,
  FillReport,
  StoredAttachmentRef,
} from '../schema';
import { draftKeyExists, migrateDrafts, readDraft, removeDraft, writeDraft } from '../storage';

let queue: Promise<unknown> = Promise.resolve();

function queued<T>(write: () => Promise<T>): Promise<T> {
  const run = queue.then(write);
  // A failed write must not block the ones queued after it.
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The stored draft once every write queued before this call is done: a fill
 * reads it so an edit the popup sent just before "fill" is in the form
 * (issue 15, item 5: "a fill always sends what the stored draft holds").
 */
export function readDraftAfterWrites(draftId: string): Promise<Draft | undefined> {
  return queued(() => readDraft(draftId));
}

async function existing(draftId: string): Promise<Draft> {
  const draft = await readDraft(draftId);
  if (!draft) throw new HelpDraftError('draft-not-found', draftId);
  return draft;
}

function mutateDraft<T>(draftId: string, change: (draft: Draft) => { draft: Draft; result: T }): Promise<T> {
  return queued(async () => {
    const { draft, result } = change(await existing(draftId));
    await writeDraft(draft);
    return result;
  });
}

export function saveNewDraft(draft: Draft): Promise<void> {
  return queued(async () => {
    // The first capture after an update may come before anything has read the drafts.
    await migrateDrafts();
    await writeDraft(draft);
  });
}

export function applyEdit(
  draftId: string,
  edit: DraftEdit,
  now: string,
): Promise<Pick<Draft, 'updatedAt' | 'title' | 'priority' | 'category' | 'connector' | 'description'>> {
  return mutateDraft(draftId, (before) => {
    const draft = applyDraftEdit(before, edit, now);
    const { title, priority, category, connector, description } = draft;
    return { draft, result: { updatedAt: now, title, priority, category, connector, description } };
  });
}

export function recordFill(draftId: string, report: FillReport): Promise<void> {
  return mutateDraft(draftId, (draft) => ({
    draft: { ...draft, status: 'filled', fillReport: report, updatedAt: report.filledAt },
    result: undefined,
  }));
}

/** The user marks a draft sent once they submitted it on the help center, or takes that back. */
export function setDraftStatus(draftId: string, status: DraftStatus, now: string): Promise<void> {
  return mutateDraft(draftId, (draft) => ({
    draft: { ...draft, status, updatedAt: now },
    result: undefined,
  }));
}

/** Removes the draft and its attachments' bytes. */
export function deleteDraft(draftId: string): Promise<void> {
  return queued(async () => {
    const draft = await readDraft(draftId);
    if (!draft) {
      // An unreadable draft (damaged, or from a newer version) can be deleted too; its
      // attachments cannot be known, so their bytes stay until the database is cleared.
      if (!(await draftKeyExists(draftId))) throw new HelpDraftError('draft-not-found', draftId);
      await removeDraft(draftId);
      return;
    }
    await removeDraft(draftId);
    // After the draft is gone: a failure here leaves unreferenced bytes, never a draft without its screenshot.
    await Promise.all(
      draft.attachments.flatMap(blobIdsOf).map((id) => deleteAttachment(id).catch(() => undefined)),
    );
  });
}

/**
 * A copy of one stored attachment's bytes under a new id, its id added to
 * `copied`. Bytes already gone (site data cleared) are not a reason to
 * refuse the whole copy: the copy names the file as the source does and
 * shows it missing too (issue 15, item 5: duplicate handles it).
 */
async function copyStored<T extends StoredAttachmentRef>(ref: T, id: string, copied: string[]): Promise<T> {
  const blob = await getAttachmentBlob(ref.id);
  if (blob) {
    await putAttachment({ ...ref, id }, blob);
    copied.push(id);
  }
  return { ...ref, id };
}

/**
 * A new draft with the same content and its own copy of every attachment (so
 * deleting one never takes the other's screenshot), as a fresh draft: not
 * filled, not sent, and tied to no tab. A copy that fails half-way deletes
 * the bytes it had copied, so nothing is left that no draft refers to.
 */
export function duplicateDraft(
  draftId: string,
  now: string,
  newId: () => string = () => crypto.randomUUID(),
): Promise<{ draftId: string }> {
  return queued(async () => {
    const source = await existing(draftId);
    const copied: string[] = [];
    try {
      // One after another: a failure then leaves no copy still running that the clean-up would miss.
      const attachments: AttachmentRef[] = [];
      for (const attachment of source.attachments) {
        const copy = await copyStored(attachment, newId(), copied);
        // An annotated image's original is copied too: the copy can restore it on its own.
        attachments.push(
          attachment.original
            ? { ...copy, original: await copyStored(attachment.original, newId(), copied) }
            : copy,
        );
      }
      const copy: Draft = {
        ...source,
        id: newId(),
        createdAt: now,
        updatedAt: now,
        status: 'draft',
        attachments,
        fillReport: undefined,
        sourceTabId: undefined,
      };
      await writeDraft(copy);
      return { draftId: copy.id };
    } catch (error) {
      await Promise.all(copied.map((id) => deleteAttachment(id).catch(() => undefined)));
      throw error;
    }
  });
}

interface AttachmentsChanged {
  attachments: AttachmentRef[];
  rewrittenDescription?: string;
}

function attachmentsChanged(before: Draft, after: Draft): AttachmentsChanged {
  return after.description === before.description
    ? { attachments: after.attachments }
    : { attachments: after.attachments, rewrittenDescription: after.description };
}

/**
 * Files the popup stored in IndexedDB, added to the draft once checked here
 * too: the bytes must be there, be as large as said, and not be a ZIP (by
 * signature as well) or over the size limit. Refused bytes are deleted.
 */
export function addAttachments(
  draftId: string,
  refs: AttachmentRef[],
  now: string,
): Promise<AttachmentsChanged> {
  return queued(async () => {
    const draft = await existing(draftId);
    const refused: string[] = [];
    for (const ref of refs) {
      const blob = await getAttachmentBlob(ref.id);
      const ok =
        blob !== undefined &&
        blob.size === ref.size &&
        !refusalOf(ref.name, ref.type, ref.size, await readHead(blob));
      if (!ok) refused.push(ref.name);
    }
    if (refused.length > 0) {
      await Promise.all(refs.map((ref) => deleteAttachment(ref.id).catch(() => undefined)));
      throw new HelpDraftError('attachment-refused', refused.join(', '));
    }
    const next = withAttachments(draft, [...draft.attachments, ...refs], now);
    await writeDraft(next);
    return attachmentsChanged(draft, next);
  });
}

/** Takes an attachment off the draft and deletes its bytes. */
export function removeAttachment(
  draftId: string,
  attachmentId: string,
  now: string,
): Promise<AttachmentsChanged> {
  return queued(async () => {
    const draft = await existing(draftId);
    const removed = draft.attachments.find((attachment) => attachment.id === attachmentId);
    if (!removed) throw new HelpDraftError('attachment-missing', attachmentId);
    const next = withAttachments(
      draft,
      draft.attachments.filter((attachment) => attachment.id !== attachmentId),
      now,
    );
    await writeDraft(next);
    await Promise.all(blobIdsOf(removed).map((id) => deleteAttachment(id).catch(() => undefined)));
    return attachmentsChanged(draft, next);
  });
}

/** Whether the annotated bytes are what the popup said: a PNG (by signature) of that size and length. */
async function isAnnotatedPng(blob: Blob | undefined, annotated: Annotated): Promise<boolean> {
  if (!blob || blob.size !== annotated.size) return false;
  const size = readPngSize(new Uint8Array(await blob.slice(0, 24).arrayBuffer()));
  return size?.width === annotated.width && size.height === annotated.height;
}

/**
 * The popup stored an annotated image under `annotatedId`: once checked (it
 * is there, a PNG of the size said), it takes the attachment's place and
 * the image from before the first annotation stays as its `original`. An
 * earlier annotation's bytes are deleted (annotating again starts from the
 * current image, so they are in the new one). Refused bytes are deleted.
 */
export function annotateAttachment(
  draftId: string,
  attachmentId: string,
  annotated: Annotated,
  now: string,
): Promise<AttachmentsChanged> {
  return queued(async () => {
    const refuse = async (code: 'annotation-invalid' | 'attachment-missing', detail: string) => {
      await deleteAttachment(annotated.annotatedId).catch(() => undefined);
      return new HelpDraftError(code, detail);
    };
    const draft = await readDraft(draftId);
    if (!draft) throw await refuse('attachment-missing', attachmentId);
    const current = draft.attachments.find((attachment) => attachment.id === attachmentId);
    if (!current) throw await refuse('attachment-missing', attachmentId);
    if (!current.type.startsWith('image/') || blobIdsOf(current).includes(annotated.annotatedId))
      throw await refuse('annotation-invalid', current.name);
    if (!(await isAnnotatedPng(await getAttachmentBlob(annotated.annotatedId), annotated)))
      throw await refuse('annotation-invalid', current.name);
    const next = withAttachments(
      draft,
      draft.attachments.map((attachment) =>
        attachment.id === attachmentId ? annotatedRef(attachment, annotated) : attachment,
      ),
      now,
    );
    await writeDraft(next);
    // The first annotation keeps the bytes it replaced as the original; a later one drops the previous result.
    if (current.original) await deleteAttachment(current.id).catch(() => undefined);
    return attachmentsChanged(draft, next);
  });
}

/** An annotated image back to its original; the annotated bytes are deleted. */
export function restoreAttachmentOriginal(
  draftId: string,
  attachmentId: string,
  now: string,
): Promise<AttachmentsChanged> {
  return queued(async () => {
    const draft = await existing(draftId);
    const current = draft.attachments.find((attachment) => attachment.id === attachmentId);
    if (!current) throw new HelpDraftError('attachment-missing', attachmentId);
    const original = restoredRef(current);
    if (!original) throw new HelpDraftError('annotation-invalid', current.name);
    if (!(await getAttachmentBlob(original.id)))
      throw new HelpDraftError('attachment-missing', original.name);
    const next = withAttachments(
      draft,
      draft.attachments.map((attachment) => (attachment.id === attachmentId ? original : attachment)),
      now,
    );
    await writeDraft(next);
    await deleteAttachment(current.id).catch(() => undefined);
    return attachmentsChanged(draft, next);
  });
}
