/** What the background tells the collector, and where it leaves it (a module of its own: the background imports it without the collector). */
// zod's mini API: the collector builds this schema in every captured page (lib/recorder/recording-schema.ts).
import * as z from 'zod/mini';
import { screenshotModeSchema } from './screenshot-mode';

export const collectOptionsSchema = z.object({
  maskEmails: z.boolean(),
  maskPatterns: z._default(z.array(z.string()), []),
  screenshotMode: screenshotModeSchema,
  extensionVersion: z.string(),
  uiLanguage: z.string(),
});
export type CollectOptions = z.infer<typeof collectOptionsSchema>;

/** Where the background leaves the options (isolated world, invisible to the page) before injecting the collector. */
export const collectOptionsKeyName = 'helpdraft.collect-options';
export const collectOptionsKey = Symbol.for(collectOptionsKeyName);
