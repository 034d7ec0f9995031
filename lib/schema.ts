/**
 * Every shape that crosses a boundary (messages, storage, the fill payload)
 * is defined here once; types come from `z.infer`, and readers `safeParse`.
 */
import { z } from 'zod';
import { isUsableMaskPattern } from './capture/mask-pattern';
import { maskReportSchema, unverifiedMaskSchema } from './capture/mask-report';
import { errorShapeSchema } from './errors';
import { recordingSchema } from './recorder/recording-schema';
import { screenshotModeSchema } from './capture/screenshot-mode';

// In files of their own so the collector, injected into every captured page, builds only
// these schemas and not all of this module's (docs/PERFORMANCE.md, the collector's bundle).
export {
  recordedEventSchema,
  recordingSchema,
  type RecordedEvent,
  type Recording,
} from './recorder/recording-schema';
export { screenshotModeSchema, type ScreenshotMode } from './capture/screenshot-mode';

export const localeSchema = z.enum(['ja', 'en']);
export type Locale = z.infer<typeof localeSchema>;

/** Zendesk's priority values; the labels (低/普通/高/緊急) come from the locale files. */
export const prioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export type Priority = z.infer<typeof prioritySchema>;

/** The connector-request field: unset for every inquiry but a connector request (SPEC #6). */
export const connectorRequestSchema = z.enum(['', 'free', 'paid']);
export type ConnectorRequest = z.infer<typeof connectorRequestSchema>;

export const pageErrorKindSchema = z.enum([
  'alert',
  'live-region',
  'form-field',
  'marked-error',
  'warning',
  'http-error',
]);
export type PageErrorKind = z.infer<typeof pageErrorKindSchema>;

export const pageErrorSchema = z.object({
  kind: pageErrorKindSchema,
  text: z.string(),
  /** For a form-field error: the label of the field it belongs to. */
  field: z.string().optional(),
  /**
   * Why the message was taken (lib/capture/errors-evidence.ts): `role:alert`, `class:error`,
   * `colour:red`, `wording:できませんでした`, … and what spoke against it. Optional: drafts stored
   * before it existed have none.
   */
  evidence: z.array(z.string().max(120)).max(40).optional(),
  /** A message the watcher saw appear and vanish before the capture (lib/capture/watcher.ts): seconds before the capture. */
  vanishedSecondsAgo: z.number().int().nonnegative().optional(),
});
export type PageError = z.infer<typeof pageErrorSchema>;

/** A OneLogin object the page is about (docs/ONELOGIN.md), from the URL and the page. */
export const entityKindSchema = z.enum([
  'account',
  'app',
  'connector',
  'user',
  'role',
  'directory',
  'policy',
  'mapping',
  'event',
]);
export type EntityKind = z.infer<typeof entityKindSchema>;

export const entitySchema = z.object({
  kind: entityKindSchema,
  /** The object's id as OneLogin shows it (app id, user id, account subdomain…). */
  id: z.string().optional(),
  /** Its display name, from the page (heading, form field). */
  name: z.string().optional(),
  /** For a user: the email address, when the page shows it. */
  email: z.string().optional(),
  /** Where in the object the page is, e.g. the app tab `sso` or a console section. */
  section: z.string().optional(),
});
export type Entity = z.infer<typeof entitySchema>;

export const environmentSchema = z.object({
  browser: z.string(),
  browserVersion: z.string(),
  os: z.string(),
  /** The browser's UI language, e.g. `ja`. */
  uiLanguage: z.string(),
  /** The page's own language (`<html lang>`), when it says. */
  pageLanguage: z.string().optional(),
  timeZone: z.string(),
  viewport: z.object({ width: z.number(), height: z.number(), devicePixelRatio: z.number() }),
  extensionVersion: z.string(),
});
export type Environment = z.infer<typeof environmentSchema>;

export const redactionSchema = z.object({
  /** Which rule matched (e.g. `bearer-token`, `url-parameter`). */
  rule: z.string(),
  /** Where it was found (e.g. `url`, `title`, `error`). */
  where: z.string(),
});
export type Redaction = z.infer<typeof redactionSchema>;

/**
 * Where on the page the admin was, besides its heading: the breadcrumb's
 * steps and the active tab's label (lib/capture/page-context.ts). Optional:
 * older captures and pages without them have none (issue 16, item 4).
 */
export const pageContextSchema = z.object({
  breadcrumb: z.array(z.string()),
  activeTab: z.string(),
});
export type PageContext = z.infer<typeof pageContextSchema>;

/** What the collector reads from the page, before redaction. */
export const pageSnapshotSchema = z.object({
  url: z.string(),
  title: z.string(),
  /** The page's main heading: on OneLogin's edit pages, the app's or user's name. */
  heading: z.string(),
  context: pageContextSchema.optional(),
  errors: z.array(pageErrorSchema),
  viewport: z.object({ width: z.number(), height: z.number(), devicePixelRatio: z.number() }),
  entities: z.array(entitySchema),
  environment: environmentSchema,
  recording: recordingSchema,
});
export type PageSnapshot = z.infer<typeof pageSnapshotSchema>;

/** The collector's answer: the page, and what it covered before the screenshot. */
export const collectorResultSchema = z.object({
  snapshot: pageSnapshotSchema,
  masked: z.array(redactionSchema),
  /** The rectangles the background paints into the screenshot (lib/capture/mask-report.ts). */
  masks: maskReportSchema,
  /** Where the collector's time went, in milliseconds (for the benchmark). */
  timing: z.object({ readMs: z.number(), maskMs: z.number(), paintMs: z.number() }).optional(),
});
export type CollectorResult = z.infer<typeof collectorResultSchema>;

export const captureSchema = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  heading: z.string(),
  context: pageContextSchema.optional(),
  /** ISO 8601 with the capturing machine's UTC offset, e.g. 2026-11-23T19:40:12+09:00. */
  capturedAt: z.string(),
  errors: z.array(pageErrorSchema),
  viewport: pageSnapshotSchema.shape.viewport,
  entities: z.array(entitySchema).default([]),
  environment: environmentSchema.optional(),
  recording: z._default(recordingSchema, { available: false, events: [], dropped: 0 }),
  redactions: z.array(redactionSchema),
  /** Why there is no screenshot, when there is none. */
  screenshotProblem: errorShapeSchema.optional(),
  /**
   * Masks painted into the screenshot whose element could not be confirmed
   * where it was measured (moved, removed, covered): the popup warns before
   * the fill (components/MaskWarning.tsx).
   */
  unverifiedMasks: z.array(unverifiedMaskSchema).optional(),
});
export type Capture = z.infer<typeof captureSchema>;

/** An attachment's bytes in IndexedDB (by `id`) and what is known of them. */
export const storedAttachmentRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  size: z.number().int().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});
export type StoredAttachmentRef = z.infer<typeof storedAttachmentRefSchema>;

export const attachmentRefSchema = storedAttachmentRefSchema.extend({
  /**
   * On an annotated image: the image as it was before any annotation, its
   * bytes kept under their own id so "restore original" can bring it back.
   */
  original: storedAttachmentRefSchema.optional(),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

export const fillFieldSchema = z.enum([
  'cc',
  'category',
  'priority',
  'subject',
  'description',
  'connector',
  'attachments',
]);
export type FillField = z.infer<typeof fillFieldSchema>;

/** `missing`: the draft names an attachment whose bytes are gone from IndexedDB (not sent; issue 15, item 5). */
export const fillStatusSchema = z.enum(['filled', 'skipped', 'not-found', 'rejected', 'missing']);
export type FillStatus = z.infer<typeof fillStatusSchema>;

export const fillReportItemSchema = z.object({
  field: fillFieldSchema,
  status: fillStatusSchema,
  /** Short machine-readable detail (the value set, or why not); rendered through the locale files. */
  detail: z.string().default(''),
  /**
   * Something about the form the user should check before submitting: `hidden-duplicate`, a hidden
   * control with the same name or label as the one filled, left empty (lib/helpcenter/visible.ts);
   * `other-option`, the form had no option for the suggested category, so its "other" (その他) was chosen.
   */
  warning: z.enum(['hidden-duplicate', 'other-option']).optional(),
});
export type FillReportItem = z.infer<typeof fillReportItemSchema>;

/** The two generations of Zendesk request forms (docs/HELPCENTER-FORM.md). */
export const formGenerationSchema = z.enum(['classic', 'react']);
export type FormGeneration = z.infer<typeof formGenerationSchema>;

/** An option of a dropdown field of the live form: what it says, and the value the form submits. */
export const formOptionSchema = z.object({ label: z.string(), value: z.string() });

/** The category and connector options the help center's form offered when it was last filled. */
export const liveFormOptionsSchema = z.object({
  category: z.array(formOptionSchema),
  connector: z.array(formOptionSchema),
});
export type LiveFormOptions = z.infer<typeof liveFormOptionsSchema>;

export const fillReportSchema = z.object({
  filledAt: z.string(),
  url: z.string(),
  items: z.array(fillReportItemSchema),
  /** Which form was filled: its generation and the ticket form chosen (its label); absent in older reports. */
  form: z.object({ generation: formGenerationSchema, ticketForm: z.string().default('') }).optional(),
  /** The form's own category and connector options, read while filling (the background caches them apart). */
  options: liveFormOptionsSchema.optional(),
  /** Milliseconds from the form being ready to the last field, and of those the waits for the page's uploads. */
  timing: z.object({ fillMs: z.number(), uploadWaitMs: z.number() }).optional(),
});
export type FillReport = z.infer<typeof fillReportSchema>;

/** The guided questions' first answer: what kind of inquiry this is (the help center's own groups). */
export const inquiryTypeSchema = z.enum([
  'troubleshooting',
  'settings-question',
  'specification',
  'feature-request',
  'connector-request',
]);
export type InquiryType = z.infer<typeof inquiryTypeSchema>;

/** Who is affected: the help center's priority criteria turn on it. */
export const impactSchema = z.enum(['minor', 'some-users', 'all-users']);
export type Impact = z.infer<typeof impactSchema>;

export const answersSchema = z.object({
  inquiryType: inquiryTypeSchema,
  impact: impactSchema,
  /** The user's own words about the problem, optional. */
  summary: z.string(),
  /**
   * Which answers the user clicked: those are never re-read from the words
   * (issue 16, item 3). Optional, so drafts stored before read as unclicked
   * and the stored shape needs no migration.
   */
  clicked: z.object({ inquiryType: z.boolean(), impact: z.boolean() }).partial().optional(),
});
export type Answers = z.infer<typeof answersSchema>;

export const defaultAnswers: Answers = { inquiryType: 'troubleshooting', impact: 'minor', summary: '' };

export const draftStatusSchema = z.enum(['draft', 'filled', 'sent']);
export type DraftStatus = z.infer<typeof draftStatusSchema>;

export const draftSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: draftStatusSchema,
  /** The tab the capture came from; only meaningful within one browser session. */
  sourceTabId: z.number().int().optional(),
  capture: captureSchema.optional(),
  title: z.string(),
  description: z.string(),
  priority: prioritySchema,
  category: z.string(),
  cc: z.string(),
  connector: connectorRequestSchema,
  attachments: z.array(attachmentRefSchema),
  fillReport: fillReportSchema.optional(),
  /** Drafts stored before the guided questions existed read as a troubleshooting of minor impact. */
  answers: answersSchema.default(defaultAnswers),
  /** Set when the user chose a priority or category by hand: answers then stop re-suggesting it. */
  overridden: z
    .object({ priority: z.boolean(), category: z.boolean() })
    .default({ priority: false, category: false }),
});
export type Draft = z.infer<typeof draftSchema>;

/** The fields a user edits in the popup; everything else is owned by the background. */
export const draftEditSchema = draftSchema
  .pick({ title: true, description: true, priority: true, category: true, cc: true, connector: true })
  .extend({ answers: answersSchema.partial() })
  .partial();
export type DraftEdit = z.infer<typeof draftEditSchema>;

/** How many mask patterns one list may hold, and how long one may be. */
export const maxMaskPatterns = 50;
export const maxMaskPatternLength = 200;

/**
 * A mask pattern: a JavaScript regular expression (matched case-insensitively)
 * for secrets HelpDraft's own rules do not know, such as an organisation's
 * employee or contract numbers. One that does not compile, that matches
 * the empty string (it would mask nothing, everywhere) or that nests a
 * repetition in a repetition (it can freeze a capture: mask-pattern.ts) is
 * refused.
 */
export const maskPatternSchema = z
  .string()
  .trim()
  .min(1)
  .max(maxMaskPatternLength)
  .refine(isUsableMaskPattern, 'not a usable regular expression');

/**
 * A stored or managed list of mask patterns, pattern by pattern: one this
 * version refuses (its checks may be stricter than the version that saved
 * it) is dropped and named, and the others still mask — dropping the whole
 * list would leave every secret they cover in the clear. Undefined for
 * anything that is not a list of strings.
 */
export function parseMaskPatternList(raw: unknown): { patterns: string[]; refused: string[] } | undefined {
  const list = z.array(z.string()).safeParse(raw);
  if (!list.success) return undefined;
  const patterns: string[] = [];
  const refused: string[] = [];
  for (const source of list.data) {
    const pattern = maskPatternSchema.safeParse(source);
    if (pattern.success && patterns.length < maxMaskPatterns) patterns.push(pattern.data);
    else refused.push(source);
  }
  return { patterns, refused };
}

/**
 * The help-center form's URL: https only. The fill opens it with the draft's text and the
 * screenshot, so over http every secret left in them would cross the network in clear
 * (issue 15: "the help-center URL must be https in the settings and the policy schemas").
 * The policy's key reuses this field, so an http value there is ignored and named
 * (lib/managed.ts); a stored one falls back to the default (lib/storage.ts parseSettings).
 */
export const helpCenterUrlSchema = z.url({ protocol: /^https$/ });

/**
 * Why a typed help-center URL is refused, so the settings page can say it: an http URL gets
 * its own message (it is a URL, only not an encrypted one), anything else the general one.
 */
export function helpCenterUrlProblem(value: string): 'http' | 'invalid' | undefined {
  if (helpCenterUrlSchema.safeParse(value).success) return undefined;
  return /^\s*http:\/\//i.test(value) ? 'http' : 'invalid';
}

export const settingsSchema = z.object({
  helpCenterUrl: helpCenterUrlSchema,
  language: localeSchema,
  personalEmail: z.union([z.email(), z.literal('')]),
  /** Mask email addresses in captured texts and screenshots (off: support often needs the affected user's address). */
  maskEmails: z.boolean(),
  screenshotMode: screenshotModeSchema,
  /** Signed in to the help center with a shared / group account: CC must then hold a personal address (SPEC #1). */
  sharedAccount: z.boolean(),
  /** Shared or group addresses, or their beginnings such as `info@`: never counted as a personal CC. */
  sharedAddresses: z.array(z.string().trim().min(1)),
  /** Extra mask patterns (maskPatternSchema), applied to captured texts and screenshots like the built-in rules. */
  maskPatterns: z.array(maskPatternSchema).max(maxMaskPatterns),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  helpCenterUrl: 'https://support.onelogin.jp/hc/ja/requests/new',
  language: 'ja',
  personalEmail: '',
  maskEmails: false,
  screenshotMode: 'visible',
  sharedAccount: false,
  sharedAddresses: ['info@', 'it-admin@', 'admin@', 'support@', 'helpdesk@'],
  maskPatterns: [],
};

/**
 * What an organisation sets through its browser policy (`storage.managed`;
 * public/managed_schema.json declares the same keys for Chrome and Edge, and
 * docs/DEPLOYMENT.md shows the policies). A value set there is used instead
 * of the user's own and cannot be changed in the settings page. Every key is
 * optional; a value that does not parse is ignored and named in the settings page.
 */
export const managedPolicySchema = z.object({
  helpCenterUrl: settingsSchema.shape.helpCenterUrl,
  /** The language of the interface and of new drafts. */
  language: localeSchema,
  maskEmails: settingsSchema.shape.maskEmails,
  maskPatterns: settingsSchema.shape.maskPatterns,
  sharedAccount: settingsSchema.shape.sharedAccount,
  sharedAddresses: settingsSchema.shape.sharedAddresses,
  /** False hides the export (copy as text or Markdown, save as PNG). */
  exportEnabled: z.boolean(),
  /** False hides the related-articles search, so nothing is sent to the help center but the form. */
  articleSearchEnabled: z.boolean(),
});
export type ManagedPolicy = Partial<z.infer<typeof managedPolicySchema>>;
export type ManagedPolicyKey = keyof z.infer<typeof managedPolicySchema>;

/** An attachment as it travels to the filler: bytes as base64, since messages are JSON. */
export const fillAttachmentSchema = z.object({
  name: z.string(),
  type: z.string(),
  base64: z.string(),
});
export type FillAttachment = z.infer<typeof fillAttachmentSchema>;

export const fillPayloadSchema = z.object({
  locale: localeSchema,
  subject: z.string(),
  description: z.string(),
  /** The description as escaped HTML, for forms whose 詳細 field is a rich-text editor. */
  descriptionHtml: z.string(),
  priority: prioritySchema,
  /**
   * Words that name the chosen category (its labels in every locale and its
   * synonyms); the filler matches them onto the live form's option labels,
   * since the help center does not publish its option values (SPEC #2).
   */
  categoryTerms: z.array(z.string()),
  cc: z.array(z.string()),
  connector: connectorRequestSchema,
  attachments: z.array(fillAttachmentSchema),
});
export type FillPayload = z.infer<typeof fillPayloadSchema>;

/** A help-center article found by a related-articles search: plain text only, and an https link. */
export const relatedArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The matching passage as plain text (Zendesk's HTML snippet with its markup taken off). */
  snippet: z.string(),
  url: z.url({ protocol: /^https$/ }),
});
export type RelatedArticle = z.infer<typeof relatedArticleSchema>;

export const articleSearchResultSchema = z.object({
  /** The words that were sent, exactly. */
  words: z.array(z.string()),
  /** The help center's locale searched in (e.g. `ja`). */
  locale: z.string(),
  articles: z.array(relatedArticleSchema),
  /** How many articles the help center found in all (more than are shown). */
  total: z.number().int().nonnegative(),
});
export type ArticleSearchResult = z.infer<typeof articleSearchResultSchema>;
