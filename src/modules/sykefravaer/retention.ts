/**
 * Retention of sick-leave data (sick-leave-rules.md §11.9):
 * - case data — periods (deleted ones too), their change history, milestone records, AGP
 *   overrides and the follow-up row — is deleted once the employee's last period ended more than
 *   N months ago (N = the organisation's `retention_months`, default 12): the case has ended and no
 *   newer period exists;
 * - egenmelding history older than 12 months is deleted too, unless it belongs to a case that is
 *   still kept (deleting it would move that case's start and deadlines);
 * - nothing is deleted for an employee on whom HR placed a documented hold.
 * Every deletion is logged: one audit entry per employee and kind of record, with the count and the
 * rule — never the content. The audit entries have no user (`actor_user_id` null, roles `system`).
 *
 * `decideRetention` is the pure rule; `runRetention` applies it, one transaction per employee with
 * the follow-up row locked and the decision re-made inside, so a period registered meanwhile wins.
 * Running it twice deletes nothing more (idempotent), as the job runner requires.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { addMonths, type IsoDate } from '../../domain/calendar/index.ts';
import { EGENMELDING_VINDU_MANEDER, type PeriodType } from '../../domain/sykefravaer/index.ts';
import { IsoDateSchema } from '../../http/common-schemas.ts';
import { enqueue, type JobHandler } from '../../jobs/index.ts';
import { eraseCaseDocuments } from '../dokumenter/erase.ts';
import { computePlan } from './case.ts';
import { loadSettings } from './settings.ts';
import { todayInOslo } from './today.ts';

export const RETENTION_JOB = 'sykefravaer.retention';

/** Egenmelding history is kept for the rolling 12 months the policy looks at (§11.7, §11.9). */
export const EGENMELDING_RETENTION_MONTHS = EGENMELDING_VINDU_MANEDER;

export interface RetentionPeriod {
  id: string;
  type: PeriodType;
  start: IsoDate;
  end: IsoDate;
  grade: number | null;
  avventende: boolean;
  deleted: boolean;
}

export interface RetentionDecision {
  /** Delete all the employee's case data. */
  deleteAll: boolean;
  /** Otherwise: these egenmelding periods (older than 12 months, not in a kept case). */
  egenmeldingPeriodIds: string[];
}

export function caseRule(months: number): string {
  return `retention: ${months} months after case end`;
}
export const EGENMELDING_RULE = `retention: egenmelding older than ${EGENMELDING_RETENTION_MONTHS} months`;

/** The pure rule of §11.9 for one employee. */
export function decideRetention(input: {
  today: IsoDate;
  retentionMonths: number;
  hold: boolean;
  periods: readonly RetentionPeriod[];
}): RetentionDecision {
  const none: RetentionDecision = { deleteAll: false, egenmeldingPeriodIds: [] };
  if (input.hold) return none;
  const caseCutoff = addMonths(input.today, -input.retentionMonths);
  let lastEnd: IsoDate | null = null;
  for (const p of input.periods) if (lastEnd === null || p.end > lastEnd) lastEnd = p.end;
  // No period, or the last one ended more than N months ago: the case ended, nothing newer came.
  if (lastEnd === null || lastEnd < caseCutoff) return { deleteAll: true, egenmeldingPeriodIds: [] };

  const egenCutoff = addMonths(input.today, -EGENMELDING_RETENTION_MONTHS);
  const old = input.periods.filter((p) => p.type === 'egenmelding' && p.end < egenCutoff);
  if (old.length === 0) return none;
  const cases = computePlan({
    periods: input.periods.filter((p) => !p.deleted),
    birthDate: null,
    agpOverrides: [],
    dialogmote2: null,
  }).cases;
  const ids: string[] = [];
  for (const p of old) {
    // A kept case: one that contains the egenmelding and ended N months ago or later.
    const kept = !p.deleted && cases.some((c) => c.start <= p.end && c.end >= p.start && c.end >= caseCutoff);
    if (!kept) ids.push(p.id);
  }
  return { deleteAll: false, egenmeldingPeriodIds: ids };
}

export interface RetentionSummary {
  employees: number;
  deleted: Record<string, number>;
}

async function writeSystemAudit(
  trx: Transaction<Database>,
  organisationId: string,
  employeeId: string,
  record: string,
  count: number,
  rule: string,
): Promise<void> {
  if (count === 0) return;
  // The job acts for no user; `writeAudit` needs one, so the row is written here.
  await trx
    .insertInto('audit_log')
    .values({
      organisation_id: organisationId,
      actor_user_id: null,
      actor_roles: 'system',
      action: 'delete',
      entity_type: 'sick_case',
      entity_id: employeeId,
      detail: JSON.stringify({ record, count, rule }),
    })
    .execute();
}

/** Applies §11.9 to one employee, inside its own transaction. Returns the counts deleted per kind. */
async function retainEmployee(
  db: Kysely<Database>,
  organisationId: string,
  employeeId: string,
  today: IsoDate,
  retentionMonths: number,
): Promise<Record<string, number>> {
  return db.transaction().execute(async (trx) => {
    const counts: Record<string, number> = {};
    const followup = await trx
      .selectFrom('sykefravaer_followup')
      .select(['retention_hold'])
      .where('organisation_id', '=', organisationId)
      .where('employee_id', '=', employeeId)
      .forUpdate()
      .executeTakeFirst();
    if (!followup || followup.retention_hold) return counts;
    const rows = await trx
      .selectFrom('absence_period')
      .select(['id', 'type', 'start_date', 'end_date', 'grade', 'avventende', 'deleted_at'])
      .where('organisation_id', '=', organisationId)
      .where('employee_id', '=', employeeId)
      .execute();
    const decision = decideRetention({
      today,
      retentionMonths,
      hold: false,
      periods: rows.map((r) => ({
        id: r.id,
        type: r.type,
        start: r.start_date,
        end: r.end_date,
        grade: r.grade,
        avventende: r.avventende,
        deleted: r.deleted_at !== null,
      })),
    });
    if (decision.deleteAll) {
      const rule = caseRule(retentionMonths);
      const history = await trx
        .deleteFrom('absence_period_history')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .executeTakeFirst();
      const periods = await trx
        .deleteFrom('absence_period')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .executeTakeFirst();
      const records = await trx
        .deleteFrom('milestone_record')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .executeTakeFirst();
      const overrides = await trx
        .deleteFrom('sykefravaer_agp_override')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .executeTakeFirst();
      const row = await trx
        .deleteFrom('sykefravaer_followup')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .executeTakeFirst();
      counts.absence_period = Number(periods.numDeletedRows);
      counts.absence_period_history = Number(history.numDeletedRows);
      counts.milestone_record = Number(records.numDeletedRows);
      counts.agp_override = Number(overrides.numDeletedRows);
      counts.sykefravaer_followup = Number(row.numDeletedRows);
      // The case's documents (plans, meetings, minutes, letters) are case data too (§11.9).
      for (const [kind, n] of Object.entries(await eraseCaseDocuments(trx, organisationId, employeeId))) {
        if (n > 0) counts[kind] = n;
      }
      for (const [record, count] of Object.entries(counts)) {
        await writeSystemAudit(trx, organisationId, employeeId, record, count, rule);
      }
    } else if (decision.egenmeldingPeriodIds.length > 0) {
      const ids = decision.egenmeldingPeriodIds;
      const history = await trx
        .deleteFrom('absence_period_history')
        .where('organisation_id', '=', organisationId)
        .where('period_id', 'in', ids)
        .executeTakeFirst();
      const periods = await trx
        .deleteFrom('absence_period')
        .where('organisation_id', '=', organisationId)
        .where('id', 'in', ids)
        .executeTakeFirst();
      counts.absence_period = Number(periods.numDeletedRows);
      counts.absence_period_history = Number(history.numDeletedRows);
      for (const [record, count] of Object.entries(counts)) {
        await writeSystemAudit(trx, organisationId, employeeId, record, count, EGENMELDING_RULE);
      }
    }
    return counts;
  });
}

/**
 * Runs §11.9 for one organisation or all. Candidates come from one aggregate query per organisation
 * (no hold, and the last period ended before the cut-off, or an old egenmelding exists); each is then
 * decided again and deleted in its own transaction.
 */
export async function runRetention(
  db: Kysely<Database>,
  options: { today: IsoDate; organisationId?: string | undefined },
): Promise<RetentionSummary> {
  const { today } = options;
  const organisations =
    options.organisationId !== undefined
      ? [options.organisationId]
      : (
          await db
            .selectFrom('sykefravaer_followup')
            .select('organisation_id')
            .distinct()
            .orderBy('organisation_id')
            .execute()
        ).map((r) => r.organisation_id);
  const summary: RetentionSummary = { employees: 0, deleted: {} };
  const egenCutoff = addMonths(today, -EGENMELDING_RETENTION_MONTHS);
  for (const organisationId of organisations) {
    const { retentionMonths } = await loadSettings(db, organisationId);
    const caseCutoff = addMonths(today, -retentionMonths);
    const candidates = await db
      .selectFrom('sykefravaer_followup as f')
      .leftJoin('absence_period as p', (j) =>
        j.onRef('p.organisation_id', '=', 'f.organisation_id').onRef('p.employee_id', '=', 'f.employee_id'),
      )
      .select('f.employee_id')
      .where('f.organisation_id', '=', organisationId)
      .where('f.retention_hold', '=', false)
      .groupBy('f.employee_id')
      .having(
        sql<boolean>`max(p.end_date) is null or max(p.end_date) < ${caseCutoff}::date
          or bool_or(p.type = 'egenmelding' and p.end_date < ${egenCutoff}::date)`,
      )
      .orderBy('f.employee_id')
      .execute();
    for (const { employee_id } of candidates) {
      const counts = await retainEmployee(db, organisationId, employee_id, today, retentionMonths);
      if (Object.values(counts).some((n) => n > 0)) summary.employees++;
      for (const [record, n] of Object.entries(counts))
        summary.deleted[record] = (summary.deleted[record] ?? 0) + n;
    }
  }
  return summary;
}

const RetentionPayloadSchema = z
  .object({ organisationId: z.uuid().optional(), today: IsoDateSchema.optional() })
  .strict();

/**
 * Job handlers of this module, for `createWorker({ handlers: { ...sykefravaerJobHandlers(db) } })`.
 * `sykefravaer.retention` payload: `{ today?: 'YYYY-MM-DD', organisationId?: uuid }` (default: the
 * date in Norway when it runs, every organisation).
 */
export function sykefravaerJobHandlers(db: Kysely<Database>): Record<string, JobHandler> {
  return {
    [RETENTION_JOB]: async (payload) => {
      const input = RetentionPayloadSchema.parse(payload ?? {});
      await runRetention(db, { today: input.today ?? todayInOslo(), organisationId: input.organisationId });
    },
  };
}

/** Enqueues today's retention run (idempotent: one job per day, key `sykefravaer.retention:<date>`). */
export function scheduleRetention(db: Kysely<Database>, today: IsoDate = todayInOslo()) {
  return enqueue(db, { key: `${RETENTION_JOB}:${today}`, kind: RETENTION_JOB, payload: { today } });
}
