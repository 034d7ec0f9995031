/**
 * The settings page in the real extension: a bad value (URL, address, mask rule) is refused with a
 * message, a saved form URL is where the fill goes, the personal address
 * becomes the default CC, and English changes the popup and the draft.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { useStandInBrowser } from '../harness/suite';
import { openPopupForTab, tabIdOf, waitForFillOutcome } from '../harness/extension';

let server: StandInServer;
let browser: ExtensionBrowser;

useStandInBrowser((started) => ({ server, browser } = started));

async function openSettings(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByTestId('settings-help-center-url').waitFor();
  return page;
}

describe('settings', () => {
  it('refuses an invalid URL or address with a message, and saves nothing', async () => {
    const settings = await openSettings();
    await expect(settings.getByTestId('settings-help-center-url').inputValue()).resolves.toBe(
      'https://support.onelogin.jp/hc/ja/requests/new',
    );
    await settings.getByTestId('settings-help-center-url').fill('javascript:alert(1)');
    await settings.getByTestId('settings-save').click();
    await expect(settings.getByTestId('settings-notice').textContent()).resolves.toContain(
      'https で始まる URL',
    );
    await settings
      .getByTestId('settings-help-center-url')
      .fill('https://support.onelogin.jp/hc/ja/requests/new');
    await settings.getByTestId('settings-personal-email').fill('not-an-address');
    await settings.getByTestId('settings-save').click();
    await expect(settings.getByTestId('settings-notice').textContent()).resolves.toContain(
      'メールアドレスの形式が正しくありません',
    );
    await settings.getByTestId('settings-personal-email').fill('');
    await settings.getByTestId('settings-mask-patterns').fill('EMP-[0-9]+\n(unclosed');
    await settings.getByTestId('settings-save').click();
    await expect(settings.getByTestId('settings-notice').textContent()).resolves.toContain(
      'マスク規則「(unclosed」は使えません',
    );
    // A repetition inside a repetition compiles, but would freeze the capture on some page text.
    await settings.getByTestId('settings-mask-patterns').fill('EMP-[0-9]+\n(a+)+$');
    await settings.getByTestId('settings-save').click();
    await expect(settings.getByTestId('settings-notice').textContent()).resolves.toContain(
      'マスク規則「(a+)+$」は使えません',
    );
    const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('settings'));
    expect(stored).toEqual({});
    await settings.close();
  });

  it('fills the form at the saved URL, with my address as the default CC, in English', async () => {
    const formUrl = `${server.urls.helpCenterForm}?ticket_form_id=360000000001`;
    const settings = await openSettings();
    await settings.getByTestId('settings-help-center-url').fill(formUrl);
    await settings.getByTestId('settings-personal-email').fill('hanako.sato@example.co.jp');
    await settings.getByTestId('settings-language').selectOption('en');
    await settings.getByTestId('settings-save').click();
    await expect(settings.getByTestId('settings-notice').textContent()).resolves.toBe('Saved.');
    // The page itself switched language on save.
    await expect(settings.locator('h1').textContent()).resolves.toBe('HelpDraft settings');
    await settings.close();

    const page = await browser.context.newPage();
    await page.goto(server.urls.userEdit);
    const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
    await popup.getByTestId('draft-title').waitFor();
    await expect(popup.getByTestId('draft-cc').inputValue()).resolves.toBe('hanako.sato@example.co.jp');
    await expect(popup.getByTestId('fill').textContent()).resolves.toBe('Fill the help-center form');
    await expect(popup.getByTestId('draft-description').inputValue()).resolves.toContain(
      '■ Error messages (full text)',
    );
    await expect(popup.locator('#draft-priority option:checked').textContent()).resolves.toBe('Normal');

    const formOpened = browser.context.waitForEvent('page', (opened) => opened.url() === formUrl);
    await popup.getByTestId('fill').click();
    const form = await formOpened;
    const report = await waitForFillOutcome(browser, popup);
    expect(report.cc).toBe('filled');
    await expect(form.inputValue('#request_collaborators_')).resolves.toBe('hanako.sato@example.co.jp');
    // The on-page panel speaks the user's language too.
    await expect(form.locator('#helpdraft-fill-panel h2').textContent()).resolves.toBe(
      'Filled in by HelpDraft',
    );
    await popup.close();
    await form.close();
    await page.close();
  });
});
