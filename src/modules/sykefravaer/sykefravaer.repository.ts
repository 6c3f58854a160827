/**
 * Sick-leave queries. Who may open whose case (§10 of the issue, rules §11):
 * - `employer` routes: admin and HR any employee of the organisation; a leader only the people
 *   whose `leader_id` is the leader's own employee record; nobody else (404).
 * - `self` routes: the employee record linked to the user's membership, whatever the roles (404
 *   when the membership has no employee record).
 * Another organisation's employee simply is not found (every query is scoped by organisation).
 */
import type { Selectable } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';
import type { Db } from '../../db/schema.ts';
import { caseScope, seesWholeOrganisation } from '../../domain/access/access.ts';
import type { StoredPeriod } from '../../domain/sykefravaer/index.ts';
import type { Actor } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type {
  AbsencePeriodHistoryTable,
  MilestoneRecordTable,
  PeriodSource,
  SykefravaerFollowupTable,
} from './sykefravaer.tables.ts';

export type CaseEmployee = {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  leaderId: string | null;
  birthDate: IsoDate | null;
  employmentStart: IsoDate;
};

export const employeeNotFound = () => notFound({ nb: 'Fant ikke den ansatte.', en: 'Employee not found.' });

export { seesWholeOrganisation };

/** The employee whose case the actor opens, or 404 if it does not exist or is out of the actor's reach. */
export async function findCaseEmployee(
  db: Db,
  actor: Actor,
  employeeId: string,
  via: 'employer' | 'self',
): Promise<CaseEmployee> {
  let query = db
    .selectFrom('employee as e')
    .innerJoin('unit as u', (j) =>
      j.onRef('u.organisation_id', '=', 'e.organisation_id').onRef('u.id', '=', 'e.unit_id'),
    )
    .select([
      'e.id',
      'e.name',
      'e.unit_id',
      'u.name as unit_name',
      'e.leader_id',
      'e.birth_date',
      'e.employment_start',
    ])
    .where('e.organisation_id', '=', actor.organisationId)
    .where('e.id', '=', employeeId);
  if (via === 'self') {
    if (actor.employeeId === null || actor.employeeId !== employeeId) throw employeeNotFound();
  } else {
    const scope = caseScope(actor);
    if (scope.kind === 'none') throw employeeNotFound();
    if (scope.kind === 'led-by') query = query.where('e.leader_id', '=', scope.leaderEmployeeId);
  }
  const row = await query.executeTakeFirst();
  if (!row) throw employeeNotFound();
  return {
    id: row.id,
    name: row.name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    leaderId: row.leader_id,
    birthDate: row.birth_date,
    employmentStart: row.employment_start,
  };
}

/** The user's own employee record, or 404 (a login without a linked employee has no case). */
export function ownEmployeeId(actor: Actor): string {
  if (actor.employeeId === null) {
    throw notFound({
      nb: 'Brukeren din er ikke knyttet til en ansatt i virksomheten.',
      en: 'Your login is not linked to an employee of the organisation.',
    });
  }
  return actor.employeeId;
}

export type FollowupRow = Omit<
  Selectable<SykefravaerFollowupTable>,
  'organisation_id' | 'employee_id' | 'created_at' | 'updated_at'
>;

export type PeriodRow = StoredPeriod & {
  id: string;
  source: PeriodSource;
  createdBy: string | null;
  createdAt: Date;
  updatedBy: string | null;
  updatedAt: Date;
};

export type HistoryRow = Selectable<AbsencePeriodHistoryTable>;
export type RecordRow = Selectable<MilestoneRecordTable>;
export type OverrideRow = { case_start: IsoDate; end_date: IsoDate; set_by: string | null; set_at: Date };

export type CaseData = {
  followup: FollowupRow | undefined;
  periods: PeriodRow[];
  history: HistoryRow[];
  overrides: OverrideRow[];
  records: RecordRow[];
};

export async function loadFollowup(db: Db, organisationId: string, employeeId: string) {
  return db
    .selectFrom('sykefravaer_followup')
    .select([
      'version',
      'dialogmote2_case_start',
      'dialogmote2_date',
      'retention_hold',
      'retention_hold_reason',
      'retention_hold_by',
      'retention_hold_at',
    ])
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', employeeId)
    .executeTakeFirst();
}

/** The periods (not deleted) of one employee, oldest first. */
export async function loadPeriods(db: Db, organisationId: string, employeeId: string): Promise<PeriodRow[]> {
  const rows = await db
    .selectFrom('absence_period')
    .select([
      'id',
      'type',
      'start_date',
      'end_date',
      'grade',
      'avventende',
      'source',
      'created_by',
      'created_at',
      'updated_by',
      'updated_at',
    ])
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', employeeId)
    .where('deleted_at', 'is', null)
    .orderBy('start_date')
    .orderBy('end_date')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    start: r.start_date,
    end: r.end_date,
    grade: r.grade,
    avventende: r.avventende,
    source: r.source,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
}

/** Milestone records (done / exception) still in force, oldest first (the engine takes the latest). */
export async function loadRecords(db: Db, organisationId: string, employeeId: string): Promise<RecordRow[]> {
  return db
    .selectFrom('milestone_record')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', employeeId)
    .where('undone_at', 'is', null)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

export async function loadOverrides(
  db: Db,
  organisationId: string,
  employeeId: string,
): Promise<OverrideRow[]> {
  return db
    .selectFrom('sykefravaer_agp_override')
    .select(['case_start', 'end_date', 'set_by', 'set_at'])
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', employeeId)
    .orderBy('case_start')
    .execute();
}

export async function loadCaseData(db: Db, organisationId: string, employeeId: string): Promise<CaseData> {
  // Sequential: this also runs inside transactions, which hold a single connection.
  const followup = await loadFollowup(db, organisationId, employeeId);
  const periods = await loadPeriods(db, organisationId, employeeId);
  const history = await db
    .selectFrom('absence_period_history')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', employeeId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
  const overrides = await loadOverrides(db, organisationId, employeeId);
  const records = await loadRecords(db, organisationId, employeeId);
  return { followup, periods, history, overrides, records };
}

/** Display names of user accounts (one query); unknown or removed accounts are missing from the map. */
export async function userNames(db: Db, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('user_account').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
