import type { Locale } from '../schema';
import { en } from './en';
import { ja, type MessageKey } from './ja';

export type { MessageKey };

export const messages: Record<Locale, Record<MessageKey, string>> = { ja, en };

export type MessageParams = Record<string, string | number>;

/** Looks a key up in the locale's dictionary and fills its `{name}` parameters. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = messages[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translatorFor(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

export function isMessageKey(key: string): key is MessageKey {
  return key in ja;
}
