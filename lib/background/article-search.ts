/**
 * The related-articles search, run by the background for the popup (issue
 * #8): only when the user clicks, only the words that pass
 * `searchWordsToSend` here again (whatever the popup sent), only to the
 * configured help center, and only when the organisation has not switched
 * the search off. The service worker holds the help center's host
 * permission, which lets it read the answer (Zendesk's search API has no CORS).
 */
import { browser } from 'wxt/browser';
import { personalWordsOf, searchWordsToSend } from '../articles/query';
import { helpCenterLocale, searchArticles } from '../articles/search';
import { HelpDraftError } from '../errors';
import { featuresOf } from '../managed';
import type { ArticleSearchResult } from '../schema';
import { readDraft, readSettingsAndPolicy } from '../storage';

export async function searchRelatedArticles(draftId: string, typed: string): Promise<ArticleSearchResult> {
  const [draft, { settings, managed }] = await Promise.all([readDraft(draftId), readSettingsAndPolicy()]);
  if (!featuresOf(managed.policy).articleSearch) throw new HelpDraftError('search-disabled');
  if (!draft) throw new HelpDraftError('draft-not-found', draftId);
  const { words } = searchWordsToSend(typed, personalWordsOf(draft.capture), settings.maskPatterns);
  if (words.length === 0) throw new HelpDraftError('search-no-words');
  const origin = new URL(settings.helpCenterUrl).origin;
  if (!(await browser.permissions.contains({ origins: [`${origin}/*`] })))
    throw new HelpDraftError('permission-missing', origin);
  return searchArticles({
    helpCenterUrl: settings.helpCenterUrl,
    words,
    locale: helpCenterLocale(settings.helpCenterUrl, settings.language),
    fetch: (input, init) => fetch(input, init),
    online: () => navigator.onLine,
  });
}
