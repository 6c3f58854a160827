/**
 * The routine (versioned task template), the tasks of one case, and "Mine oppgaver".
 *
 * Tasks are derived from the routine version of the case and the engine's plan (`tasksForCase`),
 * like milestones; only "done" is stored (`task_record`). Marking a task done or undoing it is a
 * write to the case: it claims the per-employee follow-up version (409 when stale) and is audited.
 */
import { sql } from 'kysely';
import type { CaseTasks, Oppgaver, RoutineDto } from '../../contracts/sykefravaer/rutine.schemas.ts';
import type { Db } from '../../db/schema.ts';
import { addDays, diffDays, type IsoDate } from '../../domain/calendar/index.ts';
import {
  caseAgpEnd,
  collapseRepeating,
  type MilestoneKey,
  milestoneStates,
  parseSystemNote,
  type RoutineRole,
  type RoutineTask,
  recordsFor,
  renderRecordNote,
  SNART_FRIST_DAGER,
  type TaskCase,
  type Text,
  tasksForCase,
} from '../../domain/sykefravaer/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import { defineCache } from '../../platform/caches.ts';
import { osloToday } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { loadOpenActions, type StoredAction } from './case-actions.ts';
import { loadCurrentCases } from './current-cases.ts';
import {
  loadPin,
  loadRoutineVersions,
  pinRoutine,
  routineForCase,
  type StoredRoutine,
} from './rutine.repository.ts';
import {
  type CaseEmployee,
  findCaseEmployee,
  loadFollowup,
  seesWholeOrganisation,
  userNames,
} from './sykefravaer.repository.ts';
import { type Ctx, claimVersion, currentPlan, fieldErrors } from './sykefravaer.service.ts';
import { userRefOf } from './view.ts';

// ---------------------------------------------------------------- the routine

async function toDto(db: Db, ctx: Ctx, r: StoredRoutine): Promise<RoutineDto> {
  const ref = userRefOf(await userNames(db, [r.createdBy]), ctx.locale);
  return {
    version: r.version,
    createdAt: r.createdAt === null ? null : r.createdAt.toISOString(),
    createdBy: r.createdAt === null ? null : ref(r.createdBy),
    tasks: r.tasks.map((t) => ({ ...t })),
  };
}

export async function getRoutine(ctx: Ctx): Promise<RoutineDto> {
  const versions = await loadRoutineVersions(ctx.db, ctx.actor.organisationId);
  return toDto(ctx.db, ctx, versions[versions.length - 1]!);
}

/** Saves the routine as the next version (running cases keep theirs). */
export async function saveRoutine(ctx: Ctx, tasks: RoutineTask[]): Promise<RoutineDto> {
  const { db, actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const org = actor.organisationId;
    // Serialise concurrent saves of one organisation (the primary key would also refuse a duplicate).
    await sql`select id from organisation where id = ${org} for update`.execute(trx);
    const last = await trx
      .selectFrom('rutine_version')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('organisation_id', '=', org)
      .executeTakeFirst();
    const version = Number(last?.v ?? 1) + 1;
    const row = await trx
      .insertInto('rutine_version')
      .values({ organisation_id: org, version, tasks: JSON.stringify(tasks), created_by: actor.userId })
      .returning(['created_at'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'sykefravaer_rutine',
      entityId: null,
      detail: { version, tasks: tasks.length },
    });
    return toDto(trx, ctx, { version, tasks, createdAt: row.created_at, createdBy: actor.userId });
  });
}

// ---------------------------------------------------------------- the tasks of one case

type DueState = 'overdue' | 'due-soon' | 'upcoming';

function dueState(due: IsoDate, today: IsoDate): DueState {
  const left = diffDays(due, today);
  return left < 0 ? 'overdue' : left <= SNART_FRIST_DAGER ? 'due-soon' : 'upcoming';
}

async function buildTasks(db: Db, ctx: Ctx, employee: CaseEmployee): Promise<CaseTasks> {
  const org = ctx.actor.organisationId;
  const today = osloToday();
  const followup = await loadFollowup(db, org, employee.id);
  const plan = await currentPlan(db, org, employee);
  const f = plan.followUp === null ? null : { ...plan.followUp, agpEnd: caseAgpEnd(plan) };
  const base = { employeeId: employee.id, today, version: followup?.version ?? 0 };
  if (f === null) return { ...base, caseStart: null, caseEnd: null, routineVersion: null, tasks: [] };
  const versions = await loadRoutineVersions(db, org);
  const routine = routineForCase(versions, await loadPin(db, org, employee.id, f.caseStart), f.caseStart);
  const records = await db
    .selectFrom('task_record')
    .select(['task_key', 'note', 'note_code', 'note_params', 'done_by', 'done_at'])
    .where('organisation_id', '=', org)
    .where('employee_id', '=', employee.id)
    .where('case_start', '=', f.caseStart)
    .execute();
  const done = new Map(records.map((r) => [r.task_key, r]));
  const ref = userRefOf(
    await userNames(
      db,
      records.map((r) => r.done_by),
    ),
    ctx.locale,
  );
  return {
    ...base,
    caseStart: f.caseStart,
    caseEnd: f.caseEnd,
    routineVersion: routine.version,
    tasks: tasksForCase(routine.tasks, f, today).map((t) => {
      const r = done.get(t.key);
      return {
        key: t.key,
        taskId: t.taskId,
        title: t.title,
        responsibleRole: t.responsible,
        milestone: t.milestone,
        due: t.due,
        state: r ? 'done' : dueState(t.due, today),
        daysLeft: diffDays(t.due, today),
        done: r
          ? {
              at: r.done_at.toISOString(),
              by: ref(r.done_by),
              note: renderRecordNote(
                { typed: r.note, system: parseSystemNote(r.note_code, r.note_params) },
                ctx.locale,
              ),
            }
          : null,
      };
    }),
  };
}

/** The tasks of the employee's current case, audited as a read of the case. */
export async function readTasks(ctx: Ctx, employeeId: string): Promise<CaseTasks> {
  const employee = await findCaseEmployee(ctx.db, ctx.actor, employeeId, 'employer');
  await writeAudit(ctx.db, ctx.actor, {
    action: 'read',
    entityType: 'sick_case',
    entityId: employee.id,
    detail: { record: 'tasks' },
  });
  return buildTasks(ctx.db, ctx, employee);
}

const taskNotFound = () => notFound({ nb: 'Fant ikke oppgaven.', en: 'Task not found.' });

async function writeTask(
  ctx: Ctx,
  employeeId: string,
  input: { caseStart: IsoDate; version: number },
  change: (trx: Db, employee: CaseEmployee, f: TaskCase) => Promise<'create' | 'delete'>,
  taskKey: string,
): Promise<CaseTasks> {
  const { db, actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const employee = await findCaseEmployee(trx, actor, employeeId, 'employer');
    await claimVersion(trx, actor.organisationId, employee.id, input.version);
    const plan = await currentPlan(trx, actor.organisationId, employee);
    const f = plan.followUp === null ? null : { ...plan.followUp, agpEnd: caseAgpEnd(plan) };
    if (f === null || f.caseStart !== input.caseStart) {
      throw fieldErrors([
        {
          path: 'caseStart',
          message: {
            nb: 'Ikke starten på det gjeldende sykefraværet. Last siden på nytt.',
            en: 'Not the start of the current absence. Reload the page.',
          },
        },
      ]);
    }
    await pinRoutine(trx, actor.organisationId, employee.id, f.caseStart);
    const action = await change(trx, employee, f);
    await writeAudit(trx, actor, {
      action,
      entityType: 'sick_case',
      entityId: employee.id,
      detail: { record: 'task_done', task: taskKey },
    });
    return buildTasks(trx, ctx, employee);
  });
}

export function markTaskDone(
  ctx: Ctx,
  employeeId: string,
  taskKey: string,
  input: { caseStart: IsoDate; note?: string | null | undefined; version: number },
): Promise<CaseTasks> {
  return writeTask(
    ctx,
    employeeId,
    input,
    async (trx, employee, f) => {
      const org = ctx.actor.organisationId;
      const versions = await loadRoutineVersions(trx, org);
      const routine = routineForCase(
        versions,
        await loadPin(trx, org, employee.id, f.caseStart),
        f.caseStart,
      );
      if (!tasksForCase(routine.tasks, f, osloToday()).some((t) => t.key === taskKey)) throw taskNotFound();
      await trx
        .insertInto('task_record')
        .values({
          organisation_id: org,
          employee_id: employee.id,
          case_start: f.caseStart,
          task_key: taskKey,
          note: input.note ?? null,
          done_by: ctx.actor.userId,
        })
        .onConflict((oc) =>
          oc
            .columns(['organisation_id', 'employee_id', 'case_start', 'task_key'])
            // Marked again by a person: the note is theirs now, no longer Nærvær's.
            .doUpdateSet({
              note: input.note ?? null,
              note_code: null,
              note_params: null,
              done_by: ctx.actor.userId,
            }),
        )
        .execute();
      return 'create';
    },
    taskKey,
  );
}

export function undoTaskDone(
  ctx: Ctx,
  employeeId: string,
  taskKey: string,
  input: { caseStart: IsoDate; version: number },
): Promise<CaseTasks> {
  return writeTask(
    ctx,
    employeeId,
    input,
    async (trx, employee, f) => {
      const deleted = await trx
        .deleteFrom('task_record')
        .where('organisation_id', '=', ctx.actor.organisationId)
        .where('employee_id', '=', employee.id)
        .where('case_start', '=', f.caseStart)
        .where('task_key', '=', taskKey)
        .returning('task_key')
        .executeTakeFirst();
      if (!deleted) throw taskNotFound();
      return 'delete';
    },
    taskKey,
  );
}

// ---------------------------------------------------------------- "Mine oppgaver"

const MILESTONE_TITLES: Partial<Record<MilestoneKey, Text>> = {
  oppfolgingsplan: { nb: 'Oppfølgingsplan', en: 'Follow-up plan' },
  dialogmote1: { nb: 'Dialogmøte 1', en: 'Dialogue meeting 1' },
  aktivitetsplikt: { nb: 'Aktivitetsplikt', en: 'Activity requirement' },
  oppfolgingsplanTilNav: { nb: 'Oppfølgingsplan til NAV', en: 'Follow-up plan to NAV' },
  dialogmote2: { nb: 'Dialogmøte 2', en: 'Dialogue meeting 2' },
};

const KIND_ORDER = { milestone: 0, task: 1, action: 2 } as const;
/** An agreed action's owner as the responsible role of a task (someone else's: the leader follows up). */
const ACTION_ROLE = { employee: 'ansatt', leader: 'leder', other: 'leder' } as const;

/**
 * Every open task and open required/conditional milestone due up to today + 14 days (or overdue)
 * across the actor's people: a leader's own people; admin/HR the organisation, optionally one unit.
 * Also the open agreed actions (oppfølgingsplan, dialogmøte, samtalereferat) of the current cases.
 * Set-based like `listDeadlines`: the case batch (four queries), then one query each for the
 * routine versions, the pins, the done tasks and the open actions of all candidates — no query per
 * employee.
 */
export async function listOppgaver(ctx: Ctx, query: { unitId?: string | undefined }): Promise<Oppgaver> {
  const { db, actor, caches } = ctx;
  const today = osloToday();
  let leaderId: string | undefined;
  if (!seesWholeOrganisation(actor)) {
    if (actor.employeeId === null) return { today, items: [], totals: { overdue: 0, dueThisWeek: 0 } };
    leaderId = actor.employeeId;
  }
  const scope = { organisationId: actor.organisationId, today, leaderId, unitId: query.unitId };
  const oppgaver = caches
    ? await caches
        .get(oppgaverCache)
        .get(scope.organisationId, JSON.stringify([today, leaderId ?? '*', query.unitId ?? '*']), () =>
          computeOppgaver(db, scope),
        )
    : await computeOppgaver(db, scope);
  await writeAudit(db, actor, {
    action: 'read',
    entityType: 'sick_case_list',
    entityId: null,
    detail: {
      record: 'oppgaver',
      count: oppgaver.items.length,
      ...(query.unitId ? { unitId: query.unitId } : {}),
    },
  });
  return oppgaver;
}

/**
 * The tables "Mine oppgaver" is computed from: a committed change to any of them in an
 * organisation makes its cached lists stale (triggers of migration 0010).
 */
const OPPGAVER_TABLES = [
  'employee',
  'unit',
  'absence_period',
  'sykefravaer_followup',
  'sykefravaer_agp_override',
  'milestone_record',
  'rutine_version',
  'rutine_case',
  'task_record',
  'case_action',
] as const;

/** "Mine oppgaver" per organisation, scope and day. */
export const oppgaverCache = defineCache<Oppgaver>({
  name: 'sykefravaer.oppgaver',
  tables: OPPGAVER_TABLES,
  scope: 'organisation',
  max: 2_000,
  ttlMs: 10 * 60_000,
});

/** "Mine oppgaver" of a leader's people (`leaderId`) or of the organisation / one unit, for `today`. */
async function computeOppgaver(
  db: Db,
  scope: { organisationId: string; today: IsoDate; leaderId: string | undefined; unitId: string | undefined },
): Promise<Oppgaver> {
  const { today } = scope;
  const horizon = addDays(today, SNART_FRIST_DAGER);
  const weekEnd = addDays(today, 7);
  const empty: Oppgaver = { today, items: [], totals: { overdue: 0, dueThisWeek: 0 } };
  const org = scope.organisationId;
  const cases = await loadCurrentCases(db, scope);
  if (cases.length === 0) return empty;
  const ids = cases.map((c) => c.employee.id);
  const versions = await loadRoutineVersions(db, org);
  const pins = await db
    .selectFrom('rutine_case')
    .select(['employee_id', 'case_start', 'version'])
    .where('organisation_id', '=', org)
    .where('employee_id', 'in', ids)
    .execute();
  const doneRows = await db
    .selectFrom('task_record')
    .select(['employee_id', 'case_start', 'task_key'])
    .where('organisation_id', '=', org)
    .where('employee_id', 'in', ids)
    .execute();
  const pinOf = new Map(pins.map((p) => [`${p.employee_id}|${p.case_start}`, p.version]));
  const done = new Set(doneRows.map((r) => `${r.employee_id}|${r.case_start}|${r.task_key}`));
  // Agreed actions with a deadline up to the horizon (overdue ones too), of these people's cases.
  const actions = await loadOpenActions(db, org, { from: '0001-01-01', to: horizon, employeeIds: ids });
  const actionsOf = new Map<string, StoredAction[]>();
  for (const a of actions) actionsOf.set(a.employeeId, [...(actionsOf.get(a.employeeId) ?? []), a]);

  const items: Oppgaver['items'] = [];
  for (const c of cases) {
    const f = c.followUp;
    const who = { employeeId: c.employee.id, employeeName: c.employee.name, caseStart: f.caseStart };
    for (const s of milestoneStates(f, recordsFor(f, c.records), today)) {
      if (s.state !== 'overdue' && s.state !== 'due-soon') continue;
      if (s.due === null || s.due > horizon) continue;
      items.push({
        ...who,
        kind: 'milestone',
        key: s.key,
        title: MILESTONE_TITLES[s.key] ?? { nb: s.key, en: s.key },
        due: s.due,
        state: s.state,
        responsibleRole: 'leder' as RoutineRole,
        milestone: s.key,
      });
    }
    const routine = routineForCase(versions, pinOf.get(`${c.employee.id}|${f.caseStart}`), f.caseStart);
    const open = tasksForCase(routine.tasks, { ...f, agpEnd: c.agpEnd }, today).filter(
      (t) => t.due <= horizon && !done.has(`${c.employee.id}|${f.caseStart}|${t.key}`),
    );
    for (const a of actionsOf.get(c.employee.id) ?? []) {
      if (a.caseStart !== f.caseStart || a.deadline === null) continue;
      items.push({
        ...who,
        kind: 'action',
        key: a.id,
        title: { nb: a.what, en: a.what },
        due: a.deadline,
        state: dueState(a.deadline, today),
        responsibleRole: ACTION_ROLE[a.ownerKind],
        milestone: null,
        owner: a.owner,
        source: a.source,
        version: a.version,
      });
    }
    // Of a repeating task (weekly contact): the latest missed occurrence and the next one.
    for (const t of collapseRepeating(open, today)) {
      items.push({
        ...who,
        kind: 'task',
        key: t.key,
        title: t.title,
        due: t.due,
        state: dueState(t.due, today),
        responsibleRole: t.responsible,
        milestone: t.milestone,
      });
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  items.sort(
    (a, b) =>
      cmp(a.due, b.due) ||
      a.employeeName.localeCompare(b.employeeName, 'nb') ||
      cmp(a.employeeId, b.employeeId) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      cmp(a.key, b.key),
  );
  let overdue = 0;
  let dueThisWeek = 0;
  for (const i of items) {
    if (i.state === 'overdue') overdue++;
    else if (i.due <= weekEnd) dueThisWeek++;
  }
  return { today, items, totals: { overdue, dueThisWeek } };
}
