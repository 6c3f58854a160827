/**
 * `listDeadlines` (one aggregated query per organisation, routine tasks on day numbers, weekly
 * occurrences only from min(from, today)) against a reference written the straightforward way from
 * `loadCurrentCases` and the domain functions (`tasksForCase`, `collapseRepeating`,
 * `taskReminderDates`, `dueReminderDates`) — the implementation before the bench/reminders work —
 * over generated histories (seeded PRNG: every period type, grades, avventende, overlaps, deleted
 * periods, several cases per employee, records, done tasks and weekly occurrences, a saved and a
 * pinned routine, AGP overrides, dialogmøte 2 dates, agreed actions), for many `today`s and ranges
 * (the sweep's [today − 7, today], single days, a wide window, `from` after `today`), on every
 * database kind.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../src/domain/calendar/index.ts';
import {
  collapseRepeating,
  DEFAULT_ROUTINE,
  dueReminderDates,
  type MilestoneKey,
  type PeriodType,
  type RoutineTask,
  SNART_FRIST_DAGER,
  taskReminderDates,
  tasksForCase,
} from '../../src/domain/sykefravaer/index.ts';
import { loadOpenActions } from '../../src/modules/sykefravaer/case-actions.ts';
import { loadCurrentCases } from '../../src/modules/sykefravaer/current-cases.ts';
import { type Deadline, listDeadlines } from '../../src/modules/sykefravaer/index.ts';
import { loadRoutineVersions, routineForCase } from '../../src/modules/sykefravaer/rutine.repository.ts';
import { createTestDatabaseOf, type TestDatabase } from '../support/db.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { insertEmployee, insertOrganisation } from '../support/sykefravaer-fixture.ts';

type Db = TestDatabase['db'];

/** mulberry32 */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE_TODAY = '2026-03-02';

/** The reference: the straightforward implementation on `loadCurrentCases` and the domain functions. */
async function reference(
  db: Db,
  organisationId: string,
  range: { from: IsoDate; to: IsoDate; today: IsoDate },
): Promise<Deadline[]> {
  const { from, to, today } = range;
  const inRange = (d: IsoDate) => d >= from && d <= to;
  const stateOf = (due: IsoDate): Deadline['state'] => {
    const left = (Date.parse(due) - Date.parse(today)) / 86_400_000;
    return left < 0 ? 'overdue' : left <= SNART_FRIST_DAGER ? 'due-soon' : 'upcoming';
  };
  const cases = await loadCurrentCases(db, { organisationId, today });
  const out: Deadline[] = [];
  const versions = await loadRoutineVersions(db, organisationId);
  const pins = await db
    .selectFrom('rutine_case')
    .select(['employee_id', 'case_start', 'version'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const doneRows = await db
    .selectFrom('task_record')
    .select(['employee_id', 'case_start', 'task_key'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const pinOf = new Map(pins.map((p) => [`${p.employee_id}|${p.case_start}`, p.version]));
  const done = new Set(doneRows.map((r) => `${r.employee_id}|${r.case_start}|${r.task_key}`));
  const actions = await loadOpenActions(db, organisationId, { from, to: addDays(to, 14) });
  for (const c of cases) {
    const f = c.followUp;
    const base = { organisationId, employeeId: c.employee.id, caseStart: f.caseStart };
    const closed = new Set<MilestoneKey>();
    for (const r of c.records) {
      if (r.kind === 'done' || ['oppfolgingsplan', 'dialogmote1', 'dialogmote2'].includes(r.milestoneKey))
        closed.add(r.milestoneKey);
    }
    for (const m of f.milestones) {
      if (m.status !== 'required' && m.status !== 'conditional') continue;
      if (m.due === null || closed.has(m.key)) continue;
      if (!inRange(m.due) && !m.reminders.some(inRange)) continue;
      out.push({
        ...base,
        leaderEmployeeId: c.employee.leaderId,
        milestoneKey: m.key,
        due: m.due,
        reminderDates: m.reminders,
        status: m.status,
        state: stateOf(m.due),
      });
    }
    const routine = routineForCase(versions, pinOf.get(`${c.employee.id}|${f.caseStart}`), f.caseStart);
    const open = tasksForCase(routine.tasks, { ...f, agpEnd: c.agpEnd }, today).filter(
      (t) => !done.has(`${c.employee.id}|${f.caseStart}|${t.key}`),
    );
    for (const t of collapseRepeating(open, today)) {
      const reminderDates = taskReminderDates(t);
      if (!inRange(t.due) && !reminderDates.some(inRange)) continue;
      out.push({
        ...base,
        leaderEmployeeId: t.responsible === 'hr' ? null : c.employee.leaderId,
        milestoneKey: `task:${t.key}`,
        due: t.due,
        reminderDates,
        status: 'required',
        state: stateOf(t.due),
      });
    }
    for (const a of actions) {
      if (a.employeeId !== c.employee.id || a.deadline === null || a.caseStart !== f.caseStart) continue;
      const reminderDates = dueReminderDates(a.deadline);
      if (!inRange(a.deadline) && !reminderDates.some(inRange)) continue;
      out.push({
        ...base,
        leaderEmployeeId: c.employee.leaderId,
        milestoneKey: `action:${a.id}`,
        due: a.deadline,
        reminderDates,
        status: 'required',
        state: stateOf(a.deadline),
      });
    }
  }
  return out;
}

const canonical = (rows: readonly Deadline[]) =>
  rows
    .map((d) => JSON.stringify([d.employeeId, d.milestoneKey, d.due, d]))
    .sort()
    .map((s) => JSON.parse(s)[3] as Deadline);

/** A second routine (saved as version 2): another weekly task, a caseEnd task, an HR milestone task. */
const ROUTINE_V2: RoutineTask[] = [
  ...DEFAULT_ROUTINE.filter((t) => t.id !== 'ukentlig-kontakt'),
  {
    id: 'ukentlig-samtale',
    title: { nb: 'Samtale', en: 'Talk' },
    responsible: 'leder',
    anchor: 'caseStart',
    offsetDays: 3,
    repeat: 'weekly',
  },
  {
    id: 'hr-aktivitet',
    title: { nb: 'HR: aktivitetsplikt', en: 'HR: activity' },
    responsible: 'hr',
    anchor: 'milestone',
    milestone: 'aktivitetsplikt',
    offsetDays: -3,
  },
  {
    id: 'etter',
    title: { nb: 'Etter', en: 'After' },
    responsible: 'leder',
    anchor: 'caseEnd',
    offsetDays: 10,
  },
];

describeEachDatabase('listDeadlines equals the reference over generated histories on %s', (kind) => {
  let t: TestDatabase;
  let org: string;
  beforeAll(async () => {
    t = await createTestDatabaseOf(kind);
    const a = await insertOrganisation(t.db, 'Likhet AS', '889640782');
    org = a.organisationId;
    await t.db
      .insertInto('rutine_version')
      .values({
        organisation_id: org,
        version: 2,
        tasks: JSON.stringify(ROUTINE_V2),
        created_by: null,
        created_at: new Date('2025-12-01T00:00:00Z'),
      })
      .execute();
    const leader = await insertEmployee(t.db, a, 'Lise Leder');
    const rnd = prng(20261122);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const types: PeriodType[] = [
      'egenmelding',
      'sykmelding',
      'sykmelding',
      'sykmelding',
      'ferie',
      'arbeid',
      'behandlingsdager',
    ];
    for (let i = 0; i < 60; i++) {
      const e = await insertEmployee(t.db, a, `Ansatt ${i}`, rnd() < 0.8 ? leader : null);
      await t.db
        .insertInto('sykefravaer_followup')
        .values({ organisation_id: org, employee_id: e })
        .execute();
      // 1–6 periods from up to 500 days back, gaps of −5 … 40 days (overlaps and new cases).
      let day = addDays(BASE_TODAY, -Math.floor(rnd() * 500));
      const starts: string[] = [];
      const n = 1 + Math.floor(rnd() * 6);
      for (let k = 0; k < n; k++) {
        const type = pick(types);
        const length = type === 'egenmelding' ? 1 + Math.floor(rnd() * 3) : 3 + Math.floor(rnd() * 90);
        const end = addDays(day, length - 1);
        const avventende = type === 'sykmelding' && rnd() < 0.1;
        const deleted = rnd() < 0.05;
        await t.db
          .insertInto('absence_period')
          .values({
            organisation_id: org,
            employee_id: e,
            type,
            start_date: day,
            end_date: end,
            grade: type === 'sykmelding' && !avventende ? pick([100, 100, 50, 20, 80]) : null,
            avventende,
            deleted_at: deleted ? new Date() : null,
            delete_reason: deleted ? 'Feilregistrert' : null,
          })
          .execute();
        starts.push(day);
        day = addDays(end, 1 + Math.floor(rnd() * 46) - 5);
      }
      // Records, done tasks, pins, overrides, meeting dates and actions for any of the period starts
      // (some are case starts, some are not).
      const s = pick(starts);
      if (rnd() < 0.4) {
        const key = pick([
          'oppfolgingsplan',
          'dialogmote1',
          'aktivitetsplikt',
          'dialogmote2',
          'oppfolgingsplanTilNav',
        ] as const);
        const exception = rnd() < 0.5 && ['oppfolgingsplan', 'dialogmote1', 'dialogmote2'].includes(key);
        await t.db
          .insertInto('milestone_record')
          .values({
            organisation_id: org,
            employee_id: e,
            case_start: s,
            milestone_key: key,
            kind: exception ? 'exception' : 'done',
            reason: exception ? 'Grunn' : null,
            undone_at: rnd() < 0.2 ? new Date() : null,
          })
          .execute();
      }
      const doneKeys = new Set<string>();
      for (let k = 0; k < 4; k++) {
        const week = addDays(s, 7 * Math.floor(rnd() * 60) + pick([7, 3]));
        doneKeys.add(
          rnd() < 0.6
            ? `${pick(['ukentlig-kontakt', 'ukentlig-samtale'])}@${week}`
            : pick(['kontakt', 'avtal-mote', 'oppfolgingsplan', 'frisksamtale', 'etter', 'inntektsmelding']),
        );
      }
      for (const task_key of doneKeys) {
        await t.db
          .insertInto('task_record')
          .values({
            organisation_id: org,
            employee_id: e,
            case_start: s,
            task_key,
            note: null,
            done_by: null,
          })
          .execute();
      }
      if (rnd() < 0.3) {
        await t.db
          .insertInto('rutine_case')
          .values({ organisation_id: org, employee_id: e, case_start: s, version: rnd() < 0.5 ? 1 : 2 })
          .execute();
      }
      if (rnd() < 0.1) {
        await t.db
          .insertInto('sykefravaer_agp_override')
          .values({ organisation_id: org, employee_id: e, case_start: s, end_date: addDays(s, 10) })
          .execute();
      }
      if (rnd() < 0.15) {
        await t.db
          .updateTable('sykefravaer_followup')
          .set({ dialogmote2_case_start: s, dialogmote2_date: addDays(s, 150 + Math.floor(rnd() * 40)) })
          .where('organisation_id', '=', org)
          .where('employee_id', '=', e)
          .execute();
      }
      if (rnd() < 0.3) {
        await t.db
          .insertInto('case_action')
          .values({
            organisation_id: org,
            employee_id: e,
            case_start: s,
            source: 'oppfolgingsplan',
            source_id: '00000000-0000-4000-8000-000000000001',
            position: i,
            what: 'Tiltak',
            owner_kind: 'leader',
            owner: null,
            deadline: addDays(BASE_TODAY, Math.floor(rnd() * 80) - 40),
          })
          .execute();
      }
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives the same deadlines for many days and ranges', async () => {
    let compared = 0;
    let nonEmpty = 0;
    for (let shift = -60; shift <= 60; shift += 6) {
      const today = addDays(BASE_TODAY, shift);
      const ranges = [
        { from: addDays(today, -7), to: today }, // the sweep
        { from: today, to: today },
        { from: addDays(today, -60), to: addDays(today, 30) },
        { from: addDays(today, 3), to: addDays(today, 20) }, // from after today
      ];
      for (const r of ranges) {
        const range = { ...r, today };
        const got = await listDeadlines(t.db, { organisationId: org, ...range });
        const want = await reference(t.db, org, range);
        expect(canonical(got), `today ${today}, ${r.from} … ${r.to}`).toEqual(canonical(want));
        const order = got.map((d) => [d.due, d.employeeId, d.milestoneKey].join(' '));
        expect(order, 'sorted by due date, employee and key').toEqual([...order].sort());
        compared++;
        if (got.length > 0) nonEmpty++;
      }
    }
    expect(compared).toBe(84);
    expect(nonEmpty).toBeGreaterThan(60);
  }, 120_000);
});
