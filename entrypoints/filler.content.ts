import { fillRequestForm } from '@/lib/helpcenter/fill';
import { sendMessage } from '@/lib/messaging';

/**
 * Injected by the background into the help-center tab it opened for a fill.
 * It asks for its payload (the background answers only such a tab), fills,
 * and returns the report as executeScript's result.
 */
export default defineContentScript({
  matches: ['https://support.onelogin.jp/*'],
  registration: 'runtime',
  // WXT's "script started" postMessage would tell the page that HelpDraft is here
  // (node_modules/wxt/dist/utils/content-script-context.mjs, stopOldScripts).
  noScriptStartedPostMessage: true,
  main: async () => fillRequestForm(document, await sendMessage('getFillPayload', {})),
});
