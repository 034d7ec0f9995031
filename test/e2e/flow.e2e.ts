/**
 * The whole flow in a real Chromium with the built extension (E2E build):
 * capture a stand-in OneLogin page from the popup, edit the draft, reopen
 * the popup, fill the stand-in help-center form, and check what the page
 * uploaded and what a submission would send.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readPngSize } from '../../lib/png';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { useStandInBrowser } from '../harness/suite';
import { differingPixelShare } from '../harness/images';
import { dumpStorage, openPopupForTab, tabIdOf, waitForFillOutcome } from '../harness/extension';

let server: StandInServer;
let browser: ExtensionBrowser;

useStandInBrowser((started) => ({ server, browser } = started));

beforeEach(() => server.reset());

async function openPage(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

async function popupFor(page: Page): Promise<Page> {
  const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
  await popup.getByTestId('draft-title').waitFor();
  return popup;
}

describe('capture → draft → fill, on the stand-in pages', () => {
  it('drafts the SAML error of an app SSO tab with a screenshot of the page', async () => {
    const page = await openPage(server.urls.appSso);
    const viewport = await page.evaluate(() => ({
      width: Math.round(innerWidth * devicePixelRatio),
      height: Math.round(innerHeight * devicePixelRatio),
    }));
    const popup = await popupFor(page);

    const errors = await popup.getByTestId('error-item').allTextContents();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('SAML レスポンスの検証に失敗しました: Invalid Signature on SAML Response');
    expect(errors.join('\n')).not.toContain('テンプレート');

    const title = await popup.getByTestId('draft-title').inputValue();
    expect(title).toBe(
      '[Salesforce 本番] SAML レスポンスの検証に失敗しました: Invalid Signature on SAML Response',
    );
    const description = await popup.getByTestId('draft-description').inputValue();
    expect(description).toContain(
      '■ エラーメッセージ(全文)\n- SAML レスポンスの検証に失敗しました: Invalid Signature on SAML Response',
    );
    expect(description).toContain(`URL: ${server.urls.appSso}`);
    expect(description).toMatch(/■ 発生日時\n\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)/);
    await expect(popup.getByTestId('draft-priority').inputValue()).resolves.toBe('normal');
    await expect(popup.getByTestId('draft-category').inputValue()).resolves.toBe('sso');
    // The connector field exists only for a connector request (SPEC #6).
    await expect(popup.getByTestId('draft-connector').count()).resolves.toBe(0);

    const attachment = popup.getByTestId('attachment-item');
    await expect(attachment.count()).resolves.toBe(1);
    await expect(
      attachment
        .locator('img')
        .evaluate((image: HTMLImageElement) => image.decode().then(() => image.naturalWidth)),
    ).resolves.toBe(viewport.width);
    await expect(attachment.textContent()).resolves.toContain(`${viewport.width} × ${viewport.height} px`);
    await popup.close();
    await page.close();
  });

  it('drafts inline form errors with their field labels and leaves the hint out', async () => {
    const page = await openPage(server.urls.userEdit);
    const popup = await popupFor(page);
    const errors = await popup.getByTestId('error-item').allTextContents();
    expect(errors).toEqual([
      expect.stringContaining('ユーザーを保存できませんでした。入力内容を確認してください。'),
      expect.stringContaining('メールアドレス: メールアドレスの形式が正しくありません'),
      expect.stringContaining('ユーザー名: このユーザー名は既に使用されています'),
    ]);
    expect(errors.join('\n')).not.toContain('半角英数字');
    await expect(popup.getByTestId('draft-category').inputValue()).resolves.toBe('users');
    await popup.close();
    await page.close();
  });

  it('keeps every edit when the popup is closed and reopened', async () => {
    const page = await openPage(server.urls.appSso);
    const popup = await popupFor(page);
    await popup.getByTestId('draft-title').fill('SSO が失敗します');
    await popup.getByTestId('draft-priority').selectOption('high');
    await popup.getByTestId('draft-cc').fill('taro.yamada@example.co.jp');
    await popup.getByTestId('draft-description').focus();
    await popup.keyboard.press('Control+End');
    await popup.keyboard.type('\n追記: 再設定しても直りません');
    await expect.poll(() => popup.getByTestId('save-state').getAttribute('data-pending')).toBe('0');
    await popup.close();

    const reopened = await popupFor(page);
    await expect(reopened.getByTestId('draft-title').inputValue()).resolves.toBe('SSO が失敗します');
    await expect(reopened.getByTestId('draft-priority').inputValue()).resolves.toBe('high');
    await expect(reopened.getByTestId('draft-cc').inputValue()).resolves.toBe('taro.yamada@example.co.jp');
    await expect(reopened.getByTestId('draft-description').inputValue()).resolves.toMatch(
      /\n追記: 再設定しても直りません$/,
    );
    await reopened.close();
    await page.close();
  });

  it('fills the classic help-center form, uploads the screenshot, and never submits', async () => {
    const page = await openPage(server.urls.appSso);
    const popup = await popupFor(page);
    await popup.getByTestId('draft-priority').selectOption('high');
    await popup.getByTestId('draft-cc').fill('taro.yamada@example.co.jp, it-team@example.co.jp');
    await expect.poll(() => popup.getByTestId('save-state').getAttribute('data-pending')).toBe('0');
    const title = await popup.getByTestId('draft-title').inputValue();
    const description = await popup.getByTestId('draft-description').inputValue();

    const formOpened = browser.context.waitForEvent(
      'page',
      (opened) => opened.url() === server.urls.helpCenterForm,
    );
    await popup.getByTestId('fill').click();
    const form = await formOpened;
    expect(await waitForFillOutcome(browser, popup)).toEqual({
      cc: 'filled',
      category: 'filled',
      priority: 'filled',
      subject: 'filled',
      description: 'filled',
      connector: 'skipped',
      attachments: 'filled',
    });

    await expect(form.inputValue('#request_subject')).resolves.toBe(title);
    await expect(form.inputValue('#request_description')).resolves.toBe(description);
    await expect(form.inputValue('#request_collaborators_')).resolves.toBe(
      'taro.yamada@example.co.jp, it-team@example.co.jp',
    );
    await expect(form.locator('#request_priority').inputValue()).resolves.toBe('high');
    await expect(form.locator('#request_priority + a.nesty-input').textContent()).resolves.toBe('高');
    await expect(form.locator('#request_custom_fields_360011111111').inputValue()).resolves.toBe(
      'onelogin_sso',
    );
    await expect(form.locator('#request_custom_fields_360022222222').inputValue()).resolves.toBe('');
    // The on-page report, in a shadow root.
    await expect(form.locator('#helpdraft-fill-panel li[data-status="filled"]').count()).resolves.toBe(6);

    // The page's own uploader sent the screenshot: a real PNG of the captured viewport.
    expect(server.uploads).toHaveLength(1);
    const upload = server.uploads[0]!;
    expect(upload.contentType).toBe('image/png');
    expect(upload.filename).toMatch(/^helpdraft-screenshot-\d{8}-\d{6}\.png$/);
    const size = readPngSize(new Uint8Array(upload.bytes));
    const viewport = await page.evaluate(() => ({
      width: Math.round(innerWidth * devicePixelRatio),
      height: Math.round(innerHeight * devicePixelRatio),
    }));
    expect(size).toEqual(viewport);
    // It shows the OneLogin page, not the popup (captureVisibleTab photographs the window's active tab).
    expect(differingPixelShare(upload.bytes, await page.screenshot())).toBeLessThan(0.01);
    expect(differingPixelShare(upload.bytes, await popup.screenshot())).toBeGreaterThan(0.05);
    const tokens = await form
      .locator('input[type=hidden][name="request[attachments][]"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(tokens).toEqual([upload.token]);

    // HelpDraft never submits: nothing was posted until the test presses 送信 itself.
    await form.waitForTimeout(300);
    expect(server.submissions).toHaveLength(0);
    await form.locator('input[type=submit][name=commit]').click();
    await form.waitForLoadState('load');
    expect(server.submissions).toHaveLength(1);
    const fields = server.submissions[0]!.fields;
    expect(fields['request[subject]']).toEqual([title]);
    // Form submission normalises line breaks to CRLF (HTML spec, textarea value on submit).
    expect(fields['request[description]']).toEqual([description.replace(/\n/g, '\r\n')]);
    expect(fields['request[priority]']).toEqual(['high']);
    expect(fields['request[collaborators][]']).toEqual(['taro.yamada@example.co.jp, it-team@example.co.jp']);
    expect(fields['request[custom_fields][360011111111]']).toEqual(['onelogin_sso']);
    expect(fields['request[custom_fields][360022222222]']).toEqual(['']);
    expect(fields['request[attachments][]']).toEqual([upload.token]);

    await expect(popup.getByTestId('fill-report-item').first().isVisible()).resolves.toBe(true);
    await popup.close();

    // Opened on the filled form, the popup shows the same draft and its report (no capture of the form).
    await form.goBack();
    const popupOnForm = await popupFor(form);
    await expect(popupOnForm.getByTestId('draft-title').inputValue()).resolves.toBe(title);
    await expect(popupOnForm.getByTestId('fill-report-item').count()).resolves.toBe(7);
    await popupOnForm.close();
    await form.close();
    await page.close();
  });

  it('stores no secret the pages show', async () => {
    const page = await openPage(`${server.urls.appSso.replace('#sso', '')}?access_token=leaky-token-123#sso`);
    const popup = await popupFor(page);
    await popup.close();
    const stored = JSON.stringify(await dumpStorage(browser));
    expect(stored).not.toContain('leaky-token-123');
    expect(stored).toContain('access_token=[REDACTED]');
    await page.close();
  });
});
