/**
 * The category from everything on screen (issue 16, item 4): where the
 * admin was (the active tab, the page heading, the breadcrumb, the page
 * title, the console section of the URL) and what the problem is about
 * (their summary, the errors, the app's connector), each weighted.
 *
 * Where the admin was counts once, by its strongest source: a title, a
 * breadcrumb and a URL all naming the users page are one fact, and an MFA
 * error on a user's page is about MFA. Words match on word boundaries:
 * "OneLogin" is the product's name, not "login", and `/login2/` is not the
 * login page (docs/ONELOGIN.md: console paths). A symptom (ログインできない,
 * "cannot log in") names no topic: only the login page or the portal does.
 */
import type { Capture, Entity } from '../../schema';
import type { CategoryKey } from '../categories';
import type { Reason } from '../suggest';
import type { MessageKey } from '../../i18n';

/** Where a word was found; each has its weight and the reason it gives. */
export type CategorySource =
  'summary' | 'error' | 'connectorName' | 'activeTab' | 'heading' | 'breadcrumb' | 'title' | 'page';

/** The user's words most, then the errors; the page's places by how precisely they say where. */
export const sourceWeights: Record<CategorySource, number> = {
  summary: 4,
  error: 3,
  connectorName: 2.5,
  activeTab: 2.5,
  heading: 2.5,
  breadcrumb: 2.5,
  title: 2,
  page: 2,
};

/** Sources that say where the admin was: of these only the strongest counts. */
const placeSources = new Set<CategorySource>(['activeTab', 'heading', 'breadcrumb', 'title', 'page']);

interface Topic {
  category: CategoryKey;
  /** Words naming the topic anywhere: Japanese matched as written, ASCII on word boundaries. */
  words: string[];
  /** Words naming the topic only as a place (a heading, a tab, a breadcrumb): "ユーザー" in a summary is not a topic. */
  placeWords?: string[];
}

const topics: Topic[] = [
  {
    category: 'sso',
    words: [
      'SAML',
      'SSO',
      'シングルサインオン',
      '証明書',
      'アサーション',
      'certificate',
      'assertion',
      'InResponseTo',
      'NotOnOrAfter',
      'x509',
      'single sign-on',
      'OIDC',
      'OpenID Connect',
    ],
    placeWords: ['アプリケーション', 'アプリ', 'applications', 'application', 'apps', 'app'],
  },
  {
    category: 'users',
    words: ['プロビジョニング', 'provisioning', 'provision'],
    placeWords: ['ユーザー', 'users', 'user'],
  },
  {
    category: 'directories',
    words: [
      'LDAP',
      'Active Directory',
      'AD Connector',
      'ADコネクタ',
      'Workday',
      'Google Workspace',
      'ディレクトリ',
      'directory',
      'directories',
    ],
  },
  {
    category: 'mfa',
    words: [
      'MFA',
      'OTP',
      '2FA',
      '多要素',
      '二要素',
      '二段階認証',
      'Authenticator',
      '認証要素',
      'ワンタイムパスワード',
      'multi-factor',
      'authentication factor',
      'authentication factors',
    ],
  },
  {
    category: 'policies',
    words: ['ポリシー', 'policy', 'policies'],
    placeWords: ['セキュリティ', 'security'],
  },
  { category: 'roles', words: ['ロール', 'role', 'roles', 'マッピング', 'mapping', 'mappings'] },
  {
    category: 'login',
    words: [
      'ポータル',
      'portal',
      'ログイン画面',
      'ログインページ',
      'サインイン画面',
      'login page',
      'sign-in page',
      'login screen',
    ],
  },
  {
    category: 'api',
    words: ['API', 'access token', 'アクセストークン', 'rate limit', 'レート制限', 'client secret'],
    placeWords: ['developers', '開発者'],
  },
  {
    category: 'account',
    words: ['ライセンス', 'license', 'licenses', '契約', '請求', 'billing', 'invoice'],
    placeWords: ['アカウント設定', 'account settings', 'アカウント'],
  },
];

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
  // `(\/|$)`: `/login2/` is another page, not the login page.
  { pattern: /^\/(login|portal|client\/apps)(\/|$)/, category: 'login', section: 'portal' },
];

function escaped(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A word's pattern: an ASCII word only between non-letters and non-digits,
 * so "login" is not found in "OneLogin" or "login2"; a Japanese word as
 * written, since Japanese has no spaces between words.
 */
function patternOf(word: string): RegExp {
  const ascii = /^[\x20-\x7e]+$/.test(word);
  return ascii
    ? new RegExp(`(?<![\\p{L}\\p{N}])${escaped(word).replace(/[ -]/g, '[ -]?')}(?![\\p{L}\\p{N}])`, 'iu')
    : new RegExp(escaped(word), 'iu');
}

interface CompiledTopic {
  category: CategoryKey;
  everywhere: { word: string; pattern: RegExp }[];
  placesOnly: { word: string; pattern: RegExp }[];
}

const compiled: CompiledTopic[] = topics.map((topic) => ({
  category: topic.category,
  everywhere: topic.words.map((word) => ({ word, pattern: patternOf(word) })),
  placesOnly: (topic.placeWords ?? []).map((word) => ({ word, pattern: patternOf(word) })),
}));

/** The first word of the topic found in the text, as written there. */
function found(topic: CompiledTopic, text: string, place: boolean): string | undefined {
  const words = place ? [...topic.everywhere, ...topic.placesOnly] : topic.everywhere;
  for (const { pattern } of words) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return undefined;
}

/** The console section, on OneLogin's own hosts only: `/login` on a service provider's site is not OneLogin's. */
export function sectionOf(url: string): (typeof sectionRules)[number] | undefined {
  try {
    const { hostname, pathname } = new URL(url);
    if (!hostname.endsWith('.onelogin.com')) return undefined;
    return sectionRules.find((rule) => rule.pattern.test(pathname));
  } catch {
    return undefined;
  }
}

/** What the category is read from: the capture's page, the errors, and the user's words. */
export type CategoryEvidence = Pick<Capture, 'url' | 'errors'> &
  Partial<Pick<Capture, 'title' | 'heading' | 'entities' | 'context'>>;

const reasonKeys: Record<Exclude<CategorySource, 'page'>, MessageKey> = {
  summary: 'reason.category.summary',
  error: 'reason.category.error',
  connectorName: 'reason.category.connectorName',
  activeTab: 'reason.category.activeTab',
  heading: 'reason.category.heading',
  breadcrumb: 'reason.category.breadcrumb',
  title: 'reason.category.title',
};

/** The breadcrumb's deepest step that names a topic: in ユーザー › ロール the page is the roles page. */
function deepestNamedStep(steps: string[]): string {
  return [...steps].reverse().find((step) => compiled.some((topic) => found(topic, step, true))) ?? '';
}

/** The page's own texts by source; the app's tab from its URL counts as the active tab when the page said none. */
function textsOf(evidence: CategoryEvidence, summary: string): [CategorySource, string][] {
  const appTab = evidence.entities?.find((entity: Entity) => entity.kind === 'app')?.section;
  const connectors = (evidence.entities ?? [])
    .filter((entity) => entity.kind === 'connector' && entity.name)
    .map((entity) => entity.name ?? '');
  const texts: [CategorySource, string][] = [
    ['summary', summary],
    ...evidence.errors.map((error): [CategorySource, string] => ['error', error.text]),
    ...connectors.map((name): [CategorySource, string] => ['connectorName', name]),
    ['activeTab', evidence.context?.activeTab ?? appTab ?? ''],
    ['heading', evidence.heading ?? ''],
    ['breadcrumb', deepestNamedStep(evidence.context?.breadcrumb ?? [])],
    // The title's product name ("| OneLogin") says nothing; the rest names the page.
    ['title', (evidence.title ?? '').replace(/\bOneLogin\b/g, ' ')],
  ];
  return texts.filter(([, text]) => text.trim() !== '');
}

export interface CategoryScore {
  category: CategoryKey;
  score: number;
  reasons: Reason[];
}

/** Every category with evidence, best first; on a tie, what the problem is about wins over where it was. */
export function scoreCategories(evidence: CategoryEvidence, summary: string): CategoryScore[] {
  const scores = new Map<CategoryKey, { topic: number; place: number; reasons: Reason[] }>();
  const add = (category: CategoryKey, source: CategorySource, reason: Reason) => {
    const entry = scores.get(category) ?? { topic: 0, place: 0, reasons: [] };
    const weight = sourceWeights[source];
    if (placeSources.has(source)) {
      if (weight <= entry.place) return;
      entry.place = weight;
    } else {
      // One error or one summary word is enough; more errors of the same topic add nothing.
      if (entry.reasons.some((existing) => existing.key === reason.key)) return;
      entry.topic += weight;
    }
    entry.reasons.push(reason);
    scores.set(category, entry);
  };
  const section = sectionOf(evidence.url);
  if (section)
    add(section.category, 'page', {
      key: 'reason.category.page',
      params: {},
      paramKeys: { section: `section.${section.section}` as MessageKey },
    });
  for (const [source, text] of textsOf(evidence, summary)) {
    for (const topic of compiled) {
      const word = found(topic, text, placeSources.has(source));
      if (word && source !== 'page')
        add(topic.category, source, { key: reasonKeys[source], params: { word } });
    }
  }
  return [...scores]
    .map(([category, entry]) => ({
      category,
      score: entry.topic + entry.place,
      topic: entry.topic,
      reasons: entry.reasons,
    }))
    .sort((a, b) => b.score - a.score || b.topic - a.topic)
    .map(({ category, score, reasons }) => ({ category, score, reasons }));
}
