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
  serviceWorker: Worker;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Extra flags, such as the stand-in server's host-resolver rules. */
  args?: string[];
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
}

/**
 * Chromium with a fresh profile, with the given extension loaded or none
 * (the benchmark's baseline). The profile is removed on close.
 */
export async function launchChromium(
  extensionPath: string | undefined,
  { args = [], headless = true, viewport = { width: 1200, height: 800 } }: LaunchOptions = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'helpdraft-chromium-'));
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
      await rm(userDataDir, { recursive: true, force: true });
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
