import { describe, expect, it } from 'vitest';
import { draftAsMarkdown, draftAsText } from '@/lib/draft/export';
import { formatBytes } from '@/lib/draft/format-bytes';
import { makeDraft } from './fixtures';

const screenshot = {
  id: 's',
  name: 'helpdraft-screenshot-20261123-194012.png',
  type: 'image/png',
  size: 58_778,
  width: 1200,
  height: 800,
};
const log = { id: 'l', name: 'saml-trace.log', type: 'text/plain', size: 120 };

const draft = makeDraft({
  title: '[Salesforce 本番] SAML 認証エラー: Invalid Signature',
  description:
    '■ 発生している事象\nSAML 認証に失敗します。\n\n■ エラー\n- Invalid Signature on SAML Response',
  priority: 'high',
  category: 'sso',
  cc: 'taro.yamada@example.co.jp',
  attachments: [screenshot, log],
});

describe('draftAsText', () => {
  it('writes every field, the description as it is and the attachments', () => {
    expect(draftAsText(draft, 'ja')).toBe(
      [
        'タイトル: [Salesforce 本番] SAML 認証エラー: Invalid Signature',
        '優先度: 高',
        'お問い合わせ内容: SSO・アプリ連携',
        'CC: taro.yamada@example.co.jp',
        '',
        '詳細:',
        draft.description,
        '',
        '添付ファイル:',
        '- helpdraft-screenshot-20261123-194012.png (57.4 KB, 1200×800)',
        '- saml-trace.log (120 B)',
      ].join('\n'),
    );
  });

  it.each([
    ['ja', 'コネクタ追加リクエスト: 有償カスタム対応'],
    ['en', 'Connector request: Paid custom work'],
  ] as const)('names the connector choice of a connector request (%s)', (locale, line) => {
    const request = makeDraft({
      answers: { inquiryType: 'connector-request', impact: 'minor', summary: '' },
      connector: 'paid',
      category: 'connector',
    });
    expect(draftAsText(request, locale)).toContain(line);
  });

  it('says none where there is nothing', () => {
    const text = draftAsText(makeDraft({ cc: '', category: '' }), 'en');
    expect(text).toContain('CC: (none)');
    expect(text).toContain('Attachments:\n(none)');
  });
});

describe('draftAsMarkdown', () => {
  it('puts the title in a heading, the fields in a list and the description in a fence', () => {
    expect(draftAsMarkdown(draft, 'ja')).toBe(
      [
        '# \\[Salesforce 本番\\] SAML 認証エラー: Invalid Signature',
        '',
        '- **優先度**: 高',
        '- **お問い合わせ内容**: SSO・アプリ連携',
        '- **CC**: taro.yamada@example.co.jp',
        '',
        '## 詳細',
        '',
        '```text',
        draft.description,
        '```',
        '',
        '## 添付ファイル',
        '',
        '- helpdraft-screenshot-20261123-194012.png (57.4 KB, 1200×800)',
        '- saml-trace.log (120 B)',
      ].join('\n'),
    );
  });

  it.each([
    [
      'markup in the title stays text',
      { title: '<img src=x onerror=alert(1)> *bold* `code`' },
      '# \\<img src=x onerror=alert(1)\\> \\*bold\\* \\`code\\`',
    ],
    [
      'a description holding a fence gets a longer fence',
      { description: 'log:\n```\nerror\n```' },
      '````text',
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(draftAsMarkdown(makeDraft(overrides), 'en')).toContain(expected);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [58_778, '57.4 KB'],
    [50 * 1024 * 1024, '50.0 MB'],
  ])('%i → %s', (size, expected) => {
    expect(formatBytes(size)).toBe(expected);
  });
});
