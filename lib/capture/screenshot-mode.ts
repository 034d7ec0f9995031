// zod's mini API: the collector builds this schema in every captured page (lib/recorder/recording-schema.ts).
import * as z from 'zod/mini';

/** `visible`: captureVisibleTab, pixel-exact; the other two are rendered with html2canvas. */
export const screenshotModeSchema = z.enum(['visible', 'full-page', 'error-area']);
export type ScreenshotMode = z.infer<typeof screenshotModeSchema>;
