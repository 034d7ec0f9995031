/**
 * The drafts list in the real popup: many drafts, newest first, each with
 * its status; open, duplicate (with its own screenshot), mark sent, delete
 * (with its screenshot); a fill shows as "filled"; and the list stays
 * reachable where nothing can be captured.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { openPopupForTab, waitForFillOutcome } from '../harness/extension';
import { storedAttachmentIds } from '../harness/attachment-store';
import { useStandInBrowser } from '../harness/suite';
import { capturedPopup } from '../harness/views';
import v1Fixture from '../fixtures/storage/v1-local.json';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

function listed(popup: Page) {
  return popup.getByTestId('draft-item').evaluateAll((items) =>
    items.map((item) => ({
      id: item.getAttribute('data-draft-id'),
      status: item.getAttribute('data-status'),
      current: item.getAttribute('aria-current') === 'true',
      title: item.querySelector('[data-testid="draft-open"]')?.textContent ?? '',
    })),
  );
}

async function capture(url: string): Promise<{ page: Page; popup: Page; title: string }> {
  const { page, popup } = await capturedPopup(browser, url);
  return { page, popup, title: await popup.getByTestId('draft-title').inputValue() };
}

describe('the drafts list', () => {
  it('lists drafts newest first, and opens, duplicates, marks sent and deletes them', async () => {
    const first = await capture(server.urls.appSso);
    await first.popup.close();
    const second = await capture(server.urls.userEdit);
    const popup = second.popup;

    await popup.getByTestId('drafts').click();
    await expect.poll(() => popup.getByTestId('draft-item').count()).toBe(2);
    const [newest, older] = await listed(popup);
    expect(newest).toMatchObject({ title: second.title, status: 'draft', current: true });
    expect(older).toMatchObject({ title: first.title, status: 'draft', current: false });
    expect(await storedAttachmentIds(popup)).toHaveLength(2);

    // Duplicate the newest: the copy opens in the editor, with its own screenshot.
    await popup.getByTestId('draft-item').first().getByTestId('draft-duplicate').click();
    await expect.poll(() => popup.getByTestId('popup-notice').textContent()).toBe('複製を開きました。');
    await expect(popup.getByTestId('draft-title').inputValue()).resolves.toBe(second.title);
    await expect(popup.getByTestId('attachment-item').count()).resolves.toBe(1);
    expect(await storedAttachmentIds(popup)).toHaveLength(3);
    await popup.getByTestId('draft-title').fill('複製した下書き');
    await expect.poll(() => popup.getByTestId('save-state').getAttribute('data-pending')).toBe('0');

    await popup.getByTestId('drafts').click();
    await expect.poll(() => popup.getByTestId('draft-item').count()).toBe(3);
    const [copy] = await listed(popup);
    expect(copy).toMatchObject({ title: '複製した下書き', status: 'draft', current: true });
    expect(copy!.id).not.toBe(newest!.id);

    // Mark sent, and back.
    const copyItem = popup.locator(`[data-testid="draft-item"][data-draft-id="${copy!.id}"]`);
    await copyItem.getByTestId('draft-mark-sent').click();
    await expect.poll(() => copyItem.getAttribute('data-status')).toBe('sent');
    await expect(copyItem.getByTestId('draft-mark-sent').textContent()).resolves.toBe('下書きに戻す');
    await expect(copyItem.textContent()).resolves.toContain('送信済み');

    // Delete asks first, then takes the draft and its screenshot.
    await copyItem.getByTestId('draft-delete').click();
    await expect(copyItem.textContent()).resolves.toContain('元に戻せません');
    await copyItem.getByTestId('draft-delete-confirm').click();
    await expect.poll(() => popup.getByTestId('draft-item').count()).toBe(2);
    await expect(popup.getByTestId('popup-notice').textContent()).resolves.toBe('下書きを削除しました。');
    // Focus does not fall back to the page's start: it lands on the list's heading.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('drafts-heading');
    expect(await storedAttachmentIds(popup)).toHaveLength(2);

    // Open the older draft from the list.
    await popup
      .locator(`[data-testid="draft-item"][data-draft-id="${older!.id}"]`)
      .getByTestId('draft-open')
      .click();
    await expect(popup.getByTestId('draft-title').inputValue()).resolves.toBe(first.title);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('draft-title');
    await expect(popup.getByTestId('source-url').getAttribute('title')).resolves.toBe(server.urls.appSso);

    // A fill shows in the list as "filled into the form".
    await expect.poll(() => popup.getByTestId('save-state').getAttribute('data-pending')).toBe('0');
    const formOpened = browser.context.waitForEvent(
      'page',
      (opened) => opened.url() === server.urls.helpCenterForm,
    );
    await popup.getByTestId('fill').click();
    const form = await formOpened;
    await waitForFillOutcome(browser, popup);
    await popup.getByTestId('drafts').click();
    await expect
      .poll(() =>
        popup.locator(`[data-testid="draft-item"][data-draft-id="${older!.id}"]`).getAttribute('data-status'),
      )
      .toBe('filled');

    await form.close();
    await popup.close();
    await first.page.close();
    await second.page.close();
  });

  it('keeps the list reachable on a page that cannot be captured', async () => {
    const tabIds = () =>
      browser.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.id));
    const before = await tabIds();
    const page = await browser.context.newPage();
    await page.goto('chrome://version');
    // Without the `tabs` permission a chrome:// tab shows the extension no URL: it is the new tab.
    const [tabId] = (await tabIds()).filter((id) => !before.includes(id));
    const popup = await openPopupForTab(browser, tabId!);
    await expect(popup.getByTestId('popup-error').getAttribute('data-code')).resolves.toBe(
      'capture-not-allowed',
    );
    await popup.getByTestId('drafts').click();
    await expect.poll(() => popup.getByTestId('draft-item').count()).toBe(2);
    await popup.close();
    await page.close();
  });

  it('reads drafts stored by version 1 after an update, the unreadable one left in storage', async () => {
    await browser.serviceWorker.evaluate(async (area) => {
      await chrome.storage.local.clear();
      await chrome.storage.local.set(area);
    }, v1Fixture.local);
    // Bound to no tab (an id that cannot exist): the popup itself reads, and so migrates, the drafts.
    const popup = await openPopupForTab(browser, -1);
    await expect(popup.getByTestId('popup-error').getAttribute('data-code')).resolves.toBe('tab-not-found');
    await popup.getByTestId('drafts').click();
    await expect.poll(() => popup.getByTestId('draft-item').count()).toBe(3);
    const titles = (await listed(popup)).map((draft) => draft.title);
    expect(titles).toContain('SSO の件（ガイド質問以前の下書き）');
    const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get(null));
    expect(stored.drafts).toBeUndefined();
    expect(stored.draftsVersion).toBe(2);
    expect(stored['draft:0b7d3c1e-2222-4c5e-9a55-000000000002']).toMatchObject({ title: 3 });
    await popup.close();
  });

  it('opens the same draft in a tab for long edits, the two views kept in sync', async () => {
    const { page, popup, title } = await capture(server.urls.userEdit);
    const tabOpened = browser.context.waitForEvent('page', (opened) =>
      opened.url().includes('popup.html?draftId='),
    );
    await popup.getByTestId('open-in-tab').click();
    const tab = await tabOpened;
    await tab.getByTestId('draft-title').waitFor();
    await expect(tab.getByTestId('draft-title').inputValue()).resolves.toBe(title);
    await expect(tab.getByTestId('open-in-tab').count()).resolves.toBe(0);
    await expect(tab.locator('main.in-tab').count()).resolves.toBe(1);

    await tab.getByTestId('draft-title').fill('タブで書き直した件名');
    await expect.poll(() => popup.getByTestId('draft-title').inputValue()).toBe('タブで書き直した件名');
    await popup.getByTestId('draft-cc').fill('hanako@example.co.jp');
    await expect.poll(() => tab.getByTestId('draft-cc').inputValue()).toBe('hanako@example.co.jp');

    // A recapture from the tab captures the page the draft came from, not the tab itself.
    await tab.getByTestId('capture').click();
    await expect.poll(() => tab.getByTestId('source-url').getAttribute('title')).toBe(server.urls.userEdit);
    await expect(tab.getByTestId('draft-title').inputValue()).resolves.not.toBe('タブで書き直した件名');

    await tab.close();
    await popup.close();
    await page.close();
  });
});
