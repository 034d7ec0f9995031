/**
 * Splits a class name or an id into its words, the way people and tools
 * compose them: BEM (`c-alert--error`, `x__message--error`), kebab and snake
 * case, camelCase (`MuiAlert-standardError`) and CSS-module names whose last
 * part is a build hash (`styles_error__a1B2c`, css-loader's
 * `[name]_[local]__[hash]`, https://github.com/webpack-contrib/css-loader#localidentname).
 * lib/capture/secret-words.ts splits labels the same way for secrets.
 */

/** A build hash: letters and digits mixed (`a1B2c`, `1x9f3`), or a styled-components/emotion id. */
function isHash(part: string): boolean {
  return part.length >= 4 && /\d/.test(part) && /[a-z]/i.test(part);
}

/** The lower-case words of one class name or id; hashes and digits-only parts dropped. */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  for (const part of name.split(/[^A-Za-z0-9]+/)) {
    if (!part || isHash(part) || /^\d+$/.test(part)) continue;
    for (const word of part.replace(/([a-z])([A-Z])/g, '$1 $2').split(' ')) {
      if (word) words.push(word.toLowerCase());
    }
  }
  return words;
}

/** The words of every class and the id of an element (SVG elements have an SVGAnimatedString className). */
export function elementNameWords(element: Element): string[] {
  const words: string[] = [];
  for (const token of element.classList) words.push(...nameWords(token));
  if (element.id) words.push(...nameWords(element.id));
  return words;
}
