/**
 * A related-articles search on the help center's public Help Center API
 * (`GET /api/v2/help_center/articles/search.json?query=…&locale=…`, which
 * Zendesk answers without authentication for public articles). Only what
 * the user asked for is sent: the words, the locale, how many results — no
 * cookies, no referrer, and no redirect is followed to another place. The
 * answer is untrusted: each article is checked and reduced to plain text.
 */
import { z } from 'zod';
import { HelpDraftError } from '../errors';
import type { ArticleSearchResult, Locale, RelatedArticle } from '../schema';
import { relatedArticleSchema } from '../schema';
import { htmlToPlainText, shorten } from './plain-text';

/** Articles shown; Zendesk's `per_page` accepts 1 to 100. */
export const articlesShown = 5;
export const snippetLength = 200;
/** A search that has not answered by then is given up (the user can try again). */
export const searchTimeoutMs = 10_000;
/** A search answer is a few kilobytes; anything this large is not one. */
const maxAnswerBytes = 2 * 1024 * 1024;
/** When a rate-limited answer does not say how long to wait (Zendesk normally sends Retry-After). */
const defaultRetryAfterSeconds = 60;

/**
 * The help center's locale from the form URL (`/hc/ja/requests/new` → `ja`,
 * `/hc/en-us/…` → `en-us`); without one, the user's language.
 */
export function helpCenterLocale(helpCenterUrl: string, language: Locale): string {
  const match = /\/hc\/([a-z]{2}(?:-[a-z]{2,4})?)(?:\/|$)/i.exec(new URL(helpCenterUrl).pathname);
  return match?.[1]?.toLowerCase() ?? (language === 'en' ? 'en-us' : 'ja');
}

export function articleSearchUrl(helpCenterUrl: string, words: string[], locale: string): string {
  const url = new URL('/api/v2/help_center/articles/search.json', new URL(helpCenterUrl).origin);
  url.searchParams.set('query', words.join(' '));
  url.searchParams.set('locale', locale);
  url.searchParams.set('per_page', String(articlesShown));
  return url.toString();
}

/** The help center's own search page for the same words: the user's way round a refused API. */
export function helpCenterSearchPageUrl(helpCenterUrl: string, words: string[], locale: string): string {
  const url = new URL(`/hc/${locale}/search`, new URL(helpCenterUrl).origin);
  url.searchParams.set('query', words.join(' '));
  return url.toString();
}

const zendeskArticleSchema = z.object({
  id: z.union([z.number(), z.string()]),
  title: z.string(),
  html_url: z.string(),
  snippet: z.string().nullish(),
  body: z.string().nullish(),
});

const zendeskSearchAnswerSchema = z.object({
  results: z.array(z.unknown()),
  count: z.number().int().nonnegative().optional(),
});

function toArticle(raw: unknown): RelatedArticle | undefined {
  const article = zendeskArticleSchema.safeParse(raw);
  if (!article.success) return undefined;
  const { id, title, html_url: url, snippet, body } = article.data;
  const text = htmlToPlainText(snippet || body || '');
  // An article link that is not https (javascript:, data:, http:) is left out with its article.
  const checked = relatedArticleSchema.safeParse({
    id: String(id),
    title: shorten(title.replace(/\s+/g, ' ').trim(), 200),
    snippet: shorten(text, snippetLength),
    url,
  });
  return checked.success && checked.data.title !== '' ? checked.data : undefined;
}

/** Zendesk's answer, article by article: one malformed article never hides the others. */
export function parseSearchAnswer(raw: unknown): { articles: RelatedArticle[]; total: number } {
  const answer = zendeskSearchAnswerSchema.safeParse(raw);
  if (!answer.success) throw new HelpDraftError('search-bad-answer', 'not a search answer');
  const articles = answer.data.results
    .map(toArticle)
    .filter((article) => article !== undefined)
    .slice(0, articlesShown);
  return { articles, total: Math.max(answer.data.count ?? 0, articles.length) };
}

/** Seconds to wait from a Retry-After header: a number of seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now: number): number {
  if (header) {
    const seconds = Number(header.trim());
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
    const date = Date.parse(header);
    if (Number.isFinite(date)) return Math.max(1, Math.ceil((date - now) / 1000));
  }
  return defaultRetryAfterSeconds;
}

/** A failed HTTP answer as the error the user is shown. */
export function errorForStatus(status: number, retryAfter: string | null, now: number): HelpDraftError {
  if (status === 429)
    return new HelpDraftError('search-rate-limited', String(retryAfterSeconds(retryAfter, now)));
  if (status >= 500) return new HelpDraftError('search-unavailable', String(status));
  return new HelpDraftError('search-refused', String(status));
}

export interface SearchRequest {
  helpCenterUrl: string;
  words: string[];
  locale: string;
  /** The fetch to use (the service worker's own; a fake in unit tests). */
  fetch: typeof fetch;
  /** Whether the browser believes it is online (navigator.onLine). */
  online: () => boolean;
  now?: () => number;
  timeoutMs?: number;
}

export async function searchArticles({
  helpCenterUrl,
  words,
  locale,
  fetch: fetchFunction,
  online,
  now = Date.now,
  timeoutMs = searchTimeoutMs,
}: SearchRequest): Promise<ArticleSearchResult> {
  if (words.length === 0) throw new HelpDraftError('search-no-words');
  let response: Response;
  try {
    response = await fetchFunction(articleSearchUrl(helpCenterUrl, words, locale), {
      method: 'GET',
      headers: { Accept: 'application/json' },
      // The search is anonymous: the help center's cookies (the user's session) are not sent,
      // nor where the request comes from.
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      // A redirect could carry the words to another host; it is reported instead of followed.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'))
      throw new HelpDraftError('search-timeout', String(Math.round(timeoutMs / 1000)));
    const message = error instanceof Error ? error.message : String(error);
    throw new HelpDraftError(online() ? 'search-unreachable' : 'search-offline', message);
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400))
    throw new HelpDraftError('search-refused', String(response.status || '3xx'));
  if (!response.ok) throw errorForStatus(response.status, response.headers.get('Retry-After'), now());
  const text = await response.text().catch(() => {
    throw new HelpDraftError('search-unreachable', 'the answer was cut off');
  });
  if (text.length > maxAnswerBytes) throw new HelpDraftError('search-bad-answer', 'too large');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HelpDraftError('search-bad-answer', 'not JSON');
  }
  return { words, locale, ...parseSearchAnswer(json) };
}
