/**
 * The words of errors and of good news, in Japanese and English, as the
 * OneLogin console and the usual design systems write them
 * (docs/ONELOGIN.md; test/fixtures/errors/ holds the documented markup).
 * Each pattern's match is kept as the evidence, so the popup can say
 * which words decided.
 */

/** Error wording: a failure, a refusal, something that could not be done. */
export const errorWording =
  /できませんでした|できません|失敗しました|失敗|エラー|無効です|無効|不正|拒否|期限切れ|期限が切れ|うまくいきませんでした|タイムアウト|見つかりません|権限がありません|読み込めません|保存されません|正しくありません|使用されています|必須です|could not|couldn['’]t|was not saved|were not saved|not saved|failed|failure|fails|error|invalid|denied|expired|timed out|unable|cannot|can['’]t|not allowed|forbidden|not found|unauthori[sz]ed|is required|went wrong|incorrect|didn['’]t work|did not work|must (?:be|contain|have|match|not)/i;

/** Warning wording: shown, kept apart from errors. */
export const warningWording = /警告|注意|近づいています|warning|caution|will expire|expires soon/i;

/**
 * Good news and plain information: "保存しました", "Saved successfully".
 * Checked after the error words, so 「保存に失敗しました」 is not good news.
 */
export const successWording =
  /保存しました|更新しました|作成しました|削除しました|追加しました|送信しました|完了しました|完了|成功|ようこそ|お知らせ|ヒント|\b(?:success|successfully|saved|updated|created|completed|done|welcome|did you know)\b|\b(?:tip|info):/i;

/** Class and id words that name an error message (compared after lib/capture/words.ts splits the name). */
export const errorNameWords = new Set([
  'error',
  'errors',
  'danger',
  'invalid',
  'failed',
  'failure',
  'negative',
  'critical',
  'fatal',
  'errormessage',
]);

export const warningNameWords = new Set(['warning', 'warn', 'caution']);

/** Words of a notification or message container: weak evidence by themselves. */
export const messageNameWords = new Set([
  'alert',
  'toast',
  'toastr',
  'snackbar',
  'notification',
  'notify',
  'notice',
  'flash',
  'banner',
  'message',
  'feedback',
  'callout',
  'explain',
  'growl',
]);

export const successNameWords = new Set([
  'success',
  'successful',
  'positive',
  'ok',
  'info',
  'information',
  'tip',
  'primary',
  'secondary',
]);

/** Words before an error word that make the class a wrapper state (`has-error`, `with-error`), not the message. */
export const stateNameWords = new Set(['has', 'with']);

/** Icon names and labels of errors and warnings, and of good news (Material Icons, Font Awesome, Carbon, SLDS). */
export const errorIconWording =
  /error|warning|alert|exclamation|danger|report|octagon|circle-x|xmark-circle|エラー|警告/i;
export const successIconWording = /check|success|info|done|tick/i;
