/**
 * Human formats of calendar dates: Norwegian `dd.mm.åååå`, Norwegian long form
 * (`søndag 2. februar 2025`) and English long form (`Sunday 2 February 2025`).
 */
import {
  civilFromDays,
  type DayNumber,
  daysFromCivil,
  type IsoDate,
  toDayNumber,
  weekdayOfDayNumber,
} from './calendar.ts';

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

// Memo tables indexed by day number (1900 … 2199): the engine writes the same few thousand dates
// into millions of explanations. Filled lazily; a pure cache.
const CACHE_FIRST = daysFromCivil(1900, 1, 1);
const CACHE_SIZE = daysFromCivil(2200, 1, 1) - CACHE_FIRST;
const nbLongCache: (string | undefined)[] = new Array<string | undefined>(CACHE_SIZE);
const enLongCache: (string | undefined)[] = new Array<string | undefined>(CACHE_SIZE);

/** `02.02.2025` */
export function formatNorwegianDayNumber(dayNumber: DayNumber): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${pad2(day)}.${pad2(month)}.${year}`;
}

/** `søndag 2. februar 2025` */
export function formatNorwegianLongDayNumber(dayNumber: DayNumber): string {
  const i = dayNumber - CACHE_FIRST;
  const hit = nbLongCache[i];
  if (hit !== undefined) return hit;
  const { year, month, day } = civilFromDays(dayNumber);
  const wd = WEEKDAYS_NB[weekdayOfDayNumber(dayNumber) - 1];
  const text = `${wd} ${day}. ${MONTHS_NB[month - 1]} ${year}`;
  if (i >= 0 && i < CACHE_SIZE) nbLongCache[i] = text;
  return text;
}

/** `Sunday 2 February 2025` */
export function formatEnglishLongDayNumber(dayNumber: DayNumber): string {
  const i = dayNumber - CACHE_FIRST;
  const hit = enLongCache[i];
  if (hit !== undefined) return hit;
  const { year, month, day } = civilFromDays(dayNumber);
  const wd = WEEKDAYS_EN[weekdayOfDayNumber(dayNumber) - 1];
  const text = `${wd} ${day} ${MONTHS_EN[month - 1]} ${year}`;
  if (i >= 0 && i < CACHE_SIZE) enLongCache[i] = text;
  return text;
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
