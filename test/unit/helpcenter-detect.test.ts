/**
 * Telling the page apart (classic form, React form, sign-in page, anything
 * else; docs/HELPCENTER-FORM.md) and the classic ticket-form choice that
 * must come before any filling.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { detectPage, isSignInPage, waitForRequestForm } from '@/lib/helpcenter/detect';
import { fillRequestForm } from '@/lib/helpcenter/fill';
import { fillPanelHostId } from '@/lib/helpcenter/panel';
import { decideTicketForm } from '@/lib/helpcenter/ticket-form';
import type { FillPayload } from '@/lib/schema';

declare const window: Window & { happyDOM: { setURL(url: string): void } };

const formUrl = 'https://support.onelogin.jp/hc/ja/requests/new';

function at(url: string, body: string): void {
  window.happyDOM.setURL(url);
  document.body.innerHTML = body;
}

afterEach(() => {
  document.body.innerHTML = '';
  window.happyDOM.setURL('http://localhost:3000/');
});

const classic = '<form id="new_request" class="request-form"><input name="request[subject]"></form>';
const reactRendered =
  '<div id="new-request-form"><form class="request-form"><input name="request[subject]"><div role="combobox"></div></form></div>';
const signIn =
  '<form action="/access/login" method="post"><input type="email"><input type="password"></form>';

describe('detectPage', () => {
  it.each([
    ['the classic form', formUrl, classic, 'classic'],
    ['the rendered React form, even with a classic-looking class', formUrl, reactRendered, 'react'],
    ['the React container before it renders', formUrl, '<div id="new-request-form"></div>', 'not-a-form'],
    ['a sign-in form asking for a password', 'https://support.onelogin.jp/access/login', signIn, 'sign-in'],
    [
      'a help-center sign-in URL with no form',
      'https://support.onelogin.jp/hc/ja/signin',
      '<p>…</p>',
      'sign-in',
    ],
    ['an article', 'https://support.onelogin.jp/hc/ja/articles/1', '<article>…</article>', 'not-a-form'],
  ])('%s → %s', (_name, url, body, kind) => {
    at(url, body);
    expect(detectPage(document).kind).toBe(kind);
  });

  it('does not take the request form for a sign-in page', () => {
    at(formUrl, classic);
    expect(isSignInPage(document)).toBe(false);
  });
});

describe('waitForRequestForm', () => {
  it('waits for the React form to render into its container', async () => {
    at(formUrl, '<div id="new-request-form"></div>');
    setTimeout(() => {
      document.getElementById('new-request-form')!.innerHTML = '<form><input name="request[subject]"></form>';
    }, 100);
    await expect(waitForRequestForm(document, { renderTimeoutMs: 2_000 })).resolves.toMatchObject({
      kind: 'react',
    });
  });

  it.each([
    ['a container that never renders', '<div id="new-request-form"></div>', 'not-a-form'],
    ['a page without any form', '<p>…</p>', 'not-a-form'],
    ['a sign-in page (answered at once)', signIn, 'sign-in'],
  ])('gives up on %s', async (_name, body, kind) => {
    at(formUrl, body);
    const started = Date.now();
    await expect(waitForRequestForm(document, { renderTimeoutMs: 300, settleMs: 100 })).resolves.toEqual({
      kind,
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

const selector = `<form id="new_request">
  <select name="request[ticket_form_id]" id="request_issue_type_select" hidden>
    <option value="">-</option>
    <option value="2">その他の製品に関するお問い合わせ</option>
    <option value="1">OneLogin に関するお問い合わせ</option>
  </select><a class="nesty-input">-</a></form>`;

describe('decideTicketForm', () => {
  it.each([
    ['no selector (one ticket form)', formUrl, classic, '', { action: 'keep', label: '' }],
    [
      'a selector with nothing chosen',
      formUrl,
      selector,
      '',
      { action: 'reload', url: `${formUrl}?ticket_form_id=1`, label: 'OneLogin に関するお問い合わせ' },
    ],
    [
      'another product’s form preselected',
      `${formUrl}?editor=ck`,
      selector,
      '2',
      {
        action: 'reload',
        url: `${formUrl}?editor=ck&ticket_form_id=1`,
        label: 'OneLogin に関するお問い合わせ',
      },
    ],
    [
      'the OneLogin form already chosen',
      formUrl,
      selector,
      '1',
      { action: 'keep', label: 'OneLogin に関するお問い合わせ' },
    ],
    [
      'a form named by the URL (configured, or after our reload)',
      `${formUrl}?ticket_form_id=2`,
      selector,
      '2',
      { action: 'keep', label: 'その他の製品に関するお問い合わせ' },
    ],
  ])('%s', (_name, url, body, value, decision) => {
    at(url, body);
    const select = document.querySelector('select');
    if (select) select.value = value;
    expect(decideTicketForm(document, document.querySelector('form')!)).toEqual(decision);
  });
});

const payload: FillPayload = {
  locale: 'en',
  subject: 'SSO fails',
  description: 'It fails',
  descriptionHtml: '<p>It fails</p>',
  priority: 'normal',
  categoryTerms: [],
  cc: [],
  connector: '',
  attachments: [],
};

describe('fillRequestForm', () => {
  it.each([
    ['sign-in', signIn, 'You are not signed in'],
    ['not-a-form', '<p>…</p>', 'No request form was found'],
  ])('on a %s page fills nothing and explains on the page', async (problem, body, text) => {
    at(formUrl, body);
    await expect(fillRequestForm(document, payload, { settleMs: 0 })).resolves.toEqual({
      error: { code: 'not-a-request-form', detail: problem },
    });
    const panel = document.getElementById(fillPanelHostId)!.shadowRoot!.querySelector('section')!;
    expect(panel.dataset.problem).toBe(problem);
    expect(panel.textContent).toContain(text);
    expect(panel.querySelectorAll('li')).toHaveLength(0);
  });

  it('asks for the ticket form’s URL before filling anything', async () => {
    at(formUrl, selector.replace('</form>', '<input name="request[subject]"></form>'));
    await expect(fillRequestForm(document, payload)).resolves.toEqual({
      reload: { url: `${formUrl}?ticket_form_id=1`, ticketForm: 'OneLogin に関するお問い合わせ' },
    });
    expect(document.querySelector<HTMLInputElement>('[name="request[subject]"]')!.value).toBe('');
  });

  it('reports the generation and the ticket form with the filled fields', async () => {
    at(`${formUrl}?ticket_form_id=1`, selector.replace('</form>', '<input name="request[subject]"></form>'));
    document.querySelector('select')!.value = '1';
    const result = await fillRequestForm(document, payload);
    expect(result).toMatchObject({
      form: { generation: 'classic', ticketForm: 'OneLogin に関するお問い合わせ' },
      items: expect.arrayContaining([{ field: 'subject', status: 'filled', detail: 'SSO fails' }]),
    });
  });
});
