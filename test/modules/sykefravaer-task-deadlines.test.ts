/**
 * Routine tasks and agreed actions as deadlines (`listDeadlines`), reminded through the sweep (§11.6:
 * 14 days before and on the due date, exactly once) and listed in the iCal feed — on a small fixture
 * with fixed days, on every database kind.
 *
 * Worked dates: P is sick 100 % from Sunday 1 February to 30 April 2026 (S = 2026-02-01), default
 * routine (version 1). Today is Monday 2 March 2026, so the sweep looks at [23 February, 16 March].
 * - kontakt S+2 = 3 Feb, brev-sykmelder S+7 = 8 Feb, avtal-mote S+14 = 15 Feb: every reminder before
 *   the range — not listed.
 * - oppfolgingsplan and plan-til-sykmelder: the oppfølgingsplan milestone, 28 Feb (reminders 14 and
 *   28 Feb); plan-til-sykmelder is done — not listed.
 * - innkall-dialogmote1: dialogmøte 1 (21 Mar) − 14 = 7 Mar (reminders 21 Feb and 7 Mar).
 * - ukentlig-kontakt: 8, 15, 22 Feb, 1, 8, 15 Mar (up to today + 14); only the latest missed (1 Mar)
 *   and the next (8 Mar) are reminded, each on its day only.
 * - agreed actions: «Prøve ut kortere dager» due 16 Mar (reminder 2 Mar, today); a done one and one
 *   of an older case — not listed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCalendarFeed } from '../../src/modules/notifications/calendar.ts';
import { MAIL_JOB, reminderKey, runSweep } from '../../src/modules/notifications/index.ts';
import { listDeadlines, sykefravaerDeadlines } from '../../src/modules/sykefravaer/index.ts';
import { createTestDatabaseOf, type TestDatabase } from '../support/db.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { insertEmployee, insertOrganisation, insertPeriod } from '../support/sykefravaer-fixture.ts';

const TODAY = '2026-03-02';
const S = '2026-02-01';

describeEachDatabase('routine tasks and agreed actions as deadlines on %s', (kind) => {
  let t: TestDatabase;
  let org: string;
  let p: string;
  let leaderUser: string;
  let action: string;
  beforeAll(async () => {
    t = await createTestDatabaseOf(kind);
    const a = await insertOrganisation(t.db, 'Oppgave AS', '889640782');
    org = a.organisationId;
    const leader = await insertEmployee(t.db, a, 'Lise Leder');
    p = await insertEmployee(t.db, a, 'Per Pleier', leader);
    await insertPeriod(t.db, org, p, { type: 'sykmelding', start: S, end: '2026-04-30' });
    const user = await t.db
      .insertInto('user_account')
      .values({ email: 'lise@example.no', name: 'Lise Leder', password_hash: 'x', disabled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    leaderUser = user.id;
    await t.db
      .insertInto('membership')
      .values({ organisation_id: org, user_id: leaderUser, employee_id: leader })
      .execute();
    const done = (task_key: string) => ({
      organisation_id: org,
      employee_id: p,
      case_start: S,
      task_key,
      note: null,
      done_by: leaderUser,
    });
    await t.db.insertInto('task_record').values(done('plan-til-sykmelder')).execute();
    const base = {
      organisation_id: org,
      employee_id: p,
      case_start: S,
      source: 'oppfolgingsplan' as const,
      source_id: '00000000-0000-4000-8000-000000000001',
      owner_kind: 'employee' as const,
      owner: null,
    };
    const rows = await t.db
      .insertInto('case_action')
      .values([
        { ...base, position: 0, what: 'Prøve ut kortere dager', deadline: '2026-03-16' },
        {
          ...base,
          position: 1,
          what: 'Avklare vikar',
          deadline: '2026-03-10',
          done_by: leaderUser,
          done_at: new Date(),
        },
        { ...base, position: 2, what: 'Gammelt tiltak', deadline: '2026-03-05', case_start: '2025-01-01' },
      ])
      .returning(['id', 'what'])
      .execute();
    action = rows.find((r) => r.what === 'Prøve ut kortere dager')!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const range = { organisationId: undefined, from: '2026-02-23', to: '2026-03-16', today: TODAY };

  it('lists the open tasks (weekly contact collapsed) with their §11.6 reminder dates', async () => {
    const rows = await listDeadlines(t.db, { ...range, kinds: ['task'] });
    expect(rows.map((d) => [d.milestoneKey, d.due, d.reminderDates, d.state])).toEqual([
      ['task:oppfolgingsplan', '2026-02-28', ['2026-02-14', '2026-02-28'], 'overdue'],
      ['task:ukentlig-kontakt@2026-03-01', '2026-03-01', ['2026-03-01'], 'overdue'],
      ['task:innkall-dialogmote1', '2026-03-07', ['2026-02-21', '2026-03-07'], 'due-soon'],
      ['task:ukentlig-kontakt@2026-03-08', '2026-03-08', ['2026-03-08'], 'due-soon'],
    ]);
    expect(rows.every((d) => d.employeeId === p && d.caseStart === S && d.status === 'required')).toBe(true);
  });

  it('lists the open agreed actions of the current case only', async () => {
    const rows = await listDeadlines(t.db, { ...range, kinds: ['action'] });
    expect(rows.map((d) => [d.milestoneKey, d.due, d.reminderDates])).toEqual([
      [`action:${action}`, '2026-03-16', ['2026-03-02', '2026-03-16']],
    ]);
  });

  it('reminds each task and action exactly once, on the right days, without names', async () => {
    await t.db.deleteFrom('notification').execute();
    await t.db.deleteFrom('job').execute();
    const first = await runSweep({ db: t.db, deadlineSource: sykefravaerDeadlines, today: TODAY });
    const ours = async () =>
      (
        await t.db
          .selectFrom('notification')
          .select(['key', 'kind', 'late', 'title_nb', 'body_nb', 'remind_date'])
          .where('organisation_id', '=', org)
          .orderBy('key')
          .execute()
      ).filter((n) => n.key.includes(':task:') || n.key.includes(':action:'));
    const key = (milestoneKey: string, k: 'before' | 'due', date: string) =>
      reminderKey({
        keyBase: `reminder:${org}:${p}:${S}:${milestoneKey}`,
        kind: k,
        date,
        userId: leaderUser,
      });
    const expected = [
      key('task:oppfolgingsplan', 'due', '2026-02-28'),
      key('task:ukentlig-kontakt@2026-03-01', 'due', '2026-03-01'),
      key(`action:${action}`, 'before', '2026-03-02'),
    ].sort();
    const delivered = await ours();
    expect(delivered.map((n) => n.key)).toEqual(expected);
    expect(delivered.find((n) => n.key.includes(':action:'))).toMatchObject({
      kind: 'reminder-before',
      late: false,
      title_nb: 'Frist i sykefraværsoppfølgingen 16. mars 2026: Avtalt tiltak',
    });
    expect(delivered.find((n) => n.key.includes('task:oppfolgingsplan'))).toMatchObject({ late: true });
    for (const n of delivered) {
      expect(`${n.title_nb} ${n.body_nb}`).not.toMatch(/Per|Pleier|kortere/);
    }
    const mails = await t.db.selectFrom('job').select('key').where('kind', '=', MAIL_JOB).execute();
    for (const k of expected) expect(mails.map((m) => m.key)).toContain(k);
    expect(first.notifications).toBeGreaterThanOrEqual(3);

    // Again the same day: nothing new. Five days later: only what falls due then.
    const again = await runSweep({ db: t.db, deadlineSource: sykefravaerDeadlines, today: TODAY });
    expect(again.notifications).toBe(0);
    await runSweep({ db: t.db, deadlineSource: sykefravaerDeadlines, today: '2026-03-07' });
    expect((await ours()).map((n) => n.key)).toEqual(
      [...expected, key('task:innkall-dialogmote1', 'due', '2026-03-07')].sort(),
    );
    const jobs = await t.db.selectFrom('job').select('key').where('kind', '=', MAIL_JOB).execute();
    expect(new Set(jobs.map((j) => j.key)).size).toBe(jobs.length);
  });

  it('stops reminding of a task once it is done; the next weekly occurrence takes over', async () => {
    await t.db
      .insertInto('task_record')
      .values({
        organisation_id: org,
        employee_id: p,
        case_start: S,
        task_key: 'ukentlig-kontakt@2026-03-08',
        note: null,
        done_by: leaderUser,
      })
      .execute();
    const rows = await listDeadlines(t.db, { ...range, kinds: ['task'] });
    expect(rows.map((d) => d.milestoneKey)).toEqual([
      'task:oppfolgingsplan',
      'task:ukentlig-kontakt@2026-03-01',
      'task:innkall-dialogmote1',
      'task:ukentlig-kontakt@2026-03-15',
    ]);
  });

  it('puts tasks and actions in the leader’s iCal feed by generic names', async () => {
    const feed = await buildCalendarFeed(t.db, {
      organisationId: org,
      userId: leaderUser,
      locale: 'nb',
      deadlineSource: sykefravaerDeadlines,
      today: TODAY,
      publicUrl: 'https://naervaer.example.no',
    });
    expect(feed).toContain('SUMMARY:Frist: Oppgave');
    expect(feed).toContain('SUMMARY:Frist: Avtalt tiltak');
    expect(feed).toContain('DTSTART;VALUE=DATE:20260316');
    expect(feed).not.toMatch(/Per|Pleier|kortere/);
  });
});
