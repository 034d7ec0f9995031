/**
 * First suggestions from a capture. The rules here are the simplest honest
 * ones (console section from the URL); reasons and the help center's full
 * priority criteria grow in lib/draft as the Draft issue lands.
 */
import type { Capture, Priority } from '../schema';
import type { CategoryKey } from './categories';

/** Console sections by URL path, old and new (`/admin2/...`) console alike (shared/onelogin.md). */
const sectionRules: { pattern: RegExp; category: CategoryKey }[] = [
  { pattern: /^\/(admin2\/)?apps(\/|$)/, category: 'sso' },
  { pattern: /^\/(admin2\/)?(directories|users\/directories)(\/|$)/, category: 'directories' },
  { pattern: /^\/(admin2\/)?(mappings|users\/mappings)(\/|$)/, category: 'roles' },
  { pattern: /^\/(admin2\/)?users(\/|$)/, category: 'users' },
  { pattern: /^\/(admin2\/)?roles(\/|$)/, category: 'roles' },
  { pattern: /^\/(admin2\/)?(policies|security)(\/|$)/, category: 'policies' },
  { pattern: /^\/(admin2\/)?(otp|mfa|authentication_factors)(\/|$)/, category: 'mfa' },
  { pattern: /^\/(admin2\/)?(api|api_credentials|developers)(\/|$)/, category: 'api' },
  { pattern: /^\/(admin2\/)?(account|billing|licenses?)(\/|$)/, category: 'account' },
  { pattern: /^\/(login|portal|client\/apps)(\/|$)/, category: 'login' },
];

export function suggestCategory(capture: Pick<Capture, 'url'>): CategoryKey | '' {
  let path: string;
  try {
    path = new URL(capture.url).pathname;
  } catch {
    return '';
  }
  return sectionRules.find((rule) => rule.pattern.test(path))?.category ?? '';
}

/**
 * Without knowing who is affected, the help center's criteria put both a
 * settings question and a troubleshooting of minor impact at 普通; the user
 * raises it when some or all users are affected.
 */
export const defaultPriority: Priority = 'normal';
