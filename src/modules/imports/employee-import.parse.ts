/**
 * Reading an uploaded employee file into rows of raw text cells — no database, no clock.
 *
 * CSV: `;`, `,` or tab separated (Norwegian Excel saves CSV with `;`), UTF-8 with or without BOM,
 * UTF-16 with BOM (Excel's «Unicode-tekst»), and Windows-1252/latin1 when the bytes are not valid
 * UTF-8, so æøå survive whatever Excel on Windows wrote. XLSX: the first worksheet, streamed with
 * exceljs in a worker thread (`xlsx-reader.ts`: row limit, unpacked-size cap, time limit); date cells become `YYYY-MM-DD` from their calendar parts (no time-zone shift), numbers
 * become text, percent-formatted numbers (0,8 shown as 80 %) become `80 %`.
 *
 * Each row carries its `line`: the row number a person sees in their spreadsheet (header = 1),
 * counting blank rows, which are skipped.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';
import { DEFAULT_XLSX_LIMITS, readXlsxRows } from './xlsx-reader.ts';

export type SheetRow = { line: number; cells: string[] };
export type ImportFormat = 'csv' | 'xlsx';
/** The non-blank rows of the file, in order; the first is the header row. */
export type ParsedFile = { format: ImportFormat; rows: SheetRow[] };
export type UploadedFile = { data: Buffer; filename: string; mimetype: string };

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_MIMES = new Set([
  'text/csv',
  'text/plain',
  'application/csv',
  'text/comma-separated-values',
  'text/x-csv',
]);

const unsupportedType = () =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', {
    nb: 'Filtypen støttes ikke. Last opp en CSV-fil (.csv) eller et Excel-regneark (.xlsx).',
    en: 'This file type is not supported. Upload a CSV file (.csv) or an Excel workbook (.xlsx).',
  });

const oldExcel = () =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', {
    nb: 'Gamle Excel-filer (.xls) støttes ikke. Lagre regnearket som .xlsx eller CSV og prøv igjen.',
    en: 'Old Excel files (.xls) are not supported. Save the workbook as .xlsx or CSV and try again.',
  });

const emptyFile = () =>
  new AppError('BAD_REQUEST', {
    nb: 'Filen er tom.',
    en: 'The file is empty.',
  });

const unreadableXlsx = () =>
  new AppError('BAD_REQUEST', {
    nb: 'Filen kunne ikke leses som et Excel-regneark (.xlsx). Kontroller at den ikke er skadet eller passordbeskyttet.',
    en: 'The file could not be read as an Excel workbook (.xlsx). Check that it is not damaged or password-protected.',
  });

const unreadableCsv = (detail?: { line: number }) =>
  new AppError('BAD_REQUEST', {
    nb: `Filen kunne ikke leses som CSV${detail ? ` (feil rundt linje ${detail.line}, ofte et anførselstegn som ikke er lukket)` : ''}.`,
    en: `The file could not be read as CSV${detail ? ` (error near line ${detail.line}, often an unclosed quote)` : ''}.`,
  });

const startsWith = (data: Buffer, bytes: number[]) => bytes.every((b, i) => data[i] === b);
const isZip = (data: Buffer) => startsWith(data, [0x50, 0x4b, 0x03, 0x04]);
const isOle = (data: Buffer) => startsWith(data, [0xd0, 0xcf, 0x11, 0xe0]);

/** Decides CSV or XLSX from the file name, then the declared type, then the first bytes. */
export function detectFormat(file: UploadedFile): ImportFormat {
  const name = file.filename.toLowerCase().trim();
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  const mime = file.mimetype.toLowerCase().split(';')[0]?.trim() ?? '';
  if (ext === 'xls' || isOle(file.data)) throw oldExcel();
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'csv' || ext === 'txt') return isZip(file.data) ? 'xlsx' : 'csv';
  if (ext !== '') throw unsupportedType();
  if (mime === XLSX_MIME) return 'xlsx';
  if (CSV_MIMES.has(mime)) return 'csv';
  // Windows labels CSV files application/vnd.ms-excel; a browser may send octet-stream: look at the bytes.
  if (mime === 'application/vnd.ms-excel' || mime === 'application/octet-stream' || mime === '') {
    return isZip(file.data) ? 'xlsx' : 'csv';
  }
  throw unsupportedType();
}

/** Employee rows in one import (the header row not counted). */
export const MAX_IMPORT_ROWS = 5000;

/**
 * Reads an uploaded file into its non-blank rows (header first). Throws a 400/413/415 AppError if
 * it cannot. An .xlsx is read in a worker thread and only up to `maxDataRows` (+ header) rows.
 */
export async function parseImportFile(
  file: UploadedFile,
  maxDataRows: number = MAX_IMPORT_ROWS,
): Promise<ParsedFile> {
  if (file.data.length === 0) throw emptyFile();
  const format = detectFormat(file);
  const rows = format === 'xlsx' ? await readXlsx(file.data, maxDataRows) : readCsv(file.data);
  if (rows.length === 0) throw emptyFile();
  return { format, rows };
}

// ---------------------------------------------------------------------------------------------
// CSV

/** Decodes the bytes of a text file: BOM-marked UTF-8/UTF-16, else UTF-8, else Windows-1252. */
export function decodeText(data: Buffer): string {
  if (startsWith(data, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(data.subarray(3));
  if (startsWith(data, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (startsWith(data, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(data.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Not valid UTF-8: Excel on Windows writes CSV in Windows-1252 (latin1 plus € – ’ “ ” … in 0x80–0x9F).
    return decodeWindows1252(data);
  }
}

// Windows-1252's characters at 0x80–0x9F (latin1 has control codes there). Written out because
// Node 20's TextDecoder('windows-1252') decodes as plain latin1.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(data: Buffer): string {
  return data.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** The delimiter of the header line: whichever of `;`, `,` and tab occurs most outside quotes (`;` wins ties). */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  let seenContent = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') {
      if (seenContent) break;
    } else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
    else if (ch.trim() !== '') seenContent = true;
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return counts[','] > 0 ? ',' : ';';
}

function readCsv(data: Buffer): SheetRow[] {
  let text = decodeText(data).replace(/\r\n?/g, '\n');
  if (text.includes('\u0000')) throw unreadableCsv();
  // Excel's hint line `sep=;` names the delimiter; Excel does not show it as a row.
  let delimiter: string = detectDelimiter(text);
  const hint = /^sep=(.)\n/i.exec(text);
  if (hint?.[1]) {
    delimiter = hint[1];
    text = text.slice(hint[0].length);
  }
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      record_delimiter: '\n',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    });
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw unreadableCsv(typeof line === 'number' ? { line } : undefined);
  }
  const rows: SheetRow[] = [];
  records.forEach((cells, index) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: index + 1, cells });
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// XLSX

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A date cell as its calendar date. exceljs builds dates from the serial number in UTC, so UTC parts are exact. */
function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function numberText(value: number, numFmt: string | undefined): string {
  if (numFmt?.includes('%')) {
    // 0.8 formatted as 80 % in Excel: the person sees 80 %, so that is what we read.
    return `${Number((value * 100).toFixed(6))} %`;
  }
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}

/** The text of one cell value as a person would read it. */
export function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join('');
    if ('error' in value) return '';
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (
        result === undefined ||
        (typeof result === 'object' && result !== null && !(result instanceof Date))
      ) {
        return '';
      }
      return cellText(result as ExcelJS.CellValue, numFmt);
    }
    if ('text' in value) {
      // A hyperlink (Excel turns e-mail addresses into mailto: links); its text may itself be rich text.
      return cellText((value as { text: ExcelJS.CellValue }).text, numFmt);
    }
  }
  return '';
}

async function readXlsx(data: Buffer, maxDataRows: number): Promise<SheetRow[]> {
  if (!isZip(data)) throw unreadableXlsx();
  // Off the request thread, streamed, stopped at the row limit, the unpacked size capped.
  const raw = await readXlsxRows(data, { ...DEFAULT_XLSX_LIMITS, maxRows: maxDataRows + 1 });
  const rows: SheetRow[] = [];
  for (const row of raw) {
    const cells = row.cells.map(([value, numFmt]) => cellText(value, numFmt));
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: row.line, cells });
  }
  return rows;
}
