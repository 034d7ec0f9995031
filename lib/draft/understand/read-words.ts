/**
 * Reads the admin's own words (the summary, and a title they typed) for what
 * the help center's priority rules turn on (seed article, shared/SPEC.md):
 * the inquiry type, who is affected, and for a connector request whether it
 * is free or paid and by when. Issue 16, item 3. Local rules only: no model,
 * no network; Intl.Segmenter finds English words on word boundaries.
 */
import type { ConnectorRequest, Impact, InquiryType } from '../../schema';

/** One reading and the words of the text that decided it (shown to the user as the reason). */
export interface Reading<Value> {
  value: Value;
  words: string;
}

export interface WordsReading {
  inquiryType?: Reading<InquiryType>;
  impact?: Reading<Impact>;
  connector?: Reading<Exclude<ConnectorRequest, ''>>;
  /** A wished deadline as written ("3月末まで", "by March 31"), for a paid connector request. */
  deadline?: string;
}

interface Rule<Value> {
  value: Value;
  pattern: RegExp;
  /** Earlier rules win ties; a higher weight wins over an earlier rule. */
  weight: number;
}

/**
 * Connector requests: asking Pentio to build a connector (SPEC #6). A
 * connector merely named ("the connector fails") is not a request.
 */
const connectorRequest =
  /(コネクタ|コネクター|connector)[^。.!?！？]{0,20}?(追加|作成|構築|開発|作って|依頼|お願い|リクエスト|ほしい|欲しい)|(コネクタ|コネクター)(を)?(追加|作成|構築)|(build|create|add|develop|request|need|want)\w*\s+(a\s+|an\s+|the\s+)?(new\s+|custom\s+)?(\w+[- ]){0,4}connector|connector\s+request|(新しい|新規の?|カスタム)(\S{0,12})?(コネクタ|コネクター)/i;

/** Types other than a connector request, strongest evidence first. */
const typeRules: Rule<Exclude<InquiryType, 'connector-request'>>[] = [
  // "〜は仕様ですか" asks about the specification even when a symptom is named.
  {
    value: 'specification',
    weight: 5,
    pattern: /仕様(です|でしょう)か|(is this|is it) (by design|expected|intended)/i,
  },
  {
    value: 'feature-request',
    weight: 4,
    pattern:
      /(できる|られる|れる)ように(して|なって|なると|なれば)|ようにして(ください|下さい|ほしい|欲しい)|(して|追加して|対応して|改善して|付けて|つけて)(ほしい|欲しい|いただきたい|もらいたい|頂きたい)|機能(追加|要望|改善)|要望|would be (nice|great|helpful)|it'd be (nice|great)|feature request|please (add|support|allow|make)|could you (add|support|allow|make)|we('d| would) like (you to|a way|the ability)|wish (there was|we could|it)|できたら(嬉しい|うれしい|助かり|助かる)|できると(嬉しい|うれしい|助かり|助かる|ありがたい)|あると(嬉しい|うれしい|助かり|助かる|便利|ありがたい)|ほしいです|欲しいです/i,
  },
  {
    value: 'troubleshooting',
    weight: 3,
    pattern:
      /エラー|できない|できません|できなく|出来ない|出来ません|失敗|動かない|動きません|表示されない|表示されません|届かない|届きません|反映されない|反映されません|同期されない|同期されません|止ま(った|って|りました)|障害|不具合|落ちて|つながらない|繋がらない|弾かれ|ループ|errors?\b|fail|can(no|')t|unable|not (working|syncing|loading|saving|showing|receiving|arriving)|doesn'?t work|does not work|stopped|broken|outage|\bdown\b|crash|invalid|rejected|denied|locked out|stuck/i,
  },
  {
    value: 'specification',
    weight: 2,
    pattern:
      /仕様|ドキュメント|マニュアル|資料|上限|制限|対応して(いますか|いるか|ますか)|サポートして(いますか|いるか)|可能(です|でしょう)か|できますか|出来ますか|\bspec(ification)?s?\b|documentation|\bdocs?\b|is (it|there) (possible|a limit|any limit)|(does|do) (onelogin|it|you) support|is .{0,30} supported|limits?\b|maximum|how many/i,
  },
  // "どうすれば〜できますか" asks how, not whether: above the specification's "できますか".
  {
    value: 'settings-question',
    weight: 2.5,
    pattern: /どうすれば|どうやって|how (do|can|should) (i|we)|how to\b/i,
  },
  {
    value: 'settings-question',
    weight: 1,
    pattern:
      /設定(方法|の仕方|のしかた|手順)|方法を教え|やり方|手順|使い方|どうすれば|どうやって|どのように設定|設定(したい|するには|すれば)|教えて|how (do|can|should|to)|what('s| is) the (way|best way)|configure|set up|setting up/i,
  },
];

/** Not a symptom: "no error", "エラーは出ていません". */
const noTrouble = /エラー(は|も)?(出て|表示されて)?(い)?ません|no errors?\b|without (any )?errors?/i;

/**
 * Who is affected. Negation and quantities first ("not everyone" is some;
 * "影響はありません" is nobody, read as minor), then the plain readings.
 */
const impactRules: Rule<Impact>[] = [
  {
    value: 'some-users',
    weight: 6,
    pattern:
      /全員(では|じゃ)(ない|なく|ありません)|全(員|社員|ユーザー)(ではない|ではなく)|not (everyone|everybody|all (of )?(the )?(users|employees|staff))/i,
  },
  {
    value: 'minor',
    weight: 5,
    pattern:
      /影響(は|も)?(ありません|ない|なし|ございません|は軽微|軽微)|業務(への)?影響(は|も)?(ありません|ない|なし|軽微)|no (business )?impact|nobody (is|was) affected|no one (is|was) affected|not affecting anyone|軽微/i,
  },
  {
    value: 'all-users',
    weight: 4,
    pattern:
      /全社員|全従業員|全社|全員|全ユーザー|全利用者|全拠点|全部署|全(ての|て の)?ユーザー|すべての(ユーザー|利用者|社員|従業員|拠点)|全ての(ユーザー|利用者|社員|従業員|拠点)|誰も|だれも|みんな|皆(さん)?が|every(one|body| user| employee)|all (of )?(our |the )?(users|employees|staff|accounts|members|offices|sites)|nobody can|no one can|company[- ]wide|entire (company|organi[sz]ation)|organi[sz]ation[- ]wide|whole company/i,
  },
  {
    value: 'minor',
    weight: 3,
    pattern:
      /(自分|私|わたし|僕|管理者|自分の(アカウント)?)(だけ|のみ)|(?<!\d)(1|一)\s*(名|人|ユーザー)(だけ|のみ)?|ひとり(だけ)?|一人(だけ)?|only (me|myself|my account|the admin|one user|a single user)|just (me|my account|one user)|a single user|\bone user\b|(i|me) alone/i,
  },
  {
    value: 'some-users',
    weight: 2,
    pattern:
      /一部|数名|数人|何人か|何名か|複数|特定の|(?<!\d)([2-9]|[1-9]\d+)\s*(名|人)|[^\s、。]{1,10}(部|課|チーム|拠点|支社|店舗)(だけ|のみ|の(ユーザー|社員|メンバー))|some (users|employees|people|staff|of)|a (few|couple)|several|certain (users|employees|people)|\d+ (users|employees|people)|(one|a) (department|team|office|site)|only (the )?\w+ (department|team|office)/i,
  },
];

const freeConnector =
  /無償|無料|費用(は|を)?かけ(ず|ない)|free( of charge)?\b|no cost|without (cost|charge)/i;
const paidConnector =
  /有償|有料|費用(を)?(払|支払|お支払)|見積|お見積り|paid\b|custom (work|development)|quote|we (will|can) pay|budget/i;
const deadline =
  /(\d{4}\s*[年/-]\s*)?\d{1,2}\s*[月/-]\s*(\d{1,2}\s*日?|末|中旬|上旬|下旬)(頃)?\s*(までに|まで)|(今月|来月|年内|年度内|今期|来期|今週|来週)(中|末)?\s*(までに|まで|中に|に)?|\bby (the )?(end of )?(\w+ \d{1,2}(st|nd|rd|th)?|\d{4}-\d{2}-\d{2}|next (week|month)|(january|february|march|april|may|june|july|august|september|october|november|december)|this (week|month|year|quarter))/i;

/** Full-width letters and digits as ASCII, so one rule reads both. */
function normalised(text: string): string {
  return text.normalize('NFKC');
}

function strongest<Value>(text: string, rules: Rule<Value>[]): Reading<Value> | undefined {
  let best: { rule: Rule<Value>; words: string } | undefined;
  for (const rule of rules) {
    const match = rule.pattern.exec(text);
    if (match && (!best || rule.weight > best.rule.weight)) best = { rule, words: match[0].trim() };
  }
  return best && { value: best.rule.value, words: best.words };
}

/** The inquiry type the words imply, if any: a connector request before everything else. */
export function readInquiryType(text: string): Reading<InquiryType> | undefined {
  const connector = connectorRequest.exec(text);
  if (connector) return { value: 'connector-request', words: connector[0].trim() };
  const rules = noTrouble.test(text)
    ? typeRules.filter((rule) => rule.value !== 'troubleshooting')
    : typeRules;
  return strongest(text, rules);
}

export function readImpact(text: string): Reading<Impact> | undefined {
  return strongest(text, impactRules);
}

/** Everything the words imply; fields the words say nothing about are absent. */
export function readWords(...texts: string[]): WordsReading {
  const text = normalised(texts.filter(Boolean).join('\n'));
  if (!text.trim()) return {};
  const inquiryType = readInquiryType(text);
  const impact = readImpact(text);
  const reading: WordsReading = {
    ...(inquiryType ? { inquiryType } : {}),
    ...(impact ? { impact } : {}),
  };
  if (inquiryType?.value !== 'connector-request') return reading;
  const paid = paidConnector.exec(text);
  const free = freeConnector.exec(text);
  const connector = paid
    ? { value: 'paid' as const, words: paid[0].trim() }
    : free
      ? { value: 'free' as const, words: free[0].trim() }
      : undefined;
  const wished = deadline.exec(text);
  return {
    ...reading,
    ...(connector ? { connector } : {}),
    ...(wished ? { deadline: wished[0].trim() } : {}),
  };
}

const wordSegmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** The text's words, lower-cased: "OneLogin" stays one word, so it never reads as "login". */
export function wordsOf(text: string): string[] {
  return [...wordSegmenter.segment(normalised(text).toLowerCase())]
    .filter((segment) => segment.isWordLike)
    .map((segment) => segment.segment);
}
