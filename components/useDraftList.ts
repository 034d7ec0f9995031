import { useEffect, useState } from 'react';
import type { Draft } from '@/lib/schema';
import { newestFirst, readDraftList, watchDraftList, type UnreadableDraft } from '@/lib/storage';

export interface DraftListState {
  drafts: Draft[];
  /** Stored drafts that do not parse: shown so their text can be recovered, never dropped silently. */
  unreadable: UnreadableDraft[];
}

/** Every draft, newest first, kept current while `active` (the list is showing); undefined until read, each time it shows. */
export function useDraftList(active: boolean): DraftListState | undefined {
  const [list, setList] = useState<DraftListState>();
  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    const load = () =>
      void readDraftList().then(({ drafts, unreadable }) => {
        if (!controller.signal.aborted) setList({ drafts: newestFirst(drafts), unreadable });
      });
    load();
    watchDraftList(load, controller.signal);
    return () => {
      controller.abort();
      // Changes made while the list is hidden (an edit, a duplicate's title) are not watched:
      // shown again, it reads afresh instead of showing the old contents until the read ends.
      setList(undefined);
    };
  }, [active]);
  return list;
}
