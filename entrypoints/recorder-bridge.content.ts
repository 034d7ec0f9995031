import { startBridge } from '@/lib/recorder/bridge';

/**
 * The recorder's other half, in the extension's isolated world: takes the
 * recorder's token during document_start and keeps the accessor the collector
 * reads the recording through (lib/recorder/channel.ts explains the channel).
 */
export default defineContentScript({
  matches: ['https://*.onelogin.com/*'],
  runAt: 'document_start',
  globalName: false,
  // WXT's "script started" postMessage would tell every page that HelpDraft is installed.
  noScriptStartedPostMessage: true,
  main() {
    startBridge(window);
  },
});
