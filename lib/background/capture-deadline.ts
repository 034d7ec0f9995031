/**
 * The capture's time limit, and its end when the tab leaves the page. A page stuck in a busy
 * loop, a collector that never answers or a user mask pattern that backtracks for minutes holds
 * `scripting.executeScript` forever (the isolated world runs on the page's own thread), and the
 * popup then says 「取り込んでいます…」 for ever (issue 15, item 5). A tab that navigates while it
 * is captured would mix two pages, or fail with the browser's "frame was removed".
 *
 * Only `tabs.onUpdated` and `tabs.onRemoved` are used: they need no permission (`status` is always
 * told; `url` for the hosts HelpDraft may read, which the captured tab is), so no `webNavigation`
 * permission is asked for (https://developer.chrome.com/docs/extensions/reference/api/tabs#event-onUpdated).
 */
import { browser, type Browser } from 'wxt/browser';
import { z } from 'zod';
import { HelpDraftError } from '../errors';
import { deleteDraft } from './drafts';

/**
 * Long enough for the slowest honest capture (an html2canvas full page of a long OneLogin list
 * takes a few seconds, lib/capture/html2canvas/render.ts), short enough that a frozen page ends
 * in a message while the user is still looking at the popup. The same as the fill's wait for its
 * form (lib/background/fill-draft.ts, formLoadTimeoutMs).
 */
export const captureTimeLimitMs = 30_000;

/**
 * The E2E build (`npm run build:e2e`, mode `e2e`) lets a test shorten the limit through this
 * storage.session key, which only extension pages and the worker can write (content scripts
 * cannot: storage.session's default access level is TRUSTED_CONTEXTS). In the production build
 * the condition is the constant `false` and the read is left out.
 */
export const testCaptureTimeLimitKey = 'e2eCaptureTimeLimitMs';

export async function currentCaptureTimeLimitMs(): Promise<number> {
  if (import.meta.env.MODE !== 'e2e') return captureTimeLimitMs;
  const stored = await browser.storage.session
    .get(testCaptureTimeLimitKey)
    .then((items: Record<string, unknown>) => items[testCaptureTimeLimitKey])
    .catch(() => undefined);
  const limit = z.number().int().positive().safeParse(stored);
  return limit.success ? limit.data : captureTimeLimitMs;
}

/** A URL without its fragment: a `#…` change stays on the same document. */
function documentUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** The captured tab as it was when the capture started (either may be unknown). */
export interface StartingTab {
  url?: string | undefined;
  status?: string | undefined;
}

/**
 * Whether an update of the captured tab means it left the page being captured: a new document
 * started loading (a link, a reload, a redirect), or the address changed other than in its
 * fragment (a single-page app's pushState replaces the page without loading). A tab still
 * loading when the capture began may report `loading` again for that same load, so then only
 * another address counts.
 */
export function leftThePage(start: StartingTab, change: Browser.tabs.OnUpdatedInfo): boolean {
  const otherAddress =
    change.url !== undefined && start.url !== undefined && documentUrl(change.url) !== documentUrl(start.url);
  if (change.status === 'loading' && start.status !== 'loading') return true;
  return otherAddress;
}

export interface CaptureDeadline<T> {
  tabId: number;
  /** The tab when the capture started (its URL is undefined when the browser does not tell it). */
  start: StartingTab;
  limitMs: number;
  /** A result that arrives after the capture was given up (e.g. a draft to delete again). */
  discardLate?: (value: T) => Promise<void>;
}

/**
 * Runs `capture`, ending it with `capture-timeout` after `limitMs`, with `capture-navigated` when
 * the tab leaves the page and with `tab-not-found` when it closes. The signal given to `capture`
 * aborts when any of these wins (or when it settles itself), and every listener and timer goes
 * with it. The capture itself cannot be stopped from here (a frozen page holds it), so what it
 * brings later is handed to `discardLate` and a late failure is dropped.
 */
export function withCaptureDeadline<T>(
  capture: (signal: AbortSignal) => Promise<T>,
  { tabId, start, limitMs, discardLate }: CaptureDeadline<T>,
): Promise<T> {
  const controller = new AbortController();
  const { signal } = controller;
  const given = new Promise<never>((_resolve, reject) => {
    const giveUp = (error: HelpDraftError) => {
      if (signal.aborted) return;
      controller.abort(error);
      reject(error);
    };
    const timer = setTimeout(
      () => giveUp(new HelpDraftError('capture-timeout', String(Math.round(limitMs / 1000)))),
      limitMs,
    );
    const onUpdated = (updatedTabId: number, change: Browser.tabs.OnUpdatedInfo) => {
      if (updatedTabId === tabId && leftThePage(start, change))
        giveUp(new HelpDraftError('capture-navigated'));
    };
    const onRemoved = (removedTabId: number) => {
      if (removedTabId === tabId) giveUp(new HelpDraftError('tab-not-found', String(tabId)));
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    });
  });
  const captured = capture(signal).then(
    async (value) => {
      if (signal.aborted) {
        await discardLate?.(value).catch(() => undefined);
        return value;
      }
      controller.abort();
      return value;
    },
    (error: unknown) => {
      if (!signal.aborted) controller.abort();
      throw error;
    },
  );
  // Once given up, the capture's own ending is no one's to hear.
  captured.catch(() => undefined);
  return Promise.race([captured, given]);
}

/**
 * openDraftForTab's capture under the deadline: the tab as it is now is the page being captured,
 * and a draft the capture stores after it was given up is deleted again (with its screenshot),
 * so the message the user saw stays true and reopening the popup captures afresh.
 */
export async function captureWithinDeadline(tabId: number, capture: () => Promise<string>): Promise<string> {
  const [tab, limitMs] = await Promise.all([
    browser.tabs.get(tabId).catch(() => undefined),
    currentCaptureTimeLimitMs(),
  ]);
  return withCaptureDeadline(capture, {
    tabId,
    start: { url: tab?.url, status: tab?.status },
    limitMs,
    discardLate: (draftId) => deleteDraft(draftId),
  });
}
