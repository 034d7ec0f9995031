/**
 * Attachments in either generation: the files go to the form's own file
 * input, as a person choosing them would, so the page's uploader sends them
 * and adds one hidden `request[attachments][]` token input per file; then
 * the filler waits for those tokens (helpcenter-form.md).
 */
import { base64ToBytes } from '../base64';
import type { FillPayload, FillReportItem } from '../schema';
import { waitFor } from './dom';

export function uploadTokens(form: HTMLFormElement): string[] {
  return [
    ...form.querySelectorAll<HTMLInputElement>('input[type=hidden][name="request[attachments][]"]'),
  ].map((input) => input.value);
}

/** Where a fill's time went: the upload waits, added up by each step that waits for the page's uploader. */
export interface FillTiming {
  uploadWaitMs: number;
}

export async function handOverFiles(
  form: HTMLFormElement,
  input: HTMLInputElement | null,
  attachments: FillPayload['attachments'],
  uploadTimeoutMs: number,
  signal?: AbortSignal,
  timing?: FillTiming,
): Promise<FillReportItem> {
  if (!input) return { field: 'attachments', status: 'not-found', detail: '' };
  if (attachments.length === 0) return { field: 'attachments', status: 'skipped', detail: '' };
  const before = uploadTokens(form).length;
  const transfer = new DataTransfer();
  for (const attachment of attachments) {
    transfer.items.add(
      new File([base64ToBytes(attachment.base64)], attachment.name, { type: attachment.type }),
    );
  }
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const names = attachments.map((attachment) => attachment.name).join(', ');
  // The page's own upload is network time, not the fill's: counted apart for the benchmark.
  const waitStarted = performance.now();
  const uploaded = await waitFor(
    () => uploadTokens(form).length >= before + attachments.length,
    uploadTimeoutMs,
    signal,
  );
  if (timing) timing.uploadWaitMs += performance.now() - waitStarted;
  return { field: 'attachments', status: uploaded ? 'filled' : 'rejected', detail: names };
}
