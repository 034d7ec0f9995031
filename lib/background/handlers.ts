import type { Handlers } from '../messaging';
import { searchRelatedArticles } from './article-search';
import { openDraftForTab } from './capture-tab';
import {
  addAttachments,
  annotateAttachment,
  applyEdit,
  deleteDraft,
  duplicateDraft,
  removeAttachment,
  restoreAttachmentOriginal,
  setDraftStatus,
} from './drafts';
import { fillDraft, fillPayloadFor } from './fill-draft';

/** One handler for every message of the protocol (the type demands each; a meta-test checks it too). */
export function createHandlers(): Handlers {
  return {
    openDraftForTab: ({ tabId, recapture }) => openDraftForTab(tabId, recapture),
    updateDraft: ({ draftId, edit }) => applyEdit(draftId, edit, new Date().toISOString()),
    setDraftStatus: async ({ draftId, status }) => {
      await setDraftStatus(draftId, status, new Date().toISOString());
      return {};
    },
    duplicateDraft: ({ draftId }) => duplicateDraft(draftId, new Date().toISOString()),
    deleteDraft: async ({ draftId }) => {
      await deleteDraft(draftId);
      return {};
    },
    addAttachments: ({ draftId, attachments }) =>
      addAttachments(draftId, attachments, new Date().toISOString()),
    removeAttachment: ({ draftId, attachmentId }) =>
      removeAttachment(draftId, attachmentId, new Date().toISOString()),
    annotateAttachment: ({ draftId, attachmentId, ...annotated }) =>
      annotateAttachment(draftId, attachmentId, annotated, new Date().toISOString()),
    restoreAttachmentOriginal: ({ draftId, attachmentId }) =>
      restoreAttachmentOriginal(draftId, attachmentId, new Date().toISOString()),
    fillDraft: ({ draftId }) => fillDraft(draftId),
    searchArticles: ({ draftId, words }) => searchRelatedArticles(draftId, words),
    getFillPayload: (_request, sender) => fillPayloadFor(sender),
  };
}
