/**
 * npm run demo               — builds HelpDraft, serves the stand-in pages and opens Chromium
 *                              (or CHROME_PATH) with the extension on the stand-in OneLogin page.
 * npm run demo -- --headless — runs the whole flow once without a window, saves screenshots
 *                              of the popup and of the filled help-center form, prints the folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startStandInServer } from '../test/fixtures/server';
import { e2eBuild, launchWithExtension, productionBuild, projectRoot } from '../test/harness/chromium';
import { openPopupForTab, tabIdOf, waitForFillOutcome } from '../test/harness/extension';

const headlessAsked = process.argv.includes('--headless');
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = headlessAsked || !hasDisplay;

function build(mode: 'production' | 'e2e') {
  console.log(`Building the extension (${mode})…`);
  execFileSync('npm', ['run', mode === 'e2e' ? 'build:e2e' : 'build'], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitForClose(): Promise<void> {
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

async function headlessRun() {
  build('e2e');
  const server = await startStandInServer();
  const browser = await launchWithExtension({ extensionPath: e2eBuild, args: server.chromiumArgs });
  const folder = path.join(projectRoot, 'demo-output', new Date().toISOString().replace(/[:.]/g, '-'));
  await mkdir(folder, { recursive: true });
  try {
    const page = await browser.context.newPage();
    await page.goto(server.urls.appSso);
    await page.screenshot({ path: path.join(folder, '1-onelogin-page.png') });
    console.log(`Opened ${server.urls.appSso}; opening the popup for it…`);

    const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
    await popup.getByTestId('draft-title').waitFor();
    await popup.getByTestId('draft-cc').fill('taro.yamada@example.co.jp');
    await popup.getByTestId('draft-priority').selectOption('high');
    await popup.screenshot({ path: path.join(folder, '2-popup-draft.png'), fullPage: true });

    console.log('Filling the help-center form…');
    const formOpened = browser.context.waitForEvent(
      'page',
      (opened: Page) => opened.url() === server.urls.helpCenterForm,
    );
    await popup.getByTestId('fill').click();
    const form = await formOpened;
    const report = await waitForFillOutcome(browser, popup);
    await form
      .locator('#request-attachments-pool input[name="request[attachments][]"]')
      .first()
      .waitFor({ state: 'attached' });
    await form.screenshot({ path: path.join(folder, '3-filled-form.png'), fullPage: true });
    await popup.screenshot({ path: path.join(folder, '4-popup-fill-report.png'), fullPage: true });

    const summary = Object.entries(report).map(([field, status]) => `${field}: ${status}`);
    console.log(`Fill report: ${summary.join(', ')}`);
    console.log(
      `Uploaded to the stand-in help center: ${server.uploads.map((upload) => `${upload.filename} (${upload.size} bytes)`).join(', ')}`,
    );
    console.log(`Nothing was submitted (submissions: ${server.submissions.length}).`);
    console.log(`\nScreenshots saved in ${folder}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function headedRun() {
  build('production');
  const server = await startStandInServer();
  const browser = await launchWithExtension({
    extensionPath: productionBuild,
    args: server.chromiumArgs,
    headless: false,
    viewport: null,
  });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(server.urls.appSso);
  console.log(`
HelpDraft demo: Chromium is open on the stand-in OneLogin page
  ${server.urls.appSso}
(and ${server.urls.userEdit} for form errors).

Click the HelpDraft icon in the toolbar (pin it from the puzzle-piece menu), review the draft,
then press 「ヘルプセンターのフォームに入力」. The stand-in help center at
  ${server.urls.helpCenterForm}
opens filled in; nothing is submitted unless you press 送信.

Press Ctrl+C here to stop.`);
  await Promise.race([waitForClose(), new Promise((resolve) => browser.context.once('close', resolve))]);
  await browser.close().catch(() => undefined);
  await server.close();
}

try {
  if (headless && !headlessAsked) console.log('No display found: running the headless demo.');
  await (headless ? headlessRun() : headedRun());
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
