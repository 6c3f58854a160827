/**
 * Rutiner — the HMS handbook: the organisation's written routines with versions, an owner, a review
 * date with reminders, and employees' read confirmations (IK-f § 5 no. 2 and no. 7; aml § 3-1 (2) e;
 * aml § 2 A-6). Migration `0014-rutiner`.
 *
 * Surface besides the manifest: `routineEvidence` for the IK dashboard.
 */
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { up as rutiner } from './migrations/0014-rutiner.ts';
import { routineDeadlines } from './reminders.ts';
import { routineCounts } from './rutiner.repository.ts';
import { rutinerRoutes } from './rutiner.routes.ts';

export const rutinerModule: ModuleManifest = {
  name: 'rutiner',
  migrations: { '0014-rutiner': { up: rutiner } },
  routes: (deps) => rutinerRoutes(deps),
  deadlines: [routineDeadlines],
};

/**
 * The evidence for IK-f § 5 no. 7 (written routines, incl. one for avvik — aml § 3-1 (2) e):
 * `current` — the active routines, plus the sick-leave follow-up routine (aml § 3-1 (2) f), which
 * every organisation has: until HR saves its own, the built-in default (version 1) is in force;
 * `avvik` — an active routine of category avvik exists; `overdueReview` — active routines whose
 * review date has passed.
 */
export async function routineEvidence(
  db: Db,
  organisationId: string,
  today: IsoDate,
): Promise<{ current: number; avvik: boolean; overdueReview: number }> {
  const counts = await routineCounts(db, organisationId, today);
  return { current: counts.active + 1, avvik: counts.avvik > 0, overdueReview: counts.overdue };
}
