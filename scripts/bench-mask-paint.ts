/**
 * The bench rows of the painted masks (issue 15, item 1; docs/ARCHITECTURE.md,
 * "Masks"): a real capture through the popup on the page, each run, and the
 * background's own timing of that capture read back from the service worker
 * (lib/background/screenshot.ts leaves it under
 * Symbol.for('helpdraft.last-screenshot-timing')): captureVisibleTab, the
 * check right after it, and the painting — decode (Blob +
 * createImageBitmap), paint (drawImage + fillRect) and encode
 * (OffscreenCanvas.convertToBlob as PNG). Used by scripts/bench.ts.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../test/harness/chromium';
import { openPopupForTab, tabIdOf } from '../test/harness/extension';

export interface MaskPaintTiming {
  captureMs: number;
  checkMs: number;
  decodeMs: number;
  paintMs: number;
  encodeMs: number;
  boxes: number;
}

const timingKeyName = 'helpdraft.last-screenshot-timing';

function readTiming(browser: ExtensionBrowser, clear: boolean): Promise<MaskPaintTiming | null> {
  // Sent as text: tsx would name the function (`__name(…)`), which the worker does not have.
  return browser.serviceWorker.evaluate(`(() => {
    const key = Symbol.for(${JSON.stringify(timingKeyName)});
    const timing = globalThis[key] ?? null;
    if (${clear}) delete globalThis[key];
    return timing;
  })()`) as Promise<MaskPaintTiming | null>;
}

/**
 * `count` captures of `url` (after one to warm up), each through the popup,
 * with the background's timing of each. `secretSelector` is scrolled into
 * view first: a capture with no secret on screen paints nothing (the image
 * is stored as taken, without a decode and encode).
 */
export async function timeMaskPainting(
  browser: ExtensionBrowser,
  url: string,
  secretSelector: string,
  count: number,
): Promise<MaskPaintTiming[]> {
  const times: MaskPaintTiming[] = [];
  for (let run = 0; run <= count; run += 1) {
    const page: Page = await browser.context.newPage();
    await page.goto(url);
    await page.locator(secretSelector).scrollIntoViewIfNeeded();
    await readTiming(browser, true);
    const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
    await popup.getByTestId('draft-title').waitFor();
    const timing = await readTiming(browser, true);
    await popup.close();
    await page.close();
    if (!timing)
      throw new Error('the capture left no painting timing (no mask on the page, or painting failed)');
    if (run > 0) times.push(timing);
    // captureVisibleTab allows two calls a second.
    await new Promise((resolve) => setTimeout(resolve, 550));
  }
  return times;
}

/** The figure the goal is about: decode + paint + encode. */
export function paintingMs(timing: MaskPaintTiming): number {
  return timing.decodeMs + timing.paintMs + timing.encodeMs;
}
