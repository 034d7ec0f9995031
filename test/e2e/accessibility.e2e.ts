/**
 * Accessibility of the real popup and settings page: axe-core (WCAG 2.0 and
 * 2.1, levels A and AA) finds no serious or critical violation in either
 * language, and a keyboard alone goes from the popup's first focus to a
 * filled form, every focus visible and in the visual order.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Locale } from '../../lib/schema';
import type { StandInServer } from '../fixtures/server';
import type { ExtensionBrowser } from '../harness/chromium';
import { waitForFillOutcome } from '../harness/extension';
import { useStandInBrowser } from '../harness/suite';
import {
  capturedPopup,
  openSettings,
  setLanguage,
  showDraftsList,
  uncapturablePopup,
} from '../harness/views';

let server: StandInServer;
let browser: ExtensionBrowser;
useStandInBrowser((started) => ({ server, browser } = started));

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe's serious and critical findings on the page as it is now, one line per element: the
 * violations, and what axe could not decide by itself ("incomplete"), which is reviewed here too.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself: no extra blank tab (the pages have no cross-origin frames).
  const results = await new AxeBuilder({ page }).withTags(wcagTags).setLegacyMode(true).analyze();
  const serious = (result: Result) => result.impact === 'serious' || result.impact === 'critical';
  return [
    ...results.violations.filter(serious).map((result) => ['violation', result] as const),
    ...results.incomplete.filter(serious).map((result) => ['needs review', result] as const),
  ].flatMap(([kind, result]) =>
    result.nodes.map(
      (node) => `${kind}: ${result.id} (${result.impact}) at ${node.target.join(' ')}: ${result.help}`,
    ),
  );
}

async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `axe on ${view}:\n${violations.join('\n')}`).toEqual([]);
}

describe.each<Locale>(['ja', 'en'])('axe-core, in %s', (language) => {
  it('finds nothing serious in the editor, the drafts list, a failed capture and the settings page', async () => {
    await setLanguage(browser, language);
    const { page, popup } = await capturedPopup(browser, server.urls.appSso);
    await expect(popup.locator('html').getAttribute('lang')).resolves.toBe(language);
    await popup.getByTestId('attachment-item').locator('img').waitFor();
    await expectNoSeriousViolations(popup, 'the editor with a captured draft');
    await popup.getByTestId('articles-search').click();
    await popup.getByTestId('article-result').first().waitFor();
    await expectNoSeriousViolations(popup, 'the editor with related articles found');
    await popup.getByTestId('draft-title').fill('');
    await popup.getByTestId('validation-item').waitFor();
    await expectNoSeriousViolations(popup, 'the editor with a problem to fix');
    await showDraftsList(popup);
    await expectNoSeriousViolations(popup, 'the drafts list');
    await popup.getByTestId('draft-delete').first().click();
    await expectNoSeriousViolations(popup, 'the drafts list asking to confirm a deletion');
    await popup.close();
    await page.close();

    const failed = await uncapturablePopup(browser);
    await expectNoSeriousViolations(failed.popup, 'a failed capture');
    await failed.popup.close();
    await failed.page.close();

    const settings = await openSettings(browser);
    await expect(settings.locator('html').getAttribute('lang')).resolves.toBe(language);
    await expectNoSeriousViolations(settings, 'the settings page');
    await settings.getByTestId('settings-personal-email').fill('not-an-address');
    await settings.getByTestId('settings-save').click();
    await settings.getByTestId('settings-notice').waitFor();
    await expectNoSeriousViolations(settings, 'the settings page refusing a value');
    await settings.close();
  });
});

interface FocusStop {
  /** The element's test id, else its id, else its text. */
  key: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
  focusVisible: boolean;
  outline: string;
}

/** The focused element, where it is on screen, and how its focus shows. */
function focusStop(popup: Page): Promise<FocusStop> {
  return popup.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) throw new Error('Nothing has the focus');
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return {
      key: element.dataset.testid || element.id || (element.textContent ?? '').trim(),
      top: box.top + scrollY,
      bottom: box.bottom + scrollY,
      left: box.left,
      right: box.right,
      focusVisible: element.matches(':focus-visible'),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

/** `next` comes after `previous` when read left to right, top to bottom. */
function readsAfter(previous: FocusStop, next: FocusStop): boolean {
  const sameLine = next.top < previous.bottom && previous.top < next.bottom;
  return sameLine ? next.left >= previous.right - 1 : next.top >= previous.bottom - 1;
}

describe('the keyboard alone', () => {
  it('goes from the popup’s first focus to a filled form, each focus visible and in reading order', async () => {
    await setLanguage(browser, 'ja');
    const { page, popup } = await capturedPopup(browser, server.urls.appSso);
    await popup.getByTestId('attachment-item').locator('img').waitFor();
    await expect(popup.getByTestId('answer-impact').inputValue()).resolves.toBe('minor');
    await expect(popup.getByTestId('draft-priority').inputValue()).resolves.toBe('normal');

    const stops: FocusStop[] = [];
    const tab = async (key = 'Tab') => {
      await popup.keyboard.press(key);
      const stop = await focusStop(popup);
      stops.push(stop);
      return stop.key;
    };
    const tabTo = async (wanted: string) => {
      for (let step = 0; step < 30; step += 1) if ((await tab()) === wanted) return;
      throw new Error(`Tab never reached ${wanted}: ${stops.map((stop) => stop.key).join(' → ')}`);
    };

    await tabTo('answer-impact');
    // Arrow keys change a closed native select in place; more people affected, a higher priority.
    await popup.keyboard.press('ArrowDown');
    await expect(popup.getByTestId('answer-impact').inputValue()).resolves.toBe('some-users');
    await tabTo('draft-title');
    await popup.keyboard.press('ControlOrMeta+A');
    await popup.keyboard.type('キーボードだけで書いた件名');
    // Shift+Tab goes back the same way.
    await expect(tab('Shift+Tab')).resolves.toBe('answer-summary');
    stops.pop();
    await expect(tab()).resolves.toBe('draft-title');
    stops.pop();
    await tabTo('fill');
    await expect.poll(() => popup.getByTestId('draft-priority').inputValue()).toBe('high');
    await expect.poll(() => popup.getByTestId('save-state').getAttribute('data-pending')).toBe('0');

    // The controls named here come in this order; any other control (another feature's) sits
    // between them where it reads, which the reading-order check below holds it to.
    const order = stops.map((stop) => stop.key);
    const landmarks = [
      'capture',
      'drafts',
      'open-in-tab',
      '設定',
      'answer-inquiry-type',
      'answer-impact',
      'answer-summary',
      'draft-title',
      'draft-description',
      'draft-priority',
      'draft-category',
      'draft-cc',
      'attachment-remove',
      'attachment-add',
      'fill',
    ];
    expect(order[0], 'the first focus').toBe('capture');
    expect(
      order.filter((key) => landmarks.includes(key)),
      order.join(' → '),
    ).toEqual(landmarks);
    for (const stop of stops) {
      expect(stop.focusVisible, `${stop.key} shows its focus`).toBe(true);
      expect(stop.outline, `${stop.key}'s focus outline`).toMatch(/^solid [2-9]/);
    }
    const outOfOrder = stops.slice(1).filter((stop, index) => !readsAfter(stops[index]!, stop));
    expect(
      outOfOrder.map((stop) => stop.key),
      'focus stops placed before the previous one',
    ).toEqual([]);

    const formOpened = browser.context.waitForEvent(
      'page',
      (opened) => opened.url() === server.urls.helpCenterForm,
    );
    await popup.keyboard.press('Enter');
    const form = await formOpened;
    expect(await waitForFillOutcome(browser, popup)).toMatchObject({
      subject: 'filled',
      priority: 'filled',
      description: 'filled',
      attachments: 'filled',
    });
    // The button kept the focus while the form filled (a disabled button would have dropped it).
    await expect(popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'fill',
    );
    await expect(form.inputValue('#request_subject')).resolves.toBe('キーボードだけで書いた件名');
    await expect(form.locator('#request_priority').inputValue()).resolves.toBe('high');
    await expectNoSeriousViolations(popup, 'the editor with a fill report');
    await form.close();
    await popup.close();
    await page.close();
  });
});
