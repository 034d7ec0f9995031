/**
 * What the support engineer will need (the help center's writing guide,
 * SPEC #5), and whether the draft has it yet. Pure: derived from the draft
 * every time it changes, never stored.
 */
import { translate, type MessageKey } from '../i18n';
import { emailPattern } from '../capture/redact';
import type { Draft, Locale } from '../schema';

export interface ChecklistItem {
  key: MessageKey;
  done: boolean;
}

const troubleshooting = (draft: Draft) => draft.answers.inquiryType === 'troubleshooting';

/** A placeholder of the composed description still there means the user has not written that part. */
function placeholderLeft(draft: Draft, key: MessageKey, locales: Locale[] = ['ja', 'en']): boolean {
  return locales.some((locale) => draft.description.includes(translate(locale, key)));
}

const urlPattern = /https?:\/\/(?![\w.-]*onelogin\.(com|jp))[\w.-]+/i;

export function buildChecklist(draft: Draft): ChecklistItem[] {
  const capture = draft.capture;
  const items: (ChecklistItem | false)[] = [
    troubleshooting(draft) && {
      key: 'checklist.errorText',
      done: (capture?.errors.length ?? 0) > 0 || (capture?.recording.events.length ?? 0) > 0,
    },
    troubleshooting(draft) && {
      key: 'checklist.screenshot',
      done: draft.attachments.some((attachment) => attachment.type.startsWith('image/')),
    },
    {
      key: 'checklist.entities',
      done: (capture?.entities ?? []).some(
        (entity) => entity.kind !== 'account' && (entity.id || entity.name),
      ),
    },
    (draft.category === 'users' || (capture?.entities ?? []).some((entity) => entity.kind === 'user')) && {
      key: 'checklist.userEmail',
      done:
        (capture?.entities ?? []).some((entity) => entity.kind === 'user' && entity.email) ||
        new RegExp(emailPattern.source).test(draft.description),
    },
    troubleshooting(draft) && { key: 'checklist.tried', done: !placeholderLeft(draft, 'compose.tried') },
    troubleshooting(draft) && { key: 'checklist.impact', done: !placeholderLeft(draft, 'compose.impact') },
    !troubleshooting(draft) && {
      key: 'checklist.question',
      done: draft.answers.summary.trim().length > 0 || !placeholderLeft(draft, 'compose.whatNoError'),
    },
    ['specification', 'settings-question', 'feature-request'].includes(draft.answers.inquiryType) && {
      key: 'checklist.referenceUrl',
      done: urlPattern.test(draft.description),
    },
  ];
  return items.filter((item): item is ChecklistItem => item !== false);
}
