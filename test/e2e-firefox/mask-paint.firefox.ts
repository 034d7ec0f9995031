/**
 * Masks painted into the bitmap in Firefox ESR (issue 15, item 1): the
 * Firefox MV3 E2E build's background is an event page, with
 * createImageBitmap and OffscreenCanvas like Chrome's service worker
 * (https://developer.mozilla.org/en-US/docs/Web/API/OffscreenCanvas#browser_compatibility),
 * so it paints the boxes into captureVisibleTab's image before storing it.
 * On the stand-in pages of test/e2e/mask-paint.e2e.ts (secrets drawn on
 * magenta): the stored PNG, read through the popup's preview, is opaque
 * black over every secret box, holds no magenta, and shows the page.
 */
import { PNG } from 'pngjs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInServer, type StandInServer } from '../fixtures/server';
import {
  firefoxE2eBuild,
  firefoxTabIdOf,
  launchFirefoxWithExtension,
  openFirefoxPopupForTab,
  type FirefoxExtensionBrowser,
} from '../harness/firefox';
import { blackShare, imageBlackShare, pixelsNear, type CssBox } from '../harness/masked-pixels';

let server: StandInServer;
let firefox: FirefoxExtensionBrowser;

beforeAll(async () => {
  server = await startStandInServer();
  firefox = await launchFirefoxWithExtension({ extensionPath: firefoxE2eBuild, server });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const magenta: [number, number, number] = [255, 0, 255];
const markerGreen: [number, number, number] = [0, 200, 0];

/** Each secret's boxes (CSS px of the viewport) and the viewport's width, as the page measures them. */
function measureSecrets(page: Page): Promise<{ boxes: CssBox[]; innerWidth: number }> {
  return page.evaluate(() => {
    const boxes: { x: number; y: number; width: number; height: number }[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('[data-secret]')) {
      const range = document.createRange();
      range.selectNodeContents(element);
      const rects =
        element instanceof HTMLInputElement ? [element.getBoundingClientRect()] : [...range.getClientRects()];
      for (const rect of rects) boxes.push({ x: rect.x, y: rect.y, width: rect.width, height: rect.height });
    }
    return { boxes, innerWidth };
  });
}

/** The PNG the draft holds, through the popup's preview of the stored Blob. */
async function draftScreenshot(popup: Page): Promise<PNG> {
  await popup.waitForSelector('[data-testid="attachment-item"] img', { timeout: 30_000 });
  const base64 = await popup.$eval('[data-testid="attachment-item"] img', async (image) => {
    const bytes = new Uint8Array(
      await (await (await fetch((image as HTMLImageElement).src)).blob()).arrayBuffer(),
    );
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
  return PNG.sync.read(Buffer.from(base64, 'base64'));
}

describe('Firefox MV3 (E2E build): masks painted into the stored screenshot', () => {
  it.each([
    ['plain', 'case=plain'],
    ['a top-layer dialog opened with showModal()', 'case=dialog'],
    ['html{zoom:1.5}', 'case=zoom'],
    ['a page that takes out whatever is added to it', 'case=fight'],
  ])('%s: every secret pixel opaque black, no magenta left, the page drawn', async (_, query) => {
    // Its own window, so the page stays the active tab of its window while the popup is open.
    const page = await firefox.browser.newPage({ type: 'window' });
    const url = `https://acme.onelogin.com/mask-paint/?${query}`;
    await page.goto(url);
    await page.waitForSelector('[data-secret="field"]');
    const { boxes, innerWidth } = await measureSecrets(page);
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    const popup = await openFirefoxPopupForTab(firefox, await firefoxTabIdOf(firefox, url));
    await popup.waitForSelector('[data-testid="draft-title"]', { timeout: 30_000 });
    const image = await draftScreenshot(popup);
    const scale = image.width / innerWidth;
    expect(boxes.map((box) => blackShare(image, box, scale))).toEqual(boxes.map(() => 1));
    expect(pixelsNear(image, magenta)).toBe(0);
    expect(pixelsNear(image, markerGreen)).toBeGreaterThan(100);
    expect(imageBlackShare(image)).toBeLessThan(0.5);
    await expect(popup.$('[data-testid="mask-unverified"]')).resolves.toBeNull();
    if (query === 'case=fight') {
      await expect(
        page.evaluate(() => (window as unknown as { __removedByPage: string[] }).__removedByPage),
      ).resolves.toEqual([]);
    }
    await Promise.all([popup.close(), page.close()]);
  });
});
