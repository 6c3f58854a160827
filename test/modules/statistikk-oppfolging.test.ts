/**
 * ★ Oppfølging innen fristen and the NAV benchmark through the API on both databases.
 * KPI: worked cases from stored periods and milestone records (aml § 4-6 (3): plan by 4 weeks,
 * § 4-6 (4): dialogmøte 1 by 7 weeks), masked below 5 persons with complementary suppression, the
 * same scope as the rates (HR/admin/AMU the organisation, a leader their units, others 404).
 * Benchmark: HR/admin import NAV's CSV (stored, audit-logged, replacing the same figure), leaders and
 * AMU read it with the quarter and source named; a bad file is a 400 naming the line, nothing written.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  BenchmarkImportResult,
  BenchmarkView,
  OppfolgingView,
  StatistikkView,
} from '../../src/contracts/statistikk/statistikk.schemas.ts';
import { beregnOppfolging, quartersEndingWith } from '../../src/domain/statistikk/index.ts';
import {
  BENCHMARK_URL_ENV,
  benchmarkUrl,
  importBenchmarkFromUrl,
  loadOppfolgingInput,
} from '../../src/modules/statistikk/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { ACTORS, buildSickOrg, type ErrorReply, type SickOrg } from '../support/sykefravaer-org.ts';

const TODAY = '2026-11-10';
const KPI = '/api/v1/statistikk/oppfolging';
const BENCH = '/api/v1/statistikk/benchmark';
/** Mon 5 Jan – Fri 6 Mar 2026 at 100 %: plan due 1 Feb (S + 27), dialogmøte 1 due 22 Feb (S + 48). */
const CASE_START = '2026-01-05';

function multipart(content: Buffer, filename: string, mimetype = 'text/csv') {
  const boundary = `----naervaer${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
    `Content-Type: ${mimetype}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
function upload<T>(client: TestClient, content: Buffer, filename: string, mimetype?: string) {
  const { body, contentType } = multipart(content, filename, mimetype);
  return client.request<T>('POST', BENCH, body, { 'content-type': contentType });
}
const csv = (lines: string[], encoding: BufferEncoding = 'utf8') =>
  Buffer.from(`${lines.join('\r\n')}\r\n`, encoding);

describeEachDatabase('statistikk: oppfølging and benchmark on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  const a: string[] = [];
  const b: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
    const add = async (name: string, unitId: string, leaderId: string) => {
      const id = expectStatus(
        await org.clients.admin.post<{ id: string }>('/api/v1/employees', {
          name,
          employmentStart: '2020-01-15',
          positionPercent: 100,
          unitId,
          leaderId,
        }),
        201,
      ).body.id;
      expectStatus(
        await org.clients.hr.post(`/api/v1/sykefravaer/employees/${id}/periods`, {
          type: 'sykmelding',
          start: CASE_START,
          end: '2026-03-06',
          grade: 100,
          version: 0,
        }),
        201,
      );
      return id;
    };
    for (let i = 1; i <= 6; i++) a.push(await add(`A${i} Ansatt`, org.unitA, org.employees.leaderA));
    for (let i = 1; i <= 5; i++) b.push(await add(`B${i} Ansatt`, org.unitB, org.employees.leaderB));

    // The records the documents write (a plan sent to the sykmelder, a meeting's minutes), on chosen days.
    const record = async (
      employeeId: string,
      key: 'oppfolgingsplan' | 'dialogmote1',
      kind: 'done' | 'exception',
      day: string,
      evidenceRef: string | null = null,
    ) =>
      t.db
        .insertInto('milestone_record')
        .values({
          organisation_id: org.orgId,
          employee_id: employeeId,
          case_start: CASE_START,
          milestone_key: key,
          kind,
          note: null,
          reason: kind === 'exception' ? 'Åpenbart unødvendig' : null,
          evidence_ref: evidenceRef,
          recorded_by: org.userIds.hr,
          recorded_at: `${day}T10:00:00+01:00`,
        })
        .execute();
    // Plans: A1–A4 in time, A5 late, A6 none; B1–B4 in time, B5 none → 11 cases, 8 in time.
    for (const id of [...a.slice(0, 4), ...b.slice(0, 4)])
      await record(id, 'oppfolgingsplan', 'done', '2026-01-28');
    await record(a[4] as string, 'oppfolgingsplan', 'done', '2026-02-10');
    // Dialogmøte 1: A1's meeting was held 20 Feb (in time) though the minutes were saved 25 Feb; A2
    // recorded 23 Feb (late); A3 and B5 «åpenbart unødvendig» (not counted); the rest none (late).
    const meeting = await t.db
      .insertInto('dialogmote')
      .values({
        organisation_id: org.orgId,
        employee_id: a[0] as string,
        case_start: CASE_START,
        starts_at: '2026-02-20T09:00:00+01:00',
        duration_minutes: 60,
        status: 'gjennomfort',
        version: 2,
        created_by: org.userIds.hr,
        updated_by: org.userIds.hr,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await record(a[0] as string, 'dialogmote1', 'done', '2026-02-25', `dialogmote:${meeting.id}`);
    await record(a[1] as string, 'dialogmote1', 'done', '2026-02-23');
    await record(a[2] as string, 'dialogmote1', 'exception', '2026-02-01');
    await record(b[4] as string, 'dialogmote1', 'exception', '2026-02-01');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const kpi = async (who: keyof SickOrg['clients'], query = '?quarter=2026Q1') =>
    expectStatus(await org.clients[who].get<OppfolgingView>(`${KPI}${query}`), 200).body;

  it('HR: plans 8 of 11 in time (72.7 %), per unit 4 of 6 and 4 of 5', async () => {
    const view = await kpi('hr');
    expect(view.quarter).toBe('2026Q1');
    expect(view.weeks).toEqual({ oppfolgingsplan: 4, dialogmote1: 7 });
    const q1 = view.quarters.find((q) => q.quarter === '2026Q1');
    expect(q1?.oppfolgingsplan.organisation).toEqual({
      masked: false,
      cases: 11,
      inTime: 8,
      late: 3,
      percent: 72.7,
    });
    expect(q1?.oppfolgingsplan.units).toEqual([
      {
        unitId: org.unitA,
        name: 'Hjemmetjenesten',
        parentId: null,
        masked: false,
        cases: 6,
        inTime: 4,
        late: 2,
        percent: 66.7,
      },
      {
        unitId: org.unitB,
        name: 'Skolen',
        parentId: null,
        masked: false,
        cases: 5,
        inTime: 4,
        late: 1,
        percent: 80,
      },
    ]);
  });

  it('dialogmøte 1: the meeting day counts, exceptions are left out; 4 persons in B mask B and A', async () => {
    const q1 = (await kpi('hr')).quarters.find((q) => q.quarter === '2026Q1');
    // A: A1 in time, A2/A4/A5/A6 late (A3 exempt); B: B1–B4 late (B5 exempt) → 9 cases, 1 in time.
    expect(q1?.dialogmote1.organisation).toEqual({
      masked: false,
      cases: 9,
      inTime: 1,
      late: 8,
      percent: 11.1,
    });
    expect(q1?.dialogmote1.units).toEqual([
      {
        unitId: org.unitA,
        name: 'Hjemmetjenesten',
        parentId: null,
        masked: true,
        maskReason: 'complementary',
      },
      { unitId: org.unitB, name: 'Skolen', parentId: null, masked: true, maskReason: 'population' },
    ]);
    // A quarter with no case due: masked, no figures.
    const q2 = q1 && (await kpi('hr', '?quarter=2026Q2')).quarters.at(-1);
    expect(q2?.oppfolgingsplan.organisation).toEqual({ masked: true, maskReason: 'population' });
  });

  it('the figures are exactly the pure function’s on the stored data, and the read is audit-logged', async () => {
    const view = await kpi('admin');
    const input = await loadOppfolgingInput(
      t.db,
      org.orgId,
      quartersEndingWith('2026Q1', 8),
      '2024-04-01',
      TODAY,
    );
    const pure = beregnOppfolging(input);
    expect(view.rolling.oppfolgingsplan.organisation).toEqual(pure.rolling.oppfolgingsplan.organisation);
    expect(view.quarters.map((q) => q.dialogmote1.organisation)).toEqual(
      pure.quarters.map((q) => q.dialogmote1.organisation),
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('organisation_id', '=', org.orgId)
      .where('entity_type', '=', 'statistikk_oppfolging')
      .execute();
    expect(audit).toContainEqual({ action: 'read', actor_user_id: org.userIds.admin });
  });

  it('a leader sees their own unit only; AMU the organisation; others 404; a foreign unit 404', async () => {
    const leader = await kpi('lederA');
    expect(leader.scope).toBe('units');
    const q1 = leader.quarters.find((q) => q.quarter === '2026Q1');
    expect(q1?.oppfolgingsplan.organisation).toBeNull();
    expect(q1?.oppfolgingsplan.units.map((u) => u.unitId)).toEqual([org.unitA]);
    expect((await kpi('amu')).scope).toBe('organisation');
    for (const who of ['self', 'otherAnsatt', 'verneombud', 'tillitsvalgt', 'bht'] as const) {
      expect((await org.clients[who].get<ErrorReply>(`${KPI}?quarter=2026Q1`)).status, who).toBe(404);
    }
    expect((await org.clients.lederA.get<ErrorReply>(`${KPI}?unitId=${org.unitB}`)).status).toBe(404);
    expect((await org.clients.otherOrg.get<ErrorReply>(`${KPI}?unitId=${org.unitA}`)).status).toBe(404);
    const other = await kpi('otherOrg');
    expect(other.quarters.at(-1)?.oppfolgingsplan.units.map((u) => u.unitId)).not.toContain(org.unitA);
  });

  it('a bad or future quarter is a 400 naming the field', async () => {
    for (const q of ['2026Q5', 'K1', '2027Q1']) {
      const reply = await org.clients.hr.get<ErrorReply>(`${KPI}?quarter=${q}`);
      expect(reply.status, q).toBe(400);
      expect(reply.body.error.fields?.map((f) => f.path)).toContain('query.quarter');
    }
  });

  // ---- benchmark ----

  const stored = () =>
    t.db
      .selectFrom('statistikk_benchmark')
      .select(['organisation_id', 'quarter', 'kategori', 'kode', 'navn', 'hundredths'])
      .orderBy('organisation_id')
      .orderBy('quarter')
      .orderBy('kode')
      .execute();

  it('without an import the page is told there is none', async () => {
    const view = expectStatus(await org.clients.hr.get<BenchmarkView>(`${BENCH}?quarter=2026Q3`), 200).body;
    expect(view).toEqual({ requestedQuarter: '2026Q3', quarter: null, rows: [] });
  });

  it('HR imports NAV’s CSV: stored, audit-logged; readers get the latest quarter up to theirs with the source', async () => {
    const file = csv([
      'Kvartal;Kategori;Kode;Navn;Prosent',
      '2026K1;Næring;86;Helsetjenester;8,4',
      '2026K2;Næring;86;Helsetjenester;7,9',
      '2026K2;Sektor;3;Kommunal forvaltning;7,25',
      '2026K2;Land;;Hele landet;6,1',
    ]);
    const result = expectStatus(
      await upload<BenchmarkImportResult>(org.clients.hr, file, 'nav-2026K2.csv'),
      201,
    ).body;
    expect(result).toMatchObject({ rows: 4, quarters: ['2026Q1', '2026Q2'] });
    expect(await stored()).toEqual([
      {
        organisation_id: org.orgId,
        quarter: '2026Q1',
        kategori: 'naering',
        kode: '86',
        navn: 'Helsetjenester',
        hundredths: 840,
      },
      {
        organisation_id: org.orgId,
        quarter: '2026Q2',
        kategori: 'sektor',
        kode: '3',
        navn: 'Kommunal forvaltning',
        hundredths: 725,
      },
      {
        organisation_id: org.orgId,
        quarter: '2026Q2',
        kategori: 'naering',
        kode: '86',
        navn: 'Helsetjenester',
        hundredths: 790,
      },
      {
        organisation_id: org.orgId,
        quarter: '2026Q2',
        kategori: 'land',
        kode: 'alle',
        navn: 'Hele landet',
        hundredths: 610,
      },
    ]);
    const imported = await t.db
      .selectFrom('statistikk_benchmark_import')
      .select(['id', 'source_kind', 'source_name', 'row_count', 'imported_by'])
      .where('organisation_id', '=', org.orgId)
      .execute();
    expect(imported).toEqual([
      {
        id: result.importId,
        source_kind: 'fil',
        source_name: 'nav-2026K2.csv',
        row_count: 4,
        imported_by: org.userIds.hr,
      },
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'entity_id'])
      .where('organisation_id', '=', org.orgId)
      .where('entity_type', '=', 'statistikk_benchmark')
      .execute();
    expect(audit).toEqual([{ action: 'import', actor_user_id: org.userIds.hr, entity_id: result.importId }]);

    for (const who of ['lederA', 'amu', 'admin'] as const) {
      const view = expectStatus(
        await org.clients[who].get<BenchmarkView>(`${BENCH}?quarter=2026Q3`),
        200,
      ).body;
      expect(view.quarter, who).toBe('2026Q2');
      expect(view.rows.map((r) => [r.kategori, r.kode, r.prosent])).toEqual([
        ['land', 'alle', 6.1],
        ['sektor', '3', 7.25],
        ['naering', '86', 7.9],
      ]);
      expect(view.rows[0]?.source).toMatchObject({ kind: 'fil', name: 'nav-2026K2.csv' });
    }
    const q1 = expectStatus(await org.clients.hr.get<BenchmarkView>(`${BENCH}?quarter=2026Q1`), 200).body;
    expect(q1.rows).toEqual([expect.objectContaining({ kode: '86', prosent: 8.4 })]);
  });

  it('a later import replaces the same figure (comma separator, Windows-1252) and keeps the others', async () => {
    const file = csv(
      ['kvartal,kategori,kode,navn,prosent', '2026Q2,næring,86,Helsetjenester,"8,0"'],
      'latin1',
    );
    expectStatus(await upload<BenchmarkImportResult>(org.clients.admin, file, 'rettet.csv'), 201);
    const rows = await stored();
    expect(rows.filter((r) => r.quarter === '2026Q2' && r.kode === '86')).toEqual([
      {
        organisation_id: org.orgId,
        quarter: '2026Q2',
        kategori: 'naering',
        kode: '86',
        navn: 'Helsetjenester',
        hundredths: 800,
      },
    ]);
    expect(rows).toHaveLength(4);
    const view = expectStatus(await org.clients.hr.get<BenchmarkView>(`${BENCH}?quarter=2026Q2`), 200).body;
    expect(view.rows.find((r) => r.kode === '86')?.source.name).toBe('rettet.csv');
    expect(view.rows.find((r) => r.kode === '3')?.source.name).toBe('nav-2026K2.csv');
  });

  it('a bad file is a 400 naming the line, and nothing is written', async () => {
    const before = await stored();
    const imports = async () =>
      (await t.db.selectFrom('statistikk_benchmark_import').select('id').execute()).length;
    const importsBefore = await imports();
    const cases: [Buffer, string, string][] = [
      [
        csv([
          'kvartal;kategori;kode;navn;prosent',
          '2026K3;næring;86;Helse;7,1',
          '2026K3;næring;41;Bygg;mye',
        ]),
        'Linje 3',
        'f.csv',
      ],
      [csv(['kvartal;kode;navn;prosent', '2026K3;86;Helse;7,1']), 'Linje 1', 'f.csv'],
      [csv(['kvartal;kategori;kode;navn;prosent', '2026K9;næring;86;Helse;7,1']), 'Linje 2', 'f.csv'],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), 'CSV', 'bilde.csv'],
    ];
    for (const [file, says, name] of cases) {
      const reply = await upload<ErrorReply>(org.clients.hr, file, name);
      expect(reply.status, says).toBe(400);
      expect(reply.body.error.message).toContain(says);
      expect(reply.body.error.fields?.map((f) => f.path)).toContain('file');
    }
    const none = await org.clients.hr.request<ErrorReply>('POST', BENCH, Buffer.from(''), {
      'content-type': 'multipart/form-data; boundary=x',
    });
    expect(none.status).toBeGreaterThanOrEqual(400);
    expect(none.status).toBeLessThan(500);
    expect(await stored()).toEqual(before);
    expect(await imports()).toBe(importsBefore);
  });

  it.each(ACTORS.filter((x) => !['admin', 'hr', 'otherOrg'].includes(x)))(
    '%s may not import (404); only admin, HR, leaders and AMU read',
    async (who) => {
      const file = csv(['kvartal;kategori;kode;navn;prosent', '2026K2;næring;01;Jordbruk;1']);
      expect((await upload<ErrorReply>(org.clients[who], file, 'x.csv')).status).toBe(404);
      const read = await org.clients[who].get<ErrorReply>(BENCH);
      expect(read.status).toBe(['lederA', 'lederB', 'amu'].includes(who) ? 200 : 404);
      expect((await stored()).some((r) => r.kode === '01')).toBe(false);
    },
  );

  it('another organisation’s import is its own', async () => {
    const file = csv(['kvartal;kategori;kode;navn;prosent', '2026K2;næring;62;IT;3,5']);
    expectStatus(await upload<BenchmarkImportResult>(org.clients.otherOrg, file, 'annen.csv'), 201);
    const mine = expectStatus(await org.clients.hr.get<BenchmarkView>(`${BENCH}?quarter=2026Q2`), 200).body;
    expect(mine.rows.map((r) => r.kode)).not.toContain('62');
    const theirs = expectStatus(
      await org.clients.otherOrg.get<BenchmarkView>(`${BENCH}?quarter=2026Q2`),
      200,
    ).body;
    expect(theirs.rows.map((r) => r.kode)).toEqual(['62']);
  });

  it('the operator’s URL: fetched by the job, stored for every organisation naming the URL; a bad file writes nothing', async () => {
    let body = 'kvartal;kategori;kode;navn;prosent\r\n2026K3;næring;86;Helsetjenester;8,1\r\n';
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/nav.csv`;
    try {
      expect(benchmarkUrl({ [BENCHMARK_URL_ENV]: url })).toBe(url);
      expect(benchmarkUrl({ [BENCHMARK_URL_ENV]: 'ftp://nav.no/x.csv' })).toBeNull();
      expect(benchmarkUrl({})).toBeNull();
      expect(await importBenchmarkFromUrl(t.db, url)).toBeGreaterThanOrEqual(2);
      const rows = await t.db
        .selectFrom('statistikk_benchmark as b')
        .innerJoin('statistikk_benchmark_import as i', (j) =>
          j.onRef('i.organisation_id', '=', 'b.organisation_id').onRef('i.id', '=', 'b.import_id'),
        )
        .select(['b.organisation_id', 'b.hundredths', 'i.source_kind', 'i.source_name', 'i.imported_by'])
        .where('b.quarter', '=', '2026Q3')
        .execute();
      expect(rows.map((r) => r.organisation_id).sort()).toEqual(
        expect.arrayContaining([org.orgId, org.otherOrgId].sort()),
      );
      expect(
        rows.every((r) => r.source_kind === 'url' && r.source_name === url && r.imported_by === null),
      ).toBe(true);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['actor_user_id', 'actor_roles'])
        .where('organisation_id', '=', org.orgId)
        .where('entity_type', '=', 'statistikk_benchmark')
        .where('actor_roles', '=', 'system')
        .execute();
      expect(audit).toEqual([{ actor_user_id: null, actor_roles: 'system' }]);
      const view = expectStatus(
        await org.clients.amu.get<BenchmarkView>(`${BENCH}?quarter=2026Q3`),
        200,
      ).body;
      expect(view.quarter).toBe('2026Q3');
      expect(view.rows).toEqual([
        expect.objectContaining({
          prosent: 8.1,
          source: expect.objectContaining({ kind: 'url', name: url }),
        }),
      ]);

      const before = await t.db.selectFrom('statistikk_benchmark_import').select('id').execute();
      body = 'kvartal;kategori;kode;navn;prosent\r\n2026K3;næring;86;Helsetjenester;åtte\r\n';
      await expect(importBenchmarkFromUrl(t.db, url)).rejects.toThrow(/Line 2/);
      expect(await t.db.selectFrom('statistikk_benchmark_import').select('id').execute()).toHaveLength(
        before.length,
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('the computed rates are cached per organisation and quarter, and a committed change is seen at once', async () => {
    const rate = async () => {
      const view = expectStatus(
        await org.clients.hr.get<StatistikkView>('/api/v1/statistikk?quarter=2026Q1'),
        200,
      ).body;
      const g = view.quarters.at(-1)?.organisation;
      return g && !g.masked ? g.tapteDagsverk.total : null;
    };
    const before = await rate();
    expect(before).not.toBeNull();
    expect(await rate()).toBe(before); // the second read is the cached one
    // A change committed straight in the database (as another process would): one more sick day.
    const period = await t.db
      .selectFrom('absence_period')
      .select(['id', 'end_date'])
      .where('organisation_id', '=', org.orgId)
      .where('employee_id', '=', a[0] as string)
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('absence_period')
      .set({ end_date: '2026-03-09' })
      .where('organisation_id', '=', org.orgId)
      .where('id', '=', period.id)
      .execute();
    await t.settle();
    expect(await rate()).toBe((before ?? 0) + 1);
    await t.db
      .updateTable('absence_period')
      .set({ end_date: period.end_date })
      .where('organisation_id', '=', org.orgId)
      .where('id', '=', period.id)
      .execute();
    await t.settle();
    expect(await rate()).toBe(before);
  });
});
