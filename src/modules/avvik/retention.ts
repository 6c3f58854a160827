/**
 * Retention of avvik (product defaults; no period in law — Datatilsynet: no longer than needed):
 * - an avvik is anonymised 5 years after closure: the reporter, the free texts that may name people,
 *   the photos, the checklist notes and the personvernavvik documentation (GDPR art. 33 (5): kept
 *   5 years after closure) go; category, unit, dates, severity and the tiltak's dates stay for trends;
 * - a § 5-1 register entry is anonymised 10 years after the event (aml § 5-1; latency of
 *   work-related illness) — its avvik keeps the reporter until then;
 * - a legal hold (`legal_hold`) stops both.
 * A daily job; each anonymisation is logged in the audit log with the rule, never the content.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { IsoDateSchema } from '../../contracts/common.ts';
import type { Database, Db } from '../../db/schema.ts';
import { addMonths, type IsoDate } from '../../domain/calendar/index.ts';
import { enqueue } from '../../jobs/index.ts';
import { defineJob } from '../../platform/jobs.ts';
import type { JobDeps } from '../../platform/module.ts';

export const AVVIK_RETENTION_JOB = 'avvik.retention';
export const AVVIK_YEARS = 5;
export const REGISTER_YEARS = 10;
const GONE = 'Anonymisert';

const startOf = (day: IsoDate) => new Date(`${day}T00:00:00Z`);

export async function runAvvikRetention(
  db: Kysely<Database>,
  today: IsoDate,
  organisationId?: string,
): Promise<{ avvik: number; register: number }> {
  const closedBefore = startOf(addMonths(today, -12 * AVVIK_YEARS));
  const eventBefore = startOf(addMonths(today, -12 * REGISTER_YEARS));
  return db.transaction().execute(async (trx) => {
    // § 5-1 entries first: 10 years after the event.
    let injuries = trx
      .updateTable('avvik_injury as i')
      .set({
        work_task: '',
        course_of_events: GONE,
        presumed_causes: '',
        injury_description: '',
        anonymised_at: new Date(),
      })
      .where('i.anonymised_at', 'is', null)
      .where('i.occurred_at', '<', eventBefore)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('avvik as a')
              .select('a.id')
              .whereRef('a.organisation_id', '=', 'i.organisation_id')
              .whereRef('a.id', '=', 'i.avvik_id')
              .where('a.legal_hold', '=', true),
          ),
        ),
      );
    if (organisationId !== undefined) injuries = injuries.where('i.organisation_id', '=', organisationId);
    const register = await injuries.returning(['i.organisation_id', 'i.avvik_id']).execute();

    // Avvik: 5 years after closure, and not while a register entry still needs its reporter.
    let due = trx
      .selectFrom('avvik as a')
      .select(['a.organisation_id', 'a.id'])
      .where('a.anonymised_at', 'is', null)
      .where('a.legal_hold', '=', false)
      .where('a.closed_at', '<', closedBefore)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('avvik_injury as i')
              .select('i.avvik_id')
              .whereRef('i.organisation_id', '=', 'a.organisation_id')
              .whereRef('i.avvik_id', '=', 'a.id')
              .where('i.anonymised_at', 'is', null),
          ),
        ),
      );
    if (organisationId !== undefined) due = due.where('a.organisation_id', '=', organisationId);
    const rows = await due.execute();
    for (const row of rows) await anonymise(trx, row.organisation_id, row.id);
    const audit = [
      ...register.map((r) => ({
        organisationId: r.organisation_id,
        id: r.avvik_id,
        entity: 'avvik_injury',
        years: REGISTER_YEARS,
        after: 'the event',
      })),
      ...rows.map((r) => ({
        organisationId: r.organisation_id,
        id: r.id,
        entity: 'avvik',
        years: AVVIK_YEARS,
        after: 'closure',
      })),
    ];
    for (const a of audit) {
      // The job acts for no user; `writeAudit` needs one, so the row is written here (as opplaering does).
      await trx
        .insertInto('audit_log')
        .values({
          organisation_id: a.organisationId,
          actor_user_id: null,
          actor_roles: 'system',
          action: 'update',
          entity_type: a.entity,
          entity_id: a.id,
          detail: JSON.stringify({
            change: 'anonymised',
            rule: `retention: ${a.years} years after ${a.after}`,
          }),
        })
        .execute();
    }
    return { avvik: rows.length, register: register.length };
  });
}

async function anonymise(trx: Db, organisationId: string, id: string) {
  await trx
    .updateTable('avvik')
    .set({
      reporter_user_id: null,
      anonymous: true,
      description: GONE,
      immediate_action: '',
      cause: '',
      verification_note: GONE,
      anonymised_at: new Date(),
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
  await trx
    .deleteFrom('avvik_photo')
    .where('organisation_id', '=', organisationId)
    .where('avvik_id', '=', id)
    .execute();
  await trx
    .updateTable('avvik_tiltak')
    .set({ text: GONE })
    .where('organisation_id', '=', organisationId)
    .where('avvik_id', '=', id)
    .execute();
  await trx
    .updateTable('avvik_alarm_step')
    .set({ note: '' })
    .where('organisation_id', '=', organisationId)
    .where('avvik_id', '=', id)
    .execute();
  await trx
    .updateTable('avvik_privacy')
    .set({ facts: '', effects: '', remedial: '', decision_reason: '' })
    .where('organisation_id', '=', organisationId)
    .where('avvik_id', '=', id)
    .execute();
}

const PayloadSchema = z.object({ today: IsoDateSchema.optional(), organisationId: z.uuid().optional() });

export function avvikRetentionJob(deps: JobDeps) {
  return defineJob({
    kind: AVVIK_RETENTION_JOB,
    payload: PayloadSchema,
    async handle(input) {
      await runAvvikRetention(deps.db, input.today ?? deps.today(), input.organisationId);
    },
  });
}

export function scheduleAvvikRetention(db: Db, today: IsoDate) {
  return enqueue(db, {
    key: `${AVVIK_RETENTION_JOB}:${today}`,
    kind: AVVIK_RETENTION_JOB,
    payload: { today },
  });
}
