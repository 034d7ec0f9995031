/**
 * The watcher of messages that vanish (issue 16, item 2): toasts are gone
 * before the admin reaches the toolbar. From document_start on OneLogin hosts
 * (entrypoints/error-watcher.content.ts, ISOLATED world) one MutationObserver
 * notes added nodes; a cheap first pass keeps those that look like messages,
 * and shortly after (a toast fades in from opacity 0) the same scorer as the
 * capture (lib/capture/errors.ts) judges them. The last 20 errors of the last
 * 10 minutes stay in this script's memory, on the isolated world's globalThis
 * under a Symbol.for key, where the collector reads them and the page cannot
 * (https://developer.chrome.com/docs/extensions/develop/concepts/content-scripts#isolated_world).
 */
import type { PageError } from '../schema';
import { collectErrorsWithin } from './errors';
import { hasLayout, isHiddenMessage } from './errors-hidden';
import { errorWording } from './errors-lexicon';

export const maxWatchedMessages = 20;
export const watchedLifetimeMs = 10 * 60 * 1000;
/** Scored this long after they appear: toasts fade in from opacity 0 (MUI, notistack, toastr). */
export const watchDelayMs = 250;

export const vanishedMessagesKey = Symbol.for('helpdraft.vanished-messages');

export interface WatchedMessage {
  error: PageError;
  seenAt: number;
}

interface Watched extends WatchedMessage {
  /** Kept in this script's memory only: a message counts as vanished once its element left or was hidden. */
  element: Element;
}

export interface VanishedReader {
  read(now: number): WatchedMessage[];
}

/** Names and roles worth a second look (the scorer decides); the words come from lib/capture/errors-lexicon.ts. */
const messageName =
  /err|danger|invalid|fail|negativ|warn|alert|toast|snack|notif|notice|flash|banner|message/i;
/** An added subtree with more children than this is not read for words (a re-rendered table). */
const maxChildrenRead = 10;

function looksLikeMessage(element: Element): boolean {
  if (element.hasAttribute('role') || element.hasAttribute('aria-live')) return true;
  if (messageName.test(`${element.getAttribute('class') ?? ''} ${element.id}`)) return true;
  return element.childElementCount <= maxChildrenRead && errorWording.test(element.textContent ?? '');
}

const squeezed = (text: string) => text.replace(/[\s|]+/g, '');

/**
 * Whether the element that showed a message still shows it: a live region stays when its toast
 * goes, so its text is compared too (a table row's message is its cells, joined by `|`).
 */
function stillShown(element: Element, text: string, view: Window, layout: boolean): boolean {
  if (!element.isConnected || isHiddenMessage(element, view, layout)) return false;
  const holder = element.closest('tr') ?? element;
  return squeezed(holder.textContent ?? '').includes(squeezed(text));
}

export function startWatcher(
  document: Document,
  view: Window,
  signal: AbortSignal,
  scope: object = globalThis,
  now: () => number = () => Date.now(),
): VanishedReader {
  let messages: Watched[] = [];
  const queued = new Set<Element>();
  let timer: number | undefined;

  const prune = (at: number) => {
    messages = messages
      .filter((message) => at - message.seenAt <= watchedLifetimeMs)
      .slice(-maxWatchedMessages);
  };
  const flush = () => {
    timer = undefined;
    const at = now();
    for (const element of queued) {
      if (!element.isConnected) continue;
      for (const error of collectErrorsWithin(element, view)) {
        if (messages.some((message) => message.error.text === error.text)) continue;
        messages.push({ error, seenAt: at, element });
      }
    }
    queued.clear();
    prune(at);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        const element = node instanceof Element ? node : node.parentElement;
        if (element && looksLikeMessage(element)) queued.add(element);
      }
    }
    if (queued.size > 0 && timer === undefined) timer = view.setTimeout(flush, watchDelayMs);
  });
  observer.observe(document, { childList: true, subtree: true });
  // Tied to the content script's context: the observer stops when the extension goes away.
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) view.clearTimeout(timer);
  });
  const reader: VanishedReader = {
    read(at) {
      prune(at);
      const layout = hasLayout(document);
      return messages
        .filter(({ element, error }) => !stillShown(element, error.text, view, layout))
        .map(({ error, seenAt }) => ({ error, seenAt }));
    },
  };
  Object.defineProperty(scope, vanishedMessagesKey, { value: reader, configurable: true });
  return reader;
}

/**
 * The watched errors no longer on the page, marked with how long ago they
 * appeared; for the collector (lib/capture/collect.ts), which reads them
 * from its own isolated world.
 */
export function vanishedErrors(scope: object, current: PageError[], at: number): PageError[] {
  const reader = (scope as Record<symbol, unknown>)[vanishedMessagesKey] as VanishedReader | undefined;
  if (!reader || typeof reader.read !== 'function') return [];
  const shown = new Set(current.map((error) => error.text));
  return reader
    .read(at)
    .filter((message) => !shown.has(message.error.text))
    .map((message) => ({
      ...message.error,
      vanishedSecondsAgo: Math.max(0, Math.round((at - message.seenAt) / 1000)),
    }));
}
