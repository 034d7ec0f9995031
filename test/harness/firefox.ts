/**
 * Starts Debian's Firefox ESR (or the browser named by FIREFOX_PATH) with a
 * built HelpDraft installed as a temporary add-on, pointed at the stand-in
 * server. Stock Firefox, driven by puppeteer-core over WebDriver BiDi
 * (Playwright cannot drive a Firefox it has not patched itself).
 *
 * Firefox differences from the Chromium harness (chromium.ts):
 * - No `--host-resolver-rules`: Firefox is given an HTTPS proxy (prefs
 *   `network.proxy.*`) that is a small CONNECT tunnel in this process. It
 *   tunnels the stand-in hosts to the stand-in server and refuses every other
 *   host, so nothing leaves the machine; TLS stays end to end (Firefox sees
 *   the stand-in's own certificate, accepted through `acceptInsecureCerts`).
 * - No service worker to evaluate in: a `moz-extension://` extension page
 *   (options.html, in its own window) stands in for it as the "control" page
 *   that finds tab ids and opens the popup window.
 * - The extension's origin is `moz-extension://<uuid>` with a UUID chosen per
 *   profile; the pref `extensions.webextensions.uuids` fixes it in advance.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { HELP_CENTER_HOST, type StandInServer } from '../fixtures/server';
import { projectRoot } from './chromium';

const candidates = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export function findFirefox(): string {
  const fromEnvironment = process.env.FIREFOX_PATH;
  if (fromEnvironment) {
    if (!existsSync(fromEnvironment)) throw new Error(`FIREFOX_PATH does not exist: ${fromEnvironment}`);
    return fromEnvironment;
  }
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      'No Firefox found. Install it (Debian: apt-get install -y firefox-esr) or set FIREFOX_PATH.',
    );
  }
  return found;
}

export const firefoxE2eBuild = path.join(projectRoot, '.output/firefox-mv3-e2e');
export const firefoxMv2Build = path.join(projectRoot, '.output/firefox-mv2');
/** The add-on id of every Firefox build (wxt.config.ts, browser_specific_settings.gecko.id). */
export const geckoId = 'helpdraft@helpdraft.invalid';

function isStandInHost(host: string): boolean {
  return (
    host === HELP_CENTER_HOST || (host.endsWith('.onelogin.com') && host.length > '.onelogin.com'.length)
  );
}

/** An HTTP CONNECT proxy on 127.0.0.1 that tunnels the stand-in hosts' port 443 to the stand-in server. */
async function startTunnel(standInPort: number): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    // Plain-HTTP proxying is not offered: the stand-in pages are HTTPS only.
    response.writeHead(403).end();
  });
  // Tunnelled sockets leave the HTTP server's bookkeeping: kept here so that close() ends them.
  const tunnels = new Set<Duplex>();
  server.on('connect', (request, client, head) => {
    tunnels.add(client);
    client.on('close', () => tunnels.delete(client));
    const [host = '', port = ''] = (request.url ?? '').split(':');
    if (!isStandInHost(host.toLowerCase()) || port !== '443') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(standInPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of tunnels) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The moz-extension:// host of the installed build. */
  uuid: string;
  /** An extension page (options.html, in its own window) to call extension APIs from. */
  control: Page;
  extensionUrl(pathAndQuery: string): string;
  /**
   * Replaces the installed build with another one (same add-on id, so the same
   * moz-extension:// host; Firefox keeps the UUID across an update) and reopens
   * the control page in it.
   */
  replaceExtension(extensionPath: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Firefox ESR, headless, with `extensionPath` installed as a temporary
 * add-on, its requests to the stand-in hosts sent to `server`.
 */
export async function launchFirefoxWithExtension({
  extensionPath,
  server,
  headless = true,
  prefs = {},
  env,
}: {
  extensionPath: string;
  server: StandInServer;
  headless?: boolean;
  /** More prefs for the profile (added to the harness's own; not for the proxy or the UUID). */
  prefs?: Record<string, string | number | boolean>;
  /** More environment variables for Firefox (added to this process's). */
  env?: Record<string, string>;
}): Promise<FirefoxExtensionBrowser> {
  if (!existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}: run npm run build:firefox-e2e first.`);
  }
  const tunnel = await startTunnel(server.port);
  const uuid = randomUUID();
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless,
      acceptInsecureCerts: true,
      // WebDriver BiDi refuses to navigate to moz-extension:// pages unless system access is
      // allowed (a stock command-line flag of Firefox's remote agent, not a patched build).
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1200, height: 800 },
      ...(env ? { env: { ...process.env, ...env } } : {}),
      extraPrefsFirefox: {
        ...prefs,
        // The add-on's moz-extension:// host, chosen here instead of at random by Firefox.
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
        // Every request goes to the tunnel, which answers only the stand-in hosts.
        'network.proxy.type': 1,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': tunnel.port,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': tunnel.port,
        'network.proxy.share_proxy_settings': false,
        'network.proxy.no_proxies_on': '',
        'network.dns.disablePrefetch': true,
        'intl.accept_languages': 'ja-JP, ja',
      },
    });
    // A temporary add-on (gone with the profile); BiDi wants an absolute path.
    await browser.installExtension(path.resolve(extensionPath));
    const control = await browser.newPage({ type: 'window' });
    control.on('pageerror', (error) => console.error(`[firefox control] ${String(error)}`));
    const extensionUrl = (pathAndQuery: string) => `moz-extension://${uuid}/${pathAndQuery}`;
    await gotoExtensionPage(control, extensionUrl('options.html'));
    const started = browser;
    const firefox: FirefoxExtensionBrowser = {
      browser: started,
      uuid,
      control,
      extensionUrl,
      async replaceExtension(replacement) {
        const manifestVersion = async (page: Page) =>
          page
            .evaluate(
              () => (globalThis as unknown as FirefoxGlobal).browser.runtime.getManifest().manifest_version,
            )
            .catch(() => undefined);
        const before = await manifestVersion(firefox.control);
        await started.installExtension(path.resolve(replacement));
        // The update closes or unloads the old build's pages: a new control page, in the new build.
        await firefox.control.close().catch(() => undefined);
        firefox.control = await started.newPage({ type: 'window' });
        await gotoExtensionPage(firefox.control, extensionUrl('options.html'));
        const after = await manifestVersion(firefox.control);
        if (after === undefined) throw new Error(`The replacement build at ${replacement} did not start`);
        if (process.env.HELPDRAFT_DEBUG) console.log(`[firefox] replaced MV${before} with MV${after}`);
      },
      async close() {
        await started.close().catch(() => undefined);
        await tunnel.close();
      },
    };
    return firefox;
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await tunnel.close();
    throw error;
  }
}

/**
 * The `browser` namespace of an extension page, for code evaluated there
 * (Firefox's own promise-based API; harness code is serialized, so it names it
 * through globalThis rather than an import).
 */
interface FirefoxGlobal {
  browser: typeof chrome;
}

/** The id of the tab showing `url`, found through the extension's tabs API. */
export async function firefoxTabIdOf(firefox: FirefoxExtensionBrowser, url: string): Promise<number> {
  const tabId = await firefox.control.evaluate(async (wanted) => {
    const tabs = await (globalThis as unknown as FirefoxGlobal).browser.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id;
  }, url);
  if (tabId === undefined) throw new Error(`No tab found for ${url}`);
  return tabId;
}

/** Every tab's id. */
export async function firefoxTabIds(firefox: FirefoxExtensionBrowser): Promise<number[]> {
  return firefox.control.evaluate(async () =>
    (await (globalThis as unknown as FirefoxGlobal).browser.tabs.query({})).flatMap((tab) =>
      tab.id === undefined ? [] : [tab.id],
    ),
  );
}

/**
 * Puppeteer over BiDi never sees a navigation to a moz-extension:// page
 * complete (Firefox 153 ESR sends no events for it: `goto` times out and the
 * page's `url()` stays about:blank), though the page loads. So these helpers
 * ask the pages themselves where they are.
 */
async function locationOf(page: Page): Promise<string> {
  return page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
}

async function waitFor<T>(what: string, find: () => Promise<T | undefined>, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Navigates `page` to an extension page and waits until it has loaded. */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url, { timeout: 1_000 }).catch(() => undefined);
  await waitFor(url, async () => ((await locationOf(page)) === url ? true : undefined));
}

/** The open page (any window) whose document is at `url` and loaded. */
export async function firefoxPageAt(
  firefox: FirefoxExtensionBrowser,
  url: string,
  timeout?: number,
): Promise<Page> {
  return waitFor(
    url,
    async () => {
      for (const page of await firefox.browser.pages()) if ((await locationOf(page)) === url) return page;
      return undefined;
    },
    timeout,
  );
}

/**
 * `popup.html?tabId=` in its own popup window, as the toolbar popup floats
 * over the page: the page stays the active tab that captureVisibleTab photographs.
 */
export async function openFirefoxPopupForTab(firefox: FirefoxExtensionBrowser, tabId: number): Promise<Page> {
  const popupUrl = firefox.extensionUrl(`popup.html?tabId=${tabId}`);
  await firefox.control.evaluate(async (url) => {
    await (globalThis as unknown as FirefoxGlobal).browser.windows.create({
      url,
      type: 'popup',
      width: 500,
      height: 640,
    });
  }, popupUrl);
  const popup = await firefoxPageAt(firefox, popupUrl);
  popup.on('pageerror', (error) => console.error(`[firefox popup] ${String(error)}`));
  return popup;
}
