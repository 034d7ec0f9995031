/**
 * The recorder in a real Chromium with the built extension (E2E build): on a
 * stand-in OneLogin page that logs, throws, rejects and fails requests after
 * load, then tries to steal and forge the recorder's channel, the isolated
 * world reads exactly what happened and nothing the page made up. On another
 * host the recorder does not run at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { recordingSchema, type RecordedEvent, type Recording } from '../../lib/schema';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { useStandInBrowser } from '../harness/suite';
import { tabIdOf } from '../harness/extension';

let server: StandInServer;
let browser: ExtensionBrowser;

useStandInBrowser((started) => ({ server, browser } = started));

const ssoUrl = 'https://acme.onelogin.com/admin2/apps/123456/sso';

/** What the isolated world's accessor answers for the tab (what the collector will read), unvalidated. */
async function readInIsolatedWorld(page: Page): Promise<unknown> {
  const tabId = await tabIdOf(browser, page);
  return browser.serviceWorker.evaluate(async (target) => {
    const [injection] = await chrome.scripting.executeScript({
      target: { tabId: target },
      func: () =>
        (globalThis as unknown as Record<symbol, { read(): Promise<unknown> } | undefined>)[
          Symbol.for('helpdraft.recorder')
        ]?.read() ?? null,
    });
    return injection?.result ?? null;
  }, tabId);
}

/** Whether the bridge's accessor exists in the tab's isolated world. */
async function hasAccessor(page: Page): Promise<boolean> {
  const tabId = await tabIdOf(browser, page);
  return browser.serviceWorker.evaluate(async (target) => {
    const [injection] = await chrome.scripting.executeScript({
      target: { tabId: target },
      func: () => Symbol.for('helpdraft.recorder') in globalThis,
    });
    return injection?.result === true;
  }, tabId);
}

describe('the recorder on a OneLogin page', () => {
  let page: Page;
  let recording: Recording;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    page = await browser.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(ssoUrl);
    await page.locator('body[data-done="true"]').waitFor({ timeout: 30_000 });
    recording = recordingSchema.parse(await readInIsolatedWorld(page));
  });

  afterAll(async () => {
    await page?.close();
  });

  const failedRequest = (method: string, url: string, status: number): Partial<RecordedEvent> => ({
    type: 'failed-request',
    method,
    url,
    status,
  });

  it('the page itself saw what it expected (the wrappers changed nothing)', async () => {
    const results = (await page.locator('body').getAttribute('data-results'))?.split(',');
    expect(results).toEqual(['500', '422', '200', 'TypeError', 'error', '503']);
    // The original console.error still printed.
    expect(consoleErrors).toContainEqual(
      expect.stringContaining('SAML assertion validation failed Error: Invalid Signature on SAML Response'),
    );
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Invalid Signature on SAML Response',
    );
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Salesforce 本番');
  });

  it('records every console error, exception, rejection and failed request, and nothing else', async () => {
    expect(recording.available).toBe(true);
    expect(recording.dropped).toBe(0);
    const expected = [
      {
        type: 'console-error',
        text: expect.stringMatching(
          new RegExp(
            `^SAML assertion validation failed Error: Invalid Signature on SAML Response\\n\\s+at .*${ssoUrl}`,
          ),
        ),
      },
      {
        type: 'exception',
        text: expect.stringMatching(
          /^Uncaught Error: Cannot read properties of undefined \(reading 'certificate'\)\n\s+at /,
        ),
        source: ssoUrl,
        line: expect.any(Number),
        column: expect.any(Number),
      },
      {
        type: 'unhandled-rejection',
        text: expect.stringMatching(
          /^Error: 証明書の取得に失敗しました: IdP x509 certificate expired\n\s+at /,
        ),
      },
      {
        ...failedRequest('GET', 'https://acme.onelogin.com/__standin/status/500', 500),
        statusText: 'Internal Server Error',
      },
      failedRequest('POST', 'https://acme.onelogin.com/__standin/status/422', 422),
      { ...failedRequest('GET', 'https://127.0.0.1:1/unreachable', 0), statusText: 'Failed to fetch' },
      failedRequest('GET', 'https://acme.onelogin.com/admin2/assets/salesforce-logo-missing.png', 0),
      // After the page replaced dispatchEvent, addEventListener, console.error and JSON.stringify.
      failedRequest('GET', 'https://acme.onelogin.com/__standin/status/503', 503),
    ];
    expect(recording.events).toHaveLength(expected.length);
    for (const event of expected) expect(recording.events).toContainEqual(expect.objectContaining(event));
    for (const event of recording.events) expect(new Date(event.time).toISOString()).toBe(event.time);
  });

  it('has nothing forged, no successful request and nothing logged through the page override', () => {
    const all = JSON.stringify(recording);
    expect(all).not.toContain('forged');
    expect(all).not.toContain('/__standin/records');
    expect(all).not.toContain('swallowed by the page');
  });

  it('never gave the token to the page, nor showed it its events', async () => {
    await expect(page.locator('body').getAttribute('data-stolen')).resolves.toBe('');
    // The read above happened after the page replaced dispatchEvent and addEventListener.
    const seen = await page.evaluate(() =>
      (window as unknown as { __seenEventTypes: string[] }).__seenEventTypes.join('\n'),
    );
    expect(seen.split('\n').filter((type) => type.includes('helpdraft'))).toEqual([]);
    // The recorder leaves no global behind in the page's world (globalName: false).
    await expect(page.evaluate(() => 'recorder' in window || 'recorderBridge' in window)).resolves.toBe(
      false,
    );
  });

  it('answers every later read the same way', async () => {
    expect(recordingSchema.parse(await readInIsolatedWorld(page))).toEqual(recording);
  });
});

describe('on another host', () => {
  it('does not run: no accessor, native console.error and fetch', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin('support.onelogin.jp')}/hc/ja`);
    await expect(hasAccessor(page)).resolves.toBe(false);
    await expect(readInIsolatedWorld(page)).resolves.toBeNull();
    await expect(
      page.evaluate(() => [console.error, fetch, XMLHttpRequest.prototype.open].map((f) => String(f))),
    ).resolves.toEqual([
      'function error() { [native code] }',
      'function fetch() { [native code] }',
      'function open() { [native code] }',
    ]);
    await page.close();
  });

  it('but does on a OneLogin page, for comparison', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.urls.userEdit);
    await expect(hasAccessor(page)).resolves.toBe(true);
    await expect(readInIsolatedWorld(page)).resolves.toEqual({ available: true, events: [], dropped: 0 });
    // The wrapper prints as native code (test/e2e/hardening.e2e.ts), so what shows it is there
    // is the recording: a call of the page's console.error is in it.
    await page.evaluate(() => console.error('for comparison'));
    await expect
      .poll(async () => {
        const read = (await readInIsolatedWorld(page)) as { events: { text?: string }[] } | null;
        return read?.events.map((event) => event.text);
      })
      .toEqual(['for comparison']);
    await page.close();
  });
});
