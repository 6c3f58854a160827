/**
 * The oppfølgingsplan of an employee's current sick-leave case.
 *
 * Access is the case's: `findCaseEmployee` from the sykefravær module (admin/HR any employee, a
 * leader their own people, the employee only through `/me`); another organisation or another
 * leader's employee → 404. Every read writes an audit entry (`read`, `oppfolgingsplan`), the PDF
 * `export`, every change `create`/`update` (ids only, no content).
 *
 * Concurrency: the plan row has a `version`; every write sends the version it read and moves the row
 * to the next (`update … where version = $read`), else 409 with nothing written. Every content save
 * also stores a numbered `oppfolgingsplan_version` (1 = the empty draft made at creation). Saving a
 * plan that was sent for approval or approved puts it back to `utkast`: the employee approves a
 * version, and a changed plan needs a new approval.
 *
 * Hand-overs notify who must act next, in the write's transaction (`hand-over.ts`): sent for
 * approval → the employee; the employee's comment or approval → the leader (else HR); the leader's
 * or HR's comment → the employee. Sending to the sykmelder closes the plan's routine tasks with the
 * plan as evidence; a version the employee has not approved can be sent (the web asks first), and
 * the sending, its audit entry and the milestone note record that it was unapproved.
 */

import type { Kysely, Selectable, Transaction } from 'kysely';
import type { PlanDto } from '../../contracts/dokumenter/dokumenter.schemas.ts';
import type { Database, Db } from '../../db/schema.ts';
import { diffPlans, healthWordWarnings, type PlanContent } from '../../domain/dokumenter/oppfolgingsplan.ts';
import { continuesEditingSession } from '../../domain/dokumenter/plan-versions.ts';
import type { SystemNote } from '../../domain/sykefravaer/index.ts';
import type { Locale } from '../../i18n/locale.ts';
import { writeAudit } from '../../platform/audit.ts';
import { osloToday } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, conflict, notFound, staleVersion } from '../../platform/errors.ts';
import { fieldsError } from '../../platform/validation.ts';
import {
  type CaseEmployee,
  currentPlan,
  findCaseEmployee,
  loadFollowup,
  markMilestoneDone,
  replaceDocumentActions,
} from '../sykefravaer/index.ts';
import type { OppfolgingsplanTable, PlanRecipient } from './dokumenter.tables.ts';
import { notifyPlanApproved, notifyPlanComment, notifyPlanSubmitted, TASKS_FULFILLED } from './hand-over.ts';
import { renderPlanPdf } from './pdf.ts';

export type Ctx = { db: Kysely<Database>; actor: Actor; locale: Locale };
export type Via = 'employer' | 'self';
type PlanRow = Selectable<OppfolgingsplanTable>;

const ENTITY = 'oppfolgingsplan';
const planNotFound = () => notFound({ nb: 'Fant ikke oppfølgingsplanen.', en: 'Follow-up plan not found.' });

const parseJson = (v: unknown): PlanContent => (typeof v === 'string' ? JSON.parse(v) : v) as PlanContent;

/** Drops empty strings and empty lists, so "nothing written" is stored one way. */
function clean(content: PlanContent): PlanContent {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(content)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as PlanContent;
}

async function names(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('user_account').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

function refOf(map: Map<string, string>, locale: Locale) {
  return (id: string | null) => ({
    userId: id,
    name: (id && map.get(id)) || (locale === 'nb' ? 'Ukjent bruker' : 'Unknown user'),
  });
}

async function findPlanRow(db: Db, organisationId: string, employeeId: string, planId: string, lock = false) {
  let q = db
    .selectFrom('oppfolgingsplan')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', employeeId)
    .where('id', '=', planId);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw planNotFound();
  return row;
}

/** A plan's comments in the order they were written (the plan page and the PDF show the same). */
function planComments(db: Db, organisationId: string, planId: string) {
  return db
    .selectFrom('oppfolgingsplan_comment')
    .select(['id', 'section', 'text', 'written_by', 'written_at'])
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .orderBy('written_at')
    .orderBy('id')
    .execute();
}

async function toDto(db: Db, row: PlanRow, employeeName: string, locale: Locale): Promise<PlanDto> {
  const org = row.organisation_id;
  const comments = await planComments(db, org, row.id);
  const sendings = await db
    .selectFrom('oppfolgingsplan_sending')
    .select(['id', 'recipient', 'content_version', 'note', 'unapproved', 'sent_by', 'sent_at'])
    .where('organisation_id', '=', org)
    .where('plan_id', '=', row.id)
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
  const ref = refOf(
    await names(db, [
      row.created_by,
      row.updated_by,
      row.approved_by,
      ...comments.map((c) => c.written_by),
      ...sendings.map((s) => s.sent_by),
    ]),
    locale,
  );
  const content = parseJson(row.content);
  return {
    id: row.id,
    employeeId: row.employee_id,
    employeeName,
    caseStart: row.case_start,
    status: row.status,
    content,
    version: row.version,
    contentVersion: row.content_version,
    createdBy: ref(row.created_by),
    createdAt: row.created_at.toISOString(),
    updatedBy: ref(row.updated_by),
    updatedAt: row.updated_at.toISOString(),
    approved:
      row.approved_at && row.approved_version !== null
        ? {
            by: ref(row.approved_by),
            at: row.approved_at.toISOString(),
            contentVersion: row.approved_version,
          }
        : null,
    comments: comments.map((c) => ({
      id: c.id,
      section: c.section,
      text: c.text,
      by: ref(c.written_by),
      at: c.written_at.toISOString(),
    })),
    sendings: sendings.map((s) => ({
      id: s.id,
      recipient: s.recipient,
      contentVersion: s.content_version,
      note: s.note,
      unapproved: s.unapproved,
      by: ref(s.sent_by),
      at: s.sent_at.toISOString(),
    })),
    healthWordWarnings: healthWordWarnings(content),
  };
}

// ---------------------------------------------------------------- reading

/** The plan of the employee's current case (or null), audited as a read. */
export async function getCurrentPlan(ctx: Ctx, employeeId: string, via: Via) {
  const { db, actor } = ctx;
  const employee = await findCaseEmployee(db, actor, employeeId, via);
  const caseStart = (await currentPlan(db, actor.organisationId, employee)).followUp?.caseStart ?? null;
  const row =
    caseStart === null
      ? undefined
      : await db
          .selectFrom('oppfolgingsplan')
          .selectAll()
          .where('organisation_id', '=', actor.organisationId)
          .where('employee_id', '=', employee.id)
          .where('case_start', '=', caseStart)
          .executeTakeFirst();
  await writeAudit(db, actor, {
    action: 'read',
    entityType: ENTITY,
    entityId: row?.id ?? null,
    detail: { employee: employee.id },
  });
  return { caseStart, plan: row ? await toDto(db, row, employee.name, ctx.locale) : null };
}

export async function listVersions(ctx: Ctx, employeeId: string, planId: string, via: Via) {
  const { db, actor } = ctx;
  const employee = await findCaseEmployee(db, actor, employeeId, via);
  await findPlanRow(db, actor.organisationId, employee.id, planId);
  const rows = await db
    .selectFrom('oppfolgingsplan_version')
    .select(['number', 'saved_by', 'saved_at'])
    .where('organisation_id', '=', actor.organisationId)
    .where('plan_id', '=', planId)
    .orderBy('number', 'desc')
    .execute();
  await writeAudit(db, actor, {
    action: 'read',
    entityType: ENTITY,
    entityId: planId,
    detail: { record: 'versions', employee: employee.id },
  });
  const ref = refOf(
    await names(
      db,
      rows.map((r) => r.saved_by),
    ),
    ctx.locale,
  );
  return {
    items: rows.map((r) => ({
      number: r.number,
      savedBy: ref(r.saved_by),
      savedAt: r.saved_at.toISOString(),
    })),
  };
}

async function versionContent(
  db: Db,
  organisationId: string,
  planId: string,
  n: number,
): Promise<PlanContent> {
  const row = await db
    .selectFrom('oppfolgingsplan_version')
    .select('content')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('number', '=', n)
    .executeTakeFirst();
  if (!row) throw notFound({ nb: `Fant ikke versjon ${n}.`, en: `Version ${n} not found.` });
  return parseJson(row.content);
}

/** What changed from version `against` (default n − 1) to version n, field by field. */
export async function diffVersions(
  ctx: Ctx,
  employeeId: string,
  planId: string,
  n: number,
  against: number | undefined,
  via: Via,
) {
  const { db, actor } = ctx;
  const employee = await findCaseEmployee(db, actor, employeeId, via);
  await findPlanRow(db, actor.organisationId, employee.id, planId);
  const from = against ?? Math.max(1, n - 1);
  const after = await versionContent(db, actor.organisationId, planId, n);
  const before = from === n ? after : await versionContent(db, actor.organisationId, planId, from);
  await writeAudit(db, actor, {
    action: 'read',
    entityType: ENTITY,
    entityId: planId,
    detail: { record: 'version_diff', from, to: n, employee: employee.id },
  });
  return { from, to: n, changes: diffPlans(before, after, ctx.locale) };
}

/** The plan as a PDF (the stored current content), audited as an export. */
export async function planPdf(ctx: Ctx, employeeId: string, planId: string, via: Via) {
  const { db, actor } = ctx;
  const employee = await findCaseEmployee(db, actor, employeeId, via);
  const row = await findPlanRow(db, actor.organisationId, employee.id, planId);
  const organisation = await db
    .selectFrom('organisation')
    .select(['name', 'orgnr'])
    .where('id', '=', actor.organisationId)
    .executeTakeFirstOrThrow();
  const saved = await db
    .selectFrom('oppfolgingsplan_version')
    .select('saved_at')
    .where('organisation_id', '=', actor.organisationId)
    .where('plan_id', '=', planId)
    .where('number', '=', row.content_version)
    .executeTakeFirst();
  const approver = row.approved_by ? (await names(db, [row.approved_by])).get(row.approved_by) : undefined;
  const comments = await planComments(db, actor.organisationId, planId);
  const writers = await names(
    db,
    comments.map((c) => c.written_by),
  );
  const pdf = await renderPlanPdf({
    organisation,
    employeeName: employee.name,
    caseStart: row.case_start,
    status: row.status,
    contentVersion: row.content_version,
    versionDate: osloToday(saved?.saved_at ?? row.updated_at),
    approved:
      row.approved_at && row.status === 'godkjent'
        ? { by: approver ?? 'Arbeidstaker', at: osloToday(row.approved_at) }
        : null,
    content: parseJson(row.content),
    comments: comments.map((c) => ({
      section: c.section,
      by: writers.get(c.written_by) ?? 'Slettet bruker',
      at: osloToday(c.written_at),
      text: c.text,
    })),
  });
  await writeAudit(db, actor, {
    action: 'export',
    entityType: ENTITY,
    entityId: planId,
    detail: { format: 'pdf', contentVersion: row.content_version, employee: employee.id },
  });
  return { pdf, filename: `oppfolgingsplan-${slug(employee.name)}-v${row.content_version}.pdf` };
}

function slug(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return ascii || 'plan';
}

// ---------------------------------------------------------------- writing

/** Creates the draft for the employee's current case (version 1, empty content). 409 if it exists. */
export async function createPlan(ctx: Ctx, employeeId: string) {
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
      .insertInto('oppfolgingsplan')
      .values({
        organisation_id: actor.organisationId,
        employee_id: employee.id,
        case_start: caseStart,
        status: 'utkast',
        content: '{}',
        content_version: 1,
        version: 1,
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'employee_id', 'case_start']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      throw conflict(
        {
          nb: 'Det finnes allerede en oppfølgingsplan for dette sykefraværet. Last siden på nytt.',
          en: 'There is already a follow-up plan for this absence. Reload the page.',
        },
        'ALREADY_EXISTS',
      );
    }
    await trx
      .insertInto('oppfolgingsplan_version')
      .values({
        organisation_id: actor.organisationId,
        plan_id: row.id,
        number: 1,
        content: '{}',
        saved_by: actor.userId,
      })
      .execute();
    await writeAudit(trx, actor, { action: 'create', entityType: ENTITY, entityId: row.id });
    return toDto(trx, row, employee.name, ctx.locale);
  });
}

/**
 * The frame of every plan write: scope (404), the plan (404), the version claim (409), the change,
 * the audit entry and the updated plan — one transaction.
 */
async function writePlan(
  ctx: Ctx,
  employeeId: string,
  planId: string,
  version: number,
  via: Via,
  change: (
    trx: Transaction<Database>,
    row: PlanRow,
    employee: CaseEmployee,
  ) => Promise<{ set: Partial<Record<keyof OppfolgingsplanTable, unknown>>; record: string }>,
): Promise<PlanDto> {
  const { db, actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const employee = await findCaseEmployee(trx, actor, employeeId, via);
    const current = await findPlanRow(trx, actor.organisationId, employee.id, planId, true);
    if (current.version !== version) throw staleVersion();
    const { set, record } = await change(trx, current, employee);
    const updated = await trx
      .updateTable('oppfolgingsplan')
      .set({ ...(set as object), version: version + 1, updated_by: actor.userId, updated_at: new Date() })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', planId)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw staleVersion();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: ENTITY,
      entityId: planId,
      detail: { record },
    });
    return toDto(trx, updated, employee.name, ctx.locale);
  });
}

/** Saves the content as a new version; a plan awaiting approval or approved goes back to `utkast`. */
export function savePlan(
  ctx: Ctx,
  employeeId: string,
  planId: string,
  input: { content: PlanContent; version: number },
) {
  const content = clean(input.content);
  return writePlan(ctx, employeeId, planId, input.version, 'employer', async (trx, row) => {
    const org = ctx.actor.organisationId;
    const latest = await trx
      .selectFrom('oppfolgingsplan_version')
      .select('saved_by')
      .where('organisation_id', '=', org)
      .where('plan_id', '=', row.id)
      .where('number', '=', row.content_version)
      .executeTakeFirst();
    const sent = await trx
      .selectFrom('oppfolgingsplan_sending')
      .select('content_version')
      .where('organisation_id', '=', org)
      .where('plan_id', '=', row.id)
      .where('content_version', '=', row.content_version)
      .execute();
    // Autosave: one stored version per editing session (the rule and its conditions in plan-versions.ts).
    const sameSession =
      latest !== undefined &&
      continuesEditingSession(
        {
          status: row.status,
          contentVersion: row.content_version,
          versionSavedBy: latest.saved_by,
          lastWriteBy: row.updated_by,
          lastWriteAt: row.updated_at,
          approvedVersion: row.approved_version,
          sentVersions: sent.map((x) => x.content_version),
        },
        ctx.actor.userId,
        new Date(),
      );
    const number = sameSession ? row.content_version : row.content_version + 1;
    if (sameSession) {
      await trx
        .updateTable('oppfolgingsplan_version')
        .set({ content: JSON.stringify(content) })
        .where('organisation_id', '=', org)
        .where('plan_id', '=', row.id)
        .where('number', '=', number)
        .execute();
    } else {
      await trx
        .insertInto('oppfolgingsplan_version')
        .values({
          organisation_id: org,
          plan_id: row.id,
          number,
          content: JSON.stringify(content),
          saved_by: ctx.actor.userId,
        })
        .execute();
    }
    // The agreed actions become tasks (done-state of those that stay is kept).
    await replaceDocumentActions(
      trx,
      {
        organisationId: ctx.actor.organisationId,
        employeeId: row.employee_id,
        caseStart: row.case_start,
        source: 'oppfolgingsplan',
        sourceId: row.id,
      },
      (content.actions ?? []).map((a) => ({
        what: a.what,
        ownerKind: a.ownerKind,
        owner: a.owner ?? null,
        deadline: a.deadline ?? null,
      })),
    );
    return {
      set: { content: JSON.stringify(content), content_version: number, status: 'utkast' },
      record: `content_v${number}`,
    };
  });
}

const wrongStatus = (nb: string, en: string) => new AppError('WRONG_STATE', { nb, en });

const planRefOf = (row: PlanRow, employee: CaseEmployee) => ({
  organisationId: row.organisation_id,
  employeeId: row.employee_id,
  caseStart: row.case_start,
  planId: row.id,
  leaderId: employee.leaderId,
  contentVersion: row.content_version,
});

/** Sends the plan to the employee for approval, and tells them (once per content version). */
export function submitPlan(ctx: Ctx, employeeId: string, planId: string, version: number) {
  return writePlan(ctx, employeeId, planId, version, 'employer', async (trx, row, employee) => {
    if (row.status !== 'utkast') {
      throw wrongStatus('Planen er allerede sendt til godkjenning.', 'The plan has already been submitted.');
    }
    await notifyPlanSubmitted(trx, ctx.actor, planRefOf(row, employee));
    return { set: { status: 'til-godkjenning' }, record: 'submitted' };
  });
}

/** The employee approves the version they read (their own login only). */
export function approvePlan(ctx: Ctx, planId: string, version: number) {
  const own = ctx.actor.employeeId;
  if (own === null) throw planNotFound();
  return writePlan(ctx, own, planId, version, 'self', async (trx, row, employee) => {
    if (row.status !== 'til-godkjenning') {
      throw wrongStatus(
        'Planen er ikke sendt til godkjenning (eller er allerede godkjent).',
        'The plan has not been submitted for approval (or is already approved).',
      );
    }
    await notifyPlanApproved(trx, ctx.actor, planRefOf(row, employee));
    return {
      set: {
        status: 'godkjent',
        approved_by: ctx.actor.userId,
        approved_at: new Date(),
        approved_version: row.content_version,
      },
      record: 'approved',
    };
  });
}

/**
 * A comment on one section, by the leader/HR or the employee (who tells the other side). Comments do
 * not change the version.
 */
export async function addComment(
  ctx: Ctx,
  employeeId: string,
  planId: string,
  input: { section: string; text: string },
  via: Via,
) {
  const { db, actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const employee = await findCaseEmployee(trx, actor, employeeId, via);
    const row = await findPlanRow(trx, actor.organisationId, employee.id, planId);
    const comment = await trx
      .insertInto('oppfolgingsplan_comment')
      .values({
        organisation_id: actor.organisationId,
        plan_id: planId,
        section: input.section,
        text: input.text,
        written_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await notifyPlanComment(trx, actor, {
      ...planRefOf(row, employee),
      commentId: comment.id,
      byEmployee: via === 'self',
    });
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: ENTITY,
      entityId: planId,
      detail: { record: 'comment', id: comment.id, section: input.section },
    });
    return toDto(trx, row, employee.name, ctx.locale);
  });
}

/**
 * The notes on the milestone and the closed tasks when the plan went to the sykmelder: codes, shown
 * in the reader's language (the sender's own note stays beside the milestone's code, as typed).
 */
function sentNotes(contentVersion: number, unapproved: boolean): { milestone: SystemNote; task: SystemNote } {
  return {
    milestone: { code: 'plan-sent', unapproved },
    task: { code: 'plan-sent', version: contentVersion, unapproved },
  };
}

/**
 * Records that the current version was sent (to the sykmelder or NAV). Sending to the sykmelder also
 * marks the case's `oppfolgingsplan` milestone done, with the plan version as evidence, and closes
 * the routine tasks the sending fulfils (`TASKS_FULFILLED`) with the same evidence, through the
 * sykefravær module (first, so a refused milestone write records no sending).
 *
 * A version the employee has not approved may be sent — aml § 4-6 (3) asks the employer to make the
 * plan with the employee and send it, not for a signature — but it is recorded as such
 * (`unapproved` on the sending and in the audit entry, and in the milestone's note on the case page).
 */
export async function sendPlan(
  ctx: Ctx,
  employeeId: string,
  planId: string,
  input: { recipient: PlanRecipient; note?: string | null | undefined },
) {
  const { db, actor } = ctx;
  const employee = await findCaseEmployee(db, actor, employeeId, 'employer');
  const row = await findPlanRow(db, actor.organisationId, employee.id, planId);
  const note = input.note?.trim() ? input.note.trim() : null;
  // `godkjent` only while the approved version is the current one (a save puts the plan back to `utkast`).
  const unapproved = row.status !== 'godkjent';
  if (input.recipient === 'sykmelder') {
    const evidenceRef = `oppfolgingsplan:${planId}:v${row.content_version}`;
    const notes = sentNotes(row.content_version, unapproved);
    for (let attempt = 0; ; attempt++) {
      const version = (await loadFollowup(db, actor.organisationId, employee.id))?.version ?? 0;
      try {
        await markMilestoneDone(ctx, employee.id, 'oppfolgingsplan', {
          caseStart: row.case_start,
          note,
          systemNote: notes.milestone,
          version,
          evidenceRef,
          closesTasks: { taskIds: TASKS_FULFILLED.planSentToSykmelder, note: notes.task },
        });
        break;
      } catch (error) {
        // Someone else changed the case between our read and write: read the version again, once.
        if (attempt === 0 && error instanceof AppError && error.code === 'STALE_VERSION') continue;
        throw error;
      }
    }
  }
  return db.transaction().execute(async (trx) => {
    const sending = await trx
      .insertInto('oppfolgingsplan_sending')
      .values({
        organisation_id: actor.organisationId,
        plan_id: planId,
        recipient: input.recipient,
        content_version: row.content_version,
        note,
        unapproved,
        sent_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: ENTITY,
      entityId: planId,
      detail: {
        record: 'sending',
        id: sending.id,
        recipient: input.recipient,
        contentVersion: row.content_version,
        unapproved,
      },
    });
    const fresh = await findPlanRow(trx, actor.organisationId, employee.id, planId);
    return toDto(trx, fresh, employee.name, ctx.locale);
  });
}

/**
 * For the employee's front page: the plan of their current case that waits for their approval, if
 * any — its id only, no content. Not audit-logged: it says no more than the notice the employee
 * already got, about their own case (reading the plan itself is logged, `getCurrentPlan`).
 */
export async function myPlanToRead(ctx: Ctx): Promise<{ planId: string | null }> {
  const { db, actor } = ctx;
  if (actor.employeeId === null) return { planId: null };
  const employee = await findCaseEmployee(db, actor, actor.employeeId, 'self');
  const caseStart = (await currentPlan(db, actor.organisationId, employee)).followUp?.caseStart;
  if (caseStart === undefined) return { planId: null };
  const row = await db
    .selectFrom('oppfolgingsplan')
    .select('id')
    .where('organisation_id', '=', actor.organisationId)
    .where('employee_id', '=', employee.id)
    .where('case_start', '=', caseStart)
    .where('status', '=', 'til-godkjenning')
    .executeTakeFirst();
  return { planId: row?.id ?? null };
}
