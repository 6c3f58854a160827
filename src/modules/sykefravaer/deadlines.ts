/**
 * The sick-leave deadlines of one organisation for the reminder sweep and the task lists
 * (`listDeadlines`): milestones, routine tasks and agreed actions of every current case, loaded with
 * one query (`loadDeadlineCases`: the same candidates and inputs as `loadCurrentCases`) and run
 * through the rule engine per employee.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/schema.ts';
import {
  addDays,
  addMonths,
  type DayNumber,
  diffDays,
  fromDayNumber,
  type IsoDate,
  toDayNumber,
} from '../../domain/calendar/index.ts';
import {
  caseAgpEnd,
  computePlan,
  dueReminderDates,
  isCurrentOrRecent,
  type MilestoneKey,
  type MilestoneStatus,
  PAAMINNELSE_DAGER_FOR,
  RECENT_CASE_DAYS,
  REPEAT_HORIZON_DAYS,
  type RoutineTask,
  SNART_FRIST_DAGER,
  type StoredPeriod,
  type TaskCase,
  TimelineScratch,
  taskKey,
} from '../../domain/sykefravaer/index.ts';
import { loadOpenActions, type StoredAction } from './case-actions.ts';
import { LOOKBACK_MONTHS } from './current-cases.ts';
import { loadRoutineVersions, routineForCase, type StoredRoutine } from './rutine.repository.ts';

/** What a deadline is: a milestone, a routine task or an agreed action. */
export type DeadlineKind = 'milestone' | 'task' | 'action';
export const DEADLINE_KINDS: readonly DeadlineKind[] = ['milestone', 'task', 'action'];

/**
 * The key of a deadline in the milestone slot of reminders and the calendar: a milestone's key, a
 * routine task's `task:<taskKey>` (`task:ukentlig-kontakt@2026-03-09`), an agreed action's
 * `action:<id>`.
 */
export type DeadlineKey = MilestoneKey | `task:${string}` | `action:${string}`;

/** A deadline of the sick-leave follow-up, for reminders and task lists. */
export interface Deadline {
  organisationId: string;
  employeeId: string;
  /**
   * Who gets the reminder: the employee's nærmeste leder, if any; null → HR (also for a routine task
   * whose responsible role is HR).
   */
  leaderEmployeeId: string | null;
  caseStart: IsoDate;
  milestoneKey: DeadlineKey;
  due: IsoDate;
  /** §11.6: 14 days before and on the due date. */
  reminderDates: IsoDate[];
  /** The engine's status: only `required` and `conditional` milestones are deadlines. */
  status: Extract<MilestoneStatus, 'required' | 'conditional'>;
  /** Relative to `today`: overdue (< 0 days left), due-soon (≤ 14), upcoming. */
  state: 'overdue' | 'due-soon' | 'upcoming';
}

/**
 * Every open deadline of current cases: the `required` and `conditional` milestones of each
 * employee's latest case whose last day is on or after `today − 16`, that are neither done nor
 * exempted ("åpenbart unødvendig") for that case start, and whose due date **or** one of whose
 * reminder dates lies in `[from, to]` (both inclusive); likewise the open routine tasks and agreed
 * actions of those cases (`kinds`). So `from = to = today` gives everything to remind about today,
 * and a wide `from` gives every overdue item too.
 *
 * Computed with the rule engine from the stored periods (no stored deadlines to go stale), batched
 * per organisation: one query for the candidates with their periods, overrides, records, routine
 * pins and done tasks packed into one text column each (`loadDeadlineCases`), one for the agreed
 * actions, then the engine per employee in memory with one reused scratch — no N+1 queries, sized
 * for 200 000 open cases (bench/reminders). Without `organisationId`, every organisation with a
 * recent period is swept, one after another. Sorted by organisation, due date, employee and key.
 *
 * No SQL pre-filter on the case start: with the default routine's weekly contact task (§11.6,
 * reminded on its day) nearly every running case (from its second week, unless that week's contact
 * is done) has a deadline in the sweep's 8-day range, so a provably safe filter on S would remove
 * almost no case — and for a saved routine it would have to bound every task anchor (caseStart,
 * caseEnd, any milestone including the AAP date from the maksdato's three-year count). Every
 * candidate goes through the engine; what was made cheap is everything around it.
 */
export async function listDeadlines(
  db: Db,
  options: {
    organisationId?: string | undefined;
    from: IsoDate;
    to: IsoDate;
    today: IsoDate;
    /** Which kinds to list (default: all). */
    kinds?: readonly DeadlineKind[] | undefined;
  },
): Promise<Deadline[]> {
  const { from, to, today } = options;
  const kinds = new Set(options.kinds ?? DEADLINE_KINDS);
  let organisations: string[];
  if (options.organisationId !== undefined) {
    organisations = [options.organisationId];
  } else {
    const rows = await db
      .selectFrom('absence_period')
      .select('organisation_id')
      .distinct()
      .where('deleted_at', 'is', null)
      .where('end_date', '>=', addDays(today, -RECENT_CASE_DAYS))
      .orderBy('organisation_id')
      .execute();
    organisations = rows.map((r) => r.organisation_id);
  }
  const range: DayRange = {
    from,
    to,
    fromN: toDayNumber(from),
    toN: toDayNumber(to),
    todayN: toDayNumber(today),
  };
  const inRange = (d: IsoDate) => d >= from && d <= to;
  const stateOf = (due: IsoDate): Deadline['state'] => {
    const daysLeft = diffDays(due, today);
    return daysLeft < 0 ? 'overdue' : daysLeft <= SNART_FRIST_DAGER ? 'due-soon' : 'upcoming';
  };
  const out: Deadline[] = [];
  const scratch = new TimelineScratch();
  // The next organisation's rows are fetched while this one's go through the engine: PostgreSQL
  // and Node work at the same time (one query in flight, at most two organisations in memory).
  const fetch = (organisationId: string) => loadDeadlineCases(db, organisationId, today);
  let pending = organisations.length > 0 ? fetch(organisations[0] as string) : null;
  for (const [index, organisationId] of organisations.entries()) {
    const begin = out.length;
    const cases = await (pending as Promise<DeadlineCaseRow[]>);
    const following = organisations[index + 1];
    pending = following === undefined ? null : fetch(following);
    // Avoid an unhandled rejection while this organisation is processed; awaited above next round.
    pending?.catch(() => undefined);
    const versions = kinds.has('task') ? await loadRoutineVersions(db, organisationId) : null;
    const actions = kinds.has('action')
      ? groupActions(
          await loadOpenActions(db, organisationId, { from, to: addDays(to, PAAMINNELSE_DAGER_FOR) }),
        )
      : null;
    for (const row of cases) {
      const plan = computePlan(
        {
          periods: unpackPeriods(row.periods),
          birthDate: row.birth_date,
          agpOverrides: unpackOverrides(row.overrides),
          dialogmote2:
            row.dialogmote2_case_start && row.dialogmote2_date
              ? { caseStart: row.dialogmote2_case_start, date: row.dialogmote2_date }
              : null,
        },
        { scratch },
      );
      const f = plan.followUp;
      if (f === null || !isCurrentOrRecent(f.caseEnd, today)) continue;
      const base = { organisationId, employeeId: row.id, caseStart: f.caseStart } as const;
      if (kinds.has('milestone')) {
        const closed = closedMilestones(row.records, f.caseStart);
        for (const m of f.milestones) {
          if (m.status !== 'required' && m.status !== 'conditional') continue;
          if (m.due === null || closed?.has(m.key)) continue;
          if (!inRange(m.due) && !m.reminders.some(inRange)) continue;
          out.push({
            ...base,
            leaderEmployeeId: row.leader_id,
            milestoneKey: m.key,
            due: m.due,
            reminderDates: m.reminders,
            status: m.status,
            state: stateOf(m.due),
          });
        }
      }
      if (versions !== null) {
        const routine = routineForCase(versions, pinnedVersion(row.pins, f.caseStart), f.caseStart);
        const done = doneTasks(row.tasks, f.caseStart);
        const c: TaskCase = { ...f, agpEnd: caseAgpEnd(plan) };
        for (const t of openTasksInRange(prepareRoutine(routine), c, done, range)) {
          out.push({
            ...base,
            leaderEmployeeId: t.responsible === 'hr' ? null : row.leader_id,
            milestoneKey: `task:${t.key}`,
            due: t.due,
            reminderDates: t.reminderDates,
            status: 'required',
            state: stateOf(t.due),
          });
        }
      }
      for (const a of actions?.get(row.id) ?? []) {
        if (a.deadline === null || a.caseStart !== f.caseStart) continue;
        const reminderDates = dueReminderDates(a.deadline);
        if (!inRange(a.deadline) && !reminderDates.some(inRange)) continue;
        out.push({
          ...base,
          leaderEmployeeId: row.leader_id,
          milestoneKey: `action:${a.id}`,
          due: a.deadline,
          reminderDates,
          status: 'required',
          state: stateOf(a.deadline),
        });
      }
    }
    // Organisations come in order (one, or sorted by id: uuid order is the text's order).
    sortByDue(out, begin);
  }
  return out;
}

/**
 * Sorts `out[begin…]` (one organisation's deadlines) by due date, employee and key. The due date is
 * an ISO date (10 characters) and the employee a UUID (36), so one string `due + employee + key`
 * orders as the tuple does; sorting these strings with the built-in comparison is several times
 * faster than a comparator on the objects (bench/reminders: 2–3 s for 300 000 deadlines → < 0.5 s).
 */
function sortByDue(out: Deadline[], begin: number): void {
  const n = out.length - begin;
  if (n < 2) return;
  const keys = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const d = out[begin + i] as Deadline;
    keys[i] = `${d.due}${d.employeeId}${d.milestoneKey}\u0000${i}`;
  }
  keys.sort();
  const segment = out.slice(begin);
  for (let i = 0; i < n; i++) {
    const k = keys[i] as string;
    out[begin + i] = segment[Number(k.slice(k.lastIndexOf('\u0000') + 1))] as Deadline;
  }
}

interface DayRange {
  from: IsoDate;
  to: IsoDate;
  fromN: DayNumber;
  toN: DayNumber;
  todayN: DayNumber;
}

/**
 * One candidate of `loadDeadlineCases`: the employee, and per related table one text column with
 * the rows packed as `field field …` items separated by `,` (null when there are none). Fields are
 * ISO dates, integers, period types, milestone keys and task keys — none contains a space or comma.
 */
interface DeadlineCaseRow {
  id: string;
  leader_id: string | null;
  birth_date: IsoDate | null;
  dialogmote2_case_start: IsoDate | null;
  dialogmote2_date: IsoDate | null;
  /** `type start end grade|- avventende(0|1)` */
  periods: string;
  /** `caseStart end` */
  overrides: string | null;
  /** `caseStart milestoneKey kind` (not undone) */
  records: string | null;
  /** `caseStart version` */
  pins: string | null;
  /** `caseStart taskKey` */
  tasks: string | null;
}

/**
 * The same candidates and inputs as `loadCurrentCases` (employees with a period ending on or after
 * today − 16; their periods from LOOKBACK_MONTHS back; overrides; milestone records not undone),
 * plus routine pins and done tasks, in ONE query and one row per employee: the related rows are
 * aggregated in PostgreSQL into text columns, so Node parses 1 row instead of ~5 per employee and
 * builds no row objects for them (bench/reminders: 700 000 period rows → 200 000 rows).
 */
async function loadDeadlineCases(db: Db, organisationId: string, today: IsoDate): Promise<DeadlineCaseRow[]> {
  const org = organisationId;
  const d = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);
  const result = await sql<DeadlineCaseRow>`
    select e.id, e.leader_id, e.birth_date, f.dialogmote2_case_start, f.dialogmote2_date,
           p.periods, o.overrides, r.records, pin.pins, t.tasks
    from (
      select employee_id,
             string_agg(type || ' ' || ${d('start_date')} || ' ' || ${d('end_date')} || ' ' ||
                        coalesce(grade::text, '-') || ' ' || case when avventende then '1' else '0' end, ',') as periods
      from absence_period
      where organisation_id = ${org} and deleted_at is null
        and end_date >= ${addMonths(today, -LOOKBACK_MONTHS)}::date
      group by employee_id
      having max(end_date) >= ${addDays(today, -RECENT_CASE_DAYS)}::date
    ) p
    join employee e on e.organisation_id = ${org} and e.id = p.employee_id
    join unit u on u.organisation_id = e.organisation_id and u.id = e.unit_id
    left join sykefravaer_followup f on f.organisation_id = ${org} and f.employee_id = e.id
    left join (
      select employee_id, string_agg(${d('case_start')} || ' ' || ${d('end_date')}, ',') as overrides
      from sykefravaer_agp_override where organisation_id = ${org} group by employee_id
    ) o on o.employee_id = e.id
    left join (
      select employee_id, string_agg(${d('case_start')} || ' ' || milestone_key || ' ' || kind, ',') as records
      from milestone_record where organisation_id = ${org} and undone_at is null group by employee_id
    ) r on r.employee_id = e.id
    left join (
      select employee_id, string_agg(${d('case_start')} || ' ' || version::text, ',') as pins
      from rutine_case where organisation_id = ${org} group by employee_id
    ) pin on pin.employee_id = e.id
    left join (
      select employee_id, string_agg(${d('case_start')} || ' ' || task_key, ',') as tasks
      from task_record where organisation_id = ${org} group by employee_id
    ) t on t.employee_id = e.id
  `.execute(db);
  return result.rows;
}

function unpackPeriods(packed: string): StoredPeriod[] {
  const items = packed.split(',');
  const out = new Array<StoredPeriod>(items.length);
  for (let i = 0; i < items.length; i++) {
    const [type, start, end, grade, avventende] = (items[i] as string).split(' ') as [
      StoredPeriod['type'],
      IsoDate,
      IsoDate,
      string,
      string,
    ];
    out[i] = {
      type,
      start,
      end,
      grade: grade === '-' ? null : Number(grade),
      avventende: avventende === '1',
    };
  }
  return out;
}

function unpackOverrides(packed: string | null): { caseStart: IsoDate; end: IsoDate }[] {
  if (packed === null) return [];
  return packed.split(',').map((item) => {
    const [caseStart, end] = item.split(' ') as [IsoDate, IsoDate];
    return { caseStart, end };
  });
}

/** §11.4–11.5: a done record closes any milestone, an exception only the three that allow one. */
function closedMilestones(packed: string | null, caseStart: IsoDate): Set<string> | null {
  if (packed === null) return null;
  let closed: Set<string> | null = null;
  for (const item of packed.split(',')) {
    const [start, key, kind] = item.split(' ') as [IsoDate, MilestoneKey, string];
    if (start !== caseStart) continue;
    if (kind === 'done' || key === 'oppfolgingsplan' || key === 'dialogmote1' || key === 'dialogmote2') {
      closed ??= new Set();
      closed.add(key);
    }
  }
  return closed;
}

function pinnedVersion(packed: string | null, caseStart: IsoDate): number | undefined {
  if (packed === null) return undefined;
  for (const item of packed.split(',')) {
    const [start, version] = item.split(' ') as [IsoDate, string];
    if (start === caseStart) return Number(version);
  }
  return undefined;
}

function doneTasks(packed: string | null, caseStart: IsoDate): Set<string> | null {
  if (packed === null) return null;
  let done: Set<string> | null = null;
  for (const item of packed.split(',')) {
    const [start, key] = item.split(' ') as [IsoDate, string];
    if (start !== caseStart) continue;
    done ??= new Set();
    done.add(key);
  }
  return done;
}

function groupActions(actions: readonly StoredAction[]): Map<string, StoredAction[]> {
  const out = new Map<string, StoredAction[]>();
  for (const a of actions) {
    const list = out.get(a.employeeId);
    if (list) list.push(a);
    else out.set(a.employeeId, [a]);
  }
  return out;
}

/** A routine split for the deadline list: weekly caseStart tasks apart from the rest. */
interface PreparedRoutine {
  oneOff: readonly RoutineTask[];
  weekly: readonly RoutineTask[];
}

const prepared = new WeakMap<StoredRoutine, PreparedRoutine>();

function prepareRoutine(routine: StoredRoutine): PreparedRoutine {
  let p = prepared.get(routine);
  if (p === undefined) {
    const isWeekly = (t: RoutineTask) => t.anchor === 'caseStart' && t.repeat === 'weekly';
    p = { oneOff: routine.tasks.filter((t) => !isWeekly(t)), weekly: routine.tasks.filter(isWeekly) };
    prepared.set(routine, p);
  }
  return p;
}

/** An open task of a case with a due date or reminder date in range. */
interface TaskInRange {
  key: string;
  responsible: RoutineTask['responsible'];
  due: IsoDate;
  reminderDates: IsoDate[];
}

/**
 * The routine tasks of a case the sweep reminds of, with a due or reminder date in `[from, to]`:
 * exactly `collapseRepeating(tasksForCase(routine, f, today) minus done, today)` filtered by
 * `taskReminderDates` in range (test/modules/sykefravaer-deadlines-equivalence.test.ts checks it
 * against those functions), computed on day numbers, with a date string made only for a task that
 * is listed, and a weekly task's occurrences generated only from `min(from, today)`: `tasksForCase`
 * makes every occurrence since the case start (up to 57 for a case of a year, each a date string
 * and an object) — that took most of the sweep's time (bench/reminders: 35–52 s for 200 000 cases).
 *
 * Why dropping the occurrences before `lo = min(from, today)` changes nothing (one weekly task, its
 * open occurrences increasing): `collapseRepeating` keeps the latest open one before today (L) and
 * the first open one on or after today (N); an occurrence is reminded on its day only. N ≥ today ≥ lo
 * is kept as it is. If L ≥ lo, L is also the latest open occurrence in [lo, today). If L < lo ≤ from,
 * the original keeps L but its only date is before `from`, so it is not listed; the truncated list has
 * no open occurrence in [lo, today) (L would be it), so nothing is listed either.
 */
function openTasksInRange(
  routine: PreparedRoutine,
  f: TaskCase,
  done: ReadonlySet<string> | null,
  range: DayRange,
): TaskInRange[] {
  const out: TaskInRange[] = [];
  const S = toDayNumber(f.caseStart);
  const E = toDayNumber(f.caseEnd);
  const near = (due: DayNumber) =>
    (due >= range.fromN && due <= range.toN) ||
    (due - PAAMINNELSE_DAGER_FOR >= range.fromN && due - PAAMINNELSE_DAGER_FOR <= range.toN);
  let longCase: boolean | null = null;
  for (const t of routine.oneOff) {
    // As `tasksForCase`: caseStart S + offset; caseEnd E + offset once the case has ended; agpEnd
    // the AGP's last day + offset when the case has an AGP that ended; a milestone's due + offset
    // unless it is not-required or has no date, an informational one only in a case long enough
    // for dialogmøte 2.
    let due: DayNumber;
    if (t.anchor === 'caseStart') due = S + t.offsetDays;
    else if (t.anchor === 'caseEnd') {
      if (!(E < range.todayN)) continue;
      due = E + t.offsetDays;
    } else if (t.anchor === 'agpEnd') {
      if (f.agpEnd === null) continue;
      due = toDayNumber(f.agpEnd) + t.offsetDays;
    } else {
      const m = t.milestone === undefined ? undefined : f.milestones.find((x) => x.key === t.milestone);
      if (m === undefined || m.due === null || m.status === 'not-required') continue;
      if (m.status === 'informational') {
        longCase ??= f.milestones.find((x) => x.key === 'dialogmote2')?.status === 'required';
        if (!longCase) continue;
      }
      due = toDayNumber(m.due) + t.offsetDays;
    }
    if (!near(due) || done?.has(t.id)) continue;
    const iso = fromDayNumber(due);
    out.push({
      key: taskKey(t.id),
      responsible: t.responsible,
      due: iso,
      reminderDates: dueReminderDates(iso),
    });
  }
  if (routine.weekly.length === 0) return out;
  const last = Math.min(E, range.todayN + REPEAT_HORIZON_DAYS);
  const lo = Math.min(range.fromN, range.todayN);
  for (const t of routine.weekly) {
    const first = S + t.offsetDays;
    let d = first < lo ? first + Math.ceil((lo - first) / 7) * 7 : first;
    let missed: DayNumber | null = null;
    let next: DayNumber | null = null;
    for (; d <= last; d += 7) {
      if (done?.has(taskKey(t.id, fromDayNumber(d)))) continue;
      if (d < range.todayN) missed = d;
      else {
        next = d;
        break;
      }
    }
    for (const occurrence of [missed, next]) {
      if (occurrence === null || occurrence < range.fromN || occurrence > range.toN) continue;
      const due = fromDayNumber(occurrence);
      out.push({ key: taskKey(t.id, due), responsible: t.responsible, due, reminderDates: [due] });
    }
  }
  return out;
}
