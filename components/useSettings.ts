import { useEffect, useMemo, useState } from 'react';
import { translatorFor, type Translate } from '@/lib/i18n';
import { defaultSettings, type Settings } from '@/lib/schema';
import { readSettings, watchSettings } from '@/lib/storage';

/** The stored settings, kept current while the page is open, and a translator for their language. */
export function useSettings(): { settings: Settings; loaded: boolean; t: Translate } {
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    void readSettings().then((value) => {
      if (controller.signal.aborted) return;
      setSettings(value);
      setLoaded(true);
    });
    watchSettings(setSettings, controller.signal);
    return () => controller.abort();
  }, []);
  const t = useMemo(() => translatorFor(settings.language), [settings.language]);
  useEffect(() => {
    document.documentElement.lang = settings.language;
    document.title = t('app.name');
  }, [settings.language, t]);
  return { settings, loaded, t };
}
