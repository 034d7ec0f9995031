/**
 * Suggestions with their reasons, by the help center's own rules (seed
 * article, SPEC.md): priority from the inquiry type and who is affected,
 * category from the console section, the error texts and the user's words.
 * Reasons are locale keys with parameters, written in the user's language.
 */
import type { MessageKey } from '../i18n';
import type { Answers, Capture, Impact, InquiryType, Priority } from '../schema';
import type { CategoryKey } from './categories';

export interface Reason {
  key: MessageKey;
  params?: Record<string, string>;
}

/** Console sections by URL path, old and new (`/admin2/...`) console alike (docs/ONELOGIN.md). */
const sectionRules: { pattern: RegExp; category: CategoryKey; section: string }[] = [
  { pattern: /^\/(admin2\/)?apps(\/|$)/, category: 'sso', section: 'apps' },
  {
    pattern: /^\/(admin2\/)?(directories|users\/directories)(\/|$)/,
    category: 'directories',
    section: 'directories',
  },
  { pattern: /^\/(admin2\/)?(mappings|users\/mappings)(\/|$)/, category: 'roles', section: 'mappings' },
  { pattern: /^\/(admin2\/)?users(\/|$)/, category: 'users', section: 'users' },
  { pattern: /^\/(admin2\/)?roles(\/|$)/, category: 'roles', section: 'roles' },
  {
    pattern: /^\/(admin2\/)?(policies|user_policies|security)(\/|$)/,
    category: 'policies',
    section: 'policies',
  },
  { pattern: /^\/(admin2\/)?(otp|mfa|authentication_factors)(\/|$)/, category: 'mfa', section: 'mfa' },
  { pattern: /^\/(admin2\/)?(api|api_credentials|developers)(\/|$)/, category: 'api', section: 'api' },
  { pattern: /^\/(admin2\/)?(account|billing|licenses?)(\/|$)/, category: 'account', section: 'account' },
  { pattern: /^\/(login|portal|client\/apps)(\/|$)/, category: 'login', section: 'portal' },
];

/** Words in error texts or in the user's summary that point at a topic. */
const keywordRules: { pattern: RegExp; category: CategoryKey }[] = [
  {
    pattern:
      /SAML|SSO|シングルサインオン|証明書|certificate|assertion|アサーション|InResponseTo|NotOnOrAfter/i,
    category: 'sso',
  },
  { pattern: /プロビジョニング|provisioning/i, category: 'users' },
  {
    pattern: /LDAP|Active Directory|AD Connector|ADコネクタ|Workday|Google Workspace|ディレクトリ|directory/i,
    category: 'directories',
  },
  { pattern: /MFA|OTP|多要素|二要素|Authenticator|認証要素|ワンタイムパスワード/i, category: 'mfa' },
  { pattern: /ポリシー|policy|policies/i, category: 'policies' },
  { pattern: /ロール|role|マッピング|mapping/i, category: 'roles' },
  { pattern: /ログイン|login|ポータル|portal|サインイン|sign[- ]?in/i, category: 'login' },
  { pattern: /\bAPI\b|access token|アクセストークン|rate limit/i, category: 'api' },
  { pattern: /ライセンス|license|契約|請求|billing/i, category: 'account' },
];

/** How much each kind of evidence counts: the user's own words most, then where they were, then the errors. */
const weights = { summary: 4, section: 3, error: 2 } as const;

export interface CategorySuggestion {
  category: CategoryKey | '';
  reasons: Reason[];
}

/** The console section, on OneLogin's own hosts only: `/login` on a service provider's site is not OneLogin's. */
function sectionOf(url: string): (typeof sectionRules)[number] | undefined {
  try {
    const { hostname, pathname } = new URL(url);
    if (!hostname.endsWith('.onelogin.com')) return undefined;
    return sectionRules.find((rule) => rule.pattern.test(pathname));
  } catch {
    return undefined;
  }
}

export function suggestCategory(
  capture: Pick<Capture, 'url' | 'errors'>,
  answers: Answers,
): CategorySuggestion {
  if (answers.inquiryType === 'connector-request') {
    return { category: 'connector', reasons: [{ key: 'reason.category.connector' }] };
  }
  const scores = new Map<CategoryKey, { score: number; reasons: Reason[] }>();
  const add = (category: CategoryKey, score: number, reason: Reason) => {
    const entry = scores.get(category) ?? { score: 0, reasons: [] };
    entry.score += score;
    entry.reasons.push(reason);
    scores.set(category, entry);
  };
  const section = sectionOf(capture.url);
  if (section)
    add(section.category, weights.section, {
      key: 'reason.category.section',
      params: { section: section.section },
    });
  for (const rule of keywordRules) {
    const inSummary = rule.pattern.exec(answers.summary);
    if (inSummary)
      add(rule.category, weights.summary, { key: 'reason.category.summary', params: { word: inSummary[0] } });
    const inErrors = capture.errors.map((error) => rule.pattern.exec(error.text)).find(Boolean);
    if (inErrors)
      add(rule.category, weights.error, { key: 'reason.category.error', params: { word: inErrors[0] } });
  }
  const best = [...scores].sort((a, b) => b[1].score - a[1].score)[0];
  return best
    ? { category: best[0], reasons: best[1].reasons }
    : { category: '', reasons: [{ key: 'reason.category.none' }] };
}

export interface PrioritySuggestion {
  priority: Priority;
  reason: Reason;
}

/**
 * The help center's criteria, word for word: feature requests, documentation
 * questions and specification checks 【低】; settings questions and
 * troubleshooting of minor impact 【普通】; troubleshooting that affects some
 * users 【高】; a failure with major impact on all users 【緊急】.
 */
export function suggestPriority({
  inquiryType,
  impact,
}: Pick<Answers, 'inquiryType' | 'impact'>): PrioritySuggestion {
  const byType: Record<Exclude<InquiryType, 'troubleshooting'>, PrioritySuggestion> = {
    'settings-question': { priority: 'normal', reason: { key: 'reason.priority.settings-question' } },
    specification: { priority: 'low', reason: { key: 'reason.priority.specification' } },
    'feature-request': { priority: 'low', reason: { key: 'reason.priority.feature-request' } },
    'connector-request': { priority: 'low', reason: { key: 'reason.priority.connector-request' } },
  };
  if (inquiryType !== 'troubleshooting') return byType[inquiryType];
  const byImpact: Record<Impact, PrioritySuggestion> = {
    minor: { priority: 'normal', reason: { key: 'reason.priority.troubleshooting-minor' } },
    'some-users': { priority: 'high', reason: { key: 'reason.priority.troubleshooting-some-users' } },
    'all-users': { priority: 'urgent', reason: { key: 'reason.priority.troubleshooting-all-users' } },
  };
  return byImpact[impact];
}

/** The first answers, before the user clicks anything: a page showing errors is a troubleshooting. */
export function initialAnswers(capture: Pick<Capture, 'errors' | 'recording'>): Answers {
  const troubled = capture.errors.length > 0 || capture.recording.events.length > 0;
  return { inquiryType: troubled ? 'troubleshooting' : 'settings-question', impact: 'minor', summary: '' };
}
