/**
 * Anonymous surveys (undersøkelser) — the module's manifest and public surface. HR or the
 * verneombud make a survey from Nærvær's own items per psychosocial dimension (ikke validert
 * instrument) and own questions, for the organisation or some units, open from–to; employees in
 * scope answer once; who answered is kept apart from what was answered (ADR 0012); one reminder to
 * those who have not answered; results only for groups of ≥ 5 after closing, with the previous round
 * beside them; a result becomes a tiltak in the handlingsplan in one step; raw answers are deleted
 * 24 months after closing. Migration `0030-undersokelse`.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { up as undersokelse } from './migrations/0030-undersokelse.ts';
import { surveyDeadlines } from './reminders.ts';
import { scheduleSurveyRetention, surveyRetentionJob } from './retention.ts';
import { undersokelseRoutes } from './undersokelse.routes.ts';

export const undersokelseModule: ModuleManifest = {
  name: 'undersokelse',
  migrations: { '0030-undersokelse': { up: undersokelse } },
  routes: (deps) => undersokelseRoutes(deps),
  jobs: (deps) => [surveyRetentionJob(deps)],
  daily: [scheduleSurveyRetention],
  deadlines: [surveyDeadlines],
};

export { surveyDeadlines } from './reminders.ts';
export { runSurveyRetention, sealClosedSurveys } from './retention.ts';
/** For the benchmark and the AMU's årsrapport: the shown results of a closed survey. */
export { loadUnits, type StoredResults, storedOrComputed } from './survey.service.ts';
