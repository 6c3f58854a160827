/**
 * Avvik — report an avvik, a near miss (RUH) or an injury from a phone, and follow it to closure.
 * Migration `0028-avvik`.
 *
 * - Report (everyone with a login): category, what, where (unit), when (not in the future),
 *   immediate action, photos (JPEG/PNG, resized on the device), optionally anonymous towards the
 *   organisation; the device makes the id, so a replayed send is a no-op.
 * - Handling (aml § 3-1 (2) e; IK-f § 5 nr. 7): the unit's leader, HR and admin triage (1–5),
 *   record the cause, add tiltak with owner and due date (deadlines → "Mine oppgaver"), and close
 *   with a verification note; the reporter is told. The area's VO reads HMS avvik (aml § 6-2).
 * - § 5-1 register (no diagnosis), § 5-2 checklist and written confirmation (next working day,
 *   copy to the VO), NAV yrkesskade task (7 days, ftrl § 13-14).
 * - Personvernavvik (GDPR art. 33): the 72-hour clock from awareness, reminders at 24 and 48 hours
 *   (a job with run_at), risk, art. 33 (5) documentation and the decision.
 * - Retention (daily job): avvik anonymised 5 years after closure, § 5-1 entries 10 years after
 *   the event; a legal hold (admin/HR) stops it.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { avvikRoutes } from './avvik.routes.ts';
import { privacyReminderJob } from './jobs.ts';
import { up as avvik } from './migrations/0028-avvik.ts';
import { up as avvikBarriere } from './migrations/0029-avvik-barriere.ts';
import { up as avvikTrendIndex } from './migrations/0051-avvik-trend-index.ts';
import { avvikDeadlines } from './reminders.ts';
import { avvikRetentionJob, scheduleAvvikRetention } from './retention.ts';

export const avvikModule: ModuleManifest = {
  name: 'avvik',
  migrations: {
    '0028-avvik': { up: avvik },
    '0029-avvik-barriere': { up: avvikBarriere },
    '0051-avvik-trend-index': { up: avvikTrendIndex },
  },
  routes: (deps) => avvikRoutes(deps),
  jobs: (deps) => [privacyReminderJob(deps), avvikRetentionJob(deps)],
  daily: [scheduleAvvikRetention],
  deadlines: [avvikDeadlines],
};

export { type AvvikAmuSummary, avvikSummaryForAmu } from './amu-summary.ts';
export { PRIVACY_REMINDER_JOB } from './avvik.service.ts';
export { avvikFromVarsling, type HandoverCategory } from './from-varsling.ts';
export { runPrivacyReminder } from './jobs.ts';
export { AVVIK_SOURCE, avvikDeadlines } from './reminders.ts';
export { AVVIK_RETENTION_JOB, runAvvikRetention } from './retention.ts';
