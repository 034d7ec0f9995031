/**
 * The answers the admin's words imply while they type (issue 16, item 3):
 * pre-selected with the words that decided, never over an answer the user
 * clicked, and the connector field following a recognised connector request.
 */
import { describe, expect, it } from 'vitest';
import { composeTitle } from '@/lib/draft/compose';
import { applyDraftEdit } from '@/lib/draft/edit';
import { impliedAnswers, readAnswers, wordReasons } from '@/lib/draft/understand/implied';
import { translate } from '@/lib/i18n';
import { draftSchema, type Answers } from '@/lib/schema';
import { makeCapture, makeDraft } from './fixtures';

const unclicked: Answers = { inquiryType: 'troubleshooting', impact: 'minor', summary: '' };

describe('implied answers', () => {
  it.each([
    ['全社員がログインできません', 'troubleshooting', 'all-users'],
    ['営業部のみアプリが表示されない', 'troubleshooting', 'some-users'],
    ['SAMLの設定方法を教えてください', 'settings-question', 'minor'],
    ['It would be nice if roles could be nested', 'feature-request', 'minor'],
  ] as const)('%s pre-selects %s / %s', (summary, inquiryType, impact) => {
    const answers = { ...unclicked, summary };
    expect(impliedAnswers(answers, readAnswers(answers))).toMatchObject({ inquiryType, impact });
  });

  it.each([
    [{ inquiryType: true }, 'settings-question', 'all-users'],
    [{ impact: true }, 'troubleshooting', 'minor'],
    [{ inquiryType: true, impact: true }, 'settings-question', 'minor'],
  ] as const)('keeps the clicked answers %j', (clicked, inquiryType, impact) => {
    const answers: Answers = {
      inquiryType: 'settings-question',
      impact: 'minor',
      summary: '全社員がログインできません',
      clicked,
    };
    expect(impliedAnswers(answers, readAnswers(answers))).toMatchObject({ inquiryType, impact });
  });

  it.each([
    ['ja', '全社員がログインできません', '“全社員” から全利用者に影響'],
    ['en', 'Nobody can log in to the portal', '“Nobody can”: affects all users'],
    ['ja', 'Kintone のコネクタを有償で構築してください。6月30日までに', '希望期限: 6月30日までに'],
  ] as const)('in %s, the reason for %s says %s', (locale, summary, reason) => {
    const answers = { ...unclicked, summary };
    const reading = readAnswers(answers);
    const shown = wordReasons(impliedAnswers(answers, reading), reading).map((item) =>
      translate(locale, item.key, item.params),
    );
    expect(shown).toContain(reason);
  });

  it('gives no word reason for an answer the user clicked', () => {
    const answers: Answers = {
      ...unclicked,
      summary: '全社員がログインできません',
      clicked: { impact: true },
    };
    const reading = readAnswers(answers);
    expect(wordReasons(impliedAnswers(answers, reading), reading).map((item) => item.key)).not.toContain(
      'reason.words.impact.all-users',
    );
  });
});

describe('editing a draft with words', () => {
  // The title HelpDraft composed: only a title the user typed counts as their words.
  const draft = makeDraft({ capture: makeCapture(), title: composeTitle(makeCapture(), unclicked, 'ja') });
  const now = 'now';

  it.each([
    ['全社員がログインできません', 'urgent'],
    ['一部のユーザーがログインできません', 'high'],
    ['私だけエラーになります', 'normal'],
    ['SCIMの仕様を教えてください', 'low'],
  ] as const)('typing %s suggests priority %s', (summary, priority) => {
    expect(applyDraftEdit(draft, { answers: { summary } }, now).priority).toBe(priority);
  });

  it('marks a clicked answer and keeps it through further typing', () => {
    const clicked = applyDraftEdit(draft, { answers: { impact: 'some-users' } }, now);
    expect(clicked.answers.clicked).toEqual({ impact: true });
    const typed = applyDraftEdit(clicked, { answers: { summary: '全社員がログインできません' } }, now);
    expect(typed.answers.impact).toBe('some-users');
    expect(typed.priority).toBe('high');
  });

  it.each([
    ['コネクタを有償で構築してほしい', 'paid'],
    ['新しいコネクタを無償で追加してください', 'free'],
    ['コネクタを追加してください', ''],
    ['全社員がログインできません', ''],
  ] as const)('typing %s sets the connector field to %j', (summary, connector) => {
    expect(applyDraftEdit(draft, { answers: { summary } }, now).connector).toBe(connector);
  });

  it('clears the connector once the words no longer ask for one', () => {
    const paid = applyDraftEdit(draft, { answers: { summary: 'コネクタを有償で構築してほしい' } }, now);
    expect(paid.connector).toBe('paid');
    expect(applyDraftEdit(paid, { answers: { summary: '全社員がログインできません' } }, now).connector).toBe(
      '',
    );
  });

  it('reads a title the user typed, not the one HelpDraft composed', () => {
    const typedTitle = applyDraftEdit(draft, { title: '全社員がログインできない' }, now);
    expect(typedTitle.answers.impact).toBe('all-users');
  });

  it.each([
    ['without clicked answers', { inquiryType: 'troubleshooting', impact: 'minor', summary: '' }],
    [
      'with clicked answers',
      { inquiryType: 'troubleshooting', impact: 'minor', summary: '', clicked: { impact: true } },
    ],
  ])('a stored draft %s still parses', (_name, answers) => {
    expect(draftSchema.safeParse({ ...makeDraft(), answers }).success).toBe(true);
  });
});
