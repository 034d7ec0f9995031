/**
 * Annotations of a screenshot: a list of shapes in the original image's
 * pixel coordinates, drawn in order. Pure data (zod-described), so the
 * editor, the renderer and the tests share one shape of it.
 */
import { z } from 'zod';

const coordinate = z.number().int().nonnegative();
const length = z.number().int().positive();

export const pointSchema = z.object({ x: coordinate, y: coordinate });
export type Point = z.infer<typeof pointSchema>;

export const rectSchema = z.object({ x: coordinate, y: coordinate, width: length, height: length });
export type Rect = z.infer<typeof rectSchema>;

/** Line width and text size are in image pixels, chosen when drawn so they look alike at any image size. */
const stroke = z.number().int().min(1).max(64);

export const shapeSchema = z.discriminatedUnion('kind', [
  /** An outline, to point at something. */
  rectSchema.extend({ kind: z.literal('rectangle'), stroke }),
  z.object({ kind: z.literal('arrow'), from: pointSchema, to: pointSchema, stroke }),
  pointSchema.extend({
    kind: z.literal('text'),
    text: z.string().trim().min(1).max(200),
    /** Font size in image pixels; (x, y) is the top left of the text. */
    size: z.number().int().min(6).max(400),
  }),
  /** Pixelated for good: the pixels under it are replaced by block averages. */
  rectSchema.extend({ kind: z.literal('blur') }),
  /** Opaque black. */
  rectSchema.extend({ kind: z.literal('blackout') }),
  /** The part of the image kept; the last crop wins. */
  rectSchema.extend({ kind: z.literal('crop') }),
]);
export type Shape = z.infer<typeof shapeSchema>;
export type ShapeKind = Shape['kind'];

export const shapeKinds = [
  'rectangle',
  'arrow',
  'text',
  'blur',
  'blackout',
  'crop',
] as const satisfies readonly ShapeKind[];

export const annotationsSchema = z.array(shapeSchema).max(500);
