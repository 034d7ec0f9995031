// @vitest-environment node
// Node's own Blob survives fake-indexeddb's structured clone; happy-dom's does not.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deleteAttachment, getAttachmentBlob, putAttachment } from '@/lib/attachments';
import {
  applyEdit,
  deleteDraft,
  duplicateDraft,
  recordFill,
  saveNewDraft,
  setDraftStatus,
} from '@/lib/background/drafts';
import { defaultSettings, type Draft } from '@/lib/schema';
import { makeDraft } from './fixtures';
import {
  draftMigrations,
  latestDraftsVersion,
  migrateDrafts,
  newestFirst,
  parseDrafts,
  parseSettings,
  readDraft,
  readDrafts,
  readSettings,
  writeSettings,
} from '@/lib/storage';
import v1Fixture from '../fixtures/storage/v1-local.json';

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
        maskPatterns: ['EMP-[0-9]+'],
      },
      {
        helpCenterUrl: 'https://help.example.jp/hc/ja/requests/new',
        language: 'en',
        personalEmail: 'a@b.jp',
        maskEmails: true,
        screenshotMode: 'error-area',
        sharedAccount: true,
        sharedAddresses: ['info@'],
        maskPatterns: ['EMP-[0-9]+'],
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
    ['a mask pattern that does not compile', { ...defaultSettings, maskPatterns: ['(bad'] }, defaultSettings],
    [
      'a refused mask pattern beside usable ones: the usable ones still mask',
      { ...defaultSettings, maskPatterns: ['EMP-[0-9]+', '(a+)+$', 'C-\\d{4}'] },
      { ...defaultSettings, maskPatterns: ['EMP-[0-9]+', 'C-\\d{4}'] },
    ],
    ['mask patterns that are not a list', { ...defaultSettings, maskPatterns: 'EMP' }, defaultSettings],
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
      title: 'ok',
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

/** A real version 1 local area, dumped from the extension as built before version 2 (see the fixture's drafts). */
const v1Area = v1Fixture.local as Record<string, unknown>;
const v1Drafts = v1Area.drafts as Record<string, Record<string, unknown>>;
const readableV1Ids = ['5f863fe6-63f3-40b2-8b28-638b618f7b27', '89772de3-1096-4cbb-9dd2-2132567bb793'];
/** In the fixture, a copy of a draft with the fields the guided questions added taken out. */
const beforeGuidedQuestionsId = '0b7d3c1e-1111-4c5e-9a55-000000000001';
/** And a draft that no longer parses (a title that is a number). */
const unreadableId = '0b7d3c1e-2222-4c5e-9a55-000000000002';

async function storeArea(area: Record<string, unknown>) {
  await fakeBrowser.storage.local.set(structuredClone(area));
}

describe('drafts migration 1 → 2 on a stored version 1 fixture', () => {
  it('moves every draft to its own key and removes the map', () => {
    const { set, remove } = draftMigrations[2]!(structuredClone(v1Area));
    expect(remove).toEqual(['drafts']);
    expect(Object.keys(set).sort()).toEqual(
      Object.keys(v1Drafts)
        .map((id) => `draft:${id}`)
        .sort(),
    );
    for (const id of readableV1Ids) expect(set[`draft:${id}`]).toEqual(v1Drafts[id]);
  });

  it('writes out the answers and overrides of a draft from before the guided questions', () => {
    const { set } = draftMigrations[2]!(structuredClone(v1Area));
    expect(set[`draft:${beforeGuidedQuestionsId}`]).toMatchObject({
      title: 'SSO の件（ガイド質問以前の下書き）',
      answers: { inquiryType: 'troubleshooting', impact: 'minor', summary: '' },
      overridden: { priority: false, category: false },
    });
  });

  it('moves an unreadable draft as it is: nothing typed is destroyed', () => {
    const { set } = draftMigrations[2]!(structuredClone(v1Area));
    expect(set[`draft:${unreadableId}`]).toEqual(v1Drafts[unreadableId]);
  });

  it.each([
    ['an empty area (a fresh install)', {}],
    ['an area already in the new layout', { 'draft:x': { id: 'x' }, settings: {} }],
  ])('changes nothing in %s', (_name, area) => {
    expect(draftMigrations[2]!(area)).toEqual({ set: {}, remove: [] });
  });

  it('runs before the first read, once, and reads every draft that parses', async () => {
    await storeArea(v1Area);
    const drafts = await readDrafts();
    expect(drafts.map((draft) => draft.id).sort()).toEqual(
      [...readableV1Ids, beforeGuidedQuestionsId].sort(),
    );
    const area = await fakeBrowser.storage.local.get(null);
    expect(area.drafts).toBeUndefined();
    expect(area.draftsVersion).toBe(latestDraftsVersion);
    // The unreadable draft stays in storage for a later version to recover.
    expect(area[`draft:${unreadableId}`]).toEqual(v1Drafts[unreadableId]);
    await migrateDrafts();
    await expect(fakeBrowser.storage.local.get(null)).resolves.toEqual(area);
  });

  it('finishes a run cut short (some new keys written, the map still there)', async () => {
    const halfway = {
      ...structuredClone(v1Area),
      [`draft:${readableV1Ids[0]}`]: v1Drafts[readableV1Ids[0]!],
    };
    await storeArea(halfway);
    await expect(readDraft(readableV1Ids[0]!)).resolves.toMatchObject({ id: readableV1Ids[0] });
    await expect(readDrafts()).resolves.toHaveLength(3);
  });

  it('keeps the settings and session items it does not own', async () => {
    await storeArea({ ...v1Area, settings: { ...defaultSettings, language: 'en' } });
    await migrateDrafts();
    await expect(readSettings()).resolves.toMatchObject({ language: 'en' });
  });
});

describe('newestFirst', () => {
  it('orders by creation time, newest first, then by id', () => {
    const at = (id: string, createdAt: string) => makeDraft({ id, createdAt });
    const ordered = newestFirst([
      at('b', '2026-11-20T00:00:00.000Z'),
      at('c', '2026-11-23T00:00:00.000Z'),
      at('a', '2026-11-20T00:00:00.000Z'),
    ]);
    expect(ordered.map((draft) => draft.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('the drafts list actions', () => {
  const screenshot = { id: 'shot', name: 'shot.png', type: 'image/png', size: 3, width: 1, height: 1 };
  const bytes = new Uint8Array([137, 80, 78]);

  beforeEach(async () => {
    await putAttachment(screenshot, new Blob([bytes], { type: 'image/png' }));
    await saveNewDraft({
      ...draft,
      attachments: [screenshot],
      status: 'filled',
      sourceTabId: 7,
      fillReport: { filledAt: '2026-11-23T10:00:04.000Z', url: 'https://support.onelogin.jp/', items: [] },
    });
  });

  it('duplicates a draft as a new, unfilled draft with its own copy of the screenshot', async () => {
    let next = 0;
    const { draftId } = await duplicateDraft('d1', '2026-11-24T09:00:00.000Z', () => `new-${++next}`);
    const copy = await readDraft(draftId);
    expect(copy).toMatchObject({
      id: 'new-2',
      title: draft.title,
      description: draft.description,
      status: 'draft',
      createdAt: '2026-11-24T09:00:00.000Z',
      attachments: [{ ...screenshot, id: 'new-1' }],
    });
    expect(copy?.fillReport).toBeUndefined();
    expect(copy?.sourceTabId).toBeUndefined();
    const copied = await getAttachmentBlob('new-1');
    expect(new Uint8Array(await copied!.arrayBuffer())).toEqual(bytes);
    // The original keeps its own.
    await expect(readDraft('d1')).resolves.toMatchObject({ status: 'filled', attachments: [screenshot] });
  });

  it('deletes a draft with its screenshot, and says so when it is already gone', async () => {
    await deleteDraft('d1');
    await expect(readDraft('d1')).resolves.toBeUndefined();
    await expect(getAttachmentBlob('shot')).resolves.toBeUndefined();
    await expect(deleteDraft('d1')).rejects.toMatchObject({ code: 'draft-not-found' });
  });

  // Issue 15, item 5: bytes gone are no reason to refuse the copy (test/unit/missing-attachments.test.ts).
  it('duplicates a draft whose screenshot bytes are gone, the copy naming the file too', async () => {
    await deleteAttachment('shot');
    const { draftId } = await duplicateDraft('d1', 'now', () => 'copy');
    await expect(readDraft(draftId)).resolves.toMatchObject({ attachments: [{ name: 'shot.png' }] });
  });

  it.each(['sent', 'draft'] as const)('marks a draft %s', async (status) => {
    await setDraftStatus('d1', status, '2026-11-24T09:00:00.000Z');
    await expect(readDraft('d1')).resolves.toMatchObject({ status, updatedAt: '2026-11-24T09:00:00.000Z' });
  });
});
