import { beforeEach, describe, expect, it } from 'vitest';
import { bytesToBase64 } from '@/lib/base64';
import { fillClassicForm, findClassicForm } from '@/lib/helpcenter/classic';
import { matchOption } from '@/lib/helpcenter/fields';
import { fillRequestForm } from '@/lib/helpcenter/fill';
import { fillPanelHostId } from '@/lib/helpcenter/panel';
import type { FillPayload } from '@/lib/schema';

const categoryOptions = JSON.stringify([
  { label: '-', value: '' },
  { label: 'SSO・アプリ連携', value: 'onelogin_sso' },
  { label: 'ユーザー・プロビジョニング', value: 'onelogin_provisioning' },
  { label: 'その他', value: 'onelogin_other' },
]);
const connectorOptions = JSON.stringify([
  { label: '-', value: '' },
  { label: '無償リクエスト', value: 'connector_request_free' },
  { label: '有償カスタム対応', value: 'connector_request_paid' },
]);

/** The classic form's markup as docs/HELPCENTER-FORM.md describes it, without the page's scripts. */
const classicForm = `
  <form id="new_request" class="request-form" action="/hc/ja/requests" method="post">
    <div class="form-field request_cc_emails"><label for="request_collaborators_">CC(オプション)</label>
      <input type="text" id="request_collaborators_" name="request[collaborators][]"></div>
    <label id="request_custom_fields_111_label">お問い合わせ内容</label>
    <input type="hidden" id="request_custom_fields_111" name="request[custom_fields][111]" data-tagger='${categoryOptions}'><a class="nesty-input">-</a>
    <label for="request_priority">優先度(オプション)</label>
    <select id="request_priority" name="request[priority]" hidden>
      <option value="">-</option><option value="low">低</option><option value="normal">普通</option>
      <option value="high">高</option><option value="urgent">緊急</option>
    </select><a class="nesty-input">-</a>
    <div class="form-field request_subject"><label for="request_subject">タイトル</label>
      <input id="request_subject" name="request[subject]" maxlength="150"></div>
    <label for="request_description">詳細</label>
    <textarea id="request_description" name="request[description]" data-helper="wysiwyg"></textarea>
    <label id="request_custom_fields_222_label">(OneLogin) コネクタ追加リクエスト(オプション)</label>
    <input type="hidden" id="request_custom_fields_222" name="request[custom_fields][222]" data-tagger='${connectorOptions}'><a class="nesty-input">-</a>
    <div id="upload-dropzone"><input type="file" multiple id="request-attachments" data-fileupload></div>
    <ul id="request-attachments-pool"></ul>
    <footer><input type="submit" name="commit" value="送信"></footer>
  </form>`;

const payload: FillPayload = {
  locale: 'ja',
  subject: '[Salesforce 本番] Invalid Signature on SAML Response',
  description: '■ 発生している事象\n…',
  descriptionHtml: '<p>■ 発生している事象<br>…</p>',
  priority: 'high',
  categoryTerms: ['SSO・アプリ連携', 'SSO and app connection', 'SAML'],
  cc: ['taro@example.co.jp', 'team@example.co.jp'],
  connector: '',
  attachments: [],
};

/** Plays the page's uploader: each file it receives becomes a hidden token input. */
function acceptUploads(form: HTMLFormElement) {
  form.querySelector('#request-attachments')!.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    for (const file of input.files ?? []) {
      const token = document.createElement('input');
      token.type = 'hidden';
      token.name = 'request[attachments][]';
      token.value = `token-${file.name}`;
      form.querySelector('#request-attachments-pool')!.append(token);
    }
  });
}

beforeEach(() => {
  document.body.innerHTML = classicForm;
});

function form() {
  return findClassicForm(document)!;
}

describe('fillClassicForm', () => {
  it('fills every field it is given and leaves the connector field alone', async () => {
    const report = await fillClassicForm(form(), payload);
    expect(report).toEqual([
      { field: 'cc', status: 'filled', detail: 'taro@example.co.jp, team@example.co.jp' },
      { field: 'category', status: 'filled', detail: 'SSO・アプリ連携' },
      { field: 'priority', status: 'filled', detail: '高' },
      { field: 'subject', status: 'filled', detail: payload.subject },
      { field: 'description', status: 'filled', detail: payload.description },
      { field: 'connector', status: 'skipped', detail: '' },
      { field: 'attachments', status: 'skipped', detail: '' },
    ]);
    expect((document.querySelector('#request_custom_fields_111') as HTMLInputElement).value).toBe(
      'onelogin_sso',
    );
    expect(document.querySelector('#request_custom_fields_111 + a.nesty-input')?.textContent).toBe(
      'SSO・アプリ連携',
    );
    expect(document.querySelector('#request_priority + a.nesty-input')?.textContent).toBe('高');
    expect((document.querySelector('#request_custom_fields_222') as HTMLInputElement).value).toBe('');
  });

  it.each([
    ['free', 'connector_request_free', '無償リクエスト'],
    ['paid', 'connector_request_paid', '有償カスタム対応'],
  ] as const)('sets the connector field for a %s connector request', async (connector, value, label) => {
    const report = await fillClassicForm(form(), { ...payload, connector });
    expect(report.find((item) => item.field === 'connector')).toEqual({
      field: 'connector',
      status: 'filled',
      detail: label,
    });
    expect((document.querySelector('#request_custom_fields_222') as HTMLInputElement).value).toBe(value);
  });

  it('cuts the subject to the field’s maxlength', async () => {
    await fillClassicForm(form(), { ...payload, subject: 'あ'.repeat(200) });
    expect((document.querySelector('#request_subject') as HTMLInputElement).value).toBe('あ'.repeat(150));
  });

  it('chooses the form’s その他 for a category no option matches, and says so', async () => {
    const report = await fillClassicForm(form(), { ...payload, categoryTerms: ['存在しない'] });
    expect(report.find((item) => item.field === 'category')).toEqual({
      field: 'category',
      status: 'filled',
      detail: 'その他',
      warning: 'other-option',
    });
    expect(document.querySelector<HTMLInputElement>('#request_custom_fields_111')!.value).toBe(
      'onelogin_other',
    );
  });

  it('reports a category as rejected when the form has neither a match nor その他, leaving it unset', async () => {
    const control = document.querySelector<HTMLInputElement>('#request_custom_fields_111')!;
    control.dataset.tagger = JSON.stringify([
      { label: '-', value: '' },
      { label: 'SSO・アプリ連携', value: 'onelogin_sso' },
    ]);
    const report = await fillClassicForm(form(), { ...payload, categoryTerms: ['存在しない'] });
    expect(report.find((item) => item.field === 'category')).toEqual({
      field: 'category',
      status: 'rejected',
      detail: '存在しない',
    });
    expect(control.value).toBe('');
  });

  it('reports fields the form lacks as not found', async () => {
    document.querySelector('.request_subject')!.remove();
    document.querySelector('#request_priority')!.remove();
    const report = await fillClassicForm(form(), payload);
    expect(report.filter((item) => item.status === 'not-found').map((item) => item.field)).toEqual([
      'priority',
      'subject',
    ]);
  });

  it('finds a renamed field by its label', async () => {
    document.querySelector('#request_subject')!.setAttribute('name', 'renamed');
    await fillClassicForm(form(), payload);
    expect((document.querySelector('#request_subject') as HTMLInputElement).value).toBe(payload.subject);
  });

  it('hands files to the form’s own input and waits for the page’s upload tokens', async () => {
    acceptUploads(form());
    const attachment = {
      name: 'shot.png',
      type: 'image/png',
      base64: bytesToBase64(new Uint8Array([1, 2, 3])),
    };
    const report = await fillClassicForm(form(), { ...payload, attachments: [attachment] });
    expect(report.at(-1)).toEqual({ field: 'attachments', status: 'filled', detail: 'shot.png' });
    expect(document.querySelectorAll('input[name="request[attachments][]"]')).toHaveLength(1);
  });

  it('reports an upload the page never accepts as rejected', async () => {
    const attachment = { name: 'shot.png', type: 'image/png', base64: bytesToBase64(new Uint8Array([1])) };
    const report = await fillClassicForm(
      form(),
      { ...payload, attachments: [attachment] },
      { uploadTimeoutMs: 100 },
    );
    expect(report.at(-1)).toEqual({ field: 'attachments', status: 'rejected', detail: 'shot.png' });
  });
});

describe('fillRequestForm', () => {
  it('says so when the page is not a request form', async () => {
    document.body.innerHTML = '<h1>サインイン</h1><form id="login"></form>';
    await expect(fillRequestForm(document, payload, { settleMs: 0 })).resolves.toEqual({
      error: { code: 'not-a-request-form', detail: 'not-a-form' },
    });
  });

  it('shows what was filled in a shadow-root panel, as text', async () => {
    const result = await fillRequestForm(document, { ...payload, subject: '<img src=x onerror=alert(1)>' });
    expect(result).toHaveProperty('items');
    const host = document.getElementById(fillPanelHostId)!;
    expect(host.shadowRoot?.querySelectorAll('li[data-status="filled"]')).toHaveLength(5);
    expect(host.shadowRoot?.querySelector('img')).toBeNull();
    expect(host.shadowRoot?.textContent).toContain('HelpDraft が入力した内容');
  });
});

describe('matchOption', () => {
  const options = [
    { label: '-', value: '' },
    { label: 'SSO', value: 'sso' },
    { label: 'SSO・アプリ連携', value: 'sso_apps' },
    { label: 'ｱﾌﾟﾘ その他', value: 'apps_other' },
  ];
  it.each([
    [['SSO・アプリ連携'], 'sso_apps'],
    [['sso'], 'sso'],
    [['アプリ連携'], 'sso_apps'],
    [['アプリ'], 'sso_apps'],
    [['-'], undefined],
    [[''], undefined],
    [['nothing'], undefined],
  ])('%j → %s', (terms, value) => {
    expect(matchOption(options, terms)?.value).toBe(value);
  });
});
