import { collectPage } from '@/lib/capture/collect';
import { collectOptionsKey, collectOptionsSchema } from '@/lib/capture/collect-options';
import { extensionShadowRootReader } from '@/lib/capture/secret-walk';

/**
 * Injected on demand by the background (scripting.executeScript) into the
 * tab being captured, right after it left the options in the isolated
 * world; `main`'s return value is executeScript's result.
 */
export default defineContentScript({
  matches: ['https://*.onelogin.com/*'],
  registration: 'runtime',
  // WXT's "script started" postMessage would tell the page that HelpDraft is here
  // (node_modules/wxt/dist/utils/content-script-context.mjs, stopOldScripts).
  noScriptStartedPostMessage: true,
  main: () => {
    const options = collectOptionsSchema.parse((globalThis as Record<symbol, unknown>)[collectOptionsKey]);
    // Closed shadow roots are read with the extension's own API (chrome.dom / openOrClosedShadowRoot).
    return collectPage(document, window, options, extensionShadowRootReader());
  },
});
