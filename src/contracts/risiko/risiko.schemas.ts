/**
 * Wire schemas of kartlegging and risikovurdering: acceptance criteria, assessments (per unit and
 * work task) with participants, risks scored on the 5 × 5 matrix before and after tiltak, tiltak
 * with owner and due date, the VO's comments and disagreement, employees' suggestions, the heat map
 * and the handlingsplan. Pure: the web imports them too. Messages in both languages.
 */
import { z } from 'zod';
import {
  ASSESSMENT_KINDS,
  ASSESSMENT_TEMPLATES,
  BANDS,
  BOWTIE_KINDS,
  COMMENT_KINDS,
  HAZARD_AREAS,
  PARTICIPANT_ROLES,
  PSYCHOSOCIAL_DIMENSIONS,
  REVIEW_TRIGGERS,
  RISK_STATUSES,
  TILTAK_STATUSES,
} from '../../domain/risiko/index.ts';
import { bilingual } from '../bilingual.ts';
import { IsoDateSchema } from '../common.ts';

const max = (n: number) =>
  bilingual(`Høyst ${n.toLocaleString('nb-NO')} tegn.`, `At most ${n.toLocaleString('en-GB')} characters.`);

/** Free text, trimmed, up to `n` characters; empty allowed. */
const text = (n: number) => z.string(bilingual('Må være tekst.', 'Must be text.')).trim().max(n, max(n));

/** Required text, trimmed, 1 to `n` characters. */
const required = (n: number, nb: string, en: string) =>
  z.string(bilingual(nb, en)).trim().min(1, bilingual(nb, en)).max(n, max(n));

const versionField = z.number(bilingual('Versjonen mangler.', 'The version is missing.')).int().min(1);

/** A score on one axis of the matrix: a whole number 1–5. */
const level = (nb: string, en: string) =>
  z
    .number(bilingual(`${nb} må være et tall fra 1 til 5.`, `${en} must be a number from 1 to 5.`))
    .int(bilingual(`${nb} må være et helt tall fra 1 til 5.`, `${en} must be a whole number from 1 to 5.`))
    .min(1, bilingual(`${nb} må være fra 1 til 5.`, `${en} must be from 1 to 5.`))
    .max(5, bilingual(`${nb} må være fra 1 til 5.`, `${en} must be from 1 to 5.`));

export const ScoreInputSchema = z
  .object({
    p: level('Sannsynligheten', 'The probability'),
    c: level('Konsekvensen', 'The consequence'),
  })
  .strict();

export const IdParamsSchema = z.object({ id: z.string().uuid() });
export const RevisionParamsSchema = z.object({
  id: z.string().uuid(),
  revision: z.coerce.number().int().min(1).max(100_000),
});

// ——— Acceptance criteria ————————————————————————————————————————————————————————————————

export const CriteriaInputSchema = z
  .object({
    text: required(4000, 'Skriv akseptkriteriene.', 'Write the acceptance criteria.'),
    /** The version read; 0 when none are recorded yet. */
    version: z.number(bilingual('Versjonen mangler.', 'The version is missing.')).int().min(0),
  })
  .strict();
export type CriteriaInput = z.input<typeof CriteriaInputSchema>;

export const CriteriaSchema = z.object({
  criteria: z
    .object({
      text: z.string(),
      recordedOn: z.string(),
      recordedBy: z.string().nullable(),
      version: z.number().int(),
    })
    .nullable(),
  canEdit: z.boolean(),
});
export type Criteria = z.infer<typeof CriteriaSchema>;

// ——— Assessments ————————————————————————————————————————————————————————————————————————

export const ParticipantSchema = z
  .object({
    role: z.enum(PARTICIPANT_ROLES, bilingual('Velg en rolle.', 'Choose a role.')),
    name: required(200, 'Skriv navnet.', 'Write the name.'),
  })
  .strict();
export type Participant = z.infer<typeof ParticipantSchema>;

const AssessmentFields = {
  title: required(200, 'Skriv hva som vurderes.', 'Write what is assessed.'),
  unitId: z
    .string(bilingual('Velg en enhet.', 'Choose a unit.'))
    .uuid(bilingual('Velg en enhet.', 'Choose a unit.')),
  /** The work task or process, if the assessment is of one (empty: the whole unit). */
  workTask: text(200).default(''),
  /** The responsible leader (who may accept a residual risk). */
  responsibleUserId: z
    .string(bilingual('Velg ansvarlig leder.', 'Choose the responsible leader.'))
    .uuid(bilingual('Velg ansvarlig leder.', 'Choose the responsible leader.')),
  participants: z
    .array(ParticipantSchema)
    .max(50, bilingual('Høyst 50 deltakere.', 'At most 50 participants.'))
    .default([]),
};

export const AssessmentCreateSchema = z
  .object({
    ...AssessmentFields,
    /**
     * Made from a template: `gravide` — the workplace's assessment for pregnant and breastfeeding
     * workers (FUA kap. 7), its hazards pre-added unscored; one per unit (409 with the existing one).
     */
    template: z
      .enum(ASSESSMENT_TEMPLATES, bilingual('Velg en mal fra listen.', 'Choose a template from the list.'))
      .optional(),
  })
  .strict();
export type AssessmentCreate = z.input<typeof AssessmentCreateSchema>;

export const AssessmentUpdateSchema = z.object({ ...AssessmentFields, version: versionField }).strict();
export type AssessmentUpdate = z.input<typeof AssessmentUpdateSchema>;

export const ReviewInputSchema = z
  .object({
    version: versionField,
    participants: z
      .array(ParticipantSchema)
      .max(50, bilingual('Høyst 50 deltakere.', 'At most 50 participants.')),
  })
  .strict();
export type ReviewInput = z.input<typeof ReviewInputSchema>;

/** A change that brings the next review forward (FOLM § 7-1). */
export const ReviewSoonerSchema = z
  .object({
    version: versionField,
    trigger: z.enum(REVIEW_TRIGGERS, bilingual('Velg hva som er endret.', 'Choose what changed.')),
    date: IsoDateSchema,
  })
  .strict();
export type ReviewSooner = z.input<typeof ReviewSoonerSchema>;

export const ScoreSchema = z.object({ p: z.number().int(), c: z.number().int() });
export type ScoreOut = z.infer<typeof ScoreSchema>;

export const TiltakSchema = z.object({
  id: z.string(),
  riskId: z.string(),
  text: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string().nullable(),
  due: z.string(),
  status: z.enum(TILTAK_STATUSES),
  overdue: z.boolean(),
  done: z.object({ at: z.string(), by: z.string().nullable(), note: z.string() }).nullable(),
  version: z.number().int(),
  canEdit: z.boolean(),
  canMarkDone: z.boolean(),
});
export type Tiltak = z.infer<typeof TiltakSchema>;

export const BowtieItemSchema = z.object({
  id: z.string(),
  kind: z.enum(BOWTIE_KINDS),
  text: z.string(),
  /** A barrier's tiltak (that builds or maintains it). */
  tiltakId: z.string().nullable(),
  status: z.enum(['virker', 'svekket']),
  weakened: z.object({ on: z.string(), reason: z.string().nullable() }).nullable(),
});
export type BowtieItem = z.infer<typeof BowtieItemSchema>;

export const BowtieCreateSchema = z
  .object({
    kind: z.enum(BOWTIE_KINDS, bilingual('Velg hva du legger til.', 'Choose what you add.')),
    text: required(300, 'Skriv teksten.', 'Write the text.'),
    tiltakId: z.string().uuid(bilingual('Velg et tiltak.', 'Choose a measure.')).nullable().default(null),
  })
  .strict();
export type BowtieCreate = z.input<typeof BowtieCreateSchema>;

export const RiskSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  area: z.enum(HAZARD_AREAS),
  hazardKey: z.string().nullable(),
  dimension: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  existingBarriers: z.string(),
  initial: ScoreSchema,
  initialBand: z.enum(BANDS),
  residual: ScoreSchema.nullable(),
  residualBand: z.enum(BANDS).nullable(),
  status: z.enum(RISK_STATUSES),
  closed: z.object({ at: z.string(), by: z.string().nullable() }).nullable(),
  acceptance: z.object({ name: z.string(), date: z.string(), reason: z.string() }).nullable(),
  /** The last time the risk was reopened after a closure (FOLM § 7-1). */
  reopened: z.object({ at: z.string(), by: z.string().nullable(), reason: z.string() }).nullable(),
  tiltak: z.array(TiltakSchema),
  /** The bow-tie: causes, barriers and consequences around the risk as its top event. */
  bowtie: z.array(BowtieItemSchema),
  version: z.number().int(),
});
export type Risk = z.infer<typeof RiskSchema>;

export const CommentSchema = z.object({
  id: z.string(),
  riskId: z.string().nullable(),
  kind: z.enum(COMMENT_KINDS),
  text: z.string(),
  author: z.string(),
  authorRole: z.string(),
  at: z.string(),
});
export type Comment = z.infer<typeof CommentSchema>;

export const SuggestionSchema = z.object({
  id: z.string(),
  area: z.enum(HAZARD_AREAS),
  text: z.string(),
  by: z.string(),
  at: z.string(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const AssessmentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  workTask: z.string(),
  /** An ordinary assessment, or the one for pregnant and breastfeeding workers. */
  kind: z.enum(ASSESSMENT_KINDS),
  assessedOn: z.string(),
  nextReview: z.string(),
  reviewState: z.enum(['current', 'due-soon', 'overdue']),
  revision: z.number().int(),
  risks: z.number().int(),
  high: z.number().int(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

export const AssessmentListSchema = z.object({
  items: z.array(AssessmentSummarySchema),
  /** Units the user may create an assessment for. */
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  criteriaRecorded: z.boolean(),
});
export type AssessmentList = z.infer<typeof AssessmentListSchema>;

export const AssessmentSchema = AssessmentSummarySchema.extend({
  responsibleUserId: z.string(),
  responsibleName: z.string(),
  participants: z.array(ParticipantSchema),
  reviewReason: z.string().nullable(),
  risksList: z.array(RiskSchema),
  /**
   * The hazards of the template the assessment was made from (its kartlegging): scored once a risk
   * in the assessment carries the hazard's key. Empty for an ordinary assessment.
   */
  templateHazards: z.array(
    z.object({
      key: z.string(),
      area: z.enum(HAZARD_AREAS),
      text: z.object({ nb: z.string(), en: z.string() }),
      scored: z.boolean(),
    }),
  ),
  comments: z.array(CommentSchema),
  suggestions: z.array(SuggestionSchema),
  revisions: z.array(
    z.object({ revision: z.number().int(), assessedOn: z.string(), archivedBy: z.string().nullable() }),
  ),
  version: z.number().int(),
  canEdit: z.boolean(),
  /** A draft (never reviewed, no risk ever closed) that the user may delete (IK-f § 5). */
  canDelete: z.boolean(),
  canComment: z.boolean(),
  canSuggest: z.boolean(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const RevisionSchema = z.object({
  revision: z.number().int(),
  assessedOn: z.string(),
  archivedAt: z.string(),
  archivedBy: z.string().nullable(),
  /** The assessment as it stood before the review. */
  assessment: z.object({
    title: z.string(),
    workTask: z.string(),
    responsibleName: z.string(),
    participants: z.array(ParticipantSchema),
    risks: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        area: z.enum(HAZARD_AREAS),
        initial: ScoreSchema,
        residual: ScoreSchema.nullable(),
        status: z.enum(RISK_STATUSES),
        tiltak: z.array(z.object({ text: z.string(), due: z.string(), status: z.enum(TILTAK_STATUSES) })),
      }),
    ),
  }),
});
export type Revision = z.infer<typeof RevisionSchema>;

// ——— Risks ——————————————————————————————————————————————————————————————————————————————

const RiskFields = {
  area: z.enum(HAZARD_AREAS, bilingual('Velg et område.', 'Choose an area.')),
  /** The checklist item ticked, if any. */
  hazardKey: z.string().trim().max(60).nullable().default(null),
  /** For psychosocial and organisational risks: the dimension a survey attaches to. */
  dimension: z
    .enum(PSYCHOSOCIAL_DIMENSIONS, bilingual('Velg en dimensjon.', 'Choose a dimension.'))
    .nullable()
    .default(null),
  title: required(300, 'Skriv faren eller den uønskede hendelsen.', 'Write the hazard or undesired event.'),
  description: text(2000).default(''),
  existingBarriers: text(2000).default(''),
  initial: ScoreInputSchema,
  residual: ScoreInputSchema.nullable().default(null),
};

export const RiskCreateSchema = z.object(RiskFields).strict();
export type RiskCreate = z.input<typeof RiskCreateSchema>;

export const RiskUpdateSchema = z.object({ ...RiskFields, version: versionField }).strict();
export type RiskUpdate = z.input<typeof RiskUpdateSchema>;

export const AcceptanceSchema = z
  .object({
    name: required(200, 'Skriv navnet til ansvarlig leder.', 'Write the responsible leader’s name.'),
    date: IsoDateSchema,
    reason: required(2000, 'Skriv begrunnelsen.', 'Write the reason.'),
  })
  .strict();

export const RiskCloseSchema = z
  .object({
    version: versionField,
    acceptance: AcceptanceSchema.nullable().default(null),
  })
  .strict();
export type RiskClose = z.input<typeof RiskCloseSchema>;

/** Reopen a closed risk (FOLM § 7-1): why, and by when the assessment is to be reviewed. */
export const RiskReopenSchema = z
  .object({
    version: versionField,
    reason: required(2000, 'Skriv hvorfor risikoen åpnes igjen.', 'Write why the risk is reopened.'),
    reviewBy: IsoDateSchema,
  })
  .strict();
export type RiskReopen = z.input<typeof RiskReopenSchema>;

/** Delete a draft assessment (never reviewed, no risk closed): why, for the audit log. */
export const AssessmentDeleteSchema = z
  .object({
    version: versionField,
    reason: required(2000, 'Skriv hvorfor vurderingen slettes.', 'Write why the assessment is deleted.'),
  })
  .strict();
export type AssessmentDelete = z.input<typeof AssessmentDeleteSchema>;

// ——— Tiltak ——————————————————————————————————————————————————————————————————————————————

const TiltakFields = {
  text: required(1000, 'Skriv hva som skal gjøres.', 'Write what is to be done.'),
  ownerUserId: z
    .string(bilingual('Velg hvem som er ansvarlig.', 'Choose who is responsible.'))
    .uuid(bilingual('Velg hvem som er ansvarlig.', 'Choose who is responsible.')),
  due: z.string(bilingual('Velg en frist.', 'Choose a due date.')).pipe(IsoDateSchema),
};

export const TiltakCreateSchema = z.object(TiltakFields).strict();
export type TiltakCreate = z.input<typeof TiltakCreateSchema>;

export const TiltakUpdateSchema = z
  .object({
    ...TiltakFields,
    status: z.enum(['planlagt', 'pagar'], bilingual('Velg en status.', 'Choose a status.')),
    version: versionField,
  })
  .strict();
export type TiltakUpdate = z.input<typeof TiltakUpdateSchema>;

export const TiltakDoneSchema = z
  .object({
    version: versionField,
    note: required(2000, 'Skriv kort hva som ble gjort.', 'Write briefly what was done.'),
  })
  .strict();
export type TiltakDone = z.input<typeof TiltakDoneSchema>;

// ——— Comments and suggestions ————————————————————————————————————————————————————————————

export const CommentCreateSchema = z
  .object({
    kind: z.enum(
      COMMENT_KINDS,
      bilingual('Velg kommentar eller uenighet.', 'Choose comment or disagreement.'),
    ),
    text: required(2000, 'Skriv kommentaren.', 'Write the comment.'),
    riskId: z.string().uuid().nullable().default(null),
  })
  .strict();
export type CommentCreate = z.input<typeof CommentCreateSchema>;

export const SuggestionCreateSchema = z
  .object({
    area: z.enum(HAZARD_AREAS, bilingual('Velg et område.', 'Choose an area.')),
    text: required(1000, 'Beskriv faren.', 'Describe the hazard.'),
  })
  .strict();
export type SuggestionCreate = z.input<typeof SuggestionCreateSchema>;

// ——— The heat map and the handlingsplan ——————————————————————————————————————————————————

export const MatrixQuerySchema = z.object({ unitId: z.string().uuid().optional() }).strict();

export const CellQuerySchema = z
  .object({
    unitId: z.string().uuid().optional(),
    stage: z.enum(['initial', 'residual']),
    p: z.coerce.number().int().min(1).max(5),
    c: z.coerce.number().int().min(1).max(5),
  })
  .strict();

export const MatrixCellSchema = z.object({
  p: z.number().int(),
  c: z.number().int(),
  band: z.enum(BANDS),
  initial: z.number().int(),
  residual: z.number().int(),
});

export const RiskRefSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  assessmentTitle: z.string(),
  unitName: z.string(),
  title: z.string(),
  area: z.enum(HAZARD_AREAS),
  initial: ScoreSchema,
  current: ScoreSchema,
  band: z.enum(BANDS),
  status: z.enum(RISK_STATUSES),
  /** The user may open the assessment (AMU sees the list only). */
  canOpen: z.boolean(),
});
export type RiskRef = z.infer<typeof RiskRefSchema>;

export const MatrixSchema = z.object({
  cells: z.array(MatrixCellSchema),
  total: z.number().int(),
  /** Units the user may filter by. */
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Open risks whose current band is Høy, worst first (at most 50). */
  high: z.array(RiskRefSchema),
  /** How many open Høy risks there are in all. */
  highTotal: z.number().int(),
});
export type Matrix = z.infer<typeof MatrixSchema>;

export const CellListSchema = z.object({ items: z.array(RiskRefSchema) });

export const PlanItemSchema = TiltakSchema.extend({
  riskTitle: z.string(),
  riskBand: z.enum(BANDS),
  assessmentId: z.string(),
  assessmentTitle: z.string(),
  unitName: z.string(),
});
export type PlanItem = z.infer<typeof PlanItemSchema>;

/** The open tiltak, by due date (at most 300), and how many are open in all. */
export const PlanSchema = z.object({ items: z.array(PlanItemSchema), total: z.number().int() });
export type Plan = z.infer<typeof PlanSchema>;

export const OwnerCandidatesSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const OkSchema = z.object({ ok: z.literal(true) });
