/**
 * NAV's published sick-leave rates by næring and sektor, as a CSV file HR downloads (or an operator's
 * URL serves): parsed strictly for content, leniently for form. Pure: the text in, rows or the first
 * error (naming the line) out. Nothing here is a number of our own (hms-rules: benchmarks only from
 * NAV's published statistics, with the quarter named — a product decision, not law).
 *
 * The columns, found by the header line in any order (other columns are ignored):
 *   kvartal  — 2025Q2, 2025K2, 2025-Q2, «2. kvartal 2025»
 *   kategori — næring, sektor or land (hele landet); English industry, sector, country too
 *   kode     — NAV's code for the næring or sektor (e.g. 86, Q, 3); for land it may be empty
 *   navn     — the name as NAV publishes it
 *   prosent  — the rate in per cent, 0–100, at most two decimals, decimal comma or point, «%» allowed
 * Separator `;`, `,` or tab (the one the header line uses most); fields may be quoted ("…", "" inside);
 * a UTF-8 byte-order mark is ignored; empty lines are skipped.
 */
import { isQuarter } from './quarter.ts';

export type BenchmarkKategori = 'naering' | 'sektor' | 'land';

export interface BenchmarkRow {
  quarter: string;
  kategori: BenchmarkKategori;
  kode: string;
  navn: string;
  /** Hundredths of a per cent (6,45 % → 645). */
  hundredths: number;
}

export interface BenchmarkCsvError {
  /** 1-based line of the file. */
  line: number;
  nb: string;
  en: string;
}

export type BenchmarkCsvResult = { ok: true; rows: BenchmarkRow[] } | { ok: false; error: BenchmarkCsvError };

export const BENCHMARK_MAX_ROWS = 5000;

const COLUMNS = {
  kvartal: ['kvartal', 'quarter', 'periode'],
  kategori: ['kategori', 'category', 'type', 'gruppe'],
  kode: ['kode', 'code', 'naeringskode', 'sektorkode'],
  navn: ['navn', 'name', 'beskrivelse'],
  prosent: ['prosent', 'sykefravaersprosent', 'sykefravaer', 'percent', 'rate'],
} as const;
type Column = keyof typeof COLUMNS;

const fold = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]/g, '');

function splitLine(line: string, separator: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) return null; // an unclosed quote
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += line[i];
        i++;
      }
      while (i < line.length && line[i] !== separator) {
        if ((line[i] as string).trim() !== '') return null; // text after a closing quote
        i++;
      }
      out.push(value);
    } else {
      const next = line.indexOf(separator, i);
      out.push(next === -1 ? line.slice(i) : line.slice(i, next));
      i = next === -1 ? line.length : next;
    }
    if (i >= line.length) return out;
    i++; // the separator
    if (i === line.length) {
      out.push('');
      return out;
    }
  }
}

function quarterOf(raw: string): string | null {
  const s = raw.trim().toUpperCase();
  const a = /^(\d{4})\s*-?\s*[QK]\s*([1-4])$/.exec(s);
  const b = /^([1-4])\.?\s*KVARTAL\s*(\d{4})$/.exec(s);
  const q = a ? `${a[1]}Q${a[2]}` : b ? `${b[2]}Q${b[1]}` : null;
  return q !== null && isQuarter(q) ? q : null;
}

function kategoriOf(raw: string): BenchmarkKategori | null {
  const s = fold(raw);
  if (s === 'naering' || s === 'industry' || s === 'naeringsgruppe') return 'naering';
  if (s === 'sektor' || s === 'sector') return 'sektor';
  if (s === 'land' || s === 'helelandet' || s === 'country' || s === 'norge') return 'land';
  return null;
}

function hundredthsOf(raw: string): number | null {
  const s = raw.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return null;
  const [whole, fraction = ''] = s.split('.');
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return value <= 10_000 ? value : null;
}

const fail = (line: number, nb: string, en: string): BenchmarkCsvResult => ({
  ok: false,
  error: { line, nb: `Linje ${line}: ${nb}`, en: `Line ${line}: ${en}` },
});

export function parseBenchmarkCsv(text: string): BenchmarkCsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex === -1) return fail(1, 'filen er tom.', 'the file is empty.');
  const header = lines[headerIndex] as string;
  const counts = [';', '\t', ','].map((sep) => ({ sep, n: header.split(sep).length - 1 }));
  const separator = counts.reduce((best, c) => (c.n > best.n ? c : best)).sep;
  const names = splitLine(header, separator)?.map(fold) ?? [];
  const at = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const index = names.findIndex((n) => (COLUMNS[column] as readonly string[]).includes(n));
    if (index === -1) missing.push(column);
    at[column] = index;
  }
  if (missing.length > 0) {
    return fail(
      headerIndex + 1,
      `overskriftslinjen mangler kolonnen ${missing.join(', ')} (kolonnene er kvartal, kategori, kode, navn, prosent).`,
      `the header line lacks the column ${missing.join(', ')} (the columns are kvartal, kategori, kode, navn, prosent).`,
    );
  }
  const rows: BenchmarkRow[] = [];
  const seen = new Map<string, number>();
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === '') continue;
    const line = i + 1;
    if (rows.length >= BENCHMARK_MAX_ROWS) {
      return fail(
        line,
        `filen har mer enn ${BENCHMARK_MAX_ROWS} rader.`,
        `the file has more than ${BENCHMARK_MAX_ROWS} rows.`,
      );
    }
    const cells = splitLine(raw, separator);
    if (cells === null)
      return fail(line, 'et anførselstegn er ikke lukket.', 'a quotation mark is not closed.');
    const cell = (c: Column) => (cells[at[c]] ?? '').trim();
    const quarter = quarterOf(cell('kvartal'));
    if (quarter === null) {
      return fail(
        line,
        `kvartal «${cell('kvartal')}» må skrives ÅÅÅÅKn, for eksempel 2025K2.`,
        `quarter "${cell('kvartal')}" must be written YYYYQn, for example 2025Q2.`,
      );
    }
    const kategori = kategoriOf(cell('kategori'));
    if (kategori === null) {
      return fail(
        line,
        `kategori «${cell('kategori')}» må være næring, sektor eller land.`,
        `category "${cell('kategori')}" must be næring (industry), sektor (sector) or land (country).`,
      );
    }
    const kode = cell('kode') === '' && kategori === 'land' ? 'alle' : cell('kode');
    if (kode === '' || kode.length > 20) {
      return fail(line, 'kode må fylles ut (høyst 20 tegn).', 'code is required (at most 20 characters).');
    }
    const navn = cell('navn');
    if (navn === '' || navn.length > 200) {
      return fail(line, 'navn må fylles ut (høyst 200 tegn).', 'name is required (at most 200 characters).');
    }
    const hundredths = hundredthsOf(cell('prosent'));
    if (hundredths === null) {
      return fail(
        line,
        `prosent «${cell('prosent')}» må være et tall fra 0 til 100 med høyst to desimaler.`,
        `percent "${cell('prosent')}" must be a number from 0 to 100 with at most two decimals.`,
      );
    }
    const key = `${quarter}|${kategori}|${kode}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return fail(
        line,
        `${quarter} ${kode} står allerede på linje ${earlier}.`,
        `${quarter} ${kode} is already on line ${earlier}.`,
      );
    }
    seen.set(key, line);
    rows.push({ quarter, kategori, kode, navn, hundredths });
  }
  if (rows.length === 0) return fail(headerIndex + 2, 'filen har ingen rader.', 'the file has no rows.');
  return { ok: true, rows };
}
