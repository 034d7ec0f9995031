/**
 * Draws a screenshot and its annotations onto a 2D context: the editor's
 * canvas (the whole image, crop shown apart) and the saved PNG (the crop
 * applied). Shapes are drawn in order; blur reads the pixels drawn so far.
 */
import { cropOf, intersect, type Size } from './geometry';
import { blockSizeFor, pixelate } from './pixelate';
import type { Rect, Shape } from './shapes';
import { arrowHead, markColor, markOutline } from './style';

/** What rendering needs of a canvas context (both the DOM's and OffscreenCanvas's have it). */
export type Canvas2D = Pick<
  CanvasRenderingContext2D,
  | 'drawImage'
  | 'getImageData'
  | 'putImageData'
  | 'fillRect'
  | 'strokeRect'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'stroke'
  | 'fill'
  | 'fillText'
  | 'strokeText'
  | 'save'
  | 'restore'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineJoin'
  | 'lineCap'
  | 'font'
  | 'textBaseline'
>;

export interface RenderOptions {
  /** Apply the crop (the saved image); false draws the whole image (the editor shows the crop itself). */
  crop: boolean;
}

function drawShape(context: Canvas2D, shape: Shape, origin: Rect, image: Size): void {
  const dx = -origin.x;
  const dy = -origin.y;
  switch (shape.kind) {
    case 'blur': {
      const area = intersect(shape, origin);
      if (!area) return;
      const pixels = context.getImageData(area.x + dx, area.y + dy, area.width, area.height);
      pixelate(pixels, { x: area.x, y: area.y }, blockSizeFor(image));
      context.putImageData(pixels, area.x + dx, area.y + dy);
      return;
    }
    case 'blackout':
      context.fillStyle = '#000000';
      context.fillRect(shape.x + dx, shape.y + dy, shape.width, shape.height);
      return;
    case 'rectangle':
      context.strokeStyle = markColor;
      context.lineWidth = shape.stroke;
      context.lineJoin = 'miter';
      context.strokeRect(shape.x + dx, shape.y + dy, shape.width, shape.height);
      return;
    case 'arrow': {
      const { from, to, stroke } = shape;
      const angle = Math.atan2(to.y - from.y, to.x - from.x);
      const { length, halfWidth } = arrowHead(stroke);
      const base = { x: to.x - length * Math.cos(angle), y: to.y - length * Math.sin(angle) };
      context.strokeStyle = markColor;
      context.fillStyle = markColor;
      context.lineWidth = stroke;
      context.lineCap = 'round';
      context.beginPath();
      context.moveTo(from.x + dx, from.y + dy);
      context.lineTo(base.x + dx, base.y + dy);
      context.stroke();
      context.beginPath();
      context.moveTo(to.x + dx, to.y + dy);
      context.lineTo(base.x + halfWidth * Math.sin(angle) + dx, base.y - halfWidth * Math.cos(angle) + dy);
      context.lineTo(base.x - halfWidth * Math.sin(angle) + dx, base.y + halfWidth * Math.cos(angle) + dy);
      context.closePath();
      context.fill();
      return;
    }
    case 'text':
      context.font = `bold ${shape.size}px sans-serif`;
      context.textBaseline = 'top';
      context.lineJoin = 'round';
      context.strokeStyle = markOutline;
      context.lineWidth = Math.max(2, Math.round(shape.size / 5));
      context.strokeText(shape.text, shape.x + dx, shape.y + dy);
      context.fillStyle = markColor;
      context.fillText(shape.text, shape.x + dx, shape.y + dy);
      return;
    case 'crop':
      return;
  }
}

/**
 * Draws `source` (the image, `image` pixels large) with `shapes` on
 * `context`, whose canvas must be as large as the returned size.
 */
export function renderAnnotations(
  context: Canvas2D,
  source: CanvasImageSource,
  image: Size,
  shapes: readonly Shape[],
  { crop }: RenderOptions,
): Size {
  const origin = crop ? cropOf(shapes, image) : { x: 0, y: 0, ...image };
  context.save();
  context.drawImage(source, -origin.x, -origin.y);
  for (const shape of shapes) drawShape(context, shape, origin, image);
  context.restore();
  return { width: origin.width, height: origin.height };
}

/** The size of the saved image: the crop's. */
export function outputSize(shapes: readonly Shape[], image: Size): Size {
  const { width, height } = cropOf(shapes, image);
  return { width, height };
}
