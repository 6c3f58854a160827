/**
 * Virkedager (working days) for the sick-leave statistics: Monday to Friday except the Norwegian
 * official public holidays that fall on those days (NAV: «mandag til fredag
 * med unntak av offentlige fridager»). Helligdager follow lov om helligdager og helligdagsfred
 * (helligdagsfredloven) § 2; 1 and 17 May are offentlige høytidsdager (lov 26. april 1947 nr. 1 § 1).
 * Julaften, nyttårsaften, påskeaften, pinseaften, onsdag før skjærtorsdag and 8 May are not holidays.
 */
import { countWeekdays, type DayNumber, daysFromCivil, isWeekdayDayNumber } from '../calendar/index.ts';

/** Easter Sunday by the Gregorian computus ("anonymous Gregorian" algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

/**
 * The public holidays of a year, ascending, each once (17 May 2027 is also 2. pinsedag).
 * Første påskedag and første pinsedag are left out: they are always Sundays.
 */
export function publicHolidays(year: number): DayNumber[] {
  const easter = easterSunday(year);
  const days = [
    daysFromCivil(year, 1, 1), // 1. nyttårsdag (helligdagsfredloven § 2)
    easter - 3, // skjærtorsdag
    easter - 2, // langfredag
    easter + 1, // 2. påskedag
    daysFromCivil(year, 5, 1), // 1. mai (offentlig høytidsdag)
    easter + 39, // Kristi himmelfartsdag
    daysFromCivil(year, 5, 17), // 17. mai (offentlig høytidsdag)
    easter + 50, // 2. pinsedag
    daysFromCivil(year, 12, 25), // 1. juledag
    daysFromCivil(year, 12, 26), // 2. juledag
  ];
  return [...new Set(days)].sort((x, y) => x - y);
}

/**
 * Working days over a fixed range of days, answered by prefix sums: `count(from, to)` is O(1)
 * after an O(years) set-up. Days outside the range count as 0 (callers clamp to their blocks).
 */
export class Virkedager {
  readonly from: DayNumber;
  readonly to: DayNumber;
  /** The public holidays on Monday–Friday within the range, ascending. */
  readonly holidays: DayNumber[];

  constructor(from: DayNumber, to: DayNumber) {
    this.from = from;
    this.to = to;
    const fromYear = yearOf(from);
    const toYear = yearOf(to);
    const holidays: DayNumber[] = [];
    for (let y = fromYear; y <= toYear; y++) {
      for (const d of publicHolidays(y)) {
        if (d >= from && d <= to && isWeekdayDayNumber(d)) holidays.push(d);
      }
    }
    this.holidays = holidays;
  }

  /** Working days in `[a, b]` (0 when `b < a`), clamped to the range. */
  count(a: DayNumber, b: DayNumber): number {
    const lo = Math.max(a, this.from);
    const hi = Math.min(b, this.to);
    if (hi < lo) return 0;
    return countWeekdays(lo, hi) - (upperBound(this.holidays, hi) - lowerBound(this.holidays, lo));
  }

  /** The weekday holidays in `[a, b]`, ascending. */
  holidaysIn(a: DayNumber, b: DayNumber): DayNumber[] {
    return this.holidays.slice(lowerBound(this.holidays, a), upperBound(this.holidays, b));
  }
}

function yearOf(day: DayNumber): number {
  // 1970-01-01 is day 0; a civil year is at most 366 days, so step from an estimate.
  let y = 1970 + Math.floor(day / 365.2425);
  while (daysFromCivil(y, 1, 1) > day) y--;
  while (daysFromCivil(y + 1, 1, 1) <= day) y++;
  return y;
}

/** First index with `xs[i] >= v`. */
function lowerBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with `xs[i] > v`. */
function upperBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
