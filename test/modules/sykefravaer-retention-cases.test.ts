/**
 * §11.9 retention per case, with a fixed `today` (2026-06-15, 12 months: the cut-off is 2025-06-15):
 * - E: a case that ended 2025-04-14 (14 months ago) and a current case from 2026-05-18 (more than 26
 *   weeks later) → the old case goes whole — periods, history, milestone and task records, routine
 *   pin, AGP override, a samtalereferat, a letter to the doctor, reminders with their e-mail record, a
 *   custom reminder — and the current case stays complete, its view (milestones, maksdato, AGP) as before;
 * - F: a case that ended 2025-07-14 (11 months ago) and a current case → nothing is deleted;
 * - G: a case that ended 2025-05-31 and a current case from 2025-08-01 (62 days later: ftrl § 8-12 counts
 *   the old sykepengedager for the current maksdato) → the old case's records, documents and change
 *   history go, its periods stay, and the current case's maksdato is unchanged;
 * - a second run deletes and logs nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registry } from '../../src/app/registry.ts';
import { runRetention } from '../../src/modules/sykefravaer/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { insertEmployee, insertPeriod, insertRecord } from '../support/sykefravaer-fixture.ts';

const TODAY = '2026-06-15';
const RULE = 'retention: 12 months after case end';

type CaseViewBody = {
  plan: {
    cases: { start: string; end: string }[];
    followUp: { caseStart: string; maksdato: string | null; milestones: unknown[] } | null;
  };
  currentCase: { start: string; maksdato: string | null; arbeidsgiverperiode: unknown } | null;
  milestones: { key: string; due: string | null; done?: unknown }[];
  agpOverrides: { caseStart: string; end: string }[];
};

type EmployeeTable =
  | 'absence_period'
  | 'absence_period_history'
  | 'milestone_record'
  | 'task_record'
  | 'rutine_case'
  | 'sykefravaer_agp_override'
  | 'sykefravaer_followup'
  | 'samtalereferat'
  | 'case_action'
  | 'legebrev'
  | 'notification'
  | 'custom_reminder';

describeEachDatabase('sykefravær retention per case on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let organisationId = '';
  let userId = '';
  const ids = {} as Record<'e' | 'f' | 'g', string>;
  const oldKey = () =>
    `reminder:${organisationId}:${ids.e}:2025-01-06:dialogmote1:before:2025-02-10:${userId}`;
  const newKey = () =>
    `reminder:${organisationId}:${ids.e}:2026-05-18:dialogmote1:before:2026-06-21:${userId}`;

  /** The follow-up data of one case (starting `caseStart`), as the app writes it. */
  async function caseData(employeeId: string, caseStart: string, writtenAt: string): Promise<void> {
    const db = t.db;
    const o = organisationId;
    await insertRecord(db, o, employeeId, { caseStart, key: 'oppfolgingsplan', kind: 'done' });
    await db
      .insertInto('task_record')
      .values({ organisation_id: o, employee_id: employeeId, case_start: caseStart, task_key: 'kontakt' })
      .execute();
    await db
      .insertInto('rutine_case')
      .values({ organisation_id: o, employee_id: employeeId, case_start: caseStart, version: 1 })
      .execute();
    const referat = await db
      .insertInto('samtalereferat')
      .values({
        organisation_id: o,
        employee_id: employeeId,
        case_start: caseStart,
        kind: 'forste-kontakt',
        held_on: caseStart,
        summary: 'Vi snakket om tilrettelegging.',
        version: 1,
        created_by: userId,
        updated_by: userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // An agreed action from the samtalereferat: the sick-leave module's row, deleted by its own hook.
    await db
      .insertInto('case_action')
      .values({
        organisation_id: o,
        employee_id: employeeId,
        case_start: caseStart,
        source: 'samtalereferat',
        source_id: referat.id,
        position: 0,
        what: 'Prøve kortere dager',
        owner_kind: 'leader',
      })
      .execute();
    const letter = await db
      .insertInto('legebrev')
      .values({
        organisation_id: o,
        employee_id: employeeId,
        content: JSON.stringify({}),
        created_by: userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`update legebrev set created_at = ${`${writtenAt}T10:00:00Z`}::timestamptz where id = ${letter.id}`.execute(
      db,
    );
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = t.client();
    organisationId = await admin.setup();
    const unit = expectStatus(
      await admin.post<{ id: string }>('/api/v1/units', { name: 'Enheten' }),
      201,
    ).body;
    userId = (await t.db.selectFrom('user_account').select('id').executeTakeFirstOrThrow()).id;
    const db = t.db;
    const o = organisationId;
    const org = { organisationId: o, unitId: unit.id };

    // E: old case 2025-01-06 … 2025-04-14 (and a period deleted as wrongly registered); current case
    // from 2026-05-18 (sick for 28 days on TODAY, registered to 2026-08-31).
    ids.e = await insertEmployee(db, org, 'Eva Igjen');
    await insertPeriod(db, o, ids.e, { type: 'egenmelding', start: '2025-01-06', end: '2025-01-08' });
    await insertPeriod(db, o, ids.e, {
      type: 'sykmelding',
      start: '2025-01-09',
      end: '2025-04-14',
      grade: 60,
    });
    await insertPeriod(db, o, ids.e, {
      type: 'ferie',
      start: '2025-03-01',
      end: '2025-03-03',
      deleted: true,
    });
    await insertPeriod(db, o, ids.e, { type: 'sykmelding', start: '2026-05-18', end: '2026-08-31' });
    await caseData(ids.e, '2025-01-06', '2025-02-01');
    await caseData(ids.e, '2026-05-18', '2026-05-20');
    for (const [caseStart, end] of [
      ['2025-01-06', '2025-01-21'],
      ['2026-05-18', '2026-06-02'],
    ] as const) {
      await db
        .insertInto('sykefravaer_agp_override')
        .values({
          organisation_id: o,
          employee_id: ids.e,
          case_start: caseStart,
          end_date: end,
          set_by: userId,
        })
        .execute();
    }
    for (const [key, remind, due] of [
      [oldKey(), '2025-02-10', '2025-02-23'],
      [newKey(), '2026-06-21', '2026-07-05'],
    ] as const) {
      await db
        .insertInto('notification')
        .values({
          organisation_id: o,
          key,
          user_id: userId,
          kind: 'reminder-before',
          remind_date: remind,
          due_date: due,
          employee_id: ids.e,
          milestone_key: 'dialogmote1',
          title_nb: 'Frist: Dialogmøte 1',
          title_en: 'Deadline: Dialogue meeting 1',
          body_nb: '…',
          body_en: '…',
          link: `/sykefravaer/${ids.e}`,
        })
        .execute();
    }
    await db
      .insertInto('mail_delivery')
      .values({ organisation_id: o, key: oldKey(), user_id: userId, outcome: 'sent', message_id: '<x@y>' })
      .execute();
    for (const remindOn of ['2025-02-10', '2026-06-20']) {
      await db
        .insertInto('custom_reminder')
        .values({
          organisation_id: o,
          user_id: userId,
          remind_on: remindOn,
          text: 'Ring',
          employee_id: ids.e,
        })
        .execute();
    }

    // F: a case that ended 2025-07-14 (11 months before TODAY) and a current case.
    ids.f = await insertEmployee(db, org, 'Frida Nylig');
    await insertPeriod(db, o, ids.f, { type: 'sykmelding', start: '2025-05-05', end: '2025-07-14' });
    await insertPeriod(db, o, ids.f, { type: 'sykmelding', start: '2026-05-18', end: '2026-08-31' });
    await caseData(ids.f, '2025-05-05', '2025-05-10');

    // G: a case that ended 2025-05-31, and a current case from 2025-08-01 whose maksdato counts it.
    ids.g = await insertEmployee(db, org, 'Gunnar Avhengig');
    await insertPeriod(db, o, ids.g, { type: 'egenmelding', start: '2025-01-01', end: '2025-01-03' });
    await insertPeriod(db, o, ids.g, { type: 'sykmelding', start: '2025-01-04', end: '2025-05-31' });
    await insertPeriod(db, o, ids.g, {
      type: 'sykmelding',
      start: '2025-08-01',
      end: '2026-07-31',
      grade: 50,
    });
    await caseData(ids.g, '2025-01-01', '2025-01-10');
    await caseData(ids.g, '2025-08-01', '2025-08-05');
  });
  afterAll(async () => {
    await t?.close();
  });

  const rows = async (table: EmployeeTable, employeeId: string, column?: 'case_start' | 'end_date') => {
    const found = await t.db.selectFrom(table).selectAll().where('employee_id', '=', employeeId).execute();
    if (column === undefined) return found.length;
    return found.map((r) => (r as Record<string, unknown>)[column] as string).sort();
  };
  const view = async (employeeId: string) =>
    expectStatus(await admin.get<CaseViewBody>(`/api/v1/sykefravaer/employees/${employeeId}`), 200).body;
  /** Everything the page shows about the current case. */
  const currentOf = (v: CaseViewBody) => ({
    case: v.plan.cases.at(-1),
    followUp: v.plan.followUp,
    currentCase: v.currentCase,
    milestones: v.milestones,
    agpOverrides: v.agpOverrides.filter((o) => o.caseStart === v.currentCase?.start),
  });
  const retentionAudit = async () =>
    t.db
      .selectFrom('audit_log')
      .select(['entity_id', 'actor_user_id', 'detail'])
      .where('entity_type', '=', 'sick_case')
      .where('actor_roles', '=', 'system')
      .orderBy('id')
      .execute();

  it('deletes the case that ended 14 months ago; the current case and its milestones stay as they were', async () => {
    const before = { e: await view(ids.e), f: await view(ids.f), g: await view(ids.g) };
    expect(before.e.plan.cases.map((c) => c.start)).toEqual(['2025-01-06', '2026-05-18']);
    expect(before.e.milestones.find((m) => m.key === 'oppfolgingsplan')?.done).toBeDefined();

    const summary = await runRetention(t.db, { today: TODAY, organisationId, erasers: registry.caseErasers });
    expect(summary.employees).toBe(2); // E and G

    // E: only the current case is left, complete.
    expect(await rows('absence_period', ids.e, 'end_date')).toEqual(['2026-08-31']);
    expect(await rows('absence_period_history', ids.e)).toBe(1);
    for (const table of [
      'milestone_record',
      'task_record',
      'rutine_case',
      'samtalereferat',
      'case_action',
    ] as const) {
      expect(await rows(table, ids.e, 'case_start'), table).toEqual(['2026-05-18']);
    }
    expect(await rows('sykefravaer_agp_override', ids.e, 'case_start')).toEqual(['2026-05-18']);
    expect(await rows('legebrev', ids.e)).toBe(1);
    expect(await rows('sykefravaer_followup', ids.e)).toBe(1);
    const keys = (
      await t.db.selectFrom('notification').select('key').where('employee_id', '=', ids.e).execute()
    ).map((r) => r.key);
    expect(keys).toEqual([newKey()]);
    expect(await t.db.selectFrom('mail_delivery').select('key').execute()).toEqual([]);
    expect(
      (
        await t.db
          .selectFrom('custom_reminder')
          .select('remind_on')
          .where('employee_id', '=', ids.e)
          .execute()
      ).map((r) => r.remind_on),
    ).toEqual(['2026-06-20']);
    const after = await view(ids.e);
    expect(after.plan.cases.map((c) => c.start)).toEqual(['2026-05-18']);
    expect(currentOf(after)).toEqual(currentOf(before.e));

    // F: ended 11 months ago: nothing deleted.
    expect(await rows('absence_period', ids.f)).toBe(2);
    expect(await rows('absence_period_history', ids.f)).toBe(2);
    for (const table of [
      'milestone_record',
      'task_record',
      'rutine_case',
      'samtalereferat',
      'case_action',
      'legebrev',
    ] as const) {
      expect(await rows(table, ids.f), table).toBe(1);
    }
    expect(await view(ids.f)).toEqual(before.f);

    // G: the current case's maksdato counts the old case's sykepengedager (ftrl § 8-12): its periods
    // stay, everything else about it goes, and the current case is unchanged.
    expect(await rows('absence_period', ids.g)).toBe(3);
    expect(await rows('absence_period_history', ids.g)).toBe(1);
    for (const table of [
      'milestone_record',
      'task_record',
      'rutine_case',
      'samtalereferat',
      'case_action',
    ] as const) {
      expect(await rows(table, ids.g, 'case_start'), table).toEqual(['2025-08-01']);
    }
    expect(await rows('legebrev', ids.g)).toBe(1);
    const g = await view(ids.g);
    expect(g.currentCase?.maksdato).toBe(before.g.currentCase?.maksdato);
    expect(currentOf(g)).toEqual(currentOf(before.g));

    // The log: kind, count and rule per employee — no content, no user.
    const audit = await retentionAudit();
    const of = (employeeId: string) =>
      Object.fromEntries(
        audit
          .filter((r) => r.entity_id === employeeId)
          .map((r) => {
            const d = r.detail as { record: string; count: number; rule: string };
            expect(r.actor_user_id).toBeNull();
            expect(d.rule).toBe(RULE);
            return [d.record, d.count];
          }),
      );
    expect(of(ids.e)).toEqual({
      absence_period: 3,
      absence_period_history: 3,
      milestone_record: 1,
      agp_override: 1,
      task_record: 1,
      rutine_case: 1,
      samtalereferat: 1,
      case_action: 1,
      legebrev: 1,
      notification: 1,
      mail_delivery: 1,
      custom_reminder: 1,
    });
    expect(of(ids.f)).toEqual({});
    expect(of(ids.g)).toEqual({
      absence_period_history: 2,
      milestone_record: 1,
      task_record: 1,
      rutine_case: 1,
      samtalereferat: 1,
      case_action: 1,
      legebrev: 1,
    });
  });

  it('is idempotent: a second run deletes and logs nothing, and keeps G’s periods', async () => {
    const before = (await retentionAudit()).length;
    expect(await runRetention(t.db, { today: TODAY, erasers: registry.caseErasers })).toEqual({
      employees: 0,
      deleted: {},
    });
    expect((await retentionAudit()).length).toBe(before);
    expect(await rows('absence_period', ids.g)).toBe(3);
  });

  it('deletes G’s old periods with the case that depends on them, 12 months after it ended', async () => {
    // G's current case ends 2026-07-31: on 2027-07-31 it is kept, from 2027-08-01 all of G goes.
    await runRetention(t.db, { today: '2027-07-31', organisationId, erasers: registry.caseErasers });
    expect(await rows('absence_period', ids.g)).toBe(3);
    await runRetention(t.db, { today: '2027-08-01', organisationId, erasers: registry.caseErasers });
    expect(await rows('absence_period', ids.g)).toBe(0);
    expect(await rows('sykefravaer_followup', ids.g)).toBe(0);
  });
});
