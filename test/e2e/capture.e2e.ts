/**
 * Capture in depth, in a real Chromium with the E2E build on the stand-in
 * console: page errors of every kind, what the recorder saw since the page
 * loaded, OneLogin entities, the environment, and secrets masked in the
 * screenshot and absent from everything stored.
 */
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { useStandInBrowser } from '../harness/suite';
import { dumpStorage, openPopupForTab, tabIdOf } from '../harness/extension';

let server: StandInServer;
let browser: ExtensionBrowser;

useStandInBrowser((started) => ({ server, browser } = started));

async function capture(page: Page): Promise<Page> {
  const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
  await popup.getByTestId('draft-title').waitFor();
  return popup;
}

async function items(popup: Page, testId: string, attribute?: string): Promise<string[]> {
  return popup
    .getByTestId(testId)
    .evaluateAll(
      (elements, name) =>
        elements.map((element) => (name ? element.getAttribute(name) : element.textContent) ?? ''),
      attribute,
    );
}

/** The screenshot the draft holds, read from the extension's IndexedDB through the popup page. */
async function draftScreenshot(popup: Page): Promise<PNG> {
  const base64 = await popup
    .getByTestId('attachment-item')
    .locator('img')
    .evaluate(async (image: HTMLImageElement) => {
      const blob = await (await fetch(image.src)).blob();
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    });
  return PNG.sync.read(Buffer.from(base64, 'base64'));
}

/** Share of near-black pixels inside a CSS-pixel box of the screenshot. */
function blackShare(
  image: PNG,
  box: { x: number; y: number; width: number; height: number },
  scale: number,
): number {
  let black = 0;
  let total = 0;
  for (let y = Math.ceil(box.y * scale) + 2; y < Math.floor((box.y + box.height) * scale) - 2; y += 1) {
    for (let x = Math.ceil(box.x * scale) + 2; x < Math.floor((box.x + box.width) * scale) - 2; x += 1) {
      const offset = (y * image.width + x) * 4;
      total += 1;
      if (image.data[offset]! < 16 && image.data[offset + 1]! < 16 && image.data[offset + 2]! < 16)
        black += 1;
    }
  }
  return total === 0 ? 0 : black / total;
}

describe('capture on the stand-in OneLogin console', () => {
  it('masks the client secret and the SAML response in the screenshot, takes the masks off, and stores no secret', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.urls.appSso);
    await page.locator('#sso_client_secret').scrollIntoViewIfNeeded();
    const secretBox = (await page.locator('#sso_client_secret').boundingBox())!;
    const responseBox = (await page.locator('#sso_last_response').boundingBox())!;
    const clientIdBox = (await page.locator('#sso_client_id').boundingBox())!;
    const scale = await page.evaluate(() => devicePixelRatio);

    const popup = await capture(page);
    const image = await draftScreenshot(popup);
    expect(blackShare(image, secretBox, scale)).toBeGreaterThan(0.95);
    expect(blackShare(image, responseBox, scale)).toBeGreaterThan(0.95);
    // A field that holds no secret stays readable.
    expect(blackShare(image, clientIdBox, scale)).toBeLessThan(0.2);
    // The masks are gone from the page once the screenshot exists.
    await expect(page.locator('#helpdraft-capture-masks').count()).resolves.toBe(0);
    await expect(page.locator('[data-helpdraft-mask]').count()).resolves.toBe(0);

    const masked = await items(popup, 'masked-item');
    expect(masked.join('\n')).toContain('パスワード欄');
    expect(Number(await popup.getByTestId('masked-count').getAttribute('data-count'))).toBeGreaterThanOrEqual(
      2,
    );

    const stored = JSON.stringify(await dumpStorage(browser));
    expect(stored).not.toContain('sk_live_Fake7Qw9Zx2Lm4Np8Rt6Vy3Hj5Kd1Sb0');
    expect(stored).not.toContain('PHNhbWxwOlJlc3BvbnNl');
    await popup.close();
    await page.close();
  });

  it('in full-page mode renders the whole page with html2canvas, secrets masked wherever they are', async () => {
    await browser.serviceWorker.evaluate(() =>
      chrome.storage.local.set({ settings: { screenshotMode: 'full-page' } }),
    );
    try {
      const page = await browser.context.newPage();
      await page.goto(server.urls.appSso);
      // In page coordinates: the page is not scrolled, and the secret lies below the visible area.
      const secretBox = (await page.locator('#sso_client_secret').boundingBox())!;
      const viewportHeight = await page.evaluate(() => innerHeight);
      expect(secretBox.y).toBeGreaterThan(viewportHeight);
      const scale = await page.evaluate(() => devicePixelRatio);
      const popup = await capture(page);
      await expect(popup.getByTestId('attachment-item').getAttribute('data-name')).resolves.toMatch(
        /^helpdraft-screenshot-full-page-\d{8}-\d{6}\.png$/,
      );
      const image = await draftScreenshot(popup);
      expect(image.height / scale).toBeGreaterThan(viewportHeight);
      expect(blackShare(image, secretBox, scale)).toBeGreaterThan(0.95);
      // The live field keeps its value: only the clone was masked.
      await expect(page.locator('#sso_client_secret').inputValue()).resolves.toBe(
        'sk_live_Fake7Qw9Zx2Lm4Np8Rt6Vy3Hj5Kd1Sb0',
      );
      await popup.close();
      await page.close();
    } finally {
      await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    }
  });

  it('names the account, the app with its id, tab and connector, and the environment', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.urls.appSso);
    const popup = await capture(page);
    const kinds = await items(popup, 'entity-item', 'data-kind');
    expect(kinds.slice(0, 2)).toEqual(['account', 'app']);
    expect(kinds).toContain('connector');
    const texts = (await items(popup, 'entity-item')).join('\n');
    expect(texts).toContain('acme');
    expect(texts).toContain('Salesforce 本番');
    expect(texts).toContain('123456');
    expect(texts).toContain('SAML Custom Connector (Advanced)');
    await expect(popup.getByTestId('environment').textContent()).resolves.toMatch(/Chrom(e|ium) \d+/);

    const description = await popup.getByTestId('draft-description').inputValue();
    expect(description).toContain('- アプリ: Salesforce 本番(ID: 123456');
    expect(description).toMatch(/■ 環境\nブラウザー: Chrom(e|ium) \d+/);
    expect(description).toContain('HelpDraft 0.1.0');
    await popup.close();
    await page.close();
  });

  it('records console errors, exceptions, rejections and failed requests since the page loaded, and nothing forged', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin('acme.onelogin.com')}/admin2/apps/123456/sso`);
    await page.waitForFunction(() => document.body.dataset.done === 'true');
    const popup = await capture(page);
    const types = await items(popup, 'recorded-item', 'data-type');
    expect(types).toEqual(
      expect.arrayContaining(['console-error', 'exception', 'unhandled-rejection', 'failed-request']),
    );
    const recorded = (await items(popup, 'recorded-item')).join('\n');
    expect(recorded).toContain('Invalid Signature on SAML Response');
    expect(recorded).toMatch(/GET https:\/\/acme\.onelogin\.com\/__standin\/status\/500 → 500/);
    expect(recorded).toMatch(/POST https:\/\/acme\.onelogin\.com\/__standin\/status\/422 → 422/);
    expect(recorded).toContain('https://127.0.0.1:1/unreachable');
    expect(recorded).not.toContain('/__standin/records');
    expect(recorded).not.toMatch(/forged|偽/i);

    const kinds = await items(popup, 'entity-item', 'data-kind');
    expect(kinds.slice(0, 2)).toEqual(['account', 'app']);
    const description = await popup.getByTestId('draft-description').inputValue();
    expect(description).toContain('■ ブラウザーのコンソールと通信のエラー(画面を開いてから)');
    await popup.close();
    await page.close();
  });

  it('reads form errors with their labels, errors inside a same-origin frame, and HTTP error pages', async () => {
    const users = await browser.context.newPage();
    await users.goto(server.urls.userEdit);
    let popup = await capture(users);
    expect(
      (await items(popup, 'error-item', 'data-kind')).filter((kind) => kind === 'form-field'),
    ).toHaveLength(2);
    await popup.close();
    await users.close();

    const framed = await browser.context.newPage();
    await framed.goto(`${server.origin('acme.onelogin.com')}/settings/embedded`);
    await framed.frameLocator('iframe').first().locator('[role=alert]').waitFor();
    popup = await capture(framed);
    expect(await items(popup, 'error-item')).toEqual([
      expect.stringContaining('設定の一部を読み込めませんでした。'),
      expect.stringContaining('ロゴ画像のアップロードに失敗しました: File size exceeds the 1 MB limit'),
    ]);
    await popup.close();
    await framed.close();

    const missing = await browser.context.newPage();
    await missing.goto(`${server.origin('acme.onelogin.com')}/apps/999999/edit`);
    popup = await capture(missing);
    expect(await items(popup, 'error-item', 'data-kind')).toContain('http-error');
    expect((await items(popup, 'error-item')).join('\n')).toMatch(/404 — .*お探しのページは存在しないか/);
    await popup.close();
    await missing.close();
  });
});
