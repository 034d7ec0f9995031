/**
 * The React (Copenhagen v4) form filler on the stand-in's own form: the
 * fixture page's scripts (test/fixtures/standin/helpcenter/hc/assets) run in
 * happy-dom, so the filler meets the same comboboxes, chips, value tracking
 * and rich editor as in the E2E tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bytesToBase64 } from '@/lib/base64';
import { comboboxByLabel, comboboxByName, pickOption, readOptions } from '@/lib/helpcenter/combobox';
import { findReactForm } from '@/lib/helpcenter/detect';
import { setNativeValue, waitFor } from '@/lib/helpcenter/dom';
import { fillReactForm, findAttachmentsInput } from '@/lib/helpcenter/react';
import type { FillPayload } from '@/lib/schema';

const standin = path.resolve(import.meta.dirname, '../fixtures/standin/helpcenter/hc');
const page = readFileSync(path.join(standin, 'ja/requests/new-react.html'), 'utf8');
const scripts = ['assets/rich-editor.js', 'assets/new-request-form.js'].map((file) =>
  readFileSync(path.join(standin, file), 'utf8'),
);

const payload: FillPayload = {
  locale: 'ja',
  subject: '[Salesforce 本番] Invalid Signature on SAML Response',
  description: '■ 発生している事象\nSSO が失敗します',
  descriptionHtml: '<p>■ 発生している事象<br>SSO が失敗します</p>',
  priority: 'high',
  categoryTerms: ['SSO・アプリ連携', 'SSO and app connection', 'SAML'],
  cc: ['taro@example.co.jp', 'team@example.co.jp'],
  connector: '',
  attachments: [],
};

const uploads: string[] = [];

/** The stand-in's API, as the fixture server answers it. */
function fakeFetch(input: RequestInfo | URL): Promise<Response> {
  const url = String(input);
  if (url.includes('/api/v2/users/me.json')) {
    return Promise.resolve(Response.json({ user: { authenticity_token: 'csrf' } }));
  }
  const filename = new URL(url, 'https://support.onelogin.jp').searchParams.get('filename') ?? '';
  uploads.push(filename);
  return Promise.resolve(
    Response.json(
      {
        upload: {
          token: `token-${filename}`,
          attachment: { file_name: filename, content_url: 'https://x/y' },
        },
      },
      { status: 201 },
    ),
  );
}

/** Loads the fixture page's body and runs its scripts; the form renders 300 ms after `load`. */
async function renderFixture(source = page): Promise<HTMLFormElement> {
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/
    .exec(source)![1]!
    .replace(/<script src=[^>]*><\/script>/g, '');
  for (const source of scripts) new Function(source)();
  window.dispatchEvent(new Event('load'));
  await waitFor(() => findReactForm(document) !== null, 2_000);
  const form = findReactForm(document)!;
  // The rich editor arrives 150 ms after the form.
  await waitFor(() => form.querySelector('.ck-editor__editable') !== null, 1_000);
  return form;
}

beforeEach(() => {
  uploads.length = 0;
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

function hidden(form: HTMLFormElement, name: string): string[] {
  return [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)].map((input) => input.value);
}

describe('the stand-in React form models what the filler must get past', () => {
  it('loses a plain value assignment on the next re-render, keeps one through the native setter', async () => {
    const form = await renderFixture();
    const subject = form.querySelector<HTMLInputElement>('[name="request[subject]"]')!;
    subject.value = 'plain';
    subject.dispatchEvent(new Event('input', { bubbles: true }));
    await pickOption(comboboxByName(form, 'request[priority]')!, ['低'], { expected: 'low' });
    expect(subject.value).toBe('');
    setNativeValue(subject, 'native');
    await pickOption(comboboxByName(form, 'request[priority]')!, ['高'], { expected: 'high' });
    expect(subject.value).toBe('native');
  });

  it('has options only while a combobox is open, and finds comboboxes by label', async () => {
    const form = await renderFixture();
    const category = comboboxByLabel(form, /お問い合わせ内容/)!;
    expect(category.input?.name).toBe('request[custom_fields][360011111111]');
    expect(readOptions(category)).toEqual([]);
    category.trigger.click();
    await waitFor(() => readOptions(category).length > 0, 1_000);
    // The empty option's hidden helper text stays out of its label.
    expect(readOptions(category).map((option) => option.label)).toContain('SSO・アプリ連携');
  });
});

describe('fillReactForm', () => {
  it('fills every field kind and leaves the connector field alone', async () => {
    const form = await renderFixture();
    const report = await fillReactForm(form, payload, { editorWaitMs: 500 });
    expect(report).toEqual([
      { field: 'cc', status: 'filled', detail: 'taro@example.co.jp, team@example.co.jp' },
      { field: 'category', status: 'filled', detail: 'SSO・アプリ連携' },
      { field: 'priority', status: 'filled', detail: '高' },
      { field: 'subject', status: 'filled', detail: payload.subject },
      { field: 'description', status: 'filled', detail: payload.description },
      { field: 'connector', status: 'skipped', detail: '' },
      { field: 'attachments', status: 'skipped', detail: '' },
    ]);
    expect(hidden(form, 'request[collaborators][]')).toEqual(payload.cc);
    expect(hidden(form, 'request[custom_fields][360011111111]')).toEqual(['onelogin_sso']);
    expect(hidden(form, 'request[priority]')).toEqual(['high']);
    expect(hidden(form, 'request[custom_fields][360022222222]')).toEqual(['']);
    expect(form.querySelector<HTMLInputElement>('[name="request[subject]"]')!.value).toBe(payload.subject);
  });

  it.each([
    ['low', '低'],
    ['normal', '普通'],
    ['high', '高'],
    ['urgent', '緊急'],
  ] as const)('picks priority %s by its label %s and checks the hidden value', async (priority, label) => {
    const form = await renderFixture();
    const report = await fillReactForm(form, { ...payload, priority });
    expect(report.find((item) => item.field === 'priority')).toEqual({
      field: 'priority',
      status: 'filled',
      detail: label,
    });
    expect(hidden(form, 'request[priority]')).toEqual([priority]);
  });

  it.each([
    ['', 'skipped', ''],
    ['free', 'filled', 'connector_request_free'],
    ['paid', 'filled', 'connector_request_paid'],
  ] as const)('connector request %j: %s', async (connector, status, value) => {
    const form = await renderFixture();
    const report = await fillReactForm(form, { ...payload, connector });
    expect(report.find((item) => item.field === 'connector')?.status).toBe(status);
    expect(hidden(form, 'request[custom_fields][360022222222]')).toEqual([value]);
  });

  it('chooses the form’s その他 for a category no option matches, and says so', async () => {
    const form = await renderFixture();
    const report = await fillReactForm(form, { ...payload, categoryTerms: ['存在しない'] });
    expect(report.find((item) => item.field === 'category')).toEqual({
      field: 'category',
      status: 'filled',
      detail: 'その他',
      warning: 'other-option',
    });
    expect(hidden(form, 'request[custom_fields][360011111111]')).toEqual(['onelogin_other']);
  });

  it('reports a category as rejected when the form has neither a match nor その他, and closes the listbox', async () => {
    const withoutOther = page.replace(/,\s*\{ "name": "その他", "value": "onelogin_other" \}/, '');
    expect(withoutOther).not.toContain('"onelogin_other"');
    const form = await renderFixture(withoutOther);
    const report = await fillReactForm(form, { ...payload, categoryTerms: ['存在しない'] });
    expect(report.find((item) => item.field === 'category')).toEqual({
      field: 'category',
      status: 'rejected',
      detail: '存在しない',
    });
    expect(hidden(form, 'request[custom_fields][360011111111]')).toEqual(['']);
    expect(comboboxByLabel(form, /お問い合わせ内容/)!.trigger.getAttribute('aria-expanded')).toBe('false');
  });

  it('pastes the description into the editor when the MAIN world did not fill it', async () => {
    const form = await renderFixture();
    await fillReactForm(form, payload);
    const editable = form.querySelector('.ck-editor__editable')!;
    expect(editable.querySelector('p')?.textContent).toBe('■ 発生している事象SSO が失敗します');
  });

  it('falls back to the textarea (native setter) when the form has no editor', async () => {
    const form = await renderFixture();
    form.querySelector('.ck-editor')?.remove();
    form.querySelector<HTMLInputElement>('[name="request[description_mimetype]"]')!.value = 'text/plain';
    const report = await fillReactForm(form, payload);
    expect(report.find((item) => item.field === 'description')?.status).toBe('filled');
    expect(form.querySelector('textarea')!.value).toBe(payload.description);
  });

  it('hands the screenshot to the attachments input, not the editor’s image button', async () => {
    const form = await renderFixture();
    const input = findAttachmentsInput(form)!;
    expect(input.closest('.ck-editor')).toBeNull();
    expect(form.querySelectorAll('input[type=file]')).toHaveLength(2);
    const attachment = { name: 'shot.png', type: 'image/png', base64: bytesToBase64(new Uint8Array([1, 2])) };
    const report = await fillReactForm(form, { ...payload, attachments: [attachment] });
    expect(report.at(-1)).toEqual({ field: 'attachments', status: 'filled', detail: 'shot.png' });
    expect(uploads).toEqual(['shot.png']);
    expect(hidden(form, 'request[attachments][]').map((value) => JSON.parse(value).id)).toEqual([
      'token-shot.png',
    ]);
  });

  it('reports fields the form lacks as not found', async () => {
    const form = await renderFixture();
    for (const label of ['CC', '優先度', '添付ファイル']) {
      [...form.querySelectorAll('label')]
        .find((element) => element.textContent?.startsWith(label))!
        .closest('.field')!
        .remove();
    }
    const report = await fillReactForm(form, payload);
    expect(report.filter((item) => item.status === 'not-found').map((item) => item.field)).toEqual([
      'cc',
      'priority',
      'attachments',
    ]);
  });
});
