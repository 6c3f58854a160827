/**
 * Wire schemas of avvik, near misses and injuries: the report, handling (triage, tiltak, closure),
 * the § 5-1 register entry (no diagnosis field, aml § 5-1 (2)), the § 5-2 checklist and tasks, and
 * the personvernavvik (GDPR art. 33). Pure: the web imports them too.
 */
import { z } from 'zod';
import {
  ALARM_STEPS,
  AVVIK_CATEGORIES,
  AVVIK_STATUSES,
  PRIVACY_DECISIONS,
  PRIVACY_RISKS,
  REPORTABLE_CATEGORIES,
  TASK_KINDS,
} from '../../domain/avvik/index.ts';
import { bilingual } from '../bilingual.ts';
import { IsoDateSchema } from '../common.ts';

const max = (n: number) =>
  bilingual(`Høyst ${n.toLocaleString('nb-NO')} tegn.`, `At most ${n.toLocaleString('en-GB')} characters.`);

/** Required free text, trimmed, 1–n characters. */
const required = (n: number, nb: string, en: string) =>
  z.string(bilingual(nb, en)).trim().min(1, bilingual(nb, en)).max(n, max(n));
/** Optional free text, trimmed; empty allowed. */
const text = (n: number) => z.string(bilingual('Må være tekst.', 'Must be text.')).trim().max(n, max(n));

const uuid = (nb: string, en: string) => z.string(bilingual(nb, en)).uuid(bilingual(nb, en));
const versionField = z.number(bilingual('Versjonen mangler.', 'The version is missing.')).int().min(1);
const timestamp = (nb: string, en: string) =>
  z.string(bilingual(nb, en)).datetime({ offset: true, message: bilingual(nb, en) });

export const IdParamsSchema = z.object({ id: z.string().uuid() });
export const PhotoParamsSchema = z.object({ id: z.string().uuid(), photoId: z.string().uuid() });
export const TiltakParamsSchema = z.object({ id: z.string().uuid(), tiltakId: z.string().uuid() });
export const StepParamsSchema = z.object({ id: z.string().uuid(), step: z.enum(ALARM_STEPS) });
export const TaskParamsSchema = z.object({ id: z.string().uuid(), kind: z.enum(TASK_KINDS) });

const category = z.enum(AVVIK_CATEGORIES, bilingual('Velg en kategori.', 'Choose a category.'));
const severity = z
  .number(bilingual('Velg alvorlighet 1–5.', 'Choose a severity 1–5.'))
  .int(bilingual('Velg alvorlighet 1–5.', 'Choose a severity 1–5.'))
  .min(1, bilingual('Velg alvorlighet 1–5.', 'Choose a severity 1–5.'))
  .max(5, bilingual('Velg alvorlighet 1–5.', 'Choose a severity 1–5.'));

// ——— Report ————————————————————————————————————————————————————————————————————————————

export const AvvikReportSchema = z
  .object({
    /** Made on the device: a replayed send (offline outbox, double tap) answers the same record. */
    id: uuid('Meldingen mangler id.', 'The report has no id.'),
    category: z.enum(REPORTABLE_CATEGORIES, {
      message: bilingual(
        'Velg en kategori. Mulig varsling meldes i varslingskanalen.',
        'Choose a category. A possible whistleblowing report goes to the whistleblowing channel.',
      ),
    }),
    description: required(4000, 'Beskriv hva som skjedde.', 'Describe what happened.'),
    unitId: uuid('Velg hvor det skjedde.', 'Choose where it happened.').nullable().default(null),
    occurredAt: timestamp('Oppgi når det skjedde.', 'Give when it happened.'),
    immediateAction: text(2000).default(''),
    personalData: z.boolean(bilingual('Svar ja eller nei.', 'Answer yes or no.')).default(false),
    anonymous: z.boolean(bilingual('Svar ja eller nei.', 'Answer yes or no.')).default(false),
  })
  .strict();
export type AvvikReport = z.input<typeof AvvikReportSchema>;

export const PHOTO_FIELD = 'photo';
export const PHOTO_ID_FIELD = 'photoId';
export const PHOTO_ACCEPT = 'image/jpeg,image/png';

// ——— Handling ——————————————————————————————————————————————————————————————————————————

export const TriageSchema = z
  .object({
    version: versionField,
    category,
    severity,
    cause: text(4000).default(''),
    personalData: z.boolean(bilingual('Svar ja eller nei.', 'Answer yes or no.')),
    /** The answer to «Er dette meldepliktig etter aml § 5-2?» (asked when severity ≥ 4); null: not answered. */
    serious: z.boolean(bilingual('Svar ja eller nei.', 'Answer yes or no.')).nullable().default(null),
    /**
     * A barrier of a risk assessment this avvik showed failing: it is marked «svekket» and the
     * assessment's next review brought forward (FOLM § 7-1). Null: none.
     */
    barrierId: uuid('Ugyldig barriere.', 'Invalid barrier.').nullable().default(null),
  })
  .strict();
export type Triage = z.input<typeof TriageSchema>;

export const TiltakCreateSchema = z
  .object({
    text: required(1000, 'Beskriv tiltaket.', 'Describe the measure.'),
    ownerUserId: uuid('Velg en ansvarlig.', 'Choose who is responsible.'),
    due: IsoDateSchema,
  })
  .strict();
export type TiltakCreate = z.input<typeof TiltakCreateSchema>;

export const CloseSchema = z
  .object({
    version: versionField,
    verificationNote: required(
      2000,
      'Skriv hvordan det er kontrollert at tiltakene virker.',
      'Write how it was checked that the measures work.',
    ),
  })
  .strict();
export type Close = z.input<typeof CloseSchema>;

/** A legal hold (a dispute, a claim) stops retention (admin and HR). */
export const LegalHoldSchema = z
  .object({ legalHold: z.boolean(bilingual('Svar ja eller nei.', 'Answer yes or no.')) })
  .strict();

export const NoteSchema = z.object({ note: text(500).default('') }).strict();

// ——— § 5-1 register ————————————————————————————————————————————————————————————————————

/** Arbeidstilsynet's recommended fields (aml § 5-1); no diagnosis field (aml § 5-1 (2)). */
export const InjurySchema = z
  .object({
    workTask: text(1000).default(''),
    courseOfEvents: required(4000, 'Beskriv hendelsesforløpet.', 'Describe the course of events.'),
    presumedCauses: text(2000).default(''),
    injuryDescription: text(1000).default(''),
    /** «Arbeidsulykke/yrkessykdom som kan gi rett til ytelser» → the NAV task (ftrl § 13-14). */
    mayGiveBenefits: z.boolean(bilingual('Svar ja eller nei.', 'Answer yes or no.')),
  })
  .strict();
export type Injury = z.input<typeof InjurySchema>;

// ——— Personvernavvik ———————————————————————————————————————————————————————————————————

export const PrivacySchema = z
  .object({
    awareAt: timestamp(
      'Oppgi når virksomheten fikk kjennskap til bruddet.',
      'Give when the organisation became aware.',
    ),
    risk: z.enum(PRIVACY_RISKS, bilingual('Vurder risikoen.', 'Assess the risk.')).nullable().default(null),
    facts: text(4000).default(''),
    effects: text(4000).default(''),
    remedial: text(4000).default(''),
    decision: z
      .enum(PRIVACY_DECISIONS, bilingual('Velg om bruddet meldes.', 'Choose whether the breach is reported.'))
      .nullable()
      .default(null),
    decisionReason: text(2000).default(''),
  })
  .strict();
export type Privacy = z.input<typeof PrivacySchema>;

// ——— Replies ———————————————————————————————————————————————————————————————————————————

export const TiltakSchema = z.object({
  id: z.string(),
  text: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  due: IsoDateSchema,
  doneAt: z.string().nullable(),
});
export type Tiltak = z.infer<typeof TiltakSchema>;

export const AlarmStepDoneSchema = z.object({
  step: z.enum(ALARM_STEPS),
  doneByName: z.string(),
  doneAt: z.string(),
  note: z.string(),
});

export const AvvikTaskSchema = z.object({
  kind: z.enum(TASK_KINDS),
  due: IsoDateSchema,
  doneAt: z.string().nullable(),
});

export const InjuryEntrySchema = z.object({
  occurredAt: z.string(),
  workTask: z.string(),
  courseOfEvents: z.string(),
  presumedCauses: z.string(),
  injuryDescription: z.string(),
  serious: z.boolean(),
  mayGiveBenefits: z.boolean(),
});

export const PrivacyReplySchema = z.object({
  awareAt: z.string(),
  deadlineAt: z.string(),
  risk: z.enum(PRIVACY_RISKS).nullable(),
  facts: z.string(),
  effects: z.string(),
  remedial: z.string(),
  decision: z.enum(PRIVACY_DECISIONS).nullable(),
  decisionReason: z.string(),
  decidedAt: z.string().nullable(),
});

export const AvvikSchema = z.object({
  id: z.string(),
  category: z.enum(AVVIK_CATEGORIES),
  status: z.enum(AVVIK_STATUSES),
  description: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  occurredAt: z.string(),
  reportedAt: z.string(),
  immediateAction: z.string(),
  personalData: z.boolean(),
  anonymous: z.boolean(),
  /** Null when anonymous (nobody sees the identity in the product) or for the reporter themselves. */
  reporterName: z.string().nullable(),
  mine: z.boolean(),
  /** How the caller sees it: handler (may act), vo (reads), reporter (their own). */
  access: z.enum(['handler', 'vo', 'reporter']),
  severity: z.number().int().nullable(),
  cause: z.string(),
  serious: z.boolean().nullable(),
  /** The risk assessment barrier this avvik showed failing. */
  barrierId: z.string().nullable(),
  verificationNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  legalHold: z.boolean(),
  version: z.number().int(),
  photos: z.array(z.object({ id: z.string(), size: z.number().int() })),
  tiltak: z.array(TiltakSchema),
  alarm: z.array(AlarmStepDoneSchema),
  tasks: z.array(AvvikTaskSchema),
  injury: InjuryEntrySchema.nullable(),
  privacy: PrivacyReplySchema.nullable(),
});
export type Avvik = z.infer<typeof AvvikSchema>;

/** The barriers a handler can say an avvik showed failing (the risiko module's bow-ties). */
export const BarrierChoicesSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      kind: z.enum(['forebyggende', 'begrensende']),
      status: z.enum(['virker', 'svekket']),
      riskTitle: z.string(),
      assessmentTitle: z.string(),
    }),
  ),
});
export type BarrierChoices = z.infer<typeof BarrierChoicesSchema>;

/** A page of the list ends at this avvik: `<occurredAt ISO>_<id>`, as `next` answered it. */
export const AVVIK_CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z_[0-9a-f-]{36}$/;
export const AVVIK_PAGE_DEFAULT = 50;
export const AVVIK_PAGE_MAX = 200;

export const AvvikListQuerySchema = z
  .object({
    scope: z.enum(['mine', 'handle']).default('handle'),
    status: z.enum(AVVIK_STATUSES).optional(),
    /** How many avvik to read for this page (the reply may hold fewer: those the reader may see). */
    limit: z.coerce.number().int().min(1).max(AVVIK_PAGE_MAX).default(AVVIK_PAGE_DEFAULT),
    /** Continue after this avvik (the previous page's `next`). */
    after: z.string().regex(AVVIK_CURSOR).optional(),
  })
  .strict();

export const AvvikListItemSchema = z.object({
  id: z.string(),
  category: z.enum(AVVIK_CATEGORIES),
  status: z.enum(AVVIK_STATUSES),
  description: z.string(),
  unitName: z.string().nullable(),
  occurredAt: z.string(),
  severity: z.number().int().nullable(),
  openTiltak: z.number().int(),
});
export type AvvikListItem = z.infer<typeof AvvikListItemSchema>;
export const AvvikListSchema = z.object({
  items: z.array(AvvikListItemSchema),
  /** The cursor of the next page (`after=`), or null when this was the last. */
  next: z.string().nullable(),
});

export const PhotoReplySchema = z.object({ id: z.string(), size: z.number().int() });

export const PlacesSchema = z.object({
  units: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const OwnersSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });

export const RegisterSchema = z.object({
  /** names: every entry with who; entries: without names (BHT); aggregates: counts only (AMU). */
  view: z.enum(['names', 'entries', 'aggregates']),
  entries: z.array(
    InjuryEntrySchema.extend({
      avvikId: z.string(),
      category: z.enum(AVVIK_CATEGORIES),
      unitName: z.string().nullable(),
      reporterName: z.string().nullable(),
    }),
  ),
  totals: z.array(
    z.object({ year: z.number().int(), category: z.enum(AVVIK_CATEGORIES), count: z.number().int() }),
  ),
});
export type Register = z.infer<typeof RegisterSchema>;

export const TrendsQuerySchema = z
  .object({ months: z.coerce.number().int().min(1).max(60).default(12) })
  .strict();

const countOrMasked = z.number().int().nullable();
export const TrendsSchema = z.object({
  months: z.array(
    z.object({
      month: z.string(),
      /** null: masked (1–4 injuries, k < 5). */
      counts: z.record(z.enum(AVVIK_CATEGORIES), countOrMasked),
      total: countOrMasked,
      meanSeverity: z.number().nullable(),
      closed: z.number().int(),
      meanDaysToClose: z.number().nullable(),
    }),
  ),
  categories: z.array(z.enum(AVVIK_CATEGORIES)),
  overdueTiltak: z.number().int(),
  masked: z.boolean(),
  k: z.number().int(),
});
export type Trends = z.infer<typeof TrendsSchema>;
