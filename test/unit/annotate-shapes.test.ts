import { describe, expect, it } from 'vitest';
import { annotatedRef, blobIdsOf, pngName, restoredRef } from '@/lib/annotate/refs';
import { annotationsSchema, shapeSchema } from '@/lib/annotate/shapes';
import type { AttachmentRef } from '@/lib/schema';

describe('shapeSchema', () => {
  it.each([
    { kind: 'rectangle', x: 0, y: 0, width: 10, height: 10, stroke: 3 },
    { kind: 'arrow', from: { x: 0, y: 0 }, to: { x: 100, y: 40 }, stroke: 3 },
    { kind: 'text', x: 5, y: 5, text: 'ここ', size: 16 },
    { kind: 'blur', x: 10, y: 10, width: 1, height: 1 },
    { kind: 'blackout', x: 10, y: 10, width: 200, height: 30 },
    { kind: 'crop', x: 0, y: 0, width: 600, height: 400 },
  ])('accepts a $kind', (shape) => {
    expect(shapeSchema.parse(shape)).toEqual(shape);
  });

  it.each([
    ['an unknown kind', { kind: 'circle', x: 0, y: 0, width: 1, height: 1 }],
    ['a negative coordinate', { kind: 'blur', x: -1, y: 0, width: 1, height: 1 }],
    ['a fractional coordinate', { kind: 'blur', x: 0.5, y: 0, width: 1, height: 1 }],
    ['an empty box', { kind: 'blackout', x: 0, y: 0, width: 0, height: 10 }],
    ['blank text', { kind: 'text', x: 0, y: 0, text: '   ', size: 16 }],
    ['text too long', { kind: 'text', x: 0, y: 0, text: 'x'.repeat(201), size: 16 }],
    ['a line without width', { kind: 'rectangle', x: 0, y: 0, width: 5, height: 5, stroke: 0 }],
    ['an arrow without an end', { kind: 'arrow', from: { x: 0, y: 0 }, stroke: 2 }],
  ])('refuses %s', (_name, shape) => {
    expect(shapeSchema.safeParse(shape).success).toBe(false);
  });

  it('reads a list of shapes in drawing order', () => {
    const shapes = [
      { kind: 'blur', x: 1, y: 1, width: 5, height: 5 },
      { kind: 'crop', x: 0, y: 0, width: 9, height: 9 },
    ];
    expect(annotationsSchema.parse(shapes)).toEqual(shapes);
  });
});

describe('the reference of an annotated attachment', () => {
  const screenshot: AttachmentRef = {
    id: 'shot',
    name: 'helpdraft-screenshot.png',
    type: 'image/png',
    size: 1000,
    width: 1200,
    height: 800,
  };
  const result = { annotatedId: 'a1', width: 600, height: 400, size: 500 };

  it('takes the annotated PNG and keeps the original', () => {
    expect(annotatedRef(screenshot, result)).toEqual({
      id: 'a1',
      name: 'helpdraft-screenshot.png',
      type: 'image/png',
      size: 500,
      width: 600,
      height: 400,
      original: screenshot,
    });
  });

  it('keeps the first original through a second annotation, and restores it', () => {
    const twice = annotatedRef(annotatedRef(screenshot, result), { ...result, annotatedId: 'a2' });
    expect(twice).toMatchObject({ id: 'a2', original: screenshot });
    expect(blobIdsOf(twice)).toEqual(['a2', 'shot']);
    expect(restoredRef(twice)).toEqual(screenshot);
    expect(restoredRef(screenshot)).toBeUndefined();
    expect(blobIdsOf(screenshot)).toEqual(['shot']);
  });

  it.each([
    ['shot.png', 'shot.png'],
    ['SHOT.PNG', 'SHOT.PNG'],
    ['photo.jpg', 'photo.png'],
    ['diagram.v2.webp', 'diagram.v2.png'],
    ['noextension', 'noextension.png'],
    ['.hidden', '.hidden.png'],
  ])('names %s as %s', (name, expected) => {
    expect(pngName(name)).toBe(expected);
  });
});
