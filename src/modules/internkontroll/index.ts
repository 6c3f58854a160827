/**
 * Internkontroll (systematic HMS work) — the module's manifest. The company profile and the duties
 * it implies (`naervaer plikter`, pure in `src/domain/internkontroll`), and the årshjul with its
 * reminders and daily upkeep. Migration `0011-internkontroll`.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { dashboardCache } from './dashboard.service.ts';
import { internkontrollRoutes } from './internkontroll.routes.ts';
import { arshjulSyncJob, scheduleArshjulSync } from './jobs.ts';
import { up as internkontroll } from './migrations/0011-internkontroll.ts';
import { up as internkontrollNotify } from './migrations/0016-internkontroll-notify.ts';
import { headcountCache } from './profile.service.ts';
import { arshjulDeadlines } from './reminders.ts';

export const internkontrollModule: ModuleManifest = {
  name: 'internkontroll',
  migrations: {
    '0011-internkontroll': { up: internkontroll },
    '0016-internkontroll-notify': { up: internkontrollNotify },
  },
  routes: (deps) => internkontrollRoutes(deps),
  jobs: (deps) => [arshjulSyncJob(deps)],
  daily: [scheduleArshjulSync],
  deadlines: [arshjulDeadlines],
  caches: [headcountCache, dashboardCache],
};

export { syncAllArshjul } from './jobs.ts';
export { EMPTY_PROFILE, saveProfile, seedCompanyProfile } from './profile.service.ts';
