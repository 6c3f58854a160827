/**
 * Sykefraværsstatistikk by SSB's and NAV's definitions (ADR 0011; `naervaer statistikk`). Pure functions: no I/O,
 * no clock — the quarters are parameters.
 *
 * - `parseStatistikkInput(json)` → validated input or field-naming errors (nb/en)
 * - `beregnStatistikk(input)` → the quarters and the rolling four quarters, masked (k = 5)
 * - `beregnOppfolging(input)` → ★ oppfølgingsplan / dialogmøte 1 done by the deadline, masked (k = 5)
 */

export { type AbsenceRun, absenceRuns, KORTTID_MAKS_DAGER } from './absence.ts';
export {
  BENCHMARK_MAX_ROWS,
  type BenchmarkCsvError,
  type BenchmarkCsvResult,
  type BenchmarkRow,
  parseBenchmarkCsv,
} from './benchmark-csv.ts';
export { compareCodePoints, type MaskingTree, type MaskState, MIN_PERSONS, maskGroups } from './masking.ts';
export {
  beregnOppfolging,
  decidedCases,
  type KpiFigures,
  type KpiGroups,
  type KpiShown,
  type KpiUnitFigures,
  OPPFOLGING_KEYS,
  OPPFOLGING_UKER,
  type OppfolgingBlock,
  type OppfolgingEmployee,
  type OppfolgingInput,
  type OppfolgingKey,
  type OppfolgingOutput,
  type OppfolgingRecord,
} from './oppfolging.ts';
export {
  isQuarter,
  parseQuarter,
  previousQuarter,
  quarterEnd,
  quarterName,
  quarterOf,
  quarterRange,
  quarterStart,
  quartersEndingWith,
} from './quarter.ts';
export { parseStatistikkInput, type StatistikkParseResult, statistikkInputSchema } from './schema.ts';
export {
  beregnStatistikk,
  emptySums,
  fravaerPerKvartal,
  groupChains,
  type LostSums,
  maskingTree,
  percent,
  type QuarterContribution,
  quarterIndexOfDay,
  type StatistikkSummer,
  type Sums,
  statistikkFraSummer,
} from './statistikk.ts';
export * from './types.ts';
export { publicHolidays, Virkedager } from './virkedager.ts';
