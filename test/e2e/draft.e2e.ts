/**
 * The draft editor in the real popup: answers re-suggest priority and
 * category with their reasons, a hand-picked value stays, and the connector
 * field exists only for a connector request and reaches the form only then;
 * a draft that breaks the help center's rules cannot be filled, and says why;
 * closing the popup mid-word loses nothing.
 */
import { describe, expect, it } from 'vitest';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { openPopupForTab, tabIdOf, waitForFillOutcome } from '../harness/extension';
import { useStandInBrowser } from '../harness/suite';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

describe('the draft editor', () => {
  it('suggest priority and category with reasons, and keep what the user picks', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.urls.appSso);
    const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
    await popup.getByTestId('draft-title').waitFor();

    await expect(popup.getByTestId('answer-inquiry-type').inputValue()).resolves.toBe('troubleshooting');
    await expect(popup.getByTestId('priority-reason').textContent()).resolves.toContain(
      '業務影響が軽微なトラブルシュートのため【普通】',
    );
    await expect(popup.getByTestId('category-reason').textContent()).resolves.toContain(
      'エラー文に「SAML」とあるため',
    );
    await expect(popup.getByTestId('draft-connector').count()).resolves.toBe(0);

    // The checklist marks what is there and what is missing.
    const checklist = Object.fromEntries(
      await popup
        .getByTestId('checklist-item')
        .evaluateAll((items) =>
          items.map((item) => [item.getAttribute('data-key'), item.getAttribute('data-done')]),
        ),
    );
    expect(checklist).toMatchObject({
      'checklist.errorText': 'true',
      'checklist.screenshot': 'true',
      'checklist.entities': 'true',
      'checklist.tried': 'false',
      'checklist.impact': 'false',
    });

    await popup.getByTestId('answer-impact').selectOption('some-users');
    await expect.poll(() => popup.getByTestId('draft-priority').inputValue()).toBe('high');
    await expect(popup.getByTestId('priority-reason').textContent()).resolves.toContain(
      '一部のユーザーの利用に影響するトラブルシュートのため【高】',
    );

    await popup.getByTestId('draft-priority').selectOption('urgent');
    await popup.getByTestId('answer-impact').selectOption('minor');
    await expect
      .poll(() => popup.getByTestId('priority-reason').getAttribute('data-overridden'))
      .toBe('true');
    await expect(popup.getByTestId('draft-priority').inputValue()).resolves.toBe('urgent');

    await popup.getByTestId('answer-inquiry-type').selectOption('connector-request');
    await expect.poll(() => popup.getByTestId('draft-category').inputValue()).toBe('connector');
    await popup.getByTestId('draft-connector').selectOption('paid');
    await expect.poll(() => popup.getByTestId('save-state').getAttribute('data-pending')).toBe('0');

    const formOpened = browser.context.waitForEvent(
      'page',
      (opened) => opened.url() === server.urls.helpCenterForm,
    );
    await popup.getByTestId('fill').click();
    const form = await formOpened;
    const report = await waitForFillOutcome(browser, popup);
    expect(report.connector).toBe('filled');
    await expect(form.locator('#request_custom_fields_360022222222').inputValue()).resolves.toBe(
      'connector_request_paid',
    );
    await popup.close();
    await form.close();
    await page.close();
  });

  it('refuse to fill from a shared account without a personal CC, and say why', async () => {
    const settings = await browser.context.newPage();
    await settings.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await settings.getByTestId('settings-shared-account').check();
    await settings.getByTestId('settings-save').click();
    await expect(settings.getByTestId('settings-notice').textContent()).resolves.toBe('保存しました。');
    await settings.close();

    try {
      const page = await browser.context.newPage();
      await page.goto(server.urls.userEdit);
      const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
      await popup.getByTestId('draft-title').waitFor();
      await expect(popup.getByTestId('fill').isDisabled()).resolves.toBe(true);
      await expect(popup.getByTestId('validation-item').textContent()).resolves.toContain(
        '共有アカウントでサインインしている場合、お問い合わせされる方ご本人のメールアドレスを CC に必ず入力してください',
      );

      // A group address does not count; a personal one does.
      await popup.getByTestId('draft-cc').fill('it-admin@example.co.jp');
      await expect(popup.getByTestId('validation-item').getAttribute('data-key')).resolves.toBe(
        'validation.ccPersonalRequired',
      );
      await popup.getByTestId('draft-cc').fill('it-admin@example.co.jp, taro.yamada@example.co.jp');
      await expect(popup.getByTestId('validation-item').count()).resolves.toBe(0);
      await expect(popup.getByTestId('fill').isEnabled()).resolves.toBe(true);
      await popup.close();
      await page.close();
    } finally {
      await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
    }
  });

  it('lose nothing when the popup closes mid-word', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.urls.appSso);
    const tabId = await tabIdOf(browser, page);
    let popup = await openPopupForTab(browser, tabId);
    await popup.getByTestId('draft-title').fill('');
    // Typed key by key and closed at once: no waiting for the saves to be acknowledged.
    await popup.getByTestId('draft-title').pressSequentially('SSO が失敗する', { delay: 5 });
    await popup.getByTestId('answer-summary').pressSequentially('証明書を更新した後から', { delay: 5 });
    await popup.close();

    popup = await openPopupForTab(browser, tabId);
    await expect(popup.getByTestId('draft-title').inputValue()).resolves.toBe('SSO が失敗する');
    await expect(popup.getByTestId('answer-summary').inputValue()).resolves.toBe('証明書を更新した後から');
    await popup.close();
    await page.close();
  });
});
