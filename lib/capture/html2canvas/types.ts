/**
 * The request and result of an html2canvas screenshot. Both cross a boundary
 * (background → isolated world → background through executeScript), so both
 * are zod schemas and each end parses what it receives.
 */
import { z } from 'zod';

/** The modes html2canvas renders; the plain visible-area screenshot stays with captureVisibleTab. */
export const html2canvasModeSchema = z.enum(['full-page', 'error-area']);
export type Html2canvasMode = z.infer<typeof html2canvasModeSchema>;

/**
 * What counts as an error on the page when no `errorSelector` is given:
 * alerts and assertive live regions, invalid fields, and the class names
 * error banners and inline messages usually carry. Polite live regions are
 * left out on purpose: they announce good news ("saved") as often as errors.
 */
export const defaultErrorSelector = [
  '[role=alert]',
  '[aria-live=assertive]',
  '[aria-invalid=true]',
  '.alert-danger',
  '.alert-error',
  '.flash-error',
  '.error',
  '.error-message',
  '.invalid-feedback',
  '.field-error',
  '.validation-error',
].join(', ');

/** Always masked, whatever the request says: a password field never reaches a screenshot. */
export const alwaysMaskedSelectors = ['input[type="password" i]'];

/** CSS px of context around the error element in `error-area` mode. */
export const defaultAreaPadding = 96;

const selectorText = z.string().trim().min(1).max(1000);

export const screenshotRequestSchema = z.object({
  mode: html2canvasModeSchema,
  /** Elements whose content is replaced by an opaque black box (password and secret fields…). */
  maskSelectors: z.array(selectorText).max(200),
  /** Height cap in CSS px; default 4 viewports. The canvas limits cap it further. */
  maxHeightCss: z.number().int().min(100).max(100_000).optional(),
  /** Context around the error element, CSS px (error-area only). */
  areaPadding: z.number().int().min(0).max(2000).optional(),
  /** Which elements are errors (error-area only); default `defaultErrorSelector`. */
  errorSelector: selectorText.optional(),
  /**
   * Leave content below the region out of html2canvas's clone (default true;
   * see prune.ts). false draws the whole document: slow on long pages, for
   * comparisons and as a last resort.
   */
  prune: z.boolean().optional(),
});
export type ScreenshotRequest = z.infer<typeof screenshotRequestSchema>;

export const screenshotFailureReasonSchema = z.enum([
  'tainted-canvas',
  'unsupported-css',
  'csp',
  'too-large',
  'no-error-area',
  'failed',
]);
export type ScreenshotFailureReason = z.infer<typeof screenshotFailureReasonSchema>;

/** The part of the page in the image, CSS px in document coordinates. */
export const screenshotRegionSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
});
export type ScreenshotRegion = z.infer<typeof screenshotRegionSchema>;

export const screenshotResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    dataUrl: z.string().startsWith('data:image/png;base64,'),
    /** Device pixels (CSS px × devicePixelRatio). */
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    mode: html2canvasModeSchema,
    region: screenshotRegionSchema.optional(),
    /**
     * Set when the image stops before the page does (height cap or canvas
     * limit): the page's full height and where the image was cut, CSS px.
     */
    cut: z.object({ pageHeightCss: z.number(), cutAtCss: z.number(), why: z.string() }).optional(),
    /** How many elements were masked (cloned document only). */
    masked: z.number().int().nonnegative().optional(),
    /** How many of the collector's mask rectangles were painted on the canvas. */
    painted: z.number().int().nonnegative().optional(),
    /** Milliseconds spent, and how (for the benchmark and bug reports). */
    timing: z
      .object({
        totalMs: z.number(),
        /** Measuring the page, finding the error, deciding what to prune. */
        planMs: z.number(),
        /** html2canvas, all attempts. */
        renderMs: z.number(),
        /** canvas.toDataURL. */
        encodeMs: z.number(),
        attempts: z.number().int(),
        prunedElements: z.number().int(),
        /** Why a first attempt was redone (layout moved when pruned, colours rewritten). */
        fallback: z.string().optional(),
      })
      .optional(),
  }),
  z.object({
    ok: z.literal(false),
    reason: screenshotFailureReasonSchema,
    detail: z.string(),
  }),
]);
export type ScreenshotResult = z.infer<typeof screenshotResultSchema>;
export type ScreenshotSuccess = Extract<ScreenshotResult, { ok: true }>;
export type ScreenshotFailure = Extract<ScreenshotResult, { ok: false }>;

export function screenshotFailure(reason: ScreenshotFailureReason, detail: string): ScreenshotFailure {
  return { ok: false, reason, detail: detail.slice(0, 2000) };
}
