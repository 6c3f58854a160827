/**
 * Arbeidsmiljøutvalget (AMU, aml kapittel 7, FOLM kapittel 3) — the module's manifest. Meetings with
 * their agenda data and minutes (decisions, actions), «krav om møte», and the årsrapport with its
 * PDF. Members come from the roller module; the agenda's numbers from statistikk, avvik, risiko,
 * opplaering and hms-mal through their index.ts. Migration `0032-amu`.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { amuRoutes } from './amu.routes.ts';
import { arsrapportJob, scheduleArsrapport } from './jobs.ts';
import { up as amu } from './migrations/0032-amu.ts';
import { amuDeadlines } from './reminders.ts';

export const amuModule: ModuleManifest = {
  name: 'amu',
  migrations: { '0032-amu': { up: amu } },
  routes: (deps) => amuRoutes(deps),
  jobs: (deps) => [arsrapportJob(deps)],
  daily: [scheduleArsrapport],
  deadlines: [amuDeadlines],
};

export { ARSRAPPORT_JOB, generateArsrapportDrafts } from './jobs.ts';
export { AMU_SOURCE, amuDeadlines } from './reminders.ts';
