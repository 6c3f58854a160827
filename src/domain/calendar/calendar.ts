/**
 * A tiny date-only calendar. Calendar dates are ISO `YYYY-MM-DD` strings at every boundary and
 * integer day numbers (days since 1970-01-01, proleptic Gregorian) inside. No `Date`, no time zone,
 * no `node:` imports: the server, the CLI and the browser share this module.
 *
 * The conversions use Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms
 * (http://howardhinnant.github.io/date_algorithms.html), which are exact for every year.
 */

/** An ISO calendar date `YYYY-MM-DD`. */
export type IsoDate = string;
/** Days since 1970-01-01 (day 0 is Thursday 1 January 1970). */
export type DayNumber = number;

/** Monday = 1 … Sunday = 7 (ISO 8601). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** Day number of a civil date (no validation: month 1–12 and day 1–31 are assumed). */
export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number. */
export function civilFromDays(dayNumber: DayNumber): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Strict parse of `YYYY-MM-DD` (exactly 10 characters, a real calendar day, year 0001–9999).
 * Returns the day number, or `null` for anything else (`2025-02-30`, `2025-1-5`, `2025-01-05T00:00`).
 * Written with `charCodeAt` because the engine parses millions of dates.
 */
export function parseIsoDate(value: unknown): DayNumber | null {
  if (typeof value !== 'string' || value.length !== 10) return null;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const y0 = digit(value, 0);
  const y1 = digit(value, 1);
  const y2 = digit(value, 2);
  const y3 = digit(value, 3);
  const m0 = digit(value, 5);
  const m1 = digit(value, 6);
  const d0 = digit(value, 8);
  const d1 = digit(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // daysFromCivil for years ≥ 1, with integer truncation instead of Math.floor (all terms ≥ 0).
  const y = month <= 2 ? year - 1 : year;
  const era = (y / 400) | 0;
  const yoe = y - era * 400;
  const doy = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  return era * 146097 + yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy - 719468;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return parseIsoDate(value) !== null;
}

/** Day number of an ISO date; throws `RangeError` on anything that is not a strict ISO date. */
export function toDayNumber(date: IsoDate): DayNumber {
  const n = parseIsoDate(date);
  if (n === null) throw new RangeError(`Ugyldig dato / invalid date: ${JSON.stringify(date)}`);
  return n;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function pad4(n: number): string {
  if (n >= 1000) return `${n}`;
  if (n >= 100) return `0${n}`;
  if (n >= 10) return `00${n}`;
  return `000${n}`;
}

// Memo of ISO strings for day numbers 1900-01-01 … 2199-12-31: the engine formats the same few
// thousand dates millions of times. Filled lazily; a pure cache, so the functions stay pure.
const CACHE_FIRST = daysFromCivil(1900, 1, 1);
const CACHE_SIZE = daysFromCivil(2200, 1, 1) - CACHE_FIRST;
const isoCache: (string | undefined)[] = new Array<string | undefined>(CACHE_SIZE);

function formatIso(dayNumber: DayNumber): IsoDate {
  const { year, month, day } = civilFromDays(dayNumber);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Dato utenfor år 0001–9999 / date outside years 0001–9999: day ${dayNumber}`);
  }
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** ISO date of a day number. */
export function fromDayNumber(dayNumber: DayNumber): IsoDate {
  const i = dayNumber - CACHE_FIRST;
  if (i >= 0 && i < CACHE_SIZE) {
    const hit = isoCache[i];
    if (hit !== undefined) return hit;
    const iso = formatIso(dayNumber);
    isoCache[i] = iso;
    return iso;
  }
  return formatIso(dayNumber);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** `later − earlier` in days (`diffDays('2025-01-07', '2025-01-06') === 1`). */
export function diffDays(later: IsoDate, earlier: IsoDate): number {
  return toDayNumber(later) - toDayNumber(earlier);
}

/**
 * Adds calendar months; when the target month is shorter, the day is clamped to its last day
 * (`2025-01-31` + 1 month = `2025-02-28`, `2024-02-29` + 12 months = `2025-02-28`).
 */
export function addMonthsToDayNumber(dayNumber: DayNumber, months: number): DayNumber {
  const { year, month, day } = civilFromDays(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  return fromDayNumber(addMonthsToDayNumber(toDayNumber(date), months));
}

/** ISO weekday of a day number: Monday = 1 … Sunday = 7 (day 0, 1970-01-01, is a Thursday). */
export function weekdayOfDayNumber(dayNumber: DayNumber): Weekday {
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as Weekday;
}

export function weekday(date: IsoDate): Weekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** Monday–Friday. Public holidays are not known here (and sykepengedager do not skip them). */
export function isWeekdayDayNumber(dayNumber: DayNumber): boolean {
  return weekdayOfDayNumber(dayNumber) <= 5;
}

export function isWeekday(date: IsoDate): boolean {
  return isWeekdayDayNumber(toDayNumber(date));
}

/** Number of Monday–Friday days in `[from, to]` (0 when `to < from`). Arithmetic, no loop. */
export function countWeekdays(from: DayNumber, to: DayNumber): number {
  if (to < from) return 0;
  // Count weekdays in [epochMonday, x) for x, then subtract.
  return weekdaysBefore(to + 1) - weekdaysBefore(from);
}

// 1969-12-29 (day −3) is a Monday; weekdays in [that Monday, day).
function weekdaysBefore(dayNumber: DayNumber): number {
  const offset = dayNumber + 3;
  const weeks = Math.floor(offset / 7);
  const rest = offset - weeks * 7;
  return weeks * 5 + Math.min(rest, 5);
}

/**
 * The day of the `n`-th Monday–Friday day on or after `from` (`n ≥ 1`).
 * `nthWeekdayFrom(friday, 1) === friday`, `nthWeekdayFrom(saturday, 1) === monday`.
 */
export function nthWeekdayFrom(from: DayNumber, n: number): DayNumber {
  if (n < 1) throw new RangeError('n must be ≥ 1');
  const target = weekdaysBefore(from) + n - 1; // index of the wanted weekday in the weekday sequence
  const weeks = Math.floor(target / 5);
  const rest = target - weeks * 5;
  return weeks * 7 + rest - 3;
}

/** The last Monday–Friday day strictly before `dayNumber`. */
export function previousWeekdayBefore(dayNumber: DayNumber): DayNumber {
  let d = dayNumber - 1;
  while (!isWeekdayDayNumber(d)) d--;
  return d;
}
