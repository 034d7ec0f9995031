/**
 * How annotations look: one red for marks, line width and text size chosen
 * in image pixels so they look the same on screen whatever the image's size.
 */
export const markColor = '#e0201b';
export const markOutline = '#ffffff';

/** Line width in image pixels for a canvas shown at `scale` CSS pixels per image pixel. */
export function strokeFor(scale: number): number {
  return Math.min(64, Math.max(2, Math.round(3 / scale)));
}

/** Text size in image pixels, about 16 CSS pixels on screen. */
export function textSizeFor(scale: number): number {
  return Math.min(400, Math.max(12, Math.round(16 / scale)));
}

/** The arrow head's length and half width for a line of `stroke` pixels. */
export function arrowHead(stroke: number): { length: number; halfWidth: number } {
  return { length: Math.max(12, stroke * 5), halfWidth: Math.max(6, stroke * 2.5) };
}
