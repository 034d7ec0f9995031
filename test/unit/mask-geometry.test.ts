import { describe, expect, it } from 'vitest';
import {
  bitmapScale,
  clampRectangle,
  cssToBitmap,
  documentToRegionBitmap,
  padRectangle,
  sameRectangle,
  unionRectangles,
  type ViewportMetrics,
} from '@/lib/capture/mask-geometry';

const plain: ViewportMetrics = {
  innerWidth: 1000,
  innerHeight: 800,
  devicePixelRatio: 1,
  visualOffsetLeft: 0,
  visualOffsetTop: 0,
  visualScale: 1,
  zoom: 1,
  transformed: false,
};
const rect = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

describe('unionRectangles', () => {
  it.each([
    ['disjoint', rect(0, 0, 10, 10), rect(20, 30, 5, 5), rect(0, 0, 25, 35)],
    ['one inside the other', rect(0, 0, 100, 100), rect(10, 10, 5, 5), rect(0, 0, 100, 100)],
    ['overlapping', rect(10, 10, 20, 20), rect(20, 0, 20, 20), rect(10, 0, 30, 30)],
    ['negative origin', rect(-5, -5, 10, 10), rect(0, 0, 10, 10), rect(-5, -5, 15, 15)],
  ])('%s', (_name, first, second, expected) => {
    expect(unionRectangles(first, second)).toEqual(expected);
    expect(unionRectangles(second, first)).toEqual(expected);
  });
});

describe('padRectangle and clampRectangle', () => {
  it.each([
    [rect(10, 10, 5, 5), 4, rect(6, 6, 13, 13)],
    [rect(0, 0, 0, 0), 2, rect(-2, -2, 4, 4)],
  ])('pads %o by %d', (input, padding, expected) => {
    expect(padRectangle(input, padding)).toEqual(expected);
  });

  it.each([
    ['inside', rect(10, 10, 20, 20), rect(10, 10, 20, 20)],
    ['over the left and top edges', rect(-10, -5, 20, 20), rect(0, 0, 10, 15)],
    ['over the right and bottom edges', rect(90, 40, 20, 20), rect(90, 40, 10, 10)],
    ['entirely outside', rect(120, 10, 5, 5), undefined],
    ['empty', rect(10, 10, 0, 5), undefined],
  ])('clamps a rectangle %s', (_name, input, expected) => {
    expect(clampRectangle(input, { width: 100, height: 50 })).toEqual(expected);
  });
});

describe('sameRectangle', () => {
  it.each([
    [rect(10, 10, 20, 20), rect(10.5, 10, 20, 19.5), true],
    [rect(10, 10, 20, 20), rect(12, 10, 20, 20), false],
    [rect(10, 10, 20, 20), rect(10, 10, 20, 22), false],
  ])('%o and %o: %s', (first, second, expected) => {
    expect(sameRectangle(first, second)).toBe(expected);
  });
});

describe('bitmapScale', () => {
  it.each([
    ['1× display', plain, { width: 1000, height: 800 }, { x: 1, y: 1 }],
    ['2× display', { ...plain, devicePixelRatio: 2 }, { width: 2000, height: 1600 }, { x: 2, y: 2 }],
    // The bitmap's own size wins over a devicePixelRatio that disagrees with it.
    [
      'a ratio that disagrees',
      { ...plain, devicePixelRatio: 2 },
      { width: 1500, height: 1200 },
      { x: 1.5, y: 1.5 },
    ],
    ['a pinch zoom of 2', { ...plain, visualScale: 2 }, { width: 1000, height: 800 }, { x: 2, y: 2 }],
    [
      'no viewport size',
      { ...plain, innerWidth: 0, innerHeight: 0, devicePixelRatio: 3 },
      { width: 5, height: 5 },
      { x: 3, y: 3 },
    ],
  ])('%s', (_name, metrics, bitmap, expected) => {
    expect(bitmapScale(metrics, bitmap)).toEqual(expected);
  });
});

describe('cssToBitmap', () => {
  it.each([
    ['1×, padded by 4', plain, { width: 1000, height: 800 }, rect(100, 50, 200, 20), rect(96, 46, 208, 28)],
    [
      '2×, padded by 4 CSS px',
      { ...plain, devicePixelRatio: 2 },
      { width: 2000, height: 1600 },
      rect(100, 50, 200, 20),
      rect(192, 92, 416, 56),
    ],
    [
      'fractional edges rounded outwards',
      plain,
      { width: 1000, height: 800 },
      rect(10.4, 10.6, 5.2, 5.2),
      rect(6, 6, 14, 14),
    ],
    ['clamped at the top left', plain, { width: 1000, height: 800 }, rect(0, 0, 10, 10), rect(0, 0, 14, 14)],
    [
      'clamped at the bottom right',
      plain,
      { width: 1000, height: 800 },
      rect(990, 790, 50, 50),
      rect(986, 786, 14, 14),
    ],
    ['entirely below the viewport', plain, { width: 1000, height: 800 }, rect(10, 900, 10, 10), undefined],
    ['empty', plain, { width: 1000, height: 800 }, rect(10, 10, 0, 0), undefined],
    [
      'pinch-zoomed 2× and scrolled by the visual viewport',
      { ...plain, visualScale: 2, visualOffsetLeft: 100, visualOffsetTop: 50 },
      { width: 1000, height: 800 },
      rect(150, 100, 10, 10),
      rect(92, 92, 36, 36),
    ],
  ])('%s', (_name, metrics, bitmap, input, expected) => {
    expect(cssToBitmap(input, metrics, bitmap)).toEqual(expected);
  });

  it.each([0, 4, 8])('covers the whole rectangle with padding %d', (padding) => {
    const box = cssToBitmap(
      rect(33.3, 44.4, 55.5, 11.1),
      { ...plain, devicePixelRatio: 1.25 },
      { width: 1250, height: 1000 },
      padding,
    );
    expect(box).toBeDefined();
    expect(box!.x).toBeLessThanOrEqual((33.3 - padding) * 1.25);
    expect(box!.y).toBeLessThanOrEqual((44.4 - padding) * 1.25);
    expect(box!.x + box!.width).toBeGreaterThanOrEqual((33.3 + 55.5 + padding) * 1.25);
    expect(box!.y + box!.height).toBeGreaterThanOrEqual((44.4 + 11.1 + padding) * 1.25);
  });
});

describe('documentToRegionBitmap', () => {
  it.each([
    [
      'full page from the top, not scrolled',
      { x: 0, y: 0 },
      rect(0, 0, 1000, 3000),
      1,
      rect(100, 500, 50, 20),
      rect(96, 496, 58, 28),
    ],
    [
      'full page, scrolled by 400',
      { x: 0, y: 400 },
      rect(0, 0, 1000, 3000),
      1,
      rect(100, 100, 50, 20),
      rect(96, 496, 58, 28),
    ],
    [
      'an error area at 300, 2×',
      { x: 0, y: 0 },
      rect(50, 300, 400, 200),
      2,
      rect(100, 350, 50, 20),
      rect(92, 92, 116, 56),
    ],
    ['outside the region', { x: 0, y: 0 }, rect(0, 0, 1000, 200), 1, rect(100, 500, 50, 20), undefined],
  ])('%s', (_name, scroll, region, scale, input, expected) => {
    const bitmap = { width: region.width * scale, height: region.height * scale };
    expect(documentToRegionBitmap(input, scroll, region, scale, bitmap)).toEqual(expected);
  });
});
