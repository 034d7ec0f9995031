// @vitest-environment node
// Node's own Blob survives fake-indexeddb's structured clone; happy-dom's does not.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deleteAttachment, getAttachmentBlob, putAttachment } from '@/lib/attachments';
import { applyEdit, recordFill, saveNewDraft } from '@/lib/background/drafts';
import { defaultSettings, type Draft } from '@/lib/schema';
import { makeDraft } from './fixtures';
import { parseDrafts, parseSettings, readDraft, readSettings, writeSettings } from '@/lib/storage';

const draft: Draft = makeDraft({
  id: 'd1',
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
});

beforeEach(() => fakeBrowser.reset());

describe('parseSettings', () => {
  it.each([
    ['nothing stored', undefined, defaultSettings],
    ['not an object', 'garbage', defaultSettings],
    [
      'a good value',
      {
        helpCenterUrl: 'https://help.example.jp/hc/ja/requests/new',
        language: 'en',
        personalEmail: 'a@b.jp',
        maskEmails: true,
        screenshotMode: 'error-area',
        sharedAccount: true,
        sharedAddresses: ['info@'],
      },
      {
        helpCenterUrl: 'https://help.example.jp/hc/ja/requests/new',
        language: 'en',
        personalEmail: 'a@b.jp',
        maskEmails: true,
        screenshotMode: 'error-area',
        sharedAccount: true,
        sharedAddresses: ['info@'],
      },
    ],
    [
      'settings stored before maskEmails and screenshotMode existed get their defaults',
      { helpCenterUrl: 'https://help.example.jp/hc/ja/requests/new', language: 'en', personalEmail: '' },
      { ...defaultSettings, helpCenterUrl: 'https://help.example.jp/hc/ja/requests/new', language: 'en' },
    ],
    [
      'one bad field keeps the others',
      { helpCenterUrl: 'javascript:alert(1)', language: 'en', personalEmail: 'a@b.jp' },
      { ...defaultSettings, language: 'en', personalEmail: 'a@b.jp' },
    ],
    ['an unknown language', { ...defaultSettings, language: 'fr' }, defaultSettings],
    ['a broken email', { ...defaultSettings, personalEmail: 'not-an-address' }, defaultSettings],
  ])('%s', (_name, raw, expected) => {
    expect(parseSettings(raw)).toEqual(expected);
  });
});

describe('settings item', () => {
  it('falls back to the defaults and round-trips what is written', async () => {
    await expect(readSettings()).resolves.toEqual(defaultSettings);
    await writeSettings({ ...defaultSettings, language: 'en' });
    await expect(readSettings()).resolves.toEqual({ ...defaultSettings, language: 'en' });
  });

  it('refuses to write an invalid value', async () => {
    await expect(writeSettings({ ...defaultSettings, helpCenterUrl: 'ftp://x' })).rejects.toThrow();
  });
});

describe('parseDrafts', () => {
  it('reads a draft stored before the guided questions existed (version 1 shape) with their defaults', () => {
    const older: Partial<Draft> = { ...draft };
    delete older.answers;
    delete older.overridden;
    expect(parseDrafts({ d1: older }).drafts.d1).toEqual(draft);
  });

  it('keeps good drafts and names the unreadable ones', () => {
    expect(parseDrafts({ d1: draft, broken: { id: 'broken', title: 3 } })).toEqual({
      drafts: { d1: draft },
      rejected: ['broken'],
    });
  });

  it('survives a value that is not a record', () => {
    expect(parseDrafts(['nope'])).toEqual({ drafts: {}, rejected: ['*'] });
  });
});

describe('the drafts writer', () => {
  it('applies edits one after another, none lost, and records a fill', async () => {
    await saveNewDraft(draft);
    await Promise.all([
      applyEdit('d1', { title: 'A' }, '2026-11-23T10:00:01.000Z'),
      applyEdit('d1', { description: 'B' }, '2026-11-23T10:00:02.000Z'),
      applyEdit('d1', { priority: 'high' }, '2026-11-23T10:00:03.000Z'),
    ]);
    await recordFill('d1', {
      filledAt: '2026-11-23T10:00:04.000Z',
      url: 'https://support.onelogin.jp/hc/ja/requests/new',
      items: [],
    });
    await expect(readDraft('d1')).resolves.toMatchObject({
      title: 'A',
      description: 'B',
      priority: 'high',
      status: 'filled',
      updatedAt: '2026-11-23T10:00:04.000Z',
    });
  });

  it('says which draft is missing, and keeps working after that failure', async () => {
    await expect(applyEdit('missing', { title: 'x' }, 'now')).rejects.toMatchObject({
      code: 'draft-not-found',
    });
    await saveNewDraft(draft);
    await expect(applyEdit('d1', { title: 'ok' }, 'later')).resolves.toEqual({
      updatedAt: 'later',
      priority: 'normal',
      category: 'sso',
      connector: '',
      description: '詳細',
    });
  });
});

describe('attachments in IndexedDB', () => {
  it('stores a Blob, reads the same bytes back, and deletes it', async () => {
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const ref = { id: 'a1', name: 'shot.png', type: 'image/png', size: bytes.length };
    await putAttachment(ref, new Blob([bytes], { type: 'image/png' }));
    const blob = await getAttachmentBlob('a1');
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(bytes);
    await deleteAttachment('a1');
    await expect(getAttachmentBlob('a1')).resolves.toBeUndefined();
  });
});
