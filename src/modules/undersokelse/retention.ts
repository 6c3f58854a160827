/**
 * The survey's daily upkeep. Retention of survey answers (product default — no statutory period; GDPR art. 5 (1) e): 24
 * months after a survey closed, its raw answers and the record of who answered are deleted; the
 * shown results (groups of ≥ 5, free text already at ≥ 5) are kept on the survey. Logged without a
 * user (roles `system`), with the rule and counts, not the content. Running it twice deletes nothing more.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Db } from '../../db/schema.ts';
import { addMonths, type IsoDate } from '../../domain/calendar/index.ts';
import { RAW_ANSWER_RETENTION_MONTHS } from '../../domain/undersokelse/index.ts';
import { enqueue } from '../../jobs/index.ts';
import { defineJob } from '../../platform/jobs.ts';
import type { JobDeps } from '../../platform/module.ts';
import { loadUnits, storedOrComputed } from './survey.service.ts';

export const UNDERSOKELSE_RETENTION_JOB = 'undersokelse.retention';

/**
 * A closed survey takes no more answers, so its results never change: the day after it closes they
 * are computed once and kept on the survey (`results`), and every later read is that row. Logged
 * without a user. Running it twice computes nothing more.
 */
export async function sealClosedSurveys(db: Kysely<Database>, today: IsoDate): Promise<number> {
  const closed = await db
    .selectFrom('survey')
    .selectAll()
    .where('published_at', 'is not', null)
    .where('results', 'is', null)
    .where('closes_on', '<', today)
    .execute();
  for (const survey of closed) {
    await db.transaction().execute(async (trx) => {
      const kept = await storedOrComputed(trx, survey, await loadUnits(trx, survey.organisation_id));
      await trx
        .updateTable('survey')
        .set({ results: JSON.stringify(kept) })
        .where('organisation_id', '=', survey.organisation_id)
        .where('id', '=', survey.id)
        .where('results', 'is', null)
        .execute();
      await trx
        .insertInto('audit_log')
        .values({
          organisation_id: survey.organisation_id,
          actor_user_id: null,
          actor_roles: 'system',
          action: 'update',
          entity_type: 'survey',
          entity_id: survey.id,
          detail: JSON.stringify({ resultsKept: true }),
        })
        .execute();
    });
  }
  return closed.length;
}

export async function runSurveyRetention(db: Kysely<Database>, today: IsoDate): Promise<number> {
  // Closed before this day 24 months ago → due (the answers go the day after close + 24 months).
  const closedBefore = addMonths(today, -RAW_ANSWER_RETENTION_MONTHS);
  const due = await db
    .selectFrom('survey')
    .selectAll()
    .where('published_at', 'is not', null)
    .where('answers_deleted_on', 'is', null)
    .where('closes_on', '<', closedBefore)
    .execute();
  for (const survey of due) {
    await db.transaction().execute(async (trx) => {
      const kept = await storedOrComputed(trx, survey, await loadUnits(trx, survey.organisation_id));
      const answers = await trx
        .deleteFrom('survey_answer')
        .where('organisation_id', '=', survey.organisation_id)
        .where('survey_id', '=', survey.id)
        .executeTakeFirst();
      const respondents = await trx
        .deleteFrom('survey_respondent')
        .where('organisation_id', '=', survey.organisation_id)
        .where('survey_id', '=', survey.id)
        .executeTakeFirst();
      await trx
        .updateTable('survey')
        .set({ results: JSON.stringify(kept), answers_deleted_on: today })
        .where('organisation_id', '=', survey.organisation_id)
        .where('id', '=', survey.id)
        .execute();
      await trx
        .insertInto('audit_log')
        .values({
          organisation_id: survey.organisation_id,
          actor_user_id: null,
          actor_roles: 'system',
          action: 'delete',
          entity_type: 'survey_answer',
          entity_id: survey.id,
          detail: JSON.stringify({
            rule: `retention: raw answers ${RAW_ANSWER_RETENTION_MONTHS} months after close`,
            answers: Number(answers.numDeletedRows),
            respondents: Number(respondents.numDeletedRows),
          }),
        })
        .execute();
    });
  }
  return due.length;
}

export function surveyRetentionJob(deps: JobDeps) {
  return defineJob({
    kind: UNDERSOKELSE_RETENTION_JOB,
    payload: z.object({ today: z.string().optional() }),
    async handle(input) {
      const today = input.today ?? deps.today();
      await sealClosedSurveys(deps.db, today);
      await runSurveyRetention(deps.db, today);
    },
  });
}

export function scheduleSurveyRetention(db: Db, today: IsoDate) {
  return enqueue(db, {
    key: `${UNDERSOKELSE_RETENTION_JOB}:${today}`,
    kind: UNDERSOKELSE_RETENTION_JOB,
    payload: { today },
  });
}
