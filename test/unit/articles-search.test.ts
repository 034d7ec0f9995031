import { describe, expect, it, vi } from 'vitest';
import { htmlToPlainText, shorten } from '@/lib/articles/plain-text';
import {
  articleSearchUrl,
  articlesShown,
  errorForStatus,
  helpCenterLocale,
  helpCenterSearchPageUrl,
  parseSearchAnswer,
  retryAfterSeconds,
  searchArticles,
} from '@/lib/articles/search';
import { HelpDraftError } from '@/lib/errors';

const formUrl = 'https://support.onelogin.jp/hc/ja/requests/new';

describe('htmlToPlainText', () => {
  it.each([
    ['<em>SAML</em> レスポンスの<strong>署名</strong>', 'SAML レスポンスの署名'],
    ['<p>一段落目</p><p>二段落目</p>', '一段落目 二段落目'],
    ['&lt;b&gt;太字&lt;/b&gt; &amp; &quot;引用&quot; &#39;x&#39; &#x3042;', '<b>太字</b> & "引用" \'x\' あ'],
    ['<script>document.title="pwned"</script>本文', '本文'],
    ['<style>p{}</style><!-- メモ -->本文', '本文'],
    ['<img src=x onerror="alert(1)">画像', '画像'],
    // An HTML parser drops a tag cut off by the end of the text, and what it held with it.
    ['壊れた <b 属性', '壊れた'],
    ['&#0; &#xD800; &#99999999;', '\ufffd \ufffd &#99999999;'],
    ['&unknown; &nbsp;x', '&unknown; x'],
  ])('%j → %j', (html, text) => {
    expect(htmlToPlainText(html)).toBe(text);
  });
});

describe('shorten', () => {
  it.each([
    ['short', 10, 'short'],
    ['alpha beta gamma delta', 14, 'alpha beta…'],
    ['one two three four five', 12, 'one two thre…'],
    ['日本語の長い文章です', 5, '日本語の長…'],
  ])('%j at %d → %j', (text, limit, expected) => {
    expect(shorten(text, limit)).toBe(expected);
  });
});

describe('the request', () => {
  it.each([
    [formUrl, 'ja', 'ja'],
    ['https://example.zendesk.com/hc/en-us/requests/new', 'ja', 'en-us'],
    ['https://help.example.com/requests/new', 'en', 'en-us'],
    ['https://help.example.com/requests/new', 'ja', 'ja'],
  ] as const)('the locale of %s (language %s) is %s', (url, language, locale) => {
    expect(helpCenterLocale(url, language)).toBe(locale);
  });

  it('asks the help center’s own origin, with the words, the locale and the number shown', () => {
    expect(articleSearchUrl(`${formUrl}?ticket_form_id=1`, ['SAML', '証明書'], 'ja')).toBe(
      `https://support.onelogin.jp/api/v2/help_center/articles/search.json?query=SAML+%E8%A8%BC%E6%98%8E%E6%9B%B8&locale=ja&per_page=${articlesShown}`,
    );
    expect(helpCenterSearchPageUrl(formUrl, ['SAML'], 'ja')).toBe(
      'https://support.onelogin.jp/hc/ja/search?query=SAML',
    );
  });
});

const article = (overrides: Record<string, unknown> = {}) => ({
  id: 360001234501,
  title: 'SAML レスポンスの検証に失敗する',
  html_url: 'https://support.onelogin.jp/hc/ja/articles/360001234501',
  snippet: '<em>SAML</em> の署名 &amp; 証明書',
  body: '<p>本文</p>',
  ...overrides,
});

describe('parseSearchAnswer', () => {
  it('keeps title, plain snippet and link, and the total', () => {
    expect(parseSearchAnswer({ results: [article()], count: 12 })).toEqual({
      articles: [
        {
          id: '360001234501',
          title: 'SAML レスポンスの検証に失敗する',
          snippet: 'SAML の署名 & 証明書',
          url: 'https://support.onelogin.jp/hc/ja/articles/360001234501',
        },
      ],
      total: 12,
    });
  });

  it.each([
    ['a javascript: link', { html_url: 'javascript:alert(1)' }],
    ['an http link', { html_url: 'http://support.onelogin.jp/hc/ja/articles/1' }],
    ['a data: link', { html_url: 'data:text/html,<b>x</b>' }],
    ['no title', { title: '  ' }],
    ['a title that is not text', { title: { html: '<b>x</b>' } }],
    ['no id', { id: undefined }],
  ])('leaves out an article with %s and keeps the others', (_name, overrides) => {
    const { articles } = parseSearchAnswer({ results: [article(overrides), article({ id: 2 })], count: 2 });
    expect(articles.map((found) => found.id)).toEqual(['2']);
  });

  it('takes the body when there is no snippet, and keeps a title’s markup as text', () => {
    const [found] = parseSearchAnswer({
      results: [article({ snippet: null, title: '<img src=x> 証明書', body: '<p>本文の<b>説明</b></p>' })],
    }).articles;
    expect(found).toMatchObject({ title: '<img src=x> 証明書', snippet: '本文の説明' });
  });

  it('shows at most the first few, and counts at least those', () => {
    const results = Array.from({ length: 9 }, (_, index) => article({ id: index }));
    const parsed = parseSearchAnswer({ results });
    expect(parsed.articles).toHaveLength(articlesShown);
    expect(parsed.total).toBe(articlesShown);
  });

  it.each([[null], ['text'], [{ articles: [] }], [{ results: 'none' }]])('refuses %j', (raw) => {
    expect(() => parseSearchAnswer(raw)).toThrow(HelpDraftError);
  });
});

describe('failed answers', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');
  it.each([
    [429, '30', 'search-rate-limited', '30'],
    [429, 'Wed, 02 Dec 2026 10:02:00 GMT', 'search-rate-limited', '120'],
    [429, null, 'search-rate-limited', '60'],
    [403, null, 'search-refused', '403'],
    [404, null, 'search-refused', '404'],
    [500, null, 'search-unavailable', '500'],
    [503, '10', 'search-unavailable', '503'],
  ])('HTTP %d (Retry-After %j) → %s (%s)', (status, retryAfter, code, detail) => {
    expect(errorForStatus(status, retryAfter, now)).toMatchObject({ code, detail });
  });

  it('never waits less than a second for a date in the past', () => {
    expect(retryAfterSeconds('Wed, 02 Dec 2026 09:00:00 GMT', now)).toBe(1);
  });
});

describe('searchArticles', () => {
  const request = (fetch: typeof globalThis.fetch, online = true) => ({
    helpCenterUrl: formUrl,
    words: ['SAML', '証明書'],
    locale: 'ja',
    fetch,
    online: () => online,
  });

  it('sends no cookie and no referrer, follows no redirect, and reads the answer', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(
      async () => new Response(JSON.stringify({ results: [article()], count: 1 }), { status: 200 }),
    );
    const result = await searchArticles(request(fetch));
    expect(result).toMatchObject({ words: ['SAML', '証明書'], locale: 'ja', total: 1 });
    expect(result.articles).toHaveLength(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toMatch(
      /^https:\/\/support\.onelogin\.jp\/api\/v2\/help_center\/articles\/search\.json\?/,
    );
    expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'manual' });
  });

  it.each([
    ['offline', Object.assign(new TypeError('Failed to fetch')), false, 'search-offline'],
    ['unreachable', new TypeError('Failed to fetch'), true, 'search-unreachable'],
    ['timed out', new DOMException('The operation timed out.', 'TimeoutError'), true, 'search-timeout'],
  ])('%s → %s', async (_name, failure, online, code) => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => {
      throw failure;
    });
    await expect(searchArticles(request(fetch, online))).rejects.toMatchObject({ code });
  });

  it.each([
    [
      new Response('{"error":"RateLimited"}', { status: 429, headers: { 'Retry-After': '12' } }),
      'search-rate-limited',
      '12',
    ],
    [new Response('oops', { status: 502 }), 'search-unavailable', '502'],
    [new Response('<html>sign in</html>', { status: 200 }), 'search-bad-answer', 'not JSON'],
    [
      new Response(null, { status: 302, headers: { Location: 'https://elsewhere.example/' } }),
      'search-refused',
      '302',
    ],
  ])('answer %# → %s', async (response, code, detail) => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => response);
    await expect(searchArticles(request(fetch))).rejects.toMatchObject({ code, detail });
  });

  it('sends nothing without words', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    await expect(searchArticles({ ...request(fetch), words: [] })).rejects.toMatchObject({
      code: 'search-no-words',
    });
    expect(fetch).not.toHaveBeenCalled();
  });
});
