import { useEffect, useMemo, useState } from 'react';
import { personalWordsOf, proposeSearchWords, searchWordsToSend } from '@/lib/articles/query';
import { helpCenterLocale, helpCenterSearchPageUrl } from '@/lib/articles/search';
import { toErrorShape, type ErrorShape } from '@/lib/errors';
import type { Translate } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { ArticleSearchResult, Draft, Settings } from '@/lib/schema';
import { ErrorMessage } from './ErrorMessage';

type Search =
  | { state: 'idle' }
  | { state: 'searching'; words: string[] }
  | { state: 'done'; result: ArticleSearchResult }
  | { state: 'failed'; words: string[]; error: ErrorShape };

interface RelatedArticlesProps {
  draft: Pick<Draft, 'id' | 'capture' | 'answers'>;
  settings: Pick<Settings, 'helpCenterUrl' | 'language' | 'maskPatterns'>;
  t: Translate;
}

/**
 * Related help-center articles before filing: the search words are on
 * screen (editable) before anything is sent, the search runs only on the
 * button, and results are plain text with links that open in a new tab.
 * The words shown under the box are exactly the words that will be sent.
 */
export function RelatedArticles({ draft, settings, t }: RelatedArticlesProps) {
  // undefined until proposed: the proposal (word segmentation) runs after the draft is on screen.
  const [typed, setTyped] = useState<string>();
  const { capture } = draft;
  const { summary } = draft.answers;
  const { maskPatterns } = settings;
  useEffect(() => {
    const timer = setTimeout(
      () => setTyped((current) => current ?? proposeSearchWords(capture, summary, maskPatterns).join(' ')),
      0,
    );
    return () => clearTimeout(timer);
  }, [capture, summary, maskPatterns]);
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const { words, changed } = useMemo(
    () => searchWordsToSend(typed ?? '', personalWordsOf(capture), maskPatterns),
    [typed, capture, maskPatterns],
  );
  const origin = new URL(settings.helpCenterUrl).origin;
  const locale = helpCenterLocale(settings.helpCenterUrl, settings.language);
  const searching = search.state === 'searching';

  const run = async () => {
    if (searching || words.length === 0) return;
    setSearch({ state: 'searching', words });
    try {
      const result = await sendMessage('searchArticles', { draftId: draft.id, words: words.join(' ') });
      setSearch({ state: 'done', result });
    } catch (error) {
      setSearch({ state: 'failed', words, error: toErrorShape(error) });
    }
  };

  const lastWords =
    search.state === 'done' ? search.result.words : search.state === 'idle' ? [] : search.words;
  return (
    <section
      className="block related-articles"
      aria-labelledby="articles-heading"
      aria-busy={searching || undefined}
      data-testid="articles"
      data-state={search.state}
    >
      <h2 id="articles-heading">{t('articles.heading')}</h2>
      <p className="hint">{t('articles.hint', { origin })}</p>
      <form
        className="articles-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <label htmlFor="articles-words">{t('articles.words')}</label>
        <div className="articles-row">
          <input
            id="articles-words"
            data-testid="articles-words"
            type="search"
            value={typed ?? ''}
            aria-describedby="articles-words-sent"
            onChange={(event) => setTyped(event.target.value)}
          />
          {/* Busy, not disabled, while searching: a disabled button would drop the keyboard's focus. */}
          <button
            type="submit"
            data-testid="articles-search"
            aria-disabled={searching || words.length === 0 || undefined}
          >
            {searching ? t('articles.searching') : t('articles.search')}
          </button>
        </div>
        <p id="articles-words-sent" className="hint" data-testid="articles-words-sent">
          {typed === undefined ? null : words.length === 0 ? (
            t('articles.noWords')
          ) : (
            <>
              {t('articles.wordsSent')} <span className="search-words">{words.join(' ')}</span>
              {changed ? ` ${t('articles.wordsLeftOut')}` : ''}
            </>
          )}
        </p>
      </form>
      <p className="status" role="status" data-testid="articles-status">
        {search.state === 'searching'
          ? t('articles.searchingFor', { words: search.words.join(' ') })
          : search.state === 'done'
            ? search.result.articles.length === 0
              ? t('articles.none', { words: search.result.words.join(' ') })
              : t('articles.found', {
                  words: search.result.words.join(' '),
                  total: search.result.total,
                  shown: search.result.articles.length,
                })
            : ''}
      </p>
      {search.state === 'failed' ? <ErrorMessage error={search.error} t={t} testId="articles-error" /> : null}
      {search.state === 'done' && search.result.articles.length > 0 ? (
        <ul className="articles" data-testid="articles-list">
          {search.result.articles.map((article) => (
            <li key={article.id} data-testid="article-result" data-url={article.url}>
              <a href={article.url} target="_blank" rel="noopener noreferrer">
                {article.title}
              </a>
              {article.snippet ? <p className="muted">{article.snippet}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {search.state === 'done' || search.state === 'failed' ? (
        <p className="hint">
          <a
            data-testid="articles-search-page"
            href={helpCenterSearchPageUrl(settings.helpCenterUrl, lastWords, locale)}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('articles.searchPage')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
