/**
 * Reading an .xlsx off the request thread: `xlsx-worker.mjs` runs in a worker thread with a time
 * limit, a memory limit and a cap on the unpacked size, and streams the first worksheet only up
 * to the row limit. A 4.8 MB workbook of 1 000 000 rows used to block every tenant for ≈ 48 s
 * and take ≈ 1.5 GB; a 1 MB zip bomb inflating to 1 GiB took 15 s. Now the request thread only
 * waits, the health check keeps answering, and such files get a 4xx within the limits below.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';

export type XlsxLimits = {
  /** Non-empty rows to read, the header included; one more is refused. */
  maxRows: number;
  /** Sum of the unpacked sizes of the zip's entries (declared, and as actually inflated). */
  maxInflatedBytes: number;
  /** Wall-clock time for the whole read, in the worker thread. */
  timeoutMs: number;
  /** The worker thread's heap. */
  maxHeapMb: number;
};

/**
 * Product defaults: an employee sheet of 5 000 rows is 1–5 MB unpacked, so 100 MiB leaves twenty
 * times the room; reading one takes about a second, so 20 s is generous even on a busy machine.
 */
export const DEFAULT_XLSX_LIMITS: Omit<XlsxLimits, 'maxRows'> = {
  maxInflatedBytes: 100 * 1024 * 1024,
  timeoutMs: 20_000,
  maxHeapMb: 512,
};

/** Workbooks read at once; further uploads wait their turn (each worker may take `maxHeapMb`). */
const MAX_CONCURRENT = 2;

export type RawCell = [value: ExcelJS.CellValue, numFmt: string | undefined];
export type RawRow = { line: number; cells: RawCell[] };

type WorkerReply =
  | { ok: true; rows: RawRow[] }
  | { ok: false; reason: 'not-zip' | 'too-large' | 'too-many-rows' | 'unreadable' };

const unreadable = () =>
  new AppError('BAD_REQUEST', {
    nb: 'Filen kunne ikke leses som et Excel-regneark (.xlsx). Kontroller at den ikke er skadet eller passordbeskyttet.',
    en: 'The file could not be read as an Excel workbook (.xlsx). Check that it is not damaged or password-protected.',
  });

const tooLarge = (limits: XlsxLimits) =>
  new AppError('PAYLOAD_TOO_LARGE', {
    nb: `Regnearket er for stort når det pakkes ut (mer enn ${Math.round(limits.maxInflatedBytes / 1024 / 1024)} MB). Lagre bare arket med de ansatte, eller bruk CSV.`,
    en: `The workbook is too large when unpacked (more than ${Math.round(limits.maxInflatedBytes / 1024 / 1024)} MB). Save only the sheet with the employees, or use CSV.`,
  });

const tooManyRows = (limits: XlsxLimits) =>
  new AppError('BAD_REQUEST', {
    nb: `Filen har mer enn ${limits.maxRows - 1} rader med ansatte. Du kan importere høyst ${limits.maxRows - 1} om gangen; del filen opp.`,
    en: `The file has more than ${limits.maxRows - 1} employee rows. You can import at most ${limits.maxRows - 1} at a time; split the file.`,
  });

const tooSlow = () =>
  new AppError('BAD_REQUEST', {
    nb: 'Det tok for lang tid å lese regnearket. Lagre bare arket med de ansatte, eller bruk CSV.',
    en: 'Reading the workbook took too long. Save only the sheet with the employees, or use CSV.',
  });

/**
 * The worker's file: beside this one in the sources; the built server (`dist/server/main.js`)
 * runs it from the sources it ships with.
 */
function workerFile(): URL {
  const candidates = [
    new URL('./xlsx-worker.mjs', import.meta.url),
    new URL('../../src/modules/imports/xlsx-worker.mjs', import.meta.url),
  ];
  const found = candidates.find((url) => existsSync(fileURLToPath(url)));
  if (!found) throw new Error('xlsx-worker.mjs not found beside the server');
  return found;
}

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

function isReply(value: unknown): value is WorkerReply {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

/** Reads the first worksheet's non-empty rows (raw cell values), or throws a 4xx AppError. */
export async function readXlsxRows(data: Buffer, limits: XlsxLimits): Promise<RawRow[]> {
  const release = await slot();
  try {
    const reply = await new Promise<WorkerReply | 'timeout' | 'out-of-memory' | 'crashed'>((resolve) => {
      const worker = new Worker(workerFile(), {
        workerData: {
          data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
          maxRows: limits.maxRows,
          maxInflatedBytes: limits.maxInflatedBytes,
        },
        resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
        stdout: true,
        stderr: true,
      });
      let settled = false;
      const finish = (value: WorkerReply | 'timeout' | 'out-of-memory' | 'crashed') => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(value);
      };
      const timer = setTimeout(() => finish('timeout'), limits.timeoutMs);
      worker.once('message', (message: unknown) => finish(isReply(message) ? message : 'crashed'));
      worker.once('error', (error: unknown) => {
        const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
        finish(code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : 'crashed');
      });
      worker.once('exit', () => finish('crashed'));
    });
    if (reply === 'timeout') throw tooSlow();
    if (reply === 'out-of-memory') throw tooLarge(limits);
    if (reply === 'crashed') throw unreadable();
    if (reply.ok) return reply.rows;
    if (reply.reason === 'too-large') throw tooLarge(limits);
    if (reply.reason === 'too-many-rows') throw tooManyRows(limits);
    throw unreadable();
  } finally {
    release();
  }
}
