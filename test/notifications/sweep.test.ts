/**
 * The reminder sweep against a real database, with fixed deadlines (a test source): one inbox row
 * and one mail job per (deadline, kind, date, recipient), nothing twice, the right days, catch-up.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar/index.ts';
import { beregnPlan } from '../../src/domain/sykefravaer/index.ts';
import { MAIL_JOB, reminderKey, runSweep } from '../../src/modules/notifications/index.ts';
import { type CaseDeadline, caseReminder } from '../../src/modules/sykefravaer/index.ts';
import type { Deadline, DeadlineSource } from '../../src/platform/reminders.ts';
import { createTestDatabaseOf, type TestDatabase } from '../support/db.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { fixtureDeadlines, reminderOf } from './fixtures/deadlines.ts';
import { type SeededOrganisation, seedOrganisation } from './support/seed.ts';

const TODAY = '2026-02-02';
const fixed =
  (deadlines: Deadline[]): DeadlineSource =>
  async () =>
    deadlines;

describeEachDatabase('reminder sweep on %s', (kind) => {
  let t: TestDatabase;
  let org: SeededOrganisation;
  beforeAll(async () => {
    t = await createTestDatabaseOf(kind);
    org = await seedOrganisation(t.db, { leaders: 3, perLeader: 4, withoutLeaderAccount: 3, hr: 2 });
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    await t.db.deleteFrom('notification').execute();
    await t.db.deleteFrom('job').execute();
    await t.db.deleteFrom('notification_setting').execute();
  });

  const notifications = () => t.db.selectFrom('notification').selectAll().orderBy('key').execute();
  const mailJobs = () =>
    t.db.selectFrom('job').selectAll().where('kind', '=', MAIL_JOB).orderBy('key').execute();

  it('creates exactly one inbox row and one mail job per reminder and recipient; a second run adds nothing', async () => {
    const deadlines = await fixtureDeadlines(t.db, TODAY);
    expect(deadlines).toHaveLength(15);
    const expected = deadlines.flatMap((d) => {
      const { date, kind } = reminderOf(d, TODAY);
      const recipients = org.employees.find((e) => e.id === d.employeeId)!.recipients;
      return recipients.map((userId) => reminderKey({ ...d, kind, date, userId }));
    });
    expect(expected).toHaveLength(12 + 3 * 2); // 12 led by leaders with accounts, 3 × 2 HR users

    const first = await runSweep({ db: t.db, deadlineSource: fixed(deadlines), today: TODAY });
    expect(first).toMatchObject({ deadlines: 15, notifications: 18, mails: 18, existing: 0 });
    // The "due in 11 days" third: its reminder was 3 days ago, so it comes late.
    const late = deadlines
      .filter((d) => reminderOf(d, TODAY).date < TODAY)
      .reduce((n, d) => n + org.employees.find((e) => e.id === d.employeeId)!.recipients.length, 0);
    expect(late).toBeGreaterThan(0);
    expect(first.late).toBe(late);
    const rows = await notifications();
    expect(rows.map((r) => r.key)).toEqual([...expected].sort());
    expect((await mailJobs()).map((j) => j.key)).toEqual([...expected].sort());
    for (const job of await mailJobs()) {
      expect(job.organisation_id).toBe(org.organisationId);
      expect(JSON.stringify(job.payload)).not.toMatch(/@|Hemmelig/);
    }

    const second = await runSweep({ db: t.db, deadlineSource: fixed(deadlines), today: TODAY });
    expect(second).toMatchObject({ notifications: 0, mails: 0, existing: 18 });
    expect(await notifications()).toHaveLength(18);
    expect(await mailJobs()).toHaveLength(18);

    // The in-app text names the milestone and the date, and links to the case — never the person.
    const row = rows.find((r) => r.kind === 'reminder-due')!;
    expect(row.title_nb).toBe('Frist i sykefraværsoppfølgingen 2. februar 2026: Oppfølgingsplan');
    expect(row.link).toBe(`/sykefravaer/${row.employee_id}`);
    for (const r of rows) {
      const name = org.employees.find((e) => e.id === r.employee_id)!.name;
      expect(`${r.title_nb}${r.body_nb}${r.title_en}${r.body_en}`).not.toContain(name.split(' ')[2]!);
    }
  });

  it('sends the reminders 14 days before and on the due date — on exactly those days, using the engine’s dates', async () => {
    const [employee] = org.employees;
    const plan = beregnPlan({
      periods: [{ start: '2026-01-05', end: '2026-09-30', type: 'sykmelding', grade: 100 }],
    });
    const followUp = plan.followUp!;
    const deadlines: Deadline[] = followUp.milestones
      .filter((m) => m.due !== null)
      .map((m) =>
        caseReminder({
          organisationId: org.organisationId,
          employeeId: employee!.id,
          leaderEmployeeId: employee!.leaderId,
          caseStart: followUp.caseStart,
          milestoneKey: m.key,
          due: m.due!,
          reminderDates: m.reminders,
          status: m.status,
        }),
      );
    const wanted = deadlines.flatMap((d) => d.reminderDates.map((date) => ({ date, key: d.itemKey })));
    const oppfolgingsplan = deadlines.find((d) => d.itemKey === 'oppfolgingsplan')!;
    expect(oppfolgingsplan.due).toBe('2026-02-01'); // due(4) = S + 27
    expect(oppfolgingsplan.reminderDates).toEqual(['2026-01-18', '2026-02-01']);

    // One sweep per day, as the daily job does, from the case start to past the last reminder.
    const deliveredOn = new Map<string, string>();
    const last = [...wanted.map((w) => w.date)].sort().at(-1)!;
    for (let day = followUp.caseStart; day <= addDays(last, 2); day = addDays(day, 1)) {
      await runSweep({ db: t.db, deadlineSource: fixed(deadlines), today: day });
      for (const row of await notifications()) if (!deliveredOn.has(row.key)) deliveredOn.set(row.key, day);
    }
    const rows = await notifications();
    expect(rows).toHaveLength(wanted.length);
    for (const row of rows) {
      expect(deliveredOn.get(row.key)).toBe(row.remind_date); // on the day itself
      expect(row.late).toBe(false);
      expect(row.kind).toBe(row.remind_date === row.due_date ? 'reminder-due' : 'reminder-before');
      if (row.kind === 'reminder-before') expect(addDays(row.remind_date, 14)).toBe(row.due_date);
    }
    expect(rows.map((r) => `${r.milestone_key}:${r.remind_date}`).sort()).toEqual(
      wanted.map((w) => `${w.key}:${w.date}`).sort(),
    );
  });

  it('catches up on reminders up to 7 days old (marked late) and drops older ones; closed deadlines get none', async () => {
    const [a, b, c] = org.employees;
    const deadline = (employee: typeof a, due: string, status = 'required'): Deadline =>
      caseReminder({
        organisationId: org.organisationId,
        employeeId: employee!.id,
        leaderEmployeeId: employee!.leaderId,
        caseStart: addDays(due, -27),
        milestoneKey: 'dialogmote1',
        due,
        reminderDates: [addDays(due, -14), due],
        status,
      } satisfies CaseDeadline);
    const deadlines = [
      deadline(a, addDays(TODAY, -7)), // due reminder 7 days ago: still sent, late
      deadline(b, addDays(TODAY, -8)), // 8 days ago: too old
      deadline(c, TODAY, 'done'),
    ];
    const result = await runSweep({ db: t.db, deadlineSource: fixed(deadlines), today: TODAY });
    expect(result).toMatchObject({ deadlines: 1, notifications: 1, late: 1 });
    const [row] = await notifications();
    expect(row).toMatchObject({ employee_id: a!.id, remind_date: addDays(TODAY, -7), late: true });
    expect(row!.body_nb).toContain('Påminnelsen kommer for sent');
  });

  it('sends no e-mail to a user who turned it off (the inbox still gets it)', async () => {
    const leader = org.leaders[0]!;
    await t.db
      .insertInto('notification_setting')
      .values({ organisation_id: org.organisationId, user_id: leader.userId, email_enabled: false })
      .execute();
    const deadlines = (await fixtureDeadlines(t.db, TODAY)).filter(
      (d) => d.recipients.kind === 'leader-of' && d.recipients.leaderEmployeeId === leader.employeeId,
    );
    const result = await runSweep({ db: t.db, deadlineSource: fixed(deadlines), today: TODAY });
    expect(result).toMatchObject({ notifications: 4, mails: 0 });
    expect(await mailJobs()).toHaveLength(0);
  });

  it('a failing deadline does not stop the others, and the sweep reports it (so the job retries)', async () => {
    const good = (await fixtureDeadlines(t.db, TODAY)).slice(0, 3);
    const broken: Deadline = { ...good[0]!, employeeId: '00000000-0000-4000-8000-000000000000' };
    await expect(
      runSweep({ db: t.db, deadlineSource: fixed([broken, ...good]), today: TODAY }),
    ).rejects.toThrow(/the sweep failed for 1 reminder/);
    const recipients = good.reduce(
      (n, d) => n + org.employees.find((e) => e.id === d.employeeId)!.recipients.length,
      0,
    );
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from notification`.execute(t.db);
    expect(rows[0]?.n).toBe(recipients);
  });
});
