/**
 * Writes a ticket's title and description from a capture and the user's
 * answers, by the help center's writing guide (seed article): for a
 * troubleshooting every error text in full, where it happened, when, then
 * what the user adds; for a question its premises, usage and references.
 */
import { translatorFor, type Translate } from '../i18n';
import type { Answers, AttachmentRef, Capture, Environment, Locale } from '../schema';
import { clockTimeAt, readableTime } from '../time';

/** The request form's subject field is `maxlength=150` (docs/HELPCENTER-FORM.md). */
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

/** A title is one line: text from the page or the summary box may hold line breaks. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * What a connector request is for: the app being connected (or its
 * connector) when the page names it, since the support engineer builds the
 * connector for that app; else the page's subject.
 */
function connectorSubjectOf(capture: Capture, fallback: string): string {
  const named = (kind: 'app' | 'connector') =>
    capture.entities.find((entity) => entity.kind === kind && entity.name?.trim())?.name?.trim();
  const name = named('app') ?? named('connector');
  return name ? truncate(name, 60) : subjectOf(capture, fallback);
}

/**
 * A concise subject telling what the inquiry is (the form's rule 4): a
 * troubleshooting names its first error in full; a question or request
 * names its kind and the user's summary, or only its kind when there is no
 * summary; the bracket says which app or screen it is about.
 */
export function composeTitle(capture: Capture, answers: Answers, locale: Locale): string {
  const t = translatorFor(locale);
  const { inquiryType } = answers;
  const subject =
    inquiryType === 'connector-request'
      ? connectorSubjectOf(capture, t('compose.subjectFallback'))
      : subjectOf(capture, t('compose.subjectFallback'));
  const summary = oneLine(answers.summary);
  const firstError = capture.errors[0];
  const title =
    inquiryType === 'troubleshooting' && firstError
      ? t('compose.title.troubleshooting.error', { subject, error: oneLine(firstError.text) })
      : summary
        ? t(`compose.title.${inquiryType}.summary`, { subject, summary })
        : t(`compose.title.${inquiryType}.plain`, { subject });
  return truncate(title, maxTitleLength);
}

/** Recorded events written into the description at most; the rest are counted. */
export const maxRecordedLines = 20;

function entityLines(capture: Capture, t: Translate): string[] {
  return capture.entities.map((entity) => {
    const details = [
      entity.id && !(entity.kind === 'account' && !entity.name)
        ? t('compose.entityId', { id: entity.id })
        : '',
      entity.email ?? '',
      entity.section ? t('compose.entitySection', { section: entity.section }) : '',
    ].filter(Boolean);
    const name = entity.name ?? (entity.kind === 'account' ? (entity.id ?? '') : '');
    return t('compose.entity', {
      kind: t(`entity.${entity.kind}`),
      name,
      details:
        details.length > 0
          ? t('compose.entityDetails', { details: details.join(t('compose.listSeparator')) })
          : '',
    });
  });
}

function recordedLines(capture: Capture, t: Translate): string[] {
  const events = capture.recording.events;
  const lines = events.slice(0, maxRecordedLines).map((event) => {
    const time = clockTimeAt(event.time, capture.capturedAt);
    if (event.type !== 'failed-request')
      return t(`compose.recorded.${event.type}`, { time, text: event.text });
    const status =
      event.status === 0
        ? t('compose.recorded.networkFailure')
        : `${event.status}${event.statusText ? ` ${event.statusText}` : ''}`;
    return t('compose.recorded.failed-request', { time, method: event.method, url: event.url, status });
  });
  const more = events.length - lines.length + capture.recording.dropped;
  return more > 0 ? [...lines, t('compose.recorded.more', { count: more })] : lines;
}

function environmentLine(environment: Environment, t: Translate): string {
  return t('compose.environment', {
    browser: environment.browser,
    version: environment.browserVersion,
    os: environment.os,
    language: environment.uiLanguage,
    timeZone: environment.timeZone,
    width: environment.viewport.width,
    height: environment.viewport.height,
    ratio: environment.viewport.devicePixelRatio,
    extension: environment.extensionVersion,
  });
}

/**
 * The question / consultation template of the writing guide: the question,
 * its premises and conditions, how the product is used, official names and
 * reference URLs; then where it was asked from.
 */
export function composeQuestion(capture: Capture, answers: Answers, locale: Locale): string {
  const t = translatorFor(locale);
  const entities = entityLines(capture, t);
  const sections: string[][] = [
    [t('compose.heading.question'), answers.summary.trim() || t('compose.question')],
    [t('compose.heading.premises'), t('compose.premises')],
    [t('compose.heading.usage'), t('compose.usage')],
    [t('compose.heading.references'), t('compose.references')],
    [
      t('compose.heading.where'),
      t('compose.url', { url: capture.url }),
      t('compose.page', { title: capture.title || capture.url }),
      ...(entities.length > 0 ? [t('compose.heading.entities'), ...entities] : []),
    ],
    ...(capture.environment
      ? [[t('compose.heading.environment'), environmentLine(capture.environment, t)]]
      : []),
  ];
  return sections.map((lines) => lines.join('\n')).join('\n\n');
}

/** The template the inquiry type asks for: troubleshooting, or question / consultation. */
export function composeFor(
  capture: Capture,
  attachments: AttachmentRef[],
  answers: Answers,
  locale: Locale,
): string {
  return answers.inquiryType === 'troubleshooting'
    ? composeDescription(capture, attachments, locale)
    : composeQuestion(capture, answers, locale);
}

/**
 * What HelpDraft really masked, for the ticket's masking line: every text
 * redaction, and the screenshot's masks only when a screenshot was taken and
 * is attached (boxes painted into an image that is not sent hid nothing on
 * the ticket). A screenshot with a problem, even one that fell back to the
 * visible area (lib/background/screenshot.ts), is not counted: its masks were
 * found for another rendering and cannot be vouched for. No line when nothing was masked: the ticket never claims a
 * masking that did not happen (issue 15, "the ticket tells the truth").
 */
export function maskedCounts(
  capture: Capture,
  attachments: AttachmentRef[],
): { text: number; screenshot: number } {
  const inScreenshot = capture.redactions.filter((redaction) => redaction.where === 'screenshot').length;
  const screenshotSent =
    !capture.screenshotProblem && attachments.some((item) => item.type.startsWith('image/'));
  return {
    text: capture.redactions.length - inScreenshot,
    screenshot: screenshotSent ? inScreenshot : 0,
  };
}

function maskedSection(capture: Capture, attachments: AttachmentRef[], t: Translate): string[][] {
  const { text, screenshot } = maskedCounts(capture, attachments);
  return text + screenshot > 0 ? [[t('compose.masked', { count: text + screenshot, text, screenshot })]] : [];
}

export function composeDescription(capture: Capture, attachments: AttachmentRef[], locale: Locale): string {
  const t = translatorFor(locale);
  const pageTitle = capture.title || capture.url;
  const errorLines = capture.errors.map((error) => {
    const line = error.field ? t('compose.fieldError', { field: error.field, text: error.text }) : error.text;
    // A toast the watcher saw vanish before the capture (lib/capture/watcher.ts) says so.
    return error.vanishedSecondsAgo === undefined
      ? `- ${line}`
      : `- ${t('errorKind.vanished', { seconds: error.vanishedSecondsAgo })}: ${line}`;
  });
  const recorded = recordedLines(capture, t);
  const entities = entityLines(capture, t);
  const sections: string[][] = [
    [
      t('compose.heading.what'),
      capture.errors.length > 0
        ? t('compose.what', { title: pageTitle })
        : t('compose.whatNoError', { title: pageTitle }),
    ],
    ...(errorLines.length > 0 ? [[t('compose.heading.errors'), ...errorLines]] : []),
    ...(recorded.length > 0 ? [[t('compose.heading.recorded'), ...recorded]] : []),
    [
      t('compose.heading.where'),
      t('compose.url', { url: capture.url }),
      t('compose.page', { title: pageTitle }),
      ...(entities.length > 0 ? [t('compose.heading.entities'), ...entities] : []),
    ],
    [t('compose.heading.when'), readableTime(capture.capturedAt)],
    ...(capture.environment
      ? [[t('compose.heading.environment'), environmentLine(capture.environment, t)]]
      : []),
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
    ...maskedSection(capture, attachments, t),
  ];
  return sections.map((lines) => lines.join('\n')).join('\n\n');
}
