// @ts-check
/**
 * Reads an uploaded .xlsx in a worker thread (started by `xlsx-reader.ts`), so a hostile or huge
 * workbook never blocks the request thread. Plain JavaScript: a worker thread runs its file with
 * Node itself, in tests, under tsx and in the built server alike.
 *
 * 1. The zip's declared sizes (central directory) must add up to at most `maxInflatedBytes`.
 * 2. Every entry is then inflated for real, counting bytes, and stopped the moment the total passes
 *    the cap (a zip may lie about its sizes).
 * 3. The first worksheet is streamed (exceljs WorkbookReader) and reading stops at `maxRows`
 *    non-empty rows; one more is reported as `too-many-rows` without reading further.
 *
 * Answers one message: `{ ok: true, rows: [{ line, cells: [[value, numFmt], …] }] }` or
 * `{ ok: false, reason: 'not-zip' | 'too-large' | 'too-many-rows' | 'unreadable' }`. The cell
 * values are exceljs's (strings, numbers, dates, rich text, formula results); the request thread
 * turns them into text.
 */
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { Unzip, UnzipInflate, unzipSync } from 'fflate';

/** @typedef {{ data: Uint8Array, maxRows: number, maxInflatedBytes: number }} Job */

/** @param {Uint8Array} data @param {number} cap @returns {'ok' | 'too-large' | 'unreadable'} */
function checkInflatedSize(data, cap) {
  let declared = 0;
  try {
    // The filter sees each entry of the central directory and inflates none of them.
    unzipSync(data, {
      filter(file) {
        declared += file.originalSize;
        return false;
      },
    });
  } catch {
    return 'unreadable';
  }
  if (declared > cap) return 'too-large';
  let actual = 0;
  let over = false;
  let broken = false;
  const unzip = new Unzip((file) => {
    if (over || broken) return;
    file.ondata = (error, chunk) => {
      if (error) {
        broken = true;
        return;
      }
      actual += chunk.length;
      if (actual > cap && !over) {
        over = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const step = 64 * 1024;
  try {
    for (let at = 0; at < data.length && !over && !broken; at += step) {
      unzip.push(data.subarray(at, at + step), at + step >= data.length);
    }
  } catch {
    return 'unreadable';
  }
  if (over) return 'too-large';
  return broken ? 'unreadable' : 'ok';
}

/**
 * A formula's result in a date-formatted cell as a date, as the full reader gives it (the
 * streaming reader converts plain numbers only). 1900 date system.
 * @param {any} value @param {string | undefined} numFmt @param {(fmt: string) => boolean} isDateFmt
 */
function withDateResult(value, numFmt, isDateFmt) {
  if (
    typeof value === 'object' &&
    value !== null &&
    ('formula' in value || 'sharedFormula' in value) &&
    typeof value.result === 'number' &&
    numFmt &&
    isDateFmt(numFmt)
  ) {
    return { ...value, result: new Date(Math.round((value.result - 25569) * 86_400_000)) };
  }
  return value;
}

/** @param {unknown} value */
function hasContent(value) {
  if (value === null || value === undefined) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

/** @param {Job} job */
async function readSheet(job) {
  const { default: excel } = await import('exceljs');
  const { default: utils } = await import('exceljs/lib/utils/utils.js');
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(job.data)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // number formats: dates and percentages
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  /** @type {{ line: number, cells: [unknown, string | undefined][] }[]} */
  const rows = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      /** @type {[unknown, string | undefined][]} */
      const cells = [];
      let filled = false;
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = [withDateResult(cell.value, cell.numFmt, utils.isDateFmt), cell.numFmt];
        if (hasContent(cell.value)) filled = true;
      });
      if (!filled) continue;
      if (rows.length >= job.maxRows) return { ok: false, reason: 'too-many-rows' };
      rows.push({ line: row.number, cells: Array.from(cells, (c) => c ?? [null, undefined]) });
    }
    return { ok: true, rows }; // the first worksheet only
  }
  return { ok: false, reason: 'unreadable' };
}

/** @param {Job} job */
async function run(job) {
  const data = job.data;
  if (!(data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04)) {
    return { ok: false, reason: 'not-zip' };
  }
  const size = checkInflatedSize(data, job.maxInflatedBytes);
  if (size !== 'ok') return { ok: false, reason: size };
  try {
    return await readSheet(job);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

const result = await run(/** @type {Job} */ (workerData));
try {
  parentPort?.postMessage(result);
} catch {
  // A value that cannot be cloned: the sheet is not something we can read.
  parentPort?.postMessage({ ok: false, reason: 'unreadable' });
}
