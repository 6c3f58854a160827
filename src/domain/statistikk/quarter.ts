/**
 * Calendar quarters written `YYYYQn` (year 2000–2099, n 1–4). A quarter's
 * index is `year × 4 + n − 1`, so consecutive quarters have consecutive indexes. SSB and NAV publish
 * quarterly; a rolling figure sums the last four quarters (NAV: `antallKvartalerSomSkalSummeres = 4`).
 */
import { type DayNumber, daysFromCivil, fromDayNumber, type IsoDate } from '../calendar/index.ts';

export type QuarterString = string;

const QUARTER = /^(20\d\d)Q([1-4])$/;

/** The quarter's index, or null when the text is not `YYYYQn` with year 2000–2099. */
export function parseQuarter(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = QUARTER.exec(value);
  if (m === null) return null;
  return Number(m[1]) * 4 + Number(m[2]) - 1;
}

export function isQuarter(value: unknown): value is QuarterString {
  return parseQuarter(value) !== null;
}

export function quarterName(index: number): QuarterString {
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

/** First day of the quarter. */
export function quarterStart(index: number): DayNumber {
  return daysFromCivil(Math.floor(index / 4), (index % 4) * 3 + 1, 1);
}

/** Last day of the quarter. */
export function quarterEnd(index: number): DayNumber {
  return quarterStart(index + 1) - 1;
}

/** The quarter a date lies in. */
export function quarterOf(date: IsoDate): QuarterString {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${year}Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The quarter before (or `n` before) the given one. */
export function previousQuarter(quarter: QuarterString, n = 1): QuarterString {
  const index = parseQuarter(quarter);
  if (index === null) throw new RangeError(`not a quarter: ${quarter}`);
  return quarterName(index - n);
}

/** `n` consecutive quarters ending with `last`, ascending. */
export function quartersEndingWith(last: QuarterString, n: number): QuarterString[] {
  const index = parseQuarter(last);
  if (index === null) throw new RangeError(`not a quarter: ${last}`);
  const out: QuarterString[] = [];
  for (let i = index - n + 1; i <= index; i++) out.push(quarterName(i));
  return out;
}

export function quarterRange(quarter: QuarterString): { start: IsoDate; end: IsoDate } {
  const index = parseQuarter(quarter);
  if (index === null) throw new RangeError(`not a quarter: ${quarter}`);
  return { start: fromDayNumber(quarterStart(index)), end: fromDayNumber(quarterEnd(index)) };
}
