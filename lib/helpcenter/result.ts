import { z } from 'zod';
import { errorShapeSchema } from '../errors';
import { fillReportSchema } from '../schema';

/** What the filler's `main` returns to executeScript: a report, or why it could not fill. */
export const fillerResultSchema = z.union([fillReportSchema, z.object({ error: errorShapeSchema })]);
export type FillerResult = z.infer<typeof fillerResultSchema>;
