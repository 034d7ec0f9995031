/**
 * The admin's own words (issue 16, item 3): the tuned table row by row, the
 * tuned split's accuracy floor (item 5), and the words that decided.
 */
import { describe, expect, it } from 'vitest';
import { readWords, wordsOf } from '@/lib/draft/understand/read-words';
import { accuracy, evaluateSummary } from './words/evaluate';
import { tunedRows } from './words/tuned-rows';

describe('reading the summary', () => {
  it.each(tunedRows)(
    '%s → %s / %s / %s / connector %s',
    (summary, inquiryType, impact, priority, connector) => {
      const result = evaluateSummary(summary);
      expect(result.inquiryType).toBe(inquiryType);
      if (inquiryType === 'troubleshooting') expect(result.impact).toBe(impact);
      expect(result.priority).toBe(priority);
      expect(result.connector).toBe(connector);
    },
  );

  it('holds the tuned split at or above priority 97 % and connector 100 %', () => {
    expect(tunedRows.length).toBeGreaterThanOrEqual(112);
    const figures = accuracy(tunedRows);
    console.info('tuned split', tunedRows.length, figures);
    expect(figures.priority).toBeGreaterThanOrEqual(0.97);
    expect(figures.connector).toBe(1);
  });
});

describe('the words that decided', () => {
  it.each([
    ['全社員がログインできません', 'impact', '全社員'],
    ['営業部のみアプリが表示されない', 'impact', '営業部のみ'],
    ['影響はありません。保存に失敗', 'impact', '影響はありません'],
    ['Not everyone is affected but sales cannot log in', 'impact', 'not everyone'],
    ['SAMLの設定方法を教えてください', 'inquiryType', '設定方法'],
    ['It would be nice if roles could be nested', 'inquiryType', 'would be nice'],
  ] as const)('%s: %s from “%s”', (summary, field, words) => {
    expect(readWords(summary)[field]?.words.toLowerCase()).toBe(words.toLowerCase());
  });

  it.each([
    ['Kintone のコネクタを有償で構築してください。6月30日までに', '6月30日までに'],
    ['We need a custom connector, paid work is fine, by the end of March', 'by the end of March'],
    ['コネクタを有償で追加してほしい。今月中に', '今月中に'],
  ])('reads the wished deadline of %s', (summary, deadline) => {
    expect(readWords(summary).deadline).toBe(deadline);
  });

  it.each([
    ['OneLogin の画面', ['onelogin', 'の', '画面']],
    ['/login2/ page', ['login2', 'page']],
  ])('segments %s into words', (text, words) => {
    expect(wordsOf(text)).toEqual(expect.arrayContaining(words.filter((word) => word !== 'の')));
  });

  it.each(['', '   ', 'ありがとうございます'])('reads nothing from %j', (summary) => {
    const reading = readWords(summary);
    expect(reading.inquiryType).toBeUndefined();
    expect(reading.impact).toBeUndefined();
    expect(reading.connector).toBeUndefined();
  });
});
