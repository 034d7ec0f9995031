/**
 * Whether a mask pattern (a user's or an organisation's regular expression)
 * can be run over captured page text. JavaScript's backtracking engine takes
 * exponential time on a repetition nested inside another one, `(a+)+$` on
 * thirty `a`s and a `!` blocks the worker for seconds (the classic ReDoS
 * shape, the "star height" that safe-regex checks): such a pattern is
 * refused instead of freezing every capture. Repeated alternatives that
 * overlap, `(a|a)*` or `(\d|[0-9a-f])+`, are the other known shape (OWASP,
 * "Regular expression Denial of Service - ReDoS": "grouping with repetition
 * and alternation with overlapping") and are refused too. What neither check
 * sees (`\d*\d*\d*x`, polynomial) is bounded by the scan's windows and time
 * budget in lib/capture/redact.ts.
 */

/** Longest pattern run; the same limit as lib/schema.ts maxMaskPatternLength, checked again here before a pattern runs. */
export const maskPatternLengthLimit = 200;

/** The pattern's own opening of a group: `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`. */
const groupOpening = /^\(\?(?:[:=!]|<[=!]|<[^>]*>)/;
/** `{n}`, `{n,}` or `{n,m}`; any other `{` is a literal (or, with the u flag, a syntax error). */
const countedQuantifier = /^\{(\d+)(,(\d*))?\}/;

interface Quantifier {
  length: number;
  /** May match more than once. */
  repeats: boolean;
  /** May match no time at all. */
  optional: boolean;
}

/** The quantifier at the start of `rest` (length 0: none). */
function quantifierAt(rest: string): Quantifier {
  const first = rest[0];
  const lazy = (length: number) => (rest[length] === '?' ? length + 1 : length);
  if (first === '*') return { length: lazy(1), repeats: true, optional: true };
  if (first === '+') return { length: lazy(1), repeats: true, optional: false };
  if (first === '?') return { length: lazy(1), repeats: false, optional: true };
  const counted = countedQuantifier.exec(rest);
  if (counted) {
    const least = Number(counted[1]);
    const most = counted[2] === undefined ? least : counted[3] === '' ? Infinity : Number(counted[3]);
    return { length: lazy(counted[0].length), repeats: most > 1, optional: least === 0 };
  }
  return { length: 0, repeats: false, optional: false };
}

/** Index just past the escape that starts at `index` (`\d`, `\u{1F600}`, `\p{Letter}`, `\k<name>`). */
function pastEscape(source: string, index: number): number {
  const letter = source[index + 1];
  if ((letter === 'u' || letter === 'p' || letter === 'P') && source[index + 2] === '{') {
    const end = source.indexOf('}', index + 3);
    return end === -1 ? source.length : end + 1;
  }
  if (letter === 'k' && source[index + 2] === '<') {
    const end = source.indexOf('>', index + 3);
    return end === -1 ? source.length : end + 1;
  }
  return index + 2;
}

/** Index just past the character class that starts at `index` (the u flag has no nested classes). */
function pastClass(source: string, index: number): number {
  let position = index + 1;
  if (source[position] === '^') position += 1;
  // A `]` first in the class is a literal in JavaScript only without the u flag; with it, `[]` is empty.
  while (position < source.length && source[position] !== ']')
    position = source[position] === '\\' ? pastEscape(source, position) : position + 1;
  return position + 1;
}

/** True when some repeated part of the pattern itself holds a repetition. */
export function hasNestedRepetition(source: string): boolean {
  // One entry per open group: does anything inside it repeat?
  const groups: boolean[] = [false];
  let index = 0;
  while (index < source.length) {
    const character = source[index];
    let atomRepeatsInside = false;
    if (character === '(') {
      const opening = groupOpening.exec(source.slice(index));
      groups.push(false);
      index += opening ? opening[0].length : 1;
      continue;
    }
    if (character === ')') {
      atomRepeatsInside = groups.pop() ?? false;
      if (groups.length === 0) groups.push(false); // an unbalanced `)`: RegExp refuses the pattern anyway
      index += 1;
    } else if (character === '\\') index = pastEscape(source, index);
    else if (character === '[') index = pastClass(source, index);
    else index += 1;
    const quantifier = quantifierAt(source.slice(index));
    index += quantifier.length;
    if (quantifier.repeats && atomRepeatsInside) return true;
    if (quantifier.repeats || atomRepeatsInside) groups[groups.length - 1] = true;
  }
  return false;
}

/** Index of the `)` closing the group opened at `index`, or the end of the source. */
function closingParenthesis(source: string, index: number): number {
  let depth = 0;
  let position = index;
  while (position < source.length) {
    const character = source[position];
    if (character === '\\') position = pastEscape(source, position);
    else if (character === '[') position = pastClass(source, position);
    else {
      if (character === '(') depth += 1;
      if (character === ')' && --depth === 0) return position;
      position += 1;
    }
  }
  return source.length;
}

/** The alternatives of a group's body, split on its own `|` (not those of inner groups or classes). */
function alternatives(body: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let position = 0;
  while (position < body.length) {
    const character = body[position];
    if (character === '\\') position = pastEscape(body, position);
    else if (character === '[') position = pastClass(body, position);
    else if (character === '(') position = closingParenthesis(body, position) + 1;
    else {
      if (character === '|') {
        parts.push(body.slice(start, position));
        start = position + 1;
      }
      position += 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

const lookaround = /^\(\?<?[=!]/;

/**
 * The atoms an alternative can start with (`\d`, `[0-9a-f]`, `a`), or null
 * when that cannot be told (a backreference, an alternative that may match
 * nothing): the caller then counts it as overlapping.
 */
function firstAtoms(alternative: string): string[] | null {
  const atoms: string[] = [];
  let index = 0;
  while (index < alternative.length) {
    const character = alternative[index] ?? '';
    let end: number;
    if (character === '^' || character === '$') {
      index += 1;
      continue;
    }
    if (character === '\\') {
      end = pastEscape(alternative, index);
      const escape = alternative.slice(index, end);
      if (/^\\[bB]$/.test(escape)) {
        index = end;
        continue;
      }
      if (/^\\(?:[1-9]|k)/.test(escape)) return null;
      atoms.push(escape);
    } else if (character === '[') {
      end = pastClass(alternative, index);
      atoms.push(alternative.slice(index, end));
    } else if (character === '(') {
      const close = closingParenthesis(alternative, index);
      end = close + 1;
      if (lookaround.test(alternative.slice(index))) {
        index = end + quantifierAt(alternative.slice(end)).length;
        continue;
      }
      const opening = groupOpening.exec(alternative.slice(index));
      const inner = alternatives(alternative.slice(index + (opening ? opening[0].length : 1), close)).map(
        firstAtoms,
      );
      if (inner.some((atomsOfInner) => atomsOfInner === null)) return null;
      atoms.push(...inner.flatMap((atomsOfInner) => atomsOfInner ?? []));
    } else {
      end = index + ((alternative.codePointAt(index) ?? 0) > 0xffff ? 2 : 1);
      atoms.push(alternative.slice(index, end));
    }
    const quantifier = quantifierAt(alternative.slice(end));
    if (!quantifier.optional) return atoms;
    index = end + quantifier.length;
  }
  return null;
}

/** Characters tried against two atoms: ASCII, and letters and digits of other scripts (fullwidth, kana, kanji). */
const probes = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, offset) => String.fromCharCode(0x20 + offset)),
  ...'\t\néßあアｱ漢１Ａａ　－😀',
];

function atomMatches(atom: string): ((probe: string) => boolean) | null {
  try {
    const pattern = new RegExp(`^(?:${atom})$`, 'iu');
    return (probe) => pattern.test(probe);
  } catch {
    return null;
  }
}

/** True when some character can start both lists of atoms. */
function atomsOverlap(first: string[], second: string[]): boolean {
  const tests = [...first, ...second].map(atomMatches);
  if (tests.some((test) => test === null)) return true;
  const firstTests = tests.slice(0, first.length) as ((probe: string) => boolean)[];
  const secondTests = tests.slice(first.length) as ((probe: string) => boolean)[];
  return probes.some(
    (probe) => firstTests.some((test) => test(probe)) && secondTests.some((test) => test(probe)),
  );
}

/**
 * True when a repeated group has two alternatives that can start with the
 * same character (`(a|a)*`, `(\d|[0-9a-f])+`, `(ab|ac)+`): the engine then
 * tries every way of splitting a run between them. `(\w|-)+` and
 * `(foo|bar)+` start apart and are kept.
 */
export function hasOverlappingAlternation(source: string): boolean {
  let index = 0;
  while (index < source.length) {
    const character = source[index];
    if (character === '\\') {
      index = pastEscape(source, index);
      continue;
    }
    if (character === '[') {
      index = pastClass(source, index);
      continue;
    }
    if (character === '(' && !lookaround.test(source.slice(index))) {
      const close = closingParenthesis(source, index);
      const opening = groupOpening.exec(source.slice(index));
      if (quantifierAt(source.slice(close + 1)).repeats) {
        const options = alternatives(source.slice(index + (opening ? opening[0].length : 1), close));
        const starts = options.map(firstAtoms);
        for (let first = 0; first < starts.length; first += 1)
          for (let second = first + 1; second < starts.length; second += 1) {
            const [one, other] = [starts[first], starts[second]];
            if (!one || !other || atomsOverlap(one, other)) return true;
          }
      }
    }
    index += 1;
  }
  return false;
}

/**
 * A pattern HelpDraft will run: at most maskPatternLengthLimit characters, it compiles
 * (case-insensitive, Unicode), never matches '', nests no repetition and repeats no
 * overlapping alternatives.
 */
export function isUsableMaskPattern(source: string): boolean {
  if (source.length > maskPatternLengthLimit) return false;
  try {
    return (
      !new RegExp(source, 'iu').test('') && !hasNestedRepetition(source) && !hasOverlappingAlternation(source)
    );
  } catch {
    return false;
  }
}
