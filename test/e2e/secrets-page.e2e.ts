/**
 * Secrets found by meaning (issue 15, item 2), through the real built
 * extension on a stand-in console page that seeds every class of shown
 * secret (test/fixtures/standin/onelogin/secrets/): values beside their
 * labels in <td>/<code>/<dd>, an unlinked label, a readonly key, a revealed
 * password, split and `bearer:` tokens, PEM lines, open and closed shadow
 * roots and a same-origin frame. No secret reaches storage, the popup, the
 * export, the filled form or an article search, and the stored PNG is dark
 * inside every secret's boxes. The PNG is checked by its pixels, so the test
 * holds whether the masks are laid over the page or painted into the bitmap.
 */
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { dumpStorage, openPopupForTab, tabIdOf, waitForFillOutcome } from '../harness/extension';
import { useStandInBrowser } from '../harness/suite';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

const secretsUrl = () => `${server.origin('acme.onelogin.com')}/secrets`;

/** Every secret the page shows, by its data-secret name (the same strings as in the page). */
const secrets: Record<string, string> = {
  'td-code': '9b1c4e7f2a6d8035c1e9f4a7b2d6e0c3',
  dd: 'Qm7Lx2Vp9Rt4Wz8Kc3Nh6Jb1Fd5Gs0Ya',
  'span-label': 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0',
  readonly: 'ak_7Hq2Zm9Xw4Lp8Nv3Rk6Tj1Bc5Df0Gs',
  revealed: 'Tr0ub4dor&3-Horse',
  'bearer-split': 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzcGxpdC10b2tlbiJ9.Zk3mQ8pL2xN7vR4tW9yB1cD6fH0jK5sA',
  'bearer-colon': '7f2b9d4e1a8c6035f9e2b7d4a1c8e6f3',
  pem: 'MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDFakeKeyLine01',
  'pem-second-line': 'q2Zm9Xw4Lp8Nv3Rk6Tj1Bc5Df0GsQm7Lx2Vp9Rt4Wz8Kc3Nh6Jb1Fd5Gs0YaLine02',
  'open-shadow': 'pk_Open7Hq2Zm9Xw4Lp8Nv3Rk6Tj1B',
  'closed-shadow': 'sig_Closed3Rk6Tj1Bc5Df0GsQm7Lx2',
  frame: 'whsec_Fr4meSecret9Kq2Lw7Zx3Pm8',
};

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The boxes each secret is drawn in, in the top viewport (CSS px): a field's
 * box, or the line boxes of an element's text, in the document, its shadow
 * roots (the closed one through the reference the page keeps) and its frame.
 */
function secretBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const boxes: { name: string; x: number; y: number; width: number; height: number }[] = [];
    const frame = document.querySelector('iframe')!;
    const frameBox = frame.getBoundingClientRect();
    const roots: [Document | ShadowRoot, number, number][] = [
      [document, 0, 0],
      [document.getElementById('open-host')!.shadowRoot!, 0, 0],
      [(window as unknown as { __closedRoot: ShadowRoot }).__closedRoot, 0, 0],
      [frame.contentDocument!, frameBox.left + frame.clientLeft, frameBox.top + frame.clientTop],
    ];
    for (const [root, dx, dy] of roots) {
      for (const element of root.querySelectorAll<HTMLElement>('[data-secret]')) {
        const name = element.dataset.secret!;
        if (element.tagName === 'INPUT') {
          const rect = element.getBoundingClientRect();
          boxes.push({ name, x: rect.x + dx, y: rect.y + dy, width: rect.width, height: rect.height });
          continue;
        }
        // The text's own line boxes (an element's box may be wider than the text it holds).
        const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          const range = element.ownerDocument.createRange();
          range.selectNodeContents(text);
          for (const rect of range.getClientRects()) {
            if (rect.width > 4 && rect.height > 4)
              boxes.push({ name, x: rect.x + dx, y: rect.y + dy, width: rect.width, height: rect.height });
          }
        }
      }
    }
    return boxes;
  });
}

/** The screenshot the draft holds, read from the extension's IndexedDB through the popup's preview. */
async function draftScreenshot(popup: Page): Promise<PNG> {
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

/** Share of near-black pixels inside a box (CSS px, 2 device px in from its edges). */
function darkShare(image: PNG, box: Box, scale: number): number {
  let dark = 0;
  let total = 0;
  for (let y = Math.ceil(box.y * scale) + 2; y < Math.floor((box.y + box.height) * scale) - 2; y += 1) {
    for (let x = Math.ceil(box.x * scale) + 2; x < Math.floor((box.x + box.width) * scale) - 2; x += 1) {
      const offset = (y * image.width + x) * 4;
      total += 1;
      if (image.data[offset]! < 24 && image.data[offset + 1]! < 24 && image.data[offset + 2]! < 24) dark += 1;
    }
  }
  return total === 0 ? 0 : dark / total;
}

/** Which secrets appear in a text (by name), for a failure message that says which leaked. */
function leaked(text: string): string[] {
  return Object.entries(secrets)
    .filter(([, secret]) => text.includes(secret))
    .map(([name]) => name);
}

describe('a console page full of shown secrets', () => {
  it('masks every secret in the stored PNG and lets none out as text', async () => {
    const page = await browser.context.newPage();
    await page.goto(secretsUrl());
    await page.frameLocator('iframe').locator('[data-secret="frame"]').waitFor();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.origin('acme.onelogin.com'),
    });
    const boxes = await secretBoxes(page);
    const scale = await page.evaluate(() => devicePixelRatio);
    // Every seeded secret is on screen (the capture photographs the visible area).
    expect(new Set(boxes.map((box) => box.name))).toEqual(
      new Set(Object.keys(secrets).filter((name) => name !== 'pem-second-line')),
    );
    const viewport = page.viewportSize()!;
    for (const box of boxes) expect(box.y + box.height, box.name).toBeLessThanOrEqual(viewport.height);

    const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
    await popup.getByTestId('draft-title').waitFor({ timeout: 25_000 });
    await expect.poll(() => popup.getByTestId('save-state').getAttribute('data-pending')).toBe('0');

    // Pixels: dark inside each secret's boxes.
    const image = await draftScreenshot(popup);
    const shares = boxes.map((box) => ({ name: box.name, share: darkShare(image, box, scale) }));
    expect(shares.filter(({ share }) => share < 0.97)).toEqual([]);
    // …and not a black page: the heading "Password" and the "Show secret" button are drawn.
    const notSecret = await page
      .locator('button', { hasText: 'Show secret' })
      .evaluate((element) => element.getBoundingClientRect().toJSON() as Box);
    expect(darkShare(image, { ...notSecret, name: 'button' }, scale)).toBeLessThan(0.5);

    // Text: storage, the popup, the export, the article search.
    expect(leaked(JSON.stringify(await dumpStorage(browser)))).toEqual([]);
    const popupText = await popup.evaluate(
      () =>
        document.body.innerText +
        [...document.querySelectorAll('input, textarea')]
          .map((field) => (field as HTMLInputElement).value)
          .join('\n'),
    );
    expect(leaked(popupText)).toEqual([]);
    await popup.getByTestId('export-copy-text').click();
    await expect.poll(() => popup.getByTestId('export-notice').textContent()).not.toBe('');
    await page.bringToFront();
    expect(leaked(await page.evaluate(() => navigator.clipboard.readText()))).toEqual([]);
    await popup.bringToFront();
    const searchesBefore = server.searches.length;
    await popup.getByTestId('articles-search').click();
    await expect.poll(() => server.searches.length).toBeGreaterThan(searchesBefore);
    expect(leaked(server.searches.map((search) => search.url).join('\n'))).toEqual([]);

    // The filled help-center form.
    const formOpened = browser.context.waitForEvent(
      'page',
      (opened) => opened.url() === server.urls.helpCenterForm,
    );
    await popup.getByTestId('fill').click();
    const form = await formOpened;
    await waitForFillOutcome(browser, popup);
    const formText = await form.evaluate(() =>
      [...document.querySelectorAll('input, textarea, select')]
        .map((field) => (field as HTMLInputElement).value)
        .join('\n'),
    );
    expect(leaked(formText)).toEqual([]);
    expect(leaked(server.uploads.map((upload) => upload.filename).join('\n'))).toEqual([]);
    await form.close();
    await popup.close();
    await page.close();
  });
});
