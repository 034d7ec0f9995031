/**
 * Paints the collector's mask rectangles on html2canvas's canvas after it
 * is rendered, before it is encoded: the same boxes the visible-area
 * screenshot gets in the background (lib/background/paint-masks.ts). The
 * clone's own masking (mask.ts) stays as a second layer; this one does not
 * depend on the clone looking like the page.
 */
import { documentToRegionBitmap, type MaskRectangle } from '../mask-geometry';

/** A rectangle in CSS px of the viewport, and the scroll position it was measured at. */
export interface ViewportMaskRect {
  rect: MaskRectangle;
  scrollX: number;
  scrollY: number;
}

/**
 * Fills each rectangle opaque black on `canvas`, which shows `region`
 * (document CSS px) at `scale` canvas px per CSS px. Returns how many boxes
 * fell on the canvas; throws when the canvas cannot be drawn on.
 */
export function paintMaskRects(
  canvas: HTMLCanvasElement,
  rects: readonly ViewportMaskRect[],
  region: MaskRectangle,
  scale: number,
): number {
  if (rects.length === 0) return 0;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('the screenshot canvas has no 2d context to paint the masks on');
  context.save();
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.globalAlpha = 1;
  context.globalCompositeOperation = 'source-over';
  context.fillStyle = '#000000';
  let painted = 0;
  for (const { rect, scrollX, scrollY } of rects) {
    const box = documentToRegionBitmap(rect, { x: scrollX, y: scrollY }, region, scale, canvas);
    if (!box) continue;
    context.fillRect(box.x, box.y, box.width, box.height);
    painted += 1;
  }
  context.restore();
  return painted;
}
