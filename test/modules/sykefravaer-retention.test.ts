/**
 * §11.9 retention, with a fixed `today`: the job deletes exactly the case data that is due, logs one
 * audit entry per kind of record (count and rule, no content), respects HR's hold, and is idempotent.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registry } from '../../src/app/registry.ts';
import { createWorker } from '../../src/jobs/index.ts';
import { RETENTION_JOB, runRetention, scheduleRetention } from '../../src/modules/sykefravaer/index.ts';
import { osloToday } from '../../src/platform/clock.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { insertEmployee, insertPeriod, insertRecord } from '../support/sykefravaer-fixture.ts';

const TODAY = '2026-06-15';

describeEachDatabase('sykefravær retention on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let hr: TestClient;
  let org: { organisationId: string; unitId: string };
  const ids = {} as Record<'a' | 'b' | 'c' | 'd', string>;
  const periods = {} as Record<'cOldEgen' | 'cOldSyk' | 'cNewEgen' | 'cNewSyk', string>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = t.client();
    const organisationId = await admin.setup();
    const unit = expectStatus(
      await admin.post<{ id: string }>('/api/v1/units', { name: 'Enheten' }),
      201,
    ).body;
    org = { organisationId, unitId: unit.id };
    expectStatus(
      await admin.post('/api/v1/users', {
        name: 'Hanne HR',
        email: 'hanne@example.no',
        password: 'hanne-passord-1',
        roles: ['hr'],
      }),
      201,
    );
    hr = t.client();
    expectStatus(await hr.login('hanne@example.no', 'hanne-passord-1'), 200);

    const db = t.db;
    const o = organisationId;
    // A: an old case (ended 2025-03-31), with a deleted period, a milestone record and an AGP override.
    ids.a = await insertEmployee(db, org, 'Anna Gammel');
    await insertPeriod(db, o, ids.a, { type: 'sykmelding', start: '2025-01-01', end: '2025-03-31' });
    await insertPeriod(db, o, ids.a, {
      type: 'ferie',
      start: '2025-05-01',
      end: '2025-05-20',
      deleted: true,
    });
    await insertRecord(db, o, ids.a, { caseStart: '2025-01-01', key: 'oppfolgingsplan', kind: 'done' });
    await db
      .insertInto('sykefravaer_agp_override')
      .values({
        organisation_id: o,
        employee_id: ids.a,
        case_start: '2025-01-01',
        end_date: '2025-01-16',
        set_by: null,
      })
      .execute();
    // B: the same, but HR places a hold.
    ids.b = await insertEmployee(db, org, 'Bjarne Holdt');
    await insertPeriod(db, o, ids.b, { type: 'sykmelding', start: '2025-01-01', end: '2025-03-31' });
    // C: an old case that began with egenmelding (ended 2024-10-31) and newer cases: the old case goes
    // whole, by the case rule (§11.9 per case), the newer cases stay.
    ids.c = await insertEmployee(db, org, 'Cecilie Ny');
    periods.cOldEgen = await insertPeriod(db, o, ids.c, {
      type: 'egenmelding',
      start: '2024-09-01',
      end: '2024-09-03',
    });
    periods.cOldSyk = await insertPeriod(db, o, ids.c, {
      type: 'sykmelding',
      start: '2024-09-04',
      end: '2024-10-31',
    });
    periods.cNewEgen = await insertPeriod(db, o, ids.c, {
      type: 'egenmelding',
      start: '2026-04-01',
      end: '2026-04-02',
    });
    periods.cNewSyk = await insertPeriod(db, o, ids.c, {
      type: 'sykmelding',
      start: '2026-05-01',
      end: '2026-05-20',
    });
    // D: a case that ended 2025-12-01 (inside 12 months) and began with egenmelding over 12 months ago.
    ids.d = await insertEmployee(db, org, 'Dag Nylig');
    await insertPeriod(db, o, ids.d, { type: 'egenmelding', start: '2025-05-01', end: '2025-05-03' });
    await insertPeriod(db, o, ids.d, {
      type: 'sykmelding',
      start: '2025-05-04',
      end: '2025-12-01',
      grade: 50,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const periodIds = async (employeeId: string) =>
    (
      await t.db
        .selectFrom('absence_period')
        .select('id')
        .where('employee_id', '=', employeeId)
        .orderBy('start_date')
        .execute()
    ).map((r) => r.id);
  const count = async (
    table:
      | 'absence_period_history'
      | 'milestone_record'
      | 'sykefravaer_agp_override'
      | 'sykefravaer_followup',
    employeeId: string,
  ) =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('employee_id', '=', employeeId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const retentionAudit = async () =>
    t.db
      .selectFrom('audit_log')
      .select(['entity_id', 'actor_user_id', 'actor_roles', 'action', 'detail'])
      .where('entity_type', '=', 'sick_case')
      .where('actor_roles', '=', 'system')
      .orderBy('id')
      .execute();

  it('HR places a documented hold (a reason is required)', async () => {
    const missing = await hr.put<{ error: { fields: { path: string }[] } }>(
      `/api/v1/sykefravaer/employees/${ids.b}/retention-hold`,
      { hold: true },
    );
    expect(missing.status).toBe(400);
    const held = expectStatus(
      await hr.put<{ hold: boolean; reason: string; by: { name: string } }>(
        `/api/v1/sykefravaer/employees/${ids.b}/retention-hold`,
        { hold: true, reason: 'Sak om yrkesskade pågår.' },
      ),
      200,
    ).body;
    expect(held).toMatchObject({ hold: true, reason: 'Sak om yrkesskade pågår.', by: { name: 'Hanne HR' } });
    expect(
      (await admin.put(`/api/v1/sykefravaer/employees/${ids.b}/retention-hold`, { hold: false })).status,
    ).toBe(404);
  });

  it('deletes exactly the data that is due, and logs kind, count and rule — no content', async () => {
    // A letter to the doctor each for A (due) and B (on hold): case documents go with the case.
    const user = await t.db.selectFrom('user_account').select('id').executeTakeFirstOrThrow();
    for (const employee_id of [ids.a, ids.b]) {
      await t.db
        .insertInto('legebrev')
        .values({
          organisation_id: org.organisationId,
          employee_id,
          content: JSON.stringify({}),
          created_by: user.id,
        })
        .execute();
    }
    const letters = async (employeeId: string) =>
      (await t.db.selectFrom('legebrev').select('id').where('employee_id', '=', employeeId).execute()).length;

    const summary = await runRetention(t.db, {
      today: TODAY,
      organisationId: org.organisationId,
      erasers: registry.caseErasers,
    });
    expect(summary.employees).toBe(2);
    expect(await letters(ids.a)).toBe(0);
    expect(await letters(ids.b)).toBe(1);

    // A: everything gone, including the follow-up row.
    expect(await periodIds(ids.a)).toEqual([]);
    for (const table of [
      'absence_period_history',
      'milestone_record',
      'sykefravaer_agp_override',
      'sykefravaer_followup',
    ] as const) {
      expect(await count(table, ids.a), table).toBe(0);
    }
    // B: on hold, untouched.
    expect(await periodIds(ids.b)).toHaveLength(1);
    // C: the case that ended long ago, egenmelding and sykmelding; the newer cases stay.
    expect(await periodIds(ids.c)).toEqual([periods.cNewEgen, periods.cNewSyk]);
    expect(await count('absence_period_history', ids.c)).toBe(2);
    // D: the case ended inside the 12 months; its old egenmelding belongs to it and stays.
    expect(await periodIds(ids.d)).toHaveLength(2);

    const audit = await retentionAudit();
    const rule = 'retention: 12 months after case end';
    const of = (employeeId: string) =>
      audit.filter((r) => r.entity_id === employeeId).map((r) => [r.action, r.actor_user_id, r.detail]);
    expect(audit).toHaveLength(8);
    expect(of(ids.a)).toEqual([
      ['delete', null, { record: 'absence_period', count: 2, rule }],
      ['delete', null, { record: 'absence_period_history', count: 2, rule }],
      ['delete', null, { record: 'milestone_record', count: 1, rule }],
      ['delete', null, { record: 'agp_override', count: 1, rule }],
      ['delete', null, { record: 'sykefravaer_followup', count: 1, rule }],
      ['delete', null, { record: 'legebrev', count: 1, rule }],
    ]);
    expect(of(ids.c)).toEqual([
      ['delete', null, { record: 'absence_period_history', count: 2, rule }],
      ['delete', null, { record: 'absence_period', count: 2, rule }],
    ]);
  });

  it('is idempotent: a second run deletes and logs nothing', async () => {
    const before = (await retentionAudit()).length;
    const summary = await runRetention(t.db, { today: TODAY, erasers: registry.caseErasers });
    expect(summary).toEqual({ employees: 0, deleted: {} });
    expect((await retentionAudit()).length).toBe(before);
  });

  it('follows the organisation setting and the released hold, run as a job', async () => {
    expectStatus(
      await hr.put('/api/v1/settings/sykefravaer', {
        egenmeldingPolicy: { preset: 'statutory' },
        retentionMonths: 3,
      }),
      200,
    );
    expectStatus(await hr.put(`/api/v1/sykefravaer/employees/${ids.b}/retention-hold`, { hold: false }), 200);
    const job = await scheduleRetention(t.db, TODAY);
    expect((await scheduleRetention(t.db, TODAY)).created).toBe(false); // one job per day
    const worker = createWorker({
      db: t.db,
      handlers: registry.jobHandlers({ db: t.db, today: () => osloToday() }),
      pollIntervalMs: 10,
    });
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, done: 1 });
    const row = await t.db
      .selectFrom('job')
      .select(['kind', 'done_at'])
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(row.kind).toBe(RETENTION_JOB);
    expect(row.done_at).not.toBeNull();

    expect(await periodIds(ids.b)).toEqual([]); // hold released, case ended > 3 months ago
    expect(await periodIds(ids.d)).toEqual([]); // ended 2025-12-01, more than 3 months before
    expect(await periodIds(ids.c)).toHaveLength(2); // the cases of April and May 2026 are kept
    const rules = new Set((await retentionAudit()).map((r) => (r.detail as { rule: string }).rule));
    expect(rules).toContain('retention: 3 months after case end');
  });
});
