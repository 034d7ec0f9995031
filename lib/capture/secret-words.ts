/**
 * The one vocabulary of secrets, shared by the text redactor
 * (lib/capture/redact.ts) and the screenshot's mask finder
 * (lib/capture/masks.ts): the words that name a secret in a label, a field's
 * name or a key, in Japanese and English. Judged on the words, not on exact
 * strings: "API Key", "api_key", "apiKey", "x-api-key" and 「API キー」 all name one.
 */

/**
 * Label words that name a secret. Separators between the words of a name may be a space, `_`,
 * `-`, `.` or nothing (camelCase is split before matching, see labelWords).
 */
export const secretLabelPattern =
  /(?:^|[^a-z])(?:client[ _.-]?secret|secret|api[ _.-]?key|private[ _.-]?key|access[ _.-]?key|secret[ _.-]?key|password|passwd|passphrase|pwd|token|credential|assertion|saml[ _.-]?(?:request|response))(?:[^a-z]|$)|シークレット|秘密鍵|秘密キー|トークン|パスワード|API ?キー|アクセス ?キー|認証情報/i;

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
