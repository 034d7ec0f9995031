import { browser } from 'wxt/browser';
import { HelpDraftError } from './errors';

/**
 * The tab the popup works on: `popup.html?tabId=<id>` binds it to that tab
 * (the convention outside test scripts rely on, docs/TESTING.md); otherwise
 * the active tab of the last focused normal window, which is the page the
 * toolbar popup floats over.
 */
export async function resolveTargetTabId(search: string): Promise<number> {
  const requested = new URLSearchParams(search).get('tabId');
  if (requested !== null) {
    const tabId = Number(requested);
    if (!Number.isInteger(tabId) || tabId < 0) throw new HelpDraftError('tab-not-found', requested);
    return tabId;
  }
  const window = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
  const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
  if (tab?.id === undefined) throw new HelpDraftError('tab-not-found');
  return tab.id;
}
