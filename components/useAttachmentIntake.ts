import { useCallback, useState } from 'react';
import { attachmentRefFor, readHead, refusalOf } from '@/lib/attachment-intake';
import { putAttachment } from '@/lib/attachments';
import type { Problem } from '@/lib/draft/validate';
import { toErrorShape, type ErrorShape } from '@/lib/errors';
import { sendMessage } from '@/lib/messaging';
import type { AttachmentRef } from '@/lib/schema';

export interface AttachmentActions {
  add(files: File[]): void;
  remove(attachmentId: string): void;
  /** True while files are being read, stored or removed. */
  busy: boolean;
  /** Files refused before anything was stored, each with the help center's reason. */
  refusals: Problem[];
  error?: ErrorShape;
}

/**
 * Adding files from disk to the draft: each is checked first (ZIP, size),
 * its bytes go to IndexedDB from here (no base64 through messages), and the
 * background, the one writer of drafts, adds the references after checking
 * again. `onDescription` gets the description when the background rewrote
 * an untouched one to list the attachments.
 */
export function useAttachmentIntake(
  draftId: string | undefined,
  onDescription: (description: string) => void,
): AttachmentActions {
  const [busy, setBusy] = useState(false);
  const [refusals, setRefusals] = useState<Problem[]>([]);
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

  const add = useCallback(
    (files: File[]) => {
      if (!draftId || files.length === 0) return;
      void run(async () => {
        const refused: Problem[] = [];
        const accepted: AttachmentRef[] = [];
        for (const file of files) {
          const head = await readHead(file);
          const refusal = refusalOf(file.name, file.type, file.size, head);
          if (refusal) refused.push(refusal);
          else accepted.push(await putAttachment(attachmentRefFor(crypto.randomUUID(), file, head), file));
        }
        setRefusals(refused);
        if (accepted.length === 0) return;
        const saved = await sendMessage('addAttachments', { draftId, attachments: accepted });
        if (saved.rewrittenDescription !== undefined) onDescription(saved.rewrittenDescription);
      });
    },
    [draftId, onDescription, run],
  );

  const remove = useCallback(
    (attachmentId: string) => {
      if (!draftId) return;
      setRefusals([]);
      void run(async () => {
        const saved = await sendMessage('removeAttachment', { draftId, attachmentId });
        if (saved.rewrittenDescription !== undefined) onDescription(saved.rewrittenDescription);
      });
    },
    [draftId, onDescription, run],
  );

  return { add, remove, busy, refusals, ...(error ? { error } : {}) };
}
