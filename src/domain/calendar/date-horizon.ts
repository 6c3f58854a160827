/**
 * How far ahead a date the user types may lie (product default). A date far in the future is almost
 * always a typing error (2099 for 2025) and would silently hide a deadline or a reminder for decades,
 * so it is refused with a message at the field instead of stored:
 *
 * - `evaluation` (oppfølgingsplanens evalueringsdato, aml § 4-6 (3)) and `reminder` (påminn meg):
 *   at most 2 years ahead — a follow-up runs at most about a year (folketrygdloven § 8-12), so two
 *   years is already generous;
 * - `employmentStart`: at most 1 year ahead — a contract is rarely signed earlier than that.
 *
 * Pure: "today" is passed in, the function never reads the clock.
 */
import { addMonths, parseIsoDate } from './calendar.ts';

export type HorizonField = 'evaluation' | 'reminder' | 'employmentStart';

/** Months ahead of today a date for `field` may be (inclusive). */
export const DATE_HORIZON_MONTHS: Readonly<Record<HorizonField, number>> = {
  evaluation: 24,
  reminder: 24,
  employmentStart: 12,
};

/** The last date allowed for `field` when today is `today` (`addMonths` clamps 29 Feb to 28 Feb). */
export function latestAllowedDate(field: HorizonField, today: string): string {
  return addMonths(today, DATE_HORIZON_MONTHS[field]);
}

/**
 * Whether `date` lies beyond the horizon of `field`. A date that is not a real `YYYY-MM-DD` date
 * is not "beyond" — the format check reports that one on its own.
 */
export function isBeyondHorizon(field: HorizonField, date: string, today: string): boolean {
  const day = parseIsoDate(date);
  const limit = parseIsoDate(latestAllowedDate(field, today));
  if (day === null || limit === null) return false;
  return day > limit;
}

/** The bilingual message at the field, naming the last allowed date as dd.mm.åååå. */
export function horizonMessage(field: HorizonField, today: string): { nb: string; en: string } {
  const [y, m, d] = latestAllowedDate(field, today).split('-');
  const shown = `${d}.${m}.${y}`;
  const years = DATE_HORIZON_MONTHS[field] / 12;
  const nbYears = years === 1 ? 'ett år' : `${years} år`;
  const enYears = years === 1 ? 'one year' : `${years} years`;
  return {
    nb: `Datoen kan ikke være mer enn ${nbYears} fram i tid (senest ${shown}).`,
    en: `The date cannot be more than ${enYears} ahead (${shown} at the latest).`,
  };
}
