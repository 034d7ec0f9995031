/**
 * A page that fights back (test/fixtures/standin/onelogin/hostile/): markup
 * and script in its title, heading and error texts, messages and events
 * pretending to be the extension or its recorder, DOM prototypes overridden
 * after load, a strict CSP, a cross-origin frame, a 10 MB error message and
 * 100 000 extra nodes, and a script that takes out whatever is added to the
 * page while its CSS hides the old mask layer. The extension keeps working,
 * renders no injected markup, makes no draft it was not asked for, stores
 * bounded text, and its secret field is black in the stored screenshot (the
 * mask is painted into the image, not laid over the page).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { dumpStorage, openPopupForTab, tabIdOf } from '../harness/extension';
import { blackShare, draftScreenshot } from '../harness/masked-pixels';
import { useStandInBrowser } from '../harness/suite';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

const hostileUrl = (query = '') => `${new URL(server.urls.appSso).origin}/hostile${query}`;

async function storedDraftCount(): Promise<number> {
  const { local } = await dumpStorage(browser);
  return Object.keys(local as Record<string, unknown>).filter((key) => key.startsWith('draft:')).length;
}

async function captureOf(url: string): Promise<{ page: Page; popup: Page }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
  await popup.getByTestId('draft-title').waitFor({ timeout: 25_000 });
  return { page, popup };
}

describe('a hostile page', () => {
  it('is captured as text: no markup rendered, no script run, nothing forged', async () => {
    const before = await storedDraftCount();
    const { page, popup } = await captureOf(hostileUrl());
    // The page's forged messages and events made no draft: only the one the popup asked for.
    expect(await storedDraftCount()).toBe(before + 1);

    const errors = await popup.getByTestId('error-item').allTextContents();
    const markupError = errors.find((text) => text.includes('SAML エラー'));
    expect(markupError).toContain('太字');
    expect(markupError).toContain('<script>window.__pwnedText=1</script>');
    // The prototype overrides of the page's world do not reach the extension's.
    expect(errors.join('\n')).not.toContain('OVERRIDDEN');
    // A cross-origin frame is not read (and does not break the capture).
    expect(errors.join('\n')).not.toContain('cross-origin frame');

    // Nothing from the page became markup in the popup.
    await expect(
      popup.locator('[data-testid="error-item"] img, [data-testid="error-item"] b').count(),
    ).resolves.toBe(0);
    await expect(popup.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    const pwned = await popup.evaluate(() => Object.keys(window).filter((key) => key.startsWith('__pwned')));
    expect(pwned).toEqual([]);
    await expect(popup.getByTestId('draft-title').inputValue()).resolves.toContain('Salesforce');

    const recorded = await popup.getByTestId('recorded-item').allTextContents();
    expect(recorded.join('\n')).toContain('page error <img src=x onerror="window.__pwnedConsole=1">');
    expect(recorded.join('\n')).not.toContain('FORGED');

    // The description holds the texts as text; a fill would put them into the form as text too.
    await expect(popup.getByTestId('draft-description').inputValue()).resolves.toContain(
      '<script>window.__pwnedText=1</script>',
    );
    await popup.close();
    await page.close();
  });

  it('with a 10 MB error message: captured, the text capped, the stored draft small', async () => {
    const { page, popup } = await captureOf(hostileUrl('?big=1'));
    const errors = await popup.getByTestId('error-item').allTextContents();
    const big = errors.find((text) => text.includes('Invalid SAML Response'));
    expect(big).toBeDefined();
    expect([...big!].length).toBeLessThanOrEqual(4_100);
    const { local } = await dumpStorage(browser);
    const largest = Math.max(
      ...Object.entries(local as Record<string, unknown>)
        .filter(([key]) => key.startsWith('draft:'))
        .map(([, value]) => JSON.stringify(value).length),
    );
    expect(largest).toBeLessThan(200_000);
    await popup.close();
    await page.close();
  });

  it('with 100 000 extra nodes: captured', async () => {
    const { page, popup } = await captureOf(hostileUrl('?nodes=100000'));
    await expect(popup.getByTestId('error-item').count()).resolves.toBeGreaterThan(0);
    await expect(popup.getByTestId('attachment-item').count()).resolves.toBe(1);
    await popup.close();
    await page.close();
  });

  it('that takes out whatever is added to it and hides the mask layer: its secret is black in the stored PNG', async () => {
    const page = await browser.context.newPage();
    await page.goto(hostileUrl());
    const field = await page
      .locator('#hostile-secret')
      .evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRectInit);
    const scale = await page.evaluate(() => devicePixelRatio);
    const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
    await popup.getByTestId('draft-title').waitFor({ timeout: 25_000 });
    const image = await draftScreenshot(popup);
    const box = { x: field.x ?? 0, y: field.y ?? 0, width: field.width ?? 0, height: field.height ?? 0 };
    expect(box.width).toBeGreaterThan(0);
    expect(blackShare(image, box, scale)).toBe(1);
    // The page had nothing of the extension's to take out: nothing was added to it.
    await expect(
      page.evaluate(() => (window as unknown as { __removedByPage: string[] }).__removedByPage),
    ).resolves.toEqual([]);
    await popup.close();
    await page.close();
  });
});
