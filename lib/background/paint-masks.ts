/**
 * Paints opaque boxes into a captured PNG before anything stores it: the
 * data URL of captureVisibleTab is decoded (createImageBitmap on a Blob),
 * drawn on an OffscreenCanvas, the boxes filled black and the canvas
 * encoded again as PNG. Chrome's MV3 service worker and Firefox's event page
 * both have OffscreenCanvas and createImageBitmap
 * (https://developer.mozilla.org/en-US/docs/Web/API/OffscreenCanvas#browser_compatibility).
 * The unmasked image exists only inside this function.
 */
import { dataUrlToBytes } from '../base64';
import type { MaskRectangle } from '../capture/mask-geometry';

/** The colour of a mask: opaque black, what test/e2e/mask-paint.e2e.ts looks for in the pixels. */
export const maskColor = '#000000';

export interface PaintedImage {
  blob: Blob;
  width: number;
  height: number;
  boxes: number;
  /** Milliseconds: decode (Blob + createImageBitmap), paint (drawImage + fillRect), encode (convertToBlob). */
  timing: { decodeMs: number; paintMs: number; encodeMs: number };
}

/**
 * Decodes `dataUrl`, asks `boxesFor` where to paint once the image's size is
 * known, paints, and encodes a PNG. Throws when any step fails: the caller
 * then stores no image at all.
 */
export async function paintMasks(
  dataUrl: string,
  boxesFor: (bitmap: { width: number; height: number }) => MaskRectangle[],
): Promise<PaintedImage> {
  const started = performance.now();
  const { type, bytes } = dataUrlToBytes(dataUrl);
  // No colour conversion: the pixels are drawn back into a PNG of the same space, unchanged.
  const bitmap = await createImageBitmap(new Blob([bytes], { type }), { colorSpaceConversion: 'none' });
  const decoded = performance.now();
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context on an OffscreenCanvas');
    context.drawImage(bitmap, 0, 0);
    const boxes = boxesFor({ width: bitmap.width, height: bitmap.height });
    context.globalAlpha = 1;
    context.globalCompositeOperation = 'source-over';
    context.fillStyle = maskColor;
    for (const box of boxes) context.fillRect(box.x, box.y, box.width, box.height);
    const painted = performance.now();
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return {
      blob,
      width: bitmap.width,
      height: bitmap.height,
      boxes: boxes.length,
      timing: {
        decodeMs: decoded - started,
        paintMs: painted - decoded,
        encodeMs: performance.now() - painted,
      },
    };
  } finally {
    bitmap.close();
  }
}
