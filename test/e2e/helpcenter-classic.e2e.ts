/**
 * The classic request form's harder cases in a real Chromium with the built
 * extension (flow.e2e.ts covers the plain one): several ticket forms, whose
 * choice reloads the page before anything is filled; the CKEditor-like rich
 * editor, filled in the page's MAIN world and writing its HTML over the
 * textarea on submit; and a sign-in page instead of a form.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HELP_CENTER_HOST, type StandInServer } from '../fixtures/server';
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

async function draftPopup(): Promise<{ page: Page; popup: Page }> {
  const page = await browser.context.newPage();
  await page.goto(server.urls.appSso);
  const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
  await popup.getByTestId('draft-title').waitFor();
  await popup.getByTestId('draft-priority').selectOption('high');
  await popup.getByTestId('draft-cc').fill('taro.yamada@example.co.jp, it-team@example.co.jp');
  await expect.poll(() => popup.getByTestId('save-state').getAttribute('data-pending')).toBe('0');
  return { page, popup };
}

describe('the classic request form', () => {
  it('chooses the OneLogin ticket form first, then fills the reloaded form and its rich editor', async () => {
    const url = `https://${HELP_CENTER_HOST}/hc/ja/requests/new?forms=several&editor=ck`;
    await withHelpCenterUrl(url, async () => {
      const { page, popup } = await draftPopup();
      const title = await popup.getByTestId('draft-title').inputValue();
      const formOpened = browser.context.waitForEvent('page', (opened) => opened.url() === url);
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
      // Same tab, reloaded on the chosen form.
      expect(new URL(form.url()).searchParams.get('ticket_form_id')).toBe('360000000001');
      await expect(form.locator('#request_issue_type_select').inputValue()).resolves.toBe('360000000001');
      const panel = form.locator('#helpdraft-fill-panel section');
      await expect(panel.getAttribute('data-generation')).resolves.toBe('classic');
      await expect(panel.locator('p.about').textContent()).resolves.toContain(
        'OneLogin に関するお問い合わせ',
      );
      const report = await browser.serviceWorker.evaluate(async () =>
        Object.entries(await chrome.storage.local.get(null))
          .filter(([key]) => key.startsWith('draft:'))
          .map(([, draft]) => (draft as { fillReport?: { form?: unknown } }).fillReport?.form)
          .find(Boolean),
      );
      expect(report).toEqual({ generation: 'classic', ticketForm: 'OneLogin に関するお問い合わせ' });

      const editorHtml = await form.evaluate(() =>
        (
          document.querySelector('.ck-editor__editable') as Element & {
            ckeditorInstance: { getData(): string };
          }
        ).ckeditorInstance.getData(),
      );
      expect(editorHtml).toMatch(/^<p>/);
      // The textarea itself is left alone: the editor writes over it on submit.
      expect(server.uploads).toHaveLength(1);
      expect(server.submissions).toHaveLength(0);

      await form.locator('input[type=submit][name=commit]').click();
      await form.waitForLoadState('load');
      await expect.poll(() => server.submissions.length).toBe(1);
      const fields = server.submissions[0]!.fields;
      expect(fields['request[ticket_form_id]']).toEqual(['360000000001']);
      expect(fields['request[subject]']).toEqual([title]);
      expect(fields['request[description]']).toEqual([editorHtml]);
      expect(fields['request[description_mimetype]']).toEqual(['text/html']);
      expect(fields['request[priority]']).toEqual(['high']);
      expect(fields['request[custom_fields][360011111111]']).toEqual(['onelogin_sso']);
      expect(fields['request[custom_fields][360022222222]']).toEqual(['']);
      expect(fields['request[collaborators][]']).toEqual([
        'taro.yamada@example.co.jp, it-team@example.co.jp',
      ]);
      expect(fields['request[attachments][]']).toEqual([server.uploads[0]!.token]);
      await popup.close();
      await form.close();
      await page.close();
    });
  });

  it('says so on the page and in the popup when the help center asks to sign in', async () => {
    const url = `https://${HELP_CENTER_HOST}/hc/ja/signin`;
    await withHelpCenterUrl(url, async () => {
      const { page, popup } = await draftPopup();
      const formOpened = browser.context.waitForEvent('page', (opened) => opened.url() === url);
      await popup.getByTestId('fill').click();
      const signIn = await formOpened;
      const error = popup.getByTestId('fill-error');
      await error.waitFor();
      // The fill waits in that tab for the sign-in (test/e2e/signin.e2e.ts goes on to sign in).
      await expect(error.getAttribute('data-code')).resolves.toBe('sign-in-required');
      const panel = signIn.locator('#helpdraft-fill-panel section');
      await expect(panel.getAttribute('data-problem')).resolves.toBe('sign-in');
      await expect(panel.locator('p.about').textContent()).resolves.toContain('サインイン');
      // Nothing was typed into the sign-in form.
      await expect(signIn.locator('#user_email').inputValue()).resolves.toBe('');
      await popup.close();
      await signIn.close();
      await page.close();
    });
  });
});
