/**
 * Storage faults in the real extension: an attachments database that will
 * not open leaves the draft's text and says why; a damaged stored draft is
 * listed with its text, to copy, and can be deleted; the others stay.
 */
import { describe, expect, it } from 'vitest';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { openPopupForTab, tabIdOf } from '../harness/extension';
import { useStandInBrowser } from '../harness/suite';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

describe('storage faults', () => {
  it('keeps the draft’s text and says why when the screenshot cannot be stored (IndexedDB will not open)', async () => {
    // The attachments database left at a newer version (a downgrade, or another build on the
    // profile): opening it at version 1 fails with VersionError, as a damaged database fails.
    // A full disk fails the same write with QuotaExceededError (unit-tested: with the
    // unlimitedStorage permission no per-origin quota applies, so no test can fill it here).
    await browser.serviceWorker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const opening = indexedDB.open('helpdraft', 99);
          opening.onupgradeneeded = () => {
            if (!opening.result.objectStoreNames.contains('attachments'))
              opening.result.createObjectStore('attachments', { keyPath: 'id' });
          };
          opening.onsuccess = () => {
            opening.result.close();
            resolve();
          };
          opening.onerror = () => reject(opening.error);
        }),
    );
    const page = await browser.context.newPage();
    await page.goto(server.urls.appSso);
    try {
      const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
      await popup.getByTestId('draft-title').waitFor();
      const problem = popup.locator('[data-code="attachments-unavailable"]');
      await expect(problem.textContent()).resolves.toContain('このブラウザでは添付ファイルを保存できません');
      await expect(popup.getByTestId('attachment-item').count()).resolves.toBe(0);
      await expect(popup.getByTestId('draft-title').inputValue()).resolves.toContain('SAML');
      await expect(popup.getByTestId('error-item').count()).resolves.toBeGreaterThan(0);
      await popup.close();
    } finally {
      await browser.serviceWorker.evaluate(
        () =>
          new Promise<void>((resolve) => {
            const deleting = indexedDB.deleteDatabase('helpdraft');
            deleting.onsuccess = () => resolve();
            deleting.onerror = () => resolve();
          }),
      );
    }
    // The database back as it should be: a new capture stores its screenshot.
    const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
    await popup.getByTestId('draft-title').waitFor();
    await popup.getByTestId('capture').click();
    await expect.poll(() => popup.getByTestId('attachment-item').count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it('lists a damaged draft with its text to copy, and deletes it on request', async () => {
    await browser.serviceWorker.evaluate(() =>
      chrome.storage.local.set({
        'draft:damaged': { id: 'damaged', title: 7, description: '途中まで書いた大事な説明' },
      }),
    );
    const popup = await openPopupForTab(browser, -1);
    await popup.getByTestId('drafts').click();
    const damaged = popup.getByTestId('draft-unreadable');
    await damaged.waitFor();
    await expect(damaged.textContent()).resolves.toContain('読み込めない下書きがあります（damaged）');
    await damaged.locator('summary').click();
    await expect(popup.getByTestId('draft-unreadable-content').inputValue()).resolves.toContain(
      '途中まで書いた大事な説明',
    );
    // The readable drafts are still there beside it.
    await expect(popup.getByTestId('draft-item').count()).resolves.toBeGreaterThan(0);
    await popup.getByTestId('draft-unreadable-delete').click();
    await expect.poll(() => popup.getByTestId('draft-unreadable').count()).toBe(0);
    const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('draft:damaged'));
    expect(stored).toEqual({});
    await popup.close();
  });
});
