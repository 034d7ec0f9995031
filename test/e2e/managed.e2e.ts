/**
 * The organisation's policy in the real browser: a Chromium machine policy
 * file (as docs/DEPLOYMENT.md tells IT departments to deploy it) sets
 * HelpDraft's managed storage. Its values win over the user's own settings
 * in the popup and the capture, the settings page shows them as the
 * organisation's and does not let them be changed, and the user's own
 * values stay stored underneath.
 *
 * Writing machine policy needs root (CI runs as root); elsewhere the file is
 * skipped, and says why.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startStandInServer, type StandInServer } from '../fixtures/server';
import { e2eBuild, launchWithExtension, type ExtensionBrowser } from '../harness/chromium';
import { openPopupForTab, tabIdOf } from '../harness/extension';
import { canWritePolicy, installPolicyFor, policyFolder, type PolicyInstall } from '../harness/policy';

const writable = canWritePolicy();
if (!writable)
  console.warn(`managed.e2e.ts skipped: ${policyFolder()} is not writable (machine policy needs root).`);

const managedFormUrl = 'https://support.onelogin.jp/hc/ja/requests/new?ticket_form_id=360000000001';
const policy = {
  helpCenterUrl: managedFormUrl,
  language: 'ja',
  maskEmails: true,
  // The second is refused (a repetition inside a repetition); the first must still mask.
  maskPatterns: ['EMP-[0-9]{6}', '(a+)+$'],
  sharedAccount: true,
  exportEnabled: false,
};
/** The user's own settings, stored before: every one of them the policy overrides, and one it does not. */
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

describe.skipIf(!writable)('the organisation’s policy (Chromium machine policy)', () => {
  let server: StandInServer;
  let browser: ExtensionBrowser;
  let install: PolicyInstall;

  beforeAll(async () => {
    server = await startStandInServer();
    install = await installPolicyFor(e2eBuild, policy);
    browser = await launchWithExtension({ extensionPath: install.extensionPath, args: server.chromiumArgs });
    await browser.serviceWorker.evaluate((settings) => chrome.storage.local.set({ settings }), userSettings);
  });
  afterAll(async () => {
    await browser?.close();
    await install?.remove();
    await server?.close();
  });

  it('reaches the extension as its managed storage, under the id the test computed', async () => {
    expect(browser.extensionId).toBe(install.extensionId);
    const managed = await browser.serviceWorker.evaluate(() => chrome.storage.managed.get(null));
    expect(managed).toEqual(policy);
  });

  it('shows each managed setting as the organisation’s, not editable, and saves only the user’s own', async () => {
    const settings = await browser.context.newPage();
    await settings.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await settings.getByTestId('settings-managed').waitFor();
    // The page speaks the organisation's language, not the user's English.
    expect(await settings.locator('h1').textContent()).toBe('HelpDraft の設定');
    expect(await settings.getByTestId('settings-managed-note').textContent()).toContain('組織が設定');
    expect(await settings.getByTestId('settings-managed-feature').getAttribute('data-feature')).toBe(
      'export',
    );
    expect(await settings.getByTestId('settings-managed-refused-patterns').textContent()).toContain('(a+)+$');

    const locked: Array<[string, string, (page: Page) => Promise<unknown>, unknown]> = [
      [
        'help-center-url',
        'settings-help-center-url',
        (page) => page.getByTestId('settings-help-center-url').inputValue(),
        managedFormUrl,
      ],
      ['language', 'settings-language', (page) => page.getByTestId('settings-language').inputValue(), 'ja'],
      [
        'mask-emails',
        'settings-mask-emails',
        (page) => page.getByTestId('settings-mask-emails').isChecked(),
        true,
      ],
      [
        'shared-account',
        'settings-shared-account',
        (page) => page.getByTestId('settings-shared-account').isChecked(),
        true,
      ],
      [
        'mask-patterns',
        'settings-mask-patterns',
        (page) => page.getByTestId('settings-mask-patterns').inputValue(),
        'EMP-[0-9]{6}',
      ],
    ];
    for (const [name, testId, read, value] of locked) {
      expect(await read(settings), name).toEqual(value);
      expect(await settings.getByTestId(testId).isDisabled(), name).toBe(true);
      expect(await settings.getByTestId(`settings-${name}-locked`).textContent(), name).toBe('組織が設定');
    }
    // What the organisation left alone stays the user's to change.
    for (const testId of ['settings-personal-email', 'settings-shared-addresses', 'settings-screenshot-mode'])
      expect(await settings.getByTestId(testId).isDisabled(), testId).toBe(false);
    expect(await settings.getByTestId('settings-shared-addresses-locked').count()).toBe(0);

    // Locked controls stay readable and named (axe: nothing serious or critical).
    const axe = await new AxeBuilder({ page: settings })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .setLegacyMode(true)
      .analyze();
    const serious = axe.violations.filter((result) => ['serious', 'critical'].includes(result.impact ?? ''));
    expect(serious.map((result) => `${result.id}: ${result.help}`)).toEqual([]);

    await settings.getByTestId('settings-personal-email').fill('taro.yamada@example.co.jp');
    await settings.getByTestId('settings-save').click();
    await expect.poll(() => settings.getByTestId('settings-notice').textContent()).toBe('保存しました。');
    const stored = await browser.serviceWorker.evaluate(
      async () => (await chrome.storage.local.get('settings')).settings,
    );
    // Saved: the user's change, and under the locked settings the user's own values, untouched.
    expect(stored).toEqual({ ...userSettings, personalEmail: 'taro.yamada@example.co.jp' });
    await settings.close();
  });

  it('the popup and the capture follow the policy over the user’s settings', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin('acme.onelogin.com')}/users/790/edit`);
    const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
    await popup.getByTestId('draft-description').waitFor();
    // Japanese (the policy), though the user chose English.
    expect(await popup.getByTestId('fill').textContent()).toBe('ヘルプセンターのフォームに入力');
    // Export is off: none of its controls is there. The article search, left on, is.
    expect(await popup.getByTestId('export-copy-text').count()).toBe(0);
    expect(await popup.getByTestId('export-save-png').count()).toBe(0);
    expect(await popup.getByTestId('articles-search').count()).toBe(1);
    // E-mail addresses are masked (the policy; the user had it off) and so is the employee number.
    const description = await popup.getByTestId('draft-description').inputValue();
    expect(description).toContain('[EMAIL]');
    expect(description).not.toContain('ichiro.suzuki@acme.example');
    expect(description).not.toContain('EMP-004211');
    const redactions = await browser.serviceWorker.evaluate(async () => {
      const area = await chrome.storage.local.get(null);
      return Object.entries(area)
        .filter(([key]) => key.startsWith('draft:'))
        .flatMap(
          ([, draft]) =>
            (draft as { capture?: { redactions: { rule: string; where: string }[] } }).capture?.redactions ??
            [],
        );
    });
    expect(redactions).toContainEqual({ rule: 'custom-pattern', where: 'error' });
    expect(redactions).toContainEqual({ rule: 'custom-pattern', where: 'screenshot' });
    expect(redactions).toContainEqual({ rule: 'email', where: 'screenshot' });
    // A shared account (the policy): the CC needs a personal address, and the user's own is the default.
    expect(await popup.getByTestId('draft-cc').inputValue()).toBe('taro.yamada@example.co.jp');
    await popup.close();
    await page.close();
  });
});
