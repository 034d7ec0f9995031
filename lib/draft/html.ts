/**
 * The plain-text description as HTML, for help-center forms whose 詳細
 * field is a rich-text editor. The description holds page text (error
 * messages, titles, URLs), which is untrusted: every character that could
 * open a tag or leave an attribute is escaped, and only http and https
 * addresses become links.
 */

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

/**
 * An http or https address: ASCII URL characters only, so a link stops where
 * Japanese text follows it without a space; quotes and angle brackets never
 * belong to it.
 */
const addressPattern = /\bhttps?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]+/gi;

/** Punctuation that ends a sentence rather than the address before it. */
const trailingPunctuation = /[.,;:!?]$/;

/** Drops trailing punctuation and a closing parenthesis that the address did not open. */
function trimAddress(address: string): string {
  let trimmed = address;
  for (;;) {
    const opened = trimmed.split('(').length - 1;
    const closed = trimmed.split(')').length - 1;
    if (trailingPunctuation.test(trimmed) || (trimmed.endsWith(')') && closed > opened)) {
      trimmed = trimmed.slice(0, -1);
    } else {
      return trimmed;
    }
  }
}

/** One line's text, escaped, its http and https addresses as links. */
function inlineHtml(line: string): string {
  let html = '';
  let position = 0;
  for (const match of line.matchAll(addressPattern)) {
    const address = trimAddress(match[0]);
    if (!/^https?:\/\/./i.test(address)) continue;
    html += escapeHtml(line.slice(position, match.index));
    html += `<a href="${escapeHtml(address)}">${escapeHtml(address)}</a>`;
    position = match.index + address.length;
  }
  return html + escapeHtml(line.slice(position));
}

const listItemPrefix = '- ';

/** A block's lines as runs: list items together, other lines together, in order. */
function runsOf(lines: string[]): { list: boolean; lines: string[] }[] {
  const runs: { list: boolean; lines: string[] }[] = [];
  for (const line of lines) {
    const list = line.startsWith(listItemPrefix);
    const last = runs.at(-1);
    if (last && last.list === list) last.lines.push(line);
    else runs.push({ list, lines: [line] });
  }
  return runs;
}

/**
 * Blank-line-separated blocks become paragraphs, their single line breaks
 * `<br>`; consecutive lines starting with `- ` become a bulleted list.
 */
export function descriptionToHtml(text: string): string {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0);
  return blocks
    .flatMap((lines) =>
      runsOf(lines).map((run) =>
        run.list
          ? `<ul>${run.lines.map((line) => `<li>${inlineHtml(line.slice(listItemPrefix.length))}</li>`).join('')}</ul>`
          : `<p>${run.lines.map(inlineHtml).join('<br>')}</p>`,
      ),
    )
    .join('');
}
