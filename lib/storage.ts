/**
 * Every stored value, versioned. Values are read through zod: a value that
 * does not parse (corrupted, or written by a future version) is reported and
 * replaced by a safe fallback instead of crashing a view. Screenshots are
 * not here: they are Blobs in IndexedDB (lib/attachments.ts), referenced by id.
 */
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { defaultSettings, draftSchema, settingsSchema, type Draft, type Settings } from './schema';

export const settingsItem = storage.defineItem<unknown>('local:settings', {
  version: 1,
  fallback: defaultSettings,
});

/** All drafts by id. Only the background writes it (one writer, no lost updates). */
export const draftsItem = storage.defineItem<unknown>('local:drafts', {
  version: 1,
  fallback: {},
});

/** Which draft belongs to which tab and URL; tab ids live only as long as the browser session. */
export const tabDraftsItem = storage.defineItem<unknown>('session:tabDrafts', { fallback: {} });

/** Fills waiting for their form tab to ask for them, by tab id. */
export const pendingFillsItem = storage.defineItem<unknown>('session:pendingFills', { fallback: {} });

const tabDraftSchema = z.object({ draftId: z.string(), url: z.string() });
export const tabDraftsSchema = z.record(z.string(), tabDraftSchema);
export type TabDrafts = z.infer<typeof tabDraftsSchema>;

export const pendingFillSchema = z.object({ draftId: z.string(), origin: z.string() });
export const pendingFillsSchema = z.record(z.string(), pendingFillSchema);
export type PendingFills = z.infer<typeof pendingFillsSchema>;

/**
 * Settings field by field: a bad field falls back to its default while the
 * good ones are kept, so one corrupted value never resets everything.
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
  };
}

export async function readSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

export async function writeSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settingsSchema.parse(settings));
}

/** Drafts one by one: a draft that does not parse is left out and named in `rejected`. */
export function parseDrafts(raw: unknown): { drafts: Record<string, Draft>; rejected: string[] } {
  const record = z.record(z.string(), z.unknown()).safeParse(raw);
  const drafts: Record<string, Draft> = {};
  const rejected: string[] = [];
  if (!record.success) return { drafts, rejected: ['*'] };
  for (const [id, value] of Object.entries(record.data)) {
    const draft = draftSchema.safeParse(value);
    if (draft.success) drafts[id] = draft.data;
    else rejected.push(id);
  }
  return { drafts, rejected };
}

export async function readDrafts(): Promise<Record<string, Draft>> {
  const { drafts, rejected } = parseDrafts(await draftsItem.getValue());
  if (rejected.length > 0) console.warn('HelpDraft: drafts that could not be read were left out', rejected);
  return drafts;
}

export async function readDraft(draftId: string): Promise<Draft | undefined> {
  return (await readDrafts())[draftId];
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
  const unwatch = draftsItem.watch((value) => listener(parseDrafts(value).drafts[draftId]));
  signal.addEventListener('abort', unwatch, { once: true });
}

export function watchSettings(listener: (settings: Settings) => void, signal: AbortSignal) {
  const unwatch = settingsItem.watch((value) => listener(parseSettings(value)));
  signal.addEventListener('abort', unwatch, { once: true });
}
