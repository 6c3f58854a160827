/**
 * Agreed actions as tasks: the list of a case (leader/HR as the case; the employee their own
 * actions through `/me`), and «done» / «undo» with who and when. Every read is audited as a read of
 * the case (`sick_case`, record `actions`); every write claims the action's `version` (409 when
 * stale) and is audited. Another organisation's or another leader's employee → 404.
 */

import type { ActionDto, ActionList } from '../../contracts/dokumenter/actions.schemas.ts';
import type { Db } from '../../db/schema.ts';
import { diffDays, type IsoDate } from '../../domain/calendar/index.ts';
import { SNART_FRIST_DAGER } from '../../domain/sykefravaer/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import { osloToday } from '../../platform/clock.ts';
import { conflict, notFound, staleVersion } from '../../platform/errors.ts';
import {
  currentPlan,
  findActionForUpdate,
  findCaseEmployee,
  loadCaseActions,
  type StoredAction,
} from '../sykefravaer/index.ts';
import type { Ctx, Via } from './oppfolgingsplan.service.ts';

const actionNotFound = () => notFound({ nb: 'Fant ikke tiltaket.', en: 'Action not found.' });

function stateOf(deadline: IsoDate | null, done: boolean, today: IsoDate): ActionDto['state'] {
  if (done) return 'done';
  if (deadline === null) return 'no-deadline';
  const left = diffDays(deadline, today);
  return left < 0 ? 'overdue' : left <= SNART_FRIST_DAGER ? 'due-soon' : 'upcoming';
}

async function toDtos(db: Db, actions: StoredAction[], ctx: Ctx, today: IsoDate): Promise<ActionDto[]> {
  const ids = [...new Set(actions.map((a) => a.doneBy).filter((id): id is string => id !== null))];
  const users =
    ids.length === 0
      ? []
      : await db.selectFrom('user_account').select(['id', 'name']).where('id', 'in', ids).execute();
  const names = new Map(users.map((u) => [u.id, u.name]));
  const unknown = ctx.locale === 'nb' ? 'Ukjent bruker' : 'Unknown user';
  return actions.map((a) => ({
    id: a.id,
    what: a.what,
    ownerKind: a.ownerKind,
    owner: a.owner,
    deadline: a.deadline,
    source: a.source,
    sourceId: a.sourceId,
    state: stateOf(a.deadline, a.doneAt !== null, today),
    daysLeft: a.deadline === null ? null : diffDays(a.deadline, today),
    version: a.version,
    done:
      a.doneAt === null
        ? null
        : {
            at: a.doneAt.toISOString(),
            by: { userId: a.doneBy, name: names.get(a.doneBy ?? '') ?? unknown },
          },
  }));
}

/** The actions of the employee's current case (`self`: only those the employee owns). */
async function buildList(db: Db, ctx: Ctx, employeeId: string, via: Via): Promise<ActionList> {
  const org = ctx.actor.organisationId;
  const employee = await findCaseEmployee(db, ctx.actor, employeeId, via);
  const today = osloToday();
  const caseStart = (await currentPlan(db, org, employee)).followUp?.caseStart ?? null;
  if (caseStart === null) return { employeeId: employee.id, today, caseStart, items: [] };
  let actions = await loadCaseActions(db, org, employee.id, caseStart);
  if (via === 'self') actions = actions.filter((a) => a.ownerKind === 'employee');
  return { employeeId: employee.id, today, caseStart, items: await toDtos(db, actions, ctx, today) };
}

export async function listActions(ctx: Ctx, employeeId: string, via: Via): Promise<ActionList> {
  const list = await buildList(ctx.db, ctx, employeeId, via);
  await writeAudit(ctx.db, ctx.actor, {
    action: 'read',
    entityType: 'sick_case',
    entityId: list.employeeId,
    detail: { record: 'actions', count: list.items.length },
  });
  return list;
}

/** Marks an action done (`done: true`) or undoes it; the employee only their own actions. */
export function setActionDone(
  ctx: Ctx,
  employeeId: string,
  actionId: string,
  input: { version: number; done: boolean },
  via: Via,
): Promise<ActionList> {
  const { db, actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const employee = await findCaseEmployee(trx, actor, employeeId, via);
    const action = await findActionForUpdate(trx, actor.organisationId, employee.id, actionId);
    if (!action || (via === 'self' && action.ownerKind !== 'employee')) throw actionNotFound();
    if (action.version !== input.version) throw staleVersion();
    if (input.done === (action.doneAt !== null)) {
      throw conflict(
        input.done
          ? { nb: 'Tiltaket er allerede markert som gjort.', en: 'The action is already marked done.' }
          : { nb: 'Tiltaket er ikke markert som gjort.', en: 'The action is not marked done.' },
        'WRONG_STATE',
      );
    }
    await trx
      .updateTable('case_action')
      .set({
        done_by: input.done ? actor.userId : null,
        done_at: input.done ? new Date() : null,
        version: input.version + 1,
      })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', action.id)
      .where('version', '=', input.version)
      .execute();
    await writeAudit(trx, actor, {
      action: input.done ? 'create' : 'delete',
      entityType: 'sick_case',
      entityId: employee.id,
      detail: { record: 'action_done', action: action.id },
    });
    return buildList(trx, ctx, employee.id, via);
  });
}
