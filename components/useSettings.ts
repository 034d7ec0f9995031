import { useEffect, useMemo, useState } from 'react';
import { translatorFor, type Translate } from '@/lib/i18n';
import { noPolicy, type ParsedPolicy } from '@/lib/managed';
import { defaultSettings, type Settings } from '@/lib/schema';
import { readSettingsAndPolicy, watchSettingsAndPolicy } from '@/lib/storage';

export interface SettingsView {
  /** The settings in force: the user's, under the organisation's policy. */
  settings: Settings;
  /** The user's own stored settings (the settings page edits these). */
  user: Settings;
  managed: ParsedPolicy;
  loaded: boolean;
  t: Translate;
}

/** The settings and the organisation's policy, kept current while the page is open, and a translator for their language. */
export function useSettings(): SettingsView {
  const [current, setCurrent] = useState<Omit<SettingsView, 'loaded' | 't'>>({
    settings: defaultSettings,
    user: defaultSettings,
    managed: noPolicy,
  });
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    void readSettingsAndPolicy().then((value) => {
      if (controller.signal.aborted) return;
      setCurrent(value);
      setLoaded(true);
    });
    watchSettingsAndPolicy(setCurrent, controller.signal);
    return () => controller.abort();
  }, []);
  const { language } = current.settings;
  const t = useMemo(() => translatorFor(language), [language]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.name');
  }, [language, t]);
  return { ...current, loaded, t };
}
