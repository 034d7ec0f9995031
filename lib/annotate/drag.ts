/**
 * A drag on the canvas as the shape it draws, for the tools drawn by
 * dragging (every tool but text, which is placed by a click).
 */
import { rectBetween, type Size } from './geometry';
import type { Point, Shape, ShapeKind } from './shapes';
import { strokeFor } from './style';

export type DragTool = Exclude<ShapeKind, 'text'>;

/** Arrows shorter than this (image pixels) are clicks, not arrows. */
const minimumArrow = 4;

/** The shape a drag from `start` to `end` draws, or undefined when it was too small to mean one. */
export function shapeFromDrag(
  tool: DragTool,
  start: Point,
  end: Point,
  image: Size,
  scale: number,
): Shape | undefined {
  if (tool === 'arrow') {
    const length = Math.hypot(end.x - start.x, end.y - start.y);
    return length < minimumArrow
      ? undefined
      : { kind: 'arrow', from: start, to: end, stroke: strokeFor(scale) };
  }
  const rect = rectBetween(start, end, image);
  if (!rect) return undefined;
  return tool === 'rectangle'
    ? { kind: 'rectangle', ...rect, stroke: strokeFor(scale) }
    : { kind: tool, ...rect };
}
