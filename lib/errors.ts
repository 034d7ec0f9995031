import { z } from 'zod';

/**
 * Failures a user can be told about. Each code has a message under
 * `error.<code>` in the locale files; `detail` fills its `{detail}` or
 * `{origin}` parameter.
 */
export const errorCodeSchema = z.enum([
  'unknown',
  'capture-not-allowed',
  /** The capture did not end within its time limit (lib/background/capture-deadline.ts); detail: seconds. */
  'capture-timeout',
  /** The tab left the page while it was being captured. */
  'capture-navigated',
  'tab-not-found',
  'draft-not-found',
  'screenshot-failed',
  'screenshot-not-allowed',
  'screenshot-fell-back',
  'fill-timeout',
  'not-a-request-form',
  'permission-missing',
  /** A help center under *.onelogin.com the user has not allowed to be filled (lib/help-center-consent.ts). */
  'consent-missing',
  'host-permission-missing',
  'bad-message',
  'save-failed',
  'draft-invalid',
  'attachment-missing',
  'background-unavailable',
  'attachment-refused',
  'annotation-invalid',
  'storage-full',
  'attachments-unavailable',
  'sign-in-required',
  'search-offline',
  'search-unreachable',
  'search-timeout',
  'search-rate-limited',
  'search-refused',
  'search-unavailable',
  'search-bad-answer',
  'search-no-words',
  'search-disabled',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorShapeSchema = z.object({ code: errorCodeSchema, detail: z.string().default('') });
export type ErrorShape = z.infer<typeof errorShapeSchema>;

export class HelpDraftError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'HelpDraftError';
  }
}

export function toErrorShape(error: unknown): ErrorShape {
  if (error instanceof HelpDraftError) return { code: error.code, detail: error.detail };
  // IndexedDB and storage.local both report a full disk (or a quota reached) as QuotaExceededError.
  if (error instanceof Error && error.name === 'QuotaExceededError')
    return { code: 'storage-full', detail: error.message };
  return { code: 'unknown', detail: error instanceof Error ? error.message : String(error) };
}
