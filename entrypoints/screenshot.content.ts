import { takeScreenshotRequest } from '@/lib/capture/html2canvas/key';
import { renderScreenshot } from '@/lib/capture/html2canvas/render';
import { screenshotFailure, type ScreenshotResult } from '@/lib/capture/html2canvas/types';

/**
 * Injected on demand by the background (scripting.executeScript) only for a
 * full-page or error-area screenshot, so html2canvas is never loaded
 * otherwise. The request was stored in this isolated world by the call just
 * before (lib/capture/html2canvas/request.ts); `main`'s return value, a
 * ScreenshotResult, is executeScript's result.
 */
export default defineContentScript({
  matches: ['https://*.onelogin.com/*'],
  registration: 'runtime',
  // WXT's "script started" postMessage would tell the page that HelpDraft is here
  // (node_modules/wxt/dist/utils/content-script-context.mjs, stopOldScripts).
  noScriptStartedPostMessage: true,
  main: async (): Promise<ScreenshotResult> => {
    const taken = takeScreenshotRequest();
    if (!taken.ok) return screenshotFailure('failed', taken.detail);
    return renderScreenshot(document, window, taken.request);
  },
});
