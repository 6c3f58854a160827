import { z } from 'zod';
import { isValidOrgnr, normaliseOrgnr } from '../../domain/organisasjon/orgnr.ts';
import { bilingual } from '../bilingual.ts';

export const IdParamsSchema = z.object({ id: z.uuid() }).strict();

export const OrgnrSchema = z
  .string()
  .trim()
  .transform(normaliseOrgnr)
  .refine(
    isValidOrgnr,
    bilingual(
      'Ugyldig organisasjonsnummer: det må ha ni siffer og riktig kontrollsiffer.',
      'Invalid organisation number: it needs nine digits and a correct check digit.',
    ),
  );

export const OrganisationSchema = z.object({ id: z.string(), name: z.string(), orgnr: z.string() });

export const UpdateOrganisationRequestSchema = z
  .object({ name: z.string().trim().min(1).max(200), orgnr: OrgnrSchema })
  .strict();

export const UnitSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  employeeCount: z.number().int(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const UnitListSchema = z.object({ items: z.array(UnitSchema) });

export const CreateUnitRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    parentId: z.uuid().nullable().optional(),
  })
  .strict();

export const UpdateUnitRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    parentId: z.uuid().nullable(),
  })
  .strict();

export const VerneomradeSchema = z.object({
  id: z.string(),
  name: z.string(),
  unitIds: z.array(z.string()),
});
export const VerneomradeListSchema = z.object({ items: z.array(VerneomradeSchema) });
export const VerneomradeRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    unitIds: z.array(z.uuid()).max(500),
  })
  .strict();
