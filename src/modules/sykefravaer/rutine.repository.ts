/**
 * Routine queries. Version 1 of every organisation is the built-in `DEFAULT_ROUTINE` (not stored);
 * each save stores the next version. A case follows the version pinned for it (`rutine_case`, on
 * the first write to the case); a case with no pin (started before it was written to) follows the
 * version in force on its first day.
 */
import { sql } from 'kysely';
import { RoutineTasksSchema } from '../../contracts/sykefravaer/rutine.schemas.ts';
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { DEFAULT_ROUTINE, type RoutineTask } from '../../domain/sykefravaer/index.ts';

export interface StoredRoutine {
  version: number;
  tasks: readonly RoutineTask[];
  createdAt: Date | null;
  createdBy: string | null;
}

export const DEFAULT_VERSION: StoredRoutine = {
  version: 1,
  tasks: DEFAULT_ROUTINE,
  createdAt: null,
  createdBy: null,
};

function parseTasks(value: unknown): RoutineTask[] {
  const json = typeof value === 'string' ? JSON.parse(value) : value;
  return RoutineTasksSchema.parse(json) as RoutineTask[];
}

/** Every version of the organisation's routine, oldest first (version 1, the default, included). */
export async function loadRoutineVersions(db: Db, organisationId: string): Promise<StoredRoutine[]> {
  const rows = await db
    .selectFrom('rutine_version')
    .select(['version', 'tasks', 'created_at', 'created_by'])
    .where('organisation_id', '=', organisationId)
    .orderBy('version')
    .execute();
  return [
    DEFAULT_VERSION,
    ...rows.map((r) => ({
      version: r.version,
      tasks: parseTasks(r.tasks),
      createdAt: r.created_at,
      createdBy: r.created_by,
    })),
  ];
}

/** The routine a case follows: its pinned version, else the latest saved on or before its first day. */
export function routineForCase(
  versions: readonly StoredRoutine[],
  pinned: number | undefined,
  caseStart: IsoDate,
): StoredRoutine {
  if (pinned !== undefined) {
    const v = versions.find((x) => x.version === pinned);
    if (v) return v;
  }
  let best = versions[0] ?? DEFAULT_VERSION;
  for (const v of versions) {
    if (v.createdAt !== null && v.createdAt.toISOString().slice(0, 10) <= caseStart) best = v;
  }
  return best;
}

/** Pins the organisation's current routine version to the case, unless the case already has one. */
export async function pinRoutine(
  db: Db,
  organisationId: string,
  employeeId: string,
  caseStart: IsoDate,
): Promise<void> {
  await db
    .insertInto('rutine_case')
    .values({
      organisation_id: organisationId,
      employee_id: employeeId,
      case_start: caseStart,
      version: sql<number>`(select coalesce(max(version), 1) from rutine_version where organisation_id = ${organisationId})`,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'employee_id', 'case_start']).doNothing())
    .execute();
}

export async function loadPin(
  db: Db,
  organisationId: string,
  employeeId: string,
  caseStart: IsoDate,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('rutine_case')
    .select('version')
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', employeeId)
    .where('case_start', '=', caseStart)
    .executeTakeFirst();
  return row?.version;
}
