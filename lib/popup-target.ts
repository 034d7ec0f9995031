import { browser } from 'wxt/browser';

/** The popup's tab, or that it has none: `requested` is a `?tabId=` that is no tab id. */
export type TargetTab = { found: true; tabId: number } | { found: false; requested?: string };

/**
 * The tab the popup works on: `popup.html?tabId=<id>` binds it to that tab
 * (the convention outside test scripts rely on, docs/TESTING.md); otherwise
 * the active tab of the last focused normal window, which is the page the
 * toolbar popup floats over. Free of zod and of the error types, because the
 * popup's first script resolves it before the rest is loaded
 * (lib/popup-early-draft.ts).
 */
export async function findTargetTab(search: string): Promise<TargetTab> {
  const requested = new URLSearchParams(search).get('tabId');
  if (requested !== null) {
    const tabId = Number(requested);
    return Number.isInteger(tabId) && tabId >= 0 ? { found: true, tabId } : { found: false, requested };
  }
  const window = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
  const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
  return tab?.id === undefined ? { found: false } : { found: true, tabId: tab.id };
}

/**
 * `popup.html?draftId=<id>` opens that draft instead of capturing (the
 * "open in a tab" view, and outside scripts); ids are HelpDraft's UUIDs.
 */
export function requestedDraftId(search: string): string | undefined {
  const requested = new URLSearchParams(search).get('draftId');
  return requested !== null && /^[\w-]{1,64}$/.test(requested) ? requested : undefined;
}

/** The popup opened as a page in a tab (`view=tab`): wider, and no "open in a tab" button. */
export function isTabView(search: string): boolean {
  return new URLSearchParams(search).get('view') === 'tab';
}

/** The address of the same draft in a tab, bound to the draft's source tab for a recapture. */
export function tabViewPath(draftId: string, sourceTabId: number | undefined): string {
  const parameters = new URLSearchParams({ draftId, view: 'tab' });
  if (sourceTabId !== undefined) parameters.set('tabId', String(sourceTabId));
  return `/popup.html?${parameters.toString()}`;
}
