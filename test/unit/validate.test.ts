import { describe, expect, it } from 'vitest';
import { isSharedAddress, isZip, maxAttachmentBytes, validateDraft } from '@/lib/draft/validate';
import { translate } from '@/lib/i18n';
import { defaultSettings, type Draft } from '@/lib/schema';
import { makeDraft } from './fixtures';

const draft: Draft = makeDraft({
  title: '[Salesforce 本番] Invalid Signature on SAML Response',
  description: '■ 発生している事象',
  attachments: [{ id: 'a', name: 'helpdraft-screenshot.png', type: 'image/png', size: 1000 }],
});
const personal = defaultSettings;
const shared = { ...defaultSettings, sharedAccount: true };

describe('validateDraft', () => {
  it('accepts a complete draft from a personal account with no CC', () => {
    expect(validateDraft(draft, personal)).toEqual([]);
  });

  it.each([
    ['an empty title', { title: '  ' }, personal, 'validation.titleRequired', 'タイトルを入力してください。'],
    [
      'a title over 150 characters',
      { title: 'あ'.repeat(151) },
      personal,
      'validation.titleTooLong',
      'タイトルは 150 文字以内にしてください。',
    ],
    [
      'an empty description',
      { description: '' },
      personal,
      'validation.descriptionRequired',
      '詳細を入力してください。',
    ],
    [
      'a broken CC',
      { cc: 'taro@' },
      personal,
      'validation.ccInvalid',
      'CC のメールアドレス「taro@」の形式が正しくありません。',
    ],
    [
      'a shared account without CC',
      { cc: '' },
      shared,
      'validation.ccPersonalRequired',
      expect.stringContaining('共有アカウントでサインインしている場合'),
    ],
    [
      'a shared account with only a group address in CC',
      { cc: 'it-admin@example.co.jp' },
      shared,
      'validation.ccPersonalRequired',
      expect.stringContaining('グループアドレスは数えません'),
    ],
    [
      'a connector value on an ordinary inquiry',
      { connector: 'free' as const },
      personal,
      'validation.connectorOnlyForRequests',
      expect.stringContaining('コネクタ追加のお問い合わせのときだけ'),
    ],
    [
      'a ZIP attachment',
      { attachments: [{ id: 'z', name: 'logs.zip', type: 'application/zip', size: 10 }] },
      personal,
      'validation.zipRefused',
      expect.stringContaining('「logs.zip」は ZIP ファイルのため添付できません'),
    ],
    [
      'a huge attachment',
      { attachments: [{ id: 'h', name: 'video.mp4', type: 'video/mp4', size: maxAttachmentBytes + 1 }] },
      personal,
      'validation.attachmentTooLarge',
      '「video.mp4」は 50 MB を超えるため添付できません。',
    ],
  ])('refuses %s with a clear message', (_name, change, settings, key, message) => {
    const problems = validateDraft({ ...draft, ...change }, settings);
    expect(problems.map((problem) => problem.key)).toEqual([key]);
    expect(translate('ja', problems[0]!.key, problems[0]!.params)).toEqual(message);
  });

  it('accepts a shared account with a personal address beside the group one', () => {
    expect(
      validateDraft({ ...draft, cc: 'it-admin@example.co.jp, taro.yamada@example.co.jp' }, shared),
    ).toEqual([]);
  });
});

describe('isSharedAddress', () => {
  it.each([
    ['info@example.co.jp', true],
    ['IT-Admin@Example.co.jp', true],
    ['taro.yamada@example.co.jp', false],
    ['team-sso@example.co.jp', true],
  ])('%s → %s', (address, expected) => {
    expect(isSharedAddress(address, [...defaultSettings.sharedAddresses, 'team-sso@example.co.jp'])).toBe(
      expected,
    );
  });
});

describe('isZip', () => {
  it.each([
    ['by name', 'logs.ZIP', 'application/octet-stream', undefined, true],
    ['by type', 'logs', 'application/x-zip-compressed', undefined, true],
    [
      'by signature, renamed',
      'report.png',
      'image/png',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]),
      true,
    ],
    ['an empty archive signature', 'x.bin', '', new Uint8Array([0x50, 0x4b, 0x05, 0x06]), true],
    ['a PNG', 'shot.png', 'image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]), false],
  ])('%s', (_name, name, type, bytes, expected) => {
    expect(isZip(name, type, bytes)).toBe(expected);
  });
});
