/**
 * Current cases of many employees at once — for the case list and for `listDeadlines` — without
 * N+1 queries: four set-based queries per organisation (employees, periods, AGP overrides,
 * milestone records, each restricted by the same candidate subquery), then the rule engine per
 * employee in memory with one reused scratch buffer.
 *
 * Candidates are employees with a period (not deleted) ending on or after today − 16 days: a
 * case's last day is always a day of one of its periods, so every current or recently ended case
 * is among them. Their periods are loaded from LOOKBACK_MONTHS back: enough for the maksdato's
 * three-year look-back (ftrl § 8-12) behind a case of up to a year. (The single-case view loads
 * every period and is exact; a case longer than a year could differ here only in its maksdato.)
 */
import { addDays, addMonths, diffDays, type IsoDate } from '../../domain/calendar/index.ts';
import {
  type FollowUp,
  type MilestoneKey,
  type MilestoneStatus,
  SNART_FRIST_DAGER,
  TimelineScratch,
} from '../../domain/sykefravaer/index.ts';
import {
  computePlan,
  isCurrentOrRecent,
  RECENT_CASE_DAYS,
  type RecordForEngine,
  type StoredPeriod,
} from './case.ts';
import type { Db } from './sykefravaer.repository.ts';

export const LOOKBACK_MONTHS = 48;

export interface BatchEmployee {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  leaderId: string | null;
}

export interface CurrentCase {
  organisationId: string;
  employee: BatchEmployee;
  periods: StoredPeriod[];
  followUp: FollowUp;
  /** Sick days of the case (the engine's count, ferie directly after sick days included). */
  sickDays: number;
  /** Done/exception records of this case (other case starts dropped). */
  records: RecordForEngine[];
}

export interface CaseFilter {
  organisationId: string;
  today: IsoDate;
  /** Only the people this employee leads. */
  leaderId?: string | undefined;
  unitId?: string | undefined;
}

function candidates(db: Db, filter: CaseFilter) {
  const org = filter.organisationId;
  let q = db
    .selectFrom('absence_period as c')
    .select('c.employee_id')
    .where('c.organisation_id', '=', org)
    .where('c.deleted_at', 'is', null)
    .where('c.end_date', '>=', addDays(filter.today, -RECENT_CASE_DAYS));
  if (filter.leaderId !== undefined) {
    q = q.where(
      'c.employee_id',
      'in',
      db
        .selectFrom('employee')
        .select('id')
        .where('organisation_id', '=', org)
        .where('leader_id', '=', filter.leaderId),
    );
  }
  if (filter.unitId !== undefined) {
    q = q.where(
      'c.employee_id',
      'in',
      db
        .selectFrom('employee')
        .select('id')
        .where('organisation_id', '=', org)
        .where('unit_id', '=', filter.unitId),
    );
  }
  return q;
}

function groupBy<T extends { employee_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.employee_id);
    if (list) list.push(row);
    else out.set(row.employee_id, [row]);
  }
  return out;
}

/** Current or recently ended cases (last day ≥ today − 16) of the employees matching the filter. */
export async function loadCurrentCases(db: Db, filter: CaseFilter): Promise<CurrentCase[]> {
  const org = filter.organisationId;
  const employees = await db
    .selectFrom('employee as e')
    .innerJoin('unit as u', (j) =>
      j.onRef('u.organisation_id', '=', 'e.organisation_id').onRef('u.id', '=', 'e.unit_id'),
    )
    .leftJoin('sykefravaer_followup as f', (j) =>
      j.onRef('f.organisation_id', '=', 'e.organisation_id').onRef('f.employee_id', '=', 'e.id'),
    )
    .select([
      'e.id',
      'e.name',
      'e.unit_id',
      'u.name as unit_name',
      'e.leader_id',
      'e.birth_date',
      'f.dialogmote2_case_start',
      'f.dialogmote2_date',
    ])
    .where('e.organisation_id', '=', org)
    .where('e.id', 'in', candidates(db, filter))
    .execute();
  if (employees.length === 0) return [];
  const periods = groupBy(
    await db
      .selectFrom('absence_period')
      .select(['employee_id', 'type', 'start_date', 'end_date', 'grade', 'avventende'])
      .where('organisation_id', '=', org)
      .where('deleted_at', 'is', null)
      .where('end_date', '>=', addMonths(filter.today, -LOOKBACK_MONTHS))
      .where('employee_id', 'in', candidates(db, filter))
      .execute(),
  );
  const overrides = groupBy(
    await db
      .selectFrom('sykefravaer_agp_override')
      .select(['employee_id', 'case_start', 'end_date'])
      .where('organisation_id', '=', org)
      .where('employee_id', 'in', candidates(db, filter))
      .execute(),
  );
  const records = groupBy(
    await db
      .selectFrom('milestone_record')
      .select(['employee_id', 'id', 'case_start', 'milestone_key', 'kind', 'recorded_at'])
      .where('organisation_id', '=', org)
      .where('undone_at', 'is', null)
      .where('employee_id', 'in', candidates(db, filter))
      .orderBy('recorded_at')
      .orderBy('id')
      .execute(),
  );

  const scratch = new TimelineScratch();
  const out: CurrentCase[] = [];
  for (const e of employees) {
    const stored: StoredPeriod[] = (periods.get(e.id) ?? []).map((p) => ({
      type: p.type,
      start: p.start_date,
      end: p.end_date,
      grade: p.grade,
      avventende: p.avventende,
    }));
    if (stored.length === 0) continue;
    const plan = computePlan(
      {
        periods: stored,
        birthDate: e.birth_date,
        agpOverrides: (overrides.get(e.id) ?? []).map((o) => ({ caseStart: o.case_start, end: o.end_date })),
        dialogmote2:
          e.dialogmote2_case_start && e.dialogmote2_date
            ? { caseStart: e.dialogmote2_case_start, date: e.dialogmote2_date }
            : null,
      },
      { scratch },
    );
    const followUp = plan.followUp;
    if (followUp === null || !isCurrentOrRecent(followUp.caseEnd, filter.today)) continue;
    const caseRecords: RecordForEngine[] = [];
    for (const r of records.get(e.id) ?? []) {
      if (r.case_start !== followUp.caseStart) continue;
      caseRecords.push({
        id: r.id,
        kind: r.kind,
        milestoneKey: r.milestone_key,
        caseStart: r.case_start,
        recordedOn: filter.today,
        recordedBy: { userId: '', displayName: '' },
        note: null,
        reason: null,
        evidenceRef: null,
      });
    }
    out.push({
      organisationId: org,
      employee: { id: e.id, name: e.name, unitId: e.unit_id, unitName: e.unit_name, leaderId: e.leader_id },
      periods: stored,
      followUp,
      sickDays: plan.cases[plan.cases.length - 1]?.sickDays ?? 0,
      records: caseRecords,
    });
  }
  return out;
}

/** A deadline of the sick-leave follow-up, for reminders and task lists. */
export interface Deadline {
  organisationId: string;
  employeeId: string;
  /** The employee's nærmeste leder (who gets the reminder), if any. */
  leaderEmployeeId: string | null;
  caseStart: IsoDate;
  milestoneKey: MilestoneKey;
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
 * reminder dates lies in `[from, to]` (both inclusive). So `from = to = today` gives everything to
 * remind about today, and a wide `from` gives every overdue item too.
 *
 * Computed with the rule engine from the stored periods (no stored deadlines to go stale), batched
 * per organisation: one query each for employees, periods, overrides and milestone records of all
 * candidates, then the engine per employee in memory — no N+1 queries, sized for 200 000 open cases.
 * Without `organisationId`, every organisation with a recent period is swept, one after another.
 * Sorted by organisation, due date, employee and milestone key.
 */
export async function listDeadlines(
  db: Db,
  options: { organisationId?: string | undefined; from: IsoDate; to: IsoDate; today: IsoDate },
): Promise<Deadline[]> {
  const { from, to, today } = options;
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
  const inRange = (d: IsoDate) => d >= from && d <= to;
  const out: Deadline[] = [];
  for (const organisationId of organisations) {
    const cases = await loadCurrentCases(db, { organisationId, today });
    for (const c of cases) {
      const closed = new Set<MilestoneKey>();
      for (const r of c.records) {
        if (r.kind === 'done') closed.add(r.milestoneKey);
        else if (
          r.milestoneKey === 'oppfolgingsplan' ||
          r.milestoneKey === 'dialogmote1' ||
          r.milestoneKey === 'dialogmote2'
        )
          closed.add(r.milestoneKey);
      }
      for (const m of c.followUp.milestones) {
        if (m.status !== 'required' && m.status !== 'conditional') continue;
        if (m.due === null || closed.has(m.key)) continue;
        if (!inRange(m.due) && !m.reminders.some(inRange)) continue;
        const daysLeft = diffDays(m.due, today);
        out.push({
          organisationId,
          employeeId: c.employee.id,
          leaderEmployeeId: c.employee.leaderId,
          caseStart: c.followUp.caseStart,
          milestoneKey: m.key,
          due: m.due,
          reminderDates: m.reminders,
          status: m.status,
          state: daysLeft < 0 ? 'overdue' : daysLeft <= SNART_FRIST_DAGER ? 'due-soon' : 'upcoming',
        });
      }
    }
  }
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  out.sort(
    (a, b) =>
      cmp(a.organisationId, b.organisationId) ||
      cmp(a.due, b.due) ||
      cmp(a.employeeId, b.employeeId) ||
      cmp(a.milestoneKey, b.milestoneKey),
  );
  return out;
}
