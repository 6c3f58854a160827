import type { Db } from '../../db/schema.ts';
import { addDays, addMonths, type IsoDate } from '../../domain/calendar/index.ts';
import {
  caseAgpEnd,
  computePlan,
  type FollowUp,
  isCurrentOrRecent,
  RECENT_CASE_DAYS,
  type RecordForEngine,
  type StoredPeriod,
  TimelineScratch,
} from '../../domain/sykefravaer/index.ts';

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
  /** The end of the case's arbeidsgiverperiode once it has ended (`caseAgpEnd`), for `agpEnd` tasks. */
  agpEnd: IsoDate | null;
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
      agpEnd: caseAgpEnd(plan),
      sickDays: plan.cases[plan.cases.length - 1]?.sickDays ?? 0,
      records: caseRecords,
    });
  }
  return out;
}
