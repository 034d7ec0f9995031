/**
 * Masks secrets in captured text before anything is stored or shown. One
 * rule set (lib/capture/redact-rules.ts) finds the spans of secrets; the
 * text redactor replaces them and the screenshot's mask finder covers the
 * same spans (secretSpans), so text and pixels hide the same things. Each
 * masked span names its rule so the user can be told what was hidden.
 */
import type { Redaction } from '../schema';
import { isUsableMaskPattern } from './mask-pattern';
import { textRules, type Range, type TextRule } from './redact-rules';

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

function ruleSpans(text: string, { rule, pattern, judge }: TextRule): SecretSpan[] {
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
    if (ranges.length === 0 || match[0].length === 0) search.lastIndex = match.index + 1;
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
    if (now() - started > customBudgetMs) {
      spans.push({ index: start, length: text.length - start, rule: customBudgetRule });
      break;
    }
    const window = text.slice(start, start + customWindow);
    for (const pattern of patterns) {
      for (const match of window.matchAll(new RegExp(pattern.source, pattern.flags))) {
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
 * The spans redactText masks in `text`, without rewriting it: the
 * screenshot covers exactly what the text redaction hides (one rule set for
 * text and pixels). Overlapping spans are merged.
 */
export function secretSpans(text: string, options: RedactionOptions = {}): SecretSpan[] {
  const { maskEmails = false, maskPatterns = [], now = () => performance.now() } = options;
  const rules = maskEmails ? [...textRules, emailRule] : textRules;
  return merged([...rules.flatMap((rule) => ruleSpans(text, rule)), ...customSpans(text, maskPatterns, now)]);
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

/**
 * A URL redacted as text: the rules know its parameters (query and fragment,
 * `#access_token=…`), its user info and the tokens in its path. Kept as the
 * page wrote it, not re-encoded, so the ticket shows the URL the user saw.
 */
export function redactUrl(url: string, where = 'url', options: RedactionOptions = {}): Redacted {
  return redactText(url, where, options);
}
