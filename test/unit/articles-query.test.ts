import { describe, expect, it } from 'vitest';
import {
  maxQueryLength,
  maxSearchWords,
  personalWordsOf,
  proposeSearchWords,
  searchWordsToSend,
} from '@/lib/articles/query';
import { buildCapture } from '@/lib/capture/capture';
import type { Capture, PageError } from '@/lib/schema';
import { makeCapture } from './fixtures';

const errors = (...texts: string[]): PageError[] => texts.map((text) => ({ kind: 'alert', text }));

/** The provisioning page of the stand-in console (test/fixtures/standin/onelogin/users/790/edit.html). */
const provisioning: Capture = makeCapture({
  heading: '鈴木 一郎',
  errors: errors(
    '鈴木 一郎 (ichiro.suzuki@acme.example, ID 790) を Salesforce にプロビジョニングできませんでした: Internal provisioning error (request 5f1c2e9a-7b3d-4c8e-9a10-3e2f6b7d8c41)',
    'The connection timed out while provisioning to https://acme.my.salesforce.com/services/scim/v2/Users access_token=[REDACTED]',
  ),
  entities: [
    { kind: 'account', id: 'acme' },
    { kind: 'user', id: '790', name: '鈴木 一郎', email: 'ichiro.suzuki@acme.example' },
  ],
});

describe('proposeSearchWords', () => {
  it.each([
    [
      'a Japanese and English SAML error',
      errors('SAML レスポンスの検証に失敗しました: Invalid Signature on SAML Response'),
      ['SAML', 'レスポンス', '検証', 'Invalid', 'Signature', 'Response'],
    ],
    ['an English error', errors('IdP x509 certificate expired'), ['IdP', 'certificate', 'expired']],
    ['a form field error', errors('このユーザー名は既に使用されています'), ['ユーザー', '既に', '使用']],
    ['no error text at all', [], []],
    ['only IDs and numbers', errors('ID 123456 / 789 / 2026-11-23'), []],
  ])('%s', (_name, pageErrors, expected) => {
    expect(proposeSearchWords({ errors: pageErrors, entities: [], heading: '' })).toEqual(expected);
  });

  it('leaves out the user, the account, addresses, IDs, URLs and masked values', () => {
    const words = proposeSearchWords(provisioning);
    expect(words).toEqual([
      'Salesforce',
      'プロビジョニング',
      'Internal',
      'provisioning',
      'connection',
      'timed',
    ]);
    const sent = words.join(' ');
    for (const never of [
      '鈴木',
      '一郎',
      'ichiro',
      'acme',
      '790',
      '5f1c2e9a',
      'https',
      'REDACTED',
      'access_token',
    ])
      expect(sent).not.toContain(never);
  });

  it('works on what buildCapture stored: a secret in the error is masked, then left out', () => {
    const { url, title, heading, viewport, entities, recording } = makeCapture({});
    const capture = buildCapture(
      {
        url,
        title,
        heading,
        viewport,
        entities,
        recording,
        errors: errors('API 呼び出しに失敗しました: Bearer abcdefghijklmnop1234 client_secret=s3cr3t-value'),
        environment: {
          browser: 'Chromium',
          browserVersion: '156',
          os: 'Linux',
          uiLanguage: 'ja',
          timeZone: 'Asia/Tokyo',
          viewport,
          extensionVersion: '0.1.0',
        },
      },
      'c1',
      '2026-11-23T10:00:00+09:00',
    );
    const words = proposeSearchWords(capture);
    expect(words).toEqual(['API', '呼び出し', 'Bearer', 'client_secret']);
    expect(words.join(' ')).not.toMatch(/abcdefghijklmnop|s3cr3t/);
  });

  it('falls back to the summary, then the heading, when the page shows no error', () => {
    expect(
      proposeSearchWords({ errors: [], entities: [], heading: 'ロールの編集' }, 'MFA の登録がループする'),
    ).toEqual(['MFA', '登録', 'ループ']);
    expect(proposeSearchWords({ errors: [], entities: [], heading: 'ロールの編集' })).toEqual([
      'ロール',
      '編集',
    ]);
  });

  it('applies the extra mask patterns as well', () => {
    expect(
      proposeSearchWords(
        { errors: errors('契約 CONTRACT-ABCD の更新に失敗'), entities: [], heading: '' },
        '',
        ['CONTRACT-[A-Z]+'],
      ),
    ).toEqual(['契約', '更新']);
  });

  it('keeps at most a handful of distinct words within the length limit', () => {
    const many = errors(
      Array.from({ length: 40 }, (_, index) => `word${String.fromCharCode(97 + (index % 26))}alpha`).join(
        ' ',
      ),
    );
    const words = proposeSearchWords({ errors: many, entities: [], heading: '' });
    expect(words.length).toBeLessThanOrEqual(maxSearchWords);
    expect(words.join(' ').length).toBeLessThanOrEqual(maxQueryLength);
    expect(proposeSearchWords({ errors: errors('SAML saml Saml'), entities: [], heading: '' })).toEqual([
      'SAML',
    ]);
  });
});

describe('searchWordsToSend', () => {
  it.each([
    ['SAML 証明書', ['SAML', '証明書'], false],
    ['  SAML\u3000証明書  ', ['SAML', '証明書'], false],
    ['taro@example.co.jp SAML', ['SAML'], true],
    ['https://acme.onelogin.com/apps/1 SSO', ['SSO'], true],
    ['acme.onelogin.com SSO', ['SSO'], true],
    ['app 123456', ['app'], true],
    ['[REDACTED] [EMAIL] 署名', ['署名'], true],
    ['token=abcdef123 SSO', ['SSO'], true],
    ['Bearer abcdefghijklmnop', ['Bearer'], true],
    ['9c3b1f20-5a6e-013d', [], true],
    ['', [], false],
  ])('%j → %j', (typed, words, changed) => {
    expect(searchWordsToSend(typed)).toEqual({ words, changed });
  });

  it('leaves out the names of the capture’s people and account, whatever the case', () => {
    expect(searchWordsToSend('Suzuki 鈴木 ACME Salesforce', ['suzuki', '鈴木', 'acme'])).toEqual({
      words: ['Salesforce'],
      changed: true,
    });
    expect(personalWordsOf(provisioning).sort()).toEqual(
      ['acme', '790', '鈴木', '一郎', 'ichiro', 'suzuki', 'example'].sort(),
    );
  });

  it('sends a proposal unchanged: what the popup shows is what goes', () => {
    const proposal = proposeSearchWords(provisioning);
    expect(searchWordsToSend(proposal.join(' '), personalWordsOf(provisioning))).toEqual({
      words: proposal,
      changed: false,
    });
  });
});
