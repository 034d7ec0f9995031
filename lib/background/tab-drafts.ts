/**
 * Which draft the popup shows on which tab: the page a draft was captured
 * from, and the form it was filled into. Kept per browser session (tab ids
 * do not survive a restart), by redacted URL (no secret stored here either).
 */
import { redactUrl } from '../capture/redact';
import { parseTabDrafts, tabDraftsItem } from '../storage';

export async function linkTabToDraft(tabId: number, draftId: string, url: string): Promise<void> {
  const links = parseTabDrafts(await tabDraftsItem.getValue());
  await tabDraftsItem.setValue({ ...links, [String(tabId)]: { draftId, url: redactUrl(url).text } });
}

/** The draft linked to the tab, while the tab still shows the same page. */
export async function draftLinkedToTab(tabId: number, url: string): Promise<string | undefined> {
  const link = parseTabDrafts(await tabDraftsItem.getValue())[String(tabId)];
  return link && link.url === redactUrl(url).text ? link.draftId : undefined;
}
