/**
 * The organisation's policy in Firefox ESR: an enterprise `policies.json`
 * with HelpDraft's values under `3rdparty` → `Extensions` → its add-on id
 * (as docs/DEPLOYMENT.md tells IT departments to deploy it) reaches the
 * extension as `storage.managed`, wins over the user's stored settings in
 * the settings page and the popup, and the settings page shows it locked.
 * One Firefox launch (test/harness/firefox.ts), the E2E build installed as a
 * temporary add-on: Firefox gives a temporary add-on with an explicit id its
 * `3rdparty` policy like an installed one.
 *
 * Where the file goes: Debian's firefox-esr reads machine policy from
 * /etc/firefox/policies/policies.json (not /etc/firefox-esr/) or from
 * /usr/lib/firefox-esr/distribution/policies.json, both root-owned and read
 * by every Firefox on the machine. This test writes neither: it gives its own
 * Firefox process the policy file by the pref `browser.policies.alternatePath`
 * (EnterprisePoliciesParent.sys.mjs). A release build honours that pref only
 * in Firefox's automation mode (Mozilla's own test mode: the pref
 * `security.turn_off_all_security_so_that_viruses_can_take_over_this_computer`
 * together with MOZ_DISABLE_NONLOCAL_CONNECTIONS=1, which also makes Firefox
 * refuse any connection off 127.0.0.1; the harness's tunnel is there), and
 * only when the machine has no policies.json of its own, which would win: the
 * test is then skipped, and says why. The file's contents are read by the same
 * policy engine as a deployed file's.
 */
import { existsSync, realpathSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startStandInServer, type StandInServer } from '../fixtures/server';
import {
  findFirefox,
  firefoxE2eBuild,
  firefoxTabIdOf,
  geckoId,
  gotoExtensionPage,
  launchFirefoxWithExtension,
  openFirefoxPopupForTab,
  type FirefoxExtensionBrowser,
} from '../harness/firefox';

/** A stand-in user page whose error names an e-mail address and an employee number (EMP-004211). */
const userPageUrl = 'https://acme.onelogin.com/users/790/edit';
const policy = { language: 'ja', maskEmails: true, exportEnabled: false, maskPatterns: ['EMP-[0-9]{6}'] };
/** The user's own settings, stored before (as in test/e2e/managed.e2e.ts): English, e-mail addresses left. */
const userSettings = {
  helpCenterUrl: 'https://support.onelogin.jp/hc/ja/requests/new',
  language: 'en',
  personalEmail: 'hanako.sato@example.co.jp',
  maskEmails: false,
  screenshotMode: 'visible',
  sharedAccount: false,
  sharedAddresses: ['info@'],
  maskPatterns: [],
};

/** The machine's own policies.json files, which Firefox reads instead of the alternate path. */
function machinePolicyFiles(): string[] {
  let installFolder: string | undefined;
  try {
    installFolder = path.dirname(realpathSync(findFirefox()));
  } catch {
    // No Firefox: the launch in beforeAll says so.
  }
  return [
    '/etc/firefox/policies/policies.json',
    ...(installFolder ? [path.join(installFolder, 'distribution', 'policies.json')] : []),
  ].filter((file) => existsSync(file));
}

const machinePolicies = machinePolicyFiles();
if (machinePolicies.length > 0)
  console.warn(
    `managed.firefox.ts skipped: this machine has its own Firefox policy (${machinePolicies.join(', ')}), ` +
      'which Firefox reads instead of the test’s.',
  );

interface BrowserGlobal {
  browser: typeof chrome;
}

async function isDisabled(page: Page, testId: string): Promise<boolean> {
  return page.$eval(`[data-testid="${testId}"]`, (element) => (element as HTMLInputElement).disabled);
}

async function textOf(page: Page, testId: string): Promise<string> {
  return page.$eval(`[data-testid="${testId}"]`, (element) => element.textContent ?? '');
}

async function count(page: Page, testId: string): Promise<number> {
  return (await page.$$(`[data-testid="${testId}"]`)).length;
}

describe.skipIf(machinePolicies.length > 0)('the organisation’s policy (Firefox policies.json)', () => {
  let server: StandInServer;
  let firefox: FirefoxExtensionBrowser;
  let folder: string | undefined;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'helpdraft-firefox-policy-'));
    const policyFile = path.join(folder, 'policies.json');
    await writeFile(
      policyFile,
      JSON.stringify({ policies: { '3rdparty': { Extensions: { [geckoId]: policy } } } }, null, 2),
    );
    server = await startStandInServer();
    firefox = await launchFirefoxWithExtension({
      extensionPath: firefoxE2eBuild,
      server,
      prefs: {
        'browser.policies.alternatePath': policyFile,
        'security.turn_off_all_security_so_that_viruses_can_take_over_this_computer': true,
      },
      env: { MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    });
    await firefox.control.evaluate(
      (settings) => (globalThis as unknown as BrowserGlobal).browser.storage.local.set({ settings }),
      userSettings,
    );
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('reaches the extension as its managed storage; the user’s settings stay stored', async () => {
    const { managed, stored } = await firefox.control.evaluate(async () => {
      const { browser } = globalThis as unknown as BrowserGlobal;
      const managed = await browser.storage.managed.get(null).catch((error: unknown) => String(error));
      return { managed, stored: (await browser.storage.local.get('settings')).settings as unknown };
    });
    expect(managed, 'Firefox did not read the policy file given by browser.policies.alternatePath').toEqual(
      policy,
    );
    expect(stored).toEqual(userSettings);
  });

  it('the settings page speaks the policy’s Japanese and shows its settings locked', async () => {
    const settings = await firefox.browser.newPage({ type: 'window' });
    await gotoExtensionPage(settings, firefox.extensionUrl('options.html'));
    await settings.waitForSelector('[data-testid="settings-managed"]');
    expect(await textOf(settings, 'settings-managed-note')).toContain('組織が設定');
    expect(await settings.$eval('h1', (element) => element.textContent)).toBe('HelpDraft の設定');
    expect(
      await settings.$eval(
        '[data-testid="settings-language"]',
        (element) => (element as HTMLSelectElement).value,
      ),
    ).toBe('ja');
    expect(
      await settings.$eval(
        '[data-testid="settings-mask-emails"]',
        (element) => (element as HTMLInputElement).checked,
      ),
    ).toBe(true);
    for (const name of ['language', 'mask-emails']) {
      expect(await isDisabled(settings, `settings-${name}`), name).toBe(true);
      expect(await textOf(settings, `settings-${name}-locked`), name).toBe('組織が設定');
    }
    // What the organisation left alone stays the user's to change.
    expect(await isDisabled(settings, 'settings-personal-email')).toBe(false);
    await settings.close();
  });

  it('the popup follows the policy: Japanese, no export, e-mail addresses and the pattern masked', async () => {
    const page = await firefox.browser.newPage({ type: 'window' });
    await page.goto(userPageUrl);
    const popup = await openFirefoxPopupForTab(firefox, await firefoxTabIdOf(firefox, userPageUrl));
    await popup.waitForSelector('[data-testid="draft-description"], [data-testid="popup-error"]', {
      timeout: 30_000,
    });
    expect(await count(popup, 'popup-error')).toBe(0);
    expect(await textOf(popup, 'fill')).toBe('ヘルプセンターのフォームに入力');
    expect(await count(popup, 'export-copy-text')).toBe(0);
    const description = await popup.$eval(
      '[data-testid="draft-description"]',
      (element) => (element as HTMLTextAreaElement).value,
    );
    expect(description).toContain('[EMAIL]');
    expect(description).not.toContain('ichiro.suzuki@acme.example');
    expect(description).not.toContain('EMP-004211');
    await Promise.all([popup.close(), page.close()]);
  });
});
