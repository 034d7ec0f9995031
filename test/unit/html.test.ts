/**
 * The description as HTML for rich-text editors. The description carries
 * page text, which is untrusted: whatever a page puts in an error message
 * must come out as text, never as markup, script or a script link.
 */
import { describe, expect, it } from 'vitest';
import { buildFillPayload } from '@/lib/background/fill-draft';
import { composeDescription } from '@/lib/draft/compose';
import { descriptionToHtml, escapeHtml } from '@/lib/draft/html';
import { defaultSettings } from '@/lib/schema';
import { makeCapture, makeDraft } from './fixtures';

describe('escapeHtml', () => {
  it.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
    ['&lt;', '&amp;lt;'],
    ['日本語 plain', '日本語 plain'],
  ])('%s → %s', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});

describe('descriptionToHtml structure', () => {
  it.each([
    ['nothing', '', ''],
    ['only blank lines', '\n \n\n', ''],
    ['one line', '詳細', '<p>詳細</p>'],
    ['single line breaks', '■ 発生箇所\nURL なし\n画面: 設定', '<p>■ 発生箇所<br>URL なし<br>画面: 設定</p>'],
    ['blank-line-separated blocks', 'first\n\nsecond\n\n\n\nthird', '<p>first</p><p>second</p><p>third</p>'],
    ['a blank line holding spaces', 'first\n  \t\nsecond', '<p>first</p><p>second</p>'],
    ['Windows line breaks', 'first\r\nsecond\r\n\r\nthird', '<p>first<br>second</p><p>third</p>'],
    ['a list', '- a\n- b', '<ul><li>a</li><li>b</li></ul>'],
    [
      'a heading above its list, as the templates write them',
      '■ エラーメッセージ(全文)\n- Invalid Signature\n- 形式が正しくありません',
      '<p>■ エラーメッセージ(全文)</p><ul><li>Invalid Signature</li><li>形式が正しくありません</li></ul>',
    ],
    [
      'text, list, text in one block',
      'before\n- item\nafter',
      '<p>before</p><ul><li>item</li></ul><p>after</p>',
    ],
    ['a dash without a space is text', '-5 度\n--', '<p>-5 度<br>--</p>'],
    ['lists in separate blocks stay separate', '- a\n\n- b', '<ul><li>a</li></ul><ul><li>b</li></ul>'],
  ])('%s', (_name, text, expected) => {
    expect(descriptionToHtml(text)).toBe(expected);
  });
});

describe('descriptionToHtml links', () => {
  it.each([
    [
      'an https address',
      'URL: https://acme.onelogin.com/apps/1/edit#sso',
      '<p>URL: <a href="https://acme.onelogin.com/apps/1/edit#sso">https://acme.onelogin.com/apps/1/edit#sso</a></p>',
    ],
    [
      'an http address in a list item',
      '- GET http://127.0.0.1:1/x → 502',
      '<ul><li>GET <a href="http://127.0.0.1:1/x">http://127.0.0.1:1/x</a> → 502</li></ul>',
    ],
    [
      'an ampersand in the query, escaped in the attribute and the text',
      'https://x.example/?a=1&b=2',
      '<p><a href="https://x.example/?a=1&amp;b=2">https://x.example/?a=1&amp;b=2</a></p>',
    ],
    [
      'an address followed by Japanese text without a space',
      'https://x.example/aの画面',
      '<p><a href="https://x.example/a">https://x.example/a</a>の画面</p>',
    ],
    [
      'sentence punctuation after the address',
      'See https://x.example/a.',
      '<p>See <a href="https://x.example/a">https://x.example/a</a>.</p>',
    ],
    [
      'a parenthesis the address did not open',
      '(https://x.example/a)',
      '<p>(<a href="https://x.example/a">https://x.example/a</a>)</p>',
    ],
    [
      'a parenthesis the address opened',
      'https://x.example/wiki/A_(B)',
      '<p><a href="https://x.example/wiki/A_(B)">https://x.example/wiki/A_(B)</a></p>',
    ],
    ['a scheme with no address', 'https:// only', '<p>https:// only</p>'],
    ['another scheme', 'ftp://x.example/a mailto:a@x.example', '<p>ftp://x.example/a mailto:a@x.example</p>'],
  ])('%s', (_name, text, expected) => {
    expect(descriptionToHtml(text)).toBe(expected);
  });
});

/** Parses the HTML as a browser would, to see what it really does. */
function parsed(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

describe('descriptionToHtml keeps untrusted page text inert', () => {
  it.each([
    ['a script tag', '<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    [
      'an image with onerror',
      '<img src=x onerror="alert(1)">',
      '<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>',
    ],
    ['a javascript: URL', 'javascript:alert(document.cookie)', '<p>javascript:alert(document.cookie)</p>'],
    [
      'a javascript: URL written as a link',
      '<a href="javascript:alert(1)">click</a>',
      '<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;</p>',
    ],
    [
      'a double quote breaking out of the link attribute',
      'https://x.example/"onmouseover="alert(1)',
      '<p><a href="https://x.example/">https://x.example/</a>&quot;onmouseover=&quot;alert(1)</p>',
    ],
    [
      'a single quote breaking out of the link attribute',
      "https://x.example/' onmouseover='alert(1)",
      '<p><a href="https://x.example/">https://x.example/</a>&#39; onmouseover=&#39;alert(1)</p>',
    ],
    [
      'an angle bracket closing the link early',
      'https://x.example/><script>alert(1)</script>',
      '<p><a href="https://x.example/">https://x.example/</a>&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    ],
    [
      'an https address hidden after javascript:',
      'javascript:https://x.example/',
      '<p>javascript:<a href="https://x.example/">https://x.example/</a></p>',
    ],
    [
      'markup in a list item',
      '- <iframe src="https://evil.example/"></iframe>',
      '<ul><li>&lt;iframe src=&quot;<a href="https://evil.example/">https://evil.example/</a>&quot;&gt;&lt;/iframe&gt;</li></ul>',
    ],
    ['an already escaped entity', '&lt;b&gt;', '<p>&amp;lt;b&amp;gt;</p>'],
  ])('%s', (_name, text, expected) => {
    const html = descriptionToHtml(text);
    expect(html).toBe(expected);
    const tree = parsed(html);
    // Only the markup HelpDraft writes, with no attribute but an http(s) href.
    for (const element of tree.querySelectorAll('*')) {
      expect(['P', 'BR', 'UL', 'LI', 'A']).toContain(element.tagName);
      expect(element.getAttributeNames().filter((name) => name !== 'href')).toEqual([]);
    }
    for (const link of tree.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
    // And the page's text reads as it was written.
    expect(tree.textContent).toBe(text.replace(/^- /, ''));
  });
});

describe('the fill payload', () => {
  it('carries the description as HTML beside the plain text', async () => {
    const description = composeDescription(
      makeCapture({ errors: [{ kind: 'alert', text: '<img src=x onerror=alert(1)>' }] }),
      [],
      'ja',
    );
    const payload = await buildFillPayload(makeDraft({ description }), defaultSettings);
    expect(payload.description).toBe(description);
    expect(payload.descriptionHtml).toBe(descriptionToHtml(description));
    expect(payload.descriptionHtml).toContain(
      '<p>■ エラーメッセージ(全文)</p><ul><li>&lt;img src=x onerror=alert(1)&gt;</li></ul>',
    );
  });
});
