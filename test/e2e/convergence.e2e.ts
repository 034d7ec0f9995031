/**
 * Issue 15, item 5, in the real extension. Two views of one draft (the
 * popup and "open in a tab") converge on the stored draft even when one had
 * its own edit on its way while the other stored a change; a fill sends
 * what the stored draft holds, an edit typed just before it included. And an
 * attachment whose bytes are gone from IndexedDB shows as missing in the
 * popup and in the fill report, and the draft still duplicates and deletes.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { deleteStoredBytes, storedAttachmentIds } from '../harness/attachment-store';
import { useStandInBrowser } from '../harness/suite';
import { capturedPopup } from '../harness/views';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

interface Hold {
  holding: boolean;
  release(): void;
}

/**
 * Holds the view's `updateDraft` messages until `release`: the edit is on
 * its way, as when the service worker is slow to wake. WXT's `browser` is
 * Chromium's own `chrome` (docs/ARCHITECTURE.md), read at each send.
 */
async function holdEdits(view: Page): Promise<void> {
  await view.evaluate(() => {
    const runtime = chrome.runtime as unknown as { sendMessage: (message: unknown) => Promise<unknown> };
    const send = runtime.sendMessage.bind(runtime);
    const held: Array<() => void> = [];
    const hold: Hold = {
      holding: true,
      release() {
        this.holding = false;
        for (const next of held.splice(0)) next();
      },
    };
    (window as unknown as { helpdraftHold: Hold }).helpdraftHold = hold;
    runtime.sendMessage = (message) => {
      if (!hold.holding || (message as { type?: string }).type !== 'updateDraft') return send(message);
      return new Promise((resolve, reject) => held.push(() => void send(message).then(resolve, reject)));
    };
  });
}

function releaseEdits(view: Page): Promise<void> {
  return view.evaluate(() => (window as unknown as { helpdraftHold: Hold }).helpdraftHold.release());
}

const pending = (view: Page) => view.getByTestId('save-state').getAttribute('data-pending');

async function storedDraft(draftId: string): Promise<{ title: string; cc: string; attachments: unknown[] }> {
  return browser.serviceWorker.evaluate(
    async (key) => (await chrome.storage.local.get(key))[key] as never,
    `draft:${draftId}`,
  );
}

function draftIdOf(view: Page): Promise<string> {
  return view.evaluate(() => new URLSearchParams(location.search).get('draftId') ?? '');
}

async function popupAndTab(): Promise<{ page: Page; popup: Page; tab: Page; draftId: string }> {
  const { page, popup } = await capturedPopup(browser, server.urls.appSso);
  const tabOpened = browser.context.waitForEvent('page', (opened) =>
    opened.url().includes('popup.html?draftId='),
  );
  await popup.getByTestId('open-in-tab').click();
  const tab = await tabOpened;
  await tab.getByTestId('draft-title').waitFor();
  return { page, popup, tab, draftId: await draftIdOf(tab) };
}

async function fillFrom(view: Page, click: () => Promise<void> = () => view.getByTestId('fill').click()) {
  const formOpened = browser.context.waitForEvent(
    'page',
    (opened) => opened.url() === server.urls.helpCenterForm,
  );
  await click();
  const form = await formOpened;
  await view.getByTestId('fill-report-item').first().waitFor({ timeout: 45_000 });
  return form;
}

describe('two views of one draft', () => {
  it('converge on the stored draft when one had its own edit on its way', async () => {
    const { page, popup, tab, draftId } = await popupAndTab();
    const title = await popup.getByTestId('draft-title').inputValue();

    await holdEdits(popup);
    await popup.getByTestId('draft-cc').fill('hanako@example.co.jp');
    await expect.poll(() => pending(popup)).not.toBe('0');
    await tab.getByTestId('draft-title').fill('タブで書き直した件名');
    await expect.poll(() => pending(tab)).toBe('0');
    await expect.poll(async () => (await storedDraft(draftId)).title).toBe('タブで書き直した件名');
    // The popup keeps its own edit on screen and, for now, its old title: a value on its way wins.
    await expect(popup.getByTestId('draft-title').inputValue()).resolves.toBe(title);

    await releaseEdits(popup);
    await expect.poll(() => pending(popup)).toBe('0');
    await expect.poll(() => popup.getByTestId('draft-title').inputValue()).toBe('タブで書き直した件名');
    await expect.poll(() => tab.getByTestId('draft-cc').inputValue()).toBe('hanako@example.co.jp');
    await expect(popup.getByTestId('draft-cc').inputValue()).resolves.toBe('hanako@example.co.jp');
    await expect(storedDraft(draftId)).resolves.toMatchObject({
      title: 'タブで書き直した件名',
      cc: 'hanako@example.co.jp',
    });

    // A fill clicked while an edit is still on its way waits for it: the form gets what the view shows.
    server.reset();
    await holdEdits(popup);
    await popup.getByTestId('draft-title').fill('入力直後に送った件名');
    const form = await fillFrom(popup, async () => {
      await popup.getByTestId('fill').click();
      await popup.waitForTimeout(500);
      await releaseEdits(popup);
    });
    await expect(form.locator('#request_subject').inputValue()).resolves.toBe('入力直後に送った件名');
    await expect(form.locator('#request_collaborators_').inputValue()).resolves.toBe('hanako@example.co.jp');
    await expect(storedDraft(draftId)).resolves.toMatchObject({ title: '入力直後に送った件名' });
    for (const view of [popup, tab])
      await expect.poll(() => view.getByTestId('draft-title').inputValue()).toBe('入力直後に送った件名');

    await form.close();
    await tab.close();
    await popup.close();
    await page.close();
  });
});

describe('an attachment whose bytes are gone', () => {
  it('shows as missing in the popup and the fill report, and the draft duplicates and deletes', async () => {
    const { page, popup, tab, draftId } = await popupAndTab();
    await tab.close();
    await popup
      .getByTestId('attachment-input')
      .setInputFiles({ name: 'saml-trace.log', mimeType: 'text/plain', buffer: Buffer.from('trace\n') });
    await expect.poll(() => popup.getByTestId('attachment-item').count()).toBe(2);
    await expect.poll(() => pending(popup)).toBe('0');
    const [screenshot] = (await storedDraft(draftId)).attachments as Array<{ id: string; name: string }>;
    await deleteStoredBytes(popup, screenshot!.id);

    // Opened again, the popup reads the bytes again and finds them gone.
    await popup.reload();
    const missingItem = popup.locator(`[data-testid="attachment-item"][data-name="${screenshot!.name}"]`);
    await expect.poll(() => missingItem.getAttribute('data-missing')).toBe('true');
    await expect(missingItem.getByTestId('attachment-missing').textContent()).resolves.toContain(
      'データが見つかりません',
    );
    await expect(missingItem.locator('img').count()).resolves.toBe(0);
    const logItem = popup.locator('[data-testid="attachment-item"][data-name="saml-trace.log"]');
    await expect(logItem.getAttribute('data-missing')).resolves.toBeNull();

    server.reset();
    const form = await fillFrom(popup);
    const attachmentRows = popup.locator('[data-testid="fill-report-item"][data-field="attachments"]');
    await expect.poll(() => attachmentRows.count()).toBe(2);
    const rows = await attachmentRows.evaluateAll((items) =>
      items.map((item) => [item.getAttribute('data-status'), item.textContent]),
    );
    expect(rows[0]?.[0]).toBe('filled');
    expect(rows[1]?.[0]).toBe('missing');
    expect(rows[1]?.[1]).toContain('データが見つからないため添付していません');
    expect(rows[1]?.[1]).toContain(screenshot!.name);
    expect(server.uploads.map((upload) => upload.filename)).toEqual(['saml-trace.log']);
    await form.close();

    // Duplicate: the copy opens, naming the missing file as missing too, with its own log.
    const before = await storedAttachmentIds(popup);
    await popup.getByTestId('drafts').click();
    const source = popup.locator(`[data-testid="draft-item"][data-draft-id="${draftId}"]`);
    await source.getByTestId('draft-duplicate').click();
    await expect.poll(() => popup.getByTestId('popup-notice').textContent()).toBe('複製を開きました。');
    await expect.poll(() => popup.locator('[data-missing="true"]').count()).toBe(1);
    await expect(popup.getByTestId('attachment-item').count()).resolves.toBe(2);
    await expect.poll(async () => (await storedAttachmentIds(popup)).length).toBe(before.length + 1);

    // Delete the copy, then the source: each takes its bytes, and nothing is left over.
    await popup.getByTestId('drafts').click();
    const copy = popup.locator('[data-testid="draft-item"][aria-current="true"]');
    await copy.getByTestId('draft-delete').click();
    await copy.getByTestId('draft-delete-confirm').click();
    await expect.poll(() => popup.getByTestId('popup-notice').textContent()).toBe('下書きを削除しました。');
    await expect.poll(async () => (await storedAttachmentIds(popup)).sort()).toEqual([...before].sort());
    await source.getByTestId('draft-delete').click();
    await source.getByTestId('draft-delete-confirm').click();
    await expect.poll(() => source.count()).toBe(0);
    await expect(popup.getByTestId('drafts-error').count()).resolves.toBe(0);
    const left = await storedAttachmentIds(popup);
    expect(left).toHaveLength(before.length - 1);

    await popup.close();
    await page.close();
  });
});
