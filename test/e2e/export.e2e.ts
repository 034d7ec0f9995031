/**
 * Export in the real popup: the draft as text and as Markdown on the
 * clipboard, matching what the editor holds, and the screenshot saved as the
 * very PNG that is attached.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { openPopupForTab, tabIdOf } from '../harness/extension';
import { useStandInBrowser } from '../harness/suite';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

describe('export', () => {
  it('copies the draft as text and Markdown, and saves the attached screenshot', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.urls.appSso);
    // The system clipboard is read back from the stand-in page (permissions cannot be granted to
    // the extension's origin by automation, the page's https origin can): what the popup copied.
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(server.urls.appSso).origin,
    });
    const readClipboard = async () => {
      await page.bringToFront();
      return page.evaluate(() => navigator.clipboard.readText());
    };
    const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
    await popup.getByTestId('draft-title').fill('SSO でエラー *重要*');
    await popup.getByTestId('draft-cc').fill('taro.yamada@example.co.jp');
    const description = await popup.getByTestId('draft-description').inputValue();
    const attachment = await popup.getByTestId('attachment-item').getAttribute('data-name');

    await popup.getByTestId('export-copy-text').click();
    await expect.poll(() => popup.getByTestId('export-notice').textContent()).toContain('テキスト');
    const text = await readClipboard();
    expect(text.startsWith('タイトル: SSO でエラー *重要*\n')).toBe(true);
    expect(text).toContain('CC: taro.yamada@example.co.jp');
    expect(text).toContain(`詳細:\n${description}\n`);
    expect(text).toContain(`- ${attachment} (`);

    await popup.bringToFront();
    await popup.getByTestId('export-copy-markdown').click();
    await expect.poll(() => popup.getByTestId('export-notice').textContent()).toContain('Markdown');
    const markdown = await readClipboard();
    await popup.bringToFront();
    expect(markdown.startsWith('# SSO でエラー \\*重要\\*\n')).toBe(true);
    expect(markdown).toContain(`\`\`\`text\n${description}\n\`\`\``);

    const downloaded = popup.waitForEvent('download');
    await popup.getByTestId('export-save-png').click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(attachment);
    const saved = await readFile((await download.path())!);
    const stored = await popup.evaluate(async (name) => {
      const opening = indexedDB.open('helpdraft');
      const database = await new Promise<IDBDatabase>(
        (resolve) => (opening.onsuccess = () => resolve(opening.result)),
      );
      const all = await new Promise<Array<{ id: string; blob: Blob }>>((resolve) => {
        const request = database.transaction('attachments').objectStore('attachments').getAll();
        request.onsuccess = () => resolve(request.result as Array<{ id: string; blob: Blob }>);
      });
      database.close();
      const drafts = await chrome.storage.local.get(null);
      const ids = Object.values(drafts)
        .flatMap(
          (draft) => (draft as { attachments?: Array<{ id: string; name: string }> }).attachments ?? [],
        )
        .filter((ref) => ref.name === name)
        .map((ref) => ref.id);
      const blob = all.find((entry) => ids.includes(entry.id))?.blob;
      return blob ? [...new Uint8Array(await blob.arrayBuffer())] : [];
    }, attachment);
    expect(saved.length).toBeGreaterThan(1000);
    expect(Buffer.from(stored).equals(saved)).toBe(true);

    await popup.close();
    await page.close();
  });
});
