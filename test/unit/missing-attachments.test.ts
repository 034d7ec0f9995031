// @vitest-environment node
// Node's own Blob survives fake-indexeddb's structured clone; happy-dom's does not.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  deleteAttachment,
  getAttachmentBlob,
  hasAttachmentBlob,
  missingAttachments,
  putAttachment,
} from '@/lib/attachments';
import {
  applyEdit,
  deleteDraft,
  duplicateDraft,
  readDraftAfterWrites,
  removeAttachment,
  saveNewDraft,
} from '@/lib/background/drafts';
import { buildFillPayload, withMissingAttachments } from '@/lib/background/fill-draft';
import { defaultSettings, type AttachmentRef, type FillReport } from '@/lib/schema';
import { readDraft } from '@/lib/storage';
import { makeDraft } from './fixtures';

/**
 * An attachment whose bytes are gone from IndexedDB (issue 15, item 5): the
 * fill report says "missing" rather than "skipped on purpose", duplicate and
 * delete go through and leave no bytes that no draft refers to.
 */
const screenshot: AttachmentRef = { id: 'shot', name: 'screenshot.png', type: 'image/png', size: 3 };
const log: AttachmentRef = { id: 'log', name: 'trace.log', type: 'text/plain', size: 3 };
const original: AttachmentRef = { ...screenshot, id: 'shot-original', name: 'screenshot.png' };
const now = '2026-12-04T10:00:00.000Z';

async function store(ref: AttachmentRef) {
  await putAttachment(ref, new Blob([new Uint8Array([1, 2, 3])], { type: ref.type }));
}

/** Every id IndexedDB holds bytes for: what no draft refers to is an orphan. */
function storedIds(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('helpdraft', 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('attachments', { keyPath: 'id' });
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const keys = opening.result.transaction('attachments').objectStore('attachments').getAllKeys();
      keys.onsuccess = () => {
        opening.result.close();
        resolve((keys.result as string[]).sort());
      };
    };
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  // A fresh database per test: bytes left by one test must not hide an orphan of the next.
  globalThis.indexedDB = new IDBFactory();
  await store(screenshot);
  await store(log);
  await saveNewDraft(makeDraft({ id: 'd1', attachments: [screenshot, log] }));
  await deleteAttachment('shot');
});

describe('finding attachments whose bytes are gone', () => {
  it.each([
    ['shot', false],
    ['log', true],
  ])('%s has its bytes: %s', async (id, expected) => {
    await expect(hasAttachmentBlob(id)).resolves.toBe(expected);
  });

  it('names the missing ones in order', async () => {
    await expect(missingAttachments([log, screenshot])).resolves.toEqual([screenshot]);
  });

  it('leaves them out of the fill payload, keeping the others', async () => {
    const draft = await readDraft('d1');
    const payload = await buildFillPayload(draft!, defaultSettings);
    expect(payload.attachments.map((attachment) => attachment.name)).toEqual(['trace.log']);
  });
});

describe('the fill report of a draft with missing bytes', () => {
  const report = (items: FillReport['items']): FillReport => ({ filledAt: now, url: 'https://x/', items });
  const subject = { field: 'subject' as const, status: 'filled' as const, detail: '' };
  const missing = { field: 'attachments' as const, status: 'missing' as const, detail: 'a.png, b.png' };

  it.each<[string, FillReport['items'], string[], FillReport['items']]>([
    ['nothing missing: unchanged', [subject], [], [subject]],
    [
      'all missing: "missing" replaces the filler\u2019s "skipped"',
      [subject, { field: 'attachments', status: 'skipped', detail: '' }],
      ['a.png', 'b.png'],
      [subject, missing],
    ],
    [
      'some missing: the sent ones stay filled, the missing ones are added',
      [{ field: 'attachments', status: 'filled', detail: 'c.log' }],
      ['a.png', 'b.png'],
      [{ field: 'attachments', status: 'filled', detail: 'c.log' }, missing],
    ],
    [
      'no file input on the form: both are said',
      [{ field: 'attachments', status: 'not-found', detail: '' }],
      ['a.png', 'b.png'],
      [{ field: 'attachments', status: 'not-found', detail: '' }, missing],
    ],
  ])('%s', (_name, items, missingNames, expected) => {
    expect(withMissingAttachments(report(items), missingNames).items).toEqual(expected);
  });
});

describe('duplicating and deleting a draft with missing bytes', () => {
  it('duplicates it: the copy names the missing file too, and gets its own copy of the rest', async () => {
    let next = 0;
    const { draftId } = await duplicateDraft('d1', now, () => `new-${++next}`);
    const copy = await readDraft(draftId);
    expect(copy?.attachments).toEqual([
      { ...screenshot, id: 'new-1' },
      { ...log, id: 'new-2' },
    ]);
    await expect(missingAttachments(copy!.attachments)).resolves.toEqual([{ ...screenshot, id: 'new-1' }]);
    await expect(storedIds()).resolves.toEqual(['log', 'new-2']);
  });

  it('duplicates an annotated image whose original is gone', async () => {
    const annotated: AttachmentRef = { ...screenshot, id: 'annotated', original };
    await store(annotated);
    await saveNewDraft(makeDraft({ id: 'd2', attachments: [annotated] }));
    let next = 0;
    const { draftId } = await duplicateDraft('d2', now, () => `copy-${++next}`);
    await expect(readDraft(draftId)).resolves.toMatchObject({
      attachments: [{ id: 'copy-1', original: { id: 'copy-2' } }],
    });
    await expect(hasAttachmentBlob('copy-1')).resolves.toBe(true);
    await expect(hasAttachmentBlob('copy-2')).resolves.toBe(false);
  });

  it('deletes the bytes it had copied when the copy fails half-way', async () => {
    let next = 0;
    const failOnDraftId = () => {
      next += 1;
      if (next === 3) throw new Error('no id left');
      return `new-${next}`;
    };
    await expect(duplicateDraft('d1', now, failOnDraftId)).rejects.toThrow('no id left');
    await expect(storedIds()).resolves.toEqual(['log']);
  });

  it.each([
    ['deleting the draft', () => deleteDraft('d1'), []],
    [
      'removing the missing attachment',
      () => removeAttachment('d1', 'shot', now).then(() => undefined),
      ['log'],
    ],
  ])('goes through %s, leaving no orphan', async (_name, action, left) => {
    await expect(action()).resolves.toBeUndefined();
    await expect(storedIds()).resolves.toEqual(left);
    await expect(getAttachmentBlob('shot')).resolves.toBeUndefined();
  });
});

describe('the draft a fill reads', () => {
  it('holds an edit queued just before it', async () => {
    const editing = applyEdit('d1', { title: '入力直後に送った' }, now);
    await expect(readDraftAfterWrites('d1')).resolves.toMatchObject({ title: '入力直後に送った' });
    await editing;
  });
});
