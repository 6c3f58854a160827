import { z } from 'zod';
import { bilingual } from '../bilingual.ts';
import { EmailSchema, horizonDateSchema, IsoDateSchema, PageQuerySchema, PhoneSchema } from '../common.ts';

export const EmployeeSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  birthDate: z.string().nullable(),
  employmentStart: z.string(),
  employmentEnd: z.string().nullable(),
  positionPercent: z.number().int(),
  unitId: z.string(),
  unitName: z.string(),
  leaderId: z.string().nullable(),
  leaderName: z.string().nullable(),
  version: z.number().int(),
});
export type Employee = z.infer<typeof EmployeeSchema>;

export const EmployeeListQuerySchema = z
  .object({
    search: z.string().trim().max(100).optional(),
    unitId: z.uuid().optional(),
    ...PageQuerySchema,
  })
  .strict();

export const EmployeeListSchema = z.object({
  items: z.array(EmployeeSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const employeeFields = {
  name: z.string().trim().min(1).max(200),
  email: EmailSchema.nullable().optional(),
  phone: PhoneSchema.nullable().optional(),
  birthDate: IsoDateSchema.nullable().optional(),
  employmentStart: horizonDateSchema('employmentStart'),
  employmentEnd: IsoDateSchema.nullable().optional(),
  positionPercent: z.number().int().min(1).max(100),
  unitId: z.uuid(),
  leaderId: z.uuid().nullable().optional(),
};

const endAfterStart = (v: { employmentStart: string; employmentEnd?: string | null | undefined }) =>
  v.employmentEnd == null || v.employmentEnd >= v.employmentStart;
const endAfterStartMessage = {
  message: bilingual('Sluttdato kan ikke være før startdato.', 'End date cannot be before start date.'),
  path: ['employmentEnd'],
};

export const CreateEmployeeRequestSchema = z
  .object(employeeFields)
  .strict()
  .refine(endAfterStart, endAfterStartMessage);
export type CreateEmployeeRequest = z.infer<typeof CreateEmployeeRequestSchema>;

export const UpdateEmployeeRequestSchema = z
  .object({ ...employeeFields, version: z.number().int().min(1) })
  .strict()
  .refine(endAfterStart, endAfterStartMessage);
