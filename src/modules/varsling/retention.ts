/**
 * Retention of varsling cases (product default — no statutory period): a case file
 * is deleted 3 years after closure unless on legal hold; a minimal log (received, closed, outcome,
 * category — no names, no text) is kept in `varsling_case_log`. The deletion is audit-logged without
 * a user (roles `system`). Running it twice deletes nothing more.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Db } from '../../db/schema.ts';
import { addMonths, type IsoDate } from '../../domain/calendar/index.ts';
import { RETENTION_YEARS_AFTER_CLOSURE } from '../../domain/varsling/rules.ts';
import { enqueue } from '../../jobs/index.ts';
import { defineJob } from '../../platform/jobs.ts';
import type { JobDeps } from '../../platform/module.ts';

export const VARSLING_RETENTION_JOB = 'varsling.retention';

export async function runVarslingRetention(db: Kysely<Database>, today: IsoDate): Promise<number> {
  // Closed on or before this day → due (closure + 3 years ≤ today).
  const closedBy = addMonths(today, -12 * RETENTION_YEARS_AFTER_CLOSURE);
  const due = await db
    .selectFrom('varsling_case')
    .select(['organisation_id', 'id', 'received_on', 'closed_on', 'outcome', 'category'])
    .where('closed_on', 'is not', null)
    .where('closed_on', '<=', closedBy)
    .where('legal_hold', '=', false)
    .execute();
  for (const c of due) {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('varsling_case_log')
        .values({
          organisation_id: c.organisation_id,
          case_id: c.id,
          received_on: c.received_on,
          closed_on: c.closed_on,
          outcome: c.outcome,
          category: c.category,
          deleted_on: today,
        })
        .onConflict((oc) => oc.columns(['organisation_id', 'case_id']).doNothing())
        .execute();
      // Messages and exclusions go with the case (on delete cascade).
      await trx
        .deleteFrom('varsling_case')
        .where('organisation_id', '=', c.organisation_id)
        .where('id', '=', c.id)
        .execute();
      await trx
        .insertInto('audit_log')
        .values({
          organisation_id: c.organisation_id,
          actor_user_id: null,
          actor_roles: 'system',
          action: 'delete',
          entity_type: 'varsling_case',
          entity_id: c.id,
          detail: JSON.stringify({ rule: `retention: ${RETENTION_YEARS_AFTER_CLOSURE} years after closure` }),
        })
        .execute();
    });
  }
  return due.length;
}

export function varslingRetentionJob(deps: JobDeps) {
  return defineJob({
    kind: VARSLING_RETENTION_JOB,
    payload: z.object({ today: z.string().optional() }),
    async handle(input) {
      await runVarslingRetention(deps.db, input.today ?? deps.today());
    },
  });
}

export function scheduleVarslingRetention(db: Db, today: IsoDate) {
  return enqueue(db, {
    key: `${VARSLING_RETENTION_JOB}:${today}`,
    kind: VARSLING_RETENTION_JOB,
    payload: { today },
  });
}
