import { describe, expect, it } from 'vitest';
import { readLiveOptions } from '@/lib/helpcenter/options';

function classicForm(html: string): HTMLFormElement {
  document.body.innerHTML = `<form id="new_request">${html}</form>`;
  return document.querySelector('form')!;
}

const tagger = (options: Array<{ label: string; value: string }>) =>
  JSON.stringify(options).replace(/'/g, '&#39;');

describe('readLiveOptions on a classic form', () => {
  it('reads the category and connector options by their labels, the empty one left out', async () => {
    const form = classicForm(`
      <label for="c">お問い合わせ内容</label>
      <input type="hidden" id="c" data-tagger='${tagger([
        { label: '-', value: '' },
        { label: 'SSO・アプリ連携', value: 'onelogin_sso' },
      ])}' />
      <label for="k">コネクタ追加リクエスト</label>
      <input type="hidden" id="k" data-tagger='${tagger([{ label: '無償リクエスト', value: 'connector_request_free' }])}' />`);
    await expect(readLiveOptions(form, 'classic')).resolves.toEqual({
      category: [{ label: 'SSO・アプリ連携', value: 'onelogin_sso' }],
      connector: [{ label: '無償リクエスト', value: 'connector_request_free' }],
    });
  });

  it.each([
    ['no such fields', ''],
    [
      'a broken tagger',
      '<label for="c">お問い合わせ内容</label><input type="hidden" id="c" data-tagger="{not json" />',
    ],
  ])('gives empty lists for %s', async (_name, html) => {
    await expect(readLiveOptions(classicForm(html), 'classic')).resolves.toEqual({
      category: [],
      connector: [],
    });
  });
});
