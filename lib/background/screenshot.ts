/**
 * The screenshot of a capture: the visible area with captureVisibleTab (the
 * default, pixel-exact), or the whole page / the error's surroundings
 * rendered by html2canvas in the page. Whatever fails, the user gets an
 * image or a reason: an html2canvas failure falls back to the visible area.
 */
import { browser } from 'wxt/browser';
import { putAttachment } from '../attachments';
import { dataUrlToBytes } from '../base64';
import { takeHtml2canvasScreenshot } from '../capture/html2canvas/request';
import { maskAttribute, maskHostId } from '../capture/masks';
import { toErrorShape, type ErrorShape } from '../errors';
import { readPngSize } from '../png';
import type { AttachmentRef, ScreenshotMode } from '../schema';
import { compactTimestamp } from '../time';

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

export interface TakenScreenshot {
  attachment?: AttachmentRef;
  /** Why there is no image, or why it is not the mode asked for. */
  problem?: ErrorShape;
}

async function store(dataUrl: string, now: Date, mode: ScreenshotMode): Promise<AttachmentRef> {
  const { type, bytes } = dataUrlToBytes(dataUrl);
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

async function visibleArea(tab: { active: boolean; windowId: number }, now: Date): Promise<TakenScreenshot> {
  // captureVisibleTab photographs the window's active tab: for any other tab it would show the wrong page.
  if (!tab.active)
    return { problem: { code: 'screenshot-failed', detail: 'the tab is not the active tab of its window' } };
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
    };
  }
  return storeTaken(dataUrl, now, 'visible');
}

/**
 * Stores a taken image; when that fails (the disk or quota is full, or
 * IndexedDB cannot be opened) the draft is still made, its text stored in
 * storage.local, and the reason says what to do.
 */
async function storeTaken(dataUrl: string, now: Date, mode: ScreenshotMode): Promise<TakenScreenshot> {
  try {
    return { attachment: await store(dataUrl, now, mode) };
  } catch (error) {
    const shape = toErrorShape(error);
    return shape.code === 'storage-full' || shape.code === 'attachments-unavailable'
      ? { problem: shape }
      : { problem: { code: 'screenshot-failed', detail: shape.detail } };
  }
}

/** Takes the screenshot while the collector's masks cover the page's secrets. */
export async function takeScreenshot(
  tab: { id: number; active: boolean; windowId: number },
  mode: ScreenshotMode,
  now: Date,
): Promise<TakenScreenshot> {
  if (mode === 'visible') return visibleArea(tab, now);
  const rendered = await takeHtml2canvasScreenshot(tab.id, {
    mode,
    // The collector marked every secret it found; password fields are masked even if it missed one.
    maskSelectors: [`[${maskAttribute}]`, 'input[type=password]'],
  }).catch((error: unknown) => ({
    ok: false as const,
    reason: 'failed' as const,
    detail: toErrorShape(error).detail,
  }));
  if (rendered.ok) return storeTaken(rendered.dataUrl, now, mode);
  const fallback = await visibleArea(tab, now);
  return {
    ...fallback,
    problem: { code: 'screenshot-fell-back', detail: `${rendered.reason}: ${rendered.detail}` },
  };
}

/** Takes the masks off the page (the collector would after a few seconds anyway). */
export async function removeMasks(tabId: number): Promise<void> {
  await browser.scripting
    .executeScript({
      target: { tabId },
      func: (hostId: string, attribute: string) => {
        document.getElementById(hostId)?.remove();
        for (const element of document.querySelectorAll(`[${attribute}]`)) element.removeAttribute(attribute);
      },
      args: [maskHostId, maskAttribute],
    })
    .catch(() => undefined);
}
