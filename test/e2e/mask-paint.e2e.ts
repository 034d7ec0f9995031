/**
 * Masks painted into the bitmap, not laid over the page (issue 15, item 1),
 * through the real built extension on stand-in pages that defeat an overlay
 * (test/fixtures/standin/onelogin/mask-paint/): a top-layer <dialog> opened
 * with showModal(), a popover, html{zoom:1.5}, html{transform:scale(1.25)},
 * a contain:paint box, a scrolled page, a page that takes out whatever is
 * added to it, and a transparent layer over everything. The stored PNG is
 * decoded: every pixel of each secret's boxes (measured in the page, mapped
 * to bitmap px) is opaque black, no pixel of the magenta the secrets are
 * drawn on is left anywhere (a check that does not trust the geometry), and
 * the rest of the page is drawn, not black.
 */
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { openPopupForTab, tabIdOf } from '../harness/extension';
import {
  blackShare,
  draftScreenshot,
  imageBlackShare,
  pixelsNear,
  seenMutations,
  watchMutations,
  type CssBox,
} from '../harness/masked-pixels';
import { useStandInBrowser } from '../harness/suite';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

const magenta: [number, number, number] = [255, 0, 255];
const markerGreen: [number, number, number] = [0, 200, 0];

interface SecretBox extends CssBox {
  name: string;
}

/**
 * Every box a secret is drawn in, CSS px of the top viewport: the field's
 * box, and the line boxes of the text (Range.getClientRects), as the page
 * itself measures them; and the viewport's width, to map them to bitmap px.
 */
function measureSecrets(page: Page): Promise<{ boxes: SecretBox[]; innerWidth: number }> {
  return page.evaluate(() => {
    const boxes: { name: string; x: number; y: number; width: number; height: number }[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('[data-secret]')) {
      const name = element.dataset.secret!;
      const rects =
        element instanceof HTMLInputElement
          ? [element.getBoundingClientRect()]
          : (() => {
              const range = document.createRange();
              range.selectNodeContents(element);
              return [...range.getClientRects()];
            })();
      for (const rect of rects)
        boxes.push({ name, x: rect.x, y: rect.y, width: rect.width, height: rect.height });
    }
    return { boxes, innerWidth };
  });
}

async function capture(query: string) {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin('acme.onelogin.com')}/mask-paint/?${query}`);
  await page.locator('[data-secret="field"]').waitFor();
  const measured = await measureSecrets(page);
  // The check can fail: the page as it is drawn shows the magenta of its secrets.
  const unmasked = PNG.sync.read(await page.screenshot());
  expect(pixelsNear(unmasked, magenta)).toBeGreaterThan(100);
  await watchMutations(page);
  const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
  await popup.getByTestId('draft-title').waitFor({ timeout: 25_000 });
  await popup.getByTestId('attachment-item').waitFor();
  const image = await draftScreenshot(popup);
  return { page, popup, image, ...measured };
}

describe('masks painted into the stored screenshot', () => {
  it.each([
    ['plain', 'case=plain'],
    ['a top-layer dialog opened with showModal()', 'case=dialog'],
    ['a popover', 'case=popover'],
    ['html{zoom:1.5}', 'case=zoom'],
    ['html{transform:scale(1.25)}', 'case=transform'],
    ['a contain:paint box', 'case=contain'],
    ['a page scrolled by 1500 px', 'case=scrolled'],
    ['a page that takes out whatever is added to it', 'case=fight'],
  ])('%s: every secret pixel is opaque black, the page drawn, nothing added to it', async (_, query) => {
    const { page, popup, image, boxes, innerWidth } = await capture(query);
    expect(new Set(boxes.map((box) => box.name))).toEqual(new Set(['text', 'field']));
    const scale = image.width / innerWidth;
    const shares = boxes.map((box) => ({ name: box.name, share: blackShare(image, box, scale) }));
    expect(shares.filter(({ share }) => share < 1)).toEqual([]);
    // Without trusting the geometry: none of the magenta the secrets are drawn on is left.
    expect(pixelsNear(image, magenta)).toBe(0);
    // …and the page is drawn: the green marker shows, most of the image is not black.
    expect(pixelsNear(image, markerGreen)).toBeGreaterThan(100);
    expect(imageBlackShare(image)).toBeLessThan(0.5);
    // Nothing was laid over the page, no attribute set (the fighting page had nothing to take out).
    await expect(seenMutations(page)).resolves.toEqual([]);
    if (query === 'case=fight') {
      await expect(
        page.evaluate(() => (window as unknown as { __removedByPage: string[] }).__removedByPage),
      ).resolves.toEqual([]);
    }
    // Every mask was confirmed where it was measured: no warning.
    await expect(popup.getByTestId('mask-unverified').count()).resolves.toBe(0);
    await popup.close();
    await page.close();
  });

  it('under a transparent layer over everything: painted black, and the popup warns that masks could not be verified', async () => {
    const { page, popup, image, boxes, innerWidth } = await capture('case=cover');
    const scale = image.width / innerWidth;
    for (const box of boxes) expect(blackShare(image, box, scale), box.name).toBe(1);
    expect(pixelsNear(image, magenta)).toBe(0);
    const warning = popup.getByTestId('mask-unverified');
    await expect(warning.isVisible()).resolves.toBe(true);
    await expect(warning.getAttribute('data-count')).resolves.toBe(
      String(new Set(boxes.map((box) => box.name)).size),
    );
    await popup.close();
    await page.close();
  });
});
