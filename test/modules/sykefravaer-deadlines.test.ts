/**
 * `listDeadlines` (milestones) on a small fixture with a fixed `today`. Routine tasks and agreed
 * actions: `sykefravaer-task-deadlines.test.ts`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listDeadlines } from '../../src/modules/sykefravaer/index.ts';
import { createTestDatabaseOf, type TestDatabase } from '../support/db.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import {
  insertEmployee,
  insertOrganisation,
  insertPeriod,
  insertRecord,
} from '../support/sykefravaer-fixture.ts';

const TODAY = '2026-03-02';

describeEachDatabase('listDeadlines on %s', (kind) => {
  let t: TestDatabase;
  let org1: string;
  let org2: string;
  let leader: string;
  let p: string;
  let g: string;
  let r: string;
  beforeAll(async () => {
    t = await createTestDatabaseOf(kind);
    const a = await insertOrganisation(t.db, 'Første AS', '889640782');
    const b = await insertOrganisation(t.db, 'Andre AS', '974760673');
    org1 = a.organisationId;
    org2 = b.organisationId;
    leader = await insertEmployee(t.db, a, 'Lise Leder');
    // P: 100 % from 1 February to 30 April 2026 (S = 2026-02-01).
    p = await insertEmployee(t.db, a, 'Per Pleier', leader);
    await insertPeriod(t.db, org1, p, { type: 'sykmelding', start: '2026-02-01', end: '2026-04-30' });
    // dialogmøte 1 is done for this case; aktivitetsplikt done only for an older case (ignored).
    await insertRecord(t.db, org1, p, { caseStart: '2026-02-01', key: 'dialogmote1', kind: 'done' });
    await insertRecord(t.db, org1, p, { caseStart: '2025-01-01', key: 'aktivitetsplikt', kind: 'done' });
    // G: 50 % from 20 January to 31 March (graded at its end: aktivitetsplikt met), oppfølgingsplan
    // exempted ("åpenbart unødvendig"), dialogmøte 1 only conditional (every day graded).
    g = await insertEmployee(t.db, a, 'Gro Gradert', leader);
    await insertPeriod(t.db, org1, g, {
      type: 'sykmelding',
      start: '2026-01-20',
      end: '2026-03-31',
      grade: 50,
    });
    await insertRecord(t.db, org1, g, { caseStart: '2026-01-20', key: 'oppfolgingsplan', kind: 'exception' });
    // Q: a case that ended long ago; Z: only a deleted period — neither has deadlines.
    const q = await insertEmployee(t.db, a, 'Quist Gammel', leader);
    await insertPeriod(t.db, org1, q, { type: 'sykmelding', start: '2025-01-01', end: '2025-03-31' });
    const z = await insertEmployee(t.db, a, 'Zara Slettet', leader);
    await insertPeriod(t.db, org1, z, {
      type: 'sykmelding',
      start: '2026-01-01',
      end: '2026-04-30',
      deleted: true,
    });
    // R: another organisation, no leader; 100 % from 2 February.
    r = await insertEmployee(t.db, b, 'Rune Annen');
    await insertPeriod(t.db, org2, r, { type: 'sykmelding', start: '2026-02-02', end: '2026-03-10' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('returns the open required/conditional deadlines of current cases whose due or reminder date is in range', async () => {
    const rows = await listDeadlines(t.db, {
      organisationId: org1,
      from: '2026-03-01',
      to: '2026-03-31',
      today: TODAY,
      kinds: ['milestone'],
    });
    expect(rows).toEqual([
      {
        organisationId: org1,
        employeeId: g,
        leaderEmployeeId: leader,
        caseStart: '2026-01-20',
        milestoneKey: 'dialogmote1',
        due: '2026-03-09',
        reminderDates: ['2026-02-23', '2026-03-09'],
        status: 'conditional',
        state: 'due-soon',
      },
      {
        organisationId: org1,
        employeeId: p,
        leaderEmployeeId: leader,
        caseStart: '2026-02-01',
        milestoneKey: 'aktivitetsplikt',
        due: '2026-03-28',
        reminderDates: ['2026-03-14', '2026-03-28'],
        status: 'required',
        state: 'upcoming',
      },
    ]);
  });

  it('reminders due today, overdue items with a wide range, and every organisation without one', async () => {
    const reminderDay = await listDeadlines(t.db, {
      organisationId: org1,
      from: '2026-03-14',
      to: '2026-03-14',
      today: TODAY,
      kinds: ['milestone'],
    });
    expect(reminderDay.map((d) => [d.employeeId, d.milestoneKey])).toEqual([[p, 'aktivitetsplikt']]);

    const wide = await listDeadlines(t.db, {
      organisationId: org1,
      from: '2000-01-01',
      to: '2099-12-31',
      today: TODAY,
      kinds: ['milestone'],
    });
    expect(wide.map((d) => [d.employeeId, d.milestoneKey, d.state])).toEqual([
      [p, 'oppfolgingsplan', 'overdue'],
      [g, 'dialogmote1', 'due-soon'],
      [p, 'aktivitetsplikt', 'upcoming'],
    ]);

    const all = await listDeadlines(t.db, {
      from: '2026-03-01',
      to: '2026-03-31',
      today: TODAY,
      kinds: ['milestone'],
    });
    const others = all.filter((d) => d.organisationId === org2);
    expect(others).toEqual([
      {
        organisationId: org2,
        employeeId: r,
        leaderEmployeeId: null,
        caseStart: '2026-02-02',
        milestoneKey: 'oppfolgingsplan',
        due: '2026-03-01',
        reminderDates: ['2026-02-15', '2026-03-01'],
        status: 'required',
        state: 'overdue',
      },
    ]);
    expect(all.filter((d) => d.organisationId === org1)).toHaveLength(2);
  });
});
