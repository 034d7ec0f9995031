/**
 * The one vocabulary of secrets, shared by the text redactor
 * (lib/capture/redact.ts) and the screenshot's mask finder
 * (lib/capture/masks.ts): the words that name a secret in a label, a field's
 * name or a key, in Japanese and English. Judged on the words, not on exact
 * strings: "API Key", "api_key", "apiKey", "x-api-key" and 「API キー」 all name one.
 * Words, not `\b`: `\b` sees no boundary between `_` and a letter, so
 * `new_password`, `aws_secret_access_key` and `oauth_token` escaped it (issue 15).
 */

/**
 * Label words that name a secret. Separators between the words of a name may be a space, `_`,
 * `-`, `.` or nothing (camelCase is split before matching, see labelWords).
 */
export const secretLabelPattern =
  /(?:^|[^a-z])(?:client[ _.-]?secret|secret|api[ _.-]?key|private[ _.-]?key|access[ _.-]?key|secret[ _.-]?key|password|passwd|passphrase|passcode|pwd|token|credential|credentials|assertion|saml[ _.-]?(?:request|response)|session[ _.-]?(?:id|token|key|secret)|sessid|otp|one[ _.-]?time[ _.-]?(?:code|password)|verification[ _.-]?code|(?:auth|mfa|otp|security)[ _.-]?code)(?:[^a-z]|$)|シークレット|秘密鍵|秘密キー|トークン|パスワード|API ?キー|アクセス ?キー|認証情報|認証コード|確認コード/i;

/** A label, name or key split into lower-case words: `clientSecret` → `client secret`. */
export function labelWords(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.\-:]+/g, ' ')
    .toLowerCase();
}

/** True when a label, a field's name or a key names a secret. */
export function namesSecret(text: string): boolean {
  return text.length > 0 && text.length <= 200 && secretLabelPattern.test(labelWords(text));
}

/**
 * Last words that make a secret's name the name of something about it, not
 * of the secret itself: `token_type=Bearer`, `password_length: 12`,
 * `token_endpoint=https://…` carry no secret (RFC 6749 §5.1 names
 * `token_type` and `expires_in` beside `access_token`).
 */
const aboutTheSecret = new Set([
  'type',
  'types',
  'hint',
  'expires',
  'expired',
  'expiry',
  'expiration',
  'exp',
  'lifetime',
  'ttl',
  'age',
  'length',
  'count',
  'url',
  'uri',
  'endpoint',
  'policy',
  'reset',
  'required',
  'name',
  'label',
  'field',
  'format',
  'strength',
  'status',
  'enabled',
  'mode',
  'algorithm',
  'alg',
  'method',
  'version',
  'scope',
  'created',
  'updated',
  'at',
]);

/**
 * True when a key or label names a secret's VALUE: it names a secret and
 * its last word is not one of the words about the secret (aboutTheSecret).
 */
export function namesSecretValue(text: string): boolean {
  if (!namesSecret(text)) return false;
  const words = labelWords(text).trim().split(/\s+/);
  return !aboutTheSecret.has(words.at(-1) ?? '');
}
