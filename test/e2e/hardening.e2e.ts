/**
 * Issue 15's smaller defects, in a real Chromium with the E2E build (item 5):
 * - no content script announces HelpDraft to the page, and the recorder's wrappers read as
 *   the built-ins they replace (`toString`);
 * - a frozen page ends the capture with its own message after the time limit, and a tab that
 *   navigates during the capture with another (the limit is shortened for the test through
 *   the E2E build's storage.session key, lib/background/capture-deadline.ts);
 * - a help center under *.onelogin.com is filled only after the user allowed it;
 * - the filler leaves hidden controls that shadow visible ones empty, and says so.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HELP_CENTER_HOST, ONELOGIN_HOST, type StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { openPopupForTab, tabIdOf, waitForFillOutcome } from '../harness/extension';
import { useStandInBrowser } from '../harness/suite';

let server: StandInServer;
let browser: ExtensionBrowser;

useStandInBrowser((started) => ({ server, browser } = started));

beforeEach(() => server.reset());
afterEach(async () => {
  await browser.serviceWorker.evaluate(async () => {
    await chrome.storage.local.remove(['settings', 'helpCenterConsents']);
    await chrome.storage.session.remove('e2eCaptureTimeLimitMs');
  });
});

const frozenPage = `https://${ONELOGIN_HOST}/hostile/frozen.html`;

/**
 * What a page's script records of the extension: every message posted to the window, and
 * the CustomEvent WXT's content-script context dispatches on `document` when a script starts
 * (`<extension id>:<entrypoint>:wxt:content-script-started`,
 * node_modules/wxt/dist/utils/internal/custom-events.mjs) — the store id is public, so a page
 * can listen for it (lib/content-script-context.ts).
 */
function recordWhatThePageSees(extensionId: string): void {
  const seen: unknown[] = [];
  (window as unknown as { seenMessages: unknown[] }).seenMessages = seen;
  window.addEventListener('message', (event) => seen.push(event.data), true);
  for (const entrypoint of ['collector', 'filler', 'screenshot', 'recorder', 'recorder-bridge']) {
    const type = `${extensionId}:${entrypoint}:wxt:content-script-started`;
    document.addEventListener(type, () => seen.push(type), true);
  }
}

async function listenForMessages(page: Page): Promise<void> {
  await page.addInitScript(recordWhatThePageSees, browser.extensionId);
}

const seenMessages = (page: Page) =>
  page.evaluate(() => (window as unknown as { seenMessages: unknown[] }).seenMessages);

async function draftPopup(page: Page): Promise<Page> {
  const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
  await popup.getByTestId('draft-title').waitFor();
  await expect.poll(() => popup.getByTestId('save-state').getAttribute('data-pending')).toBe('0');
  return popup;
}

describe('the page cannot tell HelpDraft is there', () => {
  const nativeSources = {
    'console.error': 'function error() { [native code] }',
    fetch: 'function fetch() { [native code] }',
    'XMLHttpRequest.prototype.open': 'function open() { [native code] }',
    'Function.prototype.toString': 'function toString() { [native code] }',
  };

  it('the recorder’s wrappers print as native code, and toString too', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.urls.appSso);
    const read = () =>
      page.evaluate(() => ({
        'console.error': console.error.toString(),
        fetch: Function.prototype.toString.call(fetch),
        'XMLHttpRequest.prototype.open': XMLHttpRequest.prototype.open.toString(),
        'Function.prototype.toString': console.error.toString.toString(),
        prototypes: [console.error, fetch, XMLHttpRequest.prototype.open].map((method) =>
          Object.hasOwn(method, 'prototype'),
        ),
      }));
    // The recorder is there (it wrapped console.error), and it still reads as the original.
    const wrapped = await page.evaluate(() => console.error.name);
    expect(wrapped).toBe('error');
    expect(await read()).toEqual({ ...nativeSources, prototypes: [false, false, false] });
    await page.close();
  });

  it('no content script posts a message or dispatches an event to the page, through a capture and a fill', async () => {
    const page = await browser.context.newPage();
    await listenForMessages(page);
    await page.goto(server.urls.appSso);
    const popup = await draftPopup(page);
    const formOpened = browser.context.waitForEvent('page', (opened) =>
      opened.url().startsWith(server.urls.helpCenterForm),
    );
    // The help-center tab gets the same listener before its first script.
    await browser.context.addInitScript(recordWhatThePageSees, browser.extensionId);
    await popup.getByTestId('fill').click();
    const form = await formOpened;
    await waitForFillOutcome(browser, popup);
    expect(await seenMessages(page)).toEqual([]);
    expect(await seenMessages(form)).toEqual([]);
    await Promise.all([popup.close(), form.close(), page.close()]);
  });
});

describe('the capture’s time limit', () => {
  it('a frozen page ends in its own message, in the limit’s time', async () => {
    await browser.serviceWorker.evaluate(() => chrome.storage.session.set({ e2eCaptureTimeLimitMs: 2_000 }));
    const page = await browser.context.newPage();
    await page.goto(frozenPage);
    const tabId = await tabIdOf(browser, page);
    const draftKeys = () =>
      browser.serviceWorker.evaluate(async () =>
        Object.keys(await chrome.storage.local.get(null)).filter((key) => key.startsWith('draft:')),
      );
    const draftsBefore = await draftKeys();
    await page.evaluate(() => (window as unknown as { freezeFor(ms: number): void }).freezeFor(8_000));
    const started = Date.now();
    const popup = await openPopupForTab(browser, tabId);
    const error = popup.getByTestId('popup-error');
    await error.waitFor({ timeout: 7_000 });
    const waited = Date.now() - started;
    await expect(error.getAttribute('data-code')).resolves.toBe('capture-timeout');
    await expect(error.textContent()).resolves.toContain('2 秒以内に終わらなかった');
    // Ended by the limit, not by the page coming back (8 s).
    expect(waited).toBeLessThan(7_000);
    // The capture goes on once the page answers again (it then links the tab to its draft);
    // the draft it stored that late is deleted, so nothing is left behind.
    await expect
      .poll(
        () =>
          browser.serviceWorker.evaluate(async (id) => {
            const links = (await chrome.storage.session.get('tabDrafts')).tabDrafts as
              Record<string, unknown> | undefined;
            return links?.[String(id)] !== undefined;
          }, tabId),
        { timeout: 20_000 },
      )
      .toBe(true);
    await expect.poll(draftKeys, { timeout: 10_000 }).toEqual(draftsBefore);
    await Promise.all([popup.close(), page.close()]);
  });

  it('a tab that navigates during the capture ends it with its own message', async () => {
    const page = await browser.context.newPage();
    await page.goto(frozenPage);
    const tabId = await tabIdOf(browser, page);
    // The default limit (30 s) stays: only the navigation may end this capture.
    await page.evaluate(() => (window as unknown as { freezeFor(ms: number): void }).freezeFor(12_000));
    const popup = await openPopupForTab(browser, tabId);
    await popup.getByTestId('loading').waitFor();
    // To another site: Chromium stops waiting for the frozen page's unload after a few seconds
    // and loads the new page while the old one is still frozen (measured here: about 3 s), so
    // the capture cannot have ended by itself first.
    await browser.serviceWorker.evaluate(({ id, url }) => chrome.tabs.update(id, { url }), {
      id: tabId,
      url: server.urls.helpCenterForm,
    });
    const error = popup.getByTestId('popup-error');
    await error.waitFor({ timeout: 10_000 });
    await expect(error.getAttribute('data-code')).resolves.toBe('capture-navigated');
    await expect(error.textContent()).resolves.toContain('画面が移動したため');
    await Promise.all([popup.close(), page.close()]);
  });
});

describe('a help center under *.onelogin.com', () => {
  const oneLoginHelpCenter = 'https://support.onelogin.com/hc/ja/requests/new';
  const origin = 'https://support.onelogin.com';

  it('is not filled before the user allowed it, although the host permission is granted', async () => {
    await browser.serviceWorker.evaluate(
      (helpCenterUrl) => chrome.storage.local.set({ settings: { helpCenterUrl } }),
      oneLoginHelpCenter,
    );
    const page = await browser.context.newPage();
    await page.goto(server.urls.appSso);
    const popup = await draftPopup(page);
    const pagesBefore = browser.context.pages().length;
    await popup.getByTestId('fill').click();
    const error = popup.getByTestId('fill-error');
    await error.waitFor();
    await expect(error.getAttribute('data-code')).resolves.toBe('consent-missing');
    expect(browser.context.pages().length).toBe(pagesBefore);

    // The settings page asks itself (the browser would not), and saves only once allowed.
    const settings = await browser.context.newPage();
    await settings.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await settings.getByTestId('settings-help-center-url').waitFor();
    await settings.getByTestId('settings-help-center-url').fill(oneLoginHelpCenter);
    await settings.getByTestId('settings-save').click();
    const consent = settings.getByTestId('settings-consent');
    await consent.waitFor();
    await expect(consent.textContent()).resolves.toContain(origin);
    await expect(
      browser.serviceWorker.evaluate(() => chrome.storage.local.get('helpCenterConsents')),
    ).resolves.toEqual({});
    await settings.getByTestId('settings-consent-allow').click();
    await expect.poll(() => settings.getByTestId('settings-notice').textContent()).toContain('保存しました');
    await expect(
      browser.serviceWorker.evaluate(() => chrome.storage.local.get('helpCenterConsents')),
    ).resolves.toEqual({ helpCenterConsents: [origin] });
    await Promise.all([settings.close(), popup.close(), page.close()]);
  });
});

describe('a form with hidden controls shadowing the visible ones', () => {
  it('fills the visible ones only and reports the form, in the popup and on the page', async () => {
    const url = `https://${HELP_CENTER_HOST}/hc/ja/requests/new?shadow=hidden`;
    await browser.serviceWorker.evaluate(
      (helpCenterUrl) => chrome.storage.local.set({ settings: { helpCenterUrl } }),
      url,
    );
    const page = await browser.context.newPage();
    await page.goto(server.urls.appSso);
    const popup = await draftPopup(page);
    const title = await popup.getByTestId('draft-title').inputValue();
    const formOpened = browser.context.waitForEvent('page', (opened) => opened.url() === url);
    await popup.getByTestId('fill').click();
    const form = await formOpened;
    const outcome = await waitForFillOutcome(browser, popup);
    expect(outcome).toMatchObject({ subject: 'filled', description: 'filled' });
    const values = await form.evaluate(() => ({
      shadowSubject: (document.getElementById('shadow_subject') as HTMLInputElement).value,
      shadowDescription: (document.getElementById('shadow_description') as HTMLTextAreaElement).value,
      subject: (document.getElementById('request_subject') as HTMLInputElement).value,
      description: (document.getElementById('request_description') as HTMLTextAreaElement).value,
    }));
    expect(values).toMatchObject({ shadowSubject: '', shadowDescription: '', subject: title });
    expect(values.description).not.toBe('');
    const warned = await popup
      .getByTestId('fill-report-item')
      .evaluateAll((items) =>
        items
          .filter((item) => item.getAttribute('data-warning'))
          .map((item) => item.getAttribute('data-field')),
      );
    expect(warned.sort()).toEqual(['description', 'subject']);
    await expect(popup.getByTestId('fill-report-warning').first().textContent()).resolves.toContain(
      '見えない入力欄',
    );
    const panelWarnings = await form
      .locator('#helpdraft-fill-panel li[data-warning="hidden-duplicate"]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-field')));
    expect(panelWarnings.sort()).toEqual(['description', 'subject']);
    await Promise.all([popup.close(), form.close(), page.close()]);
  });
});
