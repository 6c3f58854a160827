/**
 * HMS goals and the handlingsplan (IK-f § 5 no. 4 and 6, aml § 3-1 (2) a and c): the goals of a
 * year with their measures, and the measures' owners, due dates and «done» records. Every query is
 * scoped by the actor's organisation; another organisation's id finds nothing (404).
 */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type {
  Goal,
  GoalCreateSchema,
  GoalUpdateSchema,
  GoalYear,
  Measure,
  MeasureCreateSchema,
  MeasureUpdateSchema,
} from '../../contracts/hms-mal/hms-mal.schemas.ts';
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { measureState } from '../../domain/hms-mal/index.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import { type Actor, hasRole } from '../../platform/context.ts';
import { AppError, conflict, notFound, staleVersion } from '../../platform/errors.ts';
import type { HmsGoalTable, HmsMeasureTable } from './hms-mal.tables.ts';

type GoalRow = Selectable<HmsGoalTable>;
type MeasureRow = Selectable<HmsMeasureTable> & { owner_name: string | null };

export const goalNotFound = () => notFound({ nb: 'Fant ikke HMS-målet.', en: 'HSE goal not found.' });
export const measureNotFound = () => notFound({ nb: 'Fant ikke tiltaket.', en: 'Measure not found.' });

/** Admin and HR write goals and the handlingsplan. */
export function canEditGoals(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'hr');
}

/** The roles that take part in the HMS work (aml § 3-1 (1)): they see the whole handlingsplan. */
export function isHmsReader(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'hr', 'leder', 'verneombud', 'amu', 'bht', 'tillitsvalgt');
}

/** Admin/HR, the person who owns the measure, or a holder of the role that owns it. */
export function canMarkDone(actor: Actor, m: Pick<MeasureRow, 'owner_user_id' | 'owner_role'>): boolean {
  if (canEditGoals(actor)) return true;
  if (m.owner_user_id !== null && m.owner_user_id === actor.userId) return true;
  return m.owner_role !== null && actor.roles.some((r) => r === m.owner_role);
}

/**
 * Employees read the goals and the measures that serve them (IK-f § 4: the work is done in
 * cooperation with the employees). A measure of no goal may come from a risk assessment of one
 * workplace; it is shown to the HMS roles and to its owner only.
 */
function canSeeMeasure(
  actor: Actor,
  m: Pick<MeasureRow, 'goal_id' | 'owner_user_id' | 'owner_role'>,
): boolean {
  return m.goal_id !== null || isHmsReader(actor) || canMarkDone(actor, m);
}

export function toMeasure(row: MeasureRow, actor: Actor, today: IsoDate): Measure {
  return {
    id: row.id,
    goalId: row.goal_id,
    text: row.text,
    ownerUserId: row.owner_user_id,
    ownerRole: row.owner_role,
    ownerName: row.owner_user_id === null ? null : row.owner_name,
    due: row.due,
    state: measureState({ due: row.due, done: row.done_at !== null }, today),
    done:
      row.done_at === null
        ? null
        : { at: row.done_at.toISOString(), by: row.done_by_name, note: row.done_note ?? '' },
    version: row.version,
    canEdit: canEditGoals(actor) && row.done_at === null,
    canMarkDone: canMarkDone(actor, row),
  };
}

function toGoal(row: GoalRow, measures: Measure[]): Goal {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    description: row.description,
    indicator: row.indicator,
    target: row.target,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    version: row.version,
    measures,
  };
}

function measureQuery(db: Db, organisationId: string) {
  return db
    .selectFrom('hms_measure as m')
    .leftJoin('user_account as u', 'u.id', 'm.owner_user_id')
    .selectAll('m')
    .select('u.name as owner_name')
    .where('m.organisation_id', '=', organisationId);
}

export async function findGoal(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('hms_goal')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findMeasure(
  db: Db,
  organisationId: string,
  id: string,
): Promise<MeasureRow | undefined> {
  return measureQuery(db, organisationId).where('m.id', '=', id).executeTakeFirst();
}

/** A measure the actor may see, else 404. */
async function visibleMeasure(db: Db, actor: Actor, id: string): Promise<MeasureRow> {
  const row = await findMeasure(db, actor.organisationId, id);
  if (!row || !canSeeMeasure(actor, row)) throw measureNotFound();
  return row;
}

/** The goals of a year with their measures, and the measures of no goal that belong to the year. */
export async function goalYear(db: Db, actor: Actor, year: number, today: IsoDate): Promise<GoalYear> {
  const org = actor.organisationId;
  const goals = await db
    .selectFrom('hms_goal')
    .selectAll()
    .where('organisation_id', '=', org)
    .where('year', '=', year)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const goalIds = goals.map((g) => g.id);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const measures = await measureQuery(db, org)
    .where((eb) =>
      eb.or([
        ...(goalIds.length > 0 ? [eb('m.goal_id', 'in', goalIds)] : []),
        eb.and([
          eb('m.goal_id', 'is', null),
          eb.or([
            eb.and([eb('m.due', '>=', first), eb('m.due', '<=', last)]),
            // An open measure from an earlier year stays on the plan until it is done.
            eb.and([eb('m.done_at', 'is', null), eb('m.due', '<', first)]),
          ]),
        ]),
      ]),
    )
    .orderBy('m.due')
    .orderBy('m.created_at')
    .execute();
  const byGoal = new Map<string, Measure[]>();
  const standalone: Measure[] = [];
  for (const row of measures) {
    if (!canSeeMeasure(actor, row)) continue;
    const m = toMeasure(row, actor, today);
    if (row.goal_id === null) standalone.push(m);
    else byGoal.set(row.goal_id, [...(byGoal.get(row.goal_id) ?? []), m]);
  }
  return {
    year,
    goals: goals.map((g) => toGoal(g, byGoal.get(g.id) ?? [])),
    standalone,
    canEdit: canEditGoals(actor),
  };
}

export async function listMeasures(
  db: Db,
  actor: Actor,
  filter: { open: boolean; goalId: string | undefined },
  today: IsoDate,
): Promise<Measure[]> {
  let query = measureQuery(db, actor.organisationId);
  if (filter.open) query = query.where('m.done_at', 'is', null);
  if (filter.goalId !== undefined) query = query.where('m.goal_id', '=', filter.goalId);
  const rows = await query.orderBy('m.due').orderBy('m.created_at').limit(2000).execute();
  return rows.filter((r) => canSeeMeasure(actor, r)).map((r) => toMeasure(r, actor, today));
}

async function goalWithMeasures(db: Db, actor: Actor, row: GoalRow, today: IsoDate): Promise<Goal> {
  const measures = await measureQuery(db, actor.organisationId)
    .where('m.goal_id', '=', row.id)
    .orderBy('m.due')
    .orderBy('m.created_at')
    .execute();
  return toGoal(
    row,
    measures.map((m) => toMeasure(m, actor, today)),
  );
}

export async function createGoal(
  db: Db,
  actor: Actor,
  body: z.output<typeof GoalCreateSchema>,
): Promise<Goal> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('hms_goal')
      .values({
        organisation_id: actor.organisationId,
        year: body.year,
        title: body.title,
        description: body.description,
        indicator: body.indicator,
        target: body.target,
        status: body.status,
        created_by: actor.userId,
        created_by_name: actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'hms_goal', entityId: row.id });
    return toGoal(row, []);
  });
}

export async function updateGoal(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof GoalUpdateSchema>,
  today: IsoDate,
): Promise<Goal> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .updateTable('hms_goal')
      .set((eb) => ({
        year: body.year,
        title: body.title,
        description: body.description,
        indicator: body.indicator,
        target: body.target,
        status: body.status,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      if (await findGoal(trx, actor.organisationId, id)) throw staleVersion();
      throw goalNotFound();
    }
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'hms_goal',
      entityId: id,
      detail: { version: row.version, status: row.status },
    });
    return goalWithMeasures(trx, actor, row, today);
  });
}

/** A goal goes with its open measures; one whose measures were carried out is part of the record (409). */
export async function deleteGoal(trx: Db, actor: Actor, id: string): Promise<void> {
  const goal = await findGoal(trx, actor.organisationId, id);
  if (!goal) throw goalNotFound();
  const measures = await trx
    .selectFrom('hms_measure')
    .select(['id', 'done_at'])
    .where('organisation_id', '=', actor.organisationId)
    .where('goal_id', '=', id)
    .execute();
  if (measures.some((m) => m.done_at !== null)) {
    throw conflict(
      {
        nb: 'Målet har tiltak som er gjennomført, og kan ikke slettes. Sett heller status «Ikke nådd».',
        en: 'The goal has measures that were carried out and cannot be deleted. Set the status «Not achieved» instead.',
      },
      'IN_USE',
    );
  }
  await trx
    .deleteFrom('hms_measure')
    .where('organisation_id', '=', actor.organisationId)
    .where('goal_id', '=', id)
    .execute();
  await trx
    .deleteFrom('hms_goal')
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', id)
    .execute();
  await writeAudit(trx, actor, {
    action: 'delete',
    entityType: 'hms_goal',
    entityId: id,
    detail: { measuresDeleted: measures.length },
  });
}

/** The goal must be the organisation's, and the owner a person with access to it. */
async function checkReferences(
  db: Db,
  organisationId: string,
  body: { goalId: string | null; ownerUserId: string | null },
): Promise<void> {
  if (body.goalId !== null && !(await findGoal(db, organisationId, body.goalId))) {
    throw new AppError(
      'VALIDATION_FAILED',
      { nb: 'Fant ikke målet tiltaket skal høre til.', en: 'The goal of the measure was not found.' },
      { fields: [{ path: 'goalId', message: { nb: 'Fant ikke målet.', en: 'Goal not found.' } }] },
    );
  }
  if (body.ownerUserId !== null) {
    const member = await db
      .selectFrom('membership as m')
      .innerJoin('user_account as u', 'u.id', 'm.user_id')
      .select('m.user_id')
      .where('m.organisation_id', '=', organisationId)
      .where('m.user_id', '=', body.ownerUserId)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
    if (!member) {
      throw new AppError(
        'VALIDATION_FAILED',
        {
          nb: 'Den ansvarlige må være en bruker i virksomheten.',
          en: 'The owner must be a user of the organisation.',
        },
        {
          fields: [
            {
              path: 'ownerUserId',
              message: { nb: 'Velg en bruker i virksomheten.', en: 'Choose a user of the organisation.' },
            },
          ],
        },
      );
    }
  }
}

export async function createMeasure(
  db: Db,
  actor: Actor,
  body: z.output<typeof MeasureCreateSchema>,
  today: IsoDate,
): Promise<Measure> {
  return inTransaction(db, async (trx) => {
    await checkReferences(trx, actor.organisationId, body);
    const { id } = await trx
      .insertInto('hms_measure')
      .values({
        organisation_id: actor.organisationId,
        goal_id: body.goalId,
        text: body.text,
        owner_user_id: body.ownerUserId,
        owner_role: body.ownerRole,
        due: body.due,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'hms_measure',
      entityId: id,
      detail: { goalId: body.goalId },
    });
    return toMeasure(await visibleMeasure(trx, actor, id), actor, today);
  });
}

export async function updateMeasure(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof MeasureUpdateSchema>,
  today: IsoDate,
): Promise<Measure> {
  return inTransaction(db, async (trx) => {
    const current = await visibleMeasure(trx, actor, id);
    if (current.done_at !== null) {
      throw conflict(
        {
          nb: 'Tiltaket er gjennomført. Gjenåpne det før du endrer det.',
          en: 'The measure has been carried out. Reopen it before you change it.',
        },
        'WRONG_STATE',
      );
    }
    await checkReferences(trx, actor.organisationId, body);
    const row = await trx
      .updateTable('hms_measure')
      .set((eb) => ({
        goal_id: body.goalId,
        text: body.text,
        owner_user_id: body.ownerUserId,
        owner_role: body.ownerRole,
        due: body.due,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .where('done_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw staleVersion();
    await writeAudit(trx, actor, { action: 'update', entityType: 'hms_measure', entityId: id });
    return toMeasure(await visibleMeasure(trx, actor, id), actor, today);
  });
}

export async function deleteMeasure(db: Db, actor: Actor, id: string): Promise<void> {
  return inTransaction(db, async (trx) => {
    const current = await visibleMeasure(trx, actor, id);
    if (current.done_at !== null) {
      throw conflict(
        {
          nb: 'Et gjennomført tiltak er en del av dokumentasjonen og kan ikke slettes.',
          en: 'A measure that was carried out is part of the record and cannot be deleted.',
        },
        'WRONG_STATE',
      );
    }
    await trx
      .deleteFrom('hms_measure')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, { action: 'delete', entityType: 'hms_measure', entityId: id });
  });
}

/** Marks a measure done with a note (or reopens it with `note` null): admin/HR or its owner, else 404. */
export async function setMeasureDone(
  db: Db,
  actor: Actor,
  id: string,
  note: string | null,
  today: IsoDate,
): Promise<Measure> {
  return inTransaction(db, async (trx) => {
    const current = await visibleMeasure(trx, actor, id);
    if (!canMarkDone(actor, current)) throw measureNotFound();
    await trx
      .updateTable('hms_measure')
      .set(
        note === null
          ? { done_at: null, done_by: null, done_by_name: null, done_note: null, updated_at: new Date() }
          : {
              done_at: new Date(),
              done_by: actor.userId,
              done_by_name: actor.name,
              done_note: note,
              updated_at: new Date(),
            },
      )
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'hms_measure',
      entityId: id,
      detail: { done: note !== null },
    });
    return toMeasure(await visibleMeasure(trx, actor, id), actor, today);
  });
}

/** The people a measure can be given to: active users of the organisation (names only). */
export async function ownerCandidates(db: Db, organisationId: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('user_account as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name'])
    .where('m.organisation_id', '=', organisationId)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}
