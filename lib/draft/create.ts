import type { AttachmentRef, Capture, Draft, Settings } from '../schema';
import { composeDescription, composeTitle } from './compose';
import { defaultPriority, suggestCategory } from './suggest';

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
  return {
    id,
    createdAt: now,
    updatedAt: now,
    status: 'draft',
    ...(sourceTabId === undefined ? {} : { sourceTabId }),
    capture,
    title: composeTitle(capture, settings.language),
    description: composeDescription(capture, attachments, settings.language),
    priority: defaultPriority,
    category: suggestCategory(capture),
    cc: settings.personalEmail,
    connector: '',
    attachments,
  };
}

/** `a@x.jp, b@y.jp` → the addresses, trimmed, empty ones dropped. */
export function splitAddresses(cc: string): string[] {
  return cc
    .split(/[,、;\s]+/)
    .map((address) => address.trim())
    .filter(Boolean);
}
