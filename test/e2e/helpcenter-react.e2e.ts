/**
 * Filling the React (Copenhagen v4) request form in a real Chromium with the
 * built extension: the stand-in's form renders after load, its dropdowns are
 * Garden-like comboboxes, CC is a chip list, the description a CKEditor-like
 * rich editor (filled in the page's MAIN world) and attachments upload
 * through the API. The test, not the extension, presses 送信; the stand-in
 * server then shows what the help center would receive.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { openPopupForTab, tabIdOf, waitForFillOutcome } from '../harness/extension';
import { useStandInBrowser } from '../harness/suite';

let server: StandInServer;
let browser: ExtensionBrowser;

useStandInBrowser((started) => ({ server, browser } = started));

beforeEach(() => server.reset());

async function withHelpCenterUrl<T>(url: string, run: () => Promise<T>): Promise<T> {
  await browser.serviceWorker.evaluate(
    (helpCenterUrl) => chrome.storage.local.set({ settings: { helpCenterUrl } }),
    url,
  );
  try {
    return await run();
  } finally {
    await browser.serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
  }
}

/** A draft of the app SSO page's SAML error, edited in the popup; returns the popup and the page. */
async function draftFromPopup(edit: (popup: Page) => Promise<void>) {
  const page = await browser.context.newPage();
  await page.goto(server.urls.appSso);
  const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
  await popup.getByTestId('draft-title').waitFor();
  await popup.getByTestId('draft-priority').selectOption('high');
  await popup.getByTestId('draft-cc').fill('taro.yamada@example.co.jp, it-team@example.co.jp');
  await edit(popup);
  await expect.poll(() => popup.getByTestId('save-state').getAttribute('data-pending')).toBe('0');
  return { page, popup };
}

async function fillFrom(popup: Page, url: string): Promise<{ form: Page; outcome: Record<string, string> }> {
  const formOpened = browser.context.waitForEvent('page', (opened) => opened.url().startsWith(url));
  await popup.getByTestId('fill').click();
  const form = await formOpened;
  const outcome = await waitForFillOutcome(browser, popup);
  return { form, outcome };
}

/** The text of HTML, as the test reads the description the editor sent. */
function textOf(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, '');
}

describe('the React (Copenhagen v4) request form', () => {
  it('is filled field by field and sends what the draft says once the user submits', async () => {
    await withHelpCenterUrl(server.urls.helpCenterReactForm, async () => {
      const { page, popup } = await draftFromPopup(async () => {});
      const title = await popup.getByTestId('draft-title').inputValue();
      const description = await popup.getByTestId('draft-description').inputValue();
      const { form, outcome } = await fillFrom(popup, server.urls.helpCenterReactForm);
      expect(outcome).toEqual({
        cc: 'filled',
        category: 'filled',
        priority: 'filled',
        subject: 'filled',
        description: 'filled',
        connector: 'skipped',
        attachments: 'filled',
      });
      await expect(
        form.locator('#helpdraft-fill-panel section').getAttribute('data-generation'),
      ).resolves.toBe('react');

      // What the page shows: chips, the chosen labels, the editor's content.
      await expect(form.locator('.tag [name="request[collaborators][]"]').count()).resolves.toBe(2);
      await expect(
        form.locator('[role=combobox]:has([name="request[priority]"]) .value').textContent(),
      ).resolves.toBe('高');
      const editorHtml = await form.evaluate(() =>
        (
          document.querySelector('.ck-editor__editable') as Element & {
            ckeditorInstance: { getData(): string };
          }
        ).ckeditorInstance.getData(),
      );
      expect(editorHtml).toContain('<p>');
      // List lines ("- …") become <ul><li> in the HTML.
      expect(textOf(editorHtml)).toBe(description.replace(/^- /gm, '').replace(/\s+/g, ''));
      // Only the attachments input got the screenshot, not the editor's image button.
      await expect(form.locator('.ck-editor').getAttribute('data-inline-images')).resolves.toBeNull();

      expect(server.uploads).toHaveLength(1);
      const upload = server.uploads[0]!;
      expect(upload.contentType).toBe('image/png');
      expect(upload.filename).toMatch(/^helpdraft-screenshot-\d{8}-\d{6}\.png$/);

      // Never submitted by the extension.
      await form.waitForTimeout(300);
      expect(server.submissions).toHaveLength(0);
      await form.locator('#new-request-form button[type=submit]').click();
      await form.waitForLoadState('load');
      await expect.poll(() => server.submissions.length).toBe(1);
      const fields = server.submissions[0]!.fields;
      expect(fields['request[subject]']).toEqual([title]);
      // The editor wrote its HTML over the textarea on submit: the HTML is what the help center gets.
      expect(fields['request[description]']).toEqual([editorHtml]);
      expect(fields['request[description_mimetype]']).toEqual(['text/html']);
      expect(fields['request[priority]']).toEqual(['high']);
      expect(fields['request[custom_fields][360011111111]']).toEqual(['onelogin_sso']);
      expect(fields['request[custom_fields][360022222222]']).toEqual(['']);
      expect(fields['request[collaborators][]']).toEqual([
        'taro.yamada@example.co.jp',
        'it-team@example.co.jp',
      ]);
      const attachments = (fields['request[attachments][]'] ?? []).map(
        (value) => JSON.parse(value) as { id: string; file_name: string },
      );
      expect(attachments).toEqual([
        expect.objectContaining({ id: upload.token, file_name: upload.filename }),
      ]);

      await popup.close();
      await form.close();
      await page.close();
    });
  });

  it('sets the connector field only for a connector request', async () => {
    await withHelpCenterUrl(server.urls.helpCenterReactForm, async () => {
      const { page, popup } = await draftFromPopup(async (popup) => {
        await popup.getByTestId('answer-inquiry-type').selectOption('connector-request');
        await popup.getByTestId('draft-connector').selectOption('paid');
      });
      // The fill reads the stored draft: wait until the connector choice is there.
      await expect
        .poll(() =>
          browser.serviceWorker.evaluate(async () =>
            Object.entries(await chrome.storage.local.get(null))
              .filter(([key]) => key.startsWith('draft:'))
              .map(([, draft]) => (draft as { connector?: string }).connector),
          ),
        )
        .toContain('paid');
      const { form, outcome } = await fillFrom(popup, server.urls.helpCenterReactForm);
      expect(outcome.connector).toBe('filled');
      await form.locator('#new-request-form button[type=submit]').click();
      await form.waitForLoadState('load');
      await expect.poll(() => server.submissions.length).toBe(1);
      const fields = server.submissions[0]!.fields;
      expect(fields['request[custom_fields][360022222222]']).toEqual(['connector_request_paid']);
      expect(fields['request[attachments][]']).toHaveLength(1);
      await popup.close();
      await form.close();
      await page.close();
    });
  });
});
