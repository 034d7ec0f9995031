/**
 * Files the user adds to a draft (picker or drop), checked before anything
 * is stored: the help center refuses ZIP files, encrypted or not (seed
 * article, 添付ファイル), and Zendesk takes 50 MB a file. Checked by name,
 * type and first bytes, in the popup for an immediate answer, and again in
 * the background, which alone writes drafts.
 */
import type { Problem } from './draft/validate';
import { isZip, maxAttachmentBytes } from './draft/validate';
import { readPngSize } from './png';
import type { AttachmentRef } from './schema';

/** Enough of the file's start for the ZIP signature and a PNG's size (IHDR ends at byte 24). */
const headBytes = 24;

export async function readHead(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, headBytes).arrayBuffer());
}

/** Why the help center would refuse this file, or undefined when it may be attached. */
export function refusalOf(name: string, type: string, size: number, head: Uint8Array): Problem | undefined {
  if (isZip(name, type, head))
    return { field: 'attachments', key: 'validation.zipRefused', params: { name } };
  if (size > maxAttachmentBytes)
    return { field: 'attachments', key: 'validation.attachmentTooLarge', params: { name } };
  return undefined;
}

/** The reference a file gets once accepted; PNGs also tell their size in pixels. */
export function attachmentRefFor(
  id: string,
  file: { name: string; type: string; size: number },
  head: Uint8Array,
): AttachmentRef {
  return {
    id,
    name: file.name,
    // Files without a known type (a .log, a .har) still upload; Zendesk types them by name.
    type: file.type || 'application/octet-stream',
    size: file.size,
    ...(readPngSize(head) ?? {}),
  };
}
