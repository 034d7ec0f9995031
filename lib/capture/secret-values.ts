/**
 * Judges of a value's shape, for the redaction rules (lib/capture/redact-rules.ts):
 * is the word after "Token" a token or English, is a long run of letters and
 * digits random (a key) or readable (an identifier, a slug, an id)?
 */

/**
 * Words that stand where a secret's value would and say there is none, or
 * describe it: "API Key: (not set)", "Token: expired", "password=true".
 */
const notAValue = new Set([
  'none',
  'null',
  'nil',
  'undefined',
  'true',
  'false',
  'empty',
  'unset',
  'set',
  'hidden',
  'masked',
  'redacted',
  'required',
  'missing',
  'invalid',
  'expired',
  'revoked',
  'valid',
  'active',
  'inactive',
  'enabled',
  'disabled',
  'n/a',
  'na',
  'not',
  'yes',
  'no',
  'on',
  'off',
]);

/** True for a value that says there is no secret here (see notAValue), or one the page masked itself. */
export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase().replace(/[.。]+$/, '');
  // `********`, `••••••`, `xxxxxxxx`: the page shows a mask, not the secret.
  return lower === '' || notAValue.has(lower) || /^([*•●x#.-])\1*$/u.test(lower);
}

/**
 * True when every character is printable ASCII: secrets are; Japanese error prose is
 * not. A closing `…` is where the recorder cut a long text (lib/recorder/format.ts `cap`).
 */
export function isAscii(value: string): boolean {
  return /^[\x21-\x7e]+…?$/.test(value);
}

/** A word as people write it: `expired`, `Expired`, `read-only`; never a token. */
function isPlainWord(value: string): boolean {
  return /^[A-Za-z][a-z]*(?:-[a-z]+)*[.,!?]?$/.test(value) || /^[A-Z]+$/.test(value);
}

/**
 * True when a value standing after a secret's label with no separator looks like
 * a token and not like the next English word: eight characters or more, printable
 * ASCII, not a plain word. "Token expired" and "password reset was sent" keep their
 * words; "token 8f3kQ9zL" and "API Key AIzaSyD…" do not.
 */
export function looksLikeToken(value: string): boolean {
  return value.length >= 8 && isAscii(value) && !isPlainWord(value) && !isPlaceholder(value);
}

/** Shannon entropy in bits per character (https://en.wikipedia.org/wiki/Entropy_(information_theory)). */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const share = count / text.length;
    entropy -= share * Math.log2(share);
  }
  return entropy;
}

function characterClass(character: string): number {
  if (character >= 'a' && character <= 'z') return 0;
  if (character >= 'A' && character <= 'Z') return 1;
  if (character >= '0' && character <= '9') return 2;
  return 3;
}

/**
 * How often the kind of character (lower, upper, digit, other) changes from
 * one character to the next. Random base62 changes on about 62% of pairs;
 * camelCase identifiers (`InvalidSignatureOnSAMLResponse`) and slugs
 * (`saml-response-invalid`) stay under 20%.
 */
export function classSwitchRatio(text: string): number {
  let switches = 0;
  for (let index = 1; index < text.length; index += 1)
    if (characterClass(text[index - 1] ?? '') !== characterClass(text[index] ?? '')) switches += 1;
  return text.length > 1 ? switches / (text.length - 1) : 0;
}

/** The shortest run judged random: shorter ones are ids, words or dates more often than keys. */
export const minimumRandomLength = 20;

const uuid = /^(?:[A-Za-z]{1,16}[_-])?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * Plain hex, alone or after a short name: request ids, SAML message ids
 * (`ONELOGIN_4fee…`, `_8e8d…`), SHA-1 fingerprints. Kept; hex is masked by its
 * own rule only from 64 digits up (a OneLogin API secret), see redact-rules.ts.
 */
const prefixedHex = /^(?:[A-Za-z]{0,16}[_-])?(?:[0-9a-f]+|[0-9A-F]+)$/;

/**
 * True when a run of letters, digits and `+/_-=` looks random, like a key or
 * a token: long enough, high entropy, kinds of character mixed throughout,
 * and not a UUID or plain hex (ids OneLogin shows, which support needs).
 */
export function looksRandom(run: string, minimumLength = minimumRandomLength): boolean {
  if (run.length < minimumLength || uuid.test(run) || prefixedHex.test(run)) return false;
  const letters = /[A-Za-z]/.test(run);
  const digits = /[0-9]/.test(run);
  const bothCases = /[a-z]/.test(run) && /[A-Z]/.test(run);
  if (!letters || !(digits || bothCases)) return false;
  return shannonEntropy(run) >= 3.5 && classSwitchRatio(run) >= 0.3;
}

/** A path segment as URLs and lists name things: lower-case words, digits, camelCase words, capitals (`AD/LDAP`). */
const tameSegment = /^(?:[a-z0-9_.~-]*|[A-Z][A-Z0-9]*|[A-Za-z][a-z]*(?:[A-Z][a-z]+)*|\d+)$/;

/**
 * The parts of a run to mask as random, as [start, end) offsets in the run.
 * A run with `/` and no `+` or `=` may be a URL path: each segment is judged
 * alone (`/reset/8f3kQ…/confirm` loses only its token), and the whole run only
 * when no segment is random and it does not read as a path (a 40-character
 * AWS secret key has slashes too).
 */
export function randomParts(run: string): [number, number][] {
  if (!run.includes('/') || /[+=]/.test(run)) return looksRandom(run) ? [[0, run.length]] : [];
  const parts: [number, number][] = [];
  let start = 0;
  for (const segment of run.split('/')) {
    if (looksRandom(segment, 16)) parts.push([start, start + segment.length]);
    start += segment.length + 1;
  }
  if (parts.length > 0) return parts;
  const pathLike = run.split('/').every((segment) => tameSegment.test(segment));
  return !pathLike && looksRandom(run) ? [[0, run.length]] : [];
}
