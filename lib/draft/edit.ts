/**
 * One edit of a draft, as the background applies it: the user's fields as
 * typed; new answers re-suggest priority and category unless the user chose
 * them by hand; the connector field is cleared for anything but a connector
 * request (SPEC #6: leave it unset for every other inquiry).
 */
import type { Capture, Draft, DraftEdit, Locale } from '../schema';
import { composeFor } from './compose';
import { suggestCategory, suggestPriority } from './suggest';

/**
 * A description still as HelpDraft wrote it follows the answers (the
 * troubleshooting or the question template, the summary as the question);
 * one the user has changed is theirs and stays.
 */
function recomposed(before: Draft, capture: Capture, after: Draft): string {
  const locale = locales.find(
    (candidate) => composeFor(capture, before.attachments, before.answers, candidate) === before.description,
  );
  return locale ? composeFor(capture, after.attachments, after.answers, locale) : after.description;
}

const locales: Locale[] = ['ja', 'en'];

export function applyDraftEdit(draft: Draft, edit: DraftEdit, now: string): Draft {
  const { answers: answersEdit, ...fields } = edit;
  const answers = { ...draft.answers, ...answersEdit };
  const overridden = {
    priority: draft.overridden.priority || fields.priority !== undefined,
    category: draft.overridden.category || fields.category !== undefined,
  };
  const next: Draft = { ...draft, ...fields, answers, overridden, updatedAt: now };
  if (!answersEdit) return next;
  const capture = draft.capture ?? { url: '', errors: [] };
  return {
    ...next,
    ...(draft.capture && fields.description === undefined
      ? { description: recomposed(draft, draft.capture, next) }
      : {}),
    ...(overridden.priority ? {} : { priority: suggestPriority(answers).priority }),
    ...(overridden.category ? {} : { category: suggestCategory(capture, answers).category }),
    connector: answers.inquiryType === 'connector-request' ? next.connector : '',
  };
}
