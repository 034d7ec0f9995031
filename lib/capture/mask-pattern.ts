/**
 * Whether a mask pattern (a user's or an organisation's regular expression)
 * can be run over captured page text. JavaScript's backtracking engine takes
 * exponential time on a repetition nested inside another one, `(a+)+$` on
 * thirty `a`s and a `!` blocks the worker for seconds (the classic ReDoS
 * shape, the "star height" that safe-regex checks): such a pattern is
 * refused instead of freezing every capture. Repeated alternatives that
 * overlap, `(a|a)*`, are the other known shape and are not detected here.
 */

/** The pattern's own opening of a group: `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`. */
const groupOpening = /^\(\?(?:[:=!]|<[=!]|<[^>]*>)/;
/** `{n}`, `{n,}` or `{n,m}`; any other `{` is a literal (or, with the u flag, a syntax error). */
const countedQuantifier = /^\{(\d+)(,(\d*))?\}/;

/** Length of the quantifier at the start of `rest` and whether it repeats (may match more than once). */
function quantifierAt(rest: string): { length: number; repeats: boolean } {
  const first = rest[0];
  const lazy = (length: number) => (rest[length] === '?' ? length + 1 : length);
  if (first === '*' || first === '+') return { length: lazy(1), repeats: true };
  if (first === '?') return { length: lazy(1), repeats: false };
  const counted = countedQuantifier.exec(rest);
  if (counted) {
    const least = Number(counted[1]);
    const most = counted[2] === undefined ? least : counted[3] === '' ? Infinity : Number(counted[3]);
    return { length: lazy(counted[0].length), repeats: most > 1 };
  }
  return { length: 0, repeats: false };
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

/** A pattern HelpDraft will run: it compiles (case-insensitive, Unicode), never matches '' and nests no repetition. */
export function isUsableMaskPattern(source: string): boolean {
  try {
    return !new RegExp(source, 'iu').test('') && !hasNestedRepetition(source);
  } catch {
    return false;
  }
}
