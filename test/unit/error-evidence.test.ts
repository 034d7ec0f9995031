import { describe, expect, it } from 'vitest';
import { colourFamily, parseColour, sameColour } from '@/lib/capture/errors-colour';
import { scoreElement } from '@/lib/capture/errors-evidence';
import { nameWords } from '@/lib/capture/words';
import { tunedCases } from '../fixtures/errors/cases';
import { figuresOf, runCase } from '../fixtures/errors/evaluate';
import { heldOutCases } from '../fixtures/errors/held-out';

describe('nameWords', () => {
  it.each([
    ['c-alert--error', ['c', 'alert', 'error']],
    ['x__message--error', ['x', 'message', 'error']],
    ['styles_error__a1B2c', ['styles', 'error']],
    ['MuiAlert-standardError', ['mui', 'alert', 'standard', 'error']],
    ['ant-form-item-explain-error', ['ant', 'form', 'item', 'explain', 'error']],
    ['css-1xsto0d', ['css']],
    ['slds-theme_error', ['slds', 'theme', 'error']],
  ])('%s', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

describe('colours', () => {
  it.each([
    ['rgb(185, 28, 28)', 'red'],
    ['rgb(254 242 242)', 'red'],
    ['#f8d7da', 'red'],
    ['#c00', 'red'],
    ['red', 'red'],
    ['rgba(220, 38, 38, 0.05)', 'neutral'],
    ['rgb(22, 101, 52)', 'green'],
    ['rgb(29, 78, 216)', 'blue'],
    ['rgb(51, 51, 51)', 'neutral'],
    ['#ffffff', 'neutral'],
    ['transparent', 'neutral'],
    ['', 'neutral'],
    ['not a colour', 'neutral'],
  ])('%s is %s', (value, family) => {
    expect(colourFamily(parseColour(value))).toBe(family);
  });

  it('tells a page whose own text is red from a red message', () => {
    expect(sameColour(parseColour('rgb(200, 0, 0)'), parseColour('#c80000'))).toBe(true);
    expect(sameColour(parseColour('rgb(200, 0, 0)'), parseColour('#333'))).toBe(false);
  });
});

describe('scoreElement', () => {
  function score(html: string, css = '') {
    document.head.innerHTML = css ? `<style>${css}</style>` : '';
    document.body.innerHTML = html;
    const element = document.body.firstElementChild!;
    return scoreElement(element, element.textContent ?? '', window);
  }

  it.each([
    ['<div role="alert">保存できませんでした</div>', ['role:alert', 'wording:できませんでした']],
    ['<div class="c-alert--error">x</div>', ['class:error']],
    ['<div style="color: #b91c1c">failed to sync</div>', ['wording:failed', 'colour:red']],
    ['<div style="background-color: #f8d7da">x</div>', ['background:red']],
    ['<div><svg aria-label="Error"></svg>x</div>', ['icon:error']],
    ['<dialog open><p>Session expired</p></dialog>', ['wording:expired', 'position:dialog']],
    ['<button class="btn-danger">Delete</button>', ['class:danger', 'against:control']],
    ['<div role="status">保存しました</div>', ['role:status', 'against:wording:保存しました']],
    ['<div class="toast toast-success">x</div>', ['class:toast', 'against:class:success']],
  ])('%s', (html, evidence) => {
    expect(score(html).evidence).toEqual(expect.arrayContaining(evidence));
  });

  it('keeps the evidence on each captured message', () => {
    const [bem] = tunedCases.filter((testCase) => testCase.name === 'c-alert--error banner');
    const result = runCase(bem!, document, window);
    expect(result.captured[0]?.evidence).toEqual(
      expect.arrayContaining(['class:alert', 'class:error', 'wording:were not saved']),
    );
  });
});

describe('the evaluation table, tuned split', () => {
  it.each(tunedCases.map((testCase) => [`${testCase.family}: ${testCase.name}`, testCase] as const))(
    '%s',
    (_name, testCase) => {
      const result = runCase(testCase, document, window);
      expect({ missed: result.missed, falseErrors: result.falseErrors }).toEqual({
        missed: [],
        falseErrors: [],
      });
    },
  );

  it('covers at least 10 design-system families, with negatives', () => {
    const families = new Set(tunedCases.map((testCase) => testCase.family));
    expect(families.size).toBeGreaterThanOrEqual(10);
    expect(tunedCases.filter((testCase) => testCase.expected.length === 0).length).toBeGreaterThanOrEqual(10);
  });

  it('holds recall at 98 % or more and false errors at 2 % or less', () => {
    const figures = figuresOf(tunedCases, document, window);
    console.info('tuned split', figures);
    expect(figures.recall).toBeGreaterThanOrEqual(0.98);
    expect(figures.falseRate).toBeLessThanOrEqual(0.02);
  });
});

describe('the evaluation table, held-out split', () => {
  // Bounds set when the split was written, before it was first run; the figures are reported as they are.
  it('finds most errors on pages never tuned for', () => {
    const figures = figuresOf(heldOutCases, document, window);
    console.info('held-out split', figures);
    expect(heldOutCases.length * 4).toBeGreaterThanOrEqual(tunedCases.length + heldOutCases.length);
    expect(figures.recall).toBeGreaterThanOrEqual(0.85);
    expect(figures.falseRate).toBeLessThanOrEqual(0.1);
  });
});
