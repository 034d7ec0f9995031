// @vitest-environment node
// Node's own Blob survives fake-indexeddb's structured clone; happy-dom's does not.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getAttachmentBlob, putAttachment } from '@/lib/attachments';
import {
  annotateAttachment,
  deleteDraft,
  duplicateDraft,
  removeAttachment,
  restoreAttachmentOriginal,
  saveNewDraft,
} from '@/lib/background/drafts';
import { readDraft } from '@/lib/storage';
import type { AttachmentRef } from '@/lib/schema';
import { makeDraft } from './fixtures';

/** The first 24 bytes of a PNG of that size (all the background reads), then some more. */
function pngBytes(width: number, height: number, length = 64): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

const screenshot: AttachmentRef = {
  id: 'shot',
  name: 'helpdraft-screenshot.png',
  type: 'image/png',
  size: 64,
  width: 1200,
  height: 800,
};
const log: AttachmentRef = { id: 'log', name: 'trace.log', type: 'text/plain', size: 3 };
const now = '2026-11-24T09:00:00.000Z';

async function store(id: string, bytes: Uint8Array<ArrayBuffer>, type = 'image/png') {
  await putAttachment({ id, name: id, type, size: bytes.length }, new Blob([bytes], { type }));
}

const annotated = (id: string, width = 600, height = 400) => ({ annotatedId: id, width, height, size: 64 });

beforeEach(async () => {
  fakeBrowser.reset();
  await store('shot', pngBytes(1200, 800));
  await store('log', new Uint8Array([1, 2, 3]), 'text/plain');
  await saveNewDraft(makeDraft({ id: 'd1', attachments: [screenshot, log] }));
});

describe('annotating an attachment', () => {
  it('swaps in the annotated PNG and keeps the original, bytes and all', async () => {
    await store('a1', pngBytes(600, 400));
    const changed = await annotateAttachment('d1', 'shot', annotated('a1'), now);
    const expected = { ...screenshot, id: 'a1', size: 64, width: 600, height: 400, original: screenshot };
    expect(changed.attachments).toEqual([expected, log]);
    await expect(readDraft('d1')).resolves.toMatchObject({ attachments: [expected, log], updatedAt: now });
    await expect(getAttachmentBlob('shot')).resolves.toBeDefined();
  });

  it('starts a second annotation from the annotated image: the same original, the first result deleted', async () => {
    await store('a1', pngBytes(600, 400));
    await annotateAttachment('d1', 'shot', annotated('a1'), now);
    await store('a2', pngBytes(300, 200));
    const changed = await annotateAttachment('d1', 'a1', annotated('a2', 300, 200), now);
    expect(changed.attachments[0]).toMatchObject({ id: 'a2', width: 300, original: screenshot });
    await expect(getAttachmentBlob('a1')).resolves.toBeUndefined();
    await expect(getAttachmentBlob('shot')).resolves.toBeDefined();
  });

  it.each([
    ['bytes that are not a PNG', () => store('bad', new Uint8Array(64).fill(7)), annotated('bad')],
    ['a size other than said', () => store('bad', pngBytes(600, 401)), annotated('bad')],
    ['a length other than said', () => store('bad', pngBytes(600, 400, 80)), annotated('bad')],
    ['no bytes at all', async () => undefined, annotated('bad')],
  ])('refuses %s and deletes them', async (_name, prepare, result) => {
    await prepare();
    await expect(annotateAttachment('d1', 'shot', result, now)).rejects.toMatchObject({
      code: 'annotation-invalid',
    });
    await expect(getAttachmentBlob('bad')).resolves.toBeUndefined();
    await expect(readDraft('d1')).resolves.toMatchObject({ attachments: [screenshot, log] });
  });

  it.each([
    ['an attachment that is not an image', 'log', 'annotation-invalid'],
    ['an attachment the draft does not have', 'other', 'attachment-missing'],
  ])('refuses %s', async (_name, attachmentId, code) => {
    await store('a1', pngBytes(600, 400));
    await expect(annotateAttachment('d1', attachmentId, annotated('a1'), now)).rejects.toMatchObject({
      code,
    });
    await expect(getAttachmentBlob('a1')).resolves.toBeUndefined();
  });

  it('refuses to store the result over the original’s own bytes', async () => {
    await expect(
      annotateAttachment('d1', 'shot', { ...annotated('shot'), width: 1200, height: 800 }, now),
    ).rejects.toMatchObject({ code: 'annotation-invalid' });
  });
});

describe('restoring the original', () => {
  beforeEach(async () => {
    await store('a1', pngBytes(600, 400));
    await annotateAttachment('d1', 'shot', annotated('a1'), now);
  });

  it('swaps the original back and deletes the annotated bytes', async () => {
    const changed = await restoreAttachmentOriginal('d1', 'a1', now);
    expect(changed.attachments).toEqual([screenshot, log]);
    await expect(readDraft('d1')).resolves.toMatchObject({ attachments: [screenshot, log] });
    await expect(getAttachmentBlob('a1')).resolves.toBeUndefined();
    await expect(getAttachmentBlob('shot')).resolves.toBeDefined();
  });

  it('refuses an attachment that was never annotated', async () => {
    await expect(restoreAttachmentOriginal('d1', 'log', now)).rejects.toMatchObject({
      code: 'annotation-invalid',
    });
  });

  it('deletes the draft with the original’s bytes too', async () => {
    await deleteDraft('d1');
    for (const id of ['a1', 'shot', 'log']) await expect(getAttachmentBlob(id)).resolves.toBeUndefined();
  });

  it('removes an annotated attachment with its original’s bytes', async () => {
    await removeAttachment('d1', 'a1', now);
    for (const id of ['a1', 'shot']) await expect(getAttachmentBlob(id)).resolves.toBeUndefined();
  });

  it('duplicates a draft with its own copy of the original, which the copy can restore', async () => {
    let next = 0;
    const { draftId } = await duplicateDraft('d1', now, () => `new-${++next}`);
    const copy = await readDraft(draftId);
    const [image] = copy!.attachments;
    expect(image).toMatchObject({
      id: expect.stringMatching(/^new-/),
      original: { ...screenshot, id: expect.stringMatching(/^new-/) },
    });
    await expect(getAttachmentBlob(image!.original!.id)).resolves.toBeDefined();
    await deleteDraft('d1');
    await restoreAttachmentOriginal(draftId, image!.id, now);
    await expect(readDraft(draftId)).resolves.toMatchObject({
      attachments: [
        { ...screenshot, id: image!.original!.id },
        expect.objectContaining({ name: 'trace.log' }),
      ],
    });
  });
});
