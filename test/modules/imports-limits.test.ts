/**
 * Issue 11, found item 1: one upload froze every tenant. A 1 000 000-row .xlsx (≈ 5 MB) and zip
 * bombs (1 GiB unpacked, honest and lying about their size) are built here in the test, uploaded
 * over HTTP, and refused with a 4xx while the health check keeps answering; nothing is written.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_XLSX_LIMITS, readXlsxRows } from '../../src/modules/imports/xlsx-reader.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, type TestApp, type TestClient } from '../support/http.ts';
import { bombXlsx, manyRowsXlsx, workbookParts, zip } from '../support/zip.ts';

const PREVIEW = '/api/v1/imports/employees/preview';
const COMMIT = '/api/v1/imports/employees';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type ErrorReply = { error: { code: string; message: string } };

function upload(client: TestClient, url: string, content: Buffer) {
  const boundary = `----naervaer${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ansatte.xlsx"\r\n` +
    `Content-Type: ${XLSX_MIME}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return client.request<ErrorReply>('POST', url, body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

let million: Buffer;
let bomb: Buffer;
let lyingBomb: Buffer;

beforeAll(async () => {
  million = await manyRowsXlsx(1_000_000);
  bomb = await bombXlsx(1024);
  lyingBomb = await bombXlsx(1024, { lie: true });
  // The upload limit is 5 MiB: these files fit, as they did in the probe.
  for (const file of [million, bomb, lyingBomb]) expect(file.length).toBeLessThan(5 * 1024 * 1024);
}, 120_000);

describeEachDatabase('xlsx upload limits on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let orgId: string;
  const employeeCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('employee')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('organisation_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = t.client();
    orgId = await admin.setup();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Polls the health check every 25 ms while `work` runs; returns the longest wait for an answer. */
  async function longestHealthWait<T>(
    work: Promise<T>,
  ): Promise<{ result: T; longestMs: number; polls: number }> {
    let done = false;
    let longestMs = 0;
    let polls = 0;
    const poller = (async () => {
      while (!done) {
        const started = performance.now();
        const reply = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
        expect(reply.statusCode).toBe(200);
        longestMs = Math.max(longestMs, performance.now() - started);
        polls++;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    try {
      const result = await work;
      return { result, longestMs, polls };
    } finally {
      done = true;
      await poller;
    }
  }

  it('a 1 000 000-row sheet is refused at the row limit while the health check keeps answering', async () => {
    const before = await employeeCount();
    const started = performance.now();
    const { result, longestMs, polls } = await longestHealthWait(upload(admin, PREVIEW, million));
    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain('mer enn 5000 rader');
    // Before: the whole sheet was parsed on the request thread (≈ 48 s, ≈ 1.5 GB) with no answer meanwhile.
    expect(performance.now() - started).toBeLessThan(DEFAULT_XLSX_LIMITS.timeoutMs);
    expect(polls).toBeGreaterThan(3);
    expect(longestMs).toBeLessThan(1000);
    const commit = await upload(admin, COMMIT, million);
    expect(commit.status).toBe(400);
    expect(await employeeCount()).toBe(before);
  }, 120_000);

  it('a zip bomb (1 GiB unpacked) is refused with 413 by its declared size, the health check answering', async () => {
    const before = await employeeCount();
    const { result, longestMs } = await longestHealthWait(upload(admin, PREVIEW, bomb));
    expect(result.status).toBe(413);
    expect(result.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(result.body.error.message).toContain('for stort når det pakkes ut');
    expect(longestMs).toBeLessThan(1000);
    expect((await upload(admin, COMMIT, bomb)).status).toBe(413);
    expect(await employeeCount()).toBe(before);
  }, 120_000);

  it('a zip bomb that lies about its size is stopped while inflating, at the cap', async () => {
    const before = await employeeCount();
    const { result, longestMs } = await longestHealthWait(upload(admin, PREVIEW, lyingBomb));
    expect(result.status).toBe(413);
    expect(result.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(longestMs).toBeLessThan(1000);
    expect(await employeeCount()).toBe(before);
  }, 120_000);

  it('a hand-made workbook within the limits still imports (the streamed reader reads shared strings)', async () => {
    const sheet = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
        '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>5</v></c><c r="B3" t="s"><v>6</v></c><c r="C3" t="s"><v>7</v></c>' +
        '<c r="D3"><v>100</v></c><c r="E3" t="s"><v>8</v></c></row>' +
        '</sheetData></worksheet>',
      'utf8',
    );
    const unit = await admin.post<{ id: string }>('/api/v1/units', { name: 'Lager' });
    expect(unit.status).toBe(201);
    const file = await zip([
      ...workbookParts([
        'Navn',
        'E-post',
        'Ansatt fra',
        'Stilling %',
        'Enhet',
        'Åse Ødegård',
        'ase.limits@example.no',
        '01.08.2024',
        'Lager',
      ]),
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
    ]);
    const before = await employeeCount();
    const reply = await upload(admin, COMMIT, file);
    expect(reply.status).toBe(201);
    expect(await employeeCount()).toBe(before + 1);
    const stored = await t.db
      .selectFrom('employee')
      .select(['name', 'email', 'employment_start', 'position_percent'])
      .where('organisation_id', '=', orgId)
      .where('email', '=', 'ase.limits@example.no')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ name: 'Åse Ødegård', employment_start: '2024-08-01' });
    expect(Number(stored.position_percent)).toBe(100);
  });
});

describe('the xlsx reader itself', () => {
  it('gives up after its time limit with a clear 400, and stops the worker', async () => {
    const error = await readXlsxRows(million, { ...DEFAULT_XLSX_LIMITS, maxRows: 5001, timeoutMs: 50 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    expect(String((error as { text?: { nb?: string } }).text?.nb)).toContain('for lang tid');
  });

  it('reads rows up to the limit and refuses one more', async () => {
    const ten = await manyRowsXlsx(10);
    expect(await readXlsxRows(ten, { ...DEFAULT_XLSX_LIMITS, maxRows: 11 })).toHaveLength(11);
    await expect(readXlsxRows(ten, { ...DEFAULT_XLSX_LIMITS, maxRows: 10 })).rejects.toMatchObject({
      status: 400,
    });
  });
});
