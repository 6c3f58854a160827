/**
 * Human formats of calendar dates: Norwegian `dd.mm.åååå`, Norwegian long form
 * (`søndag 2. februar 2025`) and English long form (`Sunday 2 February 2025`).
 */
import { civilFromDays, type DayNumber, type IsoDate, toDayNumber, weekdayOfDayNumber } from './calendar.ts';

const WEEKDAYS_NB = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'] as const;
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const MONTHS_NB = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
] as const;
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

// Small memo tables: the engine writes the same dates into millions of explanations.
const nbLongCache = new Map<DayNumber, string>();
const enLongCache = new Map<DayNumber, string>();
const CACHE_LIMIT = 100_000;

function remember(cache: Map<DayNumber, string>, key: DayNumber, value: string): string {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** `02.02.2025` */
export function formatNorwegianDayNumber(dayNumber: DayNumber): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${pad2(day)}.${pad2(month)}.${year}`;
}

/** `søndag 2. februar 2025` */
export function formatNorwegianLongDayNumber(dayNumber: DayNumber): string {
  const hit = nbLongCache.get(dayNumber);
  if (hit !== undefined) return hit;
  const { year, month, day } = civilFromDays(dayNumber);
  const wd = WEEKDAYS_NB[weekdayOfDayNumber(dayNumber) - 1];
  return remember(nbLongCache, dayNumber, `${wd} ${day}. ${MONTHS_NB[month - 1]} ${year}`);
}

/** `Sunday 2 February 2025` */
export function formatEnglishLongDayNumber(dayNumber: DayNumber): string {
  const hit = enLongCache.get(dayNumber);
  if (hit !== undefined) return hit;
  const { year, month, day } = civilFromDays(dayNumber);
  const wd = WEEKDAYS_EN[weekdayOfDayNumber(dayNumber) - 1];
  return remember(enLongCache, dayNumber, `${wd} ${day} ${MONTHS_EN[month - 1]} ${year}`);
}

/** `2025-02-02` → `02.02.2025` */
export function formatNorwegian(date: IsoDate): string {
  return formatNorwegianDayNumber(toDayNumber(date));
}

/** `2025-02-02` → `søndag 2. februar 2025` */
export function formatNorwegianLong(date: IsoDate): string {
  return formatNorwegianLongDayNumber(toDayNumber(date));
}

/** `2025-02-02` → `Sunday 2 February 2025` */
export function formatEnglishLong(date: IsoDate): string {
  return formatEnglishLongDayNumber(toDayNumber(date));
}
