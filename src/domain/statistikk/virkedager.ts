/**
 * Virkedager (working days) for the sick-leave statistics: Monday to Friday except the Norwegian
 * official public holidays that fall on those days (NAV: «mandag til fredag
 * med unntak av offentlige fridager»). Helligdager follow lov om helligdager og helligdagsfred
 * (helligdagsfredloven) § 2; 1 and 17 May are offentlige høytidsdager (lov 26. april 1947 nr. 1 § 1).
 * Julaften, nyttårsaften, påskeaften, pinseaften, onsdag før skjærtorsdag and 8 May are not holidays.
 */
import {
  countWeekdays,
  type DayNumber,
  daysFromCivil,
  easterSunday,
  helligdager,
  isWeekdayDayNumber,
  toDayNumber,
} from '../calendar/index.ts';

/**
 * The public holidays of a year, ascending, each once (17 May 2027 is also 2. pinsedag), from the
 * one list of Norwegian holidays (`helligdager`). Første påskedag and første pinsedag are left
 * out: they are always Sundays.
 */
export function publicHolidays(year: number): DayNumber[] {
  const easter = toDayNumber(easterSunday(year));
  const days = helligdager(year)
    .map((h) => toDayNumber(h.date))
    .filter((d) => d !== easter && d !== easter + 49);
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
