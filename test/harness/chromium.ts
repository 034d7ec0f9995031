/**
 * Starts Debian's Chromium (or the browser named by CHROME_PATH) with a built
 * HelpDraft loaded, pointed at the stand-in server. Used by the E2E tests,
 * the demo and the benchmark.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium(): string {
  const fromEnvironment = process.env.CHROME_PATH;
  if (fromEnvironment) {
    if (!existsSync(fromEnvironment)) throw new Error(`CHROME_PATH does not exist: ${fromEnvironment}`);
    return fromEnvironment;
  }
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      'No Chromium or Chrome found. Install it (Debian: apt-get install -y chromium) or set CHROME_PATH.',
    );
  }
  return found;
}

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const productionBuild = path.join(projectRoot, '.output/chrome-mv3');
export const e2eBuild = path.join(projectRoot, '.output/chrome-mv3-e2e');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /**
   * The extension's service worker. It stays valid across a stop and restart
   * of the worker (Chromium reuses its DevTools target), but `evaluate` waits
   * while the worker is stopped: see service-worker.ts.
   */
  serviceWorker: Worker;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Extra flags, such as the stand-in server's host-resolver rules. */
  args?: string[];
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  /**
   * A profile directory to use and keep, so a later launch on the same
   * directory sees what this one stored (a browser restart). The caller
   * removes it. By default each launch gets a fresh profile, removed on close.
   */
  userDataDir?: string;
}

/**
 * Chromium with the given extension loaded or none (the benchmark's
 * baseline), on a fresh profile removed on close unless `userDataDir` names
 * one to keep.
 */
export async function launchChromium(
  extensionPath: string | undefined,
  {
    args = [],
    headless = true,
    viewport = { width: 1200, height: 800 },
    userDataDir: kept,
  }: LaunchOptions = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = kept ?? (await mkdtemp(path.join(tmpdir(), 'helpdraft-chromium-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless,
    viewport,
    ignoreHTTPSErrors: true,
    locale: 'ja-JP',
    args: [
      // Playwright adds --disable-extensions itself; both flags are needed for the service worker to start.
      ...(extensionPath
        ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`]
        : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      // Without these Chromium keeps trying hosts it cannot reach on a closed network.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...args,
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      if (kept === undefined) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function launchWithExtension({
  extensionPath,
  ...options
}: LaunchOptions & { extensionPath: string }): Promise<ExtensionBrowser> {
  if (!existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}: run npm run build:e2e first.`);
  }
  const { context, close } = await launchChromium(extensionPath, options);
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  if (process.env.HELPDRAFT_DEBUG)
    serviceWorker.on('console', (message) => console.log(`[sw] ${message.text()}`));
  return { context, serviceWorker, extensionId: new URL(serviceWorker.url()).host, close };
}
