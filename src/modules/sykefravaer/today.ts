/**
 * The server's calendar day in Norway. Deadlines are calendar days in Norway (§11.3), so "today"
 * is the date in Europe/Oslo whatever the server's own time zone is. Only the HTTP layer and jobs
 * call this; the rule engine always gets `today` as a parameter.
 */
import type { IsoDate } from '../../domain/calendar/index.ts';

// 'sv-SE' formats dates as YYYY-MM-DD.
const osloDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in Europe/Oslo at `now`, as `YYYY-MM-DD`. */
export function todayInOslo(now: Date = new Date()): IsoDate {
  return osloDate.format(now);
}
