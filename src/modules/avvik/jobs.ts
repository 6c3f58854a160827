/**
 * The hour-based part of the personvernavvik clock (GDPR art. 33 (1): 72 hours from becoming
 * aware): reminders at 24 and 48 hours to the controller's contact — HR, since no other contact is
 * named in the product — as jobs with `run_at` (the kernel's reminders go by date). Each reminder
 * is sent exactly once (the job key, and the notice key); none once the decision is made, and none
 * for a superseded awareness time.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { defineJob } from '../../platform/jobs.ts';
import type { JobDeps } from '../../platform/module.ts';
import { PRIVACY_REMINDER_JOB } from './avvik.service.ts';
import { notifyAvvikUsers } from './notify.ts';

export const PrivacyReminderPayload = z.object({
  organisationId: z.string().uuid(),
  avvikId: z.string().uuid(),
  awareAt: z.string(),
  hour: z.number().int(),
});

export async function runPrivacyReminder(
  db: Kysely<Database>,
  payload: z.output<typeof PrivacyReminderPayload>,
): Promise<string[]> {
  const { organisationId, avvikId, hour } = payload;
  const awareAt = new Date(payload.awareAt);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('avvik_privacy as p')
      .innerJoin('avvik as a', (j) =>
        j.onRef('a.organisation_id', '=', 'p.organisation_id').onRef('a.id', '=', 'p.avvik_id'),
      )
      .select(['p.aware_at', 'p.decision'])
      .where('p.organisation_id', '=', organisationId)
      .where('p.avvik_id', '=', avvikId)
      .executeTakeFirst();
    if (!row || row.decision !== null || row.aware_at.getTime() !== awareAt.getTime()) return [];
    const hr = await trx
      .selectFrom('role_assignment')
      .select('user_id')
      .distinct()
      .where('organisation_id', '=', organisationId)
      .where('role', '=', 'hr')
      .execute();
    return notifyAvvikUsers(trx, {
      organisationId,
      avvikId,
      userIds: hr.map((r) => r.user_id),
      event: `personvern-${hour}t`,
      occurrence: String(awareAt.getTime()),
      day: awareAt.toISOString().slice(0, 10),
      title: {
        nb: `Personvernavvik: ${72 - hour} timer igjen`,
        en: `Personal data breach: ${72 - hour} hours left`,
      },
      body: {
        nb: 'Et brudd på personopplysningssikkerheten må vurderes og eventuelt meldes Datatilsynet innen 72 timer.',
        en: 'A personal data breach must be assessed and, if required, reported to Datatilsynet within 72 hours.',
      },
    });
  });
}

export function privacyReminderJob(deps: JobDeps) {
  return defineJob({
    kind: PRIVACY_REMINDER_JOB,
    payload: PrivacyReminderPayload,
    async handle(payload) {
      await runPrivacyReminder(deps.db, payload);
    },
  });
}
