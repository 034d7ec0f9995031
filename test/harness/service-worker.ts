/**
 * The extension's service worker as DevTools sees it, and stopping it the
 * way Chromium does when the worker has been idle for 30 seconds: its global
 * scope and everything held in memory go, its registration and storage stay,
 * and the next extension event (a popup's `runtime.sendMessage`) starts it
 * again.
 *
 * Chromium behaviour these helpers rely on (Chromium 156, playwright-core 1.65):
 * - `Target.closeTarget` on a `service_worker` target stops that worker: the
 *   ServiceWorker domain reports it `running` → `stopping` → `stopped` (the
 *   same as the Stop button of chrome://serviceworker-internals or
 *   `ServiceWorker.stopWorker`), and the target leaves `Target.getTargets`.
 * - When the worker starts again, DevTools gives it back the same target id.
 *   Playwright therefore keeps the same `Worker` object: no `close` event on
 *   the stop, no new `serviceworker` event on the restart. Waiting for either
 *   never ends, and `Worker.evaluate` waits while the worker is stopped (it
 *   does not wake it), so a test must wake the worker itself (here: by typing
 *   in the popup) before evaluating in it again. After the restart the same
 *   `Worker` evaluates in the new global scope.
 * - The session opened here never calls `Target.setAutoAttach`: an
 *   auto-attacher with `waitForDebuggerOnStart` holds workers it attaches to
 *   paused until it sends `Runtime.runIfWaitingForDebugger`. Playwright's own
 *   browser session is such an auto-attacher and resumes every worker itself.
 */
import type { CDPSession } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

/** A browser-level CDP session for the time of `use`, detached afterwards. */
async function withBrowserSession<T>(
  browser: ExtensionBrowser,
  use: (session: CDPSession) => Promise<T>,
): Promise<T> {
  // Playwright hands out the Browser of a persistent context too.
  const chromiumBrowser = browser.context.browser();
  if (!chromiumBrowser)
    throw new Error('This Playwright context has no Browser for a browser-level CDP session');
  const session = await chromiumBrowser.newBrowserCDPSession();
  try {
    return await use(session);
  } finally {
    await session.detach().catch(() => undefined);
  }
}

async function workerTargetIds(session: CDPSession, extensionId: string): Promise<string[]> {
  const { targetInfos } = await session.send('Target.getTargets');
  return targetInfos
    .filter((target) => target.type === 'service_worker')
    .filter((target) => target.url.startsWith(`chrome-extension://${extensionId}/`))
    .map((target) => target.targetId);
}

/** DevTools target ids of the extension's service worker: one while it runs, none while it is stopped. */
export function serviceWorkerTargetIds(browser: ExtensionBrowser): Promise<string[]> {
  return withBrowserSession(browser, (session) => workerTargetIds(session, browser.extensionId));
}

/**
 * Stops the extension's running service worker and returns once DevTools
 * has seen it stopped: its target gone from the list, or the ServiceWorker
 * domain reporting its version `stopped` (the popup may wake it again at
 * once, under the same target id, before a poll of the targets could see the
 * gap). Throws if it was not running, or not stopped within `timeout`.
 * Nothing is woken here: the next extension event starts the worker again.
 */
export async function stopServiceWorker(browser: ExtensionBrowser, timeout = 10_000): Promise<void> {
  await withBrowserSession(browser, async (session) => {
    const running = await workerTargetIds(session, browser.extensionId);
    if (running.length !== 1) {
      throw new Error(
        `Expected the extension's service worker running once, found ${running.length} targets`,
      );
    }
    const scope = `chrome-extension://${browser.extensionId}/`;
    let sawStopped = false;
    // The ServiceWorker domain lives on page targets (the browser target has none); any open page
    // sees the workers of its profile, the extension's among them.
    const page = browser.context.pages()[0];
    if (!page) throw new Error('stopServiceWorker needs an open page to watch the worker from');
    const pageSession = await browser.context.newCDPSession(page);
    pageSession.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (
        versions.some((version) => version.scriptURL.startsWith(scope) && version.runningStatus === 'stopped')
      )
        sawStopped = true;
    });
    try {
      await pageSession.send('ServiceWorker.enable');
      await session.send('Target.closeTarget', { targetId: running[0]! });
      const deadline = Date.now() + timeout;
      while (!sawStopped && (await workerTargetIds(session, browser.extensionId)).length > 0) {
        if (Date.now() > deadline)
          throw new Error(`The service worker was still running ${timeout} ms after the stop`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await pageSession.detach().catch(() => undefined);
    }
  });
}
