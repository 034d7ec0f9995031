/**
 * Zendesk's article snippets and bodies are HTML (a snippet marks the
 * matched words with `<em>`). The popup shows them as plain text only:
 * tags go, character references are decoded, whitespace is collapsed.
 * Pure string work, since the service worker has no DOMParser; the result
 * is rendered as text by React, never as markup.
 */

const namedReferences: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
};

function decodeReference(whole: string, body: string): string {
  if (body.startsWith('#')) {
    const code =
      body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    // Out of range, a surrogate or NUL: the replacement character, as an HTML parser does.
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      return '\ufffd';
    return String.fromCodePoint(code);
  }
  return namedReferences[body.toLowerCase()] ?? whole;
}

/** Text of an HTML fragment: no tags, no comments, no script or style content, references decoded. */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<\/?[a-z][^>]*>?/gi, (tag) => (/^<\/?(?:em|strong|b|i|span|a|code)\b/i.test(tag) ? '' : ' '))
    .replace(/&(#\d{1,7}|#[xX][\da-fA-F]{1,6}|[a-zA-Z]{2,8});/g, decodeReference)
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `limit` characters (code points), cut at a space when one is near, with an ellipsis. */
export function shorten(text: string, limit: number): string {
  const characters = [...text];
  if (characters.length <= limit) return text;
  const cut = characters.slice(0, limit).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > limit * 0.7 ? cut.slice(0, space) : cut}…`;
}
