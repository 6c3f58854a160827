/**
 * Reads and writes of one employee's sick-leave case.
 *
 * Optimistic concurrency: every write sends the `version` of the follow-up row it read (0 when the
 * employee had no sick-leave data yet). The write first moves the row from that version to the next
 * (`update … where version = $read`, or the insert of the row for version 0); if another write came
 * first nothing matches and the request gets 409 (`staleVersion`), with nothing written. The row
 * lock taken by that update also serialises concurrent writers on PostgreSQL.
 *
 * Every read of a case writes an audit entry (`read`, `sick_case`, employee id); every change writes
 * one with the kind of record changed (no content). The write routes answer with the updated case.
 */

import type { Kysely, Transaction } from 'kysely';
import type { CaseView } from '../../contracts/sykefravaer/sykefravaer.schemas.ts';
import type { Database, Db } from '../../db/schema.ts';
import type { PlanOutput } from '../../domain/sykefravaer/index.ts';
import { computePlan } from '../../domain/sykefravaer/index.ts';
import type { Locale } from '../../i18n/locale.ts';
import { type AuditEntry, writeAudit } from '../../platform/audit.ts';
import type { CacheRegistry } from '../../platform/caches.ts';
import { osloToday } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, type FieldError, staleVersion } from '../../platform/errors.ts';
import { pinRoutine } from './rutine.repository.ts';
import { loadSettings } from './settings.ts';
import {
  type CaseEmployee,
  findCaseEmployee,
  loadCaseData,
  loadFollowup,
  loadOverrides,
  loadPeriods,
  userNames,
} from './sykefravaer.repository.ts';
import { buildCaseView, userIdsOf, userRefOf } from './view.ts';

/** What the services get from a request (`caches`: the app's read caches, when it keeps them). */
export type Ctx = { db: Kysely<Database>; actor: Actor; locale: Locale; caches?: CacheRegistry | null };
type Via = 'employer' | 'self';

/** A 400 naming the fields, in the same shape as zod's validation errors. */
export function fieldErrors(fields: FieldError[]): AppError {
  const first = fields[0]!;
  return new AppError(
    'VALIDATION_FAILED',
    {
      nb: `Ugyldig verdi i feltet «${first.path}»: ${first.message.nb}`,
      en: `Invalid value in field "${first.path}": ${first.message.en}`,
    },
    { fields },
  );
}

export const field = (path: string, nb: string, en: string): FieldError => ({ path, message: { nb, en } });

// ---------------------------------------------------------------- reading

async function assembleCase(db: Db, actor: Actor, employee: CaseEmployee, locale: Locale): Promise<CaseView> {
  const data = await loadCaseData(db, actor.organisationId, employee.id);
  const names = await userNames(db, userIdsOf(data));
  const settings = await loadSettings(db, actor.organisationId);
  return buildCaseView({ employee, data, names, settings, today: osloToday(), locale });
}

/** One employee's case, audited as a read. */
export async function readCase(ctx: Ctx, employeeId: string, via: Via): Promise<CaseView> {
  const { db, actor } = ctx;
  const employee = await findCaseEmployee(db, actor, employeeId, via);
  await writeAudit(db, actor, { action: 'read', entityType: 'sick_case', entityId: employee.id });
  return assembleCase(db, actor, employee, ctx.locale);
}

/** The plan of the stored data as it is now (inside a write, after the version was claimed). */
export async function currentPlan(
  trx: Db,
  organisationId: string,
  employee: CaseEmployee,
): Promise<PlanOutput> {
  const periods = await loadPeriods(trx, organisationId, employee.id);
  const overrides = await loadOverrides(trx, organisationId, employee.id);
  const followup = await loadFollowup(trx, organisationId, employee.id);
  return computePlan({
    periods,
    birthDate: employee.birthDate,
    agpOverrides: overrides.map((o) => ({ caseStart: o.case_start, end: o.end_date })),
    dialogmote2:
      followup?.dialogmote2_case_start && followup.dialogmote2_date
        ? { caseStart: followup.dialogmote2_case_start, date: followup.dialogmote2_date }
        : null,
  });
}

// ---------------------------------------------------------------- writing

/** Moves the follow-up row from the version the client read to the next, or throws 409. */
export async function claimVersion(
  trx: Transaction<Database>,
  organisationId: string,
  employeeId: string,
  version: number,
): Promise<void> {
  if (version === 0) {
    const inserted = await trx
      .insertInto('sykefravaer_followup')
      .values({ organisation_id: organisationId, employee_id: employeeId, version: 1 })
      .onConflict((oc) => oc.columns(['organisation_id', 'employee_id']).doNothing())
      .returning('version')
      .executeTakeFirst();
    if (!inserted) throw staleVersion();
    return;
  }
  const updated = await trx
    .updateTable('sykefravaer_followup')
    .set({ version: version + 1, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', employeeId)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw staleVersion();
}

/** What a write did, for the audit log: the action and the kind of record (ids only, no content). */
export type Change = { action: AuditEntry['action']; detail: NonNullable<AuditEntry['detail']> };

/**
 * The frame of every case write: scope check (404), version claim (409), the change, its audit
 * entry, and the updated case — in one transaction (a 400 from the change rolls the claim back).
 */
export async function writeCase<T = CaseView>(
  ctx: Ctx,
  employeeId: string,
  version: number,
  via: Via,
  change: (trx: Transaction<Database>, employee: CaseEmployee) => Promise<Change>,
  result?: (view: CaseView) => T,
): Promise<T> {
  const { db, actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const employee = await findCaseEmployee(trx, actor, employeeId, via);
    await claimVersion(trx, actor.organisationId, employee.id, version);
    const { action, detail } = await change(trx, employee);
    await writeAudit(trx, actor, { action, entityType: 'sick_case', entityId: employee.id, detail });
    const view = await assembleCase(trx, actor, employee, ctx.locale);
    // The case follows the routine version in force at its first write (rutine.repository.ts).
    if (view.currentCase) await pinRoutine(trx, actor.organisationId, employee.id, view.currentCase.start);
    return result ? result(view) : (view as T);
  });
}

/** §11.9: HR's documented hold on deletion. Not version-guarded: it touches no period or milestone. */
export async function setRetentionHold(
  ctx: Ctx,
  employeeId: string,
  input: { hold: boolean; reason?: string | null | undefined },
) {
  const { db, actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const employee = await findCaseEmployee(trx, actor, employeeId, 'employer');
    const values = {
      retention_hold: input.hold,
      retention_hold_reason: input.hold ? (input.reason ?? null) : null,
      retention_hold_by: actor.userId,
      retention_hold_at: new Date(),
    };
    await trx
      .insertInto('sykefravaer_followup')
      .values({ organisation_id: actor.organisationId, employee_id: employee.id, ...values })
      .onConflict((oc) => oc.columns(['organisation_id', 'employee_id']).doUpdateSet(values))
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'sick_case',
      entityId: employee.id,
      detail: { record: 'retention_hold', hold: input.hold },
    });
    const ref = userRefOf(await userNames(trx, [actor.userId]), ctx.locale);
    return {
      hold: values.retention_hold,
      reason: values.retention_hold_reason,
      by: ref(actor.userId),
      at: values.retention_hold_at.toISOString(),
    };
  });
}
