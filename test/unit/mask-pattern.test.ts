import { describe, expect, it } from 'vitest';
import { hasNestedRepetition, isUsableMaskPattern } from '../../lib/capture/mask-pattern';
import { redactText } from '../../lib/capture/redact';
import { maskPatternSchema } from '../../lib/schema';

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
