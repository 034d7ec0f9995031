import type { Handlers } from '../messaging';
import { openDraftForTab } from './capture-tab';
import { applyEdit } from './drafts';
import { fillDraft, fillPayloadFor } from './fill-draft';

/** One handler for every message of the protocol (the type demands each; a meta-test checks it too). */
export function createHandlers(): Handlers {
  return {
    openDraftForTab: ({ tabId, recapture }) => openDraftForTab(tabId, recapture),
    updateDraft: ({ draftId, edit }) => applyEdit(draftId, edit, new Date().toISOString()),
    fillDraft: ({ draftId }) => fillDraft(draftId),
    getFillPayload: (_request, sender) => fillPayloadFor(sender),
  };
}
