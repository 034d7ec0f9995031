/**
 * Japanese, the default language (the help center is Japanese). Every
 * visible string of the popup, the settings page, the on-page fill report
 * and the composed drafts lives here and in en.ts, under the same keys.
 * `{name}` marks a parameter filled by `translate`.
 */
export const ja = {
  'app.name': 'HelpDraft',
  'app.tagline': 'OneLogin サポートチケット下書き',

  'popup.loading': 'この画面の情報を取り込んでいます…',
  'popup.capture': 'この画面を取り込み直す',
  'popup.capturing': '取り込み中…',
  'popup.settings': '設定',
  'popup.saved': '保存済み',
  'popup.source': '取り込み元',
  'popup.capturedAt': '取り込み日時: {time}',
  'popup.noTab': '取り込む画面が見つかりません。OneLogin の画面を開いてから、もう一度お試しください。',
  'popup.retry': '再試行',

  'field.title': 'タイトル',
  'field.titleHint': 'ご質問・ご相談内容がわかる簡潔な件名(150文字以内)',
  'field.description': '詳細',
  'field.priority': '優先度',
  'field.priorityCaveat':
    '優先度はあくまで目安です。【高】【緊急】にしても、すべてのチケットがすぐに解決したり、営業時間外に対応されたりするわけではありません。',
  'field.category': 'お問い合わせ内容',
  'field.categoryUnset': '(選択してください)',
  'field.cc': 'CC',
  'field.ccHint':
    '共有アカウントでサインインしている場合は、ご自身のメールアドレスを必ず入力してください。複数はカンマ区切り。',
  'field.connector': 'コネクタ追加リクエスト',
  'field.errors': '画面のエラーメッセージ',
  'field.noErrors': 'この画面にエラーメッセージは見つかりませんでした。',
  'field.attachments': '添付ファイル',
  'field.noAttachments': '添付ファイルはありません。',
  'field.titleLength': '{count} / 150 文字',

  'priority.low': '低',
  'priority.normal': '普通',
  'priority.high': '高',
  'priority.urgent': '緊急',

  'connector.none': '未指定(コネクタ追加ではない通常のお問い合わせ)',
  'connector.free': '無償リクエスト(構築の可否・時期のお約束なし)',
  'connector.paid': '有償カスタム対応(役務として納期に合わせて対応)',

  'errorKind.alert': 'アラート',
  'errorKind.live-region': '通知',
  'errorKind.form-field': '入力エラー',
  'errorKind.marked-error': 'エラー表示',

  'category.sso': 'SSO・アプリ連携',
  'category.users': 'ユーザー・プロビジョニング',
  'category.directories': 'ディレクトリ連携',
  'category.mfa': '多要素認証',
  'category.policies': 'ポリシー・セキュリティ',
  'category.roles': 'ロール・マッピング',
  'category.login': 'ログイン・ポータル',
  'category.api': 'API',
  'category.account': 'アカウント・ライセンス',
  'category.connector': 'コネクタ追加',
  'category.other': 'その他',

  'attachment.size': '{size}',
  'attachment.dimensions': '{width} × {height} px',
  'attachment.previewAlt': '添付する画面キャプチャ: {name}',

  'fill.button': 'ヘルプセンターのフォームに入力',
  'fill.running': 'フォームに入力しています…',
  'fill.note': 'フォームを開いて入力します。内容を確認し、送信ボタンはご自身で押してください。',
  'fill.reportTitle': 'フォームへの入力結果',
  'fill.field.cc': 'CC',
  'fill.field.category': 'お問い合わせ内容',
  'fill.field.priority': '優先度',
  'fill.field.subject': 'タイトル',
  'fill.field.description': '詳細',
  'fill.field.connector': 'コネクタ追加リクエスト',
  'fill.field.attachments': '添付ファイル',
  'fill.status.filled': '入力しました',
  'fill.status.skipped': '入力していません(意図的)',
  'fill.status.not-found': '項目が見つかりません',
  'fill.status.rejected': 'ページが受け付けませんでした',
  'fill.panelTitle': 'HelpDraft が入力した内容',
  'fill.panelFooter': '内容をご確認のうえ、[送信] はご自身で押してください。HelpDraft は送信しません。',
  'fill.panelClose': '閉じる',

  'error.unknown': '予期しないエラーが発生しました: {detail}',
  'error.capture-not-allowed':
    'この画面は取り込めません(ブラウザの内部ページや拡張機能のストアなど)。OneLogin の画面で開いてください。',
  'error.tab-not-found': '対象のタブが見つかりません。閉じられた可能性があります。',
  'error.draft-not-found': '下書きが見つかりません。',
  'error.screenshot-failed': '画面キャプチャを取得できませんでした: {detail}',
  'error.fill-timeout':
    'フォームの読み込みが時間内に終わりませんでした。ページを確認して、もう一度お試しください。',
  'error.not-a-request-form':
    '開いたページにリクエストフォームが見つかりません。ヘルプセンターにサインインしているか、設定のフォーム URL が正しいかご確認ください。',
  'error.permission-missing':
    'ヘルプセンター({origin})へのアクセス許可がありません。設定ページで URL を保存し、許可してください。',
  'error.bad-message': '拡張機能内部のメッセージが不正です。',
  'error.save-failed': '保存できませんでした: {detail}',

  'options.title': 'HelpDraft の設定',
  'options.helpCenterUrl': 'ヘルプセンターのリクエストフォーム URL',
  'options.helpCenterUrlHint': '通常は変更不要です(ペンティオヘルプセンター)。',
  'options.personalEmail': 'ご自身のメールアドレス(CC の既定値)',
  'options.personalEmailHint':
    '共有アカウントでヘルプセンターにサインインしている場合、CC に必ず入力されます。',
  'options.language': '表示言語と下書きの言語',
  'options.save': '保存',
  'options.saved': '保存しました。',
  'options.invalid': '入力内容を確認してください: {detail}',
  'options.invalidUrl': 'http または https で始まる URL を入力してください。',
  'options.invalidEmail': 'メールアドレスの形式が正しくありません。',
  'options.permissionDenied': '{origin} へのアクセスが許可されなかったため、保存していません。',

  'language.ja': '日本語',
  'language.en': 'English',

  'compose.titleWithError': '[{subject}] {error}',
  'compose.titleNoError': '[{subject}] についての問い合わせ',
  'compose.subjectFallback': 'OneLogin',
  'compose.heading.what': '■ 発生している事象',
  'compose.what': '「{title}」の画面で、以下のエラーが表示されました。',
  'compose.whatNoError': '「{title}」の画面についてのお問い合わせです。(事象をご記入ください)',
  'compose.heading.errors': '■ エラーメッセージ(全文)',
  'compose.heading.where': '■ 発生箇所',
  'compose.url': 'URL: {url}',
  'compose.page': '画面: {title}',
  'compose.heading.when': '■ 発生日時',
  'compose.heading.tried': '■ 試したこと',
  'compose.tried': '(ご記入ください)',
  'compose.heading.impact': '■ 影響範囲',
  'compose.impact': '(ご記入ください: 影響を受けているユーザーの範囲など)',
  'compose.heading.attachments': '■ 添付ファイル',
  'compose.attachment': '- {name}(エラー発生時の画面キャプチャ)',
  'compose.fieldError': '{field}: {text}',
} as const;

export type MessageKey = keyof typeof ja;
