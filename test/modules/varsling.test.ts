/**
 * Varsling on both databases: handlers, the anonymous round trip with the receipt code, nothing
 * identifying stored or logged, no plaintext in any table, excluded handlers and everyone else get
 * 404, the handling steps with their deadlines and reminders exactly once, key rotation, retention,
 * and an authorization matrix over every route × every role × handler / excluded / other org.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { generate } from 'otplib';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app/build-app.ts';
import type {
  CaseList,
  CaseView,
  Mailbox,
  Overview,
  PublicChannel,
  Receipt,
  ReportInput,
  Settings,
} from '../../src/contracts/varsling/varsling.schemas.ts';
import { addDays } from '../../src/domain/calendar/index.ts';
import { runSweep } from '../../src/modules/notifications/index.ts';
import {
  loadKeyring,
  rotateChannelKey,
  rotateMasterKey,
  runVarslingRetention,
} from '../../src/modules/varsling/index.ts';
import { Budget, resetBudgets } from '../../src/modules/varsling/limits.ts';
import { varslingDeadlines } from '../../src/modules/varsling/reminders.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, TestClient } from '../support/http.ts';
import {
  ACTORS,
  type Actor,
  buildSickOrg,
  type ErrorReply,
  type SickOrg,
} from '../support/sykefravaer-org.ts';

// The master key file of this test run (never the worktree's ./data).
const KEY_DIR = mkdtempSync(join(tmpdir(), 'naervaer-varsling-test-'));
const KEY_FILE = join(KEY_DIR, 'varsling-keys.json');
process.env.NAERVAER_VARSLING_KEY_FILE = KEY_FILE;
delete process.env.NAERVAER_VARSLING_KEYS;
afterAll(() => rmSync(KEY_DIR, { recursive: true, force: true }));

const TODAY = '2027-01-10';
const V = '/api/v1/varsling';
const MARKER = 'HEMMELIG-MARKOR-7f3a9c';
const REPORTER_IP = '203.0.113.77';
const REPORTER_AGENT = 'VarslerAgent/9.9 (anonym-test)';

const report = (what: string, extra: Partial<ReportInput> = {}): ReportInput => ({
  what,
  when: 'Siste uke i desember',
  where: 'Lageret',
  involved: 'En leder',
  howKnown: 'Jeg så det selv',
  reportedBefore: 'nei',
  ...extra,
});

/** Every row of every table in the public schema, as text (bytea as hex). */
async function everyRowAsText(t: TestApp): Promise<string> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
  `.execute(t.db);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table_name)} t`.execute(
      t.db,
    );
    for (const r of rows.rows) parts.push(`${table_name}: ${r.row}`);
  }
  return parts.join('\n');
}

const encodings = (s: string) => [
  s,
  Buffer.from(s).toString('hex'),
  Buffer.from(s).toString('base64').slice(0, 16),
];

/** A multipart/form-data body with a `code` field and one file `fil`. */
function multipart(code: string, file: { name: string; type: string; data: Buffer }) {
  const boundary = `----naervaer${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="code"\r\n\r\n${code}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="fil"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const seg = (marker: number, payload: Buffer) =>
  Buffer.concat([
    Buffer.from([0xff, marker, ((payload.length + 2) >> 8) & 0xff, (payload.length + 2) & 0xff]),
    payload,
  ]);

/** A small JPEG whose EXIF segment holds `secret`. */
function jpegWithExif(secret: string): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    seg(0xe1, Buffer.from(`Exif\0\0GPS 59.91N 10.75E owner ${secret}`, 'latin1')),
    seg(0xdb, Buffer.alloc(65, 1)),
    seg(0xda, Buffer.from([1, 1, 0, 0, 63, 0])),
    Buffer.from([0x12, 0x34, 0xff, 0xd9]),
  ]);
}

function pdfWithAuthor(author: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ info: { Author: author, Title: 'Bilag' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Bilag nr. 17');
    doc.end();
  });
}

describeEachDatabase('varsling on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let anon: TestClient;
  let channelId: string;
  let caseId: string;
  let code: string;

  beforeAll(async () => {
    resetBudgets();
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
    anon = t.client({ ip: REPORTER_IP });
    await anon.refreshSession();
  });
  afterAll(async () => {
    await t?.close();
  });

  const caseRow = (id: string) =>
    t.db.selectFrom('varsling_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const anonPost = <T>(url: string, body: unknown) =>
    anon.request<T>('POST', url, body, { 'user-agent': REPORTER_AGENT });
  const openCase = async (who: Actor, id = caseId) =>
    expectStatus(await org.clients[who].get<CaseView>(`${V}/saker/${id}`), 200).body;

  it('admin names the handlers (HR, the tillitsvalgt, lederA as top leader); the channel gets a key file outside the database', async () => {
    const saved = expectStatus(
      await org.clients.admin.put<Settings>(`${V}/behandlere`, {
        handlers: [
          { userId: org.userIds.hr, topLeader: false },
          { userId: org.userIds.tillitsvalgt, topLeader: false },
          { userId: org.userIds.lederA, topLeader: true },
        ],
      }),
      200,
    ).body;
    expect(saved.handlers.map((h) => h.name).sort()).toEqual(['Hanne HR', 'Lise Leder', 'Tor Tillitsvalgt']);
    expect(saved.channelId).toMatch(/^[0-9a-f-]{36}$/);
    channelId = saved.channelId ?? '';
    const rows = await t.db
      .selectFrom('varsling_handler')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .execute();
    expect(rows.map((r) => [r.user_id, r.top_leader]).sort()).toEqual(
      [
        [org.userIds.hr, false],
        [org.userIds.tillitsvalgt, false],
        [org.userIds.lederA, true],
      ].sort(),
    );
    const channel = await t.db
      .selectFrom('varsling_channel')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .executeTakeFirstOrThrow();
    const keyring = await loadKeyring();
    expect(channel.wrap_key_id).toBe(keyring.current.id);
    expect(statSync(KEY_FILE).mode & 0o777).toBe(0o600);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_type', '=', 'varsling_handler')
      .where('organisation_id', '=', org.orgId)
      .execute();
    expect(audit).toEqual([{ action: 'update', actor_user_id: org.userIds.admin }]);
  });

  it('refuses a handler who is not an active user of the organisation (400 naming the field), changing nothing', async () => {
    const reply = await org.clients.hr.put<ErrorReply>(`${V}/behandlere`, {
      handlers: [
        { userId: org.userIds.hr, topLeader: false },
        { userId: org.userIds.otherOrg, topLeader: false },
      ],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields?.map((f) => f.path)).toEqual(['handlers.1.userId']);
    const bad = await org.clients.hr.put<ErrorReply>(`${V}/behandlere`, { handlers: [{ userId: 'nei' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]?.path).toBe('handlers.0.userId');
    const count = await t.db
      .selectFrom('varsling_handler')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisation_id', '=', org.orgId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it('shows the public channel without a login: the organisation and the recipients', async () => {
    const channel = expectStatus(await anon.get<PublicChannel>(`${V}/kanal/${channelId}`), 200).body;
    expect(channel.organisationName).toBe('Testbedriften AS');
    expect(channel.handlers.map((h) => h.name).sort()).toEqual([
      'Hanne HR',
      'Lise Leder',
      'Tor Tillitsvalgt',
    ]);
    expect(channel.handlers.find((h) => h.name === 'Lise Leder')?.topLeader).toBe(true);
    const unknown = await anon.get(`${V}/kanal/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    expect((await anon.get(`${V}/kanal/ikke-en-id`)).status).toBe(400);
  });

  it('rejects a bad report with the field named, and stores nothing', async () => {
    const missing = await anonPost<ErrorReply>(`${V}/kanal/${channelId}/varsel`, {
      ...report(''),
      reportedBefore: 'kanskje',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields?.map((f) => f.path).sort()).toEqual(['reportedBefore', 'what']);
    const everyone = await anonPost<ErrorReply>(`${V}/kanal/${channelId}/varsel`, {
      ...report('Alle holdt utenfor'),
      excludeHandlerIds: [org.userIds.hr, org.userIds.tillitsvalgt],
      concernsTopLeader: true,
    });
    expect(everyone.status).toBe(400);
    expect(everyone.body.error.fields?.map((f) => f.path)).toEqual(['excludeHandlerIds']);
    expect(await t.db.selectFrom('varsling_case').selectAll().execute()).toHaveLength(0);
  });

  it('an anonymous report gets a 16-digit receipt code once; only a slow hash and the first 6 digits are stored', async () => {
    const receipt = expectStatus(
      await anonPost<Receipt>(`${V}/kanal/${channelId}/varsel`, {
        ...report(`${MARKER} <script>alert(1)</script> ble skjult for revisor`),
        excludeHandlerIds: [org.userIds.tillitsvalgt],
      }),
      201,
    ).body;
    expect(receipt.receiptCode).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(receipt.receivedOn).toBe(TODAY);
    code = receipt.receiptCode;
    const digits = code.replace(/ /g, '');
    const rows = await t.db.selectFrom('varsling_case').selectAll().execute();
    expect(rows).toHaveLength(1);
    const row = rows[0];
    if (!row) throw new Error('no case');
    caseId = row.id;
    expect(row).toMatchObject({
      organisation_id: org.orgId,
      channel: 'anonym',
      status: 'registrert',
      received_on: TODAY,
      receipt_lookup: digits.slice(0, 6),
      reporter_tag: null,
      concerns_top_leader: false,
    });
    expect(row.receipt_hash).toMatch(/^\$argon2id\$/);
    const exclusions = await t.db.selectFrom('varsling_exclusion').select('user_id').execute();
    expect(exclusions).toEqual([{ user_id: org.userIds.tillitsvalgt }]);
    // The audit entry names no user.
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'actor_roles'])
      .where('entity_type', '=', 'varsling_case')
      .execute();
    expect(audit).toEqual([{ action: 'create', actor_user_id: null, actor_roles: 'varsler' }]);
  });

  it('the database holds no plaintext of the report, no receipt code, no IP address and no user agent', async () => {
    const dump = await everyRowAsText(t);
    expect(dump).toContain('varsling_case');
    for (const secret of [
      MARKER,
      code.replace(/ /g, ''),
      REPORTER_IP,
      REPORTER_AGENT,
      'ble skjult for revisor',
    ]) {
      for (const encoded of encodings(secret)) expect(dump).not.toContain(encoded);
    }
  });

  it('the reporter opens the mailbox with the code: status, no messages; a wrong code is 404 (same for an unknown mailbox)', async () => {
    const box = expectStatus(
      await anonPost<Mailbox>(`${V}/kanal/${channelId}/postkasse`, { code }),
      200,
    ).body;
    expect(box).toMatchObject({
      status: 'registrert',
      receivedOn: TODAY,
      messages: [],
      acknowledgedOn: null,
    });
    const digits = code.replace(/ /g, '');
    const wrongSecret = `${digits.slice(0, 6)}${digits.slice(6) === '0000000000' ? '1111111111' : '0000000000'}`;
    const wrong = await anonPost<ErrorReply>(`${V}/kanal/${channelId}/postkasse`, { code: wrongSecret });
    expect(wrong.status).toBe(404);
    const unknownLookup = `${digits.slice(0, 5)}${(Number(digits[5]) + 1) % 10}0000000000`;
    const unknown = await anonPost<ErrorReply>(`${V}/kanal/${channelId}/postkasse`, { code: unknownLookup });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    const malformed = await anonPost<ErrorReply>(`${V}/kanal/${channelId}/postkasse`, { code: '123' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields?.[0]?.path).toBe('code');
  });

  it('a mailbox takes 5 wrong codes an hour, then answers 429 (budgets kept in memory, no IP)', async () => {
    const digits = code.replace(/ /g, '');
    const lookup = digits.slice(0, 6);
    const other = `${lookup}${digits.slice(6) === '2222222222' ? '3333333333' : '2222222222'}`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await anonPost(`${V}/kanal/${channelId}/postkasse`, { code: other })).status);
    }
    // One wrong code already counted in the test before: the 5th is refused.
    expect(statuses.slice(0, 4)).toEqual([404, 404, 404, 404]);
    expect(statuses[4]).toBe(429);
    expect((await anonPost(`${V}/kanal/${channelId}/postkasse`, { code })).status).toBe(429);
    resetBudgets();
    expect((await anonPost(`${V}/kanal/${channelId}/postkasse`, { code })).status).toBe(200);
    const budget = new Budget(2, 1000);
    expect([budget.take('a', 0), budget.take('a', 1), budget.take('a', 2), budget.take('a', 1000)]).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });

  it('a handler whose session did not pass a second factor gets 403 and nothing of the case; after setting up TOTP in the session, it opens (ADR 0020)', async () => {
    for (const who of ['hr', 'tillitsvalgt', 'lederA'] as const) {
      const refused = await org.clients[who].get<ErrorReply>(`${V}/saker/${caseId}`);
      expect(refused.status, who).toBe(403);
      expect(refused.body.error.reason).toBe('SECOND_FACTOR_REQUIRED');
      expect(refused.body.error.message).toContain('tofaktorinnlogging');
      expect(JSON.stringify(refused.body)).not.toContain(MARKER);
      // The same answer for an id that does not exist: the refusal reveals nothing about the case.
      const unknown = await org.clients[who].get<ErrorReply>(`${V}/saker/${crypto.randomUUID()}`);
      expect(unknown.status, who).toBe(403);
      // Steps are refused too, and nothing is written.
      const step = await org.clients[who].post<ErrorReply>(`${V}/saker/${caseId}/bekreft`, {
        version: 1,
        text: 'Mottatt.',
      });
      expect(step.status, who).toBe(403);
    }
    const stored = await t.db
      .selectFrom('varsling_case')
      .select(['status', 'acknowledged_on'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(stored.acknowledged_on).toBeNull();
    const reads = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_type', '=', 'varsling_case')
      .where('action', '=', 'read')
      .execute();
    expect(reads).toEqual([]);
    // Setting up the authenticator app in this session proves the factor: the session is marked.
    for (const who of ['hr', 'tillitsvalgt', 'lederA'] as const) {
      const enrolment = expectStatus(
        await org.clients[who].post<{ secret: string }>('/api/v1/me/second-factor/enrolment'),
        200,
      ).body;
      expectStatus(
        await org.clients[who].post('/api/v1/me/second-factor/confirm', {
          code: await generate({ secret: enrolment.secret }),
        }),
        200,
      );
    }
    const marked = await t.db
      .selectFrom('session')
      .select('user_id')
      .where('second_factor_at', 'is not', null)
      .execute();
    expect(marked.map((r) => r.user_id).sort()).toEqual(
      [org.userIds.hr, org.userIds.tillitsvalgt, org.userIds.lederA].sort(),
    );
    // With it, the case opens: the next test opens it as HR (200, the report's text).
  });

  it('only named handlers who are not excluded can open the case; others get 404, admins included', async () => {
    const list = expectStatus(await org.clients.hr.get<CaseList>(`${V}/saker`), 200).body;
    expect(list.items.map((i) => i.id)).toEqual([caseId]);
    expect(list.items[0]?.deadlines.map((d) => [d.kind, d.due])).toEqual([
      ['bekreft', '2027-01-17'],
      ['gjengjeldelse', '2027-01-24'],
      ['tilbakemelding', '2027-04-17'],
    ]);
    const view = await openCase('hr');
    expect(view.report.what).toContain(MARKER);
    expect(view.report.what).toContain('<script>');
    expect(view.report.reporter).toBeNull();
    expect(view.excludedHandlers).toEqual(['Tor Tillitsvalgt']);
    // The excluded handler: not in the list, 404 on the case.
    const tvList = expectStatus(await org.clients.tillitsvalgt.get<CaseList>(`${V}/saker`), 200).body;
    expect(tvList.items).toEqual([]);
    expect((await org.clients.tillitsvalgt.get(`${V}/saker/${caseId}`)).status).toBe(404);
    for (const who of ['admin', 'lederB', 'self', 'verneombud', 'bht', 'otherOrg'] as const) {
      expect((await org.clients[who].get(`${V}/saker/${caseId}`)).status, who).toBe(404);
      expect((await org.clients[who].get(`${V}/saker`)).status, who).toBe(404);
    }
    // Admin/HR see that a case exists and its deadlines, nothing else.
    const overview = expectStatus(await org.clients.admin.get<Overview>(`${V}/oversikt`), 200).body;
    expect(overview.items).toHaveLength(1);
    expect(Object.keys(overview.items[0] ?? {}).sort()).toEqual(['deadlines', 'receivedOn', 'status']);
    expect(JSON.stringify(overview)).not.toContain(MARKER);
  });

  it('every open is audit-logged; the other handlers see who opened it and when, never content', async () => {
    await openCase('hr');
    const reads = await t.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'detail'])
      .where('entity_type', '=', 'varsling_case')
      .where('entity_id', '=', caseId)
      .where('action', '=', 'read')
      .execute();
    expect(reads.map((r) => r.actor_user_id)).toEqual([org.userIds.hr, org.userIds.hr]);
    expect(reads.every((r) => r.detail === null)).toBe(true);
    const seenByLeader = await openCase('lederA');
    const opens = seenByLeader.access.filter((a) => a.action === 'read');
    expect(opens.map((a) => a.name)).toEqual(['Lise Leder', 'Hanne HR', 'Hanne HR']);
    expect(seenByLeader.access.find((a) => a.action === 'create')?.name).toBe('Varsleren');
  });

  it('handling: acknowledge, ask, the reporter reads and answers with the code, the handler sees the answer', async () => {
    let view = await openCase('hr');
    view = expectStatus(
      await org.clients.hr.post<CaseView>(`${V}/saker/${caseId}/bekreft`, { version: view.version }),
      200,
    ).body;
    expect(view).toMatchObject({ status: 'bekreftet', acknowledgedOn: TODAY });
    expect(view.deadlines.find((d) => d.kind === 'tilbakemelding')?.due).toBe('2027-04-10');
    view = expectStatus(
      await org.clients.hr.post<CaseView>(`${V}/saker/${caseId}/melding`, {
        version: view.version,
        text: `Når skjedde det? ${MARKER}-spørsmål`,
      }),
      200,
    ).body;
    expect(view.messages.map((m) => [m.from, m.kind, m.authorName])).toEqual([
      ['behandler', 'bekreftelse', 'Hanne HR'],
      ['behandler', 'melding', 'Hanne HR'],
    ]);
    const stale = await org.clients.hr.post<ErrorReply>(`${V}/saker/${caseId}/melding`, {
      version: view.version - 1,
      text: 'For sent',
    });
    expect(stale.status).toBe(409);

    const box = expectStatus(
      await anonPost<Mailbox>(`${V}/kanal/${channelId}/postkasse`, { code }),
      200,
    ).body;
    expect(box.status).toBe('bekreftet');
    expect(box.messages.map((m) => m.text)).toContain(`Når skjedde det? ${MARKER}-spørsmål`);
    expect(JSON.stringify(box)).not.toContain('Hanne');
    const answered = expectStatus(
      await anonPost<Mailbox>(`${V}/kanal/${channelId}/postkasse/svar`, {
        code,
        text: `Den 20. desember ${MARKER}-svar`,
      }),
      201,
    ).body;
    expect(answered.messages.at(-1)).toMatchObject({
      from: 'varsler',
      text: `Den 20. desember ${MARKER}-svar`,
    });
    const stored = await t.db
      .selectFrom('varsling_message')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
    expect(stored.map((m) => [m.author, m.author_user_id, m.kind, m.sent_on])).toEqual([
      ['behandler', org.userIds.hr, 'bekreftelse', TODAY],
      ['behandler', org.userIds.hr, 'melding', TODAY],
      ['varsler', null, 'melding', TODAY],
    ]);
    const seen = await openCase('lederA');
    expect(seen.messages.at(-1)?.text).toBe(`Den 20. desember ${MARKER}-svar`);
    const dump = await everyRowAsText(t);
    for (const encoded of encodings(MARKER)) expect(dump).not.toContain(encoded);
  });

  it('evidence: EXIF and the PDF author are stripped before storage, the reporter is told; other files are refused', async () => {
    const upload = (file: { name: string; type: string; data: Buffer }, withCode = code) => {
      const { body, headers } = multipart(withCode, file);
      return anon.request<Mailbox & ErrorReply>(
        'POST',
        `${V}/kanal/${channelId}/postkasse/vedlegg`,
        body,
        headers,
      );
    };
    const jpeg = jpegWithExif(`${MARKER}-exif`);
    const stored = expectStatus(
      await upload({ name: 'C:\\bilder\\IMG_0042.jpg', type: 'image/jpeg', data: jpeg }),
      201,
    ).body;
    expect(stored.files.map((f) => [f.name, f.type, f.from])).toEqual([
      ['IMG_0042.jpg', 'image/jpeg', 'varsler'],
    ]);
    const pdf = await pdfWithAuthor(`${MARKER}-forfatter`);
    expect(pdf.toString('latin1')).toContain(`${MARKER}-forfatter`);
    expectStatus(await upload({ name: 'bilag.pdf', type: 'application/pdf', data: pdf }), 201);
    const zip = await upload({
      name: 'a.zip',
      type: 'application/zip',
      data: Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1]),
    });
    expect(zip.status).toBe(415);
    expect(zip.body.error.message).toContain('metadata');
    const big = await upload({
      name: 'stor.txt',
      type: 'text/plain',
      data: Buffer.alloc(5 * 1024 * 1024 + 10, 0x61),
    });
    expect(big.status).toBe(413);
    const digits = code.replace(/ /g, '');
    const wrong = await upload(
      { name: 'x.txt', type: 'text/plain', data: Buffer.from('hei') },
      `${digits.slice(0, 6)}${digits.slice(6) === '4444444444' ? '5555555555' : '4444444444'}`,
    );
    expect(wrong.status).toBe(404);
    resetBudgets();
    const rows = await t.db
      .selectFrom('varsling_file')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.author, r.author_user_id, r.sent_on])).toEqual([
      ['varsler', null, TODAY],
      ['varsler', null, TODAY],
    ]);
    const dump = await everyRowAsText(t);
    for (const secret of [MARKER, 'IMG_0042', '59.91N', 'bilag.pdf']) {
      for (const encoded of encodings(secret)) expect(dump).not.toContain(encoded);
    }
    // The handler downloads them: the image data is kept, the metadata is gone.
    const view = await openCase('hr');
    expect(view.files.map((f) => f.name)).toEqual(['IMG_0042.jpg', 'bilag.pdf']);
    const [image, doc] = view.files;
    const got = await org.clients.hr.get(`${V}/saker/${caseId}/vedlegg/${image?.id}`);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['content-disposition']).toContain('attachment');
    const bytes = got.raw.rawPayload;
    expect(bytes.toString('latin1')).not.toContain(MARKER);
    expect(bytes.toString('latin1')).not.toContain('Exif');
    expect([...bytes.subarray(-4)]).toEqual([0x12, 0x34, 0xff, 0xd9]);
    const pdfBack = (await org.clients.hr.get(`${V}/saker/${caseId}/vedlegg/${doc?.id}`)).raw.rawPayload;
    expect(pdfBack.length).toBe(pdf.length);
    expect(pdfBack.toString('latin1')).not.toContain(`${MARKER}-forfatter`);
    expect(pdfBack.toString('latin1').startsWith('%PDF-')).toBe(true);
    // Nobody else downloads them.
    for (const who of ['tillitsvalgt', 'admin', 'self', 'otherOrg'] as const) {
      expect((await org.clients[who].get(`${V}/saker/${caseId}/vedlegg/${image?.id}`)).status, who).toBe(404);
    }
    const downloads = await t.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'detail'])
      .where('entity_id', '=', caseId)
      .where('action', '=', 'read')
      .execute();
    expect(downloads.filter((d) => d.detail !== null).map((d) => d.actor_user_id)).toEqual([
      org.userIds.hr,
      org.userIds.hr,
    ]);
  });

  it('assessment: bad input names the field and changes nothing; then varsling category e, investigation, feedback, close', async () => {
    let view = await openCase('hr');
    const noCategory = await org.clients.hr.post<ErrorReply>(`${V}/saker/${caseId}/vurdering`, {
      version: view.version,
      outcome: 'varsling',
    });
    expect(noCategory.status).toBe(400);
    expect(noCategory.body.error.fields?.map((f) => f.path)).toEqual(['category']);
    const noReason = await org.clients.hr.post<ErrorReply>(`${V}/saker/${caseId}/vurdering`, {
      version: view.version,
      outcome: 'eget-arbeidsforhold',
    });
    expect(noReason.body.error.fields?.map((f) => f.path)).toEqual(['reason']);
    const early = await org.clients.hr.post<ErrorReply>(`${V}/saker/${caseId}/avslutt`, {
      version: view.version,
      text: 'Ferdig',
    });
    expect(early.status).toBe(409);
    expect((await caseRow(caseId)).version).toBe(view.version);

    view = expectStatus(
      await org.clients.hr.post<CaseView>(`${V}/saker/${caseId}/vurdering`, {
        version: view.version,
        outcome: 'varsling',
        category: 'e',
        reason: `Uforsvarlig arbeidsmiljø ${MARKER}-grunn`,
      }),
      200,
    ).body;
    expect(view).toMatchObject({ status: 'vurdert', outcome: 'varsling', category: 'e' });
    expect(view.outcomeReason).toBe(`Uforsvarlig arbeidsmiljø ${MARKER}-grunn`);
    const past = await org.clients.hr.post<ErrorReply>(`${V}/saker/${caseId}/undersokelse`, {
      version: view.version,
      targetDate: '2027-01-09',
    });
    expect(past.status).toBe(400);
    expect(past.body.error.fields?.map((f) => f.path)).toEqual(['targetDate']);
    view = expectStatus(
      await org.clients.hr.post<CaseView>(`${V}/saker/${caseId}/undersokelse`, {
        version: view.version,
        targetDate: '2027-03-01',
      }),
      200,
    ).body;
    expect(view.deadlines.find((d) => d.kind === 'undersokelse')).toMatchObject({
      due: '2027-03-01',
      open: true,
      kindOfRule: 'egen-frist',
    });
    const row = await caseRow(caseId);
    expect(row).toMatchObject({
      status: 'undersokes',
      outcome: 'varsling',
      category: 'e',
      investigation_target: '2027-03-01',
    });
    expect(row.outcome_reason).not.toBeNull();
    view = expectStatus(
      await org.clients.hr.post<CaseView>(`${V}/saker/${caseId}/tilbakemelding`, {
        version: view.version,
        text: 'Vi undersøker saken.',
      }),
      200,
    ).body;
    expect(view.feedbackGivenOn).toBe(TODAY);
    expect(view.deadlines.find((d) => d.kind === 'tilbakemelding')?.open).toBe(false);
  });

  it('a logged-in report: sealed with the reporter’s name, found again by a keyed tag; the audit log names nobody', async () => {
    const created = expectStatus(
      await org.clients.self.post<{ id: string }>(`${V}/mine`, report(`Innlogget ${MARKER}-navngitt`)),
      201,
    ).body;
    const row = await caseRow(created.id);
    expect(row).toMatchObject({ channel: 'innlogget', receipt_hash: null, receipt_lookup: null });
    expect(row.reporter_tag).not.toBeNull();
    const dump = await everyRowAsText(t);
    const caseText = dump.split('\n').filter((l) => l.startsWith('varsling_') && l.includes(created.id));
    expect(caseText.join('\n')).not.toContain(org.userIds.self);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'actor_roles'])
      .where('entity_id', '=', created.id)
      .execute();
    expect(audit).toEqual([{ actor_user_id: null, actor_roles: 'varsler' }]);
    const mine = expectStatus(await org.clients.self.get<{ items: { id: string }[] }>(`${V}/mine`), 200).body;
    expect(mine.items.map((i) => i.id)).toEqual([created.id]);
    const others = expectStatus(
      await org.clients.otherAnsatt.get<{ items: unknown[] }>(`${V}/mine`),
      200,
    ).body;
    expect(others.items).toEqual([]);
    expect((await org.clients.otherAnsatt.post(`${V}/mine/${created.id}/svar`, { text: 'hei' })).status).toBe(
      404,
    );
    const view = await openCase('hr', created.id);
    expect(view.report.reporter).toEqual({ name: 'Per Pleier', email: 'self@bruker.example.no' });
    expectStatus(await org.clients.self.post(`${V}/mine/${created.id}/svar`, { text: 'Et tillegg' }), 201);
    expect((await openCase('hr', created.id)).messages.map((m) => m.text)).toEqual(['Et tillegg']);
  });

  it('reminds the case’s handlers only (never the excluded one), exactly once, with the anbefalt label', async () => {
    const receipt = expectStatus(
      await anonPost<Receipt>(`${V}/kanal/${channelId}/varsel`, {
        ...report('Ny sak for påminnelser'),
        concernsTopLeader: true,
      }),
      201,
    ).body;
    expect(receipt.receivedOn).toBe(TODAY);
    const fresh = await t.db
      .selectFrom('varsling_case')
      .select('id')
      .where('concerns_top_leader', '=', true)
      .executeTakeFirstOrThrow();
    const day = addDays(TODAY, 5); // 2 days before the 7-day acknowledgement
    const deadlines = await varslingDeadlines(t.db, {
      organisationId: org.orgId,
      from: day,
      to: day,
      today: day,
    });
    const mine = deadlines.filter((d) => d.subjectId === fresh.id);
    expect(mine.map((d) => [d.itemKey, d.due, d.reminderDates])).toEqual([
      ['bekreft', '2027-01-17', ['2027-01-15', '2027-01-17']],
    ]);
    expect(mine[0]?.title.nb).toContain('anbefalt frist (EU-direktivet, ikke norsk lov)');
    // Top leader (lederA) excluded automatically: HR and the tillitsvalgt get it.
    expect(mine[0]?.recipients).toEqual({
      kind: 'users',
      userIds: expect.arrayContaining([org.userIds.hr, org.userIds.tillitsvalgt]),
    });
    expect(mine[0]?.recipients.kind === 'users' && mine[0].recipients.userIds).not.toContain(
      org.userIds.lederA,
    );
    const sent = () =>
      t.db
        .selectFrom('notification')
        .select(['user_id', 'key'])
        .where('key', 'like', `reminder:varsling:%:${fresh.id}:%`)
        .execute();
    await runSweep({ db: t.db, deadlineSource: varslingDeadlines, today: day });
    const first = await sent();
    expect(first.map((n) => n.user_id).sort()).toEqual([org.userIds.hr, org.userIds.tillitsvalgt].sort());
    await runSweep({ db: t.db, deadlineSource: varslingDeadlines, today: day });
    expect(await sent()).toHaveLength(2);
    // The first case (excluded: the tillitsvalgt) is reminded to HR and lederA only.
    const dueFeedback = '2027-03-27'; // 14 days before 10 April
    const feedback = await varslingDeadlines(t.db, {
      organisationId: org.orgId,
      from: dueFeedback,
      to: dueFeedback,
      today: dueFeedback,
    });
    expect(feedback.filter((d) => d.subjectId === caseId)).toEqual([]); // feedback already given
    const target = await varslingDeadlines(t.db, {
      organisationId: org.orgId,
      from: '2027-02-22',
      to: '2027-02-22',
      today: '2027-02-22',
    });
    const inv = target.find((d) => d.subjectId === caseId);
    expect(inv?.itemKey).toBe('undersokelse:2027-03-01');
    expect(inv?.recipients).toEqual({
      kind: 'users',
      userIds: expect.arrayContaining([org.userIds.hr, org.userIds.lederA]),
    });
    expect(inv?.recipients.kind === 'users' && inv.recipients.userIds).not.toContain(
      org.userIds.tillitsvalgt,
    );
  });

  it('rotates the master key (re-wraps the channel) and the channel key (re-seals every text); everything still opens', async () => {
    const before = await t.db
      .selectFrom('varsling_channel')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .executeTakeFirstOrThrow();
    const rotated = await rotateMasterKey(t.db, KEY_FILE);
    const file = JSON.parse(readFileSync(KEY_FILE, 'utf8')) as { keys: { id: string }[] };
    expect(file.keys.map((k) => k.id)).toEqual([rotated.keyId]);
    const after = await t.db
      .selectFrom('varsling_channel')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .executeTakeFirstOrThrow();
    expect(after.wrap_key_id).toBe(rotated.keyId);
    expect(after.wrap_key_id).not.toBe(before.wrap_key_id);
    expect(Buffer.from(after.public_key)).toEqual(Buffer.from(before.public_key));
    expect((await openCase('hr')).report.what).toContain(MARKER);

    const reportBefore = Buffer.from((await caseRow(caseId)).report);
    const channelRotation = await rotateChannelKey(t.db, org.orgId, await loadKeyring());
    expect(channelRotation.keyVersion).toBe(2);
    const row = await caseRow(caseId);
    expect(row.key_version).toBe(2);
    expect(Buffer.from(row.report).equals(reportBefore)).toBe(false);
    const view = await openCase('hr');
    expect(view.report.what).toContain(MARKER);
    expect(view.outcomeReason).toContain(`${MARKER}-grunn`);
    expect(view.messages.map((m) => m.text)).toContain(`Den 20. desember ${MARKER}-svar`);
    const box = expectStatus(
      await anonPost<Mailbox>(`${V}/kanal/${channelId}/postkasse`, { code }),
      200,
    ).body;
    expect(box.messages).toHaveLength(4);
    expect(box.files.map((f) => f.name)).toEqual(['IMG_0042.jpg', 'bilag.pdf']);
    const first = (await openCase('hr')).files[0];
    const again = await org.clients.hr.get(`${V}/saker/${caseId}/vedlegg/${first?.id}`);
    expect(again.raw.rawPayload.subarray(0, 2).toString('hex')).toBe('ffd8');
  });

  it('closes and informs the reporter; 3 years after closure the case file goes, a minimal log stays', async () => {
    let view = await openCase('hr');
    view = expectStatus(
      await org.clients.hr.post<CaseView>(`${V}/saker/${caseId}/avslutt`, {
        version: view.version,
        text: 'Saken er undersøkt og tiltak er satt i verk.',
      }),
      200,
    ).body;
    expect(view).toMatchObject({ status: 'avsluttet', closedOn: TODAY });
    const box = expectStatus(
      await anonPost<Mailbox>(`${V}/kanal/${channelId}/postkasse`, { code }),
      200,
    ).body;
    expect(box).toMatchObject({ status: 'avsluttet', closedOn: TODAY });
    expect(box.messages.at(-1)).toMatchObject({ kind: 'avslutning' });
    const closedReply = await anonPost(`${V}/kanal/${channelId}/postkasse/svar`, { code, text: 'Takk' });
    expect(closedReply.status).toBe(409);

    expect(await runVarslingRetention(t.db, '2030-01-09')).toBe(0);
    expect(await runVarslingRetention(t.db, '2030-01-10')).toBe(1);
    expect(await t.db.selectFrom('varsling_case').select('id').where('id', '=', caseId).execute()).toEqual(
      [],
    );
    expect(
      await t.db.selectFrom('varsling_message').select('id').where('case_id', '=', caseId).execute(),
    ).toEqual([]);
    const log = await t.db.selectFrom('varsling_case_log').selectAll().execute();
    expect(log).toEqual([
      {
        organisation_id: org.orgId,
        case_id: caseId,
        received_on: TODAY,
        closed_on: TODAY,
        outcome: 'varsling',
        category: 'e',
        deleted_on: '2030-01-10',
      },
    ]);
    expect(await runVarslingRetention(t.db, '2030-01-10')).toBe(0);
  });

  it('authorization: every route × every role × handler / excluded handler / other organisation', async () => {
    // A case that excludes the tillitsvalgt (a handler); lederA and HR may open it.
    const ids = async () => (await t.db.selectFrom('varsling_case').select('id').execute()).map((r) => r.id);
    const before = await ids();
    expectStatus(
      await anonPost(`${V}/kanal/${channelId}/varsel`, {
        ...report('Matrisesak'),
        excludeHandlerIds: [org.userIds.tillitsvalgt],
      }),
      201,
    );
    const matrixCase = (await ids()).find((id) => !before.includes(id)) ?? '';
    const openers: Actor[] = ['hr', 'lederA'];
    const handlers: Actor[] = ['hr', 'lederA', 'tillitsvalgt'];
    const adminHr: Actor[] = ['admin', 'hr'];
    const version = (await caseRow(matrixCase)).version;
    const steps: [string, Record<string, unknown>][] = [
      ['melding', { version: 999, text: 'x' }],
      ['bekreft', { version: 999 }],
      ['vurdering', { version: 999, outcome: 'avvik' }],
      ['undersokelse', { version: 999, targetDate: '2027-02-01' }],
      ['tilbakemelding', { version: 999, text: 'x' }],
      ['avslutt', { version: 999, text: 'x' }],
    ];
    for (const who of ACTORS) {
      const c = org.clients[who];
      const opener = openers.includes(who);
      const expectOf = (ok: number, allowed: boolean) => (allowed ? ok : 404);
      expect((await c.get(`${V}/saker/${matrixCase}`)).status, `${who} GET case`).toBe(expectOf(200, opener));
      expect((await c.get(`${V}/saker`)).status, `${who} GET list`).toBe(
        expectOf(200, handlers.includes(who)),
      );
      for (const [step, body] of steps) {
        // Openers with a stale version get 409 (the access check comes first: others get 404).
        expect((await c.post(`${V}/saker/${matrixCase}/${step}`, body)).status, `${who} ${step}`).toBe(
          expectOf(409, opener),
        );
      }
      const mayAdmin = adminHr.includes(who);
      expect((await c.get(`${V}/oversikt`)).status, `${who} overview`).toBe(
        expectOf(200, mayAdmin || who === 'otherOrg'),
      );
      expect((await c.get(`${V}/innstillinger`)).status, `${who} settings`).toBe(
        expectOf(200, mayAdmin || who === 'otherOrg'),
      );
      expect((await c.get(`${V}/kanal`)).status, `${who} my channel`).toBe(200);
      expect((await c.get(`${V}/mine`)).status, `${who} mine`).toBe(200);
      expect((await c.post(`${V}/mine/${matrixCase}/svar`, { text: 'x' })).status, `${who} answer`).toBe(404);
      if (!mayAdmin && who !== 'otherOrg') {
        expect((await c.put(`${V}/behandlere`, { handlers: [] })).status, `${who} handlers`).toBe(404);
      }
    }
    // The other organisation's administrator sees their own (empty) organisation only.
    const foreign = expectStatus(await org.clients.otherOrg.get<Overview>(`${V}/oversikt`), 200).body;
    expect(foreign.items).toEqual([]);
    const foreignSettings = expectStatus(
      await org.clients.otherOrg.get<Settings>(`${V}/innstillinger`),
      200,
    ).body;
    expect(foreignSettings.handlers).toEqual([]);
    expect((await caseRow(matrixCase)).version).toBe(version);
    // Logged out: the case routes need a login (401); the public channel does not.
    const loggedOut = t.client();
    await loggedOut.refreshSession();
    expect((await loggedOut.get(`${V}/saker/${matrixCase}`)).status).toBe(401);
    expect((await loggedOut.get(`${V}/oversikt`)).status).toBe(401);
    expect((await loggedOut.get(`${V}/kanal/${channelId}`)).status).toBe(200);
  });
});

describe('varsling request logs', () => {
  it('writes no log line for the anonymous channel, while other requests are logged', async () => {
    const t = await createTestApp('pglite', { caches: false });
    const lines: string[] = [];
    const app = await buildApp({
      db: t.db,
      logLevel: 'info',
      logStream: { write: (line: string) => void lines.push(line) },
    });
    try {
      await app.ready();
      const client = new TestClient(app, REPORTER_IP, 'nb');
      const org = await buildSickOrg({ ...t, app, client: () => new TestClient(app, '127.0.0.1', 'nb') });
      const settings = expectStatus(
        await org.clients.admin.put<Settings>(`${V}/behandlere`, {
          handlers: [{ userId: org.userIds.hr, topLeader: false }],
        }),
        200,
      ).body;
      lines.length = 0;
      await client.refreshSession();
      const kanal = settings.channelId ?? '';
      expectStatus(await client.get(`${V}/kanal/${kanal}`), 200);
      const receipt = expectStatus(
        await client.request<Receipt>('POST', `${V}/kanal/${kanal}/varsel`, report(`Logg ${MARKER}`), {
          'user-agent': REPORTER_AGENT,
        }),
        201,
      ).body;
      expectStatus(await client.post(`${V}/kanal/${kanal}/postkasse`, { code: receipt.receiptCode }), 200);
      expect((await client.post(`${V}/kanal/${kanal}/postkasse`, { code: '0000000000000000' })).status).toBe(
        404,
      );
      await client.get('/varsle/x');
      const log = lines.join('');
      expect(log).toContain('/api/v1/session'); // other requests are logged
      for (const secret of ['/varsling/kanal', '/varsle/', kanal, MARKER, REPORTER_IP, REPORTER_AGENT]) {
        expect(log).not.toContain(secret);
      }
      expect(log).not.toContain(receipt.receiptCode.replace(/ /g, ''));
    } finally {
      await app.close();
      await t.close();
    }
  });
});
