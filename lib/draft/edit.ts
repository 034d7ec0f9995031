/**
 * One edit of a draft, as the background applies it: the user's fields as
 * typed; new answers re-suggest priority and category unless the user chose
 * them by hand; the connector field is cleared for anything but a connector
 * request (SPEC #6: leave it unset for every other inquiry).
 */
import type { AttachmentRef, Capture, Draft, DraftEdit, Locale } from '../schema';
import { composeFor, composeTitle } from './compose';
import { suggestCategory, suggestPriority } from './suggest';
import { impliedAnswers, impliedConnector, readAnswers } from './understand/implied';

const locales: Locale[] = ['ja', 'en'];

/** The language HelpDraft wrote the draft's description in, while the user has not changed it. */
function descriptionLocale(draft: Draft, capture: Capture): Locale | undefined {
  return locales.find(
    (candidate) => composeFor(capture, draft.attachments, draft.answers, candidate) === draft.description,
  );
}

/**
 * A description still as HelpDraft wrote it follows the answers (the
 * troubleshooting or the question template, the summary as the question);
 * one the user has changed is theirs and stays.
 */
function recomposedDescription(before: Draft, capture: Capture, after: Draft): string {
  const locale = descriptionLocale(before, capture);
  return locale ? composeFor(capture, after.attachments, after.answers, locale) : after.description;
}

/**
 * The same for the title. A troubleshooting title (`[app] error text`) reads
 * the same in both languages, so the description's language, when it can
 * still be told, decides which one the new title is written in.
 */
function recomposedTitle(before: Draft, capture: Capture, after: Draft): string {
  const preferred = descriptionLocale(before, capture);
  const candidates = preferred ? [preferred, ...locales.filter((locale) => locale !== preferred)] : locales;
  const locale = candidates.find(
    (candidate) => composeTitle(capture, before.answers, candidate) === before.title,
  );
  return locale ? composeTitle(capture, after.answers, locale) : after.title;
}

/**
 * A title the user typed themselves (not one HelpDraft composed in either
 * language): its words count with the summary's (issue 16, item 3).
 */
export function typedTitle(draft: Pick<Draft, 'title' | 'answers' | 'capture'>): string {
  const { capture } = draft;
  if (!capture) return draft.title;
  return locales.some((locale) => composeTitle(capture, draft.answers, locale) === draft.title)
    ? ''
    : draft.title;
}

/**
 * The answers after an edit: a clicked inquiry type or impact is marked
 * clicked for good; the other answers follow what the summary and a typed
 * title imply (issue 16, item 3: an answer the user clicked is never overridden).
 */
function answersAfter(draft: Draft, edit: DraftEdit): Draft['answers'] {
  const { answers: answersEdit = {} } = edit;
  const clicked = {
    ...draft.answers.clicked,
    ...(answersEdit.inquiryType === undefined ? {} : { inquiryType: true }),
    ...(answersEdit.impact === undefined ? {} : { impact: true }),
  };
  const answers = {
    ...draft.answers,
    ...answersEdit,
    ...(Object.keys(clicked).length > 0 ? { clicked } : {}),
  };
  const wordsChanged = answersEdit.summary !== undefined || edit.title !== undefined;
  if (!wordsChanged) return answers;
  const title = edit.title === undefined ? typedTitle(draft) : typedTitle({ ...draft, title: edit.title });
  return impliedAnswers(answers, readAnswers(answers, title));
}

export function applyDraftEdit(draft: Draft, edit: DraftEdit, now: string): Draft {
  const { answers: answersEdit, ...fields } = edit;
  const answers = answersAfter(draft, edit);
  const answersChanged = JSON.stringify(answers) !== JSON.stringify(draft.answers);
  const overridden = {
    priority: draft.overridden.priority || fields.priority !== undefined,
    category: draft.overridden.category || fields.category !== undefined,
  };
  const next: Draft = { ...draft, ...fields, answers, overridden, updatedAt: now };
  if (!answersEdit && !answersChanged) return next;
  const capture = draft.capture ?? { url: '', errors: [] };
  return {
    ...next,
    // A field the same edit sets is the user's: it wins over the recomposed one.
    ...(draft.capture && fields.title === undefined
      ? { title: recomposedTitle(draft, draft.capture, next) }
      : {}),
    ...(draft.capture && fields.description === undefined
      ? { description: recomposedDescription(draft, draft.capture, next) }
      : {}),
    ...(overridden.priority ? {} : { priority: suggestPriority(answers).priority }),
    ...(overridden.category ? {} : { category: suggestCategory(capture, answers).category }),
    connector:
      fields.connector === undefined
        ? impliedConnector(answers, readAnswers(answers, typedTitle(next)), next.connector)
        : answers.inquiryType === 'connector-request'
          ? next.connector
          : '',
  };
}

/**
 * The draft with another set of attachments: a description still as
 * HelpDraft wrote it lists them (the writing guide's attachments section).
 */
export function withAttachments(draft: Draft, attachments: AttachmentRef[], now: string): Draft {
  const next: Draft = { ...draft, attachments, updatedAt: now };
  const locale = draft.capture ? descriptionLocale(draft, draft.capture) : undefined;
  return draft.capture && locale
    ? { ...next, description: composeFor(draft.capture, attachments, draft.answers, locale) }
    : next;
}
