/**
 * Filling through sign-in: the help center sends a visitor without a session
 * to its sign-in page; the popup says to sign in, nothing is typed into the
 * sign-in form, and once the user has signed in and the help center brings
 * the tab back to the form, the fill goes on by itself in that tab — even
 * when Chromium stopped the service worker in between.
 */
import { describe, expect, it } from 'vitest';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { openPopupForTab, tabIdOf } from '../harness/extension';
import { stopServiceWorker } from '../harness/service-worker';
import { useStandInBrowser } from '../harness/suite';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

describe('filling through sign-in', () => {
  it('waits while the user signs in, then fills the form the help center brings back', async () => {
    const formUrl = `${server.urls.helpCenterForm}?signin=required`;
    await browser.serviceWorker.evaluate(
      (helpCenterUrl) => chrome.storage.local.set({ settings: { helpCenterUrl } }),
      formUrl,
    );
    try {
      const page = await browser.context.newPage();
      await page.goto(server.urls.appSso);
      const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
      const title = await popup.getByTestId('draft-title').inputValue();
      await expect.poll(() => popup.getByTestId('save-state').getAttribute('data-pending')).toBe('0');

      const opened = browser.context.waitForEvent('page', (candidate) => candidate.url().includes('/hc/ja/'));
      await popup.getByTestId('fill').click();
      const tab = await opened;
      await expect
        .poll(() => popup.getByTestId('fill-error').getAttribute('data-code'), { timeout: 20_000 })
        .toBe('sign-in-required');
      await expect(popup.getByTestId('fill-error').textContent()).resolves.toContain('サインイン');
      expect(new URL(tab.url()).pathname).toBe('/hc/ja/signin');
      // Nothing of the draft went into the sign-in form.
      await expect(tab.locator('#user_email').inputValue()).resolves.toBe('');

      // Signing in takes a while: Chromium stops an idle service worker meanwhile. The page
      // event of the return to the form must wake it, and the waiting fill is in storage.
      await stopServiceWorker(browser);

      // The user signs in; the help center sends the tab back to the form.
      await tab.locator('#user_email').fill('taro.yamada@example.co.jp');
      await tab.locator('#user_password').fill('correct horse battery staple');
      await tab.locator('input[type="submit"]').click();
      await tab.waitForURL((url) => url.pathname === '/hc/ja/requests/new');

      // …and the fill goes on by itself.
      await expect.poll(() => tab.locator('#request_subject').inputValue(), { timeout: 20_000 }).toBe(title);
      await expect.poll(() => popup.getByTestId('fill-report-item').count()).toBeGreaterThan(0);
      await expect(popup.getByTestId('fill-error').count()).resolves.toBe(0);
      expect(server.submissions).toHaveLength(0);
      await tab.close();
      await popup.close();
      await page.close();
    } finally {
      await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    }
  });
});
