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

// ---- Words for finding secrets by meaning on the page (lib/capture/secret-targets.ts) ----
// A separate block: the text redactor's vocabulary above may change on its own. These words
// are judged only as a label next to a value that looks like a credential (never alone), so
// broad words such as "authorization" and "bearer" stay safe: a heading has no such value.
// "署名" alone is left out on purpose: 「署名証明書」 and 「署名アルゴリズム」 name public things
// (OneLogin's SAML app settings show both); the signing secret's names stay.

/** Label words for a secret shown on a page, Japanese and English, beyond secretLabelPattern. */
export const pageSecretLabelPattern =
  /(?:^|[^a-z])(?:secrets?|tokens?|passwords?|passcode|pin|otp|one[ _.-]?time[ _.-]?(?:code|password)|recovery[ _.-]?codes?|backup[ _.-]?codes?|signing[ _.-]?(?:key|secret)|webhook[ _.-]?secret|shared[ _.-]?secret|bearer|authorization|x[ _.-]?api[ _.-]?key|session[ _.-]?(?:id|key|cookie)|cookie|private[ _.-]?keys?|api[ _.-]?keys?|access[ _.-]?keys?)(?:[^a-z]|$)|クライアント ?シークレット|共有シークレット|署名(?:キー|鍵|シークレット)|秘密(?:鍵|キー|情報)|証明書の秘密鍵|API ?(?:キー|トークン)|アクセス ?(?:キー|トークン)|リフレッシュ ?トークン|ワンタイム ?(?:パスワード|コード)|リカバリー? ?コード|バックアップ ?コード|認証コード|暗証番号|合言葉/i;

/**
 * True when a label on the page names a secret: the shared vocabulary, or the page words above,
 * unless its last word names something about the secret (`token_type`, `secret_name`: aboutTheSecret).
 * NFKC first: pages write 「ＡＰＩキー」 with full-width letters and spaces (NFKC makes them ASCII).
 */
export function labelNamesSecret(label: string): boolean {
  const text = label.normalize('NFKC').trim();
  if (text.length === 0 || text.length > 200) return false;
  const words = labelWords(text).trim().split(/\s+/);
  if (aboutTheSecret.has(words.at(-1) ?? '')) return false;
  return namesSecret(text) || pageSecretLabelPattern.test(labelWords(text));
}
