import { describe, expect, it } from 'vitest';
import { shapeFromDrag, type DragTool } from '@/lib/annotate/drag';
import { cropOf, displayScale, intersect, rectBetween, toImagePoint } from '@/lib/annotate/geometry';
import { emptyHistory, push, redo, undo } from '@/lib/annotate/history';
import { shapeSchema, type Shape } from '@/lib/annotate/shapes';
import { strokeFor, textSizeFor } from '@/lib/annotate/style';

const image = { width: 1200, height: 800 };
/** The canvas as the popup shows it: 436 CSS pixels wide, somewhere down the page. */
const box = { left: 12, top: 300, width: 436, height: (436 * 800) / 1200 };

describe('toImagePoint', () => {
  it.each([
    ['the top left corner', { x: 12, y: 300 }, { x: 0, y: 0 }],
    ['the bottom right corner', { x: 448, y: 300 + box.height }, { x: 1200, y: 800 }],
    ['the middle', { x: 12 + 218, y: 300 + box.height / 2 }, { x: 600, y: 400 }],
    ['a point scaled up and rounded', { x: 12 + 100, y: 300 + 50 }, { x: 275, y: 138 }],
    ['left of and above the canvas (clamped)', { x: 0, y: 10 }, { x: 0, y: 0 }],
    ['right of and below the canvas (clamped)', { x: 900, y: 900 }, { x: 1200, y: 800 }],
  ])('maps %s', (_name, client, expected) => {
    expect(toImagePoint(client, box, image)).toEqual(expected);
  });

  it('maps 1:1 when the canvas is shown at its own size', () => {
    const actual = { left: 0, top: 0, width: 1200, height: 800 };
    expect(toImagePoint({ x: 321, y: 123 }, actual, image)).toEqual({ x: 321, y: 123 });
    expect(displayScale(actual, image)).toBe(1);
  });

  it('survives a canvas not laid out yet', () => {
    expect(toImagePoint({ x: 5, y: 5 }, { left: 0, top: 0, width: 0, height: 0 }, image)).toEqual({
      x: 0,
      y: 0,
    });
    expect(displayScale({ left: 0, top: 0, width: 0, height: 0 }, image)).toBe(1);
  });
});

describe('rectBetween', () => {
  const expected = { x: 100, y: 50, width: 200, height: 80 };
  it.each([
    ['down and right', { x: 100, y: 50 }, { x: 300, y: 130 }],
    ['up and left', { x: 300, y: 130 }, { x: 100, y: 50 }],
    ['down and left', { x: 300, y: 50 }, { x: 100, y: 130 }],
    ['up and right', { x: 100, y: 130 }, { x: 300, y: 50 }],
  ])('normalises a drag %s', (_name, start, end) => {
    expect(rectBetween(start, end, image)).toEqual(expected);
  });

  it.each([
    ['a click', { x: 10, y: 10 }, { x: 10, y: 10 }],
    ['a flat drag', { x: 10, y: 10 }, { x: 400, y: 11 }],
    ['a thin drag', { x: 10, y: 10 }, { x: 12, y: 400 }],
  ])('draws nothing for %s', (_name, start, end) => {
    expect(rectBetween(start, end, image)).toBeUndefined();
  });

  it('keeps the rectangle inside the image', () => {
    expect(rectBetween({ x: 1100, y: 700 }, { x: 5000, y: 5000 }, image)).toEqual({
      x: 1100,
      y: 700,
      width: 100,
      height: 100,
    });
  });
});

describe('intersect', () => {
  it.each([
    [
      { x: 0, y: 0, width: 10, height: 10 },
      { x: 5, y: 5, width: 10, height: 10 },
      { x: 5, y: 5, width: 5, height: 5 },
    ],
    [{ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 }, undefined],
    [
      { x: 2, y: 2, width: 4, height: 4 },
      { x: 0, y: 0, width: 10, height: 10 },
      { x: 2, y: 2, width: 4, height: 4 },
    ],
  ])('%o ∩ %o', (a, b, expected) => {
    expect(intersect(a, b)).toEqual(expected);
  });
});

describe('cropOf', () => {
  const crop = (x: number, y: number, width: number, height: number): Shape => ({
    kind: 'crop',
    x,
    y,
    width,
    height,
  });
  it.each<[string, Shape[], { x: number; y: number; width: number; height: number }]>([
    [
      'no crop: the whole image',
      [{ kind: 'blackout', x: 1, y: 1, width: 5, height: 5 }],
      { x: 0, y: 0, ...image },
    ],
    ['one crop', [crop(10, 20, 300, 200)], { x: 10, y: 20, width: 300, height: 200 }],
    [
      'the last crop wins',
      [crop(10, 20, 300, 200), crop(50, 60, 100, 100)],
      { x: 50, y: 60, width: 100, height: 100 },
    ],
    [
      'a crop past the edge, cut to the image',
      [crop(1000, 700, 500, 500)],
      { x: 1000, y: 700, width: 200, height: 100 },
    ],
  ])('%s', (_name, shapes, expected) => {
    expect(cropOf(shapes, image)).toEqual(expected);
  });
});

describe('shapeFromDrag', () => {
  const start = { x: 300, y: 200 };
  const end = { x: 100, y: 100 };
  it.each<[DragTool, Shape]>([
    ['rectangle', { kind: 'rectangle', x: 100, y: 100, width: 200, height: 100, stroke: 8 }],
    ['blur', { kind: 'blur', x: 100, y: 100, width: 200, height: 100 }],
    ['blackout', { kind: 'blackout', x: 100, y: 100, width: 200, height: 100 }],
    ['crop', { kind: 'crop', x: 100, y: 100, width: 200, height: 100 }],
    ['arrow', { kind: 'arrow', from: start, to: end, stroke: 8 }],
  ])('a %s drag, backwards, drawn at 0.36 CSS px per image pixel', (tool, expected) => {
    const shape = shapeFromDrag(tool, start, end, image, 436 / 1200);
    expect(shape).toEqual(expected);
    expect(shapeSchema.safeParse(shape).success).toBe(true);
  });

  it.each<DragTool>(['rectangle', 'blur', 'blackout', 'crop', 'arrow'])(
    'a %s click draws nothing',
    (tool) => {
      expect(shapeFromDrag(tool, start, { x: 301, y: 201 }, image, 1)).toBeUndefined();
    },
  );
});

describe('style', () => {
  it.each([
    [1, 3, 16],
    [0.5, 6, 32],
    [436 / 1200, 8, 44],
    [4, 2, 12],
  ])('at %f CSS px per image pixel: lines %i px, text %i px', (scale, stroke, text) => {
    expect(strokeFor(scale)).toBe(stroke);
    expect(textSizeFor(scale)).toBe(text);
  });
});

describe('history', () => {
  const a: Shape = { kind: 'blackout', x: 0, y: 0, width: 5, height: 5 };
  const b: Shape = { kind: 'blur', x: 5, y: 5, width: 5, height: 5 };
  const c: Shape = { kind: 'crop', x: 1, y: 1, width: 5, height: 5 };

  it('undoes and redoes in order, and a new shape clears what was undone', () => {
    const two = push(push(emptyHistory, a), b);
    expect(undo(two)).toEqual({ shapes: [a], undone: [b] });
    expect(undo(undo(two))).toEqual({ shapes: [], undone: [b, a] });
    expect(redo(undo(undo(two)))).toEqual({ shapes: [a], undone: [b] });
    expect(push(undo(two), c)).toEqual({ shapes: [a, c], undone: [] });
  });

  it.each([
    ['undo', undo],
    ['redo', redo],
  ])('%s with nothing to do changes nothing', (_name, step) => {
    expect(step(emptyHistory)).toBe(emptyHistory);
  });
});
