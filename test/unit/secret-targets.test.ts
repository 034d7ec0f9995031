import { afterEach, describe, expect, it } from 'vitest';
import { findMaskTargets, findSecretTargets, looksLikeCredential } from '@/lib/capture/secret-targets';
import { labelNamesSecret } from '@/lib/capture/secret-words';
import { extensionShadowRootReader, type ShadowRootReader } from '@/lib/capture/secret-walk';
import { keptShapes, secretShapes } from '../fixtures/secrets/shapes';

/** Fake values in the shapes of real ones (none is a live credential). */
const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const clientSecret = 'f3c9a1e07b2d48c6a5e9';
const pemBody = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj';

afterEach(() => {
  document.body.replaceChildren();
});

/** The masked texts (what each target's range or field holds), on a fixture in happy-dom (`document` scope: no layout). */
function maskedOn(html: string, reader?: ShadowRootReader, setUp?: () => void): string[] {
  document.body.innerHTML = html;
  setUp?.();
  return findMaskTargets(document, window, {
    maskEmails: false,
    scope: 'document',
    openOrClosedShadowRoot: reader,
  }).map((target) => {
    const element = target.element as HTMLInputElement;
    return element.tagName === 'INPUT' || element.tagName === 'TEXTAREA'
      ? `field:${target.rule}`
      : `${target.rule}:${element.id || element.tagName.toLowerCase()}`;
  });
}

describe('secrets found by their label', () => {
  it.each([
    [
      'a <td> beside "Client Secret"',
      `<table><tr><td>Client Secret</td><td id="v">${clientSecret}</td></tr></table>`,
    ],
    [
      'a <code> inside a <td> beside 「クライアント シークレット」',
      `<table><tr><th>クライアント シークレット</th><td><code id="v">${clientSecret}</code></td></tr></table>`,
    ],
    [
      'a cell under the column header "API Key"',
      `<table><thead><tr><th>Name</th><th>API Key</th></tr></thead><tbody><tr><td>ci</td><td id="v">${clientSecret}</td></tr></tbody></table>`,
    ],
    ['a <dd> after <dt>Private Key</dt>', `<dl><dt>Private Key</dt><dd id="v">${clientSecret}</dd></dl>`],
    ['a <dd> after 「API キー」', `<dl><dt>API キー</dt><dd id="v">${clientSecret}</dd></dl>`],
    ['a <dd> after full-width 「ＡＰＩキー」', `<dl><dt>ＡＰＩキー</dt><dd id="v">${clientSecret}</dd></dl>`],
    [
      'an unlinked label <span> then a value <span>',
      `<div><span>Client Secret</span><span id="v">${clientSecret}</span></div>`,
    ],
    ['a label and value in one text', `<p id="v">API Key: ${clientSecret}</p>`],
    ['a label and value without a colon', `<p id="v">Signing secret ${clientSecret}</p>`],
    ['a sibling <div> label', `<div>トークン</div><div id="v">${clientSecret}</div>`],
    ['aria-label', `<span id="v" aria-label="webhook secret">${clientSecret}</span>`],
    [
      'aria-labelledby',
      `<h4 id="l">アクセスキー</h4><section><p id="v" aria-labelledby="l">${clientSecret}</p></section>`,
    ],
    ['OneLogin style bearer:<token>', `<pre id="v">bearer:${clientSecret}</pre>`],
  ])('%s', (_name, html) => {
    expect(maskedOn(html)).toEqual([expect.stringMatching(/^[a-z-]+:(v|code|span|p|dd|td|pre|div)$/)]);
  });
});

describe('secrets found by their shape in joined text', () => {
  it.each([
    [
      'a bearer token split across spans',
      `<p id="v">Authorization: <span>Bearer</span> <span>9f8e7d6c5b4a</span><span>3f2e1d0c9b8a</span></p>`,
      'bearer-token',
    ],
    ['a JWT after Bearer in its own span', `<p id="v">Authorization: Bearer <span>${jwt}</span></p>`, 'jwt'],
    ['a JWT in a cell', `<table><tr><td id="v">${jwt}</td></tr></table>`, 'jwt'],
    [
      'a PEM block with every line its own <div>',
      `<div id="v"><div>-----BEGIN PRIVATE KEY-----</div><div>${pemBody}</div><div>${pemBody}</div><div>-----END PRIVATE KEY-----</div></div>`,
      'private-key',
    ],
    [
      'a PEM block in a <pre>',
      `<pre id="v">-----BEGIN RSA PRIVATE KEY-----\n${pemBody}\n-----END RSA PRIVATE KEY-----</pre>`,
      'private-key',
    ],
  ])('%s', (_name, html, rule) => {
    const masked = maskedOn(html);
    expect(masked).toHaveLength(1);
    expect(masked[0]).toMatch(new RegExp(`^${rule}:`));
  });

  it('masks a PEM block spread over lines as one range from BEGIN to END', () => {
    document.body.innerHTML = `<div id="v"><div>-----BEGIN PRIVATE KEY-----</div><div>${pemBody}</div><div>-----END PRIVATE KEY-----</div></div>`;
    const [target] = findMaskTargets(document, window, { maskEmails: false, scope: 'document' });
    expect(target?.element.id).toBe('v');
  });
});

describe('fields holding secrets', () => {
  it.each([
    ['a password field', '<input type="password" value="x">', 'password-field'],
    [
      'a revealed password by name',
      '<input type="text" name="new_password" value="hunter2hunter2">',
      'secret-field',
    ],
    [
      'a revealed password by autocomplete',
      '<input type="text" autocomplete="current-password" value="x">',
      'password-field',
    ],
    [
      'a readonly key by its linked label',
      `<label for="k">Client Secret</label><input id="k" readonly value="${clientSecret}">`,
      'secret-field',
    ],
    [
      'a readonly key by a wrapping label',
      `<label>秘密鍵 <input readonly value="${clientSecret}"></label>`,
      'secret-field',
    ],
    [
      'a readonly key in a table row',
      `<table><tr><td>API Key</td><td><input readonly value="${clientSecret}"></td></tr></table>`,
      'secret-field',
    ],
    ['a key by its value alone', `<input readonly value="Bearer ${jwt}">`, 'secret-value'],
    [
      'a textarea holding a PEM block',
      `<textarea>-----BEGIN PRIVATE KEY-----\n${pemBody}</textarea>`,
      'secret-value',
    ],
    [
      'a textarea by placeholder',
      '<textarea placeholder="証明書の秘密鍵を貼り付け"></textarea>',
      'secret-field',
    ],
  ])('%s', (_name, html, rule) => {
    expect(maskedOn(html)).toEqual([`field:${rule}`]);
  });

  it('masks a contenteditable named a secret by its box', () => {
    expect(maskedOn(`<div id="e" contenteditable="true" aria-label="API token">draft</div>`)).toEqual([
      'secret-field:e',
    ]);
  });
});

describe('what is not a secret', () => {
  it.each([
    ['a "Show secret" button', '<button>Show secret</button>'],
    ['the word "Password" as a heading', '<h2>Password</h2><p>Passwords need eight characters or more.</p>'],
    ['"API Key: (not set)"', '<p>API Key: (not set)</p>'],
    ['a label with no value', '<dl><dt>Client Secret</dt><dd>未設定</dd></dl>'],
    ['red error text', '<p style="color:red">Error 400: invalid_request (redirect_uri mismatch)</p>'],
    [
      'a token endpoint URL',
      '<dl><dt>Token Endpoint</dt><dd>https://acme.onelogin.com/oidc/2/token</dd></dl>',
    ],
    ['a date under a "Token" column', '<table><tr><th>Token</th></tr><tr><td>2026-12-04</td></tr></table>'],
    [
      'a secret in a <template>',
      `<template><dl><dt>Client Secret</dt><dd>${clientSecret}</dd></dl></template>`,
    ],
    [
      'a secret in display:none',
      `<dl style="display:none"><dt>Client Secret</dt><dd>${clientSecret}</dd></dl>`,
    ],
    ['a secret in a hidden subtree', `<div hidden><p>Bearer ${jwt}</p></div>`],
    ['a client id beside its label', `<dl><dt>Client ID</dt><dd>${clientSecret}</dd></dl>`],
    ['a hidden input', `<input type="hidden" name="client_secret" value="${clientSecret}">`],
  ])('%s', (_name, html) => {
    expect(maskedOn(html)).toEqual([]);
  });
});

describe('shadow roots and frames', () => {
  const valueInShadow = (mode: 'open' | 'closed') => {
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode });
    const list = document.createElement('dl');
    const term = document.createElement('dt');
    term.textContent = 'Client Secret';
    const value = document.createElement('dd');
    value.id = 'v';
    value.textContent = clientSecret;
    list.append(term, value);
    shadow.append(list);
    return shadow;
  };

  it('walks an open shadow root', () => {
    expect(maskedOn('<secret-box id="host"></secret-box>', undefined, () => valueInShadow('open'))).toEqual([
      'secret-label:v',
    ]);
  });

  it.each([
    ['with the browser reader', true, ['secret-label:v']],
    ['without it (not readable)', false, []],
  ])('walks a closed shadow root %s', (_name, withReader, expected) => {
    let closed: ShadowRoot | undefined;
    const reader: ShadowRootReader = (element) => (element.id === 'host' ? closed : null);
    const masked = maskedOn('<secret-box id="host"></secret-box>', withReader ? reader : undefined, () => {
      closed = valueInShadow('closed');
    });
    expect(masked).toEqual(expected);
  });

  it('labels a value in a shadow root by the <dt> around its host', () => {
    const masked = maskedOn(
      '<dl><dt>API Key</dt><dd><key-box id="host"></key-box></dd></dl>',
      undefined,
      () => {
        document.getElementById('host')!.attachShadow({ mode: 'open' }).append(clientSecret);
      },
    );
    expect(masked).toEqual(['secret-label:host']);
  });

  it('walks a same-origin frame and places its rects by the frame offset', () => {
    document.body.innerHTML = '<iframe id="f" style="padding: 4px"></iframe>';
    const frame = document.getElementById('f') as HTMLIFrameElement;
    // happy-dom loads no frame page: a same-origin document stands in for it, with its own window.
    const inner = document.implementation.createHTMLDocument('frame');
    Object.defineProperty(inner, 'defaultView', { get: () => window });
    Object.defineProperty(frame, 'contentDocument', { get: () => inner });
    inner.body.innerHTML = `<dl><dt>Client Secret</dt><dd id="v">${clientSecret}</dd></dl>`;
    frame.getBoundingClientRect = () => new DOMRect(100, 50, 300, 200);
    const value = inner.getElementById('v')!;
    const found = findSecretTargets(document, window, { maskEmails: false, scope: 'document' });
    expect(found.targets.map((target) => target.element)).toEqual([value]);
    expect(found.unreadFrames).toEqual([]);
    // The range's own rects are in the frame's viewport; measure adds where the frame's content starts.
    const original = inner.createRange().getClientRects;
    Range.prototype.getClientRects = function () {
      return [new DOMRect(10, 20, 80, 16)] as unknown as DOMRectList;
    };
    try {
      const [rect] = found.targets[0]!.measure!();
      expect([rect!.x, rect!.y, rect!.width, rect!.height]).toEqual([114, 74, 80, 16]);
    } finally {
      Range.prototype.getClientRects = original;
    }
  });

  it('reports a frame it cannot read', () => {
    document.body.innerHTML = '<iframe id="f"></iframe>';
    const frame = document.getElementById('f')!;
    Object.defineProperty(frame, 'contentDocument', { get: () => null });
    expect(
      findSecretTargets(document, window, { maskEmails: false, scope: 'document' }).unreadFrames,
    ).toEqual([frame]);
  });
});

describe('the judges', () => {
  it.each([
    [clientSecret, true],
    ['hunter2hunter2', true],
    ['correcthorsebattery', true],
    ['(not set)', false],
    ['Never', false],
    ['2026-12-04', false],
    ['https://acme.onelogin.com/token', false],
    ['未設定', false],
    ['••••••••', false],
  ])('looksLikeCredential(%j) is %s', (value, expected) => {
    expect(looksLikeCredential(value)).toBe(expected);
  });

  it.each([
    ['Client Secret', true],
    ['クライアント シークレット', true],
    ['証明書の秘密鍵', true],
    ['APIキー', true],
    ['署名シークレット', true],
    ['Webhook secret', true],
    ['new_password', true],
    ['Client ID', false],
    ['署名証明書', false],
    ['SAML Signature Algorithm', false],
  ])('labelNamesSecret(%j) is %s', (label, expected) => {
    expect(labelNamesSecret(label)).toBe(expected);
  });
});

describe('a large table', () => {
  it('judges 5000 rows in one linear pass and finds the one secret', () => {
    const rows = Array.from(
      { length: 5000 },
      (_, index) => `<tr><td>user${index}</td><td>2026-01-01</td><td>有効</td></tr>`,
    );
    rows[4321] = `<tr><td>API Key</td><td id="v">${clientSecret}</td><td>有効</td></tr>`;
    document.body.innerHTML = `<table><thead><tr><th>Name</th><th>Last seen</th><th>State</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
    const started = performance.now();
    const targets = findMaskTargets(document, window, { maskEmails: false, scope: 'document' });
    const elapsed = performance.now() - started;
    expect(targets.map((target) => target.element.id)).toEqual(['v']);
    // Not a benchmark: a generous bound that a quadratic walk (25 000 cells × labels) would break.
    expect(elapsed).toBeLessThan(5000);
  });
});

describe('the browser reader of closed shadow roots', () => {
  it.each([
    [
      'Chrome (chrome.dom.openOrClosedShadowRoot)',
      { chrome: { dom: { openOrClosedShadowRoot: () => 'root' } } },
      'root',
    ],
    ['none', {}, undefined],
  ])('%s', (_name, scope, expected) => {
    const reader = extensionShadowRootReader(scope as unknown as typeof globalThis);
    expect(reader?.(document.body)).toBe(expected);
  });
});

describe('every text shape the redactor hides gets a box on the page (one rule set for text and pixels)', () => {
  // No pre-filter stands between the page's text and the rules: each shape of the
  // issue-15 matrix (test/fixtures/secrets/shapes.ts), shown in a table cell, is masked.
  it.each(secretShapes.map((shape) => [shape.name, shape.text] as const))('%s', (_name, text) => {
    const cell = document.createElement('td');
    cell.id = 'v';
    cell.textContent = text;
    const row = document.createElement('tr');
    row.append(cell);
    const table = document.createElement('table');
    table.append(row);
    document.body.replaceChildren(table);
    const targets = findMaskTargets(document, window, { maskEmails: false, scope: 'document' });
    expect(targets.length).toBeGreaterThan(0);
  });

  it.each(keptShapes.map((shape) => [shape.name, shape.text] as const))(
    'ordinary text stays unmasked: %s',
    (_name, text) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = text;
      document.body.replaceChildren(paragraph);
      expect(findMaskTargets(document, window, { maskEmails: false, scope: 'document' })).toEqual([]);
    },
  );
});
