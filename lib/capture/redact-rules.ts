/**
 * The rule set that finds secrets in text, one table for the text redactor
 * and the screenshot's boxes (lib/capture/redact.ts turns its spans into
 * `[REDACTED]` or into rectangles). Each rule finds candidates with a regular
 * expression and may judge each one (a label's words, a value's shape), so
 * "Token expired" keeps its word while "token 8f3kQ9zL…" loses its value.
 * The shapes are pinned by test/fixtures/secrets/shapes.ts.
 */
import { namesSecretValue } from './secret-words';
import { isAscii, isPlaceholder, looksLikeToken, randomParts } from './secret-values';

/** A [start, end) range of the text to mask. */
export type Range = [number, number];

export interface TextRule {
  /** What it masks, for the user (`redaction.<rule>` in lib/i18n). */
  rule: string;
  /** Global and with indices (`d`): the `secret` group is what is masked, else the whole match. */
  pattern: RegExp;
  /** The ranges of one match to mask; none to keep it. */
  judge?: (match: RegExpExecArray) => Range[];
  /**
   * Where the search goes on after a match judged no secret: by default one
   * character later (the match may hold a secret: `"error": "password=…"`);
   * past the label for rules that judge a label, so rejections stay linear.
   */
  resume?: (match: RegExpExecArray) => number;
}

/** The range of a named group, or nothing when it did not take part. */
export function groupRange(match: RegExpExecArray, name: string): Range | undefined {
  return match.indices?.groups?.[name] ?? undefined;
}

/** The range without its enclosing quotes: `"hunter2"` is masked as `"[REDACTED]"`. */
function unquoted(text: string, [start, end]: Range): Range {
  if (text.startsWith('\\"', start) && text.startsWith('\\"', end - 2) && end - start >= 4)
    return [start + 2, end - 2];
  const first = text[start];
  return end - start >= 2 && (first === '"' || first === "'") && text[end - 1] === first
    ? [start + 1, end - 1]
    : [start, end];
}

/**
 * A quoted value; `\"…\"` is one inside a JSON string (a logged object's `message`
 * holding JSON); one left open at the end of the text was cut there (the recorder
 * caps a logged text, lib/recorder/format.ts `cap`).
 */
const quotedValue = String.raw`"(?:[^"\\\r\n]|\\.){0,4096}"|'(?:[^'\\\r\n]|\\.){0,4096}'|\\"(?:[^"\\\r\n]|\\[^"\r\n]){0,4096}\\"|"(?:[^"\\\r\n]|\\.){0,4096}$`;
/**
 * An unquoted value ends at a space, a quote, a delimiter of the text around it or a
 * closing bracket. Bounded, so a text of a million `a=` costs a million short tries, not
 * a million long ones; a longer value is masked whole by extending the span (extendBare).
 */
const bareValue = String.raw`[^\s"'<>,;&(){}\[\]][^\s"'<>,;&)}\]]{0,255}`;
const bareCharacter = /[^\s"'<>,;&)}\]]/;

/** The end of a bare value that went on past bareValue's bound. */
function extendBare(text: string, end: number): number {
  let position = end;
  while (position < text.length && bareCharacter.test(text[position] ?? ' ')) position += 1;
  return position;
}

/** Authorization schemes (RFC 9110 §11, IANA's registry; SSWS is Okta's, `bearer:` OneLogin's). */
const schemes = String.raw`bearer|token|ssws|basic|digest|negotiate|ntlm|hoba|mutual|apikey|api-key`;

/** English labels of more than one word, as admin consoles print them ("Client Secret", "Secret Access Key"). */
const englishLabel = String.raw`(?:(?:client|api|private|access|secret|consumer|app|application|signing|shared|master|webhook|refresh|session|auth|aws|oauth|personal|bearer|id)[ \t]+){1,2}(?:secret|key|token|password|passphrase|credentials?)(?:[ \t]+(?:key|id|value))?|(?:verification|one[ -]time|auth|mfa|otp|security)[ \t]+(?:code|passcode|password)`;
/** Japanese labels (OneLogin's Japanese console and the vocabulary of lib/capture/secret-words.ts). */
const japaneseLabel = String.raw`クライアント[ \u3000]?シークレット|シークレット(?:[ \u3000]?キー)?|秘密鍵|秘密キー|アクセス[ \u3000]?トークン|リフレッシュ[ \u3000]?トークン|トークン|パスワード|API[ \u3000]?キー|アクセス[ \u3000]?キー|認証情報|認証コード|確認コード`;
const identifier = String.raw`(?<![A-Za-z0-9_.\-])[A-Za-z_][A-Za-z0-9_.\-]{0,59}`;

/**
 * "label value", "label: value", "label：value", "label=value", `"label": "value"`:
 * the label must name a secret's value (secret-words.ts), the value must be one.
 */
function judgeAssignment(match: RegExpExecArray): Range[] {
  const name = (match.groups?.name ?? '').replace(/^["']|["']$/g, '');
  const separator = match.groups?.separator ?? '';
  const range = groupRange(match, 'secret');
  if (!range || !namesSecretValue(name)) return [];
  const [start, end] = unquoted(match.input, range);
  const value = match.input.slice(start, end);
  const quoted = end - start !== range[1] - range[0];
  if (isPlaceholder(value)) return [];
  const whole: Range = quoted ? [start, end] : [start, extendBare(match.input, end)];
  if (separator.trim() === '') return looksLikeToken(value) ? [whole] : [];
  if (quoted) return [whole];
  // After a colon, prose: "Password: must be at least 8 characters", 「パスワード：8文字以上」.
  if (!isAscii(value)) return [];
  const prose = /^[a-z]+$/.test(value) && /^ +[a-z]/.test(match.input.slice(end, end + 3));
  return prose && separator.includes(':') ? [] : [whole];
}

/** After a rejected label: go on just past it (what follows may be a label again). */
function pastName(match: RegExpExecArray): number {
  return groupRange(match, 'name')?.[1] ?? match.index + 1;
}

/** After a rejected header: go on where its value began. */
function atSecret(match: RegExpExecArray): number {
  return groupRange(match, 'secret')?.[0] ?? match.index + 1;
}

/** An Authorization header's value, its scheme kept readable: `Authorization: Bearer [REDACTED]`. */
function judgeAuthorization(match: RegExpExecArray): Range[] {
  const range = groupRange(match, 'secret');
  if (!range) return [];
  let [start, end] = unquoted(match.input, range);
  const value = match.input.slice(start, end);
  if (isPlaceholder(value.trim())) return [];
  const scheme = new RegExp(String.raw`^(?:${schemes})(?:\s+|:)`, 'i').exec(value);
  if (scheme && value.length > scheme[0].length) start += scheme[0].length;
  while (end > start && /\s/.test(match.input[end - 1] ?? '')) end -= 1;
  return [[start, end]];
}

/**
 * English words that follow a scheme's name in prose ("Bearer token expired",
 * "Basic authentication failed"): after these the word is kept.
 */
const schemeProse = new Set([
  'token',
  'tokens',
  'auth',
  'authentication',
  'authorization',
  'authorisation',
  'scheme',
  'realm',
  'header',
  'headers',
  'credentials',
  'credential',
  'required',
  'error',
  'errors',
  'expired',
  'invalid',
  'missing',
  'is',
  'was',
  'has',
  'not',
  'failed',
  'login',
  'access',
  'and',
  'or',
  'the',
  'a',
  'an',
  'for',
  'with',
  'in',
  'of',
  'to',
  'type',
  'value',
  'format',
  'string',
  'plan',
  'user',
  'users',
  'account',
]);

/**
 * A scheme's credentials anywhere in text: a token or a Digest parameter
 * list, never an English word. After `Token`, `ApiKey` and `Basic`, which are
 * English words too ("Basic information", "Basic settings" on admin pages), the
 * value must look like a token; after Bearer, SSWS… anything but the words of
 * schemeProse.
 */
function judgeScheme(match: RegExpExecArray): Range[] {
  const range = groupRange(match, 'secret');
  if (!range) return [];
  const scheme = (match.groups?.scheme ?? '').toLowerCase();
  const value = match.input.slice(range[0], range[1]);
  if (/^[A-Za-z][\w-]*=/.test(value) && /^(?:digest|hoba|mutual)$/.test(scheme)) return [range];
  if (looksLikeToken(value) || (value.length >= 8 && /=$/.test(value))) return [range];
  const wordy = /^(?:token|apikey|api-key|basic)$/.test(scheme);
  const word = value.toLowerCase().replace(/[.,!?]$/, '');
  return !wordy && value.length >= 6 && !schemeProse.has(word) && !isPlaceholder(word) ? [range] : [];
}

/** URL parameters whose values are secrets whatever they look like (OAuth 2.0, SAML, presigned URLs). */
const secretParameter =
  /^(?:code|auth_code|authorization_code|device_code|user_code|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential|x-goog-security-token|key|apikey|api_key|nonce|samlresponse|samlrequest|samlart|relaystate|ticket|sid|assertion|jwt|otp|session.*|auth.*)$/i;

/** True when a URL parameter's name says its value is a secret. */
export function isSecretParameter(name: string): boolean {
  return secretParameter.test(name) || namesSecretValue(name);
}

function judgeParameter(match: RegExpExecArray): Range[] {
  const range = groupRange(match, 'secret');
  const name = match.groups?.name ?? '';
  if (!range || range[0] === range[1] || !isSecretParameter(decodeName(name))) return [];
  return match.input.slice(range[0], range[1]) === '[REDACTED]' ? [] : [range];
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A userinfo with a password: `https://user:pw@host`; a user name alone (`ssh://git@host`) is no secret. */
function judgeCredentials(match: RegExpExecArray): Range[] {
  const range = groupRange(match, 'secret');
  return range && match.input.slice(range[0], range[1]).includes(':') ? [range] : [];
}

function judgeRandom(match: RegExpExecArray): Range[] {
  return randomParts(match[0]).map(([start, end]) => [match.index + start, match.index + end]);
}

/**
 * Provider token formats, from the providers' own documentation: GitHub
 * (docs.github.com "About authentication", token prefixes ghp_ gho_ ghu_ ghs_ ghr_
 * github_pat_), Stripe (docs.stripe.com/keys: sk_/rk_ live and test, whsec_),
 * Slack (api.slack.com/authentication/token-types: xoxb- xoxp- xoxa- xoxr- xapp-,
 * incoming webhooks under hooks.slack.com/services/), AWS (IAM "Unique
 * identifiers": AKIA, ASIA… key ids), Google (AIza API keys, ya29. access
 * tokens, GOCSPX- OAuth client secrets), GitLab (docs.gitlab.com "Token
 * overview": glpat- gldt- glrt- …), SendGrid (SG.<id>.<secret>), npm (npm_),
 * OpenAI and Anthropic (sk-…), Discord webhooks, Twilio (SK + 32 hex).
 */
const providerToken = [
  String.raw`(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}`,
  String.raw`whsec_[A-Za-z0-9+/=]{16,}`,
  String.raw`gh[pousr]_[A-Za-z0-9]{20,255}`,
  String.raw`github_pat_[A-Za-z0-9_]{22,255}`,
  String.raw`xox[abposre]-[A-Za-z0-9-]{10,250}`,
  String.raw`xapp-[A-Za-z0-9-]{10,250}`,
  String.raw`(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}`,
  String.raw`AIza[0-9A-Za-z_-]{35}`,
  String.raw`ya29\.[0-9A-Za-z_-]{20,}`,
  String.raw`GOCSPX-[0-9A-Za-z_-]{20,}`,
  String.raw`gl(?:pat|dt|rt|ptt|soat|cbt|imt|ft|oas)-[0-9A-Za-z_-]{20,}`,
  String.raw`SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}`,
  String.raw`npm_[A-Za-z0-9]{36}`,
  String.raw`sk-(?:proj-|ant-|svcacct-)?[A-Za-z0-9_-]{20,}`,
  String.raw`SK[0-9a-fA-F]{32}`,
].join('|');

export const textRules: TextRule[] = [
  {
    rule: 'saml-xml',
    pattern:
      /<(?:saml2?p?:)?(?:Assertion|Response|AuthnRequest|EncryptedAssertion)\b[\s\S]*?(?:<\/(?:saml2?p?:)?(?:Assertion|Response|AuthnRequest|EncryptedAssertion)>|$)/dgi,
  },
  {
    // Whole, every kind (RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP); cut off before its END, to the end of the text.
    rule: 'private-key',
    pattern:
      /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/dgi,
  },
  {
    rule: 'jwt',
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*){0,3}/dg,
  },
  {
    rule: 'bearer-token',
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9-])(?:proxy-)?authorization(?:\\?["'])?\s*[:=：]\s*(?<secret>${quotedValue}|[^\r\n"',;&}\]]{1,1024})`,
      'dgi',
    ),
    judge: judgeAuthorization,
    resume: atSecret,
  },
  {
    rule: 'bearer-token',
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9_-])(?<scheme>${schemes})(?:\s+|\s*[:=]\s*)(?<secret>(?:[A-Za-z][\w-]*=(?:"[^"\r\n]*"|[^\s,"]*)(?:[ \t]*,[ \t]*)?)+|[A-Za-z0-9\-._~+/]+=*)`,
      'dgi',
    ),
    judge: judgeScheme,
  },
  {
    rule: 'session-cookie',
    pattern:
      /(?<![A-Za-z0-9_.-])(?:PHPSESSID|JSESSIONID|ASP\.NET_SessionId|ASPSESSIONID[A-Z]{0,12}|connect\.sid|_session_id|sid|sessid|session|session_id|sessionid|laravel_session|ci_session|rack\.session|_[A-Za-z0-9]{1,40}_session|CFID|CFTOKEN|__(?:Host|Secure)-[A-Za-z0-9_-]{1,60})=(?<secret>[^;\s&,"'<>]+)/dgi,
  },
  {
    rule: 'session-cookie',
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9-])(?:set-)?cookie(?:\\?["'])?\s*[:=：]\s*(?<secret>${quotedValue}|[^\r\n"']{1,512})`,
      'dgi',
    ),
    judge: (match) => {
      const range = groupRange(match, 'secret');
      if (!range) return [];
      const [start, end] = unquoted(match.input, range);
      if (!/=/.test(match.input.slice(start, end))) return [];
      // A header longer than the pattern's bound is masked to the end of its line.
      const rest = end === range[1] ? (/^[^\r\n"']*/.exec(match.input.slice(end))?.[0].length ?? 0) : 0;
      return [[start, end + rest]];
    },
    resume: atSecret,
  },
  {
    rule: 'url-credentials',
    pattern: /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/(?<secret>[^\s/?#@"'<>]{1,256})@/dg,
    judge: judgeCredentials,
  },
  {
    rule: 'url-parameter',
    pattern: /[?&#;](?<name>[A-Za-z0-9_.\-[\]]{1,60})=(?<secret>[^&#\s"'<>]*)/dg,
    judge: judgeParameter,
  },
  {
    // A URL inside a URL (`redirect_uri=https%3A%2F%2F…%3Fcode%3D…`): its own parameters are encoded.
    rule: 'url-parameter',
    pattern: /(?:%3F|%26|%23)(?<name>[A-Za-z0-9_.-]{1,60})%3D(?<secret>(?:(?!%26|%23)[^&#\s"'<>])*)/dgi,
    judge: judgeParameter,
  },
  {
    rule: 'provider-token',
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9_-])(?:${providerToken})`, 'dg'),
  },
  {
    rule: 'provider-token',
    pattern:
      /(?:hooks\.slack\.com\/(?:services|workflows|triggers)|discord(?:app)?\.com\/api\/webhooks|outlook\.office\.com\/webhook)\/(?<secret>[A-Za-z0-9_@\-/]{8,})/dgi,
  },
  {
    // OneLogin API credentials: client id and secret are 64 hex digits each (developers.onelogin.com, "Working with API Credentials").
    rule: 'secret-assignment',
    pattern:
      /(?<![A-Za-z0-9_])(?:client[ _.-]?id|クライアント[ \u3000]?ID)["']?\s*[:=：]?\s*["']?(?<secret>[0-9a-f]{64})(?![0-9a-f])/dgi,
  },
  {
    rule: 'secret-assignment',
    pattern: new RegExp(
      String.raw`(?<name>${englishLabel}|${japaneseLabel}|"[^"\\\r\n]{1,60}"|'[^'\\\r\n]{1,60}'|${identifier})(?<separator>(?:\\?["'])?\s*(?:=>|->|[:=：])\s*|\s+)(?<secret>${quotedValue}|${bareValue})`,
      'dgi',
    ),
    judge: judgeAssignment,
    resume: pastName,
  },
  {
    // SAML messages base64-encoded (`<samlp:Response`, `<saml2p:`, `<?xml version`), however short.
    rule: 'long-encoded-value',
    pattern:
      /(?<![A-Za-z0-9+/])(?:PHNhbWxwO|PHNhbWwyc|PHNhbWw6|PHNhbWxwMj|PD94bWwgdmVyc2lvbj)[A-Za-z0-9+/]{0,4096}={0,2}/dg,
  },
  // Long base64 runs are encoded SAML messages or keys, never words a person needs to read.
  // Bounded: V8's regexp engine keeps a backtrack entry per character of an open-ended run
  // and throws "Maximum call stack size exceeded" on a run of about 10 million (a page can
  // show that much); a longer run is masked as several pieces in a row instead.
  { rule: 'long-encoded-value', pattern: /[A-Za-z0-9+/]{120,4096}={0,2}/dg },
  {
    // Hex from 64 digits up: a OneLogin API secret or a raw key; shorter hex is an id (secret-values.ts).
    rule: 'high-entropy',
    pattern: /(?<![A-Za-z0-9_-])(?:[0-9a-f]{64,4096}|[0-9A-F]{64,4096})(?![A-Za-z0-9_-])/dg,
  },
  {
    rule: 'high-entropy',
    // Not from inside a percent-escape (`%20ab…`): redactUrl judges what a URL's parts decode to.
    pattern: /(?<![A-Za-z0-9+/_-]|%[0-9A-Fa-f]?)[A-Za-z0-9+/_-]{16,4096}={0,2}/dg,
    judge: judgeRandom,
  },
];
