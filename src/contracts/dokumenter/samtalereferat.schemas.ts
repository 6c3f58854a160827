/**
 * Request and response shapes of the samtalereferat API: short minutes of the other follow-up
 * conversations (first contact, follow-up talks, frisksamtale). No diagnosis field.
 */
import { z } from 'zod';
import { IsoDateSchema } from '../common.ts';
import { AgreedActionSchema } from './dialogmote.schemas.ts';

export const SAMTALE_KINDS = ['forste-kontakt', 'oppfolging', 'frisksamtale'] as const;

const Fields = {
  kind: z.enum(SAMTALE_KINDS),
  heldOn: IsoDateSchema,
  summary: z.string().trim().min(1).max(2000),
  actions: z.array(AgreedActionSchema).max(30),
};

export const CreateSamtaleRequestSchema = z.object(Fields).strict();
export const UpdateSamtaleRequestSchema = z.object({ ...Fields, version: z.number().int().min(1) }).strict();
export type SamtaleInput = z.infer<typeof CreateSamtaleRequestSchema>;

export const SamtaleParamsSchema = z.object({ employeeId: z.uuid(), id: z.uuid() }).strict();
export const MySamtaleParamsSchema = z.object({ id: z.uuid() }).strict();

const UserRef = z.object({ userId: z.string().nullable(), name: z.string() });

export const SamtaleSchema = z.object({
  id: z.string(),
  employeeId: z.string(),
  caseStart: z.string(),
  kind: z.enum(SAMTALE_KINDS),
  heldOn: z.string(),
  summary: z.string(),
  actions: z.array(
    z.object({
      what: z.string(),
      owner: z.string(),
      ownerKind: z.enum(['employee', 'leader', 'other']).optional(),
      deadline: z.string().nullable().optional(),
    }),
  ),
  healthWordWarnings: z.array(z.object({ field: z.string(), words: z.array(z.string()) })),
  version: z.number().int(),
  createdBy: UserRef,
  createdAt: z.string(),
  updatedBy: UserRef,
  updatedAt: z.string(),
});
export type SamtaleDto = z.infer<typeof SamtaleSchema>;

export const SamtaleListSchema = z.object({
  caseStart: z.string().nullable(),
  items: z.array(SamtaleSchema),
});
