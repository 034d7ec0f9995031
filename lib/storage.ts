/**
 * Every stored value, versioned. Values are read through zod: a value that
 * does not parse (corrupted, or written by a future version) is reported and
 * replaced by a safe fallback instead of crashing a view. Screenshots are
 * not here: they are Blobs in IndexedDB (lib/attachments.ts), referenced by id.
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { applyPolicy, noPolicy, parseManagedPolicy, type ParsedPolicy } from './managed';
import {
  defaultSettings,
  draftSchema,
  liveFormOptionsSchema,
  parseMaskPatternList,
  settingsSchema,
  type Draft,
  type Settings,
} from './schema';

export const settingsItem = storage.defineItem<unknown>('local:settings', {
  version: 1,
  fallback: defaultSettings,
});

/**
 * Drafts, one storage key each (`local:draft:<id>`) since version 2, so a
 * keystroke rewrites one draft instead of every draft with its capture.
 * `local:draftsVersion` says which layout the area holds; `draftMigrations`
 * brings an older one up to date. Only the background writes drafts.
 */
export const draftKeyPrefix = 'draft:';
export const latestDraftsVersion = 2;
const draftsVersionKey = 'local:draftsVersion';
/** Version 1's single map of every draft by id. */
const legacyDraftsKey = 'drafts';

export function draftKey(draftId: string): `local:${string}` {
  return `local:${draftKeyPrefix}${draftId}`;
}

/** Which draft belongs to which tab and URL; tab ids live only as long as the browser session. */
export const tabDraftsItem = storage.defineItem<unknown>('session:tabDrafts', { fallback: {} });

/** The live form's category and connector options, as last read by a fill (one help center at a time). */
export const liveOptionsItem = storage.defineItem<unknown>('local:helpCenterOptions', { fallback: null });

export const cachedLiveOptionsSchema = z.object({
  /** The help center they were read from: options of another one are never shown. */
  origin: z.string(),
  readAt: z.string(),
  options: liveFormOptionsSchema,
});
export type CachedLiveOptions = z.infer<typeof cachedLiveOptionsSchema>;

export function parseLiveOptions(raw: unknown): CachedLiveOptions | undefined {
  const parsed = cachedLiveOptionsSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export async function writeLiveOptions(cached: CachedLiveOptions): Promise<void> {
  await liveOptionsItem.setValue(cachedLiveOptionsSchema.parse(cached));
}

/** Calls `listener` with the cached options now and whenever a fill reads new ones, until the signal aborts. */
export function watchLiveOptions(
  listener: (cached: CachedLiveOptions | undefined) => void,
  signal: AbortSignal,
) {
  void liveOptionsItem.getValue().then((value) => {
    if (!signal.aborted) listener(parseLiveOptions(value));
  });
  const unwatch = liveOptionsItem.watch((value) => listener(parseLiveOptions(value)));
  signal.addEventListener('abort', unwatch, { once: true });
}

/** Fills waiting for their form tab to ask for them, by tab id. */
export const pendingFillsItem = storage.defineItem<unknown>('session:pendingFills', { fallback: {} });

const tabDraftSchema = z.object({ draftId: z.string(), url: z.string() });
export const tabDraftsSchema = z.record(z.string(), tabDraftSchema);
export type TabDrafts = z.infer<typeof tabDraftsSchema>;

export const pendingFillSchema = z.object({
  draftId: z.string(),
  origin: z.string(),
  /** Set while the tab shows the help center's sign-in page: the fill resumes there until then (ms since epoch). */
  awaitingSignInUntil: z.number().optional(),
});
export type PendingFill = z.infer<typeof pendingFillSchema>;
export const pendingFillsSchema = z.record(z.string(), pendingFillSchema);
export type PendingFills = z.infer<typeof pendingFillsSchema>;

/**
 * Settings field by field: a bad field falls back to its default while the
 * good ones are kept, so one corrupted value never resets everything.
 * A help-center URL stored as http before https was required (issue 15) is such a
 * field: it falls back to the default rather than being rewritten to https, since
 * the same host over https may be another server or none (test/fixtures/storage/settings-http.json).
 */
export function parseSettings(raw: unknown): Settings {
  const record = z.record(z.string(), z.unknown()).safeParse(raw);
  const source = record.success ? record.data : {};
  const pick = <K extends keyof Settings>(key: K): Settings[K] => {
    const field = settingsSchema.shape[key].safeParse(source[key]);
    return (field.success ? field.data : defaultSettings[key]) as Settings[K];
  };
  return {
    helpCenterUrl: pick('helpCenterUrl'),
    language: pick('language'),
    personalEmail: pick('personalEmail'),
    maskEmails: pick('maskEmails'),
    screenshotMode: pick('screenshotMode'),
    sharedAccount: pick('sharedAccount'),
    sharedAddresses: pick('sharedAddresses'),
    maskPatterns: parseMaskPatternList(source.maskPatterns)?.patterns ?? defaultSettings.maskPatterns,
  };
}

/** The user's own settings, as the settings page edits them (no policy applied). */
export async function readUserSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

/**
 * The organisation's policy from the managed area. Firefox rejects the read
 * when no policy was ever installed for the add-on ("Managed storage manifest
 * not found"), and a browser without the area has none: both mean no policy.
 */
export async function readManagedPolicy(): Promise<ParsedPolicy> {
  try {
    return parseManagedPolicy(await browser.storage.managed.get(null));
  } catch {
    return noPolicy;
  }
}

/** The settings in force everywhere (capture, fill, popup): the user's, under the organisation's policy. */
export async function readSettings(): Promise<Settings> {
  const [user, { policy }] = await Promise.all([readUserSettings(), readManagedPolicy()]);
  return applyPolicy(user, policy);
}

export async function writeSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settingsSchema.parse(settings));
}

/** A stored draft through zod: undefined when it is missing or does not parse. */
export function parseDraft(raw: unknown): Draft | undefined {
  const draft = draftSchema.safeParse(raw);
  return draft.success ? draft.data : undefined;
}

/** Drafts one by one: a draft that does not parse is left out and named in `rejected`. */
export function parseDrafts(raw: unknown): { drafts: Record<string, Draft>; rejected: string[] } {
  const record = z.record(z.string(), z.unknown()).safeParse(raw);
  const drafts: Record<string, Draft> = {};
  const rejected: string[] = [];
  if (!record.success) return { drafts, rejected: ['*'] };
  for (const [id, value] of Object.entries(record.data)) {
    const draft = parseDraft(value);
    if (draft) drafts[id] = draft;
    else rejected.push(id);
  }
  return { drafts, rejected };
}

/** What a migration does to the local area: keys to write (without the `local:` prefix), then keys to remove. */
export interface StorageChange {
  set: Record<string, unknown>;
  remove: string[];
}

/**
 * Each step takes the whole local area in the layout of the version before
 * it. Steps are pure, so each is tested on a stored fixture of its version
 * (test/fixtures/storage/), and idempotent: a step cut short by the browser
 * closing runs again whole the next time.
 */
export const draftMigrations: Record<number, (area: Record<string, unknown>) => StorageChange> = {
  /**
   * 1 → 2: the map of every draft becomes one key per draft. Drafts written
   * before the guided questions existed get their answers and overrides
   * written out. A draft that does not parse is moved as it is, never
   * dropped: the reader names it, and nothing the user typed is destroyed.
   */
  2: (area) => {
    const legacy = z.record(z.string(), z.unknown()).safeParse(area[legacyDraftsKey]);
    const set: Record<string, unknown> = {};
    for (const [id, value] of Object.entries(legacy.success ? legacy.data : {})) {
      set[`${draftKeyPrefix}${id}`] = parseDraft(value) ?? value;
    }
    return { set, remove: legacyDraftsKey in area ? [legacyDraftsKey] : [] };
  },
};

let migrating: Promise<void> = Promise.resolve();

/**
 * Brings the drafts' layout to the latest version before anything reads or
 * writes them. Cheap when there is nothing to do (one read); concurrent calls
 * in one context wait for each other, and the steps are idempotent for two
 * contexts (popup and background) racing.
 */
export function migrateDrafts(): Promise<void> {
  const run = migrating.then(async () => {
    const stored = await storage.getItem<number>(draftsVersionKey);
    let version = typeof stored === 'number' ? stored : 1;
    if (version >= latestDraftsVersion) return;
    let area = await storage.snapshot('local');
    while (version < latestDraftsVersion) {
      version += 1;
      const step = draftMigrations[version];
      if (!step) throw new Error(`no drafts migration to version ${version}`);
      const { set, remove } = step(area);
      // The new keys and the version in one write, then the old keys: an
      // interrupted run leaves the old layout whole for the next attempt.
      await storage.setItems([
        ...Object.entries(set).map(([key, value]) => ({ key: `local:${key}` as const, value })),
        { key: draftsVersionKey, value: version },
      ]);
      await storage.removeItems(remove.map((key) => `local:${key}` as const));
      area = Object.fromEntries(Object.entries({ ...area, ...set }).filter(([key]) => !remove.includes(key)));
    }
  });
  // A failed migration is reported to its caller and retried by the next one.
  migrating = run.catch(() => undefined);
  return run;
}

export async function readDraft(draftId: string): Promise<Draft | undefined> {
  await migrateDrafts();
  return parseDraft(await storage.getItem(draftKey(draftId)));
}

/** A stored draft that no longer parses (damaged, or written by a newer version): its raw text, to recover by hand. */
export interface UnreadableDraft {
  id: string;
  raw: string;
}

/** Every draft, those that parse and those that do not; nothing is removed from storage. */
export async function readDraftList(): Promise<{ drafts: Draft[]; unreadable: UnreadableDraft[] }> {
  await migrateDrafts();
  const area = await storage.snapshot('local');
  const stored = Object.fromEntries(
    Object.entries(area)
      .filter(([key]) => key.startsWith(draftKeyPrefix))
      .map(([key, value]) => [key.slice(draftKeyPrefix.length), value]),
  );
  const { drafts, rejected } = parseDrafts(stored);
  return {
    drafts: Object.values(drafts),
    unreadable: rejected.map((id) => ({
      id,
      raw: JSON.stringify(stored[id], null, 2) ?? String(stored[id]),
    })),
  };
}

/** Every readable draft; unreadable ones are named on the console, and left in storage untouched. */
export async function readDrafts(): Promise<Draft[]> {
  const { drafts, unreadable } = await readDraftList();
  if (unreadable.length > 0)
    console.warn(
      'HelpDraft: drafts that could not be read were left out',
      unreadable.map((draft) => draft.id),
    );
  return drafts;
}

/** Whether anything at all is stored under the draft's key, readable or not. */
export async function draftKeyExists(draftId: string): Promise<boolean> {
  return (await storage.getItem(draftKey(draftId))) !== null;
}

/** The draft list's order: newest first (a duplicate is new), then by id so the order is stable. */
export function newestFirst(drafts: Draft[]): Draft[] {
  return [...drafts].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}

export async function writeDraft(draft: Draft): Promise<void> {
  await storage.setItem(draftKey(draft.id), draftSchema.parse(draft));
}

export async function removeDraft(draftId: string): Promise<void> {
  await storage.removeItem(draftKey(draftId));
}

export function parseTabDrafts(raw: unknown): TabDrafts {
  const parsed = tabDraftsSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export function parsePendingFills(raw: unknown): PendingFills {
  const parsed = pendingFillsSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/** Calls `listener` with the parsed draft whenever it changes in storage, until the signal aborts. */
export function watchDraft(
  draftId: string,
  listener: (draft: Draft | undefined) => void,
  signal: AbortSignal,
) {
  const unwatch = storage.watch(draftKey(draftId), (value) => listener(parseDraft(value)));
  signal.addEventListener('abort', unwatch, { once: true });
}

/** Calls `listener` whenever any draft is added, changed or removed, until the signal aborts. */
export function watchDraftList(listener: () => void, signal: AbortSignal) {
  const onChanged = (changes: Record<string, unknown>) => {
    if (Object.keys(changes).some((key) => key.startsWith(draftKeyPrefix))) listener();
  };
  browser.storage.local.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.local.onChanged.removeListener(onChanged), {
    once: true,
  });
}

/**
 * Calls `listener` with the settings in force whenever the user's settings
 * or the organisation's policy change, until the signal aborts.
 */
export function watchSettings(listener: (settings: Settings) => void, signal: AbortSignal) {
  watchSettingsAndPolicy(({ settings }) => listener(settings), signal);
}

export interface SettingsInForce {
  /** The settings in force (the policy applied). */
  settings: Settings;
  /** The user's own, as stored. */
  user: Settings;
  managed: ParsedPolicy;
}

export async function readSettingsAndPolicy(): Promise<SettingsInForce> {
  const [user, managed] = await Promise.all([readUserSettings(), readManagedPolicy()]);
  return { settings: applyPolicy(user, managed.policy), user, managed };
}

/**
 * Like watchSettings, with the user's own settings and the policy beside the
 * settings in force. A change of the user's settings is applied from the
 * change itself, at once (the settings page switches language on save
 * without a read in between); a policy change reads the managed area again.
 */
export function watchSettingsAndPolicy(listener: (current: SettingsInForce) => void, signal: AbortSignal) {
  let user: Settings | undefined;
  let managed: ParsedPolicy | undefined;
  const emit = () => {
    if (signal.aborted || !user || !managed) return;
    listener({ settings: applyPolicy(user, managed.policy), user, managed });
  };
  // What changes before this first read finishes is newer than what it read, and is kept.
  const first = readSettingsAndPolicy().then((current) => {
    user ??= current.user;
    managed ??= current.managed;
  });
  let policyReads = 0;
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes.settings) {
      user = parseSettings(changes.settings.newValue);
      if (managed) emit();
      else void first.then(emit);
    }
    if (area === 'managed') {
      // Policy reads in order: a slower, older read never overwrites a newer one.
      const read = ++policyReads;
      void readManagedPolicy().then((policy) => {
        if (read !== policyReads) return;
        managed = policy;
        void first.then(emit);
      });
    }
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), {
    once: true,
  });
}
