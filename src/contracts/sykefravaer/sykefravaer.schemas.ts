/**
 * Request and response shapes of the sick-leave API (zod; the OpenAPI document is generated from
 * them). No field anywhere takes a diagnosis: periods carry type, grade and dates; free text
 * (`reason`, `note`) is limited in length and the web app asks people not to write health details.
 */
import { z } from 'zod';
import { MILESTONE_KEYS, PERIOD_TYPES } from '../../domain/sykefravaer/index.ts';
import { bilingual } from '../bilingual.ts';
import { IsoDateSchema, PageQuerySchema } from '../common.ts';

// ---------------------------------------------------------------- requests

export const PeriodTypeSchema = z.enum(PERIOD_TYPES);
export const MilestoneKeySchema = z.enum(MILESTONE_KEYS);

// Plain text: no control characters other than line breaks and tabs.
const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
      (v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v),
      bilingual('Kan bare inneholde vanlig tekst.', 'May only contain plain text.'),
    );

/** Why a period was corrected or deleted, why a milestone is unnecessary: 1–500 characters. */
export const ReasonSchema = plainText(500);
export const NoteSchema = plainText(500);

/** The follow-up version the client read (0 when the employee has no sick-leave data yet). */
export const VersionSchema = z.number().int().min(0).max(2_147_483_647);

export const EmployeeParamsSchema = z.object({ employeeId: z.uuid() }).strict();
export const PeriodParamsSchema = z.object({ employeeId: z.uuid(), periodId: z.uuid() }).strict();
export const MilestoneParamsSchema = z.object({ employeeId: z.uuid(), key: MilestoneKeySchema }).strict();
export const MilestoneRecordParamsSchema = z
  .object({ employeeId: z.uuid(), key: MilestoneKeySchema, recordId: z.uuid() })
  .strict();

const periodFields = {
  type: PeriodTypeSchema,
  start: IsoDateSchema,
  end: IsoDateSchema,
  /** 1–100 for a sykmelding (required unless avventende); absent, null or 100 for the other types. */
  grade: z.number().int().min(1).max(100).nullable().optional(),
  /** Avventende sykmelding: the employee works while the employer arranges adapted work (no grade). */
  avventende: z.boolean().optional(),
};

/** The user has seen the duplicate/overlap warning (409 `PERIOD_OVERLAP`) and saves anyway. */
const ConfirmOverlapSchema = z.boolean().optional();

type PeriodFields = {
  type: (typeof PERIOD_TYPES)[number];
  start: string;
  end: string;
  grade?: number | null | undefined;
  avventende?: boolean | undefined;
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** Both are well-formed dates and end < start (a malformed date is reported on its own field only). */
const endBeforeStart = (start: string, end: string) => ISO.test(start) && ISO.test(end) && end < start;

function checkPeriod(v: PeriodFields, ctx: z.core.$RefinementCtx<PeriodFields>) {
  if (endBeforeStart(v.start, v.end)) {
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: bilingual(
        'Sluttdato kan ikke være før startdato.',
        'The end date cannot be before the start date.',
      ),
    });
  }
  const grade = v.grade ?? null;
  if (v.type === 'sykmelding') {
    if (v.avventende === true && grade !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['grade'],
        message: bilingual(
          'En avventende sykmelding har ingen grad.',
          'An avventende sykmelding has no grade.',
        ),
      });
    }
    if (v.avventende !== true && grade === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['grade'],
        message: bilingual('Oppgi sykmeldingsgraden (1–100 %).', 'Give the sick-leave grade (1–100 %).'),
      });
    }
  } else {
    if (grade !== null && grade !== 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['grade'],
        message: bilingual(
          'Bare en sykmelding kan være gradert.',
          'Only a sykmelding (doctor’s note) can be graded.',
        ),
      });
    }
    if (v.avventende === true) {
      ctx.addIssue({
        code: 'custom',
        path: ['avventende'],
        message: bilingual('Bare en sykmelding kan være avventende.', 'Only a sykmelding can be avventende.'),
      });
    }
  }
}

export const CreatePeriodRequestSchema = z
  .object({ ...periodFields, confirmOverlap: ConfirmOverlapSchema, version: VersionSchema })
  .strict()
  .superRefine(checkPeriod);
export type CreatePeriodRequest = z.infer<typeof CreatePeriodRequestSchema>;

export const UpdatePeriodRequestSchema = z
  .object({
    ...periodFields,
    reason: ReasonSchema,
    confirmOverlap: ConfirmOverlapSchema,
    version: VersionSchema,
  })
  .strict()
  .superRefine(checkPeriod);
export type UpdatePeriodRequest = z.infer<typeof UpdatePeriodRequestSchema>;

export const DeletePeriodRequestSchema = z.object({ reason: ReasonSchema, version: VersionSchema }).strict();

export const MilestoneDoneRequestSchema = z
  .object({ caseStart: IsoDateSchema, note: NoteSchema.nullable().optional(), version: VersionSchema })
  .strict();
export const MilestoneExceptionRequestSchema = z
  .object({ caseStart: IsoDateSchema, reason: ReasonSchema, version: VersionSchema })
  .strict();
export const VersionOnlyRequestSchema = z.object({ version: VersionSchema }).strict();

export const AgpRequestSchema = z
  .object({ caseStart: IsoDateSchema, end: IsoDateSchema.nullable(), version: VersionSchema })
  .strict()
  .refine((v) => v.end === null || !endBeforeStart(v.caseStart, v.end), {
    path: ['end'],
    message: bilingual(
      'Slutten på arbeidsgiverperioden kan ikke være før sykefraværet startet.',
      'The end of the arbeidsgiverperiode cannot be before the absence started.',
    ),
  });

export const Dialogmote2RequestSchema = z
  .object({ caseStart: IsoDateSchema, date: IsoDateSchema.nullable(), version: VersionSchema })
  .strict()
  .refine((v) => v.date === null || !endBeforeStart(v.caseStart, v.date), {
    path: ['date'],
    message: bilingual(
      'Dialogmøte 2 kan ikke være før sykefraværet startet.',
      'Dialogmøte 2 cannot be before the absence started.',
    ),
  });

export const RetentionHoldRequestSchema = z
  .object({ hold: z.boolean(), reason: ReasonSchema.nullable().optional() })
  .strict()
  .refine((v) => !v.hold || (v.reason ?? null) !== null, {
    path: ['reason'],
    message: bilingual(
      'Begrunn hvorfor opplysningene skal beholdes.',
      'Give the reason for keeping the records.',
    ),
  });

const EgenmeldingSpan = {
  start: IsoDateSchema,
  end: IsoDateSchema,
};
const endNotBeforeStart = {
  path: ['end'],
  message: bilingual(
    'Sluttdato kan ikke være før startdato.',
    'The end date cannot be before the start date.',
  ),
};
export const EgenmeldingCheckRequestSchema = z
  .object(EgenmeldingSpan)
  .strict()
  .refine((v) => !endBeforeStart(v.start, v.end), endNotBeforeStart);
export const EgenmeldingRequestSchema = z
  .object({ ...EgenmeldingSpan, version: VersionSchema })
  .strict()
  .refine((v) => !endBeforeStart(v.start, v.end), endNotBeforeStart);

export const CaseListQuerySchema = z
  .object({
    unitId: z.uuid().optional(),
    /** ongoing: not yet closed; ended: closed in the last 16 days; overdue: has an overdue milestone. */
    status: z.enum(['ongoing', 'ended', 'overdue']).optional(),
  })
  .strict();

export const AccessLogQuerySchema = z.object({ ...PageQuerySchema }).strict();

export const EGENMELDING_PRESETS = ['statutory', 'extended', 'agp', 'custom'] as const;

export const SettingsRequestSchema = z
  .object({
    egenmeldingPolicy: z
      .object({
        preset: z.enum(EGENMELDING_PRESETS),
        // Only read for `custom`; a preset's numbers come from the rule engine.
        maxDaysPerOccasion: z
          .number()
          .int()
          .min(1)
          .max(
            16,
            bilingual(
              'Kan være høyst 16 dager — egenmelding kan aldri gå ut over arbeidsgiverperioden.',
              'Must be at most 16 days — egenmelding can never go beyond the arbeidsgiverperiode.',
            ),
          )
          .optional(),
        maxDaysPer12Months: z.number().int().min(1).max(366).nullable().optional(),
        maxOccasionsPer12Months: z.number().int().min(1).max(100).nullable().optional(),
        minEmploymentMonths: z.number().int().min(0).max(24).optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.preset !== 'custom') return;
        for (const field of ['maxDaysPerOccasion', 'minEmploymentMonths'] as const) {
          if (v[field] === undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [field],
              message: bilingual('Må fylles ut for en egen regel.', 'Required for a custom policy.'),
            });
          }
        }
      }),
    retentionMonths: z.number().int().min(3).max(60),
  })
  .strict();
export type SettingsRequest = z.infer<typeof SettingsRequestSchema>;

// ---------------------------------------------------------------- responses

const TextSchema = z.object({ nb: z.string(), en: z.string() });
export const UserRefSchema = z.object({ userId: z.string().nullable(), name: z.string() });

const PeriodValuesSchema = z.object({
  type: PeriodTypeSchema,
  start: z.string(),
  end: z.string(),
  grade: z.number().int().nullable(),
  avventende: z.boolean(),
});

export const PeriodSchema = PeriodValuesSchema.extend({
  id: z.string(),
  /** Who registered it: the employer (leader/HR) or the employee (own egenmelding). */
  source: z.enum(['employer', 'employee']),
  createdBy: UserRefSchema,
  createdAt: z.string(),
  updatedBy: UserRefSchema.nullable(),
  updatedAt: z.string(),
});
export type PeriodDto = z.infer<typeof PeriodSchema>;

export const PeriodHistorySchema = z.object({
  id: z.number().int(),
  periodId: z.string(),
  change: z.enum(['create', 'update', 'delete']),
  reason: z.string().nullable(),
  changedBy: UserRefSchema,
  changedAt: z.string(),
  old: PeriodValuesSchema.nullable(),
  new: PeriodValuesSchema.nullable(),
});

const MilestoneStatusSchema = z.enum([
  'required',
  'conditional',
  'not-required',
  'met-graded',
  'informational',
]);

const MilestoneSchema = z.object({
  key: MilestoneKeySchema,
  from: z.string().optional(),
  due: z.string().nullable(),
  status: MilestoneStatusSchema,
  reminders: z.array(z.string()),
  legalBasis: z.string(),
  explanation: TextSchema,
});

const EngineUserSchema = z.object({ userId: z.string(), displayName: z.string() });

export const MilestoneStateSchema = MilestoneSchema.extend({
  state: z.enum(['exempted', 'done', 'overdue', 'due-soon', 'upcoming', 'not-required', 'informational']),
  daysLeft: z.number().int().nullable(),
  stateText: TextSchema,
  exception: z
    .object({
      id: z.string(),
      milestoneKey: MilestoneKeySchema,
      caseStart: z.string().optional(),
      reason: z.string(),
      decidedBy: EngineUserSchema,
      decidedAt: z.string(),
    })
    .optional(),
  done: z
    .object({
      id: z.string(),
      milestoneKey: MilestoneKeySchema,
      caseStart: z.string().optional(),
      doneAt: z.string(),
      doneBy: EngineUserSchema,
      note: z.string().nullable(),
      /** A link to the evidence (plan, minutes); filled by a later issue. */
      evidenceRef: z.string().nullable(),
    })
    .optional(),
});
export type MilestoneStateDto = z.infer<typeof MilestoneStateSchema>;

export const PlanSchema = z.object({
  cases: z.array(
    z.object({ start: z.string(), end: z.string(), sickDays: z.number().int(), gradertAtEnd: z.boolean() }),
  ),
  arbeidsgiverperioder: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      days: z.number().int(),
      overridden: z.boolean().optional(),
      computedEnd: z.string().nullable().optional(),
    }),
  ),
  followUp: z
    .object({
      caseStart: z.string(),
      milestones: z.array(MilestoneSchema),
      maksdato: z.string().nullable(),
      oppsigelsesvernTil: z.string(),
      caseEnd: z.string(),
      maksdatoForelopig: z.boolean(),
      maksdatoRegel: z.enum(['ordinaer', 'over-67', 'over-70', 'ingen-rett']),
      sykepengedagerBrukt: z.number().int(),
    })
    .nullable(),
  warnings: z.array(z.object({ code: z.string(), nb: z.string(), en: z.string() })),
});

const AgpSchema = z.object({
  start: z.string(),
  end: z.string(),
  days: z.number().int(),
  overridden: z.boolean(),
  computedEnd: z.string().nullable(),
});

export const CurrentCaseSchema = z.object({
  start: z.string(),
  end: z.string(),
  /** ongoing: fewer than 16 non-sick days since its last day; ended: closed (§11.1). */
  status: z.enum(['ongoing', 'ended']),
  /** Every registered sick day of the case, also future days of a running sykmelding. */
  sickDays: z.number().int(),
  /** Sick days up to and including today. */
  sickDaysSoFar: z.number().int(),
  /** Sick grade today (100 for egenmelding), null when today is not a sick day. */
  gradeToday: z.number().int().nullable(),
  arbeidsgiverperiode: AgpSchema.nullable(),
  maksdato: z.string().nullable(),
  /** The maksdato assumes the sickness goes on after the known periods ('foreløpig'). */
  maksdatoForelopig: z.boolean(),
  sykepengedagerBrukt: z.number().int(),
  oppsigelsesvernTil: z.string(),
});

export const CaseViewSchema = z.object({
  employee: z.object({ id: z.string(), name: z.string(), unitId: z.string(), unitName: z.string() }),
  /** The day (Europe/Oslo) the states were computed for. */
  today: z.string(),
  /** Send this back with the next change; 409 if someone else changed the case first. */
  version: z.number().int(),
  periods: z.array(PeriodSchema),
  history: z.array(PeriodHistorySchema),
  plan: PlanSchema,
  currentCase: CurrentCaseSchema.nullable(),
  milestones: z.array(MilestoneStateSchema),
  dialogmote2: z.object({ caseStart: z.string(), date: z.string() }).nullable(),
  agpOverrides: z.array(
    z.object({ caseStart: z.string(), end: z.string(), setBy: UserRefSchema, setAt: z.string() }),
  ),
  retention: z.object({
    months: z.number().int(),
    hold: z.boolean(),
    holdReason: z.string().nullable(),
    holdBy: UserRefSchema.nullable(),
    holdAt: z.string().nullable(),
  }),
});
export type CaseView = z.infer<typeof CaseViewSchema>;

export const CaseListItemSchema = z.object({
  employeeId: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  leaderId: z.string().nullable(),
  caseStart: z.string(),
  caseEnd: z.string(),
  status: z.enum(['ongoing', 'ended']),
  /** Every registered sick day of the case, also future days of a running sykmelding. */
  sickDays: z.number().int(),
  /** Sick days up to and including today — what the list and the case page show as «Sykedager hittil». */
  sickDaysSoFar: z.number().int(),
  gradeToday: z.number().int().nullable(),
  nextMilestone: z
    .object({
      key: MilestoneKeySchema,
      due: z.string(),
      state: z.enum(['overdue', 'due-soon', 'upcoming']),
    })
    .nullable(),
  overdueCount: z.number().int(),
});
export const CaseListSchema = z.object({ today: z.string(), items: z.array(CaseListItemSchema) });

const EgenmeldingMessageSchema = z.object({ code: z.string(), nb: z.string(), en: z.string() });
export const EgenmeldingEvaluationSchema = z.object({
  allowed: z.boolean(),
  reasons: z.array(EgenmeldingMessageSchema),
  flags: z.array(EgenmeldingMessageSchema),
  facts: z.object({
    requestedDays: z.number().int(),
    occasionDays: z.number().int(),
    daysLast12Months: z.number().int(),
    occasionsLast12Months: z.number().int(),
    windowStart: z.string(),
  }),
});
export const EgenmeldingResultSchema = z.object({
  evaluation: EgenmeldingEvaluationSchema,
  case: CaseViewSchema,
});

export const AccessLogSchema = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      /** What was touched: 'absence_period', 'milestone_done' …; null for a read of the whole case. */
      record: z.string().nullable(),
      /** A read or download of one of the case's documents (null: the case itself). */
      document: z.enum(['oppfolgingsplan', 'samtalereferat', 'dialogmote', 'legebrev']).nullable(),
      user: UserRefSchema,
      roles: z.array(z.string()),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const RetentionHoldSchema = z.object({
  hold: z.boolean(),
  reason: z.string().nullable(),
  by: UserRefSchema.nullable(),
  at: z.string().nullable(),
});

export const SettingsSchema = z.object({
  egenmeldingPolicy: z.object({
    preset: z.enum(EGENMELDING_PRESETS),
    maxDaysPerOccasion: z.number().int(),
    maxDaysPer12Months: z.number().int().nullable(),
    maxOccasionsPer12Months: z.number().int().nullable(),
    minEmploymentMonths: z.number().int(),
  }),
  /** Case data is deleted this many months after the case ended (§11.9). */
  retentionMonths: z.number().int(),
});
export type Settings = z.infer<typeof SettingsSchema>;
