/**
 * The words a related-articles search sends to the help center (issue #8):
 * the captured error's distinctive words, never what identifies the
 * customer — IDs, URLs, numbers, e-mail addresses, host names, anything
 * HelpDraft masked, the names of the users and the account the page is about.
 * Pure: the popup shows what `proposeSearchWords` returns, and whatever the
 * user edits is passed through `searchWordsToSend` (popup and background)
 * before it leaves the browser.
 */
import { emailPattern, redactText } from '../capture/redact';
import type { Capture, Entity } from '../schema';

/** Zendesk ranks by relevance; a handful of words finds more than a whole sentence. */
export const maxSearchWords = 6;
/** Longer queries are cut: a search box, not a paste of the page. */
export const maxQueryLength = 120;

/** What masking leaves in a text (lib/capture/redact.ts): the placeholder, never the value. */
const maskPlaceholder = /\[(?:REDACTED|EMAIL)\]/g;
const urlLike = /\b(?:[a-z][a-z\d+.-]*:\/\/|www\.)\S+/gi;
/** A host name or dotted identifier (acme.onelogin.com, saml2.0.xsd): names a system, not a problem. */
const hostLike = /\b[\w-]+(?:\.[\w-]+)+\b/g;

/**
 * Words every OneLogin error shares, which find everything and so nothing:
 * English function words and the generic words of error messages, and their
 * Japanese counterparts. Compared case-insensitively.
 */
const genericWords = new Set(
  [
    'a',
    'an',
    'and',
    'are',
    'as',
    'at',
    'be',
    'by',
    'can',
    'cannot',
    'could',
    'did',
    'do',
    'does',
    'error',
    'errors',
    'failed',
    'for',
    'from',
    'has',
    'have',
    'in',
    'is',
    'it',
    'not',
    'of',
    'on',
    'onelogin',
    'or',
    'out',
    'please',
    'the',
    'this',
    'to',
    'try',
    'again',
    'was',
    'were',
    'while',
    'id',
    'request',
    'code',
    'status',
    'with',
    'you',
    'your',
    'エラー',
    '失敗',
    '発生',
    '問題',
    '確認',
    '場合',
    '以下',
    '画面',
    'ください',
    'redacted',
    'email',
  ].map((word) => word.toLowerCase()),
);

/** Only hiragana (and the prolonged-sound mark): particles and inflections (の, を, できません). */
const hiraganaOnly = /^[\u3041-\u309f\u30fc]+$/u;
/** A word worth searching for holds a letter of some script. */
const hasLetter = /\p{L}/u;
const hasDigit = /\p{Nd}/u;

function removeSensitiveRuns(text: string, maskPatterns: readonly string[]): string {
  // Secrets first (a capture is already masked; a typed query may not be), then
  // what identifies a place or a person: each becomes a space, so the words on
  // either side stay apart.
  return redactText(text, 'search', { maskEmails: true, maskPatterns })
    .text.replace(maskPlaceholder, ' ')
    .replace(urlLike, ' ')
    .replace(new RegExp(emailPattern.source, 'g'), ' ')
    .replace(hostLike, ' ');
}

/** Whether a single word may be sent: it names no ID, number or placeholder. */
function isSendable(word: string, excluded: Set<string>): boolean {
  if (!hasLetter.test(word) || hasDigit.test(word)) return false;
  if (word.includes('@') || word.includes('/') || word.includes('=')) return false;
  // Long runs of hex or mixed letters are identifiers (tokens, UUID parts), not words.
  if (/^[a-f\d-]{12,}$/i.test(word)) return false;
  return !excluded.has(word.toLowerCase());
}

function uniqueWithin(words: string[], limit: number): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  let length = 0;
  for (const word of words) {
    const key = word.toLowerCase();
    if (seen.has(key)) continue;
    if (kept.length >= limit || length + word.length + (kept.length > 0 ? 1 : 0) > maxQueryLength) break;
    seen.add(key);
    kept.push(word);
    length += word.length + (kept.length > 1 ? 1 : 0);
  }
  return kept;
}

/** The names and addresses of people and of the account: never part of a search. */
function personalWords(entities: Entity[]): Set<string> {
  const words = new Set<string>();
  for (const entity of entities) {
    if (entity.kind !== 'user' && entity.kind !== 'account') continue;
    for (const value of [entity.name, entity.id, entity.email]) {
      for (const part of (value ?? '').split(/[\s.@_-]+/u)) if (part) words.add(part.toLowerCase());
    }
  }
  return words;
}

/**
 * Made on first use: building it loads ICU's word dictionaries (about 15 ms
 * in V8), which neither the service worker's start nor the popup's first
 * paint should pay for.
 */
let wordSegmenter: Intl.Segmenter | undefined;

/** The words of a text, Japanese and English alike (Japanese has no spaces between words). */
function wordsOf(text: string): string[] {
  wordSegmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  return [...wordSegmenter.segment(text)]
    .filter((segment) => segment.isWordLike)
    .map((segment) => segment.segment);
}

/**
 * The proposal shown in the popup: the distinctive words of the page's
 * errors (else of the user's summary, else of the page's heading), in the
 * order they appear, without particles and generic words.
 */
export function proposeSearchWords(
  capture: Pick<Capture, 'errors' | 'entities' | 'heading'> | undefined,
  summary = '',
  maskPatterns: readonly string[] = [],
): string[] {
  const excluded = new Set([...genericWords, ...personalWords(capture?.entities ?? [])]);
  const sources = [
    (capture?.errors ?? []).map((error) => error.text).join('\n'),
    summary,
    capture?.heading ?? '',
  ];
  for (const source of sources) {
    const words = wordsOf(removeSensitiveRuns(source, maskPatterns)).filter(
      (word) => !hiraganaOnly.test(word) && [...word].length >= 2 && isSendable(word, excluded),
    );
    if (words.length > 0) return uniqueWithin(words, maxSearchWords);
  }
  return [];
}

/**
 * What is sent for the words in the search box, as the user left them:
 * split where they put spaces, each word kept as typed unless it carries an
 * ID, a number, an address, a URL or a secret. `changed` says that the words
 * sent differ from the words typed, so the popup can say so before sending.
 */
export function searchWordsToSend(
  typed: string,
  excludedWords: Iterable<string> = [],
  maskPatterns: readonly string[] = [],
): { words: string[]; changed: boolean } {
  const excluded = new Set([...excludedWords].map((word) => word.toLowerCase()));
  const typedWords = typed.split(/[\s\u3000]+/u).filter(Boolean);
  const kept = removeSensitiveRuns(typed, maskPatterns)
    .split(/[\s\u3000]+/u)
    .filter((word) => word && isSendable(word, excluded));
  const words = uniqueWithin(kept, maxSearchWords * 2);
  return { words, changed: words.join(' ') !== typedWords.join(' ') };
}

/** The words of the people and the account of a capture, for `searchWordsToSend`. */
export function personalWordsOf(capture: Pick<Capture, 'entities'> | undefined): string[] {
  return [...personalWords(capture?.entities ?? [])];
}
