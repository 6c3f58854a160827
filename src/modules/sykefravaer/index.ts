/**
 * Sykefraværsoppfølging — the module's surface:
 * - `sykefravaerRoutes()` — the API (registered in `src/modules/index.ts`);
 * - `sykefravaerJobHandlers(db)` — job handlers (`sykefravaer.retention`) for `createWorker`, and
 *   `scheduleRetention(db, today)` to enqueue the daily run (one job per day);
 * - `listDeadlines(db, { organisationId?, from, to, today })` — every open deadline of current cases,
 *   computed with the rule engine from the stored periods, batched per organisation (for reminders,
 *   task lists and the iCal feed; see its comment in `batch.ts`);
 * - `todayInOslo()` — the calendar day in Norway;
 * - for the follow-up documents (`src/modules/dokumenter`): `findCaseEmployee` (the case's access
 *   scope), `loadFollowup` (the case version), `currentPlan` and `markMilestoneDone` (with an
 *   optional `evidenceRef`).
 */
export { type Deadline, listDeadlines } from './batch.ts';
export {
  decideRetention,
  RETENTION_JOB,
  runRetention,
  scheduleRetention,
  sykefravaerJobHandlers,
} from './retention.ts';
export { findCaseEmployee, loadFollowup } from './sykefravaer.repository.ts';
export { sykefravaerRoutes } from './sykefravaer.routes.ts';
export { currentPlan, markMilestoneDone } from './sykefravaer.service.ts';
export { todayInOslo } from './today.ts';
