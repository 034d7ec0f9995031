import { describe, expect, it } from 'vitest';
import {
  hasNestedRepetition,
  hasOverlappingAlternation,
  isUsableMaskPattern,
  maskPatternLengthLimit,
} from '../../lib/capture/mask-pattern';
import {
  customBudgetMs,
  customBudgetRule,
  customOverlap,
  customPatternRule,
  customWindow,
  redactText,
} from '../../lib/capture/redact';
import { maskPatternSchema, maxMaskPatternLength } from '../../lib/schema';

describe('hasNestedRepetition', () => {
  it.each([
    ['(a+)+', true],
    ['(a*)*', true],
    ['(a+)*$', true],
    ['(?:x+y)+', true],
    ['(\\d+-?)+', true],
    ['((ab)+c)+', true],
    ['(a{2,})+', true],
    ['(a+){2,5}', true],
    ['(a+){3}', true],
    ['(?<part>[a-z]+)+', true],
    ['(x(a+)?)+', true],
    ['(a|b+)*', true],
  ])('%s nests a repetition', (source, expected) => {
    expect(hasNestedRepetition(source)).toBe(expected);
  });

  it.each([
    ['EMP-[0-9]+'],
    ['EMP-[0-9]{6}'],
    ['(ab)+'],
    ['(a+)?'],
    ['(a+){1}'],
    ['(a+){0,1}'],
    ['(?:EMP|EMPLOYEE)-\\d+'],
    ['[(+)]+'], // a class is one character: its `+` is a literal
    ['\\(a+\\)+'], // escaped parentheses are literals
    ['\\p{Script=Han}+'], // the braces of \p{…} are not a quantifier
    ['\\u{1F600}+'],
    ['(?<contract>C-\\d+)-x+'],
    ['(?=a+)b+'],
  ])('%s does not', (source) => {
    expect(hasNestedRepetition(source)).toBe(false);
  });
});

describe('isUsableMaskPattern and the schema refuse what could freeze a capture', () => {
  it.each([
    ['EMP-[0-9]+', true],
    ['(a+)+$', false],
    ['x*', false], // matches the empty string
    ['(unclosed', false],
  ])('%s → %s', (source, usable) => {
    expect(isUsableMaskPattern(source)).toBe(usable);
    expect(maskPatternSchema.safeParse(source).success).toBe(usable);
  });

  it('a refused pattern is never run, even when it reaches the masking from elsewhere', () => {
    // Thirty a's and a '!': (a+)+$ backtracks 2^30 ways here.
    const text = `${'a'.repeat(30)}!`;
    expect(redactText(text, 'error', { maskPatterns: ['(a+)+$'] })).toEqual({ text, redactions: [] });
  });
});

describe('hasOverlappingAlternation', () => {
  it.each([
    ['(\\d|[0-9a-f])+'], // the example: a digit starts both
    ['(a|a)*'],
    ['(a|A)+'], // patterns run case-insensitive
    ['(x|\\w)+'],
    ['(ab|ac)+'], // same first character; the engine tries both at every step
    ['((a|b)|a)+'], // an inner group's alternatives count
    ['(a?b|b)+'], // an optional first atom lets the next one start too
    ['(?:\\s|\u3000)+'], // \\s holds the ideographic space
    ['(a|\\1)+'], // a backreference: what it starts with cannot be told
    ['(a|(?=b)a)+'], // a lookahead takes no character
    ['(?<name>\\d|1)+'],
    ['(x|y|\\d|9){2,}'],
  ])('%s repeats overlapping alternatives', (source) => {
    expect(hasOverlappingAlternation(source)).toBe(true);
    expect(isUsableMaskPattern(source)).toBe(false);
    expect(maskPatternSchema.safeParse(source).success).toBe(false);
  });

  it.each([
    ['(\\w|-)+'], // apart: `-` is no word character
    ['(foo|bar)+'],
    ['([a-z]|\\d)+'],
    ['(a|b)+'],
    ['(?:EMP|EMPLOYEE)-\\d+'], // overlapping, but not repeated
    ['(a|a)b'], // once: nothing to split
    ['[(|)]+'], // a class: its `|` is a literal
    ['\\(a|a\\)+'], // escaped parentheses are literals
    ['(\u{1F600}|\u{1F601})+'],
  ])('%s does not', (source) => {
    expect(hasOverlappingAlternation(source)).toBe(false);
    expect(isUsableMaskPattern(source)).toBe(true);
  });
});

describe('the length budget of a pattern', () => {
  it('is the settings schema’s limit, checked again before a pattern runs', () => {
    expect(maskPatternLengthLimit).toBe(maxMaskPatternLength);
  });

  it.each([
    [maskPatternLengthLimit, true],
    [maskPatternLengthLimit + 1, false],
    [10_000, false],
  ])('a pattern of %i characters is usable: %s', (length, usable) => {
    const source = `EMP-${'ab '.repeat(length)}`.slice(0, length);
    expect(isUsableMaskPattern(source)).toBe(usable);
    // A policy or a stored setting that skipped the schema still never runs it.
    const text = `id ${source} end`;
    expect(redactText(text, 'error', { maskPatterns: [source] }).text === text).toBe(!usable);
  });
});

describe('the time budget of the extra patterns over one text', () => {
  it.each([
    ['a match at the start', 0],
    ['a match across a window edge', customWindow - customOverlap - 3],
    ['a match in the last window', 3 * customWindow],
  ])('finds %s', (_name, at) => {
    const text = `${'.'.repeat(at)}EMP-123456${'.'.repeat(customWindow)}`;
    const { text: masked, redactions } = redactText(text, 'error', { maskPatterns: ['EMP-\\d{6}'] });
    expect(masked).not.toContain('EMP-123456');
    expect(redactions).toEqual([{ rule: customPatternRule, where: 'error' }]);
  });

  it('masks the rest of a text, never leaves it, once the patterns ran out of time', () => {
    let clock = 0;
    // Each reading of the clock costs more than the whole budget: only the first window is scanned.
    const now = () => (clock += customBudgetMs + 1);
    const text = `EMP-111111 ${'.'.repeat(customWindow * 3)} EMP-222222`;
    const result = redactText(text, 'error', { maskPatterns: ['EMP-\\d{6}'], now });
    expect(result.text).not.toContain('EMP-222222');
    expect(result.text.startsWith('[REDACTED] ')).toBe(true);
    expect(result.redactions.map((redaction) => redaction.rule)).toEqual([
      customPatternRule,
      customBudgetRule,
    ]);
  });

  it('keeps every text when no extra pattern is set, however slow the clock', () => {
    const now = () => Number.MAX_SAFE_INTEGER * Math.random();
    const text = 'x'.repeat(customWindow * 2).replaceAll('x', 'ab ');
    expect(redactText(text, 'error', { now }).text).toBe(text);
  });
});
