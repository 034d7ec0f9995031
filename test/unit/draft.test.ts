import { describe, expect, it } from 'vitest';
import { categoryKeys, categoryTerms } from '@/lib/draft/categories';
import { composeDescription, composeTitle, maxTitleLength, truncate } from '@/lib/draft/compose';
import { createDraft, splitAddresses } from '@/lib/draft/create';
import { suggestCategory } from '@/lib/draft/suggest';
import { translate } from '@/lib/i18n';
import { defaultAnswers, defaultSettings, type Capture, type Locale } from '@/lib/schema';

const capture: Capture = {
  id: 'c1',
  url: 'https://acme.onelogin.com/apps/123456/edit#sso',
  title: 'Salesforce 本番 - アプリケーション | OneLogin',
  heading: 'Salesforce 本番',
  capturedAt: '2026-11-23T19:40:12+09:00',
  errors: [
    { kind: 'alert', text: 'Invalid Signature on SAML Response' },
    { kind: 'form-field', field: 'メールアドレス', text: 'メールアドレスの形式が正しくありません' },
  ],
  viewport: { width: 1200, height: 800, devicePixelRatio: 1 },
  entities: [],
  recording: { available: false, events: [], dropped: 0 },
  redactions: [],
};
const screenshot = {
  id: 'a1',
  name: 'helpdraft-screenshot-20261123-194012.png',
  type: 'image/png',
  size: 1000,
};

describe('composeTitle', () => {
  it.each<[Locale, Capture, string]>([
    ['ja', capture, '[Salesforce 本番] Invalid Signature on SAML Response'],
    ['en', capture, '[Salesforce 本番] Invalid Signature on SAML Response'],
    ['ja', { ...capture, errors: [] }, '[Salesforce 本番] についての問い合わせ'],
    ['en', { ...capture, errors: [], heading: '' }, '[Salesforce 本番] Question'],
    ['ja', { ...capture, errors: [], heading: '', title: '' }, '[OneLogin] についての問い合わせ'],
  ])('%s: %o', (locale, input, expected) => {
    expect(composeTitle(input, defaultAnswers, locale)).toBe(expected);
  });

  it('stays within the form’s 150 characters', () => {
    const long = { ...capture, errors: [{ kind: 'alert' as const, text: 'エラー'.repeat(100) }] };
    const title = composeTitle(long, defaultAnswers, 'ja');
    expect([...title]).toHaveLength(maxTitleLength);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('composeDescription with everything captured', () => {
  const full: Capture = {
    ...capture,
    entities: [
      { kind: 'account', id: 'acme' },
      { kind: 'app', id: '123456', name: 'Salesforce 本番', section: 'sso' },
      { kind: 'connector', name: 'SAML Custom Connector (Advanced)' },
      { kind: 'user', id: '789', name: '山田 太郎', email: 'taro.yamada@example.co.jp' },
    ],
    environment: {
      browser: 'Chromium',
      browserVersion: '156.0.8078.79',
      os: 'Linux',
      uiLanguage: 'ja',
      timeZone: 'Asia/Tokyo',
      viewport: { width: 1200, height: 800, devicePixelRatio: 2 },
      extensionVersion: '0.1.0',
    },
    recording: {
      available: true,
      dropped: 2,
      events: [
        { type: 'console-error', time: '2026-11-23T10:40:01.000Z', text: 'SAML assertion validation failed' },
        {
          type: 'failed-request',
          time: '2026-11-23T10:40:02.000Z',
          method: 'POST',
          url: 'https://acme.onelogin.com/api/x',
          status: 422,
          statusText: 'Unprocessable Entity',
        },
        {
          type: 'failed-request',
          time: '2026-11-23T10:40:03.000Z',
          method: 'GET',
          url: 'https://127.0.0.1:1/unreachable',
          status: 0,
        },
      ],
    },
    redactions: [{ rule: 'password-field', where: 'screenshot' }],
  };

  it.each([
    [
      'ja',
      [
        '■ ブラウザーのコンソールと通信のエラー(画面を開いてから)\n- [19:40:01] コンソールエラー: SAML assertion validation failed\n- [19:40:02] 通信エラー: POST https://acme.onelogin.com/api/x → 422 Unprocessable Entity\n- [19:40:03] 通信エラー: GET https://127.0.0.1:1/unreachable → 通信できませんでした\n- ほか 2 件',
        '関連する設定・エンティティ:\n- アカウント: acme\n- アプリ: Salesforce 本番(ID: 123456、画面: sso)\n- コネクタ: SAML Custom Connector (Advanced)\n- ユーザー: 山田 太郎(ID: 789、taro.yamada@example.co.jp)',
        '■ 環境\nブラウザー: Chromium 156.0.8078.79 / OS: Linux / 言語: ja / タイムゾーン: Asia/Tokyo / 表示サイズ: 1200×800(倍率 2)/ HelpDraft 0.1.0',
        '※ HelpDraft が 1 件を伏せ字にしました(本文 0 件・スクリーンショット 1 件)。',
      ],
    ],
    [
      'en',
      [
        '- [19:40:02] Failed request: POST https://acme.onelogin.com/api/x → 422 Unprocessable Entity',
        '- App: Salesforce 本番 (ID: 123456, screen: sso)',
        'Browser: Chromium 156.0.8078.79 / OS: Linux',
      ],
    ],
  ] as const)('%s: console, network, entities, environment and the masking note', (locale, parts) => {
    // The screenshot is attached: its mask is counted (lib/draft/compose.ts maskedCounts).
    const text = composeDescription(full, [screenshot], locale);
    for (const part of parts) expect(text).toContain(part);
  });
});

describe('truncate', () => {
  it.each([
    ['short', 10, 'short'],
    ['abcdef', 4, 'abc…'],
    ['😀😀😀😀', 3, '😀😀…'],
  ])('%s to %d', (text, limit, expected) => {
    expect(truncate(text, limit)).toBe(expected);
  });
});

describe('composeDescription', () => {
  it('follows the troubleshooting guide in Japanese: full errors, where, when, what was tried, impact', () => {
    expect(composeDescription(capture, [screenshot], 'ja')).toBe(
      [
        '■ 発生している事象',
        '「Salesforce 本番 - アプリケーション | OneLogin」の画面で、以下のエラーが表示されました。',
        '',
        '■ エラーメッセージ(全文)',
        '- Invalid Signature on SAML Response',
        '- メールアドレス: メールアドレスの形式が正しくありません',
        '',
        '■ 発生箇所',
        'URL: https://acme.onelogin.com/apps/123456/edit#sso',
        '画面: Salesforce 本番 - アプリケーション | OneLogin',
        '',
        '■ 発生日時',
        '2026-11-23 19:40:12 (UTC+09:00)',
        '',
        '■ 試したこと',
        '(ご記入ください)',
        '',
        '■ 影響範囲',
        '(ご記入ください: 影響を受けているユーザーの範囲など)',
        '',
        '■ 添付ファイル',
        '- helpdraft-screenshot-20261123-194012.png(エラー発生時の画面キャプチャ)',
      ].join('\n'),
    );
  });

  it('writes English when asked, and leaves out empty sections', () => {
    const text = composeDescription({ ...capture, errors: [] }, [], 'en');
    expect(text).toContain('■ What happened\nA question about the screen');
    expect(text).not.toContain('■ Error messages');
    expect(text).not.toContain('■ Attachments');
    expect(text).not.toMatch(/[■](?= 発生)/);
  });
});

describe('suggestCategory', () => {
  it.each([
    ['https://acme.onelogin.com/apps/123/edit#sso', 'sso'],
    ['https://acme.onelogin.com/admin2/apps/123/sso', 'sso'],
    ['https://acme.onelogin.com/users/789/edit', 'users'],
    ['https://acme.onelogin.com/admin2/users/789', 'users'],
    ['https://acme.onelogin.com/users/directories/5', 'directories'],
    ['https://acme.onelogin.com/mappings', 'roles'],
    ['https://acme.onelogin.com/admin2/roles/42', 'roles'],
    ['https://acme.onelogin.com/policies/9/edit', 'policies'],
    ['https://acme.onelogin.com/portal', 'login'],
    // Nothing to go on: the form's その他, never an empty category (issue 16, item 4).
    ['https://acme.onelogin.com/somewhere/else', 'other'],
    ['not a url', 'other'],
  ])('%s → %s', (url, expected) => {
    expect(suggestCategory({ url, errors: [] }, defaultAnswers).category).toBe(expected);
  });
});

describe('categoryTerms', () => {
  it.each(categoryKeys)('%s is named by its Japanese label first, then English, each term once', (key) => {
    const terms = categoryTerms(key);
    expect(terms[0]).toBe(translate('ja', `category.${key}`));
    expect(terms).toContain(translate('en', `category.${key}`));
    expect(new Set(terms).size).toBe(terms.length);
  });
});

describe('createDraft', () => {
  it('starts a draft with suggestions, the user’s own address in CC and no connector', () => {
    const draft = createDraft({
      id: 'd1',
      now: '2026-11-23T10:40:12.000Z',
      capture,
      attachments: [screenshot],
      settings: { ...defaultSettings, personalEmail: 'taro@example.co.jp' },
      sourceTabId: 7,
    });
    expect(draft).toMatchObject({
      id: 'd1',
      status: 'draft',
      priority: 'normal',
      category: 'sso',
      cc: 'taro@example.co.jp',
      connector: '',
      sourceTabId: 7,
      attachments: [screenshot],
    });
  });
});

describe('splitAddresses', () => {
  it.each([
    ['', []],
    ['a@x.jp', ['a@x.jp']],
    [' a@x.jp, b@y.jp ;c@z.jp', ['a@x.jp', 'b@y.jp', 'c@z.jp']],
    ['a@x.jp、b@y.jp', ['a@x.jp', 'b@y.jp']],
  ])('%j', (cc, expected) => {
    expect(splitAddresses(cc)).toEqual(expected);
  });
});
