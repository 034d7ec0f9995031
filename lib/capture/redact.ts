/**
 * Masks secrets in captured text before anything is stored or shown. One
 * rule set (lib/capture/redact-rules.ts) finds the spans of secrets; the
 * text redactor replaces them and the screenshot's mask finder covers the
 * same spans (secretSpans), so text and pixels hide the same things. Each
 * masked span names its rule so the user can be told what was hidden.
 */
import type { Redaction } from '../schema';
import { isUsableMaskPattern } from './mask-pattern';
import { isSecretParameter, textRules, type Range, type TextRule } from './redact-rules';

export const mask = '[REDACTED]';

export interface Redacted {
  text: string;
  redactions: Redaction[];
}

/** An email address in running text; the one pattern for masking, mask boxes and the checklist. */
export const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Email addresses, masked only when the user asks (settings: maskEmails). */
const emailRule: TextRule = { rule: 'email', pattern: new RegExp(emailPattern.source, 'dg') };
const emailMask = '[EMAIL]';

export interface RedactionOptions {
  maskEmails?: boolean;
  /** Extra patterns from the settings or the organisation's policy (maskPatternSchema: they compile). */
  maskPatterns?: readonly string[];
  /** The clock the custom patterns' time budget is measured on (tests give their own). */
  now?: () => number;
}

/** The rule every extra pattern reports, so the user is told "your own rule" and not which one. */
export const customPatternRule = 'custom-pattern';
/** What the rest of a text is masked as when the extra patterns ran out of time on it. */
export const customBudgetRule = 'custom-pattern-budget';

/**
 * A custom pattern scans a text in windows of this many characters, each
 * overlapping the previous by customOverlap (a match up to that long is found
 * across a window's edge): a pattern whose time grows with the square of its
 * input (the shapes mask-pattern.ts cannot refuse) stays bounded per window.
 */
export const customWindow = 4096;
export const customOverlap = 256;
/** Time the extra patterns may take over one text; past it the rest of the text is masked, never left. */
export const customBudgetMs = 250;

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

/** Where the secrets are in a text: one span per match, in text order, for the screenshot's boxes. */
export interface SecretSpan {
  index: number;
  length: number;
  rule: string;
}

function ruleSpans(text: string, { rule, pattern, judge, resume }: TextRule): SecretSpan[] {
  const spans: SecretSpan[] = [];
  const search = new RegExp(pattern.source, pattern.flags);
  for (let match = search.exec(text); match; match = search.exec(text)) {
    const secret = match.indices?.groups?.secret;
    const ranges: Range[] = judge
      ? judge(match)
      : secret
        ? [secret]
        : [[match.index, match.index + match[0].length]];
    for (const [start, end] of ranges)
      if (end > start) spans.push({ index: start, length: end - start, rule });
    // A match judged no secret may still hold one (`"error": "password=hunter2"`): look again inside it.
    if (ranges.length === 0 || match[0].length === 0)
      search.lastIndex = Math.max(match.index + 1, resume && ranges.length === 0 ? resume(match) : 0);
  }
  return spans;
}

/** The matches of the extra patterns, window by window, within the time budget. */
function customSpans(text: string, maskPatterns: readonly string[], now: () => number): SecretSpan[] {
  const patterns = maskPatterns.map(compileMaskPattern).filter((pattern) => pattern !== null);
  if (patterns.length === 0) return [];
  const spans: SecretSpan[] = [];
  const started = now();
  for (let start = 0; start < text.length; start += customWindow - customOverlap) {
    // Checked between windows: one window is bounded by its length, the whole text by the clock.
    if (start > 0 && now() - started > customBudgetMs) {
      spans.push({ index: start, length: text.length - start, rule: customBudgetRule });
      break;
    }
    const window = text.slice(start, start + customWindow);
    for (const pattern of patterns) {
      for (const match of window.matchAll(pattern)) {
        if (match[0].length > 0)
          spans.push({ index: start + match.index, length: match[0].length, rule: customPatternRule });
      }
    }
    if (start + customWindow >= text.length) break;
  }
  return spans;
}

/** Overlapping or touching spans become one, named by the first; in text order. */
function merged(spans: SecretSpan[]): SecretSpan[] {
  spans.sort((first, second) => first.index - second.index || second.length - first.length);
  const result: SecretSpan[] = [];
  for (const span of spans) {
    const last = result.at(-1);
    if (last && span.index <= last.index + last.length) {
      last.length = Math.max(last.length, span.index + span.length - last.index);
      if (last.rule === 'email' && span.rule !== 'email') last.rule = span.rule;
    } else result.push({ ...span });
  }
  return result;
}

/**
 * A certificate or a public key in PEM (RFC 7468): public by design, and what
 * support compares when a SAML signature fails; its base64 lines are no secret
 * for the rules that judge encoded runs. A private key keeps its own rule.
 */
const publicBlock =
  /-----BEGIN (CERTIFICATE|TRUSTED CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|X509 CRL|CERTIFICATE REQUEST)-----[\s\S]{0,65536}?-----END \1-----/g;
const encodedRules = new Set(['high-entropy', 'long-encoded-value']);

/**
 * The spans redactText masks in `text`, without rewriting it: the
 * screenshot covers exactly what the text redaction hides (one rule set for
 * text and pixels). Overlapping spans are merged.
 */
export function secretSpans(text: string, options: RedactionOptions = {}): SecretSpan[] {
  const { maskEmails = false, maskPatterns = [], now = () => performance.now() } = options;
  const rules = maskEmails ? [...textRules, emailRule] : textRules;
  const found = [...rules.flatMap((rule) => ruleSpans(text, rule)), ...customSpans(text, maskPatterns, now)];
  // A mask already in the text (a URL or a draft redacted before) is no secret: redacting twice changes nothing.
  const masks = [...text.matchAll(/\[(?:REDACTED|EMAIL)\]/g)].map((match) => [
    match.index,
    match.index + match[0].length,
  ]);
  const inMask = (span: SecretSpan) =>
    masks.some(([start = 0, end = 0]) => span.index >= start && span.index + span.length <= end);
  const blocks = [...text.matchAll(publicBlock)].map((match) => [match.index, match.index + match[0].length]);
  const inPublicBlock = (span: SecretSpan) =>
    encodedRules.has(span.rule) &&
    blocks.some(([start = 0, end = 0]) => span.index >= start && span.index + span.length <= end);
  return merged(found.filter((span) => !inMask(span) && !inPublicBlock(span)));
}

/** Masks every secret span of `text`; one redaction per masked span. */
export function redactText(text: string, where: string, options: RedactionOptions = {}): Redacted {
  const spans = secretSpans(text, options);
  let result = '';
  let from = 0;
  for (const span of spans) {
    result += text.slice(from, span.index) + (span.rule === 'email' ? emailMask : mask);
    from = span.index + span.length;
  }
  result += text.slice(from);
  return { text: result, redactions: spans.map(({ rule }) => ({ rule, where })) };
}

function decoded(component: string, plusIsSpace: boolean): string {
  try {
    return decodeURIComponent(plusIsSpace ? component.replaceAll('+', ' ') : component);
  } catch {
    return component;
  }
}

/** Percent-encodes a redacted component, the mask kept as people read it. */
function encoded(text: string): string {
  return encodeURIComponent(text)
    .replaceAll(encodeURIComponent(mask), mask)
    .replaceAll(encodeURIComponent(emailMask), emailMask);
}

/**
 * One percent-encoded part of a URL (a path segment, a parameter's value, a
 * fragment) judged as the text it decodes to: `?message=client_secret%3Dabc`
 * and `/token%20abc…/` hide their secrets from rules that read the raw URL.
 */
function redactComponent(
  component: string,
  where: string,
  options: RedactionOptions,
  plusIsSpace: boolean,
): Redacted {
  const text = decoded(component, plusIsSpace);
  if (text === component) return { text: component, redactions: [] };
  const result = redactText(text, where, options);
  return result.redactions.length > 0
    ? { text: encoded(result.text), redactions: result.redactions }
    : { text: component, redactions: [] };
}

function redactParameters(
  parameters: string,
  where: string,
  options: RedactionOptions,
  redactions: Redaction[],
): string {
  return parameters
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      const name = pair.slice(0, equals);
      const value = pair.slice(equals + 1);
      if (value !== '' && value !== mask && isSecretParameter(decoded(name, true))) {
        redactions.push({ rule: 'url-parameter', where });
        return `${name}=${mask}`;
      }
      const result = redactComponent(value, where, options, true);
      redactions.push(...result.redactions);
      return `${name}=${result.text}`;
    })
    .join('&');
}

/** scheme://authority, path, ?query, #fragment of an absolute URL, as written. */
const urlParts = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/is;

/**
 * A URL redacted part by part, then as text: parameters named like secrets
 * (query and fragment, `#access_token=…`), each path segment, parameter value
 * and fragment by what it decodes to, then the text rules over the whole (user
 * info, tokens in the path). Kept as the page wrote it, not re-encoded, so the
 * ticket shows the URL the user saw. A string that is not a URL is text.
 */
export function redactUrl(url: string, where = 'url', options: RedactionOptions = {}): Redacted {
  const parts = urlParts.exec(url);
  if (!parts) return redactText(url, where, options);
  const [, origin = '', path = '', query = '', fragment = ''] = parts;
  const redactions: Redaction[] = [];
  const segments = path.split('/').map((segment) => {
    const result = redactComponent(segment, where, options, false);
    redactions.push(...result.redactions);
    return result.text;
  });
  const newQuery = query ? `?${redactParameters(query.slice(1), where, options, redactions)}` : '';
  let newFragment = fragment;
  if (fragment.includes('='))
    newFragment = `#${redactParameters(fragment.slice(1), where, options, redactions)}`;
  else if (fragment) {
    const result = redactComponent(fragment.slice(1), where, options, false);
    redactions.push(...result.redactions);
    newFragment = `#${result.text}`;
  }
  const rest = redactText(`${origin}${segments.join('/')}${newQuery}${newFragment}`, where, options);
  return { text: rest.text, redactions: [...redactions, ...rest.redactions] };
}
