/**
 * Dates in the sick-leave pages: `dd.mm.åååå` everywhere, the long form (`mandag 2. mars 2026`)
 * where a sentence reads better, and "today" as the calendar day in Norway (deadlines are
 * calendar days in Norway, as on the server). Uses the browser-safe calendar of the rule engine.
 */
import {
  addDays,
  diffDays,
  formatEnglishLong,
  formatNorwegian,
  formatNorwegianLong,
  isIsoDate,
} from '../../../../src/domain/calendar/index.ts';
import type { Locale } from '../../i18n/types.ts';

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

/** `2026-03-02` → `02.03.2026` ('' for nothing; anything odd is shown as it is). */
export function dmy(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = iso.slice(0, 10);
  return isIsoDate(d) ? formatNorwegian(d) : iso;
}

/** `mandag 2. mars 2026` / `Monday 2 March 2026`. */
export function longDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const d = iso.slice(0, 10);
  if (!isIsoDate(d)) return iso;
  return locale === 'en' ? formatEnglishLong(d) : formatNorwegianLong(d);
}

const timeFormat = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  hour: '2-digit',
  minute: '2-digit',
});

/** A timestamp → `02.03.2026 kl. 14:05` / `02.03.2026 at 14:05` (Norwegian time). */
export function dateTime(ts: string | null | undefined, locale: Locale): string {
  if (!ts) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(ts)) return dmy(ts);
  const at = new Date(ts);
  if (Number.isNaN(at.getTime())) return ts;
  const day = dmy(todayIso(at));
  const time = timeFormat.format(at);
  return locale === 'en' ? `${day} at ${time}` : `${day} kl. ${time}`;
}

/** Calendar days from `start` to `end`, both included. */
export function daysInclusive(start: string, end: string): number {
  return diffDays(end, start) + 1;
}
