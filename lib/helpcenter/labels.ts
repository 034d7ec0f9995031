/**
 * The words fields are found by when their `name` is not known or changed:
 * the labels a person reads, in Japanese and English (helpcenter-form.md:
 * by name first, then by label; never by position).
 */
import type { FillPayload, Priority } from '../schema';

export const ccLabels = /^cc/i;
export const categoryLabels = /お問い合わせ内容|カテゴリ|category/i;
export const priorityLabels = /優先度|priority/i;
export const subjectLabels = /タイトル|件名|subject/i;
export const descriptionLabels = /詳細|説明|description/i;
export const connectorLabels = /コネクタ|connector/i;
export const attachmentLabels = /添付ファイル|attachments/i;
export const ticketFormLabels = /フォーム|ticket form|form/i;

/** Priority option labels on a Japanese and an English site; the value is the same everywhere. */
export const priorityTerms: Record<Priority, string[]> = {
  low: ['低', 'Low'],
  normal: ['普通', '通常', 'Normal'],
  high: ['高', 'High'],
  urgent: ['緊急', 'Urgent'],
};

/** Words naming each connector-request choice; the option labels are read from the live form. */
export const connectorTerms: Record<FillPayload['connector'], string[]> = {
  '': [],
  free: ['無償', 'free'],
  paid: ['有償', 'paid', 'カスタム', 'custom'],
};

/**
 * The form's "other" option, chosen when it has none for the suggested
 * category: a category is never left empty when the form has options
 * (issue 16, item 4; the stand-in forms under test/fixtures/standin/helpcenter/
 * name it その他). Literal here so the filler does not load the locale files.
 */
export const otherCategoryTerms = ['その他', 'other', 'others'];

/** The ticket form HelpDraft's inquiries belong to, matched on the selector's option labels. */
export const ticketFormTerms = ['OneLogin'];
