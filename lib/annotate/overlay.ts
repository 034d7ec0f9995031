/**
 * What the editor draws over the image and never saves: the area a crop
 * leaves out, dimmed, and where a text being typed will go.
 */
import { cropOf, type Size } from './geometry';
import type { Canvas2D } from './render';
import type { Point, Shape } from './shapes';
import { markColor } from './style';

export function drawCropOverlay(
  context: Canvas2D,
  image: Size,
  shapes: readonly Shape[],
  stroke: number,
): void {
  const crop = cropOf(shapes, image);
  if (crop.width === image.width && crop.height === image.height) return;
  context.save();
  context.fillStyle = 'rgba(0, 0, 0, 0.55)';
  context.fillRect(0, 0, image.width, crop.y);
  context.fillRect(0, crop.y + crop.height, image.width, image.height - crop.y - crop.height);
  context.fillRect(0, crop.y, crop.x, crop.height);
  context.fillRect(crop.x + crop.width, crop.y, image.width - crop.x - crop.width, crop.height);
  context.strokeStyle = '#ffffff';
  context.lineWidth = stroke;
  context.strokeRect(crop.x, crop.y, crop.width, crop.height);
  context.restore();
}

/** A cross where the text being typed will be placed. */
export function drawTextMarker(context: Canvas2D, at: Point, size: number): void {
  context.save();
  context.strokeStyle = markColor;
  context.lineWidth = Math.max(1, Math.round(size / 8));
  context.beginPath();
  context.moveTo(at.x - size / 2, at.y);
  context.lineTo(at.x + size / 2, at.y);
  context.moveTo(at.x, at.y - size / 2);
  context.lineTo(at.x, at.y + size / 2);
  context.stroke();
  context.restore();
}
