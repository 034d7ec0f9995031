import { startRecorder } from '@/lib/recorder/recorder';

/**
 * Records console errors, uncaught exceptions, unhandled rejections and failed
 * requests from the moment a OneLogin page starts loading, in the page's own
 * JS world (lib/recorder/). Runs on every OneLogin page load, so it stays tiny.
 * `globalName: false`: the bundle declares no global (a `var recorder` in the
 * page's world would clash with a page's own `let recorder`).
 */
export default defineContentScript({
  matches: ['https://*.onelogin.com/*'],
  runAt: 'document_start',
  world: 'MAIN',
  globalName: false,
  main() {
    try {
      startRecorder(window);
    } catch {
      // Never break the page: without a recorder the collector reports the recording as unavailable.
    }
  },
});
