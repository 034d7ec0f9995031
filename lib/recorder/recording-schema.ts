/**
 * The recording's shape, in zod's mini API: the collector, injected into each
 * captured page, parses the recorder's answer with it, and zod/mini builds and
 * bundles a fraction of what the classic API does (docs/PERFORMANCE.md). Mini
 * schemas nest in classic ones (lib/schema.ts) like any zod schema.
 */
import * as z from 'zod/mini';

/** What the recorder (MAIN world, from document_start) saw happen on the page since it loaded. */
export const recordedEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('console-error'), time: z.string(), text: z.string() }),
  z.object({
    type: z.literal('exception'),
    time: z.string(),
    text: z.string(),
    source: z.optional(z.string()),
    line: z.optional(z.int()),
    column: z.optional(z.int()),
  }),
  z.object({ type: z.literal('unhandled-rejection'), time: z.string(), text: z.string() }),
  z.object({
    type: z.literal('failed-request'),
    time: z.string(),
    method: z.string(),
    url: z.string(),
    /** HTTP status, or 0 for a network failure (no response). */
    status: z.int(),
    statusText: z.optional(z.string()),
  }),
]);
export type RecordedEvent = z.infer<typeof recordedEventSchema>;

export const recordingSchema = z.object({
  /** False when no recorder ran on the page (not a OneLogin host, or loaded before the extension). */
  available: z.boolean(),
  events: z.array(recordedEventSchema),
  /** Events left out because the bounded buffer was full. */
  dropped: z.int().check(z.nonnegative()),
});
export type Recording = z.infer<typeof recordingSchema>;
