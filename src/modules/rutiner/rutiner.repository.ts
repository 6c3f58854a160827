/**
 * The HMS handbook's queries. Every query is scoped by organisation; the people lists also by the
 * actor's employee scope (`src/domain/access`: admin/HR all, a leader their own people and
 * themselves). Besides its own tables it reads the core tables `unit`, `employee`, `membership` and
 * `user_account` — and, for the read-only library entry of the sick-leave routine, the sick-leave
 * module's `rutine_version` directly (`sickLeaveRoutine` below): `src/modules/sykefravaer/index.ts`
 * exports no function for it, and one aggregate over the table is all that is needed.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Database, Db } from '../../db/schema.ts';
import type { EmployeeScope } from '../../domain/access/access.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { UnitLink } from '../../domain/rutiner/index.ts';

export type UnitRow = UnitLink & { name: string };

export async function loadUnits(db: Db, organisationId: string): Promise<UnitRow[]> {
  const rows = await db
    .selectFrom('unit')
    .select(['id', 'parent_id', 'name'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name }));
}

export type RoutineRow = {
  id: string;
  title: string;
  category: Database['hms_routine']['category'];
  owner_user_id: string | null;
  /** The owner's name while they are a member of the organisation; null otherwise. */
  owner_name: string | null;
  review_due: IsoDate;
  applies_to_all: boolean;
  current_version: number;
  version: number;
  archived_at: Date | null;
  published_at: Date;
};

function routineQuery(db: Db, organisationId: string) {
  return db
    .selectFrom('hms_routine as r')
    .innerJoin('hms_routine_version as v', (j) =>
      j
        .onRef('v.organisation_id', '=', 'r.organisation_id')
        .onRef('v.routine_id', '=', 'r.id')
        .onRef('v.version', '=', 'r.current_version'),
    )
    .leftJoin('membership as m', (j) =>
      j.onRef('m.organisation_id', '=', 'r.organisation_id').onRef('m.user_id', '=', 'r.owner_user_id'),
    )
    .leftJoin('user_account as a', 'a.id', 'm.user_id')
    .select([
      'r.id',
      'r.title',
      'r.category',
      'r.owner_user_id',
      'a.name as owner_name',
      'r.review_due',
      'r.applies_to_all',
      'r.current_version',
      'r.version',
      'r.archived_at',
      'v.published_at',
    ])
    .where('r.organisation_id', '=', organisationId);
}

export async function listRoutines(
  db: Db,
  organisationId: string,
  options: { includeArchived: boolean },
): Promise<RoutineRow[]> {
  let query = routineQuery(db, organisationId);
  if (!options.includeArchived) query = query.where('r.archived_at', 'is', null);
  return query.orderBy('r.title').orderBy('r.id').execute();
}

export async function findRoutine(
  db: Db,
  organisationId: string,
  id: string,
): Promise<RoutineRow | undefined> {
  return routineQuery(db, organisationId).where('r.id', '=', id).executeTakeFirst();
}

/** The units each routine is limited to. */
export async function routineUnitIds(
  db: Db,
  organisationId: string,
  routineIds: readonly string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (routineIds.length === 0) return map;
  const rows = await db
    .selectFrom('hms_routine_unit')
    .select(['routine_id', 'unit_id'])
    .where('organisation_id', '=', organisationId)
    .where('routine_id', 'in', [...routineIds])
    .execute();
  for (const r of rows) {
    const list = map.get(r.routine_id) ?? [];
    list.push(r.unit_id);
    map.set(r.routine_id, list);
  }
  return map;
}

export async function routineVersions(db: Db, organisationId: string, routineId: string) {
  return db
    .selectFrom('hms_routine_version')
    .select(['version', 'body', 'change_note', 'published_at', 'published_by_name'])
    .where('organisation_id', '=', organisationId)
    .where('routine_id', '=', routineId)
    .orderBy('version', 'desc')
    .execute();
}

export async function routineVersion(db: Db, organisationId: string, routineId: string, version: number) {
  return db
    .selectFrom('hms_routine_version')
    .select(['version', 'body', 'change_note', 'published_at', 'published_by_name'])
    .where('organisation_id', '=', organisationId)
    .where('routine_id', '=', routineId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export type Confirmed = { version: number; confirmedAt: Date };

/** The highest version of each routine an employee confirmed. */
export async function confirmationsOfEmployee(
  db: Db,
  organisationId: string,
  employeeId: string,
): Promise<Map<string, Confirmed>> {
  const rows = await db
    .selectFrom('routine_confirmation')
    .select(['routine_id', 'version', 'confirmed_at'])
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', employeeId)
    .orderBy('version')
    .execute();
  return new Map(rows.map((r) => [r.routine_id, { version: r.version, confirmedAt: r.confirmed_at }]));
}

/** The highest version of one routine each employee confirmed. */
export async function confirmationsOfRoutine(
  db: Db,
  organisationId: string,
  routineId: string,
): Promise<Map<string, Confirmed>> {
  const rows = await db
    .selectFrom('routine_confirmation')
    .select(['employee_id', 'version', 'confirmed_at'])
    .where('organisation_id', '=', organisationId)
    .where('routine_id', '=', routineId)
    .orderBy('version')
    .execute();
  return new Map(rows.map((r) => [r.employee_id, { version: r.version, confirmedAt: r.confirmed_at }]));
}

/** The employee's unit (undefined: no such employee in the organisation). */
export async function employeeUnit(
  db: Db,
  organisationId: string,
  employeeId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('employee')
    .select('unit_id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', employeeId)
    .executeTakeFirst();
  return row?.unit_id;
}

type EmployeeAlias = { e: Database['employee'] };

/** Employed today or later (no end date, or one not yet passed), within the actor's scope. */
function activeInScope(
  eb: ExpressionBuilder<Database & EmployeeAlias, 'e'>,
  organisationId: string,
  today: IsoDate,
  scope: EmployeeScope,
) {
  const conditions = [
    eb('e.organisation_id', '=', organisationId),
    eb.or([eb('e.employment_end', 'is', null), eb('e.employment_end', '>=', today)]),
  ];
  switch (scope.kind) {
    case 'all':
      break;
    case 'none':
      conditions.push(eb.val(false));
      break;
    case 'led-and-self':
      conditions.push(eb.or([eb('e.leader_id', '=', scope.employeeId), eb('e.id', '=', scope.employeeId)]));
      break;
    case 'self':
      conditions.push(eb('e.id', '=', scope.employeeId));
      break;
  }
  return eb.and(conditions);
}

/** Active employees per unit, within the scope («M» of «N av M har bekreftet»). */
export async function activeEmployeesPerUnit(
  db: Db,
  organisationId: string,
  today: IsoDate,
  scope: EmployeeScope,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('employee as e')
    .select(['e.unit_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where((eb) => activeInScope(eb, organisationId, today, scope))
    .groupBy('e.unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

/** Confirmations of each routine's current version per unit of the (active, in-scope) employee. */
export async function currentConfirmationsPerUnit(
  db: Db,
  organisationId: string,
  today: IsoDate,
  scope: EmployeeScope,
): Promise<Map<string, Map<string, number>>> {
  const rows = await db
    .selectFrom('routine_confirmation as c')
    .innerJoin('hms_routine as r', (j) =>
      j
        .onRef('r.organisation_id', '=', 'c.organisation_id')
        .onRef('r.id', '=', 'c.routine_id')
        .onRef('r.current_version', '=', 'c.version'),
    )
    .innerJoin('employee as e', (j) =>
      j.onRef('e.organisation_id', '=', 'c.organisation_id').onRef('e.id', '=', 'c.employee_id'),
    )
    .select(['c.routine_id', 'e.unit_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('c.organisation_id', '=', organisationId)
    .where((eb) => activeInScope(eb, organisationId, today, scope))
    .groupBy(['c.routine_id', 'e.unit_id'])
    .execute();
  const map = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const perUnit = map.get(r.routine_id) ?? new Map<string, number>();
    perUnit.set(r.unit_id, Number(r.n));
    map.set(r.routine_id, perUnit);
  }
  return map;
}

export type PersonRow = { id: string; name: string; unit_id: string; unit_name: string; has_login: boolean };

/** Active employees within the scope, with their unit and whether they can log in. */
export async function activeEmployees(
  db: Db,
  organisationId: string,
  today: IsoDate,
  scope: EmployeeScope,
): Promise<PersonRow[]> {
  const rows = await db
    .selectFrom('employee as e')
    .innerJoin('unit as u', (j) =>
      j.onRef('u.organisation_id', '=', 'e.organisation_id').onRef('u.id', '=', 'e.unit_id'),
    )
    .select((eb) => [
      'e.id',
      'e.name',
      'e.unit_id',
      'u.name as unit_name',
      eb
        .exists(
          eb
            .selectFrom('membership as m')
            .innerJoin('user_account as a', 'a.id', 'm.user_id')
            .select('m.user_id')
            .whereRef('m.organisation_id', '=', 'e.organisation_id')
            .whereRef('m.employee_id', '=', 'e.id')
            .where('a.disabled_at', 'is', null),
        )
        .as('has_login'),
    ])
    .where((eb) => activeInScope(eb, organisationId, today, scope))
    .orderBy('e.name')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ ...r, has_login: Boolean(r.has_login) }));
}

/** Active members of the organisation: who may own a routine. */
export async function ownerOptions(db: Db, organisationId: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('user_account as a', 'a.id', 'm.user_id')
    .select(['a.id as userId', 'a.name'])
    .where('m.organisation_id', '=', organisationId)
    .where('a.disabled_at', 'is', null)
    .orderBy('a.name')
    .orderBy('a.id')
    .execute();
}

export async function isActiveMember(db: Db, organisationId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('membership as m')
    .innerJoin('user_account as a', 'a.id', 'm.user_id')
    .select('m.user_id')
    .where('m.organisation_id', '=', organisationId)
    .where('m.user_id', '=', userId)
    .where('a.disabled_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The sick-leave follow-up routine (aml § 3-1 (2) f) as the library shows it: the latest saved
 * version and when, or version 1 — the built-in default, never stored — when nothing was saved.
 * Reads the sick-leave module's `rutine_version` directly (see the file comment).
 */
export async function sickLeaveRoutine(
  db: Db,
  organisationId: string,
): Promise<{ version: number; updatedAt: Date | null }> {
  const row = await db
    .selectFrom('rutine_version')
    .select(['version', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { version: row.version, updatedAt: row.created_at } : { version: 1, updatedAt: null };
}

/** For the IK dashboard: counts over the active routines. */
export async function routineCounts(db: Db, organisationId: string, today: IsoDate) {
  const row = await db
    .selectFrom('hms_routine')
    .select((eb) => [
      eb.fn.countAll<string | number>().as('active'),
      eb.fn.count<string | number>('id').filterWhere('category', '=', 'avvik').as('avvik'),
      eb.fn.count<string | number>('id').filterWhere('review_due', '<', today).as('overdue'),
    ])
    .where('organisation_id', '=', organisationId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return {
    active: Number(row?.active ?? 0),
    avvik: Number(row?.avvik ?? 0),
    overdue: Number(row?.overdue ?? 0),
  };
}
