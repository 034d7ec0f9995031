/**
 * The help center's own option names: a fill reads the category and
 * connector options of the live form (classic and React), the background
 * keeps them, and the popup shows which option its choice becomes there.
 */
import { describe, expect, it } from 'vitest';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { openPopupForTab, tabIdOf, waitForFillOutcome } from '../harness/extension';
import { useStandInBrowser } from '../harness/suite';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

describe('the live form’s options', () => {
  it.each([
    ['classic', () => server.urls.helpCenterForm],
    ['React', () => server.urls.helpCenterReactForm],
  ])('are read from the %s form by a fill and shown in the popup', async (_generation, formUrl) => {
    await browser.serviceWorker.evaluate(
      (helpCenterUrl) => chrome.storage.local.set({ settings: { helpCenterUrl } }),
      formUrl(),
    );
    try {
      await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('helpCenterOptions'));
      const page = await browser.context.newPage();
      await page.goto(server.urls.appSso);
      const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
      await popup.getByTestId('draft-title').waitFor();
      // Nothing read yet: nothing claimed about the form.
      await expect(popup.getByTestId('category-live-option').count()).resolves.toBe(0);

      const opened = browser.context.waitForEvent('page', (candidate) =>
        candidate.url().includes('/requests/new'),
      );
      await popup.getByTestId('fill').click();
      const form = await opened;
      await waitForFillOutcome(browser, popup);
      // The React form's listbox shows names only; its values appear in the hidden input once chosen.
      const live = popup.getByTestId('category-live-option');
      await expect.poll(() => live.textContent()).toContain('「SSO・アプリ連携」');

      // Another choice maps onto another live option; the connector's only for a connector request.
      await popup.getByTestId('draft-category').selectOption('mfa');
      await expect.poll(() => live.textContent()).toContain('「多要素認証 (MFA)」');
      await popup.getByTestId('answer-inquiry-type').selectOption('connector-request');
      await popup.getByTestId('draft-connector').selectOption('free');
      await expect
        .poll(() => popup.getByTestId('connector-live-option').textContent())
        .toContain('「無償リクエスト」');

      const stored = await browser.serviceWorker.evaluate(() =>
        chrome.storage.local.get('helpCenterOptions'),
      );
      expect((stored.helpCenterOptions as { origin: string }).origin).toBe(new URL(formUrl()).origin);
      await form.close();
      await popup.close();
      await page.close();
    } finally {
      await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    }
  });
});
