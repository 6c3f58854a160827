/**
 * Sykefraværsstatistikk by SSB's and NAV's definitions (ADR 0011; `naervaer statistikk`). Pure functions: no I/O,
 * no clock — the quarters are parameters.
 *
 * - `parseStatistikkInput(json)` → validated input or field-naming errors (nb/en)
 * - `beregnStatistikk(input)` → the quarters and the rolling four quarters, masked (k = 5)
 */
export { type AbsenceRun, absenceRuns, KORTTID_MAKS_DAGER } from './absence.ts';
export { compareCodePoints, type MaskingTree, type MaskState, MIN_PERSONS, maskGroups } from './masking.ts';
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
export { beregnStatistikk, percent } from './statistikk.ts';
export * from './types.ts';
export { publicHolidays, Virkedager } from './virkedager.ts';
