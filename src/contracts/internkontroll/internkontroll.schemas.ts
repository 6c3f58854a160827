/**
 * Wire schemas of internkontroll: the company profile (what HR enters), the duties derived from it
 * (`naervaer plikter`), and the årshjul. Pure: the web imports them too.
 */
import { z } from 'zod';
import {
  AMU_DEMANDED_BY,
  ARSHJUL_KEYS,
  CMR_KINDS,
  DUTY_KEYS,
  NACE_SYSTEMS,
} from '../../domain/internkontroll/types.ts';
import { bilingual } from '../bilingual.ts';
import { IsoDateSchema } from '../common.ts';

const count = (max: number) =>
  z
    .number(bilingual('Må være et tall.', 'Must be a number.'))
    .int(bilingual('Må være et helt tall.', 'Must be a whole number.'))
    .min(0, bilingual('Kan ikke være negativt.', 'Cannot be negative.'))
    .max(max, bilingual(`Kan ikke være over ${max.toLocaleString('nb-NO')}.`, `Cannot exceed ${max}.`));

/** NACE codes as Enhetsregisteret writes them: `41`, `41.2`, `41.20`, `41.200`. */
export const NACE_CODE_PATTERN = /^\d{2}(\.\d{1,3})?$/;

export const NaceInputSchema = z.object({
  system: z.enum(NACE_SYSTEMS, bilingual('Velg SN2007 eller SN2025.', 'Choose SN2007 or SN2025.')),
  code: z
    .string()
    .trim()
    .regex(
      NACE_CODE_PATTERN,
      bilingual(
        'Næringskoden skrives som i Enhetsregisteret, for eksempel 41.200 eller 86.10.',
        'Write the industry code as in the Register of Business Enterprises, e.g. 41.200 or 86.10.',
      ),
    ),
  label: z.string().trim().max(200, bilingual('Høyst 200 tegn.', 'At most 200 characters.')),
});

/** What admin/HR enter (IK-f § 5). Counts left null are computed from the register. */
const ProfileFields = z
  .object({
    employeesTotalOverride: count(1_000_000).nullable(),
    employeesTotalOverrideReason: z
      .string()
      .trim()
      .max(500, bilingual('Høyst 500 tegn.', 'At most 500 characters.'))
      .nullable(),
    employeesAvg20hLastYear: z
      .number(bilingual('Må være et tall.', 'Must be a number.'))
      .min(0, bilingual('Kan ikke være negativt.', 'Cannot be negative.'))
      .max(1_000_000, bilingual('Kan ikke være over 1 000 000.', 'Cannot exceed 1,000,000.'))
      .nullable(),
    hiredWorkers: count(1_000_000),
    nace: NaceInputSchema.nullable(),
    hazardousChemicals: z.boolean(),
    cmrExposure: z.enum(CMR_KINDS).nullable(),
    asbestosExposure: z.boolean(),
    biologicalAgents: z.boolean(),
    nightWorkMainly: z.boolean(),
    amuDemandedBy: z.enum(AMU_DEMANDED_BY),
    alternativeVoAgreementUntil: IsoDateSchema.nullable(),
    arbeidstilsynetOrders: z.object({ vo: z.boolean(), amu: z.boolean(), bht: z.boolean() }),
    bhtRiskAssessmentSaysRequired: z.boolean().nullable(),
    lastVoElection: IsoDateSchema.nullable(),
    lastAmuElection: IsoDateSchema.nullable(),
  })
  .strict();

export const CompanyProfileInputSchema = ProfileFields.extend({
  /** The profile version edited (0 when none was saved yet); a newer one answers 409. */
  version: z.number().int().min(0),
}).superRefine((p, ctx) => {
  if (p.employeesTotalOverride !== null && !p.employeesTotalOverrideReason) {
    ctx.addIssue({
      code: 'custom',
      path: ['employeesTotalOverrideReason'],
      message: bilingual(
        'Skriv hvorfor tallet avviker fra ansattregisteret.',
        'Say why the number differs from the employee register.',
      ),
    });
  }
});
export type CompanyProfileInput = z.infer<typeof CompanyProfileInputSchema>;

const TextSchema = z.object({ nb: z.string(), en: z.string() });

export const DutyReasonSchema = z.object({
  nb: z.string(),
  en: z.string(),
  legalBasis: z.string(),
  kind: z.enum(['lovkrav', 'anbefalt']),
});

/** The output of `naervaer plikter` (see README.md). */
export const DutiesSchema = z.object({
  internkontroll: z.enum(['required', 'not-applicable']),
  ikWrittenPoints: z.array(z.number().int()),
  leaderHmsTraining: z.enum(['required', 'not-applicable']),
  injuryRegister: z.enum(['required', 'not-applicable']),
  sickLeaveStatistics: z.enum(['required', 'not-applicable']),
  verneombud: z.enum(['required', 'required-unless-agreement', 'alternative-agreement', 'not-applicable']),
  hovedverneombud: z.enum(['required', 'not-applicable']),
  amu: z.enum(['required', 'on-demand', 'not-required', 'not-applicable']),
  amuBasis: z.number(),
  bht: z.enum([
    'required-by-nace',
    'ordered',
    'required-by-risk',
    'assess-risk',
    'needs-verification',
    'not-applicable',
  ]),
  bhtMatchedListEntry: z.string().nullable(),
  varslingRoutine: z.enum(['required', 'recommended', 'not-applicable']),
  stoffkartotek: z.enum(['required', 'not-applicable']),
  exposureRegister: z.enum(['required', 'not-applicable']),
  exposureRegisterRetentionYears: z.number().int().nullable(),
  voAmuTraining40h: z.enum(['required', 'not-applicable']),
  nightWorkHealthCheck: z.enum(['required', 'not-applicable']),
  bhtPlanAndAnnualReport: z.enum(['required', 'not-applicable']),
  amuAnnualReport: z.enum(['required', 'not-applicable']),
  arshjul: z.array(z.enum(ARSHJUL_KEYS)),
  reasons: z.record(z.enum(DUTY_KEYS), DutyReasonSchema),
});

export const CompanyProfileViewSchema = z.object({
  /** 0: nothing saved yet; the duties are then derived from the register and the defaults. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  input: ProfileFields,
  /** What the register says (shown next to the fields that can override it). */
  computed: z.object({
    employeesTotal: z.number().int(),
    /** Average of persons with ≥ 20 h/week (≥ 53.3 % of 37.5 h) over last calendar year; null without history. */
    employeesAvg20hLastYear: z.number().nullable(),
    /** True while the organisation is younger than the previous calendar year (FOLM § 3-7 «foreløpig»). */
    avgIsPreliminary: z.boolean(),
    verneomraader: z.number().int(),
    naceSn2025: z.string().nullable(),
    naceConversion: z.enum(['exact', 'converted', 'ambiguous', 'unknown', 'none']),
  }),
  /** The profile the duties were derived from (the `naervaer plikter` input). */
  effective: z.object({
    employeesTotal: z.number(),
    employeesAvg20hLastYear: z.number(),
    verneomraader: z.number(),
    alternativeVoAgreementValid: z.boolean(),
  }),
  duties: DutiesSchema,
});
export type CompanyProfileView = z.infer<typeof CompanyProfileViewSchema>;

export const ProfileHistorySchema = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      changedAt: z.string(),
      changedBy: z.string().nullable(),
      /** The fields that changed from the version before (all of them for version 1). */
      changedFields: z.array(z.string()),
    }),
  ),
});

export const ARSHJUL_OWNER_ROLES = ['admin', 'hr', 'leder', 'verneombud', 'amu', 'bht'] as const;
export const ARSHJUL_STATES = ['done', 'overdue', 'due-soon', 'upcoming'] as const;

export const ArshjulItemSchema = z.object({
  id: z.string(),
  /** The generated item's key; null for the organisation's own items. */
  key: z.enum(ARSHJUL_KEYS).nullable(),
  occurrence: z.string(),
  title: TextSchema,
  subtasks: z.array(TextSchema),
  due: z.string(),
  /** The due date the rules gave, when the item was moved. */
  generatedDue: z.string().nullable(),
  ownerRole: z.enum(ARSHJUL_OWNER_ROLES),
  legalBasis: z.string().nullable(),
  kind: z.enum(['lovkrav', 'anbefalt', 'egen']),
  state: z.enum(ARSHJUL_STATES),
  done: z.object({ at: z.string(), by: z.string().nullable(), note: z.string() }).nullable(),
  /** The current user may mark it done or move it. */
  canEdit: z.boolean(),
});
export type ArshjulItem = z.infer<typeof ArshjulItemSchema>;

export const ArshjulViewSchema = z.object({
  year: z.number().int(),
  /** False until a profile is saved: the items are then derived from the register alone. */
  profileSaved: z.boolean(),
  items: z.array(ArshjulItemSchema),
  notApplicable: z.array(
    z.object({ key: z.enum(ARSHJUL_KEYS), title: TextSchema, reason: TextSchema, legalBasis: z.string() }),
  ),
});
export type ArshjulView = z.infer<typeof ArshjulViewSchema>;

export const ArshjulQuerySchema = z
  .object({ year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();

export const ArshjulCreateSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, bilingual('Skriv hva som skal gjøres.', 'Write what is to be done.'))
      .max(200, bilingual('Høyst 200 tegn.', 'At most 200 characters.')),
    due: IsoDateSchema,
    ownerRole: z.enum(ARSHJUL_OWNER_ROLES),
  })
  .strict();

export const ArshjulUpdateSchema = z
  .object({
    due: IsoDateSchema,
    /** Only own items can be renamed. */
    title: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const ArshjulDoneSchema = z
  .object({
    note: z
      .string()
      .trim()
      .min(1, bilingual('Skriv kort hva som ble gjort.', 'Write briefly what was done.'))
      .max(2000, bilingual('Høyst 2000 tegn.', 'At most 2,000 characters.')),
  })
  .strict();

export const IdParamsSchema = z.object({ id: z.string().uuid() });

/** The profile as stored (one version), without the edited-version field. */
export const CompanyProfileFieldsSchema = ProfileFields;
export type StoredCompanyProfile = z.infer<typeof ProfileFields>;

export const IkPointSchema = z.object({
  point: z.number().int().min(1).max(8),
  /** IK-f § 5 last paragraph: points 4–8 must be in writing. */
  written: z.boolean(),
  status: z.enum(['green', 'yellow', 'red', 'not-applicable']),
  title: TextSchema,
  evidence: z.array(TextSchema),
  missing: z.array(TextSchema),
  legalBasis: z.string(),
  link: z.string(),
});
export type IkPointDto = z.infer<typeof IkPointSchema>;

export const IkDashboardSchema = z.object({
  today: z.string(),
  profileSaved: z.boolean(),
  points: z.array(IkPointSchema),
  /** IK-f § 5 no. 1: the laws and regulations that apply, and why. */
  regelverk: z.array(
    z.object({ id: z.string(), title: TextSchema, short: z.string(), url: z.string(), why: TextSchema }),
  ),
});
export type IkDashboard = z.infer<typeof IkDashboardSchema>;
