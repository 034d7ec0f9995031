/**
 * Related help-center articles in the real popup, against the stand-in help
 * center's search endpoint: nothing is sent until the user clicks, what is
 * sent is what the popup showed (no user, ID, address, URL or masked value,
 * no cookie, no referrer), results are plain text that open in a new tab,
 * and every failed answer says why in the user's language.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { openPopupForTab, tabIdOf } from '../harness/extension';
import { useStandInBrowser } from '../harness/suite';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

/** The stand-in console page whose errors name a user, an address, IDs, a URL and a token. */
const provisioningPage = () => `${server.origin('acme.onelogin.com')}/users/790/edit`;

async function popupOn(url: string): Promise<{ page: Page; popup: Page }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const popup = await openPopupForTab(browser, await tabIdOf(browser, page));
  await popup.getByTestId('articles-words').waitFor();
  await expect.poll(() => popup.getByTestId('articles-words').inputValue()).not.toBe('');
  return { page, popup };
}

async function search(popup: Page): Promise<void> {
  const before = server.searches.length;
  await popup.getByTestId('articles-search').click();
  await expect.poll(() => server.searches.length).toBe(before + 1);
  await expect.poll(() => popup.getByTestId('articles-search').textContent()).toBe('記事を検索');
}

describe('related articles', () => {
  it('shows the words first, sends only them on the click, and opens a result in a new tab', async () => {
    server.reset();
    const { page, popup } = await popupOn(provisioningPage());
    // The words are proposed right after the draft is on screen.
    await expect
      .poll(() => popup.getByTestId('articles-words-sent').textContent())
      .toBe('送信する語: Salesforce プロビジョニング Internal provisioning connection timed');
    // Opening the popup sends nothing: the search waits for the click.
    await popup.waitForTimeout(300);
    expect(server.searches).toEqual([]);

    await search(popup);
    const [sent] = server.searches;
    expect(sent).toMatchObject({
      query: 'Salesforce プロビジョニング Internal provisioning connection timed',
      locale: 'ja',
      perPage: '5',
      cookie: '',
      referer: '',
    });
    const request = decodeURIComponent(sent!.url);
    for (const never of [
      '鈴木',
      '一郎',
      'ichiro',
      '@',
      'acme',
      '790',
      '5f1c2e9a',
      'http',
      'salesforce.com',
      'REDACTED',
      'access_token',
      'Fake7Qw9',
    ])
      expect(request, never).not.toContain(never);

    const results = popup.getByTestId('article-result');
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    const titles = await results.locator('a').allTextContents();
    expect(titles[0]).toBe('プロビジョニングが「Internal provisioning error」で失敗する場合の確認事項');
    expect(await popup.getByTestId('articles-status').textContent()).toMatch(/件見つかりました/);
    // Snippets are plain text: Zendesk's <em> highlights come off, nothing is markup.
    const snippet = await results.first().locator('p').textContent();
    expect(snippet).toContain('Internal provisioning error');
    expect(await results.first().locator('p em, p strong').count()).toBe(0);

    const opened = browser.context.waitForEvent('page');
    await results.first().locator('a').click();
    const article = await opened;
    await article.waitForLoadState('domcontentloaded');
    expect(article.url()).toBe(
      `${server.origin('support.onelogin.jp')}/hc/ja/articles/360001234503-internal-provisioning-error`,
    );
    await expect
      .poll(() => article.locator('#article-title').textContent())
      .toContain('Internal provisioning error');
    // The popup is still there, with its results.
    expect(await results.count()).toBeGreaterThan(0);
    await article.close();
    await popup.close();
    await page.close();
  });

  it('sends an edited search without what the popup says it leaves out', async () => {
    server.reset();
    const { page, popup } = await popupOn(provisioningPage());
    await popup
      .getByTestId('articles-words')
      .fill('SAML 署名 taro.yamada@example.co.jp 123456 https://acme.onelogin.com/apps');
    await expect
      .poll(() => popup.getByTestId('articles-words-sent').textContent())
      .toBe('送信する語: SAML 署名 (ID・番号・URL・メールアドレス・マスクした値・ユーザー名は送りません)');
    await popup.getByTestId('articles-words').press('Enter');
    await expect.poll(() => server.searches.length).toBe(1);
    expect(server.searches[0]?.query).toBe('SAML 署名');
    const results = popup.getByTestId('article-result');
    await expect.poll(() => results.count()).toBeGreaterThan(1);
    // A title with markup is shown as its text; an article whose link is javascript: is left out.
    const titles = await results.locator('a').allTextContents();
    expect(titles).toContain(
      '<img src=x onerror="document.title=\'pwned\'"> SAML 証明書の <b>ローテーション</b>',
    );
    expect(titles.join('\n')).not.toContain('危険なリンク');
    const hrefs = await results
      .locator('a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.every((href) => href?.startsWith('https://support.onelogin.jp/hc/ja/articles/'))).toBe(true);
    expect(await popup.locator('img').count()).toBe(
      await popup.locator('[data-testid="attachment-item"] img').count(),
    );
    expect(await popup.title()).not.toBe('pwned');

    // Words the user cleared entirely: nothing to send, and nothing is sent.
    await popup.getByTestId('articles-words').fill('12345 taro@example.co.jp');
    await expect
      .poll(() => popup.getByTestId('articles-words-sent').textContent())
      .toMatch(/送信できる検索語がありません/);
    // Busy-looking (aria-disabled) but pressable, as every button of the popup: the press does nothing.
    await popup.getByTestId('articles-search').click({ force: true });
    await popup.waitForTimeout(300);
    expect(server.searches).toHaveLength(1);
    await popup.close();
    await page.close();
  });

  it('says why when the help center answers with an error, and searches again afterwards', async () => {
    server.reset();
    const { page, popup } = await popupOn(provisioningPage());
    const error = popup.getByTestId('articles-error');
    const cases: Array<[Parameters<StandInServer['failNextSearch']>[0], string, RegExp]> = [
      [{ status: 429, retryAfter: '30' }, 'search-rate-limited', /30 秒ほど待ってから/],
      [{ status: 503 }, 'search-unavailable', /一時的に使えません\(HTTP 503\)/],
      [{ status: 403 }, 'search-refused', /受け付けませんでした\(HTTP 403\)/],
      [{ status: 200, body: '<html>サインインしてください</html>' }, 'search-bad-answer', /読めない応答/],
    ];
    for (const [failure, code, message] of cases) {
      server.failNextSearch(failure);
      await search(popup);
      await error.waitFor();
      expect(await error.getAttribute('data-code')).toBe(code);
      expect(await error.textContent()).toMatch(message);
      expect(await popup.getByTestId('article-result').count()).toBe(0);
    }
    // The help center's own search page is offered as the way round, for the same words.
    expect(await popup.getByTestId('articles-search-page').getAttribute('href')).toBe(
      'https://support.onelogin.jp/hc/ja/search?query=Salesforce+%E3%83%97%E3%83%AD%E3%83%93%E3%82%B8%E3%83%A7%E3%83%8B%E3%83%B3%E3%82%B0+Internal+provisioning+connection+timed',
    );
    await search(popup);
    await expect.poll(() => popup.getByTestId('article-result').count()).toBeGreaterThan(0);
    expect(await error.count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('says the browser is offline, and sends nothing', async () => {
    server.reset();
    const { page, popup } = await popupOn(provisioningPage());
    // The browser offline: the service worker's fetch fails at once.
    await browser.context.setOffline(true);
    try {
      await popup.getByTestId('articles-search').click();
      const error = popup.getByTestId('articles-error');
      await error.waitFor();
      expect(await error.getAttribute('data-code')).toBe('search-offline');
      expect(await error.textContent()).toMatch(/オフラインのため検索できませんでした/);
      expect(server.searches).toEqual([]);
    } finally {
      await browser.context.setOffline(false);
    }
    await popup.close();
    await page.close();
  });
});
