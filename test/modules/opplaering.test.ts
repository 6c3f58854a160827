/**
 * Training records on both databases: HR registers a course with a real PDF certificate (the row
 * and its bytes read back), the download's headers and audit entry; a file that is not what its
 * name says and a file over the limit are refused with nothing written; bad fields name the field;
 * «who lacks what» for a top leader and a verneombud without training; access per role and tenant;
 * expiry reminders exactly once; retention 3 years after employment ended; the IK evidence.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  Matrix,
  MyTraining,
  TrainingList,
  TrainingRecord,
} from '../../src/contracts/opplaering/opplaering.schemas.ts';
import { addDays, addMonths } from '../../src/domain/calendar/index.ts';
import { runSweep } from '../../src/modules/notifications/index.ts';
import {
  runTrainingRetention,
  trainingDeadlines,
  trainingEvidence,
} from '../../src/modules/opplaering/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { buildSickOrg, type ErrorReply, type SickOrg } from '../support/sykefravaer-org.ts';

/** A fixed day, so expiry and reminders are exact. */
const TODAY = '2027-03-01';
const B = '/api/v1/opplaering';
/** The first-aid certificate's expiry: 24 days after TODAY, so «expiring». */
const EXPIRES = '2027-03-25';

/** A minimal, valid one-page PDF. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n' +
    'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);

type FilePart = { field?: string; name: string; type: string; data: Buffer };

/** multipart/form-data written by hand: text fields, then at most one file. */
function multipart(fields: Record<string, string>, file?: FilePart) {
  const boundary = `----naervaer${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        'utf8',
      ),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'certificate'}"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type}\r\n\r\n`,
        'utf8',
      ),
      file.data,
      Buffer.from('\r\n', 'utf8'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function register<T = TrainingRecord>(client: TestClient, fields: Record<string, string>, file?: FilePart) {
  const { body, contentType } = multipart(fields, file);
  return client.request<T>('POST', B, body, { 'content-type': contentType });
}

describeEachDatabase('opplaering on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let firstAid: TrainingRecord;

  const rows = () =>
    t.db
      .selectFrom('training_record')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .orderBy('created_at')
      .execute();
  const count = async () => (await rows()).length;
  const firstAidFields = (over: Record<string, string> = {}) => ({
    employeeId: org.employees.sick,
    course: 'forstehjelp',
    completedOn: '2026-04-01',
    hours: '7,5',
    provider: 'Norsk Folkehjelp',
    expiresOn: EXPIRES,
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
    // Who holds the roles (the roller module's table): Lise is daglig leder, Vera verneombud.
    const area = await t.db
      .selectFrom('verneomrade')
      .select('id')
      .where('organisation_id', '=', org.orgId)
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('hms_role')
      .values([
        {
          organisation_id: org.orgId,
          kind: 'daglig-leder',
          employee_id: org.employees.leaderA,
          term_start: '2020-01-15',
          how: 'utpekt',
        },
        {
          organisation_id: org.orgId,
          kind: 'verneombud',
          employee_id: org.employees.vo,
          verneomrade_id: area.id,
          term_start: '2026-01-01',
          term_end: '2028-01-01',
          how: 'valgt',
        },
      ])
      .execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('HR registers first aid with a PDF certificate: the row, its bytes and the audit entry are stored', async () => {
    const reply = expectStatus(
      await register(org.clients.hr, firstAidFields(), {
        name: 'Førstehjelp kursbevis.pdf',
        type: 'application/pdf',
        data: PDF,
      }),
      201,
    );
    firstAid = reply.body;
    expect(firstAid).toMatchObject({
      employeeId: org.employees.sick,
      employeeName: 'Per Pleier',
      course: 'forstehjelp',
      completedOn: '2026-04-01',
      hours: 7.5,
      provider: 'Norsk Folkehjelp',
      expiresOn: EXPIRES,
      expiry: 'expiring',
      superseded: false,
      certificate: {
        name: 'Førstehjelp kursbevis.pdf',
        type: 'pdf',
        mime: 'application/pdf',
        size: PDF.length,
      },
    });
    const [row] = await rows();
    expect(row).toMatchObject({
      id: firstAid.id,
      employee_id: org.employees.sick,
      course: 'forstehjelp',
      title: null,
      completed_on: '2026-04-01',
      provider: 'Norsk Folkehjelp',
      expires_on: EXPIRES,
      certificate_name: 'Førstehjelp kursbevis.pdf',
      certificate_mime: 'application/pdf',
      certificate_size: PDF.length,
      created_by: org.userIds.hr,
    });
    expect(Number(row?.hours)).toBe(7.5);
    expect(Buffer.from(row?.certificate ?? Buffer.alloc(0)).equals(PDF)).toBe(true);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'entity_id', 'detail'])
      .where('entity_type', '=', 'training_record')
      .execute();
    expect(audit).toEqual([
      {
        action: 'create',
        actor_user_id: org.userIds.hr,
        entity_id: firstAid.id,
        detail: { employeeId: org.employees.sick, course: 'forstehjelp', certificate: true },
      },
    ]);
  });

  it('the download is an attachment with the sniffed type, nosniff and the UTF-8 name; it is audited', async () => {
    const reply = expectStatus(await org.clients.hr.get(`${B}/${firstAid.id}/bevis`), 200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    expect(reply.headers['content-disposition']).toBe(
      "attachment; filename*=UTF-8''F%C3%B8rstehjelp%20kursbevis.pdf",
    );
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['cache-control']).toContain('no-store');
    expect(reply.raw.rawPayload.equals(PDF)).toBe(true);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'entity_id'])
      .where('entity_type', '=', 'training_certificate')
      .execute();
    expect(audit).toEqual([{ action: 'read', actor_user_id: org.userIds.hr, entity_id: firstAid.id }]);
  });

  it('a record without a file has no certificate; its download is 404', async () => {
    const reply = expectStatus(
      await register(
        org.clients.hr,
        firstAidFields({ employeeId: org.employees.other, course: 'brannvern', expiresOn: '' }),
      ),
      201,
    );
    expect(reply.body).toMatchObject({ certificate: null, expiresOn: null, course: 'brannvern' });
    const row = (await rows()).find((r) => r.id === reply.body.id);
    expect(row).toMatchObject({
      certificate: null,
      certificate_name: null,
      certificate_size: null,
      expires_on: null,
    });
    expectStatus(await org.clients.hr.get(`${B}/${reply.body.id}/bevis`), 404);
  });

  it('a file that is not what its name says is a 400 naming «certificate», and nothing is written', async () => {
    const before = await count();
    const cases: FilePart[] = [
      { name: 'bevis.pdf', type: 'application/pdf', data: PNG },
      {
        name: 'bevis.pdf',
        type: 'application/pdf',
        data: Buffer.from('<html><script>alert(1)</script></html>'),
      },
      { name: 'bevis.png', type: 'image/png', data: PDF },
      { name: 'bevis.exe', type: 'application/octet-stream', data: PDF },
      { name: 'bevis.pdf', type: 'application/pdf', data: Buffer.alloc(0) },
    ];
    for (const file of cases) {
      const reply = expectStatus(await register<ErrorReply>(org.clients.hr, firstAidFields(), file), 400);
      expect(reply.body.error.fields?.map((f) => f.path)).toEqual(['certificate']);
      expect(reply.body.error.message).toContain('certificate');
    }
    const mismatch = expectStatus(
      await register<ErrorReply>(org.clients.hr, firstAidFields(), {
        name: 'bevis.pdf',
        type: 'application/pdf',
        data: PNG,
      }),
      400,
    );
    expect(mismatch.body.error.fields?.[0]?.message).toMatch(/stemmer ikke/);
    const stray = expectStatus(
      await register<ErrorReply>(org.clients.hr, firstAidFields(), {
        field: 'vedlegg',
        name: 'bevis.pdf',
        type: 'application/pdf',
        data: PDF,
      }),
      400,
    );
    expect(stray.body.error.fields?.[0]?.path).toBe('vedlegg');
    expect(await count()).toBe(before);
  });

  it('a file over the limit is a 413 naming «certificate», and nothing is written', async () => {
    const before = await count();
    const huge = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024, 0x20)]);
    const reply = expectStatus(
      await register<ErrorReply>(org.clients.hr, firstAidFields(), {
        name: 'stor.pdf',
        type: 'application/pdf',
        data: huge,
      }),
      413,
    );
    expect(reply.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(reply.body.error.fields?.[0]?.path).toBe('certificate');
    expect(reply.body.error.message).toMatch(/5 MB/);
    expect(await count()).toBe(before);
  });

  it('bad fields: a clear 400 naming the field, never a stack trace, and nothing written', async () => {
    const before = await count();
    const cases: [Record<string, string>, string][] = [
      [firstAidFields({ course: 'annet' }), 'title'],
      [firstAidFields({ course: 'dykking' }), 'course'],
      [firstAidFields({ completedOn: '2027-03-02' }), 'completedOn'],
      [firstAidFields({ completedOn: '2026-02-30' }), 'completedOn'],
      [firstAidFields({ expiresOn: '2026-04-01' }), 'expiresOn'],
      [firstAidFields({ hours: '0' }), 'hours'],
      [firstAidFields({ hours: '1001' }), 'hours'],
      [firstAidFields({ hours: 'mange' }), 'hours'],
      [firstAidFields({ hours: '' }), 'hours'],
      [firstAidFields({ provider: 'x'.repeat(201) }), 'provider'],
      [firstAidFields({ employeeId: org.employees.stranger }), 'employeeId'],
      [firstAidFields({ employeeId: 'ikke-en-id' }), 'employeeId'],
      [firstAidFields({ diagnose: 'nei' }), 'diagnose'],
    ];
    for (const [fields, field] of cases) {
      const reply = expectStatus(await register<ErrorReply>(org.clients.hr, fields), 400);
      expect(reply.body.error.fields?.map((f) => f.path)).toContain(field);
      expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.ts:\d+/);
    }
    const json = await org.clients.hr.post<ErrorReply>(B, firstAidFields());
    expect(json.status).toBe(415);
    expect(await count()).toBe(before);
  });

  it('who lacks what: the top leader lacks aml § 3-5 training, the verneombud the 40 hours (FOLM § 3-19)', async () => {
    const matrix = expectStatus(await org.clients.hr.get<Matrix>(`${B}/matrise`), 200).body;
    expect(matrix.columns.map((c) => c.course)).toEqual([
      'hms-leder',
      'vo-amu-40t',
      'forstehjelp',
      'brannvern',
    ]);
    expect(matrix.columns.find((c) => c.course === 'vo-amu-40t')).toMatchObject({ required: 1, gaps: 1 });
    const row = (id: string) => matrix.rows.find((r) => r.employeeId === id);
    const cell = (id: string, course: string) => row(id)?.cells.find((c) => c.course === course);
    expect(row(org.employees.vo)).toMatchObject({ voAmu: true, gaps: 1 });
    expect(cell(org.employees.vo, 'vo-amu-40t')).toMatchObject({ state: 'missing-required', gap: true });
    expect(cell(org.employees.leaderA, 'hms-leder')).toMatchObject({
      state: 'missing-required',
      required: true,
    });
    expect(cell(org.employees.sick, 'forstehjelp')).toMatchObject({
      state: 'expiring',
      recordId: firstAid.id,
      expiresOn: EXPIRES,
    });
    expect(cell(org.employees.sick, 'vo-amu-40t')).toMatchObject({ state: 'not-required', gap: false });
    expect(matrix.rows.map((r) => r.name)).toEqual(
      [...matrix.rows.map((r) => r.name)].sort((a, b) => a.localeCompare(b, 'nb')),
    );

    // A shorter agreed course (16 hours, with a note) fulfils it; the hours are shown.
    const short = expectStatus(
      await register(org.clients.hr, {
        employeeId: org.employees.vo,
        course: 'vo-amu-40t',
        completedOn: '2026-09-15',
        hours: '16',
        provider: 'BHT',
        note: 'Kortere kurs avtalt med AMU (FOLM § 3-19)',
      }),
      201,
    ).body;
    expect(short).toMatchObject({ hours: 16, note: 'Kortere kurs avtalt med AMU (FOLM § 3-19)' });
    const after = expectStatus(
      await org.clients.hr.get<Matrix>(`${B}/matrise?unitId=${org.unitA}`),
      200,
    ).body;
    expect(after.rows.every((r) => r.unitId === org.unitA)).toBe(true);
    const voCell = after.rows
      .find((r) => r.employeeId === org.employees.vo)
      ?.cells.find((c) => c.course === 'vo-amu-40t');
    expect(voCell).toMatchObject({ state: 'ok', gap: false, shortCourse: true, hours: 16 });

    const evidence = await trainingEvidence(t.db, org.orgId, TODAY, {
      topLeaderEmployeeId: org.employees.leaderA,
      voAmuEmployeeIds: [org.employees.vo],
    });
    expect(evidence).toEqual({ topLeaderHmsTraining: null, voAmuMembers: 1, voAmuWithout40h: 0 });
  });

  it('access: a leader sees only their own people, an employee only themselves, other tenants 404', async () => {
    const lederA = expectStatus(await org.clients.lederA.get<Matrix>(`${B}/matrise`), 200).body;
    expect(lederA.rows.map((r) => r.employeeId).sort()).toEqual(
      [org.employees.leaderA, org.employees.sick, org.employees.vo].sort(),
    );
    const lederB = expectStatus(await org.clients.lederB.get<Matrix>(`${B}/matrise`), 200).body;
    expect(lederB.rows.map((r) => r.employeeId).sort()).toEqual(
      [org.employees.leaderB, org.employees.other, org.employees.tv].sort(),
    );
    // Another unit's people stay hidden even when the leader asks for that unit.
    const asked = expectStatus(
      await org.clients.lederB.get<Matrix>(`${B}/matrise?unitId=${org.unitA}`),
      200,
    ).body;
    expect(asked.rows).toEqual([]);
    const listA = expectStatus(await org.clients.lederA.get<TrainingList>(B), 200).body;
    expect(listA.items.map((i) => i.employeeId)).not.toContain(org.employees.other);
    expect(listA.items.map((i) => i.id)).toContain(firstAid.id);
    const listB = expectStatus(await org.clients.lederB.get<TrainingList>(B), 200).body;
    expect(listB.items.map((i) => i.id)).not.toContain(firstAid.id);

    for (const who of ['self', 'otherAnsatt', 'verneombud', 'tillitsvalgt', 'amu', 'bht'] as const) {
      expectStatus(await org.clients[who].get(`${B}/matrise`), 404);
    }
    // Another organisation's admin sees their own organisation only.
    const foreign = expectStatus(await org.clients.otherOrg.get<Matrix>(`${B}/matrise`), 200).body;
    expect(foreign.rows.map((r) => r.employeeId)).toEqual([org.employees.stranger]);
    const own = expectStatus(await org.clients.self.get<TrainingList>(B), 200).body;
    expect(own.items.map((i) => i.employeeId)).toEqual([org.employees.sick]);
    const other = expectStatus(
      await org.clients.otherAnsatt.get<TrainingList>(`${B}?employeeId=${org.employees.sick}`),
      200,
    ).body;
    expect(other.items).toEqual([]);
    for (const who of ['amu', 'bht'] as const) expectStatus(await org.clients[who].get(B), 404);

    // Downloads: whoever may see the record.
    expectStatus(await org.clients.self.get(`${B}/${firstAid.id}/bevis`), 200);
    expectStatus(await org.clients.lederA.get(`${B}/${firstAid.id}/bevis`), 200);
    for (const who of ['lederB', 'otherAnsatt', 'verneombud', 'amu', 'otherOrg'] as const) {
      expectStatus(await org.clients[who].get(`${B}/${firstAid.id}/bevis`), 404);
    }

    // Only admin and HR write; everyone else (and another tenant's admin) gets 404, nothing changes.
    const before = await rows();
    for (const who of ['lederA', 'self', 'verneombud', 'otherOrg'] as const) {
      // Another tenant's admin may register, but our employee is unknown to them (400, as any unknown id).
      expectStatus(await register(org.clients[who], firstAidFields()), who === 'otherOrg' ? 400 : 404);
      expectStatus(
        await org.clients[who].put(`${B}/${firstAid.id}`, {
          course: 'forstehjelp',
          completedOn: '2026-04-01',
          hours: 1,
        }),
        404,
      );
      expectStatus(await org.clients[who].delete(`${B}/${firstAid.id}`), 404);
    }
    const otherList = expectStatus(await org.clients.otherOrg.get<TrainingList>(B), 200).body;
    expect(otherList.items).toEqual([]);
    expect(await rows()).toEqual(before);
  });

  it('«Min opplæring»: the employee sees their own courses; the verneombud what the law requires of them', async () => {
    const mine = expectStatus(await org.clients.self.get<MyTraining>('/api/v1/me/opplaering'), 200).body;
    expect(mine.employeeId).toBe(org.employees.sick);
    expect(mine.items.map((i) => i.id)).toEqual([firstAid.id]);
    expect(mine.required).toEqual([]);
    const vo = expectStatus(await org.clients.verneombud.get<MyTraining>('/api/v1/me/opplaering'), 200).body;
    expect(vo.required).toEqual([
      expect.objectContaining({
        course: 'vo-amu-40t',
        state: 'ok',
        gap: false,
        legalBasis: expect.stringContaining('FOLM'),
      }),
    ]);
    const none = expectStatus(await org.clients.amu.get<MyTraining>('/api/v1/me/opplaering'), 200).body;
    expect(none).toEqual({ employeeId: null, required: [], items: [] });
  });

  it('HR corrects a record (read back) and refuses bad input; deletes one with its certificate', async () => {
    const updated = expectStatus(
      await org.clients.hr.put<TrainingRecord>(`${B}/${firstAid.id}`, {
        course: 'forstehjelp',
        completedOn: '2026-04-02',
        hours: 8,
        provider: 'Røde Kors',
        expiresOn: EXPIRES,
        note: null,
        title: null,
      }),
      200,
    ).body;
    expect(updated).toMatchObject({ completedOn: '2026-04-02', hours: 8, provider: 'Røde Kors' });
    const row = (await rows()).find((r) => r.id === firstAid.id);
    expect(row).toMatchObject({ completed_on: '2026-04-02', provider: 'Røde Kors' });
    expect(Number(row?.hours)).toBe(8);
    expect(Buffer.from(row?.certificate ?? Buffer.alloc(0)).equals(PDF)).toBe(true);

    const bad = expectStatus(
      await org.clients.hr.put<ErrorReply>(`${B}/${firstAid.id}`, {
        course: 'annet',
        completedOn: '2026-04-02',
        hours: 8,
        expiresOn: '2026-01-01',
      }),
      400,
    );
    expect(bad.body.error.fields?.map((f) => f.path).sort()).toEqual(['expiresOn', 'title']);
    const future = expectStatus(
      await org.clients.hr.put<ErrorReply>(`${B}/${firstAid.id}`, {
        course: 'forstehjelp',
        completedOn: '2027-12-01',
        hours: 8,
      }),
      400,
    );
    expect(future.body.error.fields?.[0]?.path).toBe('completedOn');
    expect((await rows()).find((r) => r.id === firstAid.id)).toMatchObject({ completed_on: '2026-04-02' });
    expectStatus(
      await org.clients.hr.put(`${B}/${randomUUID()}`, {
        course: 'forstehjelp',
        completedOn: '2026-04-02',
        hours: 8,
      }),
      404,
    );

    const extra = expectStatus(
      await register(org.clients.hr, firstAidFields({ course: 'kjemikalier', expiresOn: '' }), {
        name: 'kjemi.png',
        type: 'image/png',
        data: PNG,
      }),
      201,
    ).body;
    expectStatus(await org.clients.hr.delete(`${B}/${extra.id}`), 200);
    expect((await rows()).some((r) => r.id === extra.id)).toBe(false);
    expectStatus(await org.clients.hr.delete(`${B}/${extra.id}`), 404);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'training_record')
      .where('entity_id', 'in', [firstAid.id, extra.id])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'create', 'delete']);
  });

  it('reminds the leader 30 days before expiry, exactly once, naming the course and not the person', async () => {
    const first = addDays(EXPIRES, -30);
    const notifications = () =>
      t.db
        .selectFrom('notification')
        .select(['key', 'user_id', 'title_nb', 'body_nb', 'remind_date', 'employee_id'])
        .where('organisation_id', '=', org.orgId)
        .where('key', 'like', 'reminder:opplaering:%')
        .execute();
    expect(await notifications()).toEqual([]);
    await runSweep({ db: t.db, deadlineSource: trainingDeadlines, today: first });
    const sent = await notifications();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      user_id: org.userIds.lederA,
      remind_date: first,
      employee_id: org.employees.sick,
    });
    expect(sent[0]?.key).toContain(`:${firstAid.id}:expiry:before:${first}:`);
    expect(sent[0]?.title_nb).toContain('Førstehjelpskurs går ut');
    expect(`${sent[0]?.title_nb} ${sent[0]?.body_nb}`).not.toContain('Per');
    await runSweep({ db: t.db, deadlineSource: trainingDeadlines, today: first });
    await runSweep({ db: t.db, deadlineSource: trainingDeadlines, today: addDays(first, 1) });
    expect(await notifications()).toHaveLength(1);

    // A newer first-aid record closes it: no reminder on the day.
    expectStatus(
      await register(org.clients.hr, firstAidFields({ completedOn: '2027-02-20', expiresOn: '2029-02-20' })),
      201,
    );
    const deadlines = await trainingDeadlines(t.db, {
      organisationId: org.orgId,
      from: EXPIRES,
      to: EXPIRES,
      today: EXPIRES,
    });
    expect(deadlines.find((d) => d.subjectId === firstAid.id)?.open).toBe(false);
    await runSweep({ db: t.db, deadlineSource: trainingDeadlines, today: EXPIRES });
    expect(await notifications()).toHaveLength(1);
  });

  it('retention: records and certificates go 3 years after employment ended, logged without content', async () => {
    const leaver = async (name: string, end: string) => {
      const e = await t.db
        .insertInto('employee')
        .values({
          organisation_id: org.orgId,
          name,
          employment_start: '2015-01-01',
          employment_end: end,
          unit_id: org.unitA,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expectStatus(
        await register(
          org.clients.hr,
          firstAidFields({ employeeId: e.id, completedOn: '2016-01-01', expiresOn: '' }),
          {
            name: 'gammel.pdf',
            type: 'application/pdf',
            data: PDF,
          },
        ),
        201,
      );
      return e.id;
    };
    const gone = await leaver('Gamle Gunnar', addMonths(TODAY, -36));
    const kept = await leaver('Nylig Nina', addDays(addMonths(TODAY, -36), 1));
    const before = await count();
    expect(await runTrainingRetention(t.db, TODAY)).toEqual({ employees: 1, records: 1 });
    const left = await rows();
    expect(left).toHaveLength(before - 1);
    expect(left.some((r) => r.employee_id === gone)).toBe(false);
    expect(left.some((r) => r.employee_id === kept)).toBe(true);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'actor_roles', 'action', 'entity_id', 'detail'])
      .where('entity_type', '=', 'training_record')
      .where('actor_roles', '=', 'system')
      .execute();
    expect(audit).toEqual([
      {
        actor_user_id: null,
        actor_roles: 'system',
        action: 'delete',
        entity_id: gone,
        detail: { record: 'training_record', count: 1, rule: expect.stringContaining('3 years') },
      },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Gunnar|gammel|Folkehjelp/);
    // Idempotent.
    expect(await runTrainingRetention(t.db, TODAY)).toEqual({ employees: 0, records: 0 });
    const n = await sql<{
      n: number;
    }>`select count(*)::int as n from training_record where employee_id = ${gone}`.execute(t.db);
    expect(n.rows[0]?.n).toBe(0);
  });
});
