/**
 * The 「この画面からサポートチケットを作成」 context-menu item. Its click grants
 * activeTab for the page like a toolbar click, so the page is captured at
 * once (the screenshot must show the page as it is), then the popup opens
 * on the draft.
 */
import { browser, type Browser } from 'wxt/browser';
import { translate } from '../i18n';
import { readSettings } from '../storage';
import { openDraftForTab } from './capture-tab';

export const contextMenuId = 'helpdraft-create-ticket';

export async function createContextMenu(): Promise<void> {
  const { language } = await readSettings();
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: contextMenuId,
    title: translate(language, 'contextMenu.create'),
    contexts: ['page', 'frame', 'selection', 'link', 'image'],
    documentUrlPatterns: ['https://*/*', 'http://*/*'],
  });
}

/**
 * Opens the popup on the captured tab: action.openPopup where the browser
 * allows it (Chrome 127+), else the popup page in a popup window bound to
 * the tab (the same `popup.html?tabId=` the tests use).
 */
async function showPopupFor(tabId: number): Promise<void> {
  try {
    // Firefox MV2 has `browserAction` (manifest `browser_action`) and no `action`, MV3's name for it.
    const action = browser.action ?? browser.browserAction;
    await action.openPopup();
  } catch {
    await browser.windows.create({
      url: browser.runtime.getURL(`/popup.html?tabId=${tabId}`),
      type: 'popup',
      width: 500,
      height: 640,
    });
  }
}

export async function onContextMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) {
  if (info.menuItemId !== contextMenuId || tab?.id === undefined) return;
  await openDraftForTab(tab.id, true);
  await showPopupFor(tab.id);
}
