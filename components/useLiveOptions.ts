import { useEffect, useState } from 'react';
import type { LiveFormOptions } from '@/lib/schema';
import { watchLiveOptions, type CachedLiveOptions } from '@/lib/storage';

/** The cached options of the configured help center's form, kept current; undefined until a fill has read them. */
export function useLiveOptions(helpCenterUrl: string): LiveFormOptions | undefined {
  const [cached, setCached] = useState<CachedLiveOptions>();
  useEffect(() => {
    const controller = new AbortController();
    watchLiveOptions(setCached, controller.signal);
    return () => controller.abort();
  }, []);
  let origin = '';
  try {
    origin = new URL(helpCenterUrl).origin;
  } catch {
    // A settings value that is no URL: no options match it.
  }
  return cached && cached.origin === origin ? cached.options : undefined;
}
