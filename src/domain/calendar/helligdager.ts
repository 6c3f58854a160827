/**
 * Norwegian public holidays and working days. Pure, browser-safe; dates are `'YYYY-MM-DD'`.
 *
 * - Helligdager (lov om helligdager og helligdagsfred § 2): 1. nyttårsdag, skjærtorsdag, langfredag,
 *   1. og 2. påskedag, Kristi himmelfartsdag (39 days after Easter Sunday), 1. og 2. pinsedag
 *   (49 and 50 days after), 1. og 2. juledag, and every Sunday.
 * - Offentlige høytidsdager (lov om 1. og 17. mai som offentlige høgtidsdager § 1): 1 May and 17 May.
 *
 * A working day is Monday–Friday that is none of these. Christmas Eve and New Year's Eve are not
 * holidays in law (many workplaces close; a product deadline counts them as working days).
 */
import { addDays, type IsoDate, isWeekday } from './calendar.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number): IsoDate => `${year}-${pad(month)}-${pad(day)}`;

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, «Meeus/Jones/Butcher»). */
export function easterSunday(year: number): IsoDate {
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
  return iso(year, month, day);
}

export type Helligdag = { date: IsoDate; name: string };

const cache = new Map<number, readonly Helligdag[]>();

/** The public holidays of one year that fall on a fixed date or on Easter, in date order (not the plain Sundays). */
export function helligdager(year: number): readonly Helligdag[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const easter = easterSunday(year);
  const list: Helligdag[] = [
    // helligdagsloven § 2
    { date: iso(year, 1, 1), name: '1. nyttårsdag' },
    { date: addDays(easter, -3), name: 'Skjærtorsdag' },
    { date: addDays(easter, -2), name: 'Langfredag' },
    { date: easter, name: '1. påskedag' },
    { date: addDays(easter, 1), name: '2. påskedag' },
    // lov om 1. og 17. mai § 1
    { date: iso(year, 5, 1), name: 'Offentlig høytidsdag (1. mai)' },
    { date: iso(year, 5, 17), name: 'Grunnlovsdag (17. mai)' },
    // helligdagsloven § 2
    { date: addDays(easter, 39), name: 'Kristi himmelfartsdag' },
    { date: addDays(easter, 49), name: '1. pinsedag' },
    { date: addDays(easter, 50), name: '2. pinsedag' },
    { date: iso(year, 12, 25), name: '1. juledag' },
    { date: iso(year, 12, 26), name: '2. juledag' },
  ];
  list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  cache.set(year, list);
  return list;
}

/** The holiday's name, or null. Sundays are holidays too (helligdagsloven § 2) but have no name here. */
export function helligdagOn(date: IsoDate): Helligdag | null {
  const year = Number(date.slice(0, 4));
  return helligdager(year).find((h) => h.date === date) ?? null;
}

/** Monday–Friday and no public holiday (helligdagsloven § 2; lov om 1. og 17. mai § 1). */
export function isWorkingDay(date: IsoDate): boolean {
  return isWeekday(date) && helligdagOn(date) === null;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  let day = addDays(date, 1);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
