/**
 * Full-page and error-area screenshots drawn by html2canvas in a real
 * Chromium with the E2E build, on the stand-in pages: the service worker
 * does what takeHtml2canvasScreenshot does (store the request, inject
 * content-scripts/screenshot.js), and the PNG that comes back is decoded
 * and checked: its size, masked secrets, the error banner, and a page left
 * as it was. The collector's mask rectangles are painted on the canvas
 * (lib/capture/html2canvas/paint.ts) whether or not the clone is masked.
 * No timing is asserted here (see npm run bench).
 */
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {
  ScreenshotRequest,
  ScreenshotResult,
  ScreenshotSuccess,
} from '../../lib/capture/html2canvas/types';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { useStandInBrowser } from '../harness/suite';
import { tabIdOf } from '../harness/extension';
import { differingPixelShare } from '../harness/images';

let server: StandInServer;
let browser: ExtensionBrowser;

useStandInBrowser((started) => ({ server, browser } = started));

const usersUrl = (query: string) => `${server.origin('acme.onelogin.com')}/users?${query}`;

async function openPage(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

/**
 * What takeHtml2canvasScreenshot does, from the service worker. The code is
 * sent as text: the function given to executeScript must reach the service
 * worker as written.
 */
async function screenshot(page: Page, request: ScreenshotRequest): Promise<ScreenshotResult> {
  const tabId = await tabIdOf(browser, page);
  return browser.serviceWorker.evaluate(`(async () => {
    const target = { tabId: ${tabId} };
    await chrome.scripting.executeScript({
      target,
      func: function (request) { globalThis[Symbol.for('helpdraft.screenshot-request')] = request; },
      args: [${JSON.stringify(request)}],
    });
    const [injection] = await chrome.scripting.executeScript({ target, files: ['/content-scripts/screenshot.js'] });
    return injection && injection.result;
  })()`);
}

/**
 * What the background does before an html2canvas screenshot: leave the
 * collector's options in the isolated world and run the collector, which
 * keeps its mask targets there for content-scripts/screenshot.js.
 */
async function collect(page: Page, mode: ScreenshotRequest['mode']): Promise<unknown> {
  const tabId = await tabIdOf(browser, page);
  const options = {
    maskEmails: false,
    maskPatterns: [],
    screenshotMode: mode,
    extensionVersion: '0',
    uiLanguage: 'ja',
  };
  return browser.serviceWorker.evaluate(`(async () => {
    const target = { tabId: ${tabId} };
    await chrome.scripting.executeScript({
      target,
      func: function (value) { globalThis[Symbol.for('helpdraft.collect-options')] = value; },
      args: [${JSON.stringify(options)}],
    });
    const [injection] = await chrome.scripting.executeScript({ target, files: ['/content-scripts/collector.js'] });
    return injection && injection.result;
  })()`);
}

function succeeded(result: ScreenshotResult): ScreenshotSuccess {
  if (!result.ok) throw new Error(`screenshot failed: ${result.reason}: ${result.detail}`);
  return result;
}

function decode(result: ScreenshotSuccess): PNG {
  return PNG.sync.read(Buffer.from(result.dataUrl.slice('data:image/png;base64,'.length), 'base64'));
}

function pngBytes(result: ScreenshotSuccess): Buffer {
  return Buffer.from(result.dataUrl.slice('data:image/png;base64,'.length), 'base64');
}

function pixel(png: PNG, x: number, y: number): [number, number, number] {
  const offset = (Math.floor(y) * png.width + Math.floor(x)) * 4;
  return [png.data[offset]!, png.data[offset + 1]!, png.data[offset + 2]!];
}

/** The page's size as html2canvas measures it, the viewport, scroll and devicePixelRatio. */
function measure(page: Page) {
  return page.evaluate(() => {
    const html = document.documentElement;
    const body = document.body;
    return {
      pageWidth: Math.max(
        html.scrollWidth,
        html.offsetWidth,
        html.clientWidth,
        body.scrollWidth,
        body.offsetWidth,
        body.clientWidth,
      ),
      pageHeight: Math.max(
        html.scrollHeight,
        html.offsetHeight,
        html.clientHeight,
        body.scrollHeight,
        body.offsetHeight,
        body.clientHeight,
      ),
      viewportHeight: innerHeight,
      scale: devicePixelRatio,
    };
  });
}

/** An element's box in document coordinates, CSS px. */
function boxOf(page: Page, selector: string) {
  return page.locator(selector).evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { left: rect.left + scrollX, top: rect.top + scrollY, width: rect.width, height: rect.height };
  });
}

/** The live page's markup and field values, to show a screenshot changed nothing. */
function pageState(page: Page) {
  return page.evaluate(() => ({
    markup: new XMLSerializer().serializeToString(document.documentElement),
    values: [...document.querySelectorAll('input, textarea')].map(
      (field) => (field as HTMLInputElement).value,
    ),
    scroll: [scrollX, scrollY],
  }));
}

describe('html2canvas screenshots of the SSO page', () => {
  it('full page: the whole page, the client secret under an opaque black box, the live page unchanged', async () => {
    const page = await openPage(server.urls.appSso);
    const before = await pageState(page);
    const metrics = await measure(page);
    const secret = await boxOf(page, '#sso_client_secret');
    const label = await boxOf(page, 'label[for="sso_client_secret"]');

    const result = succeeded(
      await screenshot(page, { mode: 'full-page', maskSelectors: ['input[type=password]'] }),
    );
    const png = decode(result);
    const expectedHeight = Math.min(metrics.pageHeight, metrics.viewportHeight * 4);
    expect([png.width, png.height]).toEqual([
      Math.floor(metrics.pageWidth * metrics.scale),
      Math.floor(expectedHeight * metrics.scale),
    ]);
    expect([result.width, result.height]).toEqual([png.width, png.height]);
    expect(result.masked).toBeGreaterThanOrEqual(1);

    // Every pixel over the secret field is black.
    const s = metrics.scale;
    for (
      let y = Math.ceil(secret.top * s) + 1;
      y < Math.floor((secret.top + secret.height) * s) - 1;
      y += 2
    ) {
      for (
        let x = Math.ceil(secret.left * s) + 1;
        x < Math.floor((secret.left + secret.width) * s) - 1;
        x += 3
      ) {
        expect(pixel(png, x, y)).toEqual([0, 0, 0]);
      }
    }
    // …and the page around it is drawn (its label is not black, the page background shows).
    const labelColours = new Set<string>();
    for (let x = label.left * s; x < (label.left + label.width) * s; x += 1) {
      labelColours.add(pixel(png, x, (label.top + label.height / 2) * s).join());
    }
    expect(labelColours.size).toBeGreaterThan(3);
    expect(pixel(png, 5 * s, (secret.top + 5) * s)).toEqual([243, 244, 246]); // body background #f3f4f6

    // The page itself was not changed: same markup, the field still holds its value.
    expect(await pageState(page)).toEqual(before);
    await expect(page.locator('#sso_client_secret').inputValue()).resolves.toBe(
      'sk_live_Fake7Qw9Zx2Lm4Np8Rt6Vy3Hj5Kd1Sb0',
    );
    await page.close();
  });

  it.each([
    ['at the top', 0],
    ['scrolled down', 240],
  ])(
    "full page %s, no clone masking: the collector's rectangle over a revealed client secret is painted black",
    async (_, scrollTop) => {
      const page = await openPage(server.urls.appSso);
      // A revealed secret (type=text): html2canvas's clone masks password fields by itself.
      await page.evaluate((top) => {
        (document.querySelector('#sso_client_secret') as HTMLInputElement).type = 'text';
        scrollTo(0, top);
      }, scrollTop);
      const { scale } = await measure(page);
      const secret = await boxOf(page, '#sso_client_secret');
      await collect(page, 'full-page');
      // No selectors and no password field: the clone keeps the secret, only the painted rectangle hides it.
      const result = succeeded(await screenshot(page, { mode: 'full-page', maskSelectors: [] }));
      expect(result.masked ?? 0).toBe(0);
      expect(result.painted).toBeGreaterThanOrEqual(1);
      const png = decode(result);
      const inside = new Set<string>();
      for (
        let y = Math.ceil(secret.top * scale);
        y < Math.floor((secret.top + secret.height) * scale);
        y += 1
      ) {
        for (
          let x = Math.ceil(secret.left * scale);
          x < Math.floor((secret.left + secret.width) * scale);
          x += 1
        ) {
          inside.add(pixel(png, x, y).join());
        }
      }
      expect([...inside]).toEqual(['0,0,0']);
      // The page beside the field is drawn, not black.
      expect(pixel(png, 5 * scale, (secret.top + 5) * scale)).toEqual([243, 244, 246]);
      await page.close();
    },
  );

  it('error area: the SAML banner with the space around it', async () => {
    const page = await openPage(server.urls.appSso);
    const banner = await boxOf(page, '.flash-error');
    const { scale } = await measure(page);
    const result = succeeded(
      await screenshot(page, { mode: 'error-area', maskSelectors: ['input[type=password]'] }),
    );
    const png = decode(result);
    const region = result.region!;
    expect([png.width, png.height]).toEqual([
      Math.floor(region.width * scale),
      Math.floor(region.height * scale),
    ]);
    expect(region.x).toBeLessThanOrEqual(banner.left);
    expect(region.y).toBeLessThanOrEqual(banner.top);
    expect(region.x + region.width).toBeGreaterThanOrEqual(banner.left + banner.width);
    expect(region.y + region.height).toBeGreaterThanOrEqual(banner.top + banner.height);
    // Inside the banner, away from its text: the banner's background (#fdecea).
    const inside = pixel(png, (banner.left - region.x + 4) * scale, (banner.top - region.y + 4) * scale);
    expect(inside).toEqual([253, 236, 234]);
    await page.close();
  });

  it('draws a page whose colours html2canvas cannot parse (oklch, color()) by rewriting them', async () => {
    const page = await openPage(server.urls.appSso);
    await page.addStyleTag({
      content:
        '.flash-error { background: oklch(0.93 0.04 25) !important; color: color(display-p3 0.6 0.1 0.1) !important; } h2 { color: lab(30 20 -40); }',
    });
    const result = succeeded(await screenshot(page, { mode: 'error-area', maskSelectors: [] }));
    expect(result.timing?.fallback).toContain('colours rewritten');
    const banner = await boxOf(page, '.flash-error');
    const png = decode(result);
    const [red, green, blue] = pixel(
      png,
      banner.left - result.region!.x + 4,
      banner.top - result.region!.y + 4,
    );
    expect(red).toBeGreaterThan(240); // a light pink, not black or transparent
    expect(green).toBeGreaterThan(200);
    expect(blue).toBeGreaterThan(200);
    await page.close();
  });
});

describe('html2canvas screenshots of the 3000-row users page', () => {
  it('full page: cut at 4 viewports, drawn from a pruned clone, the same wherever the page is scrolled', async () => {
    const page = await openPage(usersUrl('rows=3000&error=1'));
    const metrics = await measure(page);
    const request: ScreenshotRequest = { mode: 'full-page', maskSelectors: ['input[type=password]'] };
    const result = succeeded(await screenshot(page, request));
    const png = decode(result);
    const height = metrics.viewportHeight * 4;
    expect([png.width, png.height]).toEqual([
      Math.floor(metrics.pageWidth * metrics.scale),
      Math.floor(height * metrics.scale),
    ]);
    expect(result.cut).toMatchObject({ pageHeightCss: metrics.pageHeight, cutAtCss: height });
    // Rows below the cut were left out of the clone, and the clone's layout matched the page (no second attempt).
    expect(result.timing?.prunedElements).toBeGreaterThan(2500);
    expect(result.timing?.attempts).toBe(1);
    // The last rows drawn are rows, not an empty background: the bottom band (one row tall) holds text.
    const colours = new Set<string>();
    for (let y = png.height - 40 * metrics.scale; y < png.height; y += 2) {
      for (let x = 0; x < png.width; x += 2) colours.add(pixel(png, x, y).join());
    }
    expect(colours.size).toBeGreaterThan(20);

    await page.evaluate(() => scrollTo(0, 50_000));
    const scrolled = succeeded(await screenshot(page, request));
    expect(differingPixelShare(pngBytes(result), pngBytes(scrolled))).toBe(0);
    await expect(page.evaluate(() => scrollY)).resolves.toBe(50_000);
    await expect(page.locator('iframe.html2canvas-container').count()).resolves.toBe(0);
    await page.close();
  });

  it('error area: the import error banner, from a clone of a few rows', async () => {
    const page = await openPage(usersUrl('rows=3000&error=1'));
    const banner = await boxOf(page, '#users-error');
    const { scale } = await measure(page);
    const result = succeeded(await screenshot(page, { mode: 'error-area', maskSelectors: [] }));
    const region = result.region!;
    expect(region.y).toBeLessThanOrEqual(banner.top);
    expect(region.y + region.height).toBeGreaterThanOrEqual(banner.top + banner.height);
    expect(result.timing?.prunedElements).toBeGreaterThan(2900);
    const png = decode(result);
    expect(pixel(png, (banner.left - region.x + 4) * scale, (banner.top - region.y + 4) * scale)).toEqual([
      253, 236, 234,
    ]);
    await page.close();
  });

  it('answers no-error-area on a page without an error', async () => {
    const page = await openPage(usersUrl('rows=3000'));
    await expect(screenshot(page, { mode: 'error-area', maskSelectors: [] })).resolves.toEqual({
      ok: false,
      reason: 'no-error-area',
      detail: 'no visible error element on the page',
    });
    await page.close();
  });
});
