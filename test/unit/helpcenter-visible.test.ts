/**
 * The filler prefers visible controls and never fills a hidden one that shadows a visible one
 * with the same name or label; it reports such a field (issue 15, item 5; lib/helpcenter/visible.ts).
 * happy-dom has no layout, so sizes and positions are checked in test/e2e/hardening.e2e.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fillClassicForm } from '@/lib/helpcenter/classic';
import { showFillPanel } from '@/lib/helpcenter/panel';
import { fillReactForm } from '@/lib/helpcenter/react';
import { chooseControl, isControlShown } from '@/lib/helpcenter/visible';
import { translatorFor } from '@/lib/i18n';
import { fillReportItemSchema, type FillPayload } from '@/lib/schema';

const payload: FillPayload = {
  locale: 'ja',
  subject: '[Salesforce 本番] Invalid Signature on SAML Response',
  description: '■ 発生している事象\n…',
  descriptionHtml: '<p>■ 発生している事象<br>…</p>',
  priority: 'high',
  categoryTerms: [],
  cc: [],
  connector: '',
  attachments: [],
};

beforeEach(() => {
  document.body.innerHTML = '';
});

function form(html: string): HTMLFormElement {
  document.body.innerHTML = `<form>${html}</form>`;
  return document.querySelector('form')!;
}

describe('isControlShown', () => {
  it.each([
    ['a plain input', '<input id="c">', true],
    ['type=hidden', '<input id="c" type="hidden">', false],
    ['the hidden attribute', '<input id="c" hidden>', false],
    ['inside a hidden block', '<div hidden><input id="c"></div>', false],
    ['inside aria-hidden', '<div aria-hidden="true"><input id="c"></div>', false],
    ['inside inert', '<div inert><input id="c"></div>', false],
    ['display: none', '<input id="c" style="display: none">', false],
    ['an ancestor display: none', '<div style="display: none"><input id="c"></div>', false],
    ['visibility: hidden', '<input id="c" style="visibility: hidden">', false],
    ['transparent', '<input id="c" style="opacity: 0">', false],
    ['an ancestor transparent', '<div style="opacity: 0"><input id="c"></div>', false],
    ['half transparent', '<input id="c" style="opacity: 0.5">', true],
  ])('%s: %s', (_name, html, shown) => {
    document.body.innerHTML = html;
    expect(isControlShown(document.getElementById('c')!)).toBe(shown);
  });
});

describe('chooseControl', () => {
  it.each([
    ['only a visible one', '<input id="a">', 'a', false],
    ['a hidden one before the visible one', '<input id="a" type="hidden"><input id="b">', 'b', true],
    ['a hidden one after the visible one', '<input id="a"><input id="b" style="display:none">', 'a', true],
    ['only hidden ones (a Zendesk nesty field)', '<select id="a" hidden></select>', 'a', false],
    ['two visible ones: the first', '<input id="a"><input id="b">', 'a', false],
    ['none', '', null, false],
  ])('%s', (_name, html, chosen, shadowed) => {
    document.body.innerHTML = html;
    const result = chooseControl([...document.body.querySelectorAll('input, select')]);
    expect({ chosen: result.control?.id ?? null, shadowed: result.shadowed }).toEqual({ chosen, shadowed });
  });
});

const visibleSubject =
  '<label for="subject">タイトル</label><input id="subject" name="request[subject]" maxlength="150">';
const visibleDescription =
  '<label for="description">詳細</label><textarea id="description" name="request[description]"></textarea>';

describe('filling a form with hidden shadows', () => {
  it.each([
    [
      'classic: a hidden input with the subject’s name, before the visible one',
      'classic',
      `<input type="hidden" id="shadow" name="request[subject]">${visibleSubject}${visibleDescription}`,
      'subject',
    ],
    [
      'classic: a display:none input labelled タイトル, before the visible one',
      'classic',
      `<label for="shadow">タイトル</label><input id="shadow" style="display:none">${visibleSubject}${visibleDescription}`,
      'subject',
    ],
    [
      'classic: a description textarea in a display:none block',
      'classic',
      `${visibleSubject}<div style="display:none"><textarea id="shadow" name="request[description]"></textarea></div>${visibleDescription}`,
      'description',
    ],
    [
      'React: a transparent subject input before the visible one',
      'react',
      `<input id="shadow" name="request[subject]" style="opacity:0">${visibleSubject}${visibleDescription}`,
      'subject',
    ],
  ] as const)('%s', async (_name, generation, html, field) => {
    const element = form(
      `${html}<input type="hidden" name="request[description_mimetype]" value="text/plain">`,
    );
    const fill = generation === 'classic' ? fillClassicForm : fillReactForm;
    const items = await fill(element, payload, { editorWaitMs: 0, uploadTimeoutMs: 0 });
    const shadow = element.querySelector<HTMLInputElement>('#shadow')!;
    expect(shadow.value).toBe('');
    const item = items.find((candidate) => candidate.field === field);
    expect(item).toMatchObject({ status: 'filled', warning: 'hidden-duplicate' });
    expect(fillReportItemSchema.safeParse(item).success).toBe(true);
    const visible = element.querySelector<HTMLInputElement>(`#${field}`)!;
    expect(visible.value).toBe(field === 'subject' ? payload.subject : payload.description);
    // The other fields carry no warning.
    expect(items.filter((candidate) => candidate.warning).map((candidate) => candidate.field)).toEqual([
      field,
    ]);
  });

  it('an ordinary form: no warning', async () => {
    const items = await fillClassicForm(form(`${visibleSubject}${visibleDescription}`), payload, {
      editorWaitMs: 0,
      uploadTimeoutMs: 0,
    });
    expect(items.some((item) => item.warning)).toBe(false);
  });
});

describe('the on-page panel', () => {
  it.each(['ja', 'en'] as const)('says so in %s', (locale) => {
    const t = translatorFor(locale);
    const host = showFillPanel(
      document,
      [{ field: 'subject', status: 'filled', detail: '', warning: 'hidden-duplicate' }],
      t,
    );
    const row = host.shadowRoot!.querySelector('li[data-field="subject"]')!;
    expect(row.getAttribute('data-warning')).toBe('hidden-duplicate');
    expect(row.textContent).toContain(t('fill.warning.hidden-duplicate'));
  });
});
