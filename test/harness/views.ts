/**
 * The popup's and the settings page's views as the accessibility, language
 * and screenshot tests open them: a popup on a captured page, a popup on a
 * page that cannot be captured, the settings page, and the language setting.
 */
import type { Page } from 'playwright-core';
import type { Locale } from '../../lib/schema';
import type { ExtensionBrowser } from './chromium';
import { openPopupForTab, tabIdOf } from './extension';

/** Stores the display language the way the settings page does (the other settings kept). */
export async function setLanguage(browser: ExtensionBrowser, language: Locale): Promise<void> {
  await browser.serviceWorker.evaluate(async (wanted) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language: wanted } });
  }, language);
}

/** A new tab on `url` and the popup bound to it, once its draft is in the editor. */
export async function capturedPopup(
  browser: ExtensionBrowser,
  url: string,
): Promise<{ page: Page; popup: Page }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
  await popup.getByTestId('draft-title').waitFor();
  return { page, popup };
}

/**
 * A chrome:// tab and the popup bound to it, showing that it cannot be captured.
 * Without the `tabs` permission such a tab shows the extension no URL: it is found as the new tab.
 */
export async function uncapturablePopup(browser: ExtensionBrowser): Promise<{ page: Page; popup: Page }> {
  const tabIds = () =>
    browser.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.id));
  const before = await tabIds();
  const page = await browser.context.newPage();
  await page.goto('chrome://version');
  const [tabId] = (await tabIds()).filter((id) => !before.includes(id));
  if (tabId === undefined) throw new Error('The chrome://version tab was not found');
  const popup = await openPopupForTab(browser, tabId);
  await popup.getByTestId('popup-error').waitFor();
  return { page, popup };
}

/** The popup's drafts list, once its items are shown. */
export async function showDraftsList(popup: Page): Promise<void> {
  await popup.getByTestId('drafts').click();
  await popup.getByTestId('draft-item').first().waitFor();
}

/** The settings page in a new tab, once the form is shown. */
export async function openSettings(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByTestId('settings-help-center-url').waitFor();
  return page;
}
