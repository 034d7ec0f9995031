/**
 * The title by inquiry type (the form's rule 4: a concise subject that tells
 * what the inquiry is), its 150-character limit, and how an untouched title
 * follows the answers while one the user wrote stays.
 */
import { describe, expect, it } from 'vitest';
import { composeFor, composeTitle, maxTitleLength } from '@/lib/draft/compose';
import { createDraft } from '@/lib/draft/create';
import { applyDraftEdit } from '@/lib/draft/edit';
import {
  defaultSettings,
  type Answers,
  type Capture,
  type DraftEdit,
  type InquiryType,
  type Locale,
} from '@/lib/schema';
import { makeCapture, makeDraft } from './fixtures';

const samlError = { kind: 'alert' as const, text: 'Invalid Signature on SAML Response' };
const withError = makeCapture({ errors: [samlError] });
const quiet = makeCapture();
const summary = 'SAML 証明書の更新手順';

function answersFor(inquiryType: InquiryType, summaryText = ''): Answers {
  return { inquiryType, impact: 'minor', summary: summaryText };
}

describe('composeTitle by inquiry type', () => {
  it.each<[InquiryType, Capture, string, Locale, string]>([
    ['troubleshooting', withError, '', 'ja', '[Salesforce 本番] Invalid Signature on SAML Response'],
    ['troubleshooting', withError, '', 'en', '[Salesforce 本番] Invalid Signature on SAML Response'],
    // The error text in full beats the user's summary: it is what support searches for.
    ['troubleshooting', withError, summary, 'ja', '[Salesforce 本番] Invalid Signature on SAML Response'],
    ['troubleshooting', quiet, summary, 'ja', `[Salesforce 本番] ${summary}`],
    ['troubleshooting', quiet, summary, 'en', `[Salesforce 本番] ${summary}`],
    ['troubleshooting', quiet, '', 'ja', '[Salesforce 本番] についての問い合わせ'],
    ['troubleshooting', quiet, '', 'en', '[Salesforce 本番] Question'],
    ['settings-question', withError, summary, 'ja', `[Salesforce 本番] 設定のご質問: ${summary}`],
    ['settings-question', quiet, summary, 'en', `[Salesforce 本番] Settings question: ${summary}`],
    ['settings-question', quiet, '', 'ja', '[Salesforce 本番] の設定についてのご質問'],
    ['settings-question', quiet, '', 'en', '[Salesforce 本番] Question about the settings'],
    ['specification', quiet, summary, 'ja', `[Salesforce 本番] 仕様のご確認: ${summary}`],
    ['specification', quiet, summary, 'en', `[Salesforce 本番] Specification question: ${summary}`],
    ['specification', quiet, '', 'ja', '[Salesforce 本番] の仕様についてのご確認'],
    ['specification', quiet, '', 'en', '[Salesforce 本番] Question about the specification'],
    ['feature-request', quiet, summary, 'ja', `[Salesforce 本番] 機能リクエスト: ${summary}`],
    ['feature-request', quiet, summary, 'en', `[Salesforce 本番] Feature request: ${summary}`],
    ['feature-request', quiet, '', 'ja', '[Salesforce 本番] への機能リクエスト'],
    ['feature-request', quiet, '', 'en', '[Salesforce 本番] Feature request'],
    [
      'connector-request',
      quiet,
      'フォーム認証で',
      'ja',
      '[Salesforce 本番] コネクタ追加のご依頼: フォーム認証で',
    ],
    ['connector-request', quiet, 'form-based', 'en', '[Salesforce 本番] Connector request: form-based'],
    ['connector-request', quiet, '', 'ja', '[Salesforce 本番] のコネクタ追加のご依頼'],
    ['connector-request', quiet, '', 'en', '[Salesforce 本番] Connector request'],
  ])('%s, %#: %s', (inquiryType, capture, summaryText, locale, expected) => {
    expect(composeTitle(capture, answersFor(inquiryType, summaryText), locale)).toBe(expected);
  });

  it.each<[string, Partial<Capture>, Locale, string]>([
    [
      'the app the page is about',
      {
        heading: 'アプリケーション',
        entities: [
          { kind: 'connector', name: 'Form-based App' },
          { kind: 'app', id: '42', name: '勤怠システム' },
        ],
      },
      'ja',
      '[勤怠システム] のコネクタ追加のご依頼',
    ],
    [
      'its connector when the app has no name',
      {
        heading: 'アプリケーション',
        entities: [
          { kind: 'app', id: '42' },
          { kind: 'connector', name: 'Form-based App' },
        ],
      },
      'en',
      '[Form-based App] Connector request',
    ],
    [
      'the page heading when no app is named',
      { heading: '新しいアプリ', entities: [] },
      'ja',
      '[新しいアプリ] のコネクタ追加のご依頼',
    ],
    [
      'OneLogin when the page names nothing',
      { heading: '', title: '', entities: [] },
      'en',
      '[OneLogin] Connector request',
    ],
  ])('a connector request names %s', (_name, overrides, locale, expected) => {
    expect(composeTitle(makeCapture(overrides), answersFor('connector-request'), locale)).toBe(expected);
  });

  it.each<[string, Capture, string]>([
    ['a summary', quiet, '設定の手順は\n\n  どこにありますか'],
    [
      'an error',
      makeCapture({ errors: [{ kind: 'alert', text: '保存できません。\n再度お試しください' }] }),
      '',
    ],
  ])('writes %s with line breaks on one line', (_name, capture, summaryText) => {
    expect(composeTitle(capture, answersFor('troubleshooting', summaryText), 'ja')).not.toMatch(/[\r\n]/);
  });
});

describe('composeTitle length', () => {
  const long = 'とても長い概要'.repeat(40);
  const longError = makeCapture({ errors: [{ kind: 'alert', text: 'エラー'.repeat(100) }] });

  it.each<[InquiryType, Capture, Locale]>([
    ['troubleshooting', longError, 'ja'],
    ['troubleshooting', quiet, 'en'],
    ['settings-question', quiet, 'ja'],
    ['specification', quiet, 'en'],
    ['feature-request', quiet, 'ja'],
    ['connector-request', makeCapture({ entities: [{ kind: 'app', name: 'アプリ'.repeat(50) }] }), 'en'],
  ])('%s in %s stays within the form’s 150 characters, the cut marked', (inquiryType, capture, locale) => {
    const title = composeTitle(capture, answersFor(inquiryType, long), locale);
    expect([...title]).toHaveLength(maxTitleLength);
    expect(title.endsWith('…')).toBe(true);
  });

  it('counts code points, so an emoji summary is never cut in half', () => {
    const title = composeTitle(quiet, answersFor('feature-request', '😀'.repeat(200)), 'ja');
    expect([...title]).toHaveLength(maxTitleLength);
    expect(title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('createDraft', () => {
  it.each<[string, Capture, string]>([
    [
      'a page with an error starts a troubleshooting',
      withError,
      '[Salesforce 本番] Invalid Signature on SAML Response',
    ],
    ['a quiet page starts a settings question', quiet, '[Salesforce 本番] の設定についてのご質問'],
  ])('titles the draft by its first answers: %s', (_name, capture, expected) => {
    const draft = createDraft({ id: 'd', now: 'now', capture, attachments: [], settings: defaultSettings });
    expect(draft.title).toBe(expected);
  });
});

describe('the title follows the answers until the user writes it', () => {
  /** A draft as HelpDraft composed it, in one language, for the given answers. */
  function composedDraft(capture: Capture, answers: Answers, locale: Locale) {
    return makeDraft({
      capture,
      answers,
      title: composeTitle(capture, answers, locale),
      description: composeFor(capture, [], answers, locale),
    });
  }

  it.each<[string, Capture, Answers, DraftEdit, string]>([
    [
      'a troubleshooting becomes a specification question',
      withError,
      answersFor('troubleshooting'),
      { answers: { inquiryType: 'specification' } },
      '[Salesforce 本番] の仕様についてのご確認',
    ],
    [
      'the summary typed into a settings question',
      quiet,
      answersFor('settings-question'),
      { answers: { summary: summary } },
      `[Salesforce 本番] 設定のご質問: ${summary}`,
    ],
    [
      'the summary changed again',
      quiet,
      answersFor('settings-question', 'SAML'),
      { answers: { summary: 'SAML 証明書' } },
      '[Salesforce 本番] 設定のご質問: SAML 証明書',
    ],
    [
      'a question becomes a connector request',
      makeCapture({ entities: [{ kind: 'app', id: '42', name: '勤怠システム' }] }),
      answersFor('settings-question'),
      { answers: { inquiryType: 'connector-request' } },
      '[勤怠システム] のコネクタ追加のご依頼',
    ],
  ])('untouched, in Japanese: %s', (_name, capture, answers, edit, expected) => {
    expect(applyDraftEdit(composedDraft(capture, answers, 'ja'), edit, 'now').title).toBe(expected);
  });

  it.each<[string, Capture, Answers, DraftEdit, string]>([
    [
      'a troubleshooting (whose title reads the same in Japanese) becomes a feature request',
      withError,
      answersFor('troubleshooting'),
      { answers: { inquiryType: 'feature-request' } },
      '[Salesforce 本番] Feature request',
    ],
    [
      'the summary typed into a specification question',
      quiet,
      answersFor('specification'),
      { answers: { summary: 'signature algorithms' } },
      '[Salesforce 本番] Specification question: signature algorithms',
    ],
  ])('untouched, in English, stays English: %s', (_name, capture, answers, edit, expected) => {
    expect(applyDraftEdit(composedDraft(capture, answers, 'en'), edit, 'now').title).toBe(expected);
  });

  it.each<[string, DraftEdit, DraftEdit, string]>([
    [
      'edited earlier, it stays',
      { title: 'SSO が失敗する' },
      { answers: { inquiryType: 'specification' } },
      'SSO が失敗する',
    ],
    [
      'edited earlier, it stays while the summary is typed',
      { title: '自分で書いた件名' },
      { answers: { summary: 'どこで設定しますか' } },
      '自分で書いた件名',
    ],
    [
      'edited in the same edit as the answers, the edit wins',
      {},
      { title: '同時に書いた件名', answers: { inquiryType: 'feature-request' } },
      '同時に書いた件名',
    ],
  ])('written by the user: %s', (_name, first, second, expected) => {
    const start = composedDraft(withError, answersFor('troubleshooting'), 'ja');
    const next = applyDraftEdit(applyDraftEdit(start, first, 'now'), second, 'later');
    expect(next.title).toBe(expected);
  });

  it('leaves the title of a draft without a capture alone', () => {
    const draft = makeDraft({ title: 'タイトル' });
    expect(applyDraftEdit(draft, { answers: { inquiryType: 'feature-request' } }, 'now').title).toBe(
      'タイトル',
    );
  });
});
