import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { DraftSaver } from '@/lib/draft/saver';
import { sendMessage, type ResponseOf } from '@/lib/messaging';

export type SavedDraft = ResponseOf<'updateDraft'>;

/** The popup's DraftSaver: edits sent to the background until each is stored; its retries live as long as the popup. */
export function useDraftSaver() {
  const [saver] = useState(
    () => new DraftSaver<SavedDraft>((draftId, edit) => sendMessage('updateDraft', { draftId, edit })),
  );
  useEffect(() => {
    saver.resume();
    return () => saver.pause();
  }, [saver]);
  const state = useSyncExternalStore(saver.subscribe, saver.getState);
  // For storage listeners: whether everything this view typed is stored (then storage has the latest values).
  const isIdle = useCallback(() => saver.getState().pending === 0, [saver]);
  return { saver, save: saver.save, onSaved: saver.onSaved, flush: saver.flush, isIdle, ...state };
}
