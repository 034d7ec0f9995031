/**
 * Blur that cannot be undone: every block of a fixed grid is replaced by
 * the average of its pixels, computed on the pixels themselves (never a CSS
 * filter, which would leave the original under it). The grid is anchored
 * to the image, not to the box, so a block is the same wherever the box is.
 */
import type { Point } from './shapes';
import type { Size } from './geometry';

/** RGBA pixels, as in ImageData. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The block side in image pixels: large enough that text under it cannot be read. */
export function blockSizeFor(image: Size): number {
  return Math.max(16, Math.round(image.width / 75));
}

/**
 * Replaces, in place, each block of `pixels` by its average colour.
 * `origin` is where `pixels` starts in the image, so the blocks follow the
 * image's grid of `block` pixels; blocks cut by the edge average what is inside.
 */
export function pixelate(pixels: Pixels, origin: Point, block: number): void {
  const { data, width, height } = pixels;
  const firstColumn = -(origin.x % block);
  const firstRow = -(origin.y % block);
  for (let top = firstRow; top < height; top += block) {
    for (let left = firstColumn; left < width; left += block) {
      const x0 = Math.max(0, left);
      const y0 = Math.max(0, top);
      const x1 = Math.min(width, left + block);
      const y1 = Math.min(height, top + block);
      const sums = new Float64Array(4);
      for (let y = y0; y < y1; y += 1) {
        for (let x = x0; x < x1; x += 1) {
          const offset = (y * width + x) * 4;
          for (let channel = 0; channel < 4; channel += 1)
            sums[channel] = (sums[channel] ?? 0) + (data[offset + channel] ?? 0);
        }
      }
      const count = (x1 - x0) * (y1 - y0);
      const average = sums.map((sum) => Math.round(sum / count));
      for (let y = y0; y < y1; y += 1) {
        for (let x = x0; x < x1; x += 1) data.set(average, (y * width + x) * 4);
      }
    }
  }
}
