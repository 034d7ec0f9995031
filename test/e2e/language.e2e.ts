/**
 * The display language, switched on the settings page of the real extension:
 * in English no Japanese is left in the popup (editor and drafts list) or the
 * settings page, page and user content aside; back in Japanese every string
 * is what it was before.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { useStandInBrowser } from '../harness/suite';
import { capturedPopup, openSettings } from '../harness/views';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

/** Hiragana, Katakana, CJK ideographs, and Japanese punctuation and full-width forms. */
const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * What the page and the user wrote, not the interface: excluded with everything inside.
 * Page content: the captured page's title, its error texts and field labels, the objects it
 * names, what it logged, the fill report's values, the search words taken from its errors.
 * User content: the draft's title in the list.
 */
const contentSelectors = [
  '[data-testid="source-url"]',
  '[data-testid="error-item"] .error-text',
  '[data-testid="error-item"] .error-field',
  '[data-testid="fill-report-item"] .detail',
  '[data-testid="draft-open"]',
  '.draft-source',
  '.attachment-name',
  // The search words: the captured error's own words.
  '.search-words',
];
/** Containers whose own text (not their badges and labels) is page content. */
const ownTextContentSelectors = ['[data-testid="entity-item"]', '[data-testid="recorded-item"]'];

/**
 * Every interface string a user sees or hears on the page: visible text, each select's shown
 * option, accessible names and tooltips (`aria-label`, `title`, `alt`, `placeholder`), and the
 * document title. The values of inputs and text areas are the draft's, never listed.
 */
function interfaceStrings(page: Page): Promise<string[]> {
  return page.evaluate(
    ([content, ownText]) => {
      const excluded = [...document.querySelectorAll(content.join(','))];
      const inExcluded = (node: Node) => excluded.some((element) => element.contains(node));
      // Page and user content also shows inside interface strings ("Actions for “<title>”"): cut out.
      const userTexts = [
        ...excluded.map((element) => element.textContent ?? ''),
        ...[...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map(
          (field) => field.value,
        ),
      ]
        .map((text) => text.trim())
        .filter(Boolean)
        .sort((a, b) => b.length - a.length);
      const withoutUserText = (text: string) =>
        userTexts.reduce((rest, user) => rest.split(user).join(' '), text).trim();
      const strings: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent?.trim();
        if (!parent || !text || inExcluded(node) || parent.closest('select, textarea')) continue;
        if (ownText.some((selector) => parent.matches(selector))) continue;
        if (!parent.checkVisibility({ visibilityProperty: true })) continue;
        strings.push(text);
      }
      for (const select of document.querySelectorAll('select')) {
        if (select.checkVisibility() && !inExcluded(select))
          strings.push(select.selectedOptions[0]?.text ?? '');
      }
      for (const element of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
        if (inExcluded(element)) continue;
        for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
          const value = element.getAttribute(name);
          if (value) strings.push(withoutUserText(value));
        }
      }
      strings.push(document.title);
      return strings.filter(Boolean);
    },
    [contentSelectors, ownTextContentSelectors] as const,
  );
}

async function expectNoJapanese(page: Page, view: string): Promise<void> {
  // A reason quotes the page's own words in “…” (a breadcrumb step, an error's word): captured
  // content, left as the page wrote it.
  const left = (await interfaceStrings(page))
    .map((text) => text.replace(/“[^”]*”/g, '“”'))
    .filter((text) => japanese.test(text));
  expect(left, `Japanese left in ${view}`).toEqual([]);
}

async function chooseLanguage(settings: Page, language: 'ja' | 'en', saved: string): Promise<void> {
  await settings.getByTestId('settings-language').selectOption(language);
  await settings.getByTestId('settings-save').click();
  await expect.poll(() => settings.getByTestId('settings-notice').textContent()).toBe(saved);
}

/** The settings page asks the browser for the shortcut: its strings are complete once it answered. */
async function shortcutShown(settings: Page): Promise<void> {
  await settings.locator('[data-testid="settings-shortcut"][data-loaded="true"]').waitFor();
}

describe('the display language', () => {
  it('switches every interface string to English and back, the captured content left alone', async () => {
    const { page, popup } = await capturedPopup(browser, server.urls.appSso);
    await popup.getByTestId('attachment-item').locator('img').waitFor();
    const editorJa = await interfaceStrings(popup);
    await popup.getByTestId('drafts').click();
    await popup.getByTestId('draft-item').first().waitFor();
    const listJa = await interfaceStrings(popup);
    const settings = await openSettings(browser);
    await shortcutShown(settings);
    const settingsJa = await interfaceStrings(settings);
    // The checks below see Japanese where there is some: in Japanese, every view has plenty.
    for (const strings of [editorJa, listJa, settingsJa])
      expect(strings.filter((text) => japanese.test(text)).length).toBeGreaterThan(5);

    await chooseLanguage(settings, 'en', 'Saved.');
    await expect(settings.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expectNoJapanese(settings, 'the settings page');

    // The open popup follows the setting at once: the drafts list, then the editor.
    await expect.poll(() => popup.getByTestId('drafts').textContent()).toBe('Back to the editor');
    await expect(popup.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expectNoJapanese(popup, 'the drafts list');
    await popup.getByTestId('drafts').click();
    await popup.getByTestId('draft-title').waitFor();
    await expectNoJapanese(popup, 'the editor');

    // A draft captured in English, in a popup opened in English.
    const english = await capturedPopup(browser, server.urls.userEdit);
    await english.popup.getByTestId('attachment-item').locator('img').waitFor();
    await expectNoJapanese(english.popup, 'a new popup’s editor');
    await english.popup.getByTestId('drafts').click();
    await english.popup.getByTestId('draft-item').nth(1).waitFor();
    await expectNoJapanese(english.popup, 'a new popup’s drafts list');
    await english.popup.close();
    await english.page.close();

    await chooseLanguage(settings, 'ja', '保存しました。');
    await expect(settings.locator('html').getAttribute('lang')).resolves.toBe('ja');
    await shortcutShown(settings);
    const notice = (text: string) => text !== '保存しました。';
    await expect(interfaceStrings(settings).then((strings) => strings.filter(notice))).resolves.toEqual(
      settingsJa,
    );
    await expect.poll(() => popup.getByTestId('fill').textContent()).toBe('ヘルプセンターのフォームに入力');
    await expect(interfaceStrings(popup)).resolves.toEqual(editorJa);
    await popup.getByTestId('drafts').click();
    await popup.getByTestId('draft-item').nth(1).waitFor();
    const listBack = await interfaceStrings(popup);
    // The list now holds the English draft too: the first draft's strings are all there again.
    expect(listBack).toEqual(expect.arrayContaining(listJa));
    await settings.close();
    await popup.close();
    await page.close();
  });
});
