/**
 * A quiet stand-in for WXT's `ContentScriptContext`, put in its place at build time
 * (wxt.config.ts, `vite.resolve.alias`). WXT's isolated-world entrypoint builds one context per
 * run (node_modules/wxt/dist/virtual/content-script-isolated-world-entrypoint.mjs), and its
 * constructor dispatches `<extension id>:<script>:wxt:content-script-started` as a CustomEvent on
 * the page's `document` (node_modules/wxt/dist/utils/content-script-context.mjs, stopOldScripts;
 * WXT 0.20.27). `noScriptStartedPostMessage` turns off only the postMessage beside it. The event
 * is seen by page listeners, and HelpDraft's store id is public, so a page could learn that
 * HelpDraft is installed and when it captures (issue 15, item 5: no content script announces
 * the extension). The event serves WXT's dev-mode reload (a newer copy stops the older one);
 * HelpDraft's scripts are injected once per capture or fill and take no context (entrypoints/).
 *
 * The same members, minus the announcement and the location watcher.
 */
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  private readonly abortController = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  get isInvalid(): boolean {
    // The extension was reloaded or removed: its runtime is gone from this page.
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  block<T>(): Promise<T> {
    return new Promise<T>(() => {});
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = window.setTimeout(() => {
      if (this.isValid) handler();
    }, timeout);
    this.onInvalidated(() => window.clearTimeout(id));
    return id;
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = window.setInterval(() => {
      if (this.isValid) handler();
    }, timeout);
    this.onInvalidated(() => window.clearInterval(id));
    return id;
  }

  addEventListener(
    target: EventTarget,
    type: string,
    handler: EventListenerOrEventListenerObject,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}
