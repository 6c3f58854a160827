/** Number and quarter formats of the statistics page (Norwegian: decimal comma, space thousands). */
import type { Locale } from '../../i18n/types.ts';

const tag = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'nb-NO');

/** `8,1 %` / `8.1 %`; one decimal, as the statistics are rounded. */
export function formatPercent(value: number | null, locale: Locale): string {
  if (value === null) return '–';
  return `${new Intl.NumberFormat(tag(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} %`;
}

/** A published rate as published: one or two decimals (`7,25 %`, `6,1 %`). */
export function formatPublished(value: number, locale: Locale): string {
  return `${new Intl.NumberFormat(tag(locale), { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value)} %`;
}

/** Dagsverk for display: one decimal (the API gives the exact value). */
export function formatDagsverk(value: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value,
  );
}

export function formatKroner(value: number, locale: Locale): string {
  const n = new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 0 }).format(value);
  return locale === 'en' ? `NOK ${n}` : `${n} kr`;
}

/** `2025Q3` → `3. kvartal 2025` / `Q3 2025`. */
export function formatQuarter(quarter: string, locale: Locale): string {
  const year = quarter.slice(0, 4);
  const n = quarter.slice(5);
  return locale === 'en' ? `Q${n} ${year}` : `${n}. kvartal ${year}`;
}

/** Short form for chart axes: `3. kv. 2025` / `Q3 2025`. */
export function shortQuarter(quarter: string, locale: Locale): string {
  const year = quarter.slice(0, 4);
  const n = quarter.slice(5);
  return locale === 'en' ? `Q${n} ${year}` : `${n}. kv. ${year}`;
}
