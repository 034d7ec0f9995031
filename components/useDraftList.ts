import { useEffect, useState } from 'react';
import type { Draft } from '@/lib/schema';
import { newestFirst, readDrafts, watchDraftList } from '@/lib/storage';

/** Every draft, newest first, kept current while `active` (the list is showing); undefined until read. */
export function useDraftList(active: boolean): Draft[] | undefined {
  const [drafts, setDrafts] = useState<Draft[]>();
  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    const load = () =>
      void readDrafts().then((read) => {
        if (!controller.signal.aborted) setDrafts(newestFirst(read));
      });
    load();
    watchDraftList(load, controller.signal);
    return () => controller.abort();
  }, [active]);
  return drafts;
}
