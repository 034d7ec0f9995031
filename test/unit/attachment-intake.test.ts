// @vitest-environment node
// Node's own Blob survives fake-indexeddb's structured clone; happy-dom's does not.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { attachmentRefFor, readHead, refusalOf } from '@/lib/attachment-intake';
import { getAttachmentBlob, putAttachment } from '@/lib/attachments';
import { addAttachments, removeAttachment, saveNewDraft } from '@/lib/background/drafts';
import { composeFor } from '@/lib/draft/compose';
import { maxAttachmentBytes } from '@/lib/draft/validate';
import { readDraft } from '@/lib/storage';
import { makeCapture, makeDraft } from './fixtures';

const zipHead = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
const textHead = new TextEncoder().encode('2026-11-23 ERROR saml');
const pngHead = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 4, 0xb0, 0, 0, 3,
  0x20,
]);

describe('refusalOf', () => {
  it.each([
    ['a ZIP by its name', 'logs.zip', 'application/octet-stream', 10, textHead, 'validation.zipRefused'],
    ['a ZIP by its type', 'logs', 'application/zip', 10, textHead, 'validation.zipRefused'],
    [
      'a ZIP renamed to .txt, by its first bytes',
      'report.txt',
      'text/plain',
      10,
      zipHead,
      'validation.zipRefused',
    ],
    ['a file over 50 MB', 'huge.har', '', maxAttachmentBytes + 1, textHead, 'validation.attachmentTooLarge'],
    ['exactly 50 MB', 'big.har', '', maxAttachmentBytes, textHead, undefined],
    ['a log file', 'saml.log', 'text/plain', 10, textHead, undefined],
    ['a PNG', 'shot.png', 'image/png', 10, pngHead, undefined],
  ])('%s', (_name, name, type, size, head, expected) => {
    expect(refusalOf(name, type, size, head)?.key).toBe(expected);
  });

  it('names the file in the reason', () => {
    expect(refusalOf('logs.zip', '', 1, textHead)?.params).toEqual({ name: 'logs.zip' });
  });
});

describe('attachmentRefFor', () => {
  it.each([
    [
      'a PNG tells its size in pixels',
      { name: 'a.png', type: 'image/png', size: 9 },
      pngHead,
      { width: 1200, height: 800 },
    ],
    [
      'a file without a type uploads as bytes',
      { name: 'a.har', type: '', size: 9 },
      textHead,
      { type: 'application/octet-stream' },
    ],
  ])('%s', (_name, file, head, expected) => {
    expect(attachmentRefFor('id1', file, head)).toMatchObject({
      id: 'id1',
      name: file.name,
      size: 9,
      ...expected,
    });
  });

  it('reads the head of a Blob', async () => {
    await expect(readHead(new Blob([zipHead, new Uint8Array(100)]))).resolves.toHaveLength(24);
  });
});

describe('adding and removing attachments in the background', () => {
  const capture = makeCapture();
  const screenshot = { id: 'shot', name: 'shot.png', type: 'image/png', size: 24, width: 1200, height: 800 };

  beforeEach(async () => {
    fakeBrowser.reset();
    await putAttachment(screenshot, new Blob([pngHead], { type: 'image/png' }));
    await saveNewDraft(
      makeDraft({
        id: 'd1',
        capture,
        attachments: [screenshot],
        description: composeFor(capture, [screenshot], makeDraft().answers, 'ja'),
      }),
    );
  });

  it('adds a checked file and lists it in a description HelpDraft wrote', async () => {
    const log = { id: 'log', name: 'saml.log', type: 'text/plain', size: textHead.length };
    await putAttachment(log, new Blob([textHead]));
    const changed = await addAttachments('d1', [log], '2026-11-24T00:00:00.000Z');
    expect(changed.attachments.map((attachment) => attachment.name)).toEqual(['shot.png', 'saml.log']);
    expect(changed.rewrittenDescription).toContain('saml.log');
    await expect(readDraft('d1')).resolves.toMatchObject({ attachments: [screenshot, log] });
  });

  it('leaves a description the user wrote as it is', async () => {
    const { applyEdit } = await import('@/lib/background/drafts');
    await applyEdit('d1', { description: '自分で書いた説明' }, 'now');
    const log = { id: 'log', name: 'saml.log', type: 'text/plain', size: textHead.length };
    await putAttachment(log, new Blob([textHead]));
    const changed = await addAttachments('d1', [log], 'later');
    expect(changed.rewrittenDescription).toBeUndefined();
    await expect(readDraft('d1')).resolves.toMatchObject({ description: '自分で書いた説明' });
  });

  it.each([
    [
      'a ZIP by its bytes, whatever its name',
      { id: 'z', name: 'notes.txt', type: 'text/plain', size: zipHead.length },
      zipHead,
    ],
    ['bytes that are not the size said', { id: 'z', name: 'a.log', type: 'text/plain', size: 999 }, textHead],
  ])('refuses %s, deletes the bytes and keeps the draft as it was', async (_name, ref, bytes) => {
    await putAttachment(ref, new Blob([bytes]));
    await expect(addAttachments('d1', [ref], 'later')).rejects.toMatchObject({
      code: 'attachment-refused',
      detail: ref.name,
    });
    await expect(getAttachmentBlob('z')).resolves.toBeUndefined();
    await expect(readDraft('d1')).resolves.toMatchObject({ attachments: [screenshot] });
  });

  it('removes an attachment and its bytes', async () => {
    const changed = await removeAttachment('d1', 'shot', 'later');
    expect(changed.attachments).toEqual([]);
    await expect(getAttachmentBlob('shot')).resolves.toBeUndefined();
    await expect(removeAttachment('d1', 'shot', 'later')).rejects.toMatchObject({
      code: 'attachment-missing',
    });
  });
});
