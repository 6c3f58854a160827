/**
 * Roller og verv — the module's manifest and surface: the HMS roles as workflow roles with terms
 * (verneombud per verneområde and hovedverneombud, aml kap. 6, FOLM §§ 3-2, 3-4; the AMU on both
 * sides with its alternating chair and the BHT representative, aml § 7-1, FOLM §§ 3-7, 3-12, 3-15;
 * the top leader; the BHT provider and contact, aml § 3-3), the login roles that go with them, and
 * reminders 60 days before a term ends. Migration `0012-roller`.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { rollerSyncJob, scheduleRollerSync } from './jobs.ts';
import { up as roller } from './migrations/0012-roller.ts';
import { termDeadlines } from './reminders.ts';
import { rollerRoutes } from './roller.routes.ts';

export const rollerModule: ModuleManifest = {
  name: 'roller',
  migrations: { '0012-roller': { up: roller } },
  routes: (deps) => rollerRoutes(deps),
  jobs: (deps) => [rollerSyncJob(deps)],
  daily: [scheduleRollerSync],
  deadlines: [termDeadlines],
};

export { type AmuComposition, amuComposition } from './amu-members.ts';
/** What the IK dashboard and the training module read about the roles. */
export { type RoleEvidence, roleEvidence } from './evidence.ts';
export { syncAllLogins } from './logins.ts';
