import type { AttachmentRef, Capture, Draft, Settings } from '../schema';
import { composeFor, composeTitle } from './compose';
import { initialAnswers, suggestCategory, suggestPriority } from './suggest';

export interface NewDraftInput {
  id: string;
  now: string;
  capture: Capture;
  attachments: AttachmentRef[];
  settings: Settings;
  sourceTabId?: number;
}

/** A fresh draft from a capture: composed in the user's language, CC defaulting to their own address. */
export function createDraft({ id, now, capture, attachments, settings, sourceTabId }: NewDraftInput): Draft {
  const answers = initialAnswers(capture);
  return {
    id,
    createdAt: now,
    updatedAt: now,
    status: 'draft',
    ...(sourceTabId === undefined ? {} : { sourceTabId }),
    capture,
    title: composeTitle(capture, answers, settings.language),
    description: composeFor(capture, attachments, answers, settings.language),
    priority: suggestPriority(answers).priority,
    category: suggestCategory(capture, answers).category,
    cc: settings.personalEmail,
    connector: '',
    attachments,
    answers,
    overridden: { priority: false, category: false },
  };
}

/** `a@x.jp, b@y.jp` → the addresses, trimmed, empty ones dropped. */
export function splitAddresses(cc: string): string[] {
  return cc
    .split(/[,、;\s]+/)
    .map((address) => address.trim())
    .filter(Boolean);
}
