/**
 * HelpDraft in Firefox ESR, driven over WebDriver BiDi by puppeteer-core,
 * in one Firefox launch (test/harness/firefox.ts):
 * - the Firefox MV3 E2E build (.output/firefox-mv3-e2e): capture the stand-in
 *   SSO page from the popup, check the captured error, fill the stand-in
 *   help-center form, check the subject and the uploaded screenshot, and
 *   that nothing was submitted; the recorder runs in the page's world; with
 *   the OneLogin host permission withdrawn (Firefox lets the user do that in
 *   MV3) the popup says how to allow it;
 * - then the Firefox MV2 production build in its place: the recorder's
 *   `world: 'MAIN'` content script runs in MV2 too, and without activeTab or
 *   <all_urls> the popup says how to get a screenshot.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { readPngSize } from '../../lib/png';
import { startStandInServer, type StandInServer } from '../fixtures/server';
import {
  firefoxE2eBuild,
  firefoxMv2Build,
  firefoxTabIdOf,
  firefoxTabIds,
  launchFirefoxWithExtension,
  openFirefoxPopupForTab,
  type FirefoxExtensionBrowser,
} from '../harness/firefox';

let server: StandInServer;
let firefox: FirefoxExtensionBrowser;

beforeAll(async () => {
  server = await startStandInServer();
  firefox = await launchFirefoxWithExtension({ extensionPath: firefoxE2eBuild, server });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

beforeEach(() => server.reset());

/** The new console's SSO page: its script logs, throws, rejects and fails requests after load. */
const admin2SsoUrl = 'https://acme.onelogin.com/admin2/apps/123456/sso';

async function inputValue(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => (element as HTMLInputElement).value);
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? ''));
}

/** A page in its own window, so it stays the active tab of its window while the popup is open. */
async function openPage(url: string): Promise<Page> {
  const page = await firefox.browser.newPage({ type: 'window' });
  await page.goto(url);
  return page;
}

/** The popup bound to `page`'s tab (or to `tabId`), once it shows a draft or an error. */
async function popupFor(page: Page, tabId?: number): Promise<Page> {
  const popup = await openFirefoxPopupForTab(firefox, tabId ?? (await firefoxTabIdOf(firefox, page.url())));
  await popup.waitForSelector('[data-testid="draft-title"], [data-testid="popup-error"]', {
    timeout: 30_000,
  });
  return popup;
}

async function recordedTypes(popup: Page): Promise<string[]> {
  return popup.$$eval('[data-testid="recorded-item"]', (items) =>
    items.map((item) => item.getAttribute('data-type') ?? ''),
  );
}

describe('Firefox MV3 (E2E build)', () => {
  it('captures the SAML error and fills the classic form with the screenshot, never submitting', async () => {
    const page = await openPage(server.urls.appSso);
    const viewport = await page.evaluate(() => ({
      width: Math.round(innerWidth * devicePixelRatio),
      height: Math.round(innerHeight * devicePixelRatio),
    }));
    const popup = await popupFor(page);

    const errors = await texts(popup, '[data-testid="error-item"]');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('SAML レスポンスの検証に失敗しました: Invalid Signature on SAML Response');
    const title = await inputValue(popup, '[data-testid="draft-title"]');
    expect(title).toBe(
      '[Salesforce 本番] SAML レスポンスの検証に失敗しました: Invalid Signature on SAML Response',
    );
    await expect(popup.$$('[data-testid="attachment-item"]')).resolves.toHaveLength(1);
    await expect(popup.$('.source .error-message')).resolves.toBeNull();

    const formTarget = firefox.browser.waitForTarget(
      (target) => target.url() === server.urls.helpCenterForm,
      {
        timeout: 30_000,
      },
    );
    await popup.click('[data-testid="fill"]');
    await popup.waitForSelector('[data-testid="fill-report-item"], [data-testid="fill-error"]', {
      timeout: 45_000,
    });
    const failure = await popup.$('[data-testid="fill-error"]');
    if (failure)
      throw new Error(`The fill failed: ${await failure.evaluate((element) => element.textContent)}`);
    const report = Object.fromEntries(
      await popup.$$eval('[data-testid="fill-report-item"]', (items) =>
        items.map((item) => [item.getAttribute('data-field') ?? '', item.getAttribute('data-status') ?? '']),
      ),
    );
    expect(report).toMatchObject({ subject: 'filled', description: 'filled', attachments: 'filled' });

    const form = await (await formTarget).page();
    if (!form) throw new Error('The help-center form tab has no page');
    await expect(inputValue(form, '#request_subject')).resolves.toBe(title);

    // The form's own uploader sent the screenshot: a PNG of the captured page's viewport
    // (Firefox's captureVisibleTab photographed the page, not the popup window).
    expect(server.uploads).toHaveLength(1);
    const upload = server.uploads[0]!;
    expect(upload.contentType).toBe('image/png');
    expect(upload.filename).toMatch(/^helpdraft-screenshot-\d{8}-\d{6}\.png$/);
    expect(readPngSize(new Uint8Array(upload.bytes))).toEqual(viewport);
    const tokens = await form.$$eval('input[type=hidden][name="request[attachments][]"]', (inputs) =>
      inputs.map((input) => (input as HTMLInputElement).value),
    );
    expect(tokens).toEqual([upload.token]);
    // HelpDraft never submits.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.submissions).toHaveLength(0);
    await Promise.all([popup.close(), form.close(), page.close()]);
  });

  it("records the page's console errors, exceptions and failed requests from the MAIN world", async () => {
    const page = await openPage(admin2SsoUrl);
    await page.waitForSelector('body[data-done="true"]', { timeout: 30_000 });
    const popup = await popupFor(page);
    const types = await recordedTypes(popup);
    expect(types).toEqual(expect.arrayContaining(['console-error', 'exception', 'unhandled-rejection']));
    expect(types.filter((type) => type === 'failed-request').length).toBeGreaterThanOrEqual(4);
    await Promise.all([popup.close(), page.close()]);
  });

  it('says how to allow OneLogin pages when the user has withdrawn the host permission', async () => {
    const withdrawn = await firefox.control.evaluate(async () =>
      (globalThis as unknown as { browser: typeof chrome }).browser.permissions.remove({
        origins: ['https://*.onelogin.com/*', '<all_urls>'],
      }),
    );
    expect(withdrawn).toBe(true);
    // Without host access Firefox shows the extension no URL for the tab: it is found as the new tab.
    const before = await firefoxTabIds(firefox);
    const page = await openPage(server.urls.appSso);
    const [tabId] = (await firefoxTabIds(firefox)).filter((id) => !before.includes(id));
    const popup = await popupFor(page, tabId);
    const error = await popup.$eval('[data-testid="popup-error"]', (element) => ({
      code: element.getAttribute('data-code'),
      text: element.textContent ?? '',
    }));
    expect(error.code).toBe('host-permission-missing');
    expect(error.text).toContain('about:addons');
    await Promise.all([popup.close(), page.close()]);
  });
});

describe('Firefox MV2 (production build)', () => {
  beforeAll(async () => {
    await firefox.replaceExtension(firefoxMv2Build);
  });

  it("runs the recorder in the page's world and explains the missing screenshot", async () => {
    const manifest = await firefox.control.evaluate(() =>
      (globalThis as unknown as { browser: typeof chrome }).browser.runtime.getManifest(),
    );
    expect(manifest.manifest_version).toBe(2);
    const page = await openPage(admin2SsoUrl);
    await page.waitForSelector('body[data-done="true"]', { timeout: 30_000 });
    const popup = await popupFor(page);
    const types = await recordedTypes(popup);
    expect(types).toEqual(expect.arrayContaining(['console-error', 'exception', 'unhandled-rejection']));
    expect(types.filter((type) => type === 'failed-request').length).toBeGreaterThanOrEqual(4);
    await expect(texts(popup, '[data-testid="error-item"]')).resolves.not.toHaveLength(0);
    // The production build has no <all_urls>, and a popup opened other than from the toolbar gets no
    // activeTab: no screenshot, and the popup says how to get one.
    await expect(popup.$$('[data-testid="attachment-item"]')).resolves.toHaveLength(0);
    await expect(
      popup.$eval('.source .error-message', (element) => element.getAttribute('data-code')),
    ).resolves.toBe('screenshot-not-allowed');
    await Promise.all([popup.close(), page.close()]);
  });
});
