/**
 * Kartlegging and risikovurdering — the module's manifest and public surface (aml § 3-1 (2) c,
 * IK-f § 5 no. 6, FOLM § 7-1). Assessments per unit and work task with participants, risks on the
 * fixed 5 × 5 matrix before and after tiltak, tiltak reminded through the kernel, the review that
 * keeps the old version, the heat map and the handlingsplan. Migration `0018-risiko`.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { matrixCache, planCache } from './matrix.service.ts';
import { up as risiko } from './migrations/0018-risiko.ts';
import { up as risikoSloyfe } from './migrations/0019-risiko-sloyfe.ts';
import { risikoDeadlines } from './reminders.ts';
import { risikoRoutes } from './risiko.routes.ts';

export const risikoModule: ModuleManifest = {
  name: 'risiko',
  migrations: { '0018-risiko': { up: risiko }, '0019-risiko-sloyfe': { up: risikoSloyfe } },
  routes: (deps) => risikoRoutes(deps),
  deadlines: [risikoDeadlines],
  caches: [matrixCache, planCache],
};

export { type RiskAmuSummary, riskSummaryForAmu } from './amu-summary.ts';
/**
 * For the avvik module: an avvik on a barrier marks it «svekket» and brings the review of its risk
 * assessment forward (call it in the avvik's own transaction).
 */
export { type BarrierChoice, listBarriers, markBarrierWeakened } from './bowtie.service.ts';
/** For the IK dashboard (point 6): the day the risk assessment was last assessed or reviewed. */
export { riskEvidence } from './matrix.service.ts';
