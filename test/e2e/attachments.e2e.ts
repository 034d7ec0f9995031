/**
 * Files from disk in the real popup: a ZIP is refused with the help center's
 * reason (by name, and by its bytes under another name), a log file is
 * added by the picker and another by dropping it, the description HelpDraft
 * wrote lists them, one is removed, and the fill uploads what is left.
 */
import { describe, expect, it } from 'vitest';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { openPopupForTab, tabIdOf, waitForFillOutcome } from '../harness/extension';
import { useStandInBrowser } from '../harness/suite';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

/** The local file header of a ZIP: what its first bytes are, whatever it is called. */
const zipBytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...Array<number>(40).fill(0)]);
const logText = '2026-11-23T10:00:00Z ERROR SAML Response signature invalid\n';

describe('attachments from disk', () => {
  it('refuses ZIP files with the reason, adds others by picker and drop, removes, and uploads them', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.urls.appSso);
    const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
    await popup.getByTestId('draft-title').waitFor();

    await popup.getByTestId('attachment-input').setInputFiles([
      { name: 'logs.zip', mimeType: 'application/zip', buffer: zipBytes },
      { name: 'export.txt', mimeType: 'text/plain', buffer: zipBytes },
    ]);
    await expect.poll(() => popup.getByTestId('attachment-refused').count()).toBe(2);
    const reasons = await popup.getByTestId('attachment-refused').allTextContents();
    expect(reasons[0]).toBe(
      '「logs.zip」は ZIP ファイルのため添付できません。ヘルプセンターは暗号化の有無を問わず ZIP を受け付けません。解凍してから添付してください。',
    );
    expect(reasons[1]).toContain('「export.txt」は ZIP ファイルのため添付できません。');
    await expect(popup.getByTestId('attachment-item').count()).resolves.toBe(1);

    await popup
      .getByTestId('attachment-input')
      .setInputFiles({ name: 'saml-trace.log', mimeType: 'text/plain', buffer: Buffer.from(logText) });
    await expect.poll(() => popup.getByTestId('attachment-item').count()).toBe(2);
    await expect(popup.getByTestId('attachment-refused').count()).resolves.toBe(0);
    await expect.poll(() => popup.getByTestId('draft-description').inputValue()).toContain('saml-trace.log');

    // Dropped on the attachments: the same path as the picker.
    const dropped = await popup.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['{"log":[]}'], 'network.har', { type: 'application/json' }));
      return transfer;
    });
    await popup.getByTestId('attachment-zone').dispatchEvent('dragover', { dataTransfer: dropped });
    await popup.getByTestId('attachment-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await expect.poll(() => popup.getByTestId('attachment-item').count()).toBe(3);

    await popup
      .locator('[data-testid="attachment-item"][data-name="network.har"]')
      .getByTestId('attachment-remove')
      .click();
    await expect.poll(() => popup.getByTestId('attachment-item').count()).toBe(2);
    const names = await popup
      .getByTestId('attachment-item')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-name')));
    expect(names[0]).toMatch(/^helpdraft-screenshot-.*\.png$/);
    expect(names[1]).toBe('saml-trace.log');
    await expect(popup.getByTestId('draft-description').inputValue()).resolves.not.toContain('network.har');

    await expect.poll(() => popup.getByTestId('save-state').getAttribute('data-pending')).toBe('0');
    server.reset();
    const formOpened = browser.context.waitForEvent(
      'page',
      (opened) => opened.url() === server.urls.helpCenterForm,
    );
    await popup.getByTestId('fill').click();
    const form = await formOpened;
    const report = await waitForFillOutcome(browser, popup);
    expect(report.attachments).toBe('filled');
    await expect.poll(() => server.uploads.map((upload) => upload.filename)).toContain('saml-trace.log');
    const log = server.uploads.find((upload) => upload.filename === 'saml-trace.log')!;
    expect(log.bytes.toString('utf8')).toBe(logText);
    expect(server.uploads).toHaveLength(2);
    expect(server.submissions).toHaveLength(0);

    await form.close();
    await popup.close();
    await page.close();
  });
});
