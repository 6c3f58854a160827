/**
 * Opplæring — training records with course certificates, expiry reminders and «who lacks what».
 * Migration `0013-opplaering` (table `training_record`).
 *
 * - Records: per person, course kind (the top leader's HMS training, aml § 3-5; VO/AMU training,
 *   FOLM §§ 3-18–3-21; first aid, fire safety, machines and equipment, chemicals, other — aml
 *   § 3-2 (1) a–b), date, hours, provider, optional expiry, and the course certificate kept as bytes
 *   (PDF/PNG/JPEG by content, ≤ 5 MiB, downloaded only as an attachment; every download audited).
 * - Who needs what (pure, src/domain/opplaering): the top leader 'hms-leder' (aml § 3-5), every
 *   verneombud, hovedverneombud and AMU member 'vo-amu-40t' (FOLM § 3-19) — who holds those roles
 *   comes from the roller module (`roleEvidence`). An expired record counts as missing.
 * - Reminders: 30 days before `expires_on` and on the day, to the employee's leader (HR when none).
 * - Retention (product default, no period in law): a daily job deletes an employee's records and
 *   certificates 3 years after their employment ended (`employment_end`), logged in the audit log
 *   with the count and the rule, never the content.
 */
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { trainingSummary } from '../../domain/opplaering/rules.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { up as opplaering } from './migrations/0013-opplaering.ts';
import { recordFacts } from './opplaering.repository.ts';
import { opplaeringRoutes } from './opplaering.routes.ts';
import { trainingDeadlines } from './reminders.ts';
import { scheduleTrainingRetention, trainingRetentionJob } from './retention.ts';

export const opplaeringModule: ModuleManifest = {
  name: 'opplaering',
  migrations: { '0013-opplaering': { up: opplaering } },
  routes: (deps) => opplaeringRoutes(deps),
  jobs: (deps) => [trainingRetentionJob(deps)],
  daily: [scheduleTrainingRetention],
  deadlines: [trainingDeadlines],
};

/**
 * The training evidence of the IK dashboard (IK-f § 5 no. 2): the completion date of the top
 * leader's valid HMS training (aml § 3-5; null when missing or expired), how many VO/AMU members
 * there are, and how many of them lack a valid VO/AMU training record (FOLM § 3-19; any such record
 * counts, also an agreed shorter course).
 */
export async function trainingEvidence(
  db: Db,
  organisationId: string,
  today: IsoDate,
  roles: { topLeaderEmployeeId: string | null; voAmuEmployeeIds: string[] },
): Promise<{ topLeaderHmsTraining: IsoDate | null; voAmuMembers: number; voAmuWithout40h: number }> {
  const ids = [
    ...new Set([
      ...(roles.topLeaderEmployeeId ? [roles.topLeaderEmployeeId] : []),
      ...roles.voAmuEmployeeIds,
    ]),
  ];
  const records = await recordFacts(db, organisationId, ids);
  return trainingSummary(records, roles, today);
}

export { trainingDeadlines } from './reminders.ts';
export { runTrainingRetention, TRAINING_RETENTION_JOB } from './retention.ts';
