import { createContextMenu, onContextMenuClicked } from '@/lib/background/context-menu';
import { resumeFillAfterSignIn } from '@/lib/background/fill-draft';
import { createHandlers } from '@/lib/background/handlers';
import { listenForMessages } from '@/lib/messaging';
import { watchSettings } from '@/lib/storage';

export default defineBackground(() => {
  listenForMessages(createHandlers());
  browser.runtime.onInstalled.addListener(() => void createContextMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenuClicked(info, tab));
  // Registered at start-up so a page load wakes a stopped worker: a fill waiting for sign-in goes on.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete') void resumeFillAfterSignIn(tabId, tab.url);
  });
  // The menu item speaks the user's language: rebuild it when the language changes. The
  // watch lasts as long as the service worker (no lifetime ends it before).
  const serviceWorkerLifetime = new AbortController();
  watchSettings(() => void createContextMenu(), serviceWorkerLifetime.signal);
});
