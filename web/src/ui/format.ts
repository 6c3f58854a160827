/**
 * How values are shown: dates `dd.mm.åååå` (one formatter for the whole app), the long form
 * (`mandag 2. mars 2026`) where a sentence reads better, timestamps in Norwegian time, organisation
 * numbers `923 609 016`. Calendar dates travel as ISO strings (`YYYY-MM-DD`) and never through a time zone.
 */
import {
  formatEnglishLong,
  formatNorwegian,
  formatNorwegianLong,
  isIsoDate,
} from '../../../src/domain/calendar/index.ts';
import { formatOrgnr } from '../../../src/domain/organisasjon/orgnr.ts';
import type { Locale } from '../i18n/types.ts';
import { todayIso } from './dates.ts';

export { formatOrgnr };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-03-02` (or a timestamp on that day) → `02.03.2026`; '' for nothing; anything odd as it is. */
export function formatDate(iso: string | null | undefined): string {
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
  if (ISO.test(ts)) return formatDate(ts);
  const at = new Date(ts);
  if (Number.isNaN(at.getTime())) return ts;
  const day = formatDate(todayIso(at));
  const time = timeFormat.format(at);
  return locale === 'en' ? `${day} at ${time}` : `${day} kl. ${time}`;
}

/** A local calendar day (as the date picker gives it) → `YYYY-MM-DD`, read in local time (no UTC shift). */
export function isoFromLocalDate(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** `YYYY-MM-DD` → a local Date at noon (noon keeps it on the same day across DST changes). */
export function localDateFromIso(iso: string | null | undefined): Date | undefined {
  if (!iso) return undefined;
  const m = ISO.exec(iso);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
}

/** A plain e-mail check for the browser; the server has the final word. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
