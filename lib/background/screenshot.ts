/**
 * The screenshot of a capture: the visible area with captureVisibleTab (the
 * default, pixel-exact), or the whole page / the error's surroundings
 * rendered by html2canvas in the page. Whatever fails, the user gets an
 * image or a reason: an html2canvas failure falls back to the visible area.
 * Secrets are painted out of the image before it is stored: the visible
 * area here (paint-masks.ts), html2canvas's canvas in the page
 * (lib/capture/html2canvas/paint.ts). An image that could not be painted is
 * never stored.
 */
import { browser } from 'wxt/browser';
import { putAttachment } from '../attachments';
import { dataUrlToBytes } from '../base64';
import { maskStashKeyName } from '../capture/mask-measure';
import {
  maskCheckSchema,
  type MaskCheck,
  type MaskReport,
  type UnverifiedMask,
} from '../capture/mask-report';
import { takeHtml2canvasScreenshot } from '../capture/html2canvas/request';
import { maskAttribute } from '../capture/masks';
import { toErrorShape, type ErrorShape } from '../errors';
import { readPngSize } from '../png';
import type { AttachmentRef, ScreenshotMode } from '../schema';
import { compactTimestamp } from '../time';
import { planMasks } from './mask-plan';
import { paintMasks } from './paint-masks';

const captureRateLimit = /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/;
/**
 * captureVisibleTab refused for want of activeTab or <all_urls>: Chrome says "Either the
 * '<all_urls>' or 'activeTab' permission is required."; Firefox says "Missing activeTab
 * permission" (Firefox, too, accepts only those two, not the page's host permission, and the
 * popup opened any other way than the toolbar button, the shortcut or the context menu has neither).
 */
const captureNotAllowed = /activeTab|<all_urls>/;

/**
 * Chrome allows two captureVisibleTab calls a second
 * (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND); one spaced retry covers a
 * quick recapture.
 */
async function captureVisibleTab(windowId: number): Promise<string> {
  try {
    return await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  } catch (error) {
    if (!(error instanceof Error) || !captureRateLimit.test(error.message)) throw error;
    await new Promise((resolve) => setTimeout(resolve, 600));
    return browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  }
}

/** Milliseconds of the visible-area path, for the benchmark (scripts/bench.ts reads the last one). */
export interface ScreenshotTiming {
  captureMs: number;
  checkMs: number;
  decodeMs: number;
  paintMs: number;
  encodeMs: number;
  boxes: number;
}

export interface TakenScreenshot {
  attachment?: AttachmentRef;
  /** Why there is no image, or why it is not the mode asked for. */
  problem?: ErrorShape;
  /** Masks painted where they were measured but not confirmed there after the screenshot. */
  unverified: UnverifiedMask[];
  timing?: ScreenshotTiming;
}

/**
 * Where the worker leaves the last visible-area timing: a global of the
 * background only, read by `npm run bench` through the service worker.
 */
export const lastScreenshotTimingKey = Symbol.for('helpdraft.last-screenshot-timing');

async function store(bytes: Uint8Array<ArrayBuffer>, type: string, now: Date, mode: ScreenshotMode) {
  const size = readPngSize(bytes);
  const attachment: AttachmentRef = {
    id: crypto.randomUUID(),
    name: `helpdraft-screenshot-${mode === 'visible' ? '' : `${mode}-`}${compactTimestamp(now)}.png`,
    type,
    size: bytes.byteLength,
    ...(size ?? {}),
  };
  await putAttachment(attachment, new Blob([bytes], { type }));
  return attachment;
}

/**
 * Measures the collector's targets again right after the screenshot (and
 * lets them go). Undefined when the page's isolated world is gone or gave
 * an unreadable answer: then every mask counts as not checked.
 */
async function checkMasks(tabId: number): Promise<MaskCheck | undefined> {
  const results = await browser.scripting
    .executeScript({
      target: { tabId },
      func: (keyName: string) => {
        const stash = (globalThis as Record<symbol, unknown>)[Symbol.for(keyName)] as
          { check: () => unknown; release: () => void } | undefined;
        if (!stash) return undefined;
        try {
          return stash.check();
        } finally {
          stash.release();
        }
      },
      args: [maskStashKeyName],
    })
    .catch(() => undefined);
  const parsed = maskCheckSchema.safeParse(results?.[0]?.result);
  return parsed.success ? parsed.data : undefined;
}

async function visibleArea(
  tab: { id: number; active: boolean; windowId: number },
  now: Date,
  masks: MaskReport,
): Promise<TakenScreenshot> {
  // captureVisibleTab photographs the window's active tab: for any other tab it would show the wrong page.
  if (!tab.active)
    return {
      problem: { code: 'screenshot-failed', detail: 'the tab is not the active tab of its window' },
      unverified: [],
    };
  const started = performance.now();
  let dataUrl: string;
  try {
    dataUrl = await captureVisibleTab(tab.windowId);
  } catch (error) {
    const detail = toErrorShape(error).detail;
    return {
      problem: {
        code: captureNotAllowed.test(detail) ? 'screenshot-not-allowed' : 'screenshot-failed',
        detail,
      },
      unverified: [],
    };
  }
  const captured = performance.now();
  const check = await checkMasks(tab.id);
  const checked = performance.now();
  if (masks.targets.length === 0) {
    // Nothing to paint out: the image is stored as taken, without a decode and encode.
    const { type, bytes } = dataUrlToBytes(dataUrl);
    return { ...(await storeTaken(bytes, type, now, 'visible')), unverified: [] };
  }
  let unverified: UnverifiedMask[] = [];
  let painted;
  try {
    painted = await paintMasks(dataUrl, (bitmap) => {
      const plan = planMasks(masks, check, bitmap);
      unverified = plan.unverified;
      return plan.boxes;
    });
  } catch (error) {
    // The unmasked image is dropped: no screenshot is better than one with a secret in it.
    return {
      problem: {
        code: 'screenshot-failed',
        detail: `the masks could not be painted: ${toErrorShape(error).detail}`,
      },
      unverified: [],
    };
  }
  const timing: ScreenshotTiming = {
    captureMs: captured - started,
    checkMs: checked - captured,
    ...painted.timing,
    boxes: painted.boxes,
  };
  (globalThis as Record<symbol, unknown>)[lastScreenshotTimingKey] = timing;
  const bytes = new Uint8Array(await painted.blob.arrayBuffer());
  return { ...(await storeTaken(bytes, 'image/png', now, 'visible')), unverified, timing };
}

/**
 * Stores a taken image; when that fails (the disk or quota is full, or
 * IndexedDB cannot be opened) the draft is still made, its text stored in
 * storage.local, and the reason says what to do.
 */
async function storeTaken(
  bytes: Uint8Array<ArrayBuffer>,
  type: string,
  now: Date,
  mode: ScreenshotMode,
): Promise<Omit<TakenScreenshot, 'unverified'>> {
  try {
    return { attachment: await store(bytes, type, now, mode) };
  } catch (error) {
    const shape = toErrorShape(error);
    return shape.code === 'storage-full' || shape.code === 'attachments-unavailable'
      ? { problem: shape }
      : { problem: { code: 'screenshot-failed', detail: shape.detail } };
  }
}

/** Takes the screenshot and paints the collector's masks into it before it is stored. */
export async function takeScreenshot(
  tab: { id: number; active: boolean; windowId: number },
  mode: ScreenshotMode,
  now: Date,
  masks: MaskReport,
): Promise<TakenScreenshot> {
  if (mode === 'visible') return visibleArea(tab, now, masks);
  const rendered = await takeHtml2canvasScreenshot(tab.id, {
    mode,
    // The collector marked every secret it found; password fields are masked even if it missed one.
    maskSelectors: [`[${maskAttribute}]`, 'input[type=password]'],
  }).catch((error: unknown) => ({
    ok: false as const,
    reason: 'failed' as const,
    detail: toErrorShape(error).detail,
  }));
  if (rendered.ok) {
    await releaseMasks(tab.id);
    const { type, bytes } = dataUrlToBytes(rendered.dataUrl);
    return { ...(await storeTaken(bytes, type, now, mode)), unverified: [] };
  }
  // The page painted nothing we can trust: the visible area is taken, and painted here, instead.
  const fallback = await visibleArea(tab, now, masks);
  return {
    ...fallback,
    problem: { code: 'screenshot-fell-back', detail: `${rendered.reason}: ${rendered.detail}` },
  };
}

/** Lets the collector's targets go and takes the html2canvas marks off (the collector would after a minute anyway). */
export async function releaseMasks(tabId: number): Promise<void> {
  await browser.scripting
    .executeScript({
      target: { tabId },
      func: (keyName: string, attribute: string) => {
        const stash = (globalThis as Record<symbol, unknown>)[Symbol.for(keyName)] as
          { release: () => void } | undefined;
        stash?.release();
        for (const element of document.querySelectorAll(`[${attribute}]`)) element.removeAttribute(attribute);
      },
      args: [maskStashKeyName, maskAttribute],
    })
    .catch(() => undefined);
}
