/**
 * A draft as text to paste elsewhere — plain text and Markdown, with the
 * list of its attachments — for when the form cannot be reached or another
 * channel is used (issue #8). Pure: the popup copies what these return.
 */
import { translatorFor, type Translate } from '../i18n';
import type { Draft, Locale } from '../schema';
import { categoryLabelKey, isCategoryKey } from './categories';
import { formatBytes } from './format-bytes';

interface Field {
  label: string;
  value: string;
}

function fields(draft: Draft, t: Translate): Field[] {
  const category = isCategoryKey(draft.category) ? t(categoryLabelKey(draft.category)) : t('export.none');
  return [
    { label: t('field.priority'), value: t(`priority.${draft.priority}`) },
    { label: t('field.category'), value: category },
    { label: t('field.cc'), value: draft.cc.trim() || t('export.none') },
    ...(draft.answers.inquiryType === 'connector-request'
      ? [
          {
            label: t('field.connector'),
            value: t(draft.connector === '' ? 'connector.none' : `connector.${draft.connector}`),
          },
        ]
      : []),
  ];
}

function attachmentLines(draft: Draft): string[] {
  return draft.attachments.map(
    (attachment) =>
      `${attachment.name} (${formatBytes(attachment.size)}${
        attachment.width && attachment.height ? `, ${attachment.width}×${attachment.height}` : ''
      })`,
  );
}

export function draftAsText(draft: Draft, locale: Locale): string {
  const t = translatorFor(locale);
  const attachments = attachmentLines(draft);
  return [
    `${t('field.title')}: ${draft.title}`,
    ...fields(draft, t).map((field) => `${field.label}: ${field.value}`),
    '',
    `${t('field.description')}:`,
    draft.description,
    '',
    `${t('field.attachments')}:`,
    ...(attachments.length > 0 ? attachments.map((line) => `- ${line}`) : [t('export.none')]),
  ].join('\n');
}

/** Markdown's own characters in a one-line value, escaped so the value reads as written. */
function inline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/**
 * Markdown: the title as a heading, the fields as a list, the description
 * in a fenced block (it is plain text with the page's own characters, which
 * must not turn into markup), the attachments as a list.
 */
export function draftAsMarkdown(draft: Draft, locale: Locale): string {
  const t = translatorFor(locale);
  const attachments = attachmentLines(draft);
  // A fence longer than any run of backticks in the description.
  const longestRun = Math.max(0, ...(draft.description.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [
    `# ${inline(draft.title)}`,
    '',
    ...fields(draft, t).map((field) => `- **${field.label}**: ${inline(field.value)}`),
    '',
    `## ${t('field.description')}`,
    '',
    `${fence}text`,
    draft.description,
    fence,
    '',
    `## ${t('field.attachments')}`,
    '',
    ...(attachments.length > 0 ? attachments.map((line) => `- ${inline(line)}`) : [t('export.none')]),
  ].join('\n');
}
