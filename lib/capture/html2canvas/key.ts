/**
 * How the background hands a screenshot request to the content script: a
 * first `executeScript({ func, args: [request] })` stores it on the isolated
 * world's global under `Symbol.for(screenshotRequestKey)`, the second one
 * (`files: [screenshotContentScript]`) takes it from there. The page's own
 * scripts live in another world and cannot see or forge it.
 */
import { screenshotRequestSchema, type ScreenshotRequest } from './types';

export const screenshotRequestKey = 'helpdraft.screenshot-request';

/** Built by WXT from entrypoints/screenshot.content.ts. */
export const screenshotContentScript = '/content-scripts/screenshot.js';

/**
 * The function given to the first executeScript. It is serialised and run in
 * the page's isolated world, so it may use nothing from this module: the key
 * is spelled out.
 */
export function storeScreenshotRequest(request: unknown): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('helpdraft.screenshot-request')] = request;
}

/** Takes the stored request (once: a later injection does not reuse it) and validates it. */
export function takeScreenshotRequest(
  global: object = globalThis,
): { ok: true; request: ScreenshotRequest } | { ok: false; detail: string } {
  const key = Symbol.for(screenshotRequestKey);
  const raw: unknown = Reflect.get(global, key);
  Reflect.deleteProperty(global, key);
  if (raw === undefined)
    return { ok: false, detail: 'no screenshot request was stored before the script ran' };
  const parsed = screenshotRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      detail: `invalid screenshot request: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unreadable'}`,
    };
  }
  return { ok: true, request: parsed.data };
}
