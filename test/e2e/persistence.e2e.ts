/**
 * A draft's edits are never lost: not when Chromium stops the extension's
 * service worker while the popup is open (it does so after 30 seconds idle,
 * and everything the worker held in memory goes), and not when the whole
 * browser closes and opens again on the same profile.
 *
 * Each test launches its own Chromium (a fresh profile for the service-worker
 * tests, a kept one for the restart), one at a time, and closes it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInServer, type StandInServer } from '../fixtures/server';
import { e2eBuild, launchWithExtension, type ExtensionBrowser } from '../harness/chromium';
import { dumpStorage, openPopupForTab, tabIdOf } from '../harness/extension';
import { serviceWorkerTargetIds, stopServiceWorker } from '../harness/service-worker';

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer();
});
afterAll(async () => {
  await server?.close();
});

/**
 * Every edit the popup sent has been acknowledged by the background. A
 * Playwright wait, not expect.poll: it also runs in a beforeAll.
 */
async function allSaved(popup: Page): Promise<void> {
  await popup.locator('[data-testid="save-state"][data-pending="0"]').waitFor();
  // A save that failed also ends pending; it shows `save-failed` instead of 「保存しました」.
  const failed = await popup.locator('[data-code="save-failed"]').count();
  if (failed > 0) throw new Error(`The popup reports ${failed} failed save(s)`);
}

/**
 * Types after what the field holds. Playwright's type and press put the
 * caret at the start of a field that is not focused (InjectedScript.focusNode,
 * resetSelectionIfNotFocused); End moves it back where a user would type on.
 */
async function typeAtEnd(field: Locator, text: string): Promise<void> {
  await field.press('End');
  await field.pressSequentially(text, { delay: 5 });
}

/** Somewhere in `value`, an object with a string `id` whose `title` contains `marker`: a stored draft, whatever the key layout. */
function findDraftTitled(value: unknown, marker: string): { id: string; title: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'string' && typeof record.title === 'string' && record.title.includes(marker)) {
    return { id: record.id, title: record.title };
  }
  for (const child of Object.values(record)) {
    const found = findDraftTitled(child, marker);
    if (found) return found;
  }
  return undefined;
}

describe('a draft keeps every edit', () => {
  it('when the service worker is stopped mid-edit: the popup’s next edit wakes it', async () => {
    const browser = await launchWithExtension({ extensionPath: e2eBuild, args: server.chromiumArgs });
    try {
      const page = await browser.context.newPage();
      await page.goto(server.urls.appSso);
      const tabId = await tabIdOf(browser, page);
      let popup = await openPopupForTab(browser, tabId);
      await popup.getByTestId('draft-title').waitFor();

      // Both fields emptied first, so what they hold at the end is exactly what was typed.
      await popup.getByTestId('draft-title').fill('');
      await popup.getByTestId('draft-description').fill('');
      await popup.getByTestId('draft-title').pressSequentially('SAML 応答が無効', { delay: 5 });
      await popup.getByTestId('draft-description').pressSequentially('証明書を更新した後から', { delay: 5 });
      // Acknowledged before the stop: the stop then takes the worker's memory, not a message in flight.
      await allSaved(popup);

      // A mark in the worker's global scope: a stopped and restarted worker no longer has it.
      await browser.serviceWorker.evaluate(() => {
        (globalThis as { helpdraftBeforeStop?: boolean }).helpdraftBeforeStop = true;
      });
      await stopServiceWorker(browser);
      await expect(serviceWorkerTargetIds(browser)).resolves.toEqual([]);

      // Nothing else sends the worker an event now: these keystrokes' messages start it again.
      await typeAtEnd(popup.getByTestId('draft-title'), '、再起動後も続く');
      await typeAtEnd(popup.getByTestId('draft-description'), '、SSO できない');
      await allSaved(popup);
      await expect(serviceWorkerTargetIds(browser)).resolves.toHaveLength(1);
      // Same Playwright Worker (Chromium reuses the target id), new global scope: it really restarted.
      await expect(browser.serviceWorker.evaluate(() => 'helpdraftBeforeStop' in globalThis)).resolves.toBe(
        false,
      );

      await popup.close();
      popup = await openPopupForTab(browser, tabId);
      await popup.getByTestId('draft-title').waitFor();
      await expect(popup.getByTestId('draft-title').inputValue()).resolves.toBe(
        'SAML 応答が無効、再起動後も続く',
      );
      await expect(popup.getByTestId('draft-description').inputValue()).resolves.toBe(
        '証明書を更新した後から、SSO できない',
      );
      await popup.close();
      await page.close();
    } finally {
      await browser.close();
    }
  });

  it('when the service worker stops with edits in flight: they are saved once it is back', async () => {
    const browser = await launchWithExtension({ extensionPath: e2eBuild, args: server.chromiumArgs });
    try {
      const page = await browser.context.newPage();
      await page.goto(server.urls.appSso);
      const tabId = await tabIdOf(browser, page);
      let popup = await openPopupForTab(browser, tabId);
      await popup.getByTestId('draft-title').fill('');
      await allSaved(popup);

      // The worker's one thread kept busy for a moment, so the next edits wait in Chromium, not yet
      // delivered; then the stop. Chromium lets the running script finish, stops the worker and
      // rejects the waiting messages ("Could not establish connection. Receiving end does not
      // exist."): what a popup meets when it sends just as Chromium stops an idle worker.
      const busy = browser.serviceWorker.evaluate(() => {
        const end = Date.now() + 2_000;
        while (Date.now() < end);
      });
      await typeAtEnd(popup.getByTestId('draft-title'), 'SAML 応答が無効');
      await expect(popup.getByTestId('save-state').getAttribute('data-pending')).resolves.not.toBe('0');
      await stopServiceWorker(browser);
      await busy;

      // The user types on in another field; that message starts the worker again.
      await typeAtEnd(popup.getByTestId('draft-cc'), 'taro.yamada@example.co.jp');
      await popup.locator('[data-testid="save-state"][data-pending="0"]').waitFor();

      await popup.close();
      popup = await openPopupForTab(browser, tabId);
      await popup.getByTestId('draft-title').waitFor();
      await expect(popup.getByTestId('draft-cc').inputValue()).resolves.toBe('taro.yamada@example.co.jp');
      await expect(popup.getByTestId('draft-title').inputValue()).resolves.toBe('SAML 応答が無効');
      await popup.close();
      await page.close();
    } finally {
      await browser.close();
    }
  });

  describe('when the browser closes and opens again on the same profile', () => {
    const marker = `restart-${randomUUID().slice(0, 8)}`;
    let profile: string | undefined;
    let browser: ExtensionBrowser | undefined;

    beforeAll(async () => {
      profile = await mkdtemp(path.join(tmpdir(), 'helpdraft-profile-'));
      const launch = () =>
        launchWithExtension({ extensionPath: e2eBuild, args: server.chromiumArgs, userDataDir: profile });

      const before = await launch();
      try {
        const page = await before.context.newPage();
        await page.goto(server.urls.appSso);
        const popup = await openPopupForTab(before, await tabIdOf(before, page));
        await popup.getByTestId('draft-title').fill('');
        await popup.getByTestId('draft-title').pressSequentially(marker, { delay: 5 });
        await allSaved(popup);
        await popup.close();
        await page.close();
      } finally {
        // The whole browser: Playwright closes it gracefully (Browser.close), as a user quitting does.
        await before.close();
      }
      // Same unpacked path, same extension id; Chromium loads it again and starts its worker.
      browser = await launch();
    });

    afterAll(async () => {
      await browser?.close();
      if (profile) await rm(profile, { recursive: true, force: true });
    });

    it('the draft is still in the extension’s storage', async () => {
      const { local } = await dumpStorage(browser!);
      // Every stored value searched: the layout moves from one `drafts` map to one key per draft.
      const values = Object.values(local as Record<string, unknown>);
      expect(values.some((value) => JSON.stringify(value).includes(marker))).toBe(true);
    });

    it('the drafts list shows the draft and opens it', async () => {
      const stored = findDraftTitled((await dumpStorage(browser!)).local, marker);
      expect(stored).toBeDefined();

      // Tab ids do not outlive the browser: this popup captures the page as a new draft.
      const page = await browser!.context.newPage();
      await page.goto(server.urls.appSso);
      const popup = await openPopupForTab(browser!, await tabIdOf(browser!, page));
      await popup.getByTestId('draft-title').waitFor();
      // The popup is ready (its draft is shown): the header's button is there or missing, no need to wait long.
      await popup.getByTestId('drafts').click({ timeout: 5_000 });

      const item = popup.getByTestId('draft-item').filter({ hasText: marker });
      await expect.poll(() => item.count()).toBe(1);
      await expect(item.getAttribute('data-draft-id')).resolves.toBe(stored!.id);
      await expect(item.getAttribute('data-status')).resolves.toBe('draft');
      await item.getByTestId('draft-open').click();
      await expect.poll(() => popup.getByTestId('draft-title').inputValue()).toBe(marker);
      await popup.close();
      await page.close();
    });
  });
});
