/**
 * Writes a ticket's title and description from a capture, by the help
 * center's writing guide for troubleshooting (seed article): every error
 * text in full, where it happened, when, then what the user adds.
 */
import { translatorFor } from '../i18n';
import type { AttachmentRef, Capture, Locale } from '../schema';
import { readableTime } from '../time';

/** The request form's subject field is `maxlength=150` (shared/helpcenter-form.md). */
export const maxTitleLength = 150;

/** Cuts to `limit` characters (code points, so no broken surrogate pairs), marking the cut with an ellipsis. */
export function truncate(text: string, limit: number): string {
  const characters = [...text];
  return characters.length <= limit ? text : `${characters.slice(0, limit - 1).join('')}…`;
}

/** What the ticket is about: the page heading (app or user name), else the title's first part. */
function subjectOf(capture: Capture, fallback: string): string {
  const fromTitle = capture.title.split(/\s+[|–—-]\s+/)[0]?.trim() ?? '';
  return truncate(capture.heading || fromTitle || fallback, 60);
}

export function composeTitle(capture: Capture, locale: Locale): string {
  const t = translatorFor(locale);
  const subject = subjectOf(capture, t('compose.subjectFallback'));
  const firstError = capture.errors[0];
  const title = firstError
    ? t('compose.titleWithError', { subject, error: firstError.text })
    : t('compose.titleNoError', { subject });
  return truncate(title, maxTitleLength);
}

export function composeDescription(capture: Capture, attachments: AttachmentRef[], locale: Locale): string {
  const t = translatorFor(locale);
  const pageTitle = capture.title || capture.url;
  const errorLines = capture.errors.map((error) =>
    error.field
      ? `- ${t('compose.fieldError', { field: error.field, text: error.text })}`
      : `- ${error.text}`,
  );
  const sections: string[][] = [
    [
      t('compose.heading.what'),
      capture.errors.length > 0
        ? t('compose.what', { title: pageTitle })
        : t('compose.whatNoError', { title: pageTitle }),
    ],
    ...(errorLines.length > 0 ? [[t('compose.heading.errors'), ...errorLines]] : []),
    [
      t('compose.heading.where'),
      t('compose.url', { url: capture.url }),
      t('compose.page', { title: pageTitle }),
    ],
    [t('compose.heading.when'), readableTime(capture.capturedAt)],
    [t('compose.heading.tried'), t('compose.tried')],
    [t('compose.heading.impact'), t('compose.impact')],
    ...(attachments.length > 0
      ? [
          [
            t('compose.heading.attachments'),
            ...attachments.map((attachment) => t('compose.attachment', { name: attachment.name })),
          ],
        ]
      : []),
  ];
  return sections.map((lines) => lines.join('\n')).join('\n\n');
}
