/**
 * Screenshot annotation in the real popup: a black-out box and a blur box
 * drawn by mouse drags on the canvas, saved, and uploaded by the fill; the
 * uploaded PNG is checked pixel by pixel against the original screenshot.
 * Undo, redo, Escape mid-drag, a second annotation and "restore original".
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { rectBetween, toImagePoint, type Size } from '../../lib/annotate/geometry';
import { blockSizeFor } from '../../lib/annotate/pixelate';
import type { Point, Rect } from '../../lib/annotate/shapes';
import type { AttachmentRef } from '../../lib/schema';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { openPopupForTab, tabIdOf, waitForFillOutcome } from '../harness/extension';
import { storedAttachmentIds } from '../harness/attachment-store';
import { useStandInBrowser } from '../harness/suite';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

interface Opened {
  page: Page;
  popup: Page;
  tabId: number;
}

async function openAppSso(): Promise<Opened> {
  const page = await browser.context.newPage();
  await page.goto(server.urls.appSso);
  const tabId = await tabIdOf(browser, page);
  const popup = await openPopupForTab(browser, tabId);
  await popup.getByTestId('draft-title').waitFor();
  return { page, popup, tabId };
}

/** The bytes the attachment's preview shows (its Blob in IndexedDB). */
async function previewBytes(item: Locator): Promise<Buffer> {
  const base64 = await item.locator('img').evaluate(async (image: HTMLImageElement) => {
    const bytes = new Uint8Array(await (await fetch(image.src)).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

/** The stored draft's attachments, for the draft of this tab. */
async function storedAttachments(tabId: number): Promise<AttachmentRef[]> {
  return browser.serviceWorker.evaluate(async (wanted) => {
    const area = await chrome.storage.local.get(null);
    const draft = Object.entries(area)
      .filter(([key]) => key.startsWith('draft:'))
      .map(([, value]) => value as { sourceTabId?: number; attachments: AttachmentRef[] })
      .find((candidate) => candidate.sourceTabId === wanted);
    return draft?.attachments ?? [];
  }, tabId);
}

async function imageSize(canvas: Locator): Promise<Size> {
  return canvas.evaluate((element: HTMLCanvasElement) => ({ width: element.width, height: element.height }));
}

/**
 * Drags on the canvas from one image point to another, with the mouse, and
 * returns the rectangle the editor draws for it (the same mapping it uses).
 */
async function drag(popup: Page, canvas: Locator, from: Point, to: Point): Promise<Rect> {
  await canvas.scrollIntoViewIfNeeded();
  const image = await imageSize(canvas);
  const box = await canvas.evaluate((element) => {
    const { left, top, width, height } = element.getBoundingClientRect();
    return { left, top, width, height };
  });
  const client = (point: Point) => ({
    x: Math.round(box.left + (point.x * box.width) / image.width),
    y: Math.round(box.top + (point.y * box.height) / image.height),
  });
  const start = client(from);
  const end = client(to);
  await popup.mouse.move(start.x, start.y);
  await popup.mouse.down();
  await popup.mouse.move(end.x, end.y, { steps: 6 });
  await popup.mouse.up();
  const rect = rectBetween(toImagePoint(start, box, image), toImagePoint(end, box, image), image);
  if (!rect) throw new Error('The drag was too small to draw a box');
  return rect;
}

/** The page element's box in image pixels (the screenshot is the viewport at devicePixelRatio). */
async function imageRectOf(page: Page, selector: string): Promise<Rect> {
  const box = await page.locator(selector).boundingBox();
  const ratio = await page.evaluate(() => devicePixelRatio);
  if (!box) throw new Error(`${selector} is not on the page`);
  return {
    x: Math.round(box.x * ratio),
    y: Math.round(box.y * ratio),
    width: Math.round(box.width * ratio),
    height: Math.round(box.height * ratio),
  };
}

function inside(rect: Rect, x: number, y: number, margin = 0): boolean {
  return (
    x >= rect.x - margin &&
    x < rect.x + rect.width + margin &&
    y >= rect.y - margin &&
    y < rect.y + rect.height + margin
  );
}

async function shapeCount(popup: Page): Promise<number> {
  return Number(await popup.getByTestId('annotator').getAttribute('data-shape-count'));
}

describe('screenshot annotation', () => {
  it('uploads a black-out box all black and a blur box pixelated, the rest untouched', async () => {
    const { page, popup, tabId } = await openAppSso();
    const banner = await imageRectOf(page, '.flash-error');
    const heading = await imageRectOf(page, '#app-name');
    const item = popup.getByTestId('attachment-item').first();
    const original = await previewBytes(item);

    await item.getByTestId('attachment-annotate').click();
    await popup.getByTestId('annotator').waitFor();
    const canvas = popup.getByTestId('annotate-canvas');
    await canvas.waitFor();
    await popup.getByTestId('annotate-tool-blackout').click();
    // Dragged from the bottom right to the top left: the same box.
    const black = await drag(
      popup,
      canvas,
      { x: heading.x + heading.width, y: heading.y + heading.height },
      { x: heading.x, y: heading.y },
    );
    await popup.getByTestId('annotate-tool-blur').click();
    const blur = await drag(
      popup,
      canvas,
      { x: banner.x, y: banner.y },
      { x: banner.x + banner.width, y: banner.y + banner.height },
    );
    expect(await shapeCount(popup)).toBe(2);
    await popup.getByTestId('annotate-save').click();
    await popup.getByTestId('annotator').waitFor({ state: 'detached' });
    await expect
      .poll(() => popup.getByTestId('attachment-item').first().getAttribute('data-annotated'))
      .toBe('true');
    await expect(item.getByTestId('attachment-restore-original').count()).resolves.toBe(1);
    const [stored] = await storedAttachments(tabId);
    expect(stored?.original?.type).toBe('image/png');
    expect(await storedAttachmentIds(popup)).toEqual(
      expect.arrayContaining([stored!.id, stored!.original!.id]),
    );

    await expect.poll(() => popup.getByTestId('save-state').getAttribute('data-pending')).toBe('0');
    server.reset();
    const formOpened = browser.context.waitForEvent(
      'page',
      (opened) => opened.url() === server.urls.helpCenterForm,
    );
    await popup.getByTestId('fill').click();
    const form = await formOpened;
    expect((await waitForFillOutcome(browser, popup)).attachments).toBe('filled');
    expect(server.uploads).toHaveLength(1);
    const upload = server.uploads[0]!;
    expect(upload.contentType).toBe('image/png');

    const before = PNG.sync.read(original);
    const after = PNG.sync.read(upload.bytes);
    expect([after.width, after.height]).toEqual([before.width, before.height]);
    const image = { width: before.width, height: before.height };
    const pixel = (png: PNG, x: number, y: number) => {
      const offset = (y * png.width + x) * 4;
      return [png.data[offset], png.data[offset + 1], png.data[offset + 2]];
    };

    // Inside the black-out box: all black.
    let notBlack = 0;
    for (let y = black.y; y < black.y + black.height; y += 1)
      for (let x = black.x; x < black.x + black.width; x += 1)
        if (pixel(after, x, y).some((channel) => channel !== 0)) notBlack += 1;
    expect(notBlack).toBe(0);

    // Inside the blur box: other pixels than the original's, uniform in each block of the grid.
    const block = blockSizeFor(image);
    let changed = 0;
    for (let y = blur.y; y < blur.y + blur.height; y += 1)
      for (let x = blur.x; x < blur.x + blur.width; x += 1)
        if (pixel(after, x, y).join() !== pixel(before, x, y).join()) changed += 1;
    expect(changed / (blur.width * blur.height)).toBeGreaterThan(0.02);
    let cells = 0;
    const mixedCells: string[] = [];
    for (let top = Math.ceil(blur.y / block) * block; top + block <= blur.y + blur.height; top += block) {
      for (let left = Math.ceil(blur.x / block) * block; left + block <= blur.x + blur.width; left += block) {
        cells += 1;
        const first = pixel(after, left, top).join();
        let uniform = true;
        for (let y = top; y < top + block && uniform; y += 1)
          for (let x = left; x < left + block && uniform; x += 1)
            uniform = pixel(after, x, y).join() === first;
        if (!uniform) mixedCells.push(`${left},${top}`);
      }
    }
    expect(cells).toBeGreaterThan(10);
    expect(mixedCells).toEqual([]);
    // The banner's text is gone: a block that held text and background is now one colour.
    expect(changed).toBeGreaterThan(block);

    // Outside both boxes: the original's pixels, exactly.
    let differing = 0;
    for (let y = 0; y < image.height; y += 1)
      for (let x = 0; x < image.width; x += 1) {
        if (inside(black, x, y) || inside(blur, x, y)) continue;
        if (pixel(after, x, y).join() !== pixel(before, x, y).join()) differing += 1;
      }
    expect(differing).toBe(0);

    await form.close();
    await popup.close();
    await page.close();
  });

  it('undoes and redoes by button and keyboard, and Escape cancels the box being drawn', async () => {
    const { page, popup, tabId } = await openAppSso();
    const item = popup.getByTestId('attachment-item').first();
    await item.getByTestId('attachment-annotate').click();
    const canvas = popup.getByTestId('annotate-canvas');
    await canvas.waitFor();
    const image = await imageSize(canvas);
    const centre = async (rect: Rect) =>
      canvas.evaluate(
        (element: HTMLCanvasElement, at) =>
          [...element.getContext('2d')!.getImageData(at.x, at.y, 1, 1).data].slice(0, 3).join(),
        { x: rect.x + Math.floor(rect.width / 2), y: rect.y + Math.floor(rect.height / 2) },
      );

    await popup.getByTestId('annotate-tool-blackout').click();
    const area = { x: Math.round(image.width / 4), y: Math.round(image.height / 2) };
    const box = await drag(popup, canvas, area, { x: area.x + 200, y: area.y + 120 });
    expect(await shapeCount(popup)).toBe(1);
    await expect(centre(box)).resolves.toBe('0,0,0');

    await popup.getByTestId('annotate-undo').click();
    expect(await shapeCount(popup)).toBe(0);
    await expect(centre(box)).resolves.not.toBe('0,0,0');
    await popup.getByTestId('annotate-redo').click();
    expect(await shapeCount(popup)).toBe(1);
    await canvas.focus();
    await popup.keyboard.press('Control+z');
    expect(await shapeCount(popup)).toBe(0);
    await popup.keyboard.press('Control+Shift+z');
    expect(await shapeCount(popup)).toBe(1);
    await popup.keyboard.press('Control+z');
    expect(await shapeCount(popup)).toBe(0);
    await expect(popup.getByTestId('annotate-save').isDisabled()).resolves.toBe(true);

    // A drag cancelled with Escape draws nothing, even when the button is released afterwards.
    const start = await canvas.boundingBox();
    await popup.mouse.move(start!.x + 40, start!.y + 40);
    await popup.mouse.down();
    await popup.mouse.move(start!.x + 140, start!.y + 100, { steps: 4 });
    await popup.keyboard.press('Escape');
    await popup.mouse.up();
    expect(await shapeCount(popup)).toBe(0);

    // Text: a click places the spot, Enter places the text; Escape drops a text being typed.
    await popup.getByTestId('annotate-tool-text').click();
    await popup.mouse.click(start!.x + 60, start!.y + 30);
    await popup.getByTestId('annotate-text-input').fill('ここでエラー');
    await popup.keyboard.press('Enter');
    expect(await shapeCount(popup)).toBe(1);
    await popup.mouse.click(start!.x + 80, start!.y + 60);
    await popup.getByTestId('annotate-text-input').fill('取り消す');
    await popup.keyboard.press('Escape');
    await popup.getByTestId('annotate-text-input').waitFor({ state: 'detached' });
    expect(await shapeCount(popup)).toBe(1);

    // Every tool is a labelled button; cancel leaves the attachment as it was.
    for (const tool of ['rectangle', 'arrow', 'text', 'blur', 'blackout', 'crop']) {
      await expect(popup.getByTestId(`annotate-tool-${tool}`).textContent()).resolves.not.toBe('');
    }
    await popup.getByTestId('annotate-cancel').click();
    await popup.getByTestId('annotator').waitFor({ state: 'detached' });
    await expect(item.getAttribute('data-annotated')).resolves.toBeNull();
    const [stored] = await storedAttachments(tabId);
    expect(stored?.original).toBeUndefined();
    await popup.close();
    await page.close();
  });

  it('annotates again from the annotated image, and restores the original', async () => {
    const { page, popup, tabId } = await openAppSso();
    const item = popup.getByTestId('attachment-item').first();
    const original = await previewBytes(item);
    const [first] = await storedAttachments(tabId);

    const annotate = async (tool: string, from: Point, to: Point) => {
      await popup.getByTestId('attachment-item').first().getByTestId('attachment-annotate').click();
      const canvas = popup.getByTestId('annotate-canvas');
      await canvas.waitFor();
      await popup.getByTestId(`annotate-tool-${tool}`).click();
      await drag(popup, canvas, from, to);
      await popup.getByTestId('annotate-save').click();
      await popup.getByTestId('annotator').waitFor({ state: 'detached' });
    };

    await annotate('blackout', { x: 20, y: 20 }, { x: 220, y: 140 });
    const [once] = await storedAttachments(tabId);
    expect(once?.original?.id).toBe(first!.id);
    await annotate('crop', { x: 10, y: 10 }, { x: 410, y: 310 });
    const [twice] = await storedAttachments(tabId);
    expect(twice?.original?.id).toBe(first!.id);
    expect(twice?.id).not.toBe(once!.id);
    // Cropped: the image is the crop's size; the second started from the first (its black box is in it).
    const cropped = PNG.sync.read(await previewBytes(popup.getByTestId('attachment-item').first()));
    expect(twice?.width).toBe(cropped.width);
    expect(cropped.width).toBeLessThan(first!.width!);
    // The crop starts near (10, 10): the black box from (20, 20) is around (50, 50) of the crop.
    const offset = (50 * cropped.width + 50) * 4;
    expect([...cropped.data.subarray(offset, offset + 3)]).toEqual([0, 0, 0]);
    const ids = await storedAttachmentIds(popup);
    expect(ids).not.toContain(once!.id);

    await popup.getByTestId('attachment-item').first().getByTestId('attachment-restore-original').click();
    await expect
      .poll(() => popup.getByTestId('attachment-item').first().getAttribute('data-annotated'))
      .toBeNull();
    const [restored] = await storedAttachments(tabId);
    expect(restored).toEqual(first);
    await expect
      .poll(async () => (await previewBytes(popup.getByTestId('attachment-item').first())).equals(original))
      .toBe(true);
    const after = await storedAttachmentIds(popup);
    expect(after).toContain(first!.id);
    expect(after).not.toContain(twice!.id);
    await expect(popup.getByTestId('attachment-restore-original').count()).resolves.toBe(0);
    await popup.close();
    await page.close();
  });
});
