/**
 * Pictures of the real popup (the editor with a captured draft, the drafts
 * list) and of the settings page, in Japanese and in English, written to
 * docs/images/ for the README at every E2E run.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Locale } from '../../lib/schema';
import type { StandInServer } from '../fixtures/server';
import { projectRoot, type ExtensionBrowser } from '../harness/chromium';
import { useStandInBrowser } from '../harness/suite';
import { capturedPopup, openSettings, setLanguage, showDraftsList } from '../harness/views';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

const imagesDir = path.join(projectRoot, 'docs/images');
/** The popup's own width (`.popup` in style.css): the toolbar popup is as wide as its content. */
const popupWidth = 460;

/** The whole page at `width` (which it must fit), without a caret or a focus ring; returns the file's path. */
async function picture(page: Page, width: number, name: string): Promise<string> {
  await page.setViewportSize({ width, height: 640 });
  // Nothing wider than the page (English is longer than Japanese): no sideways scrolling.
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const file = path.join(imagesDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, caret: 'hide', animations: 'disabled' });
  return file;
}

/** Removes every draft, so each language's pictures show only its own. */
async function clearDrafts(): Promise<void> {
  await browser.serviceWorker.evaluate(async () => {
    const stored = await chrome.storage.local.get(null);
    await chrome.storage.local.remove(Object.keys(stored).filter((key) => key.startsWith('draft:')));
  });
}

describe.each<Locale>(['ja', 'en'])('screens, in %s', (language) => {
  it('pictures the popup’s editor and drafts list, and the settings page', async () => {
    await mkdir(imagesDir, { recursive: true });
    await clearDrafts();
    await setLanguage(browser, language);
    const older = await capturedPopup(browser, server.urls.userEdit);
    await older.popup.close();
    await older.page.close();
    const { page, popup } = await capturedPopup(browser, server.urls.appSso);
    await popup
      .getByTestId('attachment-item')
      .locator('img')
      .evaluate((image: HTMLImageElement) => image.decode());
    await expect.poll(() => popup.getByTestId('save-state').getAttribute('data-pending')).toBe('0');
    await picture(popup, popupWidth, `popup-editor-${language}`);
    await showDraftsList(popup);
    await expect.poll(() => popup.getByTestId('draft-item').count()).toBe(2);
    await picture(popup, popupWidth, `popup-drafts-${language}`);
    await popup.close();
    await page.close();

    const settings = await openSettings(browser);
    await expect.poll(() => settings.getByTestId('settings-shortcut').textContent()).not.toBe('');
    await picture(settings, 720, `settings-${language}`);
    await settings.close();
  });
});
