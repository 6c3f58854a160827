/**
 * How values are shown: dates `dd.mm.åååå`, organisation numbers `923 609 016`.
 * Calendar dates travel as ISO strings (`YYYY-MM-DD`) and never through a time zone.
 */
import { formatOrgnr } from '../../../src/domain/organisasjon/orgnr.ts';

export { formatOrgnr };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2025-03-01` → `01.03.2025`; anything else is shown as it is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
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
