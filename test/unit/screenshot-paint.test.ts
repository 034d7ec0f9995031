import { describe, expect, it, vi } from 'vitest';
import { paintMaskRects } from '@/lib/capture/html2canvas/paint';

/** happy-dom's canvas draws nothing: a context that records what is filled stands in. */
function recordingCanvas(width: number, height: number) {
  const filled: number[][] = [];
  const context = {
    save: vi.fn(),
    restore: vi.fn(),
    setTransform: vi.fn(),
    globalAlpha: 0.5,
    globalCompositeOperation: 'multiply',
    fillStyle: '#fff',
    fillRect: (...box: number[]) => filled.push(box),
  };
  const canvas = { width, height, getContext: () => context } as unknown as HTMLCanvasElement;
  return { canvas, context, filled };
}

describe('paintMaskRects on the html2canvas canvas', () => {
  it.each([
    [
      'full page, not scrolled, 1×',
      { x: 0, y: 0, width: 800, height: 2000 },
      1,
      [{ rect: { x: 10, y: 1000, width: 100, height: 20 }, scrollX: 0, scrollY: 0 }],
      [[6, 996, 108, 28]],
    ],
    [
      'full page, measured while scrolled by 900, 2×',
      { x: 0, y: 0, width: 800, height: 2000 },
      2,
      [{ rect: { x: 10, y: 100, width: 100, height: 20 }, scrollX: 0, scrollY: 900 }],
      [[12, 1992, 216, 56]],
    ],
    [
      'error area: offset by the region origin, one rect outside it',
      { x: 100, y: 500, width: 400, height: 300 },
      1,
      [
        { rect: { x: 150, y: 550, width: 50, height: 10 }, scrollX: 0, scrollY: 0 },
        { rect: { x: 150, y: 1500, width: 50, height: 10 }, scrollX: 0, scrollY: 0 },
      ],
      [[46, 46, 58, 18]],
    ],
  ])('%s', (_name, region, scale, rects, expected) => {
    const { canvas, context, filled } = recordingCanvas(region.width * scale, region.height * scale);
    expect(paintMaskRects(canvas, rects, region, scale)).toBe(expected.length);
    expect(filled).toEqual(expected);
    // Opaque, whatever the page's drawing state was.
    expect(context.globalAlpha).toBe(1);
    expect(context.globalCompositeOperation).toBe('source-over');
    expect(context.fillStyle).toBe('#000000');
  });

  it('refuses a canvas it cannot draw on', () => {
    const canvas = { width: 10, height: 10, getContext: () => null } as unknown as HTMLCanvasElement;
    const rects = [{ rect: { x: 0, y: 0, width: 5, height: 5 }, scrollX: 0, scrollY: 0 }];
    expect(() => paintMaskRects(canvas, rects, { x: 0, y: 0, width: 10, height: 10 }, 1)).toThrow(
      /2d context/,
    );
  });
});
