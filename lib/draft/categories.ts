/**
 * HelpDraft's own OneLogin topic taxonomy. The help center does not publish
 * its category options (SPEC #2), so each topic carries the words that name
 * it; the filler matches them onto the live form's option labels.
 */
import { messages, type MessageKey } from '../i18n';

export const categoryKeys = [
  'sso',
  'users',
  'directories',
  'mfa',
  'policies',
  'roles',
  'login',
  'api',
  'account',
  'connector',
  'other',
] as const;
export type CategoryKey = (typeof categoryKeys)[number];

/** Words, besides the locale labels, that a help center might use for the topic. */
const synonyms: Record<CategoryKey, string[]> = {
  sso: ['SSO', 'SAML', 'アプリ', 'アプリケーション', 'シングルサインオン', 'app'],
  users: ['ユーザー', 'プロビジョニング', 'user', 'provisioning'],
  directories: ['ディレクトリ', 'Active Directory', 'AD', 'LDAP', 'Google', 'Workday', 'directory'],
  mfa: ['MFA', '多要素', '二要素', 'OTP', 'multi-factor'],
  policies: ['ポリシー', 'セキュリティ', 'policy', 'security'],
  roles: ['ロール', 'マッピング', 'role', 'mapping'],
  login: ['ログイン', 'ポータル', 'login', 'portal'],
  api: ['API', 'SDK', 'REST'],
  account: ['アカウント', 'ライセンス', '契約', 'account', 'license'],
  connector: ['コネクタ', 'connector'],
  other: ['その他', 'other'],
};

export function isCategoryKey(value: string): value is CategoryKey {
  return (categoryKeys as readonly string[]).includes(value);
}

export function categoryLabelKey(key: CategoryKey): MessageKey {
  return `category.${key}`;
}

/** Every word that names the topic: its label in each locale, then its synonyms. */
export function categoryTerms(key: CategoryKey): string[] {
  const labels = Object.values(messages).map((dictionary) => dictionary[categoryLabelKey(key)]);
  return [...new Set([...labels, ...synonyms[key]])];
}
