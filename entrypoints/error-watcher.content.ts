import { startWatcher } from '@/lib/capture/watcher';

/**
 * Keeps the error messages that appear and vanish on a OneLogin page (toasts),
 * from document_start, in the extension's isolated world, where the collector
 * reads them and the page cannot (lib/capture/watcher.ts).
 */
export default defineContentScript({
  matches: ['https://*.onelogin.com/*'],
  runAt: 'document_start',
  globalName: false,
  // WXT's "script started" postMessage would tell every page that HelpDraft is installed.
  noScriptStartedPostMessage: true,
  main(ctx) {
    try {
      startWatcher(document, window, ctx.signal);
    } catch {
      // Never break the page: without a watcher the capture has only what is on screen.
    }
  },
});
