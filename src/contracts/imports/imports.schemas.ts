/** The employee import's wire shapes: the preview of every row and the result of a commit. */
import { z } from 'zod';

export const IMPORT_FIELDS = [
  'name',
  'email',
  'phone',
  'employmentStart',
  'positionPercent',
  'unit',
  'leaderEmail',
  'birthDate',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const ImportValuesSchema = z.object({
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  employmentStart: z.string(),
  positionPercent: z.string(),
  unit: z.string(),
  leaderEmail: z.string(),
  birthDate: z.string(),
});

export const ImportPreviewSchema = z.object({
  rows: z.array(
    z.object({
      line: z.number().int(),
      values: ImportValuesSchema,
      errors: z.array(z.object({ field: z.enum(IMPORT_FIELDS), message: z.string() })),
    }),
  ),
  validCount: z.number().int(),
  errorCount: z.number().int(),
  canImport: z.boolean(),
  ignoredColumns: z.array(z.string()),
});

export const ImportResultSchema = z.object({ created: z.number().int() });
