/**
 * The answers the admin's words imply, pre-selected as they type, unless
 * they clicked that answer themselves (issue 16, item 3), and the reasons
 * naming the words that decided (「“全社員” から全利用者に影響」).
 */
import type { Answers, ConnectorRequest } from '../../schema';
import type { Reason } from '../suggest';
import { readWords, type WordsReading } from './read-words';

/** The answers with every unclicked one the words speak to replaced by the words' reading. */
export function impliedAnswers(answers: Answers, reading: WordsReading): Answers {
  const clicked = answers.clicked ?? {};
  return {
    ...answers,
    ...(reading.inquiryType && !clicked.inquiryType ? { inquiryType: reading.inquiryType.value } : {}),
    ...(reading.impact && !clicked.impact ? { impact: reading.impact.value } : {}),
  };
}

/** The connector field as the words ask it; the current value when they say neither free nor paid. */
export function impliedConnector(
  answers: Answers,
  reading: WordsReading,
  current: ConnectorRequest,
): ConnectorRequest {
  if (answers.inquiryType !== 'connector-request') return '';
  return reading.connector?.value ?? current;
}

/** Why the answers are what they are, in the words the user wrote: only for answers the words decided. */
export function wordReasons(answers: Answers, reading: WordsReading): Reason[] {
  const clicked = answers.clicked ?? {};
  const reasons: Reason[] = [];
  if (reading.inquiryType && !clicked.inquiryType && reading.inquiryType.value === answers.inquiryType)
    reasons.push({
      key: `reason.words.inquiryType.${reading.inquiryType.value}`,
      params: { words: reading.inquiryType.words },
    });
  if (
    answers.inquiryType === 'troubleshooting' &&
    reading.impact &&
    !clicked.impact &&
    reading.impact.value === answers.impact
  )
    reasons.push({
      key: `reason.words.impact.${reading.impact.value}`,
      params: { words: reading.impact.words },
    });
  if (answers.inquiryType === 'connector-request' && reading.connector)
    reasons.push({
      key: `reason.words.connector.${reading.connector.value}`,
      params: { words: reading.connector.words },
    });
  if (answers.inquiryType === 'connector-request' && reading.deadline)
    reasons.push({ key: 'reason.words.deadline', params: { deadline: reading.deadline } });
  return reasons;
}

/** The reading of the summary and of a title the user typed themselves. */
export function readAnswers(answers: Answers, typedTitle = ''): WordsReading {
  return readWords(answers.summary, typedTitle);
}
