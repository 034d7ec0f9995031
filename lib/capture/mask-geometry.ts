/**
 * Where a mask goes in a captured bitmap: the pure arithmetic between the
 * rectangles the collector measures in the page (CSS px of the top
 * viewport, getBoundingClientRect / Range.getClientRects) and the pixels of
 * the image captureVisibleTab or html2canvas returns. No DOM, no canvas:
 * the background and the page's content script both use it, and
 * test/unit/mask-geometry.test.ts pins it.
 */

/** A rectangle, CSS or bitmap px. Its zod schema, for the boundaries, is in lib/schema.ts. */
export interface MaskRectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The page's viewport when it was measured. captureVisibleTab photographs
 * the visual viewport (what is on screen): with a pinch zoom the layout
 * viewport's rectangles are shifted by the visual viewport's offset and
 * magnified by its scale (https://developer.mozilla.org/en-US/docs/Web/API/VisualViewport).
 * `zoom` (CSS zoom of html/body) and `transformed` are reported for bug
 * reports: getBoundingClientRect already includes both in Chromium 128+
 * (https://developer.chrome.com/release-notes/128#standardized_css_zoom) and
 * Firefox, which test/e2e/mask-paint.e2e.ts checks against the pixels.
 */
export interface ViewportMetrics {
  innerWidth: number;
  innerHeight: number;
  devicePixelRatio: number;
  visualOffsetLeft: number;
  visualOffsetTop: number;
  visualScale: number;
  zoom: number;
  transformed: boolean;
}

/** CSS px added on every side of a mask: anti-aliased glyph edges and a page that shifts by a pixel stay covered. */
export const maskPaddingCss = 4;

export function unionRectangles(first: MaskRectangle, second: MaskRectangle): MaskRectangle {
  const left = Math.min(first.x, second.x);
  const top = Math.min(first.y, second.y);
  const right = Math.max(first.x + first.width, second.x + second.width);
  const bottom = Math.max(first.y + first.height, second.y + second.height);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

export function padRectangle(rectangle: MaskRectangle, padding: number): MaskRectangle {
  return {
    x: rectangle.x - padding,
    y: rectangle.y - padding,
    width: rectangle.width + 2 * padding,
    height: rectangle.height + 2 * padding,
  };
}

/** Two measurements of one target agree when no edge moved by more than `tolerance` CSS px. */
export function sameRectangle(first: MaskRectangle, second: MaskRectangle, tolerance = 1): boolean {
  return (
    Math.abs(first.x - second.x) <= tolerance &&
    Math.abs(first.y - second.y) <= tolerance &&
    Math.abs(first.width - second.width) <= tolerance &&
    Math.abs(first.height - second.height) <= tolerance
  );
}

/**
 * Bitmap px per CSS px, horizontally and vertically. The bitmap's own size
 * divided by the viewport's is the robust figure: it holds whatever the
 * browser zoom, the display's scale or a headless window's size, where
 * devicePixelRatio alone can be off (Chrome's captureVisibleTab returns the
 * compositor's pixels, https://developer.chrome.com/docs/extensions/reference/api/tabs#method-captureVisibleTab).
 * A pinch zoom magnifies the layout viewport's CSS px by its scale again.
 */
export function bitmapScale(
  metrics: ViewportMetrics,
  bitmap: { width: number; height: number },
): { x: number; y: number } {
  const fallback = metrics.devicePixelRatio > 0 ? metrics.devicePixelRatio : 1;
  const scale = metrics.visualScale > 0 ? metrics.visualScale : 1;
  const x = metrics.innerWidth > 0 ? bitmap.width / metrics.innerWidth : fallback;
  const y = metrics.innerHeight > 0 ? bitmap.height / metrics.innerHeight : fallback;
  return { x: x * scale, y: y * scale };
}

/**
 * A CSS rectangle of the top viewport as whole bitmap pixels: padded,
 * rounded outwards and clamped to the image. Undefined when nothing of it
 * is in the image (off screen, or empty).
 */
export function cssToBitmap(
  rectangle: MaskRectangle,
  metrics: ViewportMetrics,
  bitmap: { width: number; height: number },
  padding = maskPaddingCss,
): MaskRectangle | undefined {
  if (!(rectangle.width > 0 && rectangle.height > 0)) return undefined;
  const scale = bitmapScale(metrics, bitmap);
  const padded = padRectangle(rectangle, padding);
  const left = Math.floor((padded.x - metrics.visualOffsetLeft) * scale.x);
  const top = Math.floor((padded.y - metrics.visualOffsetTop) * scale.y);
  const right = Math.ceil((padded.x + padded.width - metrics.visualOffsetLeft) * scale.x);
  const bottom = Math.ceil((padded.y + padded.height - metrics.visualOffsetTop) * scale.y);
  return clampRectangle({ x: left, y: top, width: right - left, height: bottom - top }, bitmap);
}

/** The part of a rectangle inside the image, or undefined when none is. */
export function clampRectangle(
  rectangle: MaskRectangle,
  bitmap: { width: number; height: number },
): MaskRectangle | undefined {
  const left = Math.max(0, rectangle.x);
  const top = Math.max(0, rectangle.y);
  const right = Math.min(bitmap.width, rectangle.x + rectangle.width);
  const bottom = Math.min(bitmap.height, rectangle.y + rectangle.height);
  if (right <= left || bottom <= top) return undefined;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The html2canvas modes draw a region of the document (CSS px, document
 * coordinates) at `scale` bitmap px per CSS px: a rectangle measured in
 * the viewport is moved by the scroll position and the region's origin.
 */
export function documentToRegionBitmap(
  rectangle: MaskRectangle,
  scroll: { x: number; y: number },
  region: MaskRectangle,
  scale: number,
  bitmap: { width: number; height: number },
  padding = maskPaddingCss,
): MaskRectangle | undefined {
  if (!(rectangle.width > 0 && rectangle.height > 0)) return undefined;
  const padded = padRectangle(rectangle, padding);
  const left = Math.floor((padded.x + scroll.x - region.x) * scale);
  const top = Math.floor((padded.y + scroll.y - region.y) * scale);
  const right = Math.ceil((padded.x + padded.width + scroll.x - region.x) * scale);
  const bottom = Math.ceil((padded.y + padded.height + scroll.y - region.y) * scale);
  return clampRectangle({ x: left, y: top, width: right - left, height: bottom - top }, bitmap);
}
