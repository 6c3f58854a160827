/**
 * The one clock of the app: deadlines are Norwegian calendar days, so "today" is the date in
 * Europe/Oslo, whatever the server's time zone. Domain code never reads the clock: it gets
 * `today` as a parameter from here.
 */
import type { IsoDate } from '../domain/calendar/index.ts';

const osloDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Norway at `now`, `YYYY-MM-DD`. */
export function osloToday(now: Date = new Date()): IsoDate {
  return osloDate.format(now);
}

/** A source of "today" (tests pass a fixed one). */
export type Today = () => IsoDate;
