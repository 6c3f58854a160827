/**
 * Retention of training records (product default «duration of employment + 3 years»; no period is
 * set by law): once a day, every record — certificate included — of an employee whose employment
 * ended more than three years ago is deleted. Each deletion is logged in the audit log as one entry
 * per employee with the count and the rule, never the content; the entry has no user
 * (`actor_user_id` null, roles `system`). Running it twice deletes nothing more.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { IsoDateSchema } from '../../contracts/common.ts';
import type { Database, Db } from '../../db/schema.ts';
import { addMonths, type IsoDate } from '../../domain/calendar/index.ts';
import { enqueue } from '../../jobs/index.ts';
import { defineJob } from '../../platform/jobs.ts';
import type { JobDeps } from '../../platform/module.ts';

export const TRAINING_RETENTION_JOB = 'opplaering.retention';
/** Product default: records are kept for the employment and three years after it ends. */
export const TRAINING_RETENTION_YEARS = 3;
export const TRAINING_RETENTION_RULE = `retention: training records ${TRAINING_RETENTION_YEARS} years after employment ended`;

/** Deletes what is due; returns how many records went, per organisation and employee. */
export async function runTrainingRetention(
  db: Kysely<Database>,
  today: IsoDate,
  organisationId?: string,
): Promise<{ employees: number; records: number }> {
  // Employment ended on or before this day → its records are due (end + 3 years ≤ today).
  const endedBy = addMonths(today, -12 * TRAINING_RETENTION_YEARS);
  let candidates = db
    .selectFrom('employee as e')
    .select(['e.organisation_id', 'e.id'])
    .where('e.employment_end', 'is not', null)
    .where('e.employment_end', '<=', endedBy)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('training_record as t')
          .select('t.id')
          .whereRef('t.organisation_id', '=', 'e.organisation_id')
          .whereRef('t.employee_id', '=', 'e.id'),
      ),
    );
  if (organisationId !== undefined) candidates = candidates.where('e.organisation_id', '=', organisationId);
  const due = await candidates.execute();
  let records = 0;
  for (const employee of due) {
    records += await db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom('training_record')
        .where('organisation_id', '=', employee.organisation_id)
        .where('employee_id', '=', employee.id)
        .returning('id')
        .execute();
      if (deleted.length === 0) return 0;
      // The job acts for no user; `writeAudit` needs one, so the row is written here.
      await trx
        .insertInto('audit_log')
        .values({
          organisation_id: employee.organisation_id,
          actor_user_id: null,
          actor_roles: 'system',
          action: 'delete',
          entity_type: 'training_record',
          entity_id: employee.id,
          detail: JSON.stringify({
            record: 'training_record',
            count: deleted.length,
            rule: TRAINING_RETENTION_RULE,
          }),
        })
        .execute();
      return deleted.length;
    });
  }
  return { employees: due.length, records };
}

const PayloadSchema = z.object({ today: IsoDateSchema.optional(), organisationId: z.uuid().optional() });

export function trainingRetentionJob(deps: JobDeps) {
  return defineJob({
    kind: TRAINING_RETENTION_JOB,
    payload: PayloadSchema,
    async handle(input) {
      await runTrainingRetention(deps.db, input.today ?? deps.today(), input.organisationId);
    },
  });
}

/** Enqueues today's run (idempotent: one job per day, key `opplaering.retention:<date>`). */
export function scheduleTrainingRetention(db: Db, today: IsoDate) {
  return enqueue(db, {
    key: `${TRAINING_RETENTION_JOB}:${today}`,
    kind: TRAINING_RETENTION_JOB,
    payload: { today },
  });
}
