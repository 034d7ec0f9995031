import { PNG } from 'pngjs';

/**
 * Share of pixels whose colour differs by more than `tolerance` (0–255, any
 * channel) between two PNGs of the same size; 1 when the sizes differ.
 */
export function differingPixelShare(first: Buffer, second: Buffer, tolerance = 24): number {
  const a = PNG.sync.read(first);
  const b = PNG.sync.read(second);
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let offset = 0; offset < a.data.length; offset += 4) {
    for (let channel = 0; channel < 3; channel += 1) {
      if (Math.abs(a.data[offset + channel]! - b.data[offset + channel]!) > tolerance) {
        differing += 1;
        break;
      }
    }
  }
  return differing / (a.width * a.height);
}
