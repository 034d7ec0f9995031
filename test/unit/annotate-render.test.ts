import { describe, expect, it } from 'vitest';
import { drawCropOverlay } from '@/lib/annotate/overlay';
import { blockSizeFor, pixelate, type Pixels } from '@/lib/annotate/pixelate';
import { outputSize, renderAnnotations, type Canvas2D } from '@/lib/annotate/render';
import type { Shape } from '@/lib/annotate/shapes';

/** A source image whose every pixel is distinct: red = x, green = y, blue = (x * 7 + y * 13) % 256. */
function gradient(width: number, height: number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1)
      data.set([x % 256, y % 256, (x * 7 + y * 13) % 256, 255], (y * width + x) * 4);
  return { data, width, height };
}

function at(pixels: Pixels, x: number, y: number): number[] {
  const offset = (y * pixels.width + x) * 4;
  return [...pixels.data.subarray(offset, offset + 4)];
}

/**
 * A 2D context on a pixel buffer, enough for rendering: drawImage (of a
 * `Pixels` source, at an offset), get/putImageData, fillRect with `#rrggbb`;
 * strokes and text are recorded as calls.
 */
class FakeContext {
  readonly pixels: Pixels;
  readonly calls: string[] = [];
  fillStyle = '#000000';
  strokeStyle = '#000000';
  lineWidth = 1;
  lineJoin = 'miter';
  lineCap = 'butt';
  font = '';
  textBaseline = 'alphabetic';

  constructor(width: number, height: number) {
    this.pixels = { data: new Uint8ClampedArray(width * height * 4), width, height };
  }

  drawImage(source: Pixels, dx: number, dy: number) {
    for (let y = 0; y < this.pixels.height; y += 1)
      for (let x = 0; x < this.pixels.width; x += 1) {
        const sx = x - dx;
        const sy = y - dy;
        if (sx < 0 || sy < 0 || sx >= source.width || sy >= source.height) continue;
        this.pixels.data.set(at(source, sx, sy), (y * this.pixels.width + x) * 4);
      }
  }

  getImageData(left: number, top: number, width: number, height: number): Pixels {
    const data = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y += 1)
      for (let x = 0; x < width; x += 1) data.set(at(this.pixels, left + x, top + y), (y * width + x) * 4);
    return { data, width, height };
  }

  putImageData(image: Pixels, left: number, top: number) {
    for (let y = 0; y < image.height; y += 1)
      for (let x = 0; x < image.width; x += 1)
        this.pixels.data.set(at(image, x, y), ((top + y) * this.pixels.width + left + x) * 4);
  }

  fillRect(left: number, top: number, width: number, height: number) {
    const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(this.fillStyle);
    this.calls.push(`fillRect ${left},${top},${width},${height} ${this.fillStyle}`);
    if (!hex) return;
    const colour = [...hex.slice(1).map((part) => parseInt(part, 16)), 255];
    for (let y = Math.max(0, top); y < Math.min(this.pixels.height, top + height); y += 1)
      for (let x = Math.max(0, left); x < Math.min(this.pixels.width, left + width); x += 1)
        this.pixels.data.set(colour, (y * this.pixels.width + x) * 4);
  }

  strokeRect(...args: number[]) {
    this.calls.push(`strokeRect ${args.join(',')} ${this.strokeStyle} ${this.lineWidth}`);
  }
  moveTo(x: number, y: number) {
    this.calls.push(`moveTo ${Math.round(x)},${Math.round(y)}`);
  }
  lineTo(x: number, y: number) {
    this.calls.push(`lineTo ${Math.round(x)},${Math.round(y)}`);
  }
  fillText(text: string, x: number, y: number) {
    this.calls.push(`fillText ${text} ${x},${y} ${this.font}`);
  }
  strokeText(text: string, x: number, y: number) {
    this.calls.push(`strokeText ${text} ${x},${y}`);
  }
  beginPath() {}
  closePath() {}
  stroke() {
    this.calls.push('stroke');
  }
  fill() {
    this.calls.push('fill');
  }
  save() {}
  restore() {}
}

function render(shapes: Shape[], crop: boolean, size = { width: 64, height: 48 }) {
  const source = gradient(size.width, size.height);
  const { width, height } = crop ? outputSize(shapes, size) : size;
  const context = new FakeContext(width, height);
  const drawn = renderAnnotations(
    context as unknown as Canvas2D,
    source as unknown as CanvasImageSource,
    size,
    shapes,
    { crop },
  );
  return { source, context, drawn };
}

describe('pixelate', () => {
  it.each([
    ['aligned on the grid', { x: 0, y: 0 }, 8],
    ['off the grid (blocks follow the image, not the box)', { x: 3, y: 5 }, 8],
    ['a block larger than the area', { x: 1, y: 1 }, 64],
  ])('makes every block one colour, %s', (_name, origin, block) => {
    const pixels = gradient(24, 16);
    pixelate(pixels, origin, block);
    for (let y = 0; y < pixels.height; y += 1)
      for (let x = 0; x < pixels.width; x += 1) {
        const cellX = Math.floor((origin.x + x) / block);
        const cellY = Math.floor((origin.y + y) / block);
        const firstX = Math.max(0, cellX * block - origin.x);
        const firstY = Math.max(0, cellY * block - origin.y);
        expect(at(pixels, x, y)).toEqual(at(pixels, firstX, firstY));
      }
  });

  it('replaces a block by its average', () => {
    const pixels: Pixels = {
      data: new Uint8ClampedArray([0, 0, 0, 255, 100, 50, 200, 255]),
      width: 2,
      height: 1,
    };
    pixelate(pixels, { x: 0, y: 0 }, 16);
    expect([...pixels.data]).toEqual([50, 25, 100, 255, 50, 25, 100, 255]);
  });

  it.each([
    [{ width: 400, height: 300 }, 16],
    [{ width: 1200, height: 800 }, 16],
    [{ width: 2400, height: 1600 }, 32],
    [{ width: 3840, height: 2160 }, 51],
  ])('blocks for an image %o are %i px, large enough to hide text', (image, block) => {
    expect(blockSizeFor(image)).toBe(block);
  });
});

describe('renderAnnotations', () => {
  const blackout: Shape = { kind: 'blackout', x: 4, y: 6, width: 10, height: 5 };
  const blur: Shape = { kind: 'blur', x: 20, y: 10, width: 30, height: 20 };

  it('blacks out opaquely, pixelates the blur box, and leaves every other pixel as it was', () => {
    const { source, context, drawn } = render([blackout, blur], true);
    expect(drawn).toEqual({ width: 64, height: 48 });
    const block = blockSizeFor({ width: 64, height: 48 });
    for (let y = 0; y < 48; y += 1)
      for (let x = 0; x < 64; x += 1) {
        const pixel = at(context.pixels, x, y);
        if (x >= 4 && x < 14 && y >= 6 && y < 11) expect(pixel).toEqual([0, 0, 0, 255]);
        else if (x >= 20 && x < 50 && y >= 10 && y < 30) {
          const first = at(
            context.pixels,
            Math.max(20, Math.floor(x / block) * block),
            Math.max(10, Math.floor(y / block) * block),
          );
          expect(pixel).toEqual(first);
        } else expect(pixel).toEqual(at(source, x, y));
      }
    // The blur changed what it covered.
    expect(at(context.pixels, 21, 11)).not.toEqual(at(source, 21, 11));
  });

  it('crops to the last crop, with every shape moved by its offset', () => {
    const crop: Shape = { kind: 'crop', x: 10, y: 5, width: 30, height: 20 };
    const { source, context, drawn } = render([blackout, crop], true);
    expect(drawn).toEqual({ width: 30, height: 20 });
    expect(context.pixels.width).toBe(30);
    // The blackout's (4..14, 6..11) is (−6..4, 1..6) in the crop.
    expect(context.calls).toContain('fillRect -6,1,10,5 #000000');
    expect(at(context.pixels, 3, 1)).toEqual([0, 0, 0, 255]);
    expect(at(context.pixels, 4, 1)).toEqual(at(source, 14, 6));
    expect(at(context.pixels, 29, 19)).toEqual(at(source, 39, 24));
  });

  it('pixelates the same blocks with and without a crop (the grid belongs to the image)', () => {
    const crop: Shape = { kind: 'crop', x: 7, y: 3, width: 50, height: 40 };
    const whole = render([blur, crop], false).context.pixels;
    const cropped = render([blur, crop], true).context.pixels;
    for (let y = 10; y < 30; y += 1)
      for (let x = 20; x < 50; x += 1) expect(at(cropped, x - 7, y - 3)).toEqual(at(whole, x, y));
  });

  it('draws the whole image in the editor, crop or not', () => {
    const { drawn } = render([{ kind: 'crop', x: 1, y: 1, width: 5, height: 5 }], false);
    expect(drawn).toEqual({ width: 64, height: 48 });
  });

  it('draws outlines, arrows and text in image pixels, in red, shifted by the crop', () => {
    const { context } = render(
      [
        { kind: 'crop', x: 2, y: 2, width: 60, height: 40 },
        { kind: 'rectangle', x: 10, y: 10, width: 20, height: 10, stroke: 3 },
        { kind: 'arrow', from: { x: 5, y: 30 }, to: { x: 45, y: 30 }, stroke: 2 },
        { kind: 'text', x: 12, y: 4, text: '確認', size: 14 },
      ],
      true,
    );
    expect(context.calls).toEqual([
      'strokeRect 8,8,20,10 #e0201b 3',
      'moveTo 3,28',
      'lineTo 31,28',
      'stroke',
      'moveTo 43,28',
      'lineTo 31,22',
      'lineTo 31,34',
      'fill',
      'strokeText 確認 10,2',
      'fillText 確認 10,2 bold 14px sans-serif',
    ]);
  });
});

describe('drawCropOverlay', () => {
  it('dims the four sides a crop leaves out, and nothing without a crop', () => {
    const image = { width: 100, height: 80 };
    const context = new FakeContext(100, 80);
    drawCropOverlay(context as unknown as Canvas2D, image, [], 2);
    expect(context.calls).toEqual([]);
    drawCropOverlay(
      context as unknown as Canvas2D,
      image,
      [{ kind: 'crop', x: 10, y: 20, width: 50, height: 30 }],
      2,
    );
    expect(context.calls.filter((call) => call.startsWith('fillRect'))).toEqual([
      'fillRect 0,0,100,20 rgba(0, 0, 0, 0.55)',
      'fillRect 0,50,100,30 rgba(0, 0, 0, 0.55)',
      'fillRect 0,20,10,30 rgba(0, 0, 0, 0.55)',
      'fillRect 60,20,40,30 rgba(0, 0, 0, 0.55)',
    ]);
    expect(context.calls).toContain('strokeRect 10,20,50,30 #ffffff 2');
  });
});
