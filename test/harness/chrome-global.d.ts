import type { browser } from 'wxt/browser';

declare global {
  /** The `chrome` namespace inside the extension's service worker, where harness code is evaluated. */
  const chrome: typeof browser;
}
