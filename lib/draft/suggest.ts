/**
 * Suggestions with their reasons, by the help center's own rules (seed
 * article, SPEC.md): priority from the inquiry type and who is affected,
 * category from everything on screen and the user's words (./understand/).
 * Reasons are locale keys with parameters, written in the user's language.
 */
import type { MessageKey } from '../i18n';
import type { Answers, Capture, Impact, InquiryType, Priority } from '../schema';
import type { CategoryKey } from './categories';
import { scoreCategories, type CategoryEvidence } from './understand/category';

export interface Reason {
  key: MessageKey;
  params?: Record<string, string>;
  /** Parameters that are themselves locale keys (a console section's plain name), translated when shown. */
  paramKeys?: Record<string, MessageKey>;
}

export interface CategorySuggestion {
  category: CategoryKey | '';
  reasons: Reason[];
}

/**
 * The category from everything on screen (./understand/category.ts); with
 * nothing to go on, the form's "other" (その他), said so, never empty
 * (issue 16, item 4).
 */
export function suggestCategory(evidence: CategoryEvidence, answers: Answers): CategorySuggestion {
  if (answers.inquiryType === 'connector-request') {
    return { category: 'connector', reasons: [{ key: 'reason.category.connector' }] };
  }
  const best = scoreCategories(evidence, answers.summary)[0];
  return best
    ? { category: best.category, reasons: best.reasons }
    : { category: 'other', reasons: [{ key: 'reason.category.other' }] };
}

export interface PrioritySuggestion {
  priority: Priority;
  reason: Reason;
}

/**
 * The help center's criteria, word for word: feature requests, documentation
 * questions and specification checks 【低】; settings questions and
 * troubleshooting of minor impact 【普通】; troubleshooting that affects some
 * users 【高】; a failure with major impact on all users 【緊急】.
 */
export function suggestPriority({
  inquiryType,
  impact,
}: Pick<Answers, 'inquiryType' | 'impact'>): PrioritySuggestion {
  const byType: Record<Exclude<InquiryType, 'troubleshooting'>, PrioritySuggestion> = {
    'settings-question': { priority: 'normal', reason: { key: 'reason.priority.settings-question' } },
    specification: { priority: 'low', reason: { key: 'reason.priority.specification' } },
    'feature-request': { priority: 'low', reason: { key: 'reason.priority.feature-request' } },
    'connector-request': { priority: 'low', reason: { key: 'reason.priority.connector-request' } },
  };
  if (inquiryType !== 'troubleshooting') return byType[inquiryType];
  const byImpact: Record<Impact, PrioritySuggestion> = {
    minor: { priority: 'normal', reason: { key: 'reason.priority.troubleshooting-minor' } },
    'some-users': { priority: 'high', reason: { key: 'reason.priority.troubleshooting-some-users' } },
    'all-users': { priority: 'urgent', reason: { key: 'reason.priority.troubleshooting-all-users' } },
  };
  return byImpact[impact];
}

/** The first answers, before the user clicks anything: a page showing errors is a troubleshooting. */
export function initialAnswers(capture: Pick<Capture, 'errors' | 'recording'>): Answers {
  const troubled = capture.errors.length > 0 || capture.recording.events.length > 0;
  return { inquiryType: troubled ? 'troubleshooting' : 'settings-question', impact: 'minor', summary: '' };
}
