import { describe, expect, it } from 'vitest';
import {
  errorAreaRegion,
  fullPageRegion,
  intersects,
  unionBox,
  type PageMetrics,
} from '@/lib/capture/html2canvas/region';

const page = (overrides: Partial<PageMetrics> = {}): PageMetrics => ({
  pageWidth: 1200,
  pageHeight: 1000,
  viewportWidth: 1200,
  viewportHeight: 800,
  scale: 1,
  ...overrides,
});

describe('fullPageRegion', () => {
  it.each([
    ['a short page is drawn whole', page(), undefined, { x: 0, y: 0, width: 1200, height: 1000 }, undefined],
    [
      'a long page stops at 4 viewports',
      page({ pageHeight: 111_276 }),
      undefined,
      { x: 0, y: 0, width: 1200, height: 3200 },
      { pageHeightCss: 111_276, cutAtCss: 3200, why: 'height capped at 4 viewports (3200 px)' },
    ],
    [
      'the requested cap wins when lower',
      page({ pageHeight: 5000 }),
      1500,
      { x: 0, y: 0, width: 1200, height: 1500 },
      { pageHeightCss: 5000, cutAtCss: 1500, why: 'height capped at 1500 px' },
    ],
    [
      'the canvas side limit caps a tall request (scale 2: 32767 / 2)',
      page({ pageHeight: 90_000, scale: 2, pageWidth: 100 }),
      60_000,
      { x: 0, y: 0, width: 100, height: 16_383 },
      {
        pageHeightCss: 90_000,
        cutAtCss: 16_383,
        why: "height capped at 16383 px by the browser's canvas size limit",
      },
    ],
    [
      'the canvas area limit caps a wide page',
      page({ pageHeight: 90_000, pageWidth: 4000 }),
      60_000,
      { x: 0, y: 0, width: 4000, height: 10_000 },
      {
        pageHeightCss: 90_000,
        cutAtCss: 10_000,
        why: "height capped at 10000 px by the browser's canvas size limit",
      },
    ],
    [
      'fractional sizes round up, an empty page still has one pixel',
      page({ pageWidth: 0, pageHeight: 0.4 }),
      undefined,
      { x: 0, y: 0, width: 1, height: 1 },
      undefined,
    ],
  ])('%s', (_name, metrics, maxHeight, region, cut) => {
    const planned = fullPageRegion(metrics, maxHeight);
    expect(planned.region).toEqual(region);
    expect(planned.cut).toEqual(cut);
  });
});

describe('errorAreaRegion', () => {
  it.each([
    [
      'padded on every side',
      { left: 300, top: 400, right: 900, bottom: 450 },
      page(),
      50,
      // 150 px tall once padded: grown to the 200 px minimum around its middle.
      { x: 250, y: 325, width: 700, height: 200 },
    ],
    [
      'slid inside the page at the top-left corner (same size)',
      { left: 10, top: 20, right: 700, bottom: 60 },
      page(),
      96,
      { x: 0, y: 0, width: 882, height: 232 },
    ],
    [
      'slid inside the page at the bottom-right corner (same size)',
      { left: 900, top: 950, right: 1190, bottom: 990 },
      page(),
      96,
      { x: 718, y: 768, width: 482, height: 232 },
    ],
    [
      'a small message grows to the minimum size around its middle',
      { left: 590, top: 495, right: 610, bottom: 505 },
      page(),
      0,
      { x: 360, y: 400, width: 480, height: 200 },
    ],
    [
      'never wider or taller than the page',
      { left: 0, top: 0, right: 300, bottom: 50 },
      page({ pageWidth: 320, pageHeight: 120 }),
      96,
      { x: 0, y: 0, width: 320, height: 120 },
    ],
  ])('%s', (_name, box, metrics, padding, region) => {
    expect(errorAreaRegion(box, metrics, padding).region).toEqual(region);
  });

  it('keeps the top of a tall error and states the cut', () => {
    const planned = errorAreaRegion(
      { left: 0, top: 1000, right: 1200, bottom: 9000 },
      page({ pageHeight: 20_000 }),
      100,
    );
    expect(planned.region).toEqual({ x: 0, y: 900, width: 1200, height: 3200 });
    expect(planned.cut).toEqual({
      pageHeightCss: 20_000,
      cutAtCss: 4100,
      why: 'height capped at 4 viewports (3200 px)',
    });
  });
});

describe('boxes', () => {
  it.each([
    [{ left: 0, top: 0, right: 10, bottom: 10 }, { left: 5, top: 5, right: 15, bottom: 15 }, true],
    [{ left: 0, top: 0, right: 10, bottom: 10 }, { left: 10, top: 0, right: 20, bottom: 10 }, false],
    [{ left: 0, top: 0, right: 10, bottom: 10 }, { left: 0, top: 11, right: 10, bottom: 20 }, false],
  ])('intersects(%o, %o) is %s', (a, b, expected) => {
    expect(intersects(a, b)).toBe(expected);
  });

  it('unites boxes', () => {
    expect(unionBox([])).toBeUndefined();
    expect(
      unionBox([
        { left: 10, top: 20, right: 30, bottom: 40 },
        { left: 5, top: 25, right: 50, bottom: 35 },
      ]),
    ).toEqual({ left: 5, top: 20, right: 50, bottom: 40 });
  });
});
