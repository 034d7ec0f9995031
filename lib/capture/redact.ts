/**
 * Masks secrets in captured text before anything is stored or shown. Each
 * rule names what it masks so the user can be told what was hidden.
 */
import type { Redaction } from '../schema';
import { isUsableMaskPattern } from './mask-pattern';

export const mask = '[REDACTED]';

interface TextRule {
  rule: string;
  pattern: RegExp;
  replace: string;
}

/** Order matters: whole SAML documents first, then key=value pairs, then free-standing tokens. */
const textRules: TextRule[] = [
  {
    rule: 'saml-xml',
    pattern:
      /<(?:saml2?p?:)?(?:Assertion|Response|AuthnRequest)\b[\s\S]*?(?:<\/(?:saml2?p?:)?(?:Assertion|Response|AuthnRequest)>|$)/gi,
    replace: mask,
  },
  { rule: 'bearer-token', pattern: /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]{8,}=*/g, replace: `$1 ${mask}` },
  {
    rule: 'secret-assignment',
    pattern:
      /\b(password|passwd|pwd|secret|client_secret|api[_-]?key|x-api-key|access[_-]?token|refresh[_-]?token|id[_-]?token|token|SAMLResponse|SAMLRequest|cookie|set-cookie|session[_-]?id)(["']?\s*[:=]\s*)(?!\[REDACTED\])("[^"]*"|'[^']*'|[^\s&,;]+)/gi,
    replace: `$1$2${mask}`,
  },
  { rule: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, replace: mask },
  {
    rule: 'private-key',
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    replace: mask,
  },
  // Long base64 runs are encoded SAML messages or keys, never words a person needs to read.
  // Bounded: V8's regexp engine keeps a backtrack entry per character of an open-ended run
  // and throws "Maximum call stack size exceeded" on a run of about 10 million (a page can
  // show that much); a longer run is masked as several pieces in a row instead.
  { rule: 'long-encoded-value', pattern: /[A-Za-z0-9+/]{120,4096}={0,2}/g, replace: mask },
];

/** URL parameters whose values are secrets whatever they look like. */
const secretParameterName =
  /^(.*token.*|.*secret.*|.*password.*|passwd|pwd|code|state|nonce|.*api[_-]?key.*|key|sig|signature|samlresponse|samlrequest|relaystate|session.*|sid|auth.*|assertion|ticket)$/i;

export interface Redacted {
  text: string;
  redactions: Redaction[];
}

/** An email address in running text; the one pattern for masking, mask boxes and the checklist. */
export const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Email addresses, masked only when the user asks (settings: maskEmails). */
const emailRule: TextRule = { rule: 'email', pattern: emailPattern, replace: '[EMAIL]' };

export interface RedactionOptions {
  maskEmails?: boolean;
  /** Extra patterns from the settings or the organisation's policy (maskPatternSchema: they compile). */
  maskPatterns?: readonly string[];
}

/** The rule every extra pattern reports, so the user is told "your own rule" and not which one. */
export const customPatternRule = 'custom-pattern';

const compiledPatterns = new Map<string, RegExp | null>();

function compileOnce(source: string): RegExp | null {
  // Stored settings and policies were checked already; this is the last line before a pattern runs.
  return isUsableMaskPattern(source) ? new RegExp(source, 'giu') : null;
}

/** A mask pattern as a global, case-insensitive RegExp; null for one that does not compile (never thrown). */
export function compileMaskPattern(source: string): RegExp | null {
  if (!compiledPatterns.has(source)) compiledPatterns.set(source, compileOnce(source));
  const pattern = compiledPatterns.get(source) ?? null;
  // Shared and global: a previous use must not leave it mid-string.
  if (pattern) pattern.lastIndex = 0;
  return pattern;
}

function customRules(maskPatterns: readonly string[]): TextRule[] {
  return maskPatterns
    .map(compileMaskPattern)
    .filter((pattern) => pattern !== null)
    .map((pattern) => ({ rule: customPatternRule, pattern, replace: mask }));
}

export function redactText(
  text: string,
  where: string,
  { maskEmails = false, maskPatterns = [] }: RedactionOptions = {},
): Redacted {
  const redactions: Redaction[] = [];
  let result = text;
  const rules = [...textRules, ...(maskEmails ? [emailRule] : []), ...customRules(maskPatterns)];
  for (const { rule, pattern, replace } of rules) {
    result = result.replace(pattern, (...match: unknown[]) => {
      redactions.push({ rule, where });
      const groups = match.slice(1, -2) as (string | undefined)[];
      return replace.replace(/\$(\d)/g, (_, index: string) => groups[Number(index) - 1] ?? '');
    });
  }
  return { text: result, redactions };
}

function redactParameters(parameters: URLSearchParams, where: string, redactions: Redaction[]): boolean {
  let changed = false;
  for (const name of new Set(parameters.keys())) {
    if (secretParameterName.test(name)) {
      parameters.set(name, mask);
      redactions.push({ rule: 'url-parameter', where });
      changed = true;
    }
  }
  return changed;
}

/**
 * Masks URL parameters named like secrets, in the query and in a fragment
 * that carries parameters (`#access_token=…`), then the text rules over
 * the rest. A string that is not a URL is treated as text.
 */
export function redactUrl(url: string, where = 'url', options: RedactionOptions = {}): Redacted {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactText(url, where, options);
  }
  const redactions: Redaction[] = [];
  if (parsed.username || parsed.password) {
    parsed.username = '';
    parsed.password = '';
    redactions.push({ rule: 'url-credentials', where });
  }
  const query = new URLSearchParams(parsed.search);
  if (redactParameters(query, where, redactions)) parsed.search = query.toString();
  const fragment = parsed.hash.slice(1);
  if (fragment.includes('=')) {
    const fragmentParameters = new URLSearchParams(fragment);
    if (redactParameters(fragmentParameters, where, redactions)) parsed.hash = fragmentParameters.toString();
  }
  // URLSearchParams percent-encodes the brackets of the mask; show it as people read it.
  const rebuilt = parsed.toString().replaceAll(encodeURIComponent(mask), mask);
  const rest = redactText(rebuilt, where, options);
  return { text: rest.text, redactions: [...redactions, ...rest.redactions] };
}

/** Where the secrets are in a text: one span per match, in text order, for the screenshot's boxes. */
export interface SecretSpan {
  index: number;
  length: number;
  rule: string;
}

/**
 * The spans redactText would mask in `text`, without rewriting it: the
 * screenshot covers exactly what the text redaction hides (one rule set for
 * text and pixels). Overlapping spans are merged.
 */
export function secretSpans(text: string, options: RedactionOptions = {}): SecretSpan[] {
  const { maskEmails = false, maskPatterns = [] } = options;
  const rules = [...textRules, ...(maskEmails ? [emailRule] : []), ...customRules(maskPatterns)];
  const spans: SecretSpan[] = [];
  for (const { rule, pattern } of rules) {
    for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      if (match[0].length > 0) spans.push({ index: match.index, length: match[0].length, rule });
    }
  }
  spans.sort((first, second) => first.index - second.index);
  const merged: SecretSpan[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.index <= last.index + last.length) {
      last.length = Math.max(last.length, span.index + span.length - last.index);
    } else merged.push({ ...span });
  }
  return merged;
}
