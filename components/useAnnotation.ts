import { useCallback, useState } from 'react';
import { deleteAttachment, putAttachment } from '@/lib/attachments';
import { toErrorShape, type ErrorShape } from '@/lib/errors';
import { sendMessage } from '@/lib/messaging';
import type { AttachmentRef } from '@/lib/schema';

export interface AnnotatedImage {
  blob: Blob;
  width: number;
  height: number;
}

export interface AnnotationActions {
  /** The attachment open in the annotator, if any. */
  editing?: string;
  open(attachmentId: string): void;
  close(): void;
  save(attachment: AttachmentRef, image: AnnotatedImage): void;
  restore(attachmentId: string): void;
  busy: boolean;
  error?: ErrorShape;
}

/**
 * Annotating a draft's image: the popup stores the annotated PNG in
 * IndexedDB under a new id, and the background (the one writer of drafts)
 * checks it and swaps it in, keeping the original for "restore original".
 * `onDescription` gets the description when the background rewrote an
 * untouched one (a renamed attachment).
 */
export function useAnnotation(
  draftId: string | undefined,
  onDescription: (description: string) => void,
): AnnotationActions {
  const [editing, setEditing] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorShape>();

  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(toErrorShape(failure));
    } finally {
      setBusy(false);
    }
  }, []);

  const open = useCallback((attachmentId: string) => {
    setError(undefined);
    setEditing(attachmentId);
  }, []);
  const close = useCallback(() => setEditing(undefined), []);

  const save = useCallback(
    (attachment: AttachmentRef, image: AnnotatedImage) => {
      if (!draftId) return;
      void run(async () => {
        const annotatedId = crypto.randomUUID();
        const { blob, width, height } = image;
        await putAttachment(
          { id: annotatedId, name: attachment.name, type: 'image/png', size: blob.size, width, height },
          blob,
        );
        try {
          const saved = await sendMessage('annotateAttachment', {
            draftId,
            attachmentId: attachment.id,
            annotatedId,
            width,
            height,
            size: blob.size,
          });
          if (saved.rewrittenDescription !== undefined) onDescription(saved.rewrittenDescription);
        } catch (failure) {
          // The background deletes bytes it refused; bytes it never saw are deleted here.
          if (toErrorShape(failure).code === 'background-unavailable')
            await deleteAttachment(annotatedId).catch(() => undefined);
          throw failure;
        }
        setEditing(undefined);
      });
    },
    [draftId, onDescription, run],
  );

  const restore = useCallback(
    (attachmentId: string) => {
      if (!draftId) return;
      void run(async () => {
        const saved = await sendMessage('restoreAttachmentOriginal', { draftId, attachmentId });
        if (saved.rewrittenDescription !== undefined) onDescription(saved.rewrittenDescription);
      });
    },
    [draftId, onDescription, run],
  );

  return { ...(editing ? { editing } : {}), open, close, save, restore, busy, ...(error ? { error } : {}) };
}
