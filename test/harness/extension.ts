/**
 * Driving the real extension the way docs/TESTING.md describes: find a
 * page's tab id through the service worker, and open `popup.html?tabId=`
 * in its own popup window so the page stays the active tab of its window
 * (captureVisibleTab photographs the active tab).
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  const url = page.url();
  const tabId = await browser.serviceWorker.evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id;
  }, url);
  if (tabId === undefined) throw new Error(`No tab found for ${url}`);
  return tabId;
}

export async function openPopupForTab(browser: ExtensionBrowser, tabId: number): Promise<Page> {
  const popupUrl = `chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`;
  const opened = browser.context.waitForEvent('page', (page) => page.url() === popupUrl);
  await browser.serviceWorker.evaluate(async (url) => {
    await chrome.windows.create({ url, type: 'popup', width: 500, height: 640 });
  }, popupUrl);
  const popup = await opened;
  // Uncaught errors in the popup fail loudly in the test output instead of as a silent timeout.
  popup.on('pageerror', (error) => console.error(`[popup] ${error.message}`));
  popup.on('console', (message) => {
    if (message.type() === 'error') console.error(`[popup console] ${message.text()}`);
  });
  await popup.waitForLoadState('domcontentloaded');
  return popup;
}

/** Everything in the extension's storage.local and storage.session, for leak checks. */
export async function dumpStorage(browser: ExtensionBrowser): Promise<{ local: unknown; session: unknown }> {
  return browser.serviceWorker.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
  }));
}

/** Every tab's id, URL and loading status, for a failure message. */
export async function describeTabs(browser: ExtensionBrowser): Promise<string> {
  const tabs = await browser.serviceWorker.evaluate(async () =>
    (await chrome.tabs.query({})).map((tab) => `${tab.id} ${tab.status} ${tab.url} ${tab.pendingUrl ?? ''}`),
  );
  return tabs.join('\n');
}

/** Waits for the popup's fill to end: the report's rows, or the error the popup shows (thrown). */
export async function waitForFillOutcome(
  browser: ExtensionBrowser,
  popup: Page,
  timeout = 45_000,
): Promise<Record<string, string>> {
  const report = popup.getByTestId('fill-report-item');
  const failure = popup.getByTestId('fill-error');
  await report.or(failure).first().waitFor({ timeout });
  if (await failure.isVisible()) {
    throw new Error(`The fill failed: ${await failure.textContent()}\nTabs:\n${await describeTabs(browser)}`);
  }
  return Object.fromEntries(
    await report.evaluateAll((items) =>
      items.map((item) => [item.getAttribute('data-field') ?? '', item.getAttribute('data-status') ?? '']),
    ),
  );
}
