/**
 * The one clock of the app: deadlines are Norwegian calendar days, so "today" is the date in
 * Europe/Oslo, whatever the server's time zone. Domain code never reads the clock: it gets
 * `today` as a parameter from here.
 */
import { type IsoDate, osloDateOf } from '../domain/calendar/index.ts';

/** The calendar day in Norway at `now`, `YYYY-MM-DD`. */
export function osloToday(now: Date = new Date()): IsoDate {
  return osloDateOf(now);
}

/** A source of "today" (tests pass a fixed one). */
export type Today = () => IsoDate;
