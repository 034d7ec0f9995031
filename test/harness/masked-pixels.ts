/**
 * Reading the screenshot a draft holds and judging its masks by their
 * pixels, for the E2E files of issue 15 (test/e2e/mask-paint.e2e.ts,
 * hostile.e2e.ts, secrets-page.e2e.ts). The masks are painted opaque black
 * into the bitmap by the background (lib/background/paint-masks.ts).
 */
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';

/** A rectangle, CSS px of the top viewport. */
export interface CssBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The screenshot the draft holds, read from the extension's IndexedDB
 * through the popup's preview (an object URL of the stored Blob).
 */
export async function draftScreenshot(popup: Page): Promise<PNG> {
  const base64 = await popup
    .getByTestId('attachment-item')
    .locator('img')
    .evaluate(async (image: HTMLImageElement) => {
      const bytes = new Uint8Array(await (await (await fetch(image.src)).blob()).arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    });
  return PNG.sync.read(Buffer.from(base64, 'base64'));
}

function isOpaqueBlack(image: PNG, x: number, y: number): boolean {
  const offset = (y * image.width + x) * 4;
  return (
    image.data[offset] === 0 &&
    image.data[offset + 1] === 0 &&
    image.data[offset + 2] === 0 &&
    image.data[offset + 3] === 255
  );
}

/**
 * Share of opaque black pixels (0, 0, 0, 255) among every bitmap pixel a
 * CSS box touches, at `scale` bitmap px per CSS px. Pixels outside the
 * image count as not black, so a box mapped off the image fails.
 */
export function blackShare(image: PNG, box: CssBox, scale: number): number {
  let black = 0;
  let total = 0;
  for (let y = Math.floor(box.y * scale); y < Math.ceil((box.y + box.height) * scale); y += 1) {
    for (let x = Math.floor(box.x * scale); x < Math.ceil((box.x + box.width) * scale); x += 1) {
      total += 1;
      if (x >= 0 && y >= 0 && x < image.width && y < image.height && isOpaqueBlack(image, x, y)) black += 1;
    }
  }
  return total === 0 ? 0 : black / total;
}

/** Share of the whole image that is opaque black. */
export function imageBlackShare(image: PNG): number {
  let black = 0;
  for (let y = 0; y < image.height; y += 1) {
    for (let x = 0; x < image.width; x += 1) if (isOpaqueBlack(image, x, y)) black += 1;
  }
  return black / (image.width * image.height);
}

/**
 * How many pixels of the image are close to `colour` (every channel within
 * `tolerance`): a secret drawn on a marker colour must leave none.
 */
export function pixelsNear(image: PNG, colour: [number, number, number], tolerance = 40): number {
  let count = 0;
  for (let offset = 0; offset < image.data.length; offset += 4) {
    if (
      Math.abs(image.data[offset]! - colour[0]) <= tolerance &&
      Math.abs(image.data[offset + 1]! - colour[1]) <= tolerance &&
      Math.abs(image.data[offset + 2]! - colour[2]) <= tolerance
    )
      count += 1;
  }
  return count;
}

/** Starts recording the changes made to the page's DOM (its main world sees the extension's, too). */
export function watchMutations(page: Page): Promise<void> {
  return page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __helpdraftTestMutations: string[] }).__helpdraftTestMutations = seen;
    new MutationObserver((records) => {
      for (const record of records) seen.push(`${record.type} ${record.attributeName ?? ''}`.trim());
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** What watchMutations saw since it started. */
export function seenMutations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __helpdraftTestMutations?: string[] }).__helpdraftTestMutations ?? [],
  );
}
