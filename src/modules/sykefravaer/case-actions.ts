/**
 * Agreed actions (avtalte tiltak) as tasks — the store (ADR 0004). The oppfølgingsplan, a dialogmøte's
 * minutes and a samtalereferat keep their actions in their own JSON (what the document says); each save
 * also writes them here, in the same transaction, as rows with done-state (who, when) and a version.
 *
 * A re-save replaces the document's actions: an action whose text (trimmed, spaces collapsed, case
 * ignored) is still in the document keeps its row, id and done-state — owner and deadline follow the
 * document; the others are deleted and new ones added. Rewording an action makes it a new one.
 *
 * This file has no dependency on the sick-leave module: that module reads open actions through
 * `loadOpenActions` for "Mine oppgaver" and the reminders (`listDeadlines`).
 */
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { CaseEraser } from '../../platform/module.ts';
import type { ActionOwnerKind, ActionSource } from './case-actions.tables.ts';

export type ActionInput = {
  what: string;
  ownerKind: ActionOwnerKind;
  owner: string | null;
  deadline: IsoDate | null;
};

export type DocumentRef = {
  organisationId: string;
  employeeId: string;
  caseStart: IsoDate;
  source: ActionSource;
  sourceId: string;
};

const matchKey = (what: string) => what.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');

/**
 * Whose action a free-text owner (dialogmøte, samtalereferat) names: the employee's when it is their
 * name or «den ansatte» / «arbeidstaker» / «employee»; the leader's when it says «leder» / «leader»;
 * else someone else's (BHT, HR, NAV …). The oppfølgingsplan says it itself (`ownerKind`).
 */
export function inferOwnerKind(owner: string, employeeName: string): ActionOwnerKind {
  const o = owner.trim().toLocaleLowerCase('nb');
  if (o === employeeName.trim().toLocaleLowerCase('nb')) return 'employee';
  if (/^(den )?ansatte?$|arbeidstaker|^(the )?employee$/.test(o)) return 'employee';
  if (/leder|leader/.test(o)) return 'leader';
  return 'other';
}

/** Writes the document's actions (blank ones are not actions); call inside the document's transaction. */
export async function replaceDocumentActions(
  trx: Transaction<Database>,
  doc: DocumentRef,
  actions: readonly ActionInput[],
): Promise<void> {
  const existing = await trx
    .selectFrom('case_action')
    .select(['id', 'what', 'owner_kind', 'owner', 'deadline', 'position', 'case_start'])
    .where('organisation_id', '=', doc.organisationId)
    .where('source', '=', doc.source)
    .where('source_id', '=', doc.sourceId)
    .orderBy('position')
    .forUpdate()
    .execute();
  const unused = [...existing];
  let position = 0;
  for (const action of actions) {
    const what = action.what.trim();
    if (what === '') continue;
    const owner = action.owner?.trim() || null;
    const index = unused.findIndex((r) => matchKey(r.what) === matchKey(what));
    if (index >= 0) {
      const row = unused.splice(index, 1)[0]!;
      const changed =
        row.what !== what ||
        row.owner_kind !== action.ownerKind ||
        row.owner !== owner ||
        row.deadline !== action.deadline ||
        row.position !== position ||
        row.case_start !== doc.caseStart;
      if (changed) {
        await trx
          .updateTable('case_action')
          .set((eb) => ({
            what,
            owner_kind: action.ownerKind,
            owner,
            deadline: action.deadline,
            position,
            case_start: doc.caseStart,
            version: eb('version', '+', 1),
          }))
          .where('organisation_id', '=', doc.organisationId)
          .where('id', '=', row.id)
          .execute();
      }
    } else {
      await trx
        .insertInto('case_action')
        .values({
          organisation_id: doc.organisationId,
          employee_id: doc.employeeId,
          case_start: doc.caseStart,
          source: doc.source,
          source_id: doc.sourceId,
          position,
          what,
          owner_kind: action.ownerKind,
          owner,
          deadline: action.deadline,
        })
        .execute();
    }
    position++;
  }
  if (unused.length > 0) {
    await trx
      .deleteFrom('case_action')
      .where('organisation_id', '=', doc.organisationId)
      .where(
        'id',
        'in',
        unused.map((r) => r.id),
      )
      .execute();
  }
}

export interface StoredAction {
  id: string;
  employeeId: string;
  caseStart: IsoDate;
  source: ActionSource;
  sourceId: string;
  position: number;
  what: string;
  ownerKind: ActionOwnerKind;
  owner: string | null;
  deadline: IsoDate | null;
  version: number;
  doneBy: string | null;
  doneAt: Date | null;
}

function selectActions(db: Db, organisationId: string) {
  return db
    .selectFrom('case_action')
    .select([
      'id',
      'employee_id',
      'case_start',
      'source',
      'source_id',
      'position',
      'what',
      'owner_kind',
      'owner',
      'deadline',
      'version',
      'done_by',
      'done_at',
      'created_at',
    ])
    .where('organisation_id', '=', organisationId);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectActions>['execute']>>[number];

const toStored = (r: Row): StoredAction => ({
  id: r.id,
  employeeId: r.employee_id,
  caseStart: r.case_start,
  source: r.source,
  sourceId: r.source_id,
  position: r.position,
  what: r.what,
  ownerKind: r.owner_kind,
  owner: r.owner,
  deadline: r.deadline,
  version: r.version,
  doneBy: r.done_by,
  doneAt: r.done_at,
});

/** Every action of one employee's case, in document order (plan, then meetings and talks as written). */
export async function loadCaseActions(
  db: Db,
  organisationId: string,
  employeeId: string,
  caseStart: IsoDate,
): Promise<StoredAction[]> {
  const rows = await selectActions(db, organisationId)
    .where('employee_id', '=', employeeId)
    .where('case_start', '=', caseStart)
    .orderBy('created_at')
    .orderBy('source')
    .orderBy('source_id')
    .orderBy('position')
    .execute();
  return rows.map(toStored);
}

/**
 * Open (not done) actions of an organisation with a deadline in `[from, to]` — one query, for "Mine
 * oppgaver" and the reminders; the caller keeps those of each employee's current case.
 */
export async function loadOpenActions(
  db: Db,
  organisationId: string,
  range: { from: IsoDate; to: IsoDate; employeeIds?: readonly string[] | undefined },
): Promise<StoredAction[]> {
  if (range.employeeIds !== undefined && range.employeeIds.length === 0) return [];
  let q = selectActions(db, organisationId)
    .where('done_at', 'is', null)
    .where('deadline', '>=', range.from)
    .where('deadline', '<=', range.to);
  if (range.employeeIds !== undefined) q = q.where('employee_id', 'in', range.employeeIds);
  const rows = await q.orderBy('deadline').orderBy('id').execute();
  return rows.map(toStored);
}

/** One action, locked for a write; undefined when another organisation's or gone. */
export async function findActionForUpdate(
  trx: Transaction<Database>,
  organisationId: string,
  employeeId: string,
  id: string,
): Promise<StoredAction | undefined> {
  const row = await selectActions(trx, organisationId)
    .where('employee_id', '=', employeeId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/**
 * The retention hook (`CaseEraser`) for the agreed actions: they are this module's rows, so this module
 * deletes them with the case (all, or those of cases that started before the first kept one).
 */
export const caseActionEraser: CaseEraser = {
  module: 'sykefravaer',
  async erase(trx, { organisationId, employeeId, cases }) {
    let query = trx
      .deleteFrom('case_action')
      .where('organisation_id', '=', organisationId)
      .where('employee_id', '=', employeeId);
    if (cases.kind !== 'all') query = query.where('case_start', '<', cases.caseStart);
    const result = await query.executeTakeFirst();
    return { case_action: Number(result.numDeletedRows) };
  },
};
