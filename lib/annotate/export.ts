/**
 * Browser side of annotation: decoding a stored image to pixels as they
 * are (no colour conversion, so untouched pixels stay identical), and
 * encoding the annotated image as a full-resolution PNG.
 */
import type { Size } from './geometry';
import { outputSize, renderAnnotations } from './render';
import type { Shape } from './shapes';

export function decodeImage(blob: Blob): Promise<ImageBitmap> {
  return createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
}

/** The annotated image, cropped, at the original's resolution, as PNG bytes. */
export async function encodeAnnotated(
  source: ImageBitmap,
  shapes: readonly Shape[],
): Promise<{ blob: Blob } & Size> {
  const image = { width: source.width, height: source.height };
  const { width, height } = outputSize(shapes, image);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { colorSpace: 'srgb' });
  if (!context) throw new Error('No 2D context for the annotated image');
  renderAnnotations(context, source, image, shapes, { crop: true });
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return { blob, width, height };
}
