/**
 * HMS goals, the handlingsplan and the annual review — the module's manifest and public surface.
 * Goals per year with measures (owner, due date, done with a note; reminded like any deadline),
 * and the annual review of the internkontroll whose completion stores a dated PDF (IK-f § 5 no. 4,
 * 6 and 8; aml § 3-1 (2) a, c and h). Migration `0015-hms-mal`.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { hmsMalRoutes } from './hms-mal.routes.ts';
import { up as hmsMal } from './migrations/0015-hms-mal.ts';
import { measureDeadlines } from './reminders.ts';

export const hmsMalModule: ModuleManifest = {
  name: 'hms-mal',
  migrations: { '0015-hms-mal': { up: hmsMal } },
  routes: (deps) => hmsMalRoutes(deps),
  deadlines: [measureDeadlines],
};

export { type HandlingsplanSummary, handlingsplanSummary } from './amu-summary.ts';
export { addPlanMeasure } from './external.ts';
/** For the IK dashboard (points 4 and 8): goals this year and the last completed review. */
export { goalEvidence } from './review.service.ts';
