// @vitest-environment node
// Node's own Blob survives fake-indexeddb's structured clone; happy-dom's does not.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getAttachmentBlob, putAttachment } from '@/lib/attachments';
import { deleteDraft, saveNewDraft } from '@/lib/background/drafts';
import { toErrorShape } from '@/lib/errors';
import { readDraftList } from '@/lib/storage';
import { makeDraft } from './fixtures';

function named(name: string, message = name): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** An IndexedDB whose `open` fails the way a damaged or locked profile's does. */
const brokenFactory = {
  open: () => {
    const failing = {
      error: named('UnknownError', 'Internal error opening backing store'),
      result: undefined,
    } as {
      error: Error;
      result: undefined;
      onsuccess?: () => void;
      onerror?: () => void;
      onupgradeneeded?: () => void;
    };
    queueMicrotask(() => failing.onerror?.());
    return failing;
  },
} as unknown as IDBFactory;

/** An IndexedDB that opens but is full. */
const fullFactory = {
  open: () => {
    const failing = { error: named('QuotaExceededError', 'The quota has been exceeded.') } as {
      error: Error;
      onerror?: () => void;
    };
    queueMicrotask(() => failing.onerror?.());
    return failing;
  },
} as unknown as IDBFactory;

const ref = { id: 'a1', name: 'shot.png', type: 'image/png', size: 3 };

beforeEach(() => fakeBrowser.reset());

describe('toErrorShape for storage failures', () => {
  it.each([
    ['a full IndexedDB or storage.local', named('QuotaExceededError', 'quota'), 'storage-full'],
    ['anything else', named('UnknownError', 'x'), 'unknown'],
  ])('%s → %s', (_name, error, code) => {
    expect(toErrorShape(error).code).toBe(code);
  });
});

describe('attachments when IndexedDB fails', () => {
  it.each([
    ['missing altogether', null, 'attachments-unavailable'],
    ['refusing to open', brokenFactory, 'attachments-unavailable'],
    ['full', fullFactory, 'storage-full'],
  ])('says so when it is %s', async (_name, factory, code) => {
    const put = putAttachment(ref, new Blob([new Uint8Array([1, 2, 3])]), factory);
    await expect(put.catch((error: unknown) => toErrorShape(error).code)).resolves.toBe(code);
    const get = getAttachmentBlob('a1', factory);
    await expect(get.catch((error: unknown) => toErrorShape(error).code)).resolves.toBe(code);
  });
});

describe('a damaged draft in the list', () => {
  it('is listed with its raw text, the readable ones beside it, and can be deleted', async () => {
    await saveNewDraft(makeDraft({ id: 'good' }));
    await fakeBrowser.storage.local.set({ 'draft:bad': { id: 'bad', title: 42, description: '途中の文章' } });
    const { drafts, unreadable } = await readDraftList();
    expect(drafts.map((draft) => draft.id)).toEqual(['good']);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]!.id).toBe('bad');
    expect(unreadable[0]!.raw).toContain('途中の文章');

    await deleteDraft('bad');
    await expect(readDraftList()).resolves.toMatchObject({ unreadable: [] });
    await expect(deleteDraft('bad')).rejects.toMatchObject({ code: 'draft-not-found' });
  });
});
