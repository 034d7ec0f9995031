import { z } from 'zod';
import { errorShapeSchema } from '../errors';
import { fillReportSchema } from '../schema';

/**
 * What the filler's `main` returns to executeScript: a report; why it could
 * not fill (`not-a-request-form` with detail `sign-in` or `not-a-form`); or,
 * before filling anything, the URL of the ticket form to load first (the
 * background loads it in the same tab and runs the filler again).
 */
export const fillerResultSchema = z.union([
  fillReportSchema,
  z.object({ error: errorShapeSchema }),
  z.object({ reload: z.object({ url: z.string(), ticketForm: z.string() }) }),
]);
export type FillerResult = z.infer<typeof fillerResultSchema>;
