/** What the background tells the collector, and where it leaves it (a module of its own: the background imports it without the collector). */
import { z } from 'zod';
import { screenshotModeSchema } from '../schema';

export const collectOptionsSchema = z.object({
  maskEmails: z.boolean(),
  maskPatterns: z.array(z.string()).default([]),
  screenshotMode: screenshotModeSchema,
  extensionVersion: z.string(),
  uiLanguage: z.string(),
});
export type CollectOptions = z.infer<typeof collectOptionsSchema>;

/** Where the background leaves the options (isolated world, invisible to the page) before injecting the collector. */
export const collectOptionsKeyName = 'helpdraft.collect-options';
export const collectOptionsKey = Symbol.for(collectOptionsKeyName);
