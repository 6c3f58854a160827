/**
 * Calendar days as the web app counts them: "today" is the calendar day in Norway (deadlines are
 * calendar days in Norway, as on the server), with the browser-safe calendar of the rule engine.
 */
import {
  addDays,
  diffDays,
  type HorizonField,
  horizonMessage,
  isBeyondHorizon,
} from '../../../src/domain/calendar/index.ts';

export { addDays, diffDays };

const osloDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Norway, `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return osloDate.format(now);
}

/** Calendar days from `start` to `end`, both included. */
export function daysInclusive(start: string, end: string): number {
  return diffDays(end, start) + 1;
}

/**
 * The message for a date beyond the product's horizon for `field` (the same pure rule the server's
 * schema applies), or undefined when the date is within it.
 */
export function horizonError(field: HorizonField, date: string, locale: 'nb' | 'en'): string | undefined {
  const today = todayIso();
  return isBeyondHorizon(field, date, today) ? horizonMessage(field, today)[locale] : undefined;
}
