/**
 * What crosses the executeScript boundary about masks (collector →
 * background, and the check right after the screenshot), as zod schemas the
 * background parses (docs/ARCHITECTURE.md, "Masks"). The collector builds
 * these objects but never imports zod for them: only the types.
 */
import { z } from 'zod';

export const maskRectangleSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
});

export const viewportMetricsSchema = z.object({
  innerWidth: z.number(),
  innerHeight: z.number(),
  devicePixelRatio: z.number(),
  visualOffsetLeft: z.number(),
  visualOffsetTop: z.number(),
  visualScale: z.number(),
  zoom: z.number(),
  transformed: z.boolean(),
});

/** Bounds against a page that reports absurd numbers of boxes; the collector caps its own (lib/capture/masks.ts maxBoxesPerText). */
const maxTargets = 20_000;
const maxRectsPerTarget = 1_000;

/** The collector's answer about masks: every target's rectangles in CSS px of the top viewport, at collect time. */
export const maskReportSchema = z.object({
  metrics: viewportMetricsSchema,
  targets: z
    .array(z.object({ rule: z.string(), rects: z.array(maskRectangleSchema).max(maxRectsPerTarget) }))
    .max(maxTargets),
});
export type MaskReport = z.infer<typeof maskReportSchema>;

/**
 * Why a mask could not be verified right after the screenshot: its element
 * left the page, moved or changed size, or something else is drawn where
 * it was (elementFromPoint); `not-checked` when the check itself could not
 * run (the tab navigated, the page's world was gone).
 */
export const maskProblemSchema = z.enum(['removed', 'moved', 'covered', 'not-checked']);
export type MaskProblem = z.infer<typeof maskProblemSchema>;

/** The check right after captureVisibleTab: the same targets, in the same order, measured again. */
export const maskCheckSchema = z.object({
  metrics: viewportMetricsSchema,
  targets: z
    .array(
      z.object({
        rects: z.array(maskRectangleSchema).max(maxRectsPerTarget),
        problem: maskProblemSchema.optional(),
      }),
    )
    .max(maxTargets),
});
export type MaskCheck = z.infer<typeof maskCheckSchema>;

/** Stored on the capture: each mask that could not be verified, for the popup's warning. */
export const unverifiedMaskSchema = z.object({ rule: z.string(), problem: maskProblemSchema });
export type UnverifiedMask = z.infer<typeof unverifiedMaskSchema>;
