/**
 * Kartlegging and risikovurdering — the module's manifest and public surface (aml § 3-1 (2) c,
 * IK-f § 5 no. 6, FOLM § 7-1). Assessments per unit and work task with participants, risks on the
 * fixed 5 × 5 matrix before and after tiltak, tiltak reminded through the kernel, the review that
 * keeps the old version, the heat map and the handlingsplan; vernerunder with photos whose findings
 * become risks and tiltak (aml § 6-2); the stoffkartotek and the exposure register for CMR
 * chemicals (FUA § 2-1, § 31-1). Migrations `0018-risiko`, `0019-risiko-sloyfe`,
 * `0035-risiko-vernerunde`, `0036-risiko-stoffkartotek`, `0049-risiko-gjenapne`,
 * `0054-risiko-gravide` (the assessment for pregnant and breastfeeding workers, FUA kap. 7).
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { matrixCache, planCache } from './matrix.service.ts';
import { up as risiko } from './migrations/0018-risiko.ts';
import { up as risikoSloyfe } from './migrations/0019-risiko-sloyfe.ts';
import { up as vernerunde } from './migrations/0035-risiko-vernerunde.ts';
import { up as stoffkartotek } from './migrations/0036-risiko-stoffkartotek.ts';
import { up as gjenapne } from './migrations/0049-risiko-gjenapne.ts';
import { up as gravide } from './migrations/0054-risiko-gravide.ts';
import { risikoDeadlines, vernerundeDeadlines } from './reminders.ts';
import { risikoRoutes } from './risiko.routes.ts';
import { stoffRoutes } from './stoff.routes.ts';
import { vernerundeRoutes } from './vernerunde.routes.ts';

export const risikoModule: ModuleManifest = {
  name: 'risiko',
  migrations: {
    '0018-risiko': { up: risiko },
    '0019-risiko-sloyfe': { up: risikoSloyfe },
    '0035-risiko-vernerunde': { up: vernerunde },
    '0036-risiko-stoffkartotek': { up: stoffkartotek },
    '0049-risiko-gjenapne': { up: gjenapne },
    '0054-risiko-gravide': { up: gravide },
  },
  routes: (deps) => [...risikoRoutes(deps), ...vernerundeRoutes(deps), ...stoffRoutes()],
  deadlines: [risikoDeadlines, vernerundeDeadlines],
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
