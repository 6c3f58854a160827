/**
 * Wire schemas of HMS goals, the handlingsplan (measures) and the annual review. Pure: the web
 * imports them too. Every text has its limit here and in the database; messages in both languages.
 */
import { z } from 'zod';
import {
  BHT_ANSWERS,
  GOAL_STATUSES,
  MEASURE_OWNER_ROLES,
  MEASURE_STATES,
  REVIEW_SECTION_KEYS,
  REVIEW_SECTION_MAX,
  type ReviewSectionKey,
} from '../../domain/hms-mal/index.ts';
import { bilingual } from '../bilingual.ts';
import { IsoDateSchema } from '../common.ts';

const max = (n: number) =>
  bilingual(`Høyst ${n.toLocaleString('nb-NO')} tegn.`, `At most ${n.toLocaleString('en-GB')} characters.`);

/** Free text, trimmed, up to `n` characters; empty allowed. */
const text = (n: number) => z.string(bilingual('Må være tekst.', 'Must be text.')).trim().max(n, max(n));

const year = z
  .number(bilingual('Må være et årstall.', 'Must be a year.'))
  .int(bilingual('Må være et årstall.', 'Must be a year.'))
  .min(2000, bilingual('Velg et år fra 2000.', 'Choose a year from 2000.'))
  .max(2100, bilingual('Velg et år før 2100.', 'Choose a year before 2100.'));

const versionField = z.number(bilingual('Versjonen mangler.', 'The version is missing.')).int().min(1);

export const IdParamsSchema = z.object({ id: z.string().uuid() });

// ——— Goals ———————————————————————————————————————————————————————————————————————————

const GoalFields = {
  year,
  title: z
    .string(bilingual('Skriv målet.', 'Write the goal.'))
    .trim()
    .min(1, bilingual('Skriv målet.', 'Write the goal.'))
    .max(200, max(200)),
  description: text(4000).default(''),
  /** How the goal is measured. */
  indicator: text(500).default(''),
  /** The value aimed for, e.g. «under 5 %». */
  target: text(200).default(''),
  status: z.enum(GOAL_STATUSES, bilingual('Velg en status.', 'Choose a status.')).default('planlagt'),
};

export const GoalCreateSchema = z.object(GoalFields).strict();
export type GoalCreate = z.input<typeof GoalCreateSchema>;

export const GoalUpdateSchema = z.object({ ...GoalFields, version: versionField }).strict();
export type GoalUpdate = z.input<typeof GoalUpdateSchema>;

export const GoalQuerySchema = z
  .object({ year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();

// ——— Measures (the handlingsplan) ——————————————————————————————————————————————————————

const MeasureFields = {
  /** The goal the measure serves; null: a measure of its own (e.g. from a risk assessment). */
  goalId: z.string().uuid(bilingual('Ugyldig mål.', 'Invalid goal.')).nullable().default(null),
  text: z
    .string(bilingual('Skriv tiltaket.', 'Write the measure.'))
    .trim()
    .min(1, bilingual('Skriv hva som skal gjøres.', 'Write what is to be done.'))
    .max(1000, max(1000)),
  /** A person (a user of the organisation) owns it … */
  ownerUserId: z.string().uuid(bilingual('Velg en person.', 'Choose a person.')).nullable().default(null),
  /** … or a role does. Exactly one of the two. */
  ownerRole: z
    .enum(MEASURE_OWNER_ROLES, bilingual('Velg en rolle.', 'Choose a role.'))
    .nullable()
    .default(null),
  due: IsoDateSchema,
};

const oneOwner = (m: { ownerUserId: string | null; ownerRole: string | null }, ctx: z.RefinementCtx) => {
  if ((m.ownerUserId === null) === (m.ownerRole === null)) {
    ctx.addIssue({
      code: 'custom',
      path: ['ownerUserId'],
      message: bilingual(
        'Velg én ansvarlig: en person eller en rolle.',
        'Choose one owner: a person or a role.',
      ),
    });
  }
};

export const MeasureCreateSchema = z.object(MeasureFields).strict().superRefine(oneOwner);
export type MeasureCreate = z.input<typeof MeasureCreateSchema>;

export const MeasureUpdateSchema = z
  .object({ ...MeasureFields, version: versionField })
  .strict()
  .superRefine(oneOwner);
export type MeasureUpdate = z.input<typeof MeasureUpdateSchema>;

export const MeasureDoneSchema = z
  .object({
    note: z
      .string(bilingual('Skriv kort hva som ble gjort.', 'Write briefly what was done.'))
      .trim()
      .min(1, bilingual('Skriv kort hva som ble gjort.', 'Write briefly what was done.'))
      .max(2000, max(2000)),
  })
  .strict();

export const MeasureQuerySchema = z
  .object({
    open: z.enum(['true', 'false']).optional(),
    goalId: z.string().uuid().optional(),
  })
  .strict();

export const MeasureSchema = z.object({
  id: z.string(),
  goalId: z.string().nullable(),
  text: z.string(),
  ownerUserId: z.string().nullable(),
  ownerRole: z.enum(MEASURE_OWNER_ROLES).nullable(),
  /** The owner's name (a person), or null for a role. */
  ownerName: z.string().nullable(),
  due: z.string(),
  state: z.enum(MEASURE_STATES),
  done: z.object({ at: z.string(), by: z.string().nullable(), note: z.string() }).nullable(),
  version: z.number().int(),
  /** The current user may change it (admin/HR). */
  canEdit: z.boolean(),
  /** The current user may mark it done or reopen it (admin/HR, or its owner). */
  canMarkDone: z.boolean(),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const MeasureListSchema = z.object({ items: z.array(MeasureSchema) });

export const GoalSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  description: z.string(),
  indicator: z.string(),
  target: z.string(),
  status: z.enum(GOAL_STATUSES),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  version: z.number().int(),
  measures: z.array(MeasureSchema),
});
export type Goal = z.infer<typeof GoalSchema>;

export const GoalYearSchema = z.object({
  year: z.number().int(),
  goals: z.array(GoalSchema),
  /** Measures of no goal, due in the year (or open and due before it). */
  standalone: z.array(MeasureSchema),
  /** The current user may add and change goals and measures. */
  canEdit: z.boolean(),
});
export type GoalYear = z.infer<typeof GoalYearSchema>;

export const OwnerCandidatesSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const OkSchema = z.object({ ok: z.literal(true) });

// ——— Annual review ————————————————————————————————————————————————————————————————————

export const REVIEW_STATUSES = ['utkast', 'fullfort'] as const;

const sectionText = text(REVIEW_SECTION_MAX).default('');
const SectionsSchema = z
  .object(
    Object.fromEntries(REVIEW_SECTION_KEYS.map((k) => [k, sectionText])) as Record<
      ReviewSectionKey,
      typeof sectionText
    >,
  )
  .strict();

export const ReviewCreateSchema = z
  .object({
    /** The year looked back on. */
    yearReviewed: year,
  })
  .strict();

/** A draft saved: the whole form, with the version read (a newer one answers 409). */
export const ReviewUpdateSchema = z
  .object({
    version: versionField,
    heldOn: IsoDateSchema.nullable(),
    participants: text(1000),
    voTookPart: z.boolean(),
    amuTookPart: z.boolean(),
    bhtTookPart: z.boolean(),
    bhtNeeded: z
      .enum(BHT_ANSWERS, bilingual('Velg ja, nei eller usikker.', 'Choose yes, no or uncertain.'))
      .nullable(),
    sections: SectionsSchema,
  })
  .strict();
export type ReviewUpdate = z.input<typeof ReviewUpdateSchema>;
/** The same, with every section present (what the web form sends). */
export type ReviewUpdateBody = z.output<typeof ReviewUpdateSchema>;

export const ReviewCompleteSchema = z.object({ version: versionField }).strict();

export const ReviewSummarySchema = z.object({
  id: z.string(),
  yearReviewed: z.number().int(),
  heldOn: z.string().nullable(),
  status: z.enum(REVIEW_STATUSES),
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable(),
  voTookPart: z.boolean(),
  amuTookPart: z.boolean(),
});
export type ReviewSummary = z.infer<typeof ReviewSummarySchema>;

export const ReviewListSchema = z.object({
  items: z.array(ReviewSummarySchema),
  canEdit: z.boolean(),
});

export const ReviewSchema = ReviewSummarySchema.extend({
  participants: z.string(),
  bhtTookPart: z.boolean(),
  bhtNeeded: z.enum(BHT_ANSWERS).nullable(),
  sections: z.record(z.enum(REVIEW_SECTION_KEYS), z.string()),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** A completed review has its PDF, made that day and stored. */
  hasPdf: z.boolean(),
  /** The current user may change the draft and complete it. */
  canEdit: z.boolean(),
});
export type Review = z.infer<typeof ReviewSchema>;
