import { beforeEach, describe, expect, it } from 'vitest';
import { collectPageErrors, maxErrorTextLength, maxTotalErrorText } from '@/lib/capture/errors';
import { collectPageSnapshot } from '@/lib/capture/snapshot';
import type { PageError } from '@/lib/schema';

/** The errors without their evidence (test/unit/error-evidence.test.ts pins the evidence). */
function withoutEvidence(errors: PageError[]) {
  return errors.map(({ evidence: _evidence, ...error }) => error);
}

function page(html: string) {
  document.body.innerHTML = html;
  return withoutEvidence(collectPageErrors(document, window));
}

beforeEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

describe('collectPageErrors', () => {
  it.each([
    [
      'role=alert banner',
      '<div role="alert">Invalid Signature on SAML Response</div>',
      [{ kind: 'alert', text: 'Invalid Signature on SAML Response' }],
    ],
    [
      'assertive live region',
      '<div aria-live="assertive">接続がタイムアウトしました</div>',
      [{ kind: 'alert', text: '接続がタイムアウトしました' }],
    ],
    [
      'polite live region with an error',
      '<div aria-live="polite"><p>保存に失敗しました</p></div>',
      [{ kind: 'live-region', text: '保存に失敗しました' }],
    ],
    ['polite live region with good news is not an error', '<div aria-live="polite">保存しました</div>', []],
    ['empty live region', '<div aria-live="polite"></div>', []],
    [
      'class-marked error',
      '<div class="alert alert-danger">ユーザーを保存できませんでした。</div>',
      [{ kind: 'marked-error', text: 'ユーザーを保存できませんでした。' }],
    ],
    ['wrapper state class is not an error', '<div class="has-error"><label>名前</label></div>', []],
    ['hidden attribute', '<div role="alert" hidden>テンプレート</div>', []],
    ['display:none ancestor', '<div style="display:none"><p role="alert">テンプレート</p></div>', []],
    ['visibility:hidden', '<p role="alert" style="visibility:hidden">隠れた</p>', []],
    ['aria-hidden subtree', '<div aria-hidden="true"><p role="alert">装飾</p></div>', []],
    [
      'nested error is not repeated',
      '<div role="alert"><p class="error">Access Denied</p></div>',
      [{ kind: 'alert', text: 'Access Denied' }],
    ],
    [
      'the same text twice is kept once',
      '<p class="error">IdP x509 certificate expired</p><p class="error">IdP x509 certificate expired</p>',
      [{ kind: 'marked-error', text: 'IdP x509 certificate expired' }],
    ],
    [
      'whitespace folded',
      '<div role="alert">\n  SAML Response must\n   contain 1 assertion </div>',
      [{ kind: 'alert', text: 'SAML Response must contain 1 assertion' }],
    ],
    [
      'script text in an error is kept as text',
      '<div role="alert">&lt;script&gt;alert(1)&lt;/script&gt; failed</div>',
      [{ kind: 'alert', text: '<script>alert(1)</script> failed' }],
    ],
  ])('%s', (_name, html, expected) => {
    expect(page(html)).toEqual(expected);
  });

  it.each([
    [
      'warning banner',
      '<div class="alert alert-warning">証明書の有効期限が近づいています</div>',
      [{ kind: 'warning', text: '証明書の有効期限が近づいています' }],
    ],
    [
      'error toast',
      '<div class="toast">Internal provisioning error</div>',
      [{ kind: 'live-region', text: 'Internal provisioning error' }],
    ],
    ['success toast is not an error', '<div class="toast">ユーザーを保存しました</div>', []],
    [
      'alert dialog',
      '<div role="alertdialog"><p>セッションの有効期限が切れました</p></div>',
      [{ kind: 'alert', text: 'セッションの有効期限が切れました' }],
    ],
    [
      'HTTP error page by heading',
      '<h1>404 Not Found</h1><p>The page you were looking for doesn’t exist.</p>',
      [{ kind: 'http-error', text: '404 Not Found — The page you were looking for doesn’t exist.' }],
    ],
    [
      'Japanese HTTP error page',
      '<h1>ページが見つかりません</h1><p>URL をご確認ください。</p>',
      [{ kind: 'http-error', text: 'ページが見つかりません — URL をご確認ください。' }],
    ],
    ['an ordinary heading is not an error page', '<h1>Salesforce 本番</h1><p>アプリの設定</p>', []],
  ])('%s', (_name, html, expected) => {
    expect(page(html)).toEqual(expected);
  });

  it('caps the total of all messages on a pathological page', () => {
    const many = Array.from(
      { length: 30 },
      (_, index) => `<p class="error">${index} ${'x'.repeat(3000)}</p>`,
    ).join('');
    const errors = page(many);
    const total = errors.reduce((sum, error) => sum + error.text.length, 0);
    expect(total).toBeLessThanOrEqual(maxTotalErrorText + 1);
    expect(errors.length).toBeLessThan(30);
  });

  it('handles 50 000 nodes and script text without running anything', () => {
    const rows = Array.from(
      { length: 10_000 },
      (_, index) => `<tr><td>${index}</td><td>user${index}</td><td>a</td><td>b</td></tr>`,
    ).join('');
    const errors = page(
      `<table><tbody>${rows}</tbody></table><div role="alert">&lt;img src=x onerror=alert(1)&gt; failed</div>`,
    );
    expect(errors).toEqual([{ kind: 'alert', text: '<img src=x onerror=alert(1)> failed' }]);
  }, 30_000); // happy-dom walks 50 000 nodes far slower than a browser; this is a limit, not a timing check

  it('gives a form error its field label, through label[for], and skips a plain hint', () => {
    expect(
      page(`
        <label for="email">メールアドレス</label>
        <input id="email" aria-invalid="true" aria-describedby="email-error email-hint">
        <p id="email-error">メールアドレスの形式が正しくありません</p>
        <p id="email-hint">半角英数字で入力してください。</p>`),
    ).toEqual([
      { kind: 'form-field', field: 'メールアドレス', text: 'メールアドレスの形式が正しくありません' },
    ]);
  });

  it.each([
    [
      'aria-label',
      '<input aria-label="ユーザー名" aria-invalid="true" aria-describedby="e"><p id="e" class="error">使用されています</p>',
      'ユーザー名',
    ],
    [
      'aria-labelledby',
      '<span id="l">役割</span><input aria-labelledby="l" aria-invalid="true" aria-describedby="e"><p id="e">無効な値です</p>',
      '役割',
    ],
    [
      'wrapping label',
      '<label>電話番号 <input aria-invalid="true" aria-errormessage="e"></label><p id="e">invalid phone number</p>',
      '電話番号',
    ],
  ])('finds a field label by %s', (_name, html, label) => {
    expect(page(html)[0]).toMatchObject({ kind: 'form-field', field: label });
  });

  it('lists errors in page order', () => {
    const texts = page(`
      <p class="error">first failed</p>
      <div role="alert">second error</div>
      <input id="x" aria-invalid="true" aria-describedby="m"><p id="m">third is invalid</p>`).map(
      (error) => error.text,
    );
    expect(texts).toEqual(['first failed', 'second error', 'third is invalid']);
  });

  it('keeps a 1 MB message to its cap, as text', () => {
    const megabyte = `<b>${'エラー '.repeat(260_000)}</b>`;
    const holder = document.createElement('div');
    holder.setAttribute('role', 'alert');
    holder.textContent = megabyte;
    document.body.append(holder);
    const [error] = collectPageErrors(document, window);
    expect(error?.text.length).toBe(maxErrorTextLength + 1);
    expect(error?.text.startsWith('<b>エラー')).toBe(true);
  });

  it('caps a pathological message', () => {
    const [error] = page(`<div role="alert" class="error">${'エ'.repeat(maxErrorTextLength + 500)}</div>`);
    expect(error?.text.length).toBe(maxErrorTextLength + 1);
    expect(error?.text.endsWith('…')).toBe(true);
  });
});

describe('collectPageSnapshot', () => {
  it('reads url, title, heading, errors and viewport', () => {
    document.title = 'Salesforce 本番 - アプリケーション | OneLogin';
    document.body.innerHTML =
      '<h1 hidden>old</h1><h1> Salesforce 本番 </h1><div role="alert">Invalid Signature</div>';
    const snapshot = collectPageSnapshot(document, window);
    expect(snapshot).toMatchObject({
      title: 'Salesforce 本番 - アプリケーション | OneLogin',
      heading: 'Salesforce 本番',
      errors: [{ kind: 'alert', text: 'Invalid Signature' }],
    });
    expect(snapshot.viewport.width).toBeGreaterThan(0);
  });
});
