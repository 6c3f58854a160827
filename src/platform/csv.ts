/**
 * CSV for every export (statistics, registers, lists): RFC 4180 quoting, `;` as the separator
 * Norwegian Excel expects, a BOM so Excel reads UTF-8 (æøå), and **formula neutralisation**: a
 * cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so a
 * spreadsheet shows it as text instead of running it (CSV injection, OWASP). Numbers are written
 * as numbers, with a decimal comma.
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: CsvValue, separator = ';'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nei';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: a header row and the rows, CRLF line ends, with a UTF-8 BOM. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  separator = ';',
): string {
  const line = (cells: readonly CsvValue[]) => cells.map((c) => csvCell(c, separator)).join(separator);
  return `\uFEFF${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}
