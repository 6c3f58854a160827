/**
 * Request and response shapes of the follow-up documents API (zod; the OpenAPI document is built
 * from them). Every free-text field of the oppfølgingsplan is optional in a draft and at most 4000
 * characters; there is no diagnosis field.
 */
import { z } from 'zod';
import { SECTION_KEYS, TEXT_FIELDS, type TextField } from '../../domain/dokumenter/oppfolgingsplan.ts';
import { horizonDateSchema, IsoDateSchema } from '../common.ts';

const FreeText = z.string().max(4000);

const textFields = Object.fromEntries(TEXT_FIELDS.map((f) => [f, FreeText.optional()])) as Record<
  TextField,
  z.ZodOptional<typeof FreeText>
>;

export const PlanActionSchema = z
  .object({
    what: z.string().max(4000),
    ownerKind: z.enum(['employee', 'leader', 'other']),
    owner: z.string().max(200).optional(),
    deadline: IsoDateSchema.nullable().optional(),
  })
  .strict();

export const PlanContentSchema = z
  .object({
    ...textFields,
    evaluationDate: horizonDateSchema('evaluation').nullable().optional(),
    participated: z.boolean().nullable().optional(),
    actions: z.array(PlanActionSchema).max(50).optional(),
  })
  .strict();
export type PlanContentInput = z.infer<typeof PlanContentSchema>;

const VersionSchema = z.number().int().min(1);

export const EmployeeParamsSchema = z.object({ employeeId: z.uuid() }).strict();
export const PlanParamsSchema = z.object({ employeeId: z.uuid(), planId: z.uuid() }).strict();
export const MyPlanParamsSchema = z.object({ planId: z.uuid() }).strict();
export const VersionDiffParamsSchema = z
  .object({ employeeId: z.uuid(), planId: z.uuid(), n: z.coerce.number().int().min(1) })
  .strict();
export const DiffQuerySchema = z.object({ against: z.coerce.number().int().min(1).optional() }).strict();

export const SavePlanRequestSchema = z
  .object({ content: PlanContentSchema, version: VersionSchema })
  .strict();
export const VersionOnlyRequestSchema = z.object({ version: VersionSchema }).strict();
export const CommentRequestSchema = z
  .object({ section: z.enum([...SECTION_KEYS, 'generelt']), text: z.string().trim().min(1).max(2000) })
  .strict();
export const SendRequestSchema = z
  .object({
    recipient: z.enum(['sykmelder', 'nav']),
    note: z.string().trim().max(1000).nullable().optional(),
  })
  .strict();

const UserRef = z.object({ userId: z.string().nullable(), name: z.string() });

export const PlanSchema = z.object({
  id: z.string(),
  employeeId: z.string(),
  employeeName: z.string(),
  caseStart: z.string(),
  status: z.enum(['utkast', 'til-godkjenning', 'godkjent']),
  content: PlanContentSchema,
  /** Send this back with the next write; 409 if someone else wrote first. */
  version: z.number().int(),
  /** The number of the saved content version shown (1 = the empty draft). */
  contentVersion: z.number().int(),
  createdBy: UserRef,
  createdAt: z.string(),
  updatedBy: UserRef,
  updatedAt: z.string(),
  approved: z.object({ by: UserRef, at: z.string(), contentVersion: z.number().int() }).nullable(),
  comments: z.array(
    z.object({ id: z.string(), section: z.string(), text: z.string(), by: UserRef, at: z.string() }),
  ),
  sendings: z.array(
    z.object({
      id: z.string(),
      recipient: z.enum(['sykmelder', 'nav']),
      contentVersion: z.number().int(),
      note: z.string().nullable(),
      /** The version sent had not been approved by the employee (recorded when it was sent). */
      unapproved: z.boolean(),
      by: UserRef,
      at: z.string(),
    }),
  ),
  healthWordWarnings: z.array(z.object({ field: z.string(), words: z.array(z.string()) })),
});
export type PlanDto = z.infer<typeof PlanSchema>;

/** The employee's plan that waits for their approval (its id only), for the front page; null: none. */
export const MyPlanAwaitingSchema = z.object({ planId: z.string().nullable() });

/** GET answers `{ plan: null }` when the current case has no plan yet; `caseStart` null: no current case. */
export const PlanOrNullSchema = z.object({ caseStart: z.string().nullable(), plan: PlanSchema.nullable() });

export const VersionListSchema = z.object({
  items: z.array(z.object({ number: z.number().int(), savedBy: UserRef, savedAt: z.string() })),
});

const LabelSchema = z.object({ nb: z.string(), en: z.string() });
export const DiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(
    z.object({
      field: z.string(),
      label: LabelSchema,
      before: z.string().nullable(),
      after: z.string().nullable(),
    }),
  ),
});
