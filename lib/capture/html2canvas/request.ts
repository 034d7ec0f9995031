/**
 * The background's side of an html2canvas screenshot: two executeScript
 * calls into the tab's isolated world, the first storing the request, the
 * second running entrypoints/screenshot.content.ts, whose result comes back
 * here. html2canvas itself is only ever loaded into the page, never into the
 * background. Always answers: failures are `{ ok: false, reason, detail }`.
 */
import { browser } from 'wxt/browser';
import { screenshotContentScript, storeScreenshotRequest } from './key';
import {
  screenshotFailure,
  screenshotRequestSchema,
  screenshotResultSchema,
  type ScreenshotRequest,
  type ScreenshotResult,
} from './types';

/** Longer than the content script's own limit (25 s), so its answer normally arrives first. */
export const backgroundTimeoutMs = 35_000;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function takeHtml2canvasScreenshot(
  tabId: number,
  request: ScreenshotRequest,
  timeoutMs = backgroundTimeoutMs,
): Promise<ScreenshotResult> {
  const parsed = screenshotRequestSchema.safeParse(request);
  if (!parsed.success) {
    return screenshotFailure(
      'failed',
      `invalid screenshot request: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ScreenshotResult>((resolve) => {
    timer = setTimeout(
      () => resolve(screenshotFailure('failed', `the page gave no screenshot within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  const run = async (): Promise<ScreenshotResult> => {
    try {
      await browser.scripting.executeScript({
        target: { tabId },
        func: storeScreenshotRequest,
        args: [parsed.data],
      });
      const results = await browser.scripting.executeScript({
        target: { tabId },
        files: [screenshotContentScript],
      });
      const result = screenshotResultSchema.safeParse(results[0]?.result);
      if (!result.success) return screenshotFailure('failed', 'the page gave no readable screenshot result');
      return result.data;
    } catch (error) {
      // Chrome refuses chrome://, the Web Store, pages without host access, and tabs that navigated away.
      return screenshotFailure('failed', message(error));
    }
  };
  try {
    return await Promise.race([run(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
