/**
 * The held-out quarter of the category scenarios: written before the
 * weights were tuned on ./tuned-rows.ts and evaluated only at the end
 * (test/eval/held-out.ts). Do not tune on it.
 */
import { consoleUrl as c, type CategoryRow } from './evaluate';

export const holdoutCategoryRows: CategoryRow[] = [
  {
    name: 'OTP error on a new-console user',
    url: `${c}/admin2/users/77`,
    breadcrumb: ['ユーザー', '佐藤 花子'],
    errors: ['OTPデバイスの登録に失敗しました'],
    category: 'mfa',
  },
  {
    name: 'Japanese SAML error on an app',
    url: `${c}/apps/44/edit#sso`,
    title: 'Zoom - アプリケーション | OneLogin',
    errors: ['SAMLレスポンスの署名が無効です'],
    category: 'sso',
  },
  {
    name: 'symptom on the dashboard',
    url: `${c}/dashboard`,
    summary: 'ログインできません',
    category: 'other',
  },
  { name: 'login2 with the product title', url: `${c}/login2/`, title: 'OneLogin', category: 'other' },
  {
    name: 'portal access refused in Japanese',
    url: `${c}/portal`,
    errors: ['このアプリケーションへのアクセス権がありません'],
    category: 'login',
  },
  {
    name: 'policy validation',
    url: `${c}/policies/3/edit`,
    heading: 'Default',
    errors: ['Session timeout must be a number'],
    category: 'policies',
  },
  {
    name: 'apps tab of a role',
    url: `${c}/admin2/roles/9`,
    heading: 'Engineering',
    activeTab: 'Apps',
    category: 'roles',
  },
  {
    name: 'LDAP directory bind',
    url: `${c}/directories/2`,
    connector: 'LDAP',
    errors: ['Bind failed'],
    category: 'directories',
  },
  {
    name: 'API rate limit in Japanese',
    url: `${c}/dashboard`,
    summary: 'APIのレート制限に引っかかる',
    category: 'api',
  },
  {
    name: 'apps missing from the portal, English',
    url: `${c}/dashboard`,
    summary: 'Users cannot see the app in the portal',
    category: 'login',
  },
  {
    name: 'English symptom on a user page',
    url: `${c}/admin2/users/3`,
    summary: 'I cannot log in',
    category: 'users',
  },
  {
    name: 'invoice for licences',
    url: `${c}/account`,
    heading: 'Account settings',
    summary: 'ライセンスの請求書がほしい',
    category: 'account',
  },
  {
    name: 'expired certificate on an app',
    url: `${c}/apps/3/edit`,
    errors: ['Certificate has expired'],
    category: 'sso',
  },
  {
    name: 'role mapping not applied',
    url: `${c}/users/4`,
    summary: 'ロールのマッピングが反映されない',
    category: 'roles',
  },
  { name: 'vague error on events', url: `${c}/events`, errors: ['An error occurred'], category: 'other' },
  {
    name: 'Google Workspace users not synced',
    url: `${c}/dashboard`,
    summary: 'Google Workspace のユーザーが同期されない',
    category: 'directories',
  },
  {
    name: 'provisioning tab error',
    url: `${c}/admin2/apps/5`,
    activeTab: 'Provisioning',
    errors: ['User could not be provisioned'],
    category: 'users',
  },
  {
    name: 'connector request',
    url: `${c}/apps/find`,
    summary: 'Kintone のコネクタを作ってほしい',
    inquiryType: 'connector-request',
    category: 'connector',
  },
  {
    name: 'MFA question on the policies page',
    url: `${c}/policies`,
    summary: 'MFAの設定方法を教えて',
    inquiryType: 'settings-question',
    category: 'mfa',
  },
  {
    name: 'users page, product name in the summary',
    url: `${c}/users`,
    title: 'Users | OneLogin',
    summary: 'OneLoginにログインできない',
    category: 'users',
  },
];
