/**
 * ADR 0023: the served statistics come from stored per-person contributions recomputed for the
 * persons whose periods or employment changed. After every kind of change the served numbers must
 * equal a fresh `beregnStatistikk` over the raw rows; a hard deletion (retention) must not change a
 * past quarter. On PGlite and PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { beregnStatistikk, quartersEndingWith } from '../../src/domain/statistikk/index.ts';
import { computeStatistikk, loadStatistikkInput } from '../../src/modules/statistikk/index.ts';
import { markExisting } from '../../src/modules/statistikk/migrations/0053-statistikk-bidrag.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, type SickOrg } from '../support/sykefravaer-org.ts';

const TODAY = '2026-11-10';
const QUARTER = '2026Q3';
/** 2026Q3 as a quarter index (year × 4 + n − 1). */
const Q3_INDEX = 2026 * 4 + 2;

describeEachDatabase('statistikk contributions on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  const names = ['Ada', 'Bo', 'Cato', 'Dina', 'Eli', 'Fia'];
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
    for (const n of names) {
      ids.push(
        expectStatus(
          await org.clients.admin.post<{ id: string }>('/api/v1/employees', {
            name: n,
            employmentStart: '2020-01-15',
            positionPercent: 80,
            unitId: org.unitA,
          }),
          201,
        ).body.id,
      );
    }
    const url = `/api/v1/sykefravaer/employees/${org.employees.sick}/periods`;
    // A short case in Q2 and a long one across Q2/Q3 (langtid needs the whole oppfølgingstilfelle).
    expectStatus(
      await org.clients.hr.post(url, {
        type: 'egenmelding',
        start: '2026-05-04',
        end: '2026-05-06',
        version: 0,
      }),
      201,
    );
    expectStatus(
      await org.clients.hr.post(url, {
        type: 'sykmelding',
        start: '2026-06-22',
        end: '2026-07-10',
        grade: 50,
        version: 1,
      }),
      201,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const fresh = async () =>
    beregnStatistikk(
      await loadStatistikkInput(
        t.db,
        org.orgId,
        quartersEndingWith(QUARTER, 8),
        quartersEndingWith(QUARTER, 4)[0] as string,
      ),
    );
  const served = async () => (await computeStatistikk(t.db, org.orgId, QUARTER)).output;
  const stored = async (employeeId: string) =>
    t.db
      .selectFrom('statistikk_fravaer')
      .select(['quarter', 'lk', 'll', 'ek', 'el'])
      .where('organisation_id', '=', org.orgId)
      .where('employee_id', '=', employeeId)
      .orderBy('quarter')
      .execute();

  it('serves the function’s numbers and stores the person’s contributions per quarter', async () => {
    const got = await served();
    expect(got).toEqual(await fresh());
    const rows = await stored(org.employees.sick);
    // Q2: 3 egenmeldt korttid days + 7 legemeldt langtid days at 50 %; Q3: 8 legemeldt langtid days at 50 %
    // (the 19-day case is langtid in both quarters). Millionths: days × position 100 % (10 000) × grade.
    expect(rows.map((r) => [r.quarter, Number(r.lk), Number(r.ll), Number(r.ek), Number(r.el)])).toEqual([
      [Q3_INDEX - 1, 0, 7 * 10_000 * 50, 3 * 10_000 * 100, 0],
      [Q3_INDEX, 0, 8 * 10_000 * 50, 0, 0],
    ]);
    const dirty = await t.db
      .selectFrom('statistikk_dirty')
      .select('employee_id')
      .where('organisation_id', '=', org.orgId)
      .execute();
    expect(dirty).toEqual([]);
  });

  it('a period changed straight in the database: the next read recomputes that person and equals a fresh computation', async () => {
    const before = await served();
    await t.db
      .updateTable('absence_period')
      .set({ end_date: '2026-07-03' })
      .where('organisation_id', '=', org.orgId)
      .where('employee_id', '=', org.employees.sick)
      .where('type', '=', 'sykmelding')
      .execute();
    const marked = await t.db
      .selectFrom('statistikk_dirty')
      .select('employee_id')
      .where('organisation_id', '=', org.orgId)
      .execute();
    expect(marked.map((m) => m.employee_id)).toEqual([org.employees.sick]);
    const after = await served();
    expect(after).toEqual(await fresh());
    expect(after).not.toEqual(before);
    // 2026-06-22 … 07-03 is 12 days: korttid now, in both quarters (Q3: Wed 1 – Fri 3 July).
    const rows = await stored(org.employees.sick);
    expect(rows.map((r) => [r.quarter, Number(r.lk), Number(r.ll)])).toEqual([
      [Q3_INDEX - 1, 7 * 10_000 * 50, 0],
      [Q3_INDEX, 3 * 10_000 * 50, 0],
    ]);
  });

  it('a new period through the API and a change of position percent are recomputed too', async () => {
    const url = `/api/v1/sykefravaer/employees/${ids[0]}/periods`;
    expectStatus(
      await org.clients.hr.post(url, {
        type: 'sykmelding',
        start: '2026-08-03',
        end: '2026-08-28',
        grade: 100,
        version: 0,
      }),
      201,
    );
    expect(await served()).toEqual(await fresh());
    await t.db
      .updateTable('employee')
      .set({ position_percent: 60 })
      .where('organisation_id', '=', org.orgId)
      .where('id', '=', ids[0] as string)
      .execute();
    expect(await served()).toEqual(await fresh());
    const rows = await stored(ids[0] as string);
    expect(rows.map((r) => [r.quarter, Number(r.ll)])).toEqual([[Q3_INDEX, 20 * 6_000 * 100]]);
  });

  it('the migration’s fill: with the table emptied, marking existing data gives the same numbers', async () => {
    await sql`delete from statistikk_fravaer where organisation_id = ${org.orgId}::uuid`.execute(t.db);
    await markExisting(t.db);
    expect(await served()).toEqual(await fresh());
    expect((await stored(org.employees.sick)).length).toBe(2);
  });

  it('a hard deletion (retention) does not change a past quarter: the contribution is archived per unit', async () => {
    const before = await served();
    const q2Before = before.quarters.find((q) => q.quarter === '2026Q2');
    await t.db
      .deleteFrom('absence_period')
      .where('organisation_id', '=', org.orgId)
      .where('employee_id', '=', org.employees.sick)
      .where('type', '=', 'egenmelding')
      .execute();
    const after = await served();
    expect(after.quarters.find((q) => q.quarter === '2026Q2')).toEqual(q2Before);
    // The person's own row for 2026Q2 is gone (moved into the anonymous per-unit sum); Q3 recomputed.
    const rows = await stored(org.employees.sick);
    expect(rows.map((r) => r.quarter)).toEqual([Q3_INDEX]);
    const archived = await t.db
      .selectFrom('statistikk_arkiv')
      .select(['unit_id', 'quarter', 'lk', 'ek'])
      .where('organisation_id', '=', org.orgId)
      .execute();
    expect(archived.map((a) => [a.quarter, Number(a.lk), Number(a.ek)])).toEqual([
      [Q3_INDEX - 1, 7 * 10_000 * 50, 3 * 10_000 * 100],
    ]);
    expect(archived[0]?.unit_id).toBe(org.unitA);
    // A later change to the person's periods does not bring the frozen quarter back.
    await t.db
      .updateTable('absence_period')
      .set({ end_date: '2026-07-02' })
      .where('organisation_id', '=', org.orgId)
      .where('employee_id', '=', org.employees.sick)
      .execute();
    const later = await served();
    expect(later.quarters.find((q) => q.quarter === '2026Q2')).toEqual(q2Before);
    expect(later.quarters.find((q) => q.quarter === '2026Q3')).toEqual(
      (await fresh()).quarters.find((q) => q.quarter === '2026Q3'),
    );
  });
});
