/**
 * Reminders became generic (ADR 0006). A database upgraded from the version before holds inbox rows
 * whose keys were built by the old code, `reminder:<org>:<employee>:<caseStart>:<milestone>:<kind>:<date>:<user>`;
 * the sweep must recognise every one of them and send nothing twice — no inbox row, no e-mail.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar/index.ts';
import { MAIL_JOB, runSweep } from '../../src/modules/notifications/index.ts';
import { createTestDatabaseOf, type TestDatabase } from '../support/db.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { fixtureDeadlines, reminderOf } from './fixtures/deadlines.ts';
import { type SeededOrganisation, seedOrganisation } from './support/seed.ts';

const TODAY = '2026-02-02';

describeEachDatabase('reminders sent before the upgrade, on %s', (kind) => {
  let t: TestDatabase;
  let org: SeededOrganisation;
  beforeAll(async () => {
    t = await createTestDatabaseOf(kind);
    org = await seedOrganisation(t.db, { leaders: 3, perLeader: 4, withoutLeaderAccount: 3, hr: 2 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('are not sent again by the generic sweep', async () => {
    const deadlines = await fixtureDeadlines(t.db, TODAY);
    // What the version before wrote, with its own key format spelled out (fixture: caseStart = due − 27).
    const old = deadlines.flatMap((d) => {
      const { date, kind: reminderKind } = reminderOf(d, TODAY);
      const employee = org.employees.find((e) => e.id === d.employeeId)!;
      return employee.recipients.map((userId) => ({
        organisation_id: org.organisationId,
        key: `reminder:${org.organisationId}:${employee.id}:${addDays(d.due, -27)}:oppfolgingsplan:${reminderKind}:${date}:${userId}`,
        user_id: userId,
        kind: reminderKind === 'due' ? ('reminder-due' as const) : ('reminder-before' as const),
        remind_date: date,
        due_date: d.due,
        late: date < TODAY,
        employee_id: employee.id,
        milestone_key: 'oppfolgingsplan',
        title_nb: 'Frist',
        title_en: 'Deadline',
        body_nb: '',
        body_en: '',
        link: `/sykefravaer/${employee.id}`,
      }));
    });
    expect(old.length).toBe(18);
    await t.db.insertInto('notification').values(old).execute();

    const result = await runSweep({ db: t.db, deadlineSource: async () => deadlines, today: TODAY });
    expect(result).toMatchObject({ notifications: 0, mails: 0, existing: 18 });
    expect(await t.db.selectFrom('notification').select('key').execute()).toHaveLength(18);
    expect(await t.db.selectFrom('job').select('key').where('kind', '=', MAIL_JOB).execute()).toHaveLength(0);
  });
});
