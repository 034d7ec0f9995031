/**
 * The capture's time limit and its end when the tab leaves the page (issue 15, item 5):
 * lib/background/capture-deadline.ts, on WXT's fake browser and vitest's fake timers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import {
  captureTimeLimitMs,
  currentCaptureTimeLimitMs,
  leftThePage,
  testCaptureTimeLimitKey,
  withCaptureDeadline,
  type StartingTab,
} from '@/lib/background/capture-deadline';
import { HelpDraftError } from '@/lib/errors';

const tabId = 7;
const pageUrl = 'https://acme.onelogin.com/admin2/apps/123456/sso';
const complete: StartingTab = { url: pageUrl, status: 'complete' };

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

/** A capture that never ends by itself, as on a page stuck in a busy loop. */
const never = () => new Promise<string>(() => {});

/** The code of what the promise rejected with, or 'resolved: <value>'. */
async function outcome(promise: Promise<string>): Promise<string> {
  return promise.then(
    (value) => `resolved: ${value}`,
    (error: unknown) => (error instanceof HelpDraftError ? error.code : `other: ${String(error)}`),
  );
}

describe('leftThePage', () => {
  it.each<[string, StartingTab, Browser.tabs.OnUpdatedInfo, boolean]>([
    ['a new document loads', complete, { status: 'loading' }, true],
    ['a reload (same address, loading)', complete, { status: 'loading', url: pageUrl }, true],
    ['another address (pushState)', complete, { url: 'https://acme.onelogin.com/users' }, true],
    ['only the fragment changes', complete, { url: `${pageUrl}#tab=2` }, false],
    ['the title changes', complete, { title: 'SSO' }, false],
    ['the load ends', complete, { status: 'complete' }, false],
    [
      'still loading when it began: the same load again',
      { url: pageUrl, status: 'loading' },
      { status: 'loading' },
      false,
    ],
    [
      'still loading when it began: another address',
      { url: pageUrl, status: 'loading' },
      { status: 'loading', url: 'https://acme.onelogin.com/login' },
      true,
    ],
    ['address unknown at the start', { status: 'complete' }, { url: 'https://example.com/' }, false],
  ])('%s: %s', (_name, start, change, left) => {
    expect(leftThePage(start, change)).toBe(left);
  });
});

describe('withCaptureDeadline', () => {
  it('hands the capture its result when it ends in time, and stops listening', async () => {
    const listening = vi.spyOn(fakeBrowser.tabs.onUpdated, 'removeListener');
    const result = withCaptureDeadline(() => Promise.resolve('draft-1'), {
      tabId,
      start: complete,
      limitMs: 1000,
    });
    await expect(outcome(result)).resolves.toBe('resolved: draft-1');
    expect(listening).toHaveBeenCalledTimes(1);
  });

  it('lets the capture’s own failure through', async () => {
    const result = withCaptureDeadline(() => Promise.reject(new HelpDraftError('capture-not-allowed')), {
      tabId,
      start: complete,
      limitMs: 1000,
    });
    await expect(outcome(result)).resolves.toBe('capture-not-allowed');
  });

  it.each<[string, () => Promise<unknown>, string]>([
    ['the limit passes', () => vi.advanceTimersByTimeAsync(1000), 'capture-timeout'],
    [
      'the tab starts loading another page',
      () => fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, {} as Browser.tabs.Tab),
      'capture-navigated',
    ],
    [
      'the tab goes to another address',
      () =>
        fakeBrowser.tabs.onUpdated.trigger(
          tabId,
          { url: 'https://acme.onelogin.com/users' },
          {} as Browser.tabs.Tab,
        ),
      'capture-navigated',
    ],
    [
      'the tab is closed',
      () => fakeBrowser.tabs.onRemoved.trigger(tabId, { windowId: 1, isWindowClosing: false }),
      'tab-not-found',
    ],
  ])('ends a capture that never answers when %s', async (_name, happen, code) => {
    const aborted = vi.fn();
    const result = withCaptureDeadline(
      (signal) => {
        signal.addEventListener('abort', aborted);
        return never();
      },
      { tabId, start: complete, limitMs: 1000 },
    );
    const ended = outcome(result);
    await happen();
    await expect(ended).resolves.toBe(code);
    expect(aborted).toHaveBeenCalledTimes(1);
  });

  it.each<[string, () => Promise<unknown>]>([
    [
      'another tab navigates',
      () => fakeBrowser.tabs.onUpdated.trigger(8, { status: 'loading' }, {} as Browser.tabs.Tab),
    ],
    [
      'another tab closes',
      () => fakeBrowser.tabs.onRemoved.trigger(8, { windowId: 1, isWindowClosing: false }),
    ],
    ['time passes, within the limit', () => vi.advanceTimersByTimeAsync(999)],
  ])('is not ended when %s', async (_name, happen) => {
    let finish: (value: string) => void = () => {};
    const result = withCaptureDeadline(() => new Promise<string>((resolve) => (finish = resolve)), {
      tabId,
      start: complete,
      limitMs: 1000,
    });
    await happen();
    finish('draft-2');
    await expect(outcome(result)).resolves.toBe('resolved: draft-2');
  });

  it('the timeout names the limit in seconds', async () => {
    const result = withCaptureDeadline(never, { tabId, start: complete, limitMs: 30_000 });
    const caught = result.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await caught).toMatchObject({ code: 'capture-timeout', detail: '30' });
  });

  it('a result that comes after the deadline is discarded, a late failure dropped', async () => {
    const discarded: string[] = [];
    let finish: (value: string) => void = () => {};
    const result = withCaptureDeadline(() => new Promise<string>((resolve) => (finish = resolve)), {
      tabId,
      start: complete,
      limitMs: 1000,
      discardLate: async (draftId) => {
        discarded.push(draftId);
      },
    });
    const ended = outcome(result);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(ended).resolves.toBe('capture-timeout');
    finish('late-draft');
    await vi.advanceTimersByTimeAsync(0);
    expect(discarded).toEqual(['late-draft']);
  });
});

describe('currentCaptureTimeLimitMs', () => {
  it('is the production limit outside the E2E build, whatever storage.session says', async () => {
    await fakeBrowser.storage.session.set({ [testCaptureTimeLimitKey]: 50 });
    await expect(currentCaptureTimeLimitMs()).resolves.toBe(captureTimeLimitMs);
  });
});
