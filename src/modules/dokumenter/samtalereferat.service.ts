/**
 * Samtalereferat: short minutes of the other follow-up conversations of a case (first contact,
 * follow-up talks, frisksamtale) — date, a summary of at most 2000 characters and agreed actions —
 * with a PDF. Access as the case (`findCaseEmployee`; the employee reads their own via `/me`); every
 * read audited (entity `samtalereferat`); writes claim the row's `version` (409 when stale). A new
 * referat tells the employee, in the same transaction (`hand-over.ts`).
 */
import type { Selectable, Transaction } from 'kysely';
import type { SamtaleDto, SamtaleInput } from '../../contracts/dokumenter/samtalereferat.schemas.ts';
import type { Database, Db } from '../../db/schema.ts';
import { findHealthWords } from '../../domain/dokumenter/oppfolgingsplan.ts';
import { writeAudit } from '../../platform/audit.ts';
import { notFound, staleVersion } from '../../platform/errors.ts';
import { fieldsError } from '../../platform/validation.ts';
import type { ActionOwnerKind } from '../sykefravaer/index.ts';
import {
  currentPlan,
  findCaseEmployee,
  inferOwnerKind,
  replaceDocumentActions,
} from '../sykefravaer/index.ts';
import { renderReferatPdf } from './dialogmote.pdf.ts';
import type { SamtalereferatTable } from './dialogmote.tables.ts';
import { notifySamtalereferat } from './hand-over.ts';
import type { Ctx, Via } from './oppfolgingsplan.service.ts';

type Row = Selectable<SamtalereferatTable>;
type Action = {
  what: string;
  owner: string;
  ownerKind?: ActionOwnerKind | undefined;
  deadline?: string | null | undefined;
};

const ENTITY = 'samtalereferat';
const referatNotFound = () =>
  notFound({ nb: 'Fant ikke samtalereferatet.', en: 'Conversation minutes not found.' });

export const KIND_LABELS = {
  'forste-kontakt': { nb: 'Første kontakt', en: 'First contact' },
  oppfolging: { nb: 'Oppfølgingssamtale', en: 'Follow-up conversation' },
  frisksamtale: { nb: 'Frisksamtale', en: 'Return-to-health conversation' },
} as const;

const parseActions = (v: unknown): Action[] =>
  ((typeof v === 'string' ? JSON.parse(v) : v) as Action[] | null) ?? [];
const cleanActions = (actions: Action[]) =>
  actions.map((a) => ({
    what: a.what,
    owner: a.owner,
    ...(a.ownerKind ? { ownerKind: a.ownerKind } : {}),
    deadline: a.deadline ?? null,
  }));

/** The referat's agreed actions become tasks (done-state of those that stay is kept). */
function syncActions(
  trx: Transaction<Database>,
  row: Row,
  employeeName: string,
  actions: ReturnType<typeof cleanActions>,
) {
  return replaceDocumentActions(
    trx,
    {
      organisationId: row.organisation_id,
      employeeId: row.employee_id,
      caseStart: row.case_start,
      source: 'samtalereferat',
      sourceId: row.id,
    },
    actions.map((a) => ({
      what: a.what,
      ownerKind: a.ownerKind ?? inferOwnerKind(a.owner, employeeName),
      owner: a.owner,
      deadline: a.deadline,
    })),
  );
}

async function toDtos(db: Db, rows: Row[], locale: 'nb' | 'en'): Promise<SamtaleDto[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.created_by, r.updated_by]))];
  const users =
    ids.length === 0
      ? []
      : await db.selectFrom('user_account').select(['id', 'name']).where('id', 'in', ids).execute();
  const map = new Map(users.map((u) => [u.id, u.name]));
  const ref = (id: string) => ({
    userId: id,
    name: map.get(id) ?? (locale === 'nb' ? 'Ukjent bruker' : 'Unknown user'),
  });
  return rows.map((r) => {
    const actions = parseActions(r.actions);
    const words = findHealthWords(`${r.summary}\n${actions.map((a) => a.what).join('\n')}`);
    return {
      id: r.id,
      employeeId: r.employee_id,
      caseStart: r.case_start,
      kind: r.kind,
      heldOn: r.held_on,
      summary: r.summary,
      actions,
      healthWordWarnings: words.length > 0 ? [{ field: 'summary', words }] : [],
      version: r.version,
      createdBy: ref(r.created_by),
      createdAt: r.created_at.toISOString(),
      updatedBy: ref(r.updated_by),
      updatedAt: r.updated_at.toISOString(),
    };
  });
}

export async function listSamtaler(ctx: Ctx, employeeId: string, via: Via) {
  const { db, actor } = ctx;
  const employee = await findCaseEmployee(db, actor, employeeId, via);
  const caseStart = (await currentPlan(db, actor.organisationId, employee)).followUp?.caseStart ?? null;
  const rows = await db
    .selectFrom('samtalereferat')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('employee_id', '=', employee.id)
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  await writeAudit(db, actor, {
    action: 'read',
    entityType: ENTITY,
    entityId: null,
    detail: { employee: employee.id, count: rows.length },
  });
  return { caseStart, items: await toDtos(db, rows, ctx.locale) };
}

export async function createSamtale(ctx: Ctx, employeeId: string, input: SamtaleInput) {
  const { db, actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const employee = await findCaseEmployee(trx, actor, employeeId, 'employer');
    const caseStart = (await currentPlan(trx, actor.organisationId, employee)).followUp?.caseStart;
    if (caseStart === undefined) {
      throw fieldsError([
        {
          path: 'employeeId',
          message: {
            nb: 'Den ansatte har ikke noe sykefravær nå.',
            en: 'The employee has no current sick-leave case.',
          },
        },
      ]);
    }
    const row = await trx
      .insertInto('samtalereferat')
      .values({
        organisation_id: actor.organisationId,
        employee_id: employee.id,
        case_start: caseStart,
        kind: input.kind,
        held_on: input.heldOn,
        summary: input.summary,
        actions: JSON.stringify(cleanActions(input.actions)),
        version: 1,
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await syncActions(trx, row, employee.name, cleanActions(input.actions));
    await notifySamtalereferat(trx, actor, {
      organisationId: row.organisation_id,
      employeeId: row.employee_id,
      caseStart: row.case_start,
      id: row.id,
    });
    await writeAudit(trx, actor, { action: 'create', entityType: ENTITY, entityId: row.id });
    return (await toDtos(trx, [row], ctx.locale))[0] as SamtaleDto;
  });
}

export async function updateSamtale(
  ctx: Ctx,
  employeeId: string,
  id: string,
  input: SamtaleInput & { version: number },
) {
  const { db, actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const employee = await findCaseEmployee(trx, actor, employeeId, 'employer');
    const current = await trx
      .selectFrom('samtalereferat')
      .select('version')
      .where('organisation_id', '=', actor.organisationId)
      .where('employee_id', '=', employee.id)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw referatNotFound();
    if (current.version !== input.version) throw staleVersion();
    const row = await trx
      .updateTable('samtalereferat')
      .set({
        kind: input.kind,
        held_on: input.heldOn,
        summary: input.summary,
        actions: JSON.stringify(cleanActions(input.actions)),
        version: input.version + 1,
        updated_by: actor.userId,
        updated_at: new Date(),
      })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw staleVersion();
    await syncActions(trx, row, employee.name, cleanActions(input.actions));
    await writeAudit(trx, actor, { action: 'update', entityType: ENTITY, entityId: id });
    return (await toDtos(trx, [row], ctx.locale))[0] as SamtaleDto;
  });
}

export async function samtalePdf(ctx: Ctx, employeeId: string, id: string, via: Via) {
  const { db, actor } = ctx;
  const employee = await findCaseEmployee(db, actor, employeeId, via);
  const row = await db
    .selectFrom('samtalereferat')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('employee_id', '=', employee.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw referatNotFound();
  const organisation = await db
    .selectFrom('organisation')
    .select(['name', 'orgnr'])
    .where('id', '=', actor.organisationId)
    .executeTakeFirstOrThrow();
  const pdf = await renderReferatPdf({
    title: `Samtalereferat: ${KIND_LABELS[row.kind].nb.toLowerCase()}`,
    subtitle: 'Sykefraværsoppfølging — kort og saklig referat, uten helseopplysninger',
    organisation,
    employeeName: employee.name,
    date: row.held_on,
    summary: row.summary,
    actions: parseActions(row.actions),
  });
  await writeAudit(db, actor, {
    action: 'export',
    entityType: ENTITY,
    entityId: id,
    detail: { format: 'pdf', employee: employee.id },
  });
  return { pdf, filename: `samtalereferat-${row.kind}-${row.held_on}.pdf` };
}
