/**
 * The retention job for sick-leave data: applies the pure rule `decideRetention`
 * (src/domain/sykefravaer/retention.ts, where the rule and its DECISION are written out) per employee,
 * one transaction each with the follow-up row locked and the decision re-made inside, so a period
 * registered meanwhile wins. Running it twice deletes nothing more (idempotent), as the job runner
 * requires. Every deletion is logged: one audit entry per employee and kind of record, with the count
 * and the rule — never the content.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { IsoDateSchema } from '../../contracts/common.ts';
import type { Database } from '../../db/schema.ts';
import { addMonths, type IsoDate } from '../../domain/calendar/index.ts';
import {
  caseRule,
  decideRetention,
  EGENMELDING_RETENTION_MONTHS,
  EGENMELDING_RULE,
} from '../../domain/sykefravaer/index.ts';
import { enqueue } from '../../jobs/index.ts';
import { osloToday } from '../../platform/clock.ts';
import { defineJob } from '../../platform/jobs.ts';
import type { CaseEraser, CaseSelection, JobDeps } from '../../platform/module.ts';
import { loadSettings } from './settings.ts';

export const RETENTION_JOB = 'sykefravaer.retention';

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

function addCounts(counts: Record<string, number>, more: Record<string, number>): void {
  for (const [kind, n] of Object.entries(more)) if (n > 0) counts[kind] = (counts[kind] ?? 0) + n;
}

/** Applies §11.9 to one employee, inside its own transaction. Returns the counts deleted per kind. */
async function retainEmployee(
  db: Kysely<Database>,
  organisationId: string,
  employeeId: string,
  today: IsoDate,
  retentionMonths: number,
  erasers: readonly CaseEraser[],
): Promise<Record<string, number>> {
  /** The other modules' data about these cases (documents, actions, reminders) goes in the same transaction. */
  const eraseOthers = async (
    trx: Transaction<Database>,
    cases: CaseSelection,
    remindersBefore: IsoDate,
  ): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const eraser of erasers) {
      addCounts(counts, await eraser.erase(trx, { organisationId, employeeId, cases, remindersBefore }));
    }
    return counts;
  };
  return db.transaction().execute(async (trx) => {
    const counts: Record<string, number> = {};
    const followup = await trx
      .selectFrom('sykefravaer_followup')
      .select(['retention_hold', 'dialogmote2_case_start'])
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
    const overrides = await trx
      .selectFrom('sykefravaer_agp_override')
      .select(['case_start', 'end_date'])
      .where('organisation_id', '=', organisationId)
      .where('employee_id', '=', employeeId)
      .orderBy('case_start')
      .execute();
    const employee = await trx
      .selectFrom('employee')
      .select('birth_date')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', employeeId)
      .executeTakeFirst();
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
      agpOverrides: overrides.map((o) => ({ caseStart: o.case_start, end: o.end_date })),
      birthDate: employee?.birth_date ?? null,
    });
    const caseCutoff = addMonths(today, -retentionMonths);
    const rule = caseRule(retentionMonths);
    if (decision.deleteAll) {
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
      const overridesDeleted = await trx
        .deleteFrom('sykefravaer_agp_override')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .executeTakeFirst();
      const tasks = await trx
        .deleteFrom('task_record')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .executeTakeFirst();
      const pins = await trx
        .deleteFrom('rutine_case')
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
      counts.agp_override = Number(overridesDeleted.numDeletedRows);
      counts.task_record = Number(tasks.numDeletedRows);
      counts.rutine_case = Number(pins.numDeletedRows);
      counts.sykefravaer_followup = Number(row.numDeletedRows);
      // The case's documents (plans, meetings, minutes, letters) and reminders are case data too (§11.9).
      addCounts(counts, await eraseOthers(trx, { kind: 'all' }, caseCutoff));
      for (const [record, count] of Object.entries(counts)) {
        await writeSystemAudit(trx, organisationId, employeeId, record, count, rule);
      }
      return counts;
    }

    const before = decision.caseDataBefore;
    if (before !== null) {
      // The ended cases (§11.9 per case); a newer case stays complete.
      const caseCounts: Record<string, number> = {};
      const historyIds = [...decision.casePeriodIds, ...decision.retainedPeriodIds];
      if (historyIds.length > 0) {
        const history = await trx
          .deleteFrom('absence_period_history')
          .where('organisation_id', '=', organisationId)
          .where('period_id', 'in', historyIds)
          .executeTakeFirst();
        caseCounts.absence_period_history = Number(history.numDeletedRows);
      }
      if (decision.casePeriodIds.length > 0) {
        const periods = await trx
          .deleteFrom('absence_period')
          .where('organisation_id', '=', organisationId)
          .where('id', 'in', decision.casePeriodIds)
          .executeTakeFirst();
        caseCounts.absence_period = Number(periods.numDeletedRows);
      }
      const records = await trx
        .deleteFrom('milestone_record')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .where('case_start', '<', before)
        .executeTakeFirst();
      caseCounts.milestone_record = Number(records.numDeletedRows);
      if (decision.overrideCaseStarts.length > 0) {
        const overridesDeleted = await trx
          .deleteFrom('sykefravaer_agp_override')
          .where('organisation_id', '=', organisationId)
          .where('employee_id', '=', employeeId)
          .where('case_start', 'in', decision.overrideCaseStarts)
          .executeTakeFirst();
        caseCounts.agp_override = Number(overridesDeleted.numDeletedRows);
      }
      const tasks = await trx
        .deleteFrom('task_record')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .where('case_start', '<', before)
        .executeTakeFirst();
      caseCounts.task_record = Number(tasks.numDeletedRows);
      const pins = await trx
        .deleteFrom('rutine_case')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .where('case_start', '<', before)
        .executeTakeFirst();
      caseCounts.rutine_case = Number(pins.numDeletedRows);
      if (followup.dialogmote2_case_start !== null && followup.dialogmote2_case_start < before) {
        // NAV's dialogmøte 2 date of an ended case.
        await trx
          .updateTable('sykefravaer_followup')
          .set({ dialogmote2_case_start: null, dialogmote2_date: null })
          .where('organisation_id', '=', organisationId)
          .where('employee_id', '=', employeeId)
          .execute();
        caseCounts.dialogmote2_date = 1;
      }
      addCounts(
        caseCounts,
        await eraseOthers(
          trx,
          { kind: 'before', caseStart: before },
          caseCutoff < before ? caseCutoff : before,
        ),
      );
      for (const [record, count] of Object.entries(caseCounts)) {
        await writeSystemAudit(trx, organisationId, employeeId, record, count, rule);
      }
      addCounts(counts, caseCounts);
    }

    if (decision.egenmeldingPeriodIds.length > 0) {
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
      const egenCounts = {
        absence_period: Number(periods.numDeletedRows),
        absence_period_history: Number(history.numDeletedRows),
      };
      for (const [record, count] of Object.entries(egenCounts)) {
        await writeSystemAudit(trx, organisationId, employeeId, record, count, EGENMELDING_RULE);
      }
      addCounts(counts, egenCounts);
    }
    return counts;
  });
}

/**
 * Runs §11.9 for one organisation or all. Candidates come from one aggregate query per organisation
 * (no hold, and no period at all, or some period ended before the cut-off — an ended case may be
 * among them — or an old egenmelding exists); each is then decided and deleted in its own transaction.
 */
export async function runRetention(
  db: Kysely<Database>,
  options: {
    today: IsoDate;
    organisationId?: string | undefined;
    /** Every module's retention hooks (`registry.caseErasers`): the case's documents, actions, reminders. */
    erasers: readonly CaseEraser[];
  },
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
        sql<boolean>`max(p.end_date) is null or min(p.end_date) < ${caseCutoff}::date
          or bool_or(p.type = 'egenmelding' and p.end_date < ${egenCutoff}::date)`,
      )
      .orderBy('f.employee_id')
      .execute();
    for (const { employee_id } of candidates) {
      const counts = await retainEmployee(
        db,
        organisationId,
        employee_id,
        today,
        retentionMonths,
        options.erasers,
      );
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
 * The retention job (`sykefravaer.retention`), payload `{ today?: 'YYYY-MM-DD', organisationId?: uuid }`
 * (default: the date in Norway when it runs, every organisation).
 */
export function retentionJob(deps: JobDeps) {
  return defineJob({
    kind: RETENTION_JOB,
    payload: RetentionPayloadSchema,
    async handle(input) {
      await runRetention(deps.db, {
        today: input.today ?? deps.today(),
        organisationId: input.organisationId,
        erasers: deps.caseErasers,
      });
    },
  });
}

/** Enqueues today's retention run (idempotent: one job per day, key `sykefravaer.retention:<date>`). */
export function scheduleRetention(db: Kysely<Database>, today: IsoDate = osloToday()) {
  return enqueue(db, { key: `${RETENTION_JOB}:${today}`, kind: RETENTION_JOB, payload: { today } });
}
