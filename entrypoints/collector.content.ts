import { collectPageSnapshot } from '@/lib/capture/snapshot';

/**
 * Injected on demand by the background (scripting.executeScript) into the
 * tab being captured; `main`'s return value is executeScript's result.
 */
export default defineContentScript({
  matches: ['https://*.onelogin.com/*'],
  registration: 'runtime',
  main: () => collectPageSnapshot(document, window),
});
