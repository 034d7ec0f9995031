import { describe, expect, it } from 'vitest';
import { findMaskTargets } from '@/lib/capture/masks';

/** The screenshot masks on a fixture document (happy-dom; `document` scope needs no layout). */
function targetsOn(html: string, maskPatterns: string[], maskEmails = false) {
  document.body.innerHTML = html;
  return findMaskTargets(document, window, { maskEmails, maskPatterns, scope: 'document' }).map((target) => ({
    rule: target.rule,
    element: target.element.id,
  }));
}

describe('screenshot masks for extra patterns', () => {
  it.each([
    ['a text node', '<p id="p">社員 EMP-123456 の同期に失敗</p>', [{ rule: 'custom-pattern', element: 'p' }]],
    [
      'two matches in one text',
      '<p id="p">EMP-1, EMP-2</p>',
      [
        { rule: 'custom-pattern', element: 'p' },
        { rule: 'custom-pattern', element: 'p' },
      ],
    ],
    ['an input value', '<input id="i" value="EMP-42">', [{ rule: 'custom-pattern', element: 'i' }]],
    ['a short text that matches', '<b id="b">EMP-7</b>', [{ rule: 'custom-pattern', element: 'b' }]],
    ['nothing that matches', '<p id="p">ordinary text</p>', []],
  ])('%s', (_name, html, expected) => {
    expect(targetsOn(html, ['EMP-[0-9]+'])).toEqual(expected);
  });

  it('changes nothing without patterns', () => {
    expect(targetsOn('<p id="p">社員 EMP-123456</p>', [])).toEqual([]);
  });
});
