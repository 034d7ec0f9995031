/**
 * Which part of the page an html2canvas screenshot shows, in CSS px and
 * document coordinates. Pure: the page's measures come in as numbers.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageMetrics {
  /** The document's size as html2canvas measures it (scroll/offset/client sizes of html and body). */
  pageWidth: number;
  pageHeight: number;
  viewportWidth: number;
  viewportHeight: number;
  /** devicePixelRatio: the canvas has region × scale pixels. */
  scale: number;
}

/**
 * Chromium refuses canvases over 32767 px a side or 2^28 px in all; the area
 * cap here is lower because the PNG travels back as a data URL through
 * executeScript and is kept in IndexedDB.
 */
export interface CanvasLimits {
  maxSide: number;
  maxArea: number;
}
export const defaultCanvasLimits: CanvasLimits = { maxSide: 32_767, maxArea: 40_000_000 };

/** The default height cap, in viewports. */
export const defaultViewportsTall = 4;

export interface Cut {
  pageHeightCss: number;
  cutAtCss: number;
  why: string;
}

export interface PlannedRegion {
  region: Region;
  /** Present when the region stops before the content it should show. */
  cut?: Cut;
}

/** Minimum size of an error area (CSS px), so a one-line message still shows what surrounds it. */
export const minimumErrorArea = { width: 480, height: 200 };

function heightCap(
  metrics: PageMetrics,
  widthCss: number,
  maxHeightCss: number | undefined,
  limits: CanvasLimits,
): { cap: number; why: string } {
  const scale = metrics.scale > 0 ? metrics.scale : 1;
  const requested = maxHeightCss ?? Math.max(1, metrics.viewportHeight) * defaultViewportsTall;
  const bySide = Math.floor(limits.maxSide / scale);
  const byArea = Math.floor(limits.maxArea / (Math.max(1, widthCss) * scale * scale));
  const cap = Math.max(1, Math.min(requested, bySide, byArea));
  if (cap === requested) {
    return {
      cap,
      why:
        maxHeightCss === undefined
          ? `height capped at ${defaultViewportsTall} viewports (${cap} px)`
          : `height capped at ${cap} px`,
    };
  }
  return { cap, why: `height capped at ${cap} px by the browser's canvas size limit` };
}

function widthCap(metrics: PageMetrics, limits: CanvasLimits): number {
  const scale = metrics.scale > 0 ? metrics.scale : 1;
  return Math.max(1, Math.floor(limits.maxSide / scale));
}

/** The whole document from its top, cut at the height cap. */
export function fullPageRegion(
  metrics: PageMetrics,
  maxHeightCss?: number,
  limits: CanvasLimits = defaultCanvasLimits,
): PlannedRegion {
  const pageWidth = Math.max(1, Math.ceil(metrics.pageWidth));
  const pageHeight = Math.max(1, Math.ceil(metrics.pageHeight));
  const width = Math.min(pageWidth, widthCap(metrics, limits));
  const { cap, why } = heightCap(metrics, width, maxHeightCss, limits);
  const height = Math.min(pageHeight, cap);
  const region = { x: 0, y: 0, width, height };
  return height < pageHeight
    ? { region, cut: { pageHeightCss: pageHeight, cutAtCss: height, why } }
    : { region };
}

/** Grows [start, end] to `minimum` around its middle, then slides it inside [0, limit]. */
function span(start: number, end: number, minimum: number, limit: number): [number, number] {
  let low = start;
  let high = end;
  const wanted = Math.min(minimum, limit);
  if (high - low < wanted) {
    const grow = (wanted - (high - low)) / 2;
    low -= grow;
    high += grow;
  }
  if (low < 0) {
    high -= low;
    low = 0;
  }
  if (high > limit) {
    low -= high - limit;
    high = limit;
  }
  return [Math.max(0, Math.floor(low)), Math.min(limit, Math.ceil(high))];
}

/**
 * The error's box with `padding` on every side, at least `minimumErrorArea`,
 * slid and clamped inside the page, and no taller than the height cap (then
 * it starts at the padded top of the error, so the message itself is in).
 */
export function errorAreaRegion(
  errorBox: Box,
  metrics: PageMetrics,
  padding: number,
  maxHeightCss?: number,
  limits: CanvasLimits = defaultCanvasLimits,
): PlannedRegion {
  const pageWidth = Math.max(1, Math.ceil(metrics.pageWidth));
  const pageHeight = Math.max(1, Math.ceil(metrics.pageHeight));
  const maxWidth = Math.min(pageWidth, widthCap(metrics, limits));
  const [left, spanRight] = span(
    errorBox.left - padding,
    errorBox.right + padding,
    minimumErrorArea.width,
    pageWidth,
  );
  const right = Math.min(spanRight, left + maxWidth);
  const [top, bottom] = span(
    errorBox.top - padding,
    errorBox.bottom + padding,
    minimumErrorArea.height,
    pageHeight,
  );
  const width = Math.max(1, right - left);
  const { cap, why } = heightCap(metrics, width, maxHeightCss, limits);
  const fullHeight = Math.max(1, bottom - top);
  const height = Math.min(fullHeight, cap);
  const region = { x: left, y: top, width, height };
  return height < fullHeight
    ? { region, cut: { pageHeightCss: pageHeight, cutAtCss: top + height, why } }
    : { region };
}

/** Whether two boxes overlap with a positive area. */
export function intersects(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export function unionBox(boxes: Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  return boxes.reduce((all, box) => ({
    left: Math.min(all.left, box.left),
    top: Math.min(all.top, box.top),
    right: Math.max(all.right, box.right),
    bottom: Math.max(all.bottom, box.bottom),
  }));
}
