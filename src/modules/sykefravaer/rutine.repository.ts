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
import {
  DEFAULT_ROUTINE,
  type RoutineTask,
  type SystemNote,
  storedSystemNote,
  type TaskCase,
  tasksForCase,
} from '../../domain/sykefravaer/index.ts';

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

/**
 * A document event closes the routine tasks it fulfils: the case's one-off tasks with these ids
 * (e.g. «Lag oppfølgingsplanen…» and «Send oppfølgingsplanen til sykmelder» when the plan is sent
 * to the sykmelder) are recorded done, with the document as evidence. A task already done (by hand
 * or by an earlier event) keeps its record; an id the case's routine does not have is skipped.
 * Pins the case's routine first (as a task write does), so the tasks closed are the case's. Call it
 * inside the case write that claimed the follow-up version. Returns the keys it closed.
 */
export async function closeTasksWithEvidence(
  db: Db,
  input: {
    organisationId: string;
    employeeId: string;
    /** The current case (`{ ...plan.followUp, agpEnd: caseAgpEnd(plan) }`). */
    followUp: TaskCase;
    taskIds: readonly string[];
    evidenceRef: string;
    /** Written by Nærvær: stored as a code, shown in the reader's language. */
    note: SystemNote;
    doneBy: string;
    today: IsoDate;
  },
): Promise<string[]> {
  if (input.taskIds.length === 0) return [];
  const { organisationId: org, employeeId, followUp: f } = input;
  await pinRoutine(db, org, employeeId, f.caseStart);
  const routine = routineForCase(
    await loadRoutineVersions(db, org),
    await loadPin(db, org, employeeId, f.caseStart),
    f.caseStart,
  );
  const keys = tasksForCase(routine.tasks, f, input.today)
    .filter((t) => t.key === t.taskId && input.taskIds.includes(t.taskId))
    .map((t) => t.key);
  if (keys.length === 0) return [];
  const note = storedSystemNote(input.note);
  const rows = await db
    .insertInto('task_record')
    .values(
      keys.map((key) => ({
        organisation_id: org,
        employee_id: employeeId,
        case_start: f.caseStart,
        task_key: key,
        note: null,
        note_code: note.code,
        note_params: note.params,
        evidence_ref: input.evidenceRef,
        done_by: input.doneBy,
      })),
    )
    .onConflict((oc) => oc.columns(['organisation_id', 'employee_id', 'case_start', 'task_key']).doNothing())
    .returning('task_key')
    .execute();
  return rows.map((r) => r.task_key);
}
