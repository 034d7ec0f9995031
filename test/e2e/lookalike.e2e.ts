/**
 * A help-center look-alike on another origin: the configured help center
 * sends the fill's tab on to a copy of its form elsewhere (an open redirect,
 * a phishing link). Nothing is filled there, nothing uploaded, and the
 * popup says the form was not reached.
 */
import { describe, expect, it } from 'vitest';
import { LOOKALIKE_HELP_CENTER_HOST, type StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { openPopupForTab, tabIdOf } from '../harness/extension';
import { useStandInBrowser } from '../harness/suite';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

describe('a help-center look-alike on another origin', () => {
  it('is never filled', async () => {
    const redirecting = `${new URL(server.urls.helpCenterForm).origin}/hc/ja/lookalike/`;
    await browser.serviceWorker.evaluate(
      (helpCenterUrl) => chrome.storage.local.set({ settings: { helpCenterUrl } }),
      redirecting,
    );
    try {
      server.reset();
      const page = await browser.context.newPage();
      await page.goto(server.urls.appSso);
      const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
      await popup.getByTestId('draft-title').waitFor();
      // The tab the fill opens: first the configured help center, then the look-alike it sends it to.
      const opened = browser.context.waitForEvent('page');
      await popup.getByTestId('fill').click();
      const lookalike = await opened;
      await lookalike.waitForURL((url) => url.hostname === LOOKALIKE_HELP_CENTER_HOST);
      await lookalike.waitForLoadState('load');
      await expect(lookalike.locator('#request_subject').count()).resolves.toBe(1);
      // Long enough for a fill to have happened: the look-alike's form stays as it came.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await expect(lookalike.locator('#request_subject').inputValue()).resolves.toBe('');
      await expect(lookalike.locator('#request_description').inputValue()).resolves.toBe('');
      await expect(lookalike.locator('#helpdraft-fill-panel').count()).resolves.toBe(0);
      expect(server.uploads).toHaveLength(0);
      await popup.close();
      await lookalike.close();
      await page.close();
    } finally {
      await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    }
  });
});
