/**
 * Wire schemas of the sick-leave statistics (SSB's and NAV's definitions, ADR 0011).
 * The figures are `beregnStatistikk`'s output, limited to the caller's scope, plus the estimated
 * cost of each shown group. Pure: the web imports them too.
 */
import { z } from 'zod';
import { isQuarter } from '../../domain/statistikk/quarter.ts';
import { bilingual } from '../bilingual.ts';

/** The material's «about 17 000 kr per week of absence»: 17 000 / 5 working days (anbefalt, not law). */
export const DEFAULT_DAILY_COST = 3400;
export const DEFAULT_WEEKLY_COST = 17_000;
/** Quarters of history on the page (the line chart): two years. */
export const HISTORY_QUARTERS = 8;

export const QuarterSchema = z
  .string()
  .refine(
    isQuarter,
    bilingual(
      'Kvartalet skrives ÅÅÅÅKn, for eksempel 2025Q3 (år 2000–2099, kvartal 1–4).',
      'Write the quarter as YYYYQn, for example 2025Q3 (year 2000–2099, quarter 1–4).',
    ),
  );

export const StatistikkQuerySchema = z
  .object({
    quarter: QuarterSchema.optional(),
    /** One unit (with its subunits); an id the caller may not see answers 404, like any unknown id. */
    unitId: z.string().max(100, bilingual('Ukjent enhet.', 'Unknown unit.')).optional(),
  })
  .strict();

const Fem = z.object({
  total: z.number(),
  legemeldt: z.number(),
  egenmeldt: z.number(),
  korttid: z.number(),
  langtid: z.number(),
});
const ProsentFem = z.object({
  total: z.number().nullable(),
  legemeldt: z.number().nullable(),
  egenmeldt: z.number().nullable(),
  korttid: z.number().nullable(),
  langtid: z.number().nullable(),
});

const Shown = z
  .object({
    masked: z.literal(false),
    population: z.number().int(),
    highestQuarterPopulation: z.number().int().optional(),
    avtalteDagsverk: z.number(),
    tapteDagsverk: Fem,
    prosent: ProsentFem,
    /** tapteDagsverk.total × the daily cost, whole kroner (an estimate). */
    estimatedCost: z.number(),
  })
  .strict();
const Masked = z
  .object({ masked: z.literal(true), maskReason: z.enum(['population', 'complementary']) })
  .strict();
export const GroupFiguresSchema = z.discriminatedUnion('masked', [Shown, Masked]);
export type GroupFiguresView = z.infer<typeof GroupFiguresSchema>;

const UnitFigures = z.discriminatedUnion('masked', [
  Shown.extend({ unitId: z.string(), name: z.string(), parentId: z.string().nullable() }),
  Masked.extend({ unitId: z.string(), name: z.string(), parentId: z.string().nullable() }),
]);
export type UnitFiguresView = z.infer<typeof UnitFigures>;

const BlockFields = {
  start: z.string(),
  end: z.string(),
  workingDays: z.number().int(),
  holidays: z.array(z.string()),
  /** Null when the caller sees units only (a leader). */
  organisation: GroupFiguresSchema.nullable(),
  units: z.array(UnitFigures),
};

export const QuarterBlockSchema = z.object({
  quarter: z.string(),
  /** The quarter has not ended yet (foreløpig). */
  preliminary: z.boolean(),
  ...BlockFields,
});
export type QuarterBlockView = z.infer<typeof QuarterBlockSchema>;

export const StatistikkViewSchema = z.object({
  /** The selected (latest) quarter. */
  quarter: z.string(),
  /** The quarters that may be chosen: up to the current one. */
  choosableQuarters: z.array(z.string()),
  /** What the caller sees: the whole organisation, or some units (masked all the same). */
  scope: z.enum(['organisation', 'units']),
  minPersons: z.number().int(),
  dailyCost: z.object({ amount: z.number().int(), isDefault: z.boolean() }),
  quarters: z.array(QuarterBlockSchema),
  rolling: z.object({ quarters: z.array(z.string()), ...BlockFields }),
});
export type StatistikkView = z.infer<typeof StatistikkViewSchema>;

export const StatistikkSettingsInputSchema = z
  .object({
    /** Whole kroner per tapt dagsverk; null goes back to the default. */
    dailyCost: z
      .number(bilingual('Må være et tall.', 'Must be a number.'))
      .int(bilingual('Oppgi hele kroner.', 'Enter whole kroner.'))
      .min(1, bilingual('Må være minst 1 kr.', 'Must be at least NOK 1.'))
      .max(1_000_000, bilingual('Kan ikke være over 1 000 000 kr.', 'Cannot exceed NOK 1,000,000.'))
      .nullable(),
  })
  .strict();
export type StatistikkSettingsInput = z.infer<typeof StatistikkSettingsInputSchema>;

export const StatistikkSettingsSchema = z.object({
  dailyCost: z.object({ amount: z.number().int(), isDefault: z.boolean() }),
  defaultDailyCost: z.number().int(),
  defaultWeeklyCost: z.number().int(),
});
export type StatistikkSettingsView = z.infer<typeof StatistikkSettingsSchema>;

// ★ Oppfølging innen fristen (aml § 4-6 (3) and (4)): the share of oppfølgingsplaner and dialogmøter 1
// done by the deadline, masked like the rates.

const KpiShown = z
  .object({
    masked: z.literal(false),
    cases: z.number().int(),
    inTime: z.number().int(),
    late: z.number().int(),
    percent: z.number().nullable(),
  })
  .strict();
const KpiFiguresSchema = z.discriminatedUnion('masked', [KpiShown, Masked]);
export type KpiFiguresView = z.infer<typeof KpiFiguresSchema>;
const KpiUnit = z.discriminatedUnion('masked', [
  KpiShown.extend({ unitId: z.string(), name: z.string(), parentId: z.string().nullable() }),
  Masked.extend({ unitId: z.string(), name: z.string(), parentId: z.string().nullable() }),
]);
export type KpiUnitView = z.infer<typeof KpiUnit>;
const KpiGroups = z.object({
  /** Null when the caller sees units only (a leader). */
  organisation: KpiFiguresSchema.nullable(),
  units: z.array(KpiUnit),
});
export type KpiGroupsView = z.infer<typeof KpiGroups>;
const KpiBlock = {
  start: z.string(),
  end: z.string(),
  oppfolgingsplan: KpiGroups,
  dialogmote1: KpiGroups,
};

export const OppfolgingViewSchema = z.object({
  quarter: z.string(),
  scope: z.enum(['organisation', 'units']),
  minPersons: z.number().int(),
  /** The deadlines in weeks from the first day of the case (the rule engine's). */
  weeks: z.object({ oppfolgingsplan: z.number().int(), dialogmote1: z.number().int() }),
  quarters: z.array(z.object({ quarter: z.string(), ...KpiBlock })),
  rolling: z.object({ quarters: z.array(z.string()), ...KpiBlock }),
});
export type OppfolgingView = z.infer<typeof OppfolgingViewSchema>;

// Benchmark: NAV's published quarterly rates by næring and sektor, imported by HR (a CSV file) or
// fetched from a URL the operator configures. Never a number of our own.

export const BENCHMARK_KATEGORIER = ['naering', 'sektor', 'land'] as const;
export type BenchmarkKategori = (typeof BENCHMARK_KATEGORIER)[number];

export const BenchmarkQuerySchema = z
  .object({
    /** The statistics' quarter: the benchmark shown is the latest imported quarter up to it. */
    quarter: QuarterSchema.optional(),
  })
  .strict();

const BenchmarkSource = z.object({
  kind: z.enum(['fil', 'url']),
  /** The file name or the URL. */
  name: z.string(),
  importedAt: z.string(),
});

export const BenchmarkViewSchema = z.object({
  /** The quarter asked for (default: the last completed). */
  requestedQuarter: z.string(),
  /** The quarter of the figures shown, or null when nothing has been imported up to it. */
  quarter: z.string().nullable(),
  rows: z.array(
    z.object({
      kategori: z.enum(BENCHMARK_KATEGORIER),
      kode: z.string(),
      navn: z.string(),
      /** Per cent, as published (NAV: legemeldt sykefravær). */
      prosent: z.number(),
      source: BenchmarkSource,
    }),
  ),
});
export type BenchmarkView = z.infer<typeof BenchmarkViewSchema>;

export const BenchmarkImportResultSchema = z.object({
  importId: z.string(),
  rows: z.number().int(),
  quarters: z.array(z.string()),
});
export type BenchmarkImportResult = z.infer<typeof BenchmarkImportResultSchema>;
