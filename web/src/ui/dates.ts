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
  osloDateOf,
} from '../../../src/domain/calendar/index.ts';

export { addDays, diffDays };

/** Today in Norway, `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return osloDateOf(now);
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
