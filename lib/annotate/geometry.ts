/**
 * Pure geometry of the annotation editor: from the pointer on a canvas
 * scaled to fit the popup to image pixels, drags in any direction to
 * rectangles, and the crop that decides the output's size.
 */
import type { Point, Rect, Shape } from './shapes';

export interface Size {
  width: number;
  height: number;
}

/** Where the canvas is on screen (`getBoundingClientRect()`), in CSS pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** A pointer position (client coordinates) as the image pixel under it, kept inside the image. */
export function toImagePoint(client: { x: number; y: number }, box: Box, image: Size): Point {
  const x = box.width > 0 ? ((client.x - box.left) * image.width) / box.width : 0;
  const y = box.height > 0 ? ((client.y - box.top) * image.height) / box.height : 0;
  return { x: clamp(Math.round(x), 0, image.width), y: clamp(Math.round(y), 0, image.height) };
}

/** Image pixels per CSS pixel of the canvas on screen inverted: CSS pixels per image pixel. */
export function displayScale(box: Box, image: Size): number {
  return image.width > 0 && box.width > 0 ? box.width / image.width : 1;
}

/** The part of `rect` inside `bounds`, or undefined when nothing is. */
export function intersect(rect: Rect, bounds: Rect): Rect | undefined {
  const left = Math.max(rect.x, bounds.x);
  const top = Math.max(rect.y, bounds.y);
  const right = Math.min(rect.x + rect.width, bounds.x + bounds.width);
  const bottom = Math.min(rect.y + rect.height, bounds.y + bounds.height);
  return right > left && bottom > top
    ? { x: left, y: top, width: right - left, height: bottom - top }
    : undefined;
}

/**
 * The rectangle a drag from `start` to `end` spans, whatever its direction,
 * inside the image; undefined when it is thinner than `minimum` pixels (a
 * click, not a drag).
 */
export function rectBetween(start: Point, end: Point, image: Size, minimum = 3): Rect | undefined {
  const left = clamp(Math.min(start.x, end.x), 0, image.width);
  const right = clamp(Math.max(start.x, end.x), 0, image.width);
  const top = clamp(Math.min(start.y, end.y), 0, image.height);
  const bottom = clamp(Math.max(start.y, end.y), 0, image.height);
  if (right - left < minimum || bottom - top < minimum) return undefined;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The part of the image the output keeps: the last crop, inside the image, or all of it. */
export function cropOf(shapes: readonly Shape[], image: Size): Rect {
  const whole = { x: 0, y: 0, width: image.width, height: image.height };
  const crop = shapes.findLast((shape) => shape.kind === 'crop');
  return (crop && intersect(crop, whole)) ?? whole;
}
