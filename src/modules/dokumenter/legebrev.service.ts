/**
 * The letter to the doctor about tilrettelegging. Access is the case's (`findCaseEmployee`): admin
 * and HR any employee, a leader their own people, the employee their own letters (read and PDF);
 * others 404. Only admin, HR and the leader write. A saved letter keeps its composed text, so the PDF
 * is the same later even if the catalogue changes. Reads and exports are audit-logged (ids only). A
 * saved letter tells the employee it is ready, in the same transaction (`hand-over.ts`).
 */
import type { Kysely, Transaction } from 'kysely';
import type {
  LegebrevDraftDto,
  LegebrevDto,
  LegebrevInput,
  LetterText,
} from '../../contracts/dokumenter/katalog.schemas.ts';
import type { Database } from '../../db/schema.ts';
import { findHealthWords } from '../../domain/dokumenter/oppfolgingsplan.ts';
import type { Locale } from '../../i18n/locale.ts';
import { writeAudit } from '../../platform/audit.ts';
import { osloToday } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { findCaseEmployee } from '../sykefravaer/index.ts';
import { notifyLetterReady } from './hand-over.ts';
import { listArbeid, listTiltak } from './katalog.service.ts';
import { renderLegebrevPdf } from './legebrev.pdf.ts';
import { composeLetter } from './legebrev.text.ts';

type Ctx = { db: Kysely<Database>; actor: Actor; locale: Locale };
type Stored = { input: LegebrevInput; letter: LetterText };

const ENTITY = 'legebrev';
const letterNotFound = () => notFound({ nb: 'Fant ikke brevet.', en: 'Letter not found.' });
const viaOf = (actor: Actor, employeeId: string) => (actor.employeeId === employeeId ? 'self' : 'employer');
const parse = (v: unknown): Stored => (typeof v === 'string' ? JSON.parse(v) : v) as Stored;

async function organisationOf(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('organisation')
    .select(['name', 'orgnr'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
}

async function userName(db: Kysely<Database> | Transaction<Database>, userId: string): Promise<string> {
  const row = await db.selectFrom('user_account').select('name').where('id', '=', userId).executeTakeFirst();
  return row?.name ?? 'Ukjent bruker';
}

/** The draft: catalogue items to choose from, the default contact (the leader) and the earlier letters. */
export async function getDraft(ctx: Ctx, employeeId: string): Promise<LegebrevDraftDto> {
  const { db, actor } = ctx;
  const org = actor.organisationId;
  const employee = await findCaseEmployee(db, actor, employeeId, viaOf(actor, employeeId));
  const leader = employee.leaderId
    ? await db
        .selectFrom('employee')
        .select(['name', 'email', 'phone'])
        .where('organisation_id', '=', org)
        .where('id', '=', employee.leaderId)
        .executeTakeFirst()
    : undefined;
  // The items to choose from, in the reader's language (chosen by id; the letter quotes bokmål).
  const tiltak = (await listTiltak(db, org, ctx.locale)).filter((t) => t.active);
  const arbeid = (await listArbeid(db, org, ctx.locale)).filter(
    (a) => a.active && (a.unitId === null || a.unitId === employee.unitId),
  );
  const rows = await db
    .selectFrom('legebrev as l')
    .leftJoin('user_account as u', 'u.id', 'l.created_by')
    .select(['l.id', 'l.created_by', 'l.created_at', 'u.name'])
    .where('l.organisation_id', '=', org)
    .where('l.employee_id', '=', employee.id)
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id')
    .execute();
  await writeAudit(db, actor, {
    action: 'read',
    entityType: ENTITY,
    entityId: null,
    detail: { employee: employee.id },
  });
  return {
    employeeId: employee.id,
    employeeName: employee.name,
    organisation: await organisationOf(db, org),
    contact: { name: leader?.name ?? '', phone: leader?.phone ?? '', email: leader?.email ?? '' },
    tiltak,
    arbeid,
    letters: rows.map((r) => ({
      id: r.id,
      employeeId: employee.id,
      createdBy: { userId: r.created_by, name: r.name ?? 'Ukjent bruker' },
      createdAt: r.created_at.toISOString(),
    })),
  };
}

/** The composed letter for these choices (items not in the active catalogue are left out). */
async function compose(ctx: Ctx, employeeName: string, input: LegebrevInput): Promise<LetterText> {
  const org = ctx.actor.organisationId;
  const tiltakIds = new Set(input.selectedTiltakIds);
  const arbeidIds = new Set(input.selectedArbeidIds);
  // The letter goes to a Norwegian doctor and is written in bokmål (legebrev.text.ts), whatever the
  // writer's language: the default items are quoted in bokmål too.
  const tiltak = (await listTiltak(ctx.db, org, 'nb')).filter((t) => t.active && tiltakIds.has(t.id));
  const arbeid = (await listArbeid(ctx.db, org, 'nb')).filter((a) => a.active && arbeidIds.has(a.id));
  return composeLetter({
    organisationName: (await organisationOf(ctx.db, org)).name,
    employeeName,
    tiltak,
    arbeid,
    usualTasks: input.usualTasks,
    extraText: input.extraText,
    contact: input.contact,
  });
}

export async function previewLetter(ctx: Ctx, employeeId: string, input: LegebrevInput) {
  const employee = await findCaseEmployee(ctx.db, ctx.actor, employeeId, 'employer');
  return {
    letter: await compose(ctx, employee.name, input),
    healthWords: findHealthWords(`${input.usualTasks}\n${input.extraText}`),
  };
}

export async function saveLetter(ctx: Ctx, employeeId: string, input: LegebrevInput): Promise<LegebrevDto> {
  const { db, actor } = ctx;
  const employee = await findCaseEmployee(db, actor, employeeId, 'employer');
  const letter = await compose(ctx, employee.name, input);
  const stored: Stored = { input, letter };
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('legebrev')
      .values({
        organisation_id: actor.organisationId,
        employee_id: employee.id,
        content: JSON.stringify(stored),
        created_by: actor.userId,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await notifyLetterReady(trx, actor, {
      organisationId: actor.organisationId,
      employeeId: employee.id,
      id: row.id,
      createdAt: row.created_at,
    });
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: ENTITY,
      entityId: row.id,
      detail: { employee: employee.id },
    });
    return {
      id: row.id,
      employeeId: employee.id,
      createdBy: { userId: actor.userId, name: await userName(trx, actor.userId) },
      createdAt: row.created_at.toISOString(),
      ...stored,
    };
  });
}

async function loadLetter(ctx: Ctx, employeeId: string, id: string) {
  const { db, actor } = ctx;
  const employee = await findCaseEmployee(db, actor, employeeId, viaOf(actor, employeeId));
  const row = await db
    .selectFrom('legebrev')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('employee_id', '=', employee.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw letterNotFound();
  return { employee, row, stored: parse(row.content) };
}

export async function getLetter(ctx: Ctx, employeeId: string, id: string): Promise<LegebrevDto> {
  const { employee, row, stored } = await loadLetter(ctx, employeeId, id);
  await writeAudit(ctx.db, ctx.actor, {
    action: 'read',
    entityType: ENTITY,
    entityId: id,
    detail: { employee: employee.id },
  });
  return {
    id: row.id,
    employeeId: row.employee_id,
    createdBy: { userId: row.created_by, name: await userName(ctx.db, row.created_by) },
    createdAt: row.created_at.toISOString(),
    ...stored,
  };
}

export async function letterPdf(ctx: Ctx, employeeId: string, id: string) {
  const { employee, row, stored } = await loadLetter(ctx, employeeId, id);
  const date = osloToday(row.created_at);
  const pdf = await renderLegebrevPdf({
    organisation: await organisationOf(ctx.db, ctx.actor.organisationId),
    employeeName: employee.name,
    date,
    letter: stored.letter,
  });
  await writeAudit(ctx.db, ctx.actor, {
    action: 'export',
    entityType: ENTITY,
    entityId: id,
    detail: { format: 'pdf', employee: employee.id },
  });
  return { pdf, filename: `brev-til-lege-${date}.pdf` };
}
