/**
 * Wire schemas of the HMS handbook (`/api/v1/rutiner`, `/api/v1/me/rutiner`): written routines with
 * versions, an owner, a review date and read confirmations. Pure: the web imports them too.
 *
 * Two numbers travel: `version` is the record's revision (optimistic concurrency: sent back on
 * every save, a newer one answers 409 STALE_VERSION), `currentVersion` the number of the routine's
 * current text (a new one on every change of the text; what an employee confirms).
 */
import { z } from 'zod';
import {
  ROUTINE_BODY_MAX,
  ROUTINE_CATEGORIES,
  ROUTINE_CHANGE_NOTE_MAX,
  ROUTINE_TITLE_MAX,
} from '../../domain/rutiner/types.ts';
import { bilingual } from '../bilingual.ts';
import { IsoDateSchema } from '../common.ts';

const uuid = (nb: string, en: string) => z.string().uuid(bilingual(nb, en));

const RoutineFields = z
  .object({
    title: z
      .string(bilingual('Skriv en tittel.', 'Write a title.'))
      .trim()
      .min(1, bilingual('Skriv en tittel.', 'Write a title.'))
      .max(ROUTINE_TITLE_MAX, bilingual('Høyst 200 tegn.', 'At most 200 characters.')),
    category: z.enum(ROUTINE_CATEGORIES, bilingual('Velg en kategori.', 'Choose a category.')),
    ownerUserId: uuid('Velg hvem som eier rutinen.', 'Choose who owns the routine.'),
    reviewDue: IsoDateSchema,
    appliesToAll: z.boolean(
      bilingual('Velg hvem rutinen gjelder for.', 'Choose whom the routine applies to.'),
    ),
    unitIds: z
      .array(uuid('Ugyldig enhet.', 'Invalid unit.'))
      .max(500, bilingual('Høyst 500 enheter.', 'At most 500 units.'))
      .default([]),
    body: z
      .string(bilingual('Skriv rutinen.', 'Write the routine.'))
      .trim()
      .min(1, bilingual('Skriv rutinen.', 'Write the routine.'))
      .max(
        ROUTINE_BODY_MAX,
        bilingual('Rutinen kan ha høyst 20 000 tegn.', 'The routine can have at most 20,000 characters.'),
      ),
    /** What changed (shown in the version history); optional. */
    changeNote: z
      .string()
      .trim()
      .max(ROUTINE_CHANGE_NOTE_MAX, bilingual('Høyst 500 tegn.', 'At most 500 characters.'))
      .default(''),
  })
  .strict();

type Scoped = { appliesToAll: boolean; unitIds: string[] };
const unitsWhenLimited = (value: Scoped, ctx: z.RefinementCtx) => {
  if (!value.appliesToAll && value.unitIds.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['unitIds'],
      message: bilingual(
        'Velg minst én enhet, eller la rutinen gjelde for alle.',
        'Choose at least one unit, or let the routine apply to everyone.',
      ),
    });
  }
};

export const RoutineCreateSchema = RoutineFields.superRefine(unitsWhenLimited);
export type RoutineCreate = z.input<typeof RoutineCreateSchema>;
export type RoutineCreateBody = z.output<typeof RoutineCreateSchema>;

export const RoutineUpdateSchema = RoutineFields.extend({
  /** The record revision the editor read. */
  version: z.number(bilingual('Mangler versjon.', 'Version missing.')).int().min(1),
}).superRefine(unitsWhenLimited);
export type RoutineUpdate = z.input<typeof RoutineUpdateSchema>;
export type RoutineUpdateBody = z.output<typeof RoutineUpdateSchema>;

export const ConfirmSchema = z
  .object({
    /** The text version the employee read; it must be the current one. */
    version: z
      .number(bilingual('Mangler versjonen du leste.', 'The version you read is missing.'))
      .int(bilingual('Ugyldig versjon.', 'Invalid version.'))
      .min(1, bilingual('Ugyldig versjon.', 'Invalid version.')),
  })
  .strict();

export const RoutineParamsSchema = z.object({ id: z.string().uuid() });
export const RoutineVersionParamsSchema = z.object({
  id: z.string().uuid(),
  version: z.coerce.number().int().min(1).max(1_000_000),
});
export const RoutineListQuerySchema = z.object({
  /** Admin/HR: include archived routines. */
  arkiverte: z.enum(['true', 'false']).optional(),
});

const ReviewStateSchema = z.enum(['ok', 'due-soon', 'overdue']);
const ReadStateSchema = z.enum(['unconfirmed', 'new-version', 'confirmed']);
const Timestamp = z.string();

export const RoutineSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.enum(ROUTINE_CATEGORIES),
  owner: z.object({ userId: z.string(), name: z.string() }).nullable(),
  reviewDue: z.string(),
  reviewState: ReviewStateSchema,
  appliesToAll: z.boolean(),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The record revision, for optimistic concurrency. */
  version: z.number().int(),
  /** The number of the current text. */
  currentVersion: z.number().int(),
  publishedAt: Timestamp,
  archived: z.boolean(),
  /** The actor's own state; null when the routine does not apply to them (or they are no employee). */
  mine: z
    .object({
      state: ReadStateSchema,
      confirmedVersion: z.number().int().nullable(),
      confirmedAt: Timestamp.nullable(),
    })
    .nullable(),
  /** «N av M har bekreftet» for those who may see confirmations (admin/HR all, a leader their own people). */
  confirmations: z.object({ confirmed: z.number().int(), total: z.number().int() }).nullable(),
});
export type RoutineSummary = z.infer<typeof RoutineSummarySchema>;

export const SickLeaveRoutineSchema = z.object({
  /** 1 is the built-in default routine (never stored); higher ones are the organisation's saves. */
  version: z.number().int(),
  /** When the latest version was saved; null for the built-in default. */
  updatedAt: Timestamp.nullable(),
  link: z.string(),
});

export const RoutineListSchema = z.object({
  items: z.array(RoutineSummarySchema),
  sickLeave: SickLeaveRoutineSchema,
  canEdit: z.boolean(),
  /** May see who has and has not confirmed (admin, HR, leaders). */
  canSeeConfirmations: z.boolean(),
});
export type RoutineList = z.infer<typeof RoutineListSchema>;

export const VersionInfoSchema = z.object({
  version: z.number().int(),
  publishedAt: Timestamp,
  publishedBy: z.string().nullable(),
  changeNote: z.string(),
});
export type VersionInfo = z.infer<typeof VersionInfoSchema>;

export const RoutineDetailSchema = RoutineSummarySchema.extend({
  body: z.string(),
  changeNote: z.string(),
  publishedBy: z.string().nullable(),
  /** Newest first. */
  versions: z.array(VersionInfoSchema),
  canEdit: z.boolean(),
  canSeeConfirmations: z.boolean(),
});
export type RoutineDetail = z.infer<typeof RoutineDetailSchema>;

export const RoutineVersionViewSchema = VersionInfoSchema.extend({
  routineId: z.string(),
  title: z.string(),
  body: z.string(),
  current: z.boolean(),
});
export type RoutineVersionView = z.infer<typeof RoutineVersionViewSchema>;

const ConfirmationPersonSchema = z.object({
  employeeId: z.string(),
  name: z.string(),
  unitName: z.string(),
  /** The highest version the person confirmed, and when; null: never. */
  confirmedVersion: z.number().int().nullable(),
  confirmedAt: Timestamp.nullable(),
  /** Whether the person can log in (without a login they cannot confirm in Nærvær). */
  hasLogin: z.boolean(),
});
export type ConfirmationPerson = z.infer<typeof ConfirmationPersonSchema>;

export const ConfirmationsSchema = z.object({
  routineId: z.string(),
  currentVersion: z.number().int(),
  /** `all`: the whole organisation; `own`: a leader's own people. */
  scope: z.enum(['all', 'own']),
  confirmed: z.array(ConfirmationPersonSchema),
  notConfirmed: z.array(ConfirmationPersonSchema),
});
export type Confirmations = z.infer<typeof ConfirmationsSchema>;

export const MyRoutineSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.enum(ROUTINE_CATEGORIES),
  currentVersion: z.number().int(),
  publishedAt: Timestamp,
  state: ReadStateSchema,
  confirmedVersion: z.number().int().nullable(),
  confirmedAt: Timestamp.nullable(),
});
export type MyRoutine = z.infer<typeof MyRoutineSchema>;

export const MyRoutinesSchema = z.object({
  /** Unread first. */
  items: z.array(MyRoutineSchema),
  /** How many wait for a confirmation. */
  unread: z.number().int(),
  /** False when the user is not linked to an employee record (nothing to confirm). */
  isEmployee: z.boolean(),
});
export type MyRoutines = z.infer<typeof MyRoutinesSchema>;

export const ConfirmResultSchema = z.object({
  routineId: z.string(),
  version: z.number().int(),
  confirmedAt: Timestamp,
});
export type ConfirmResult = z.infer<typeof ConfirmResultSchema>;

export const OwnerOptionsSchema = z.object({
  items: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export type OwnerOptions = z.infer<typeof OwnerOptionsSchema>;
