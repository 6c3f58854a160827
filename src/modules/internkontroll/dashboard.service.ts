/**
 * The IK-f § 5 dashboard: the evidence for each of the eight points gathered from the modules that
 * hold it (roles, training, routines, goals and the annual review, the årshjul), judged by the pure
 * `ikDashboard`. Point 6 (the risk assessment) comes from the risiko module's `riskEvidence`.
 */
import type { IkDashboard } from '../../contracts/internkontroll/internkontroll.schemas.ts';
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { derivePlikter, ikDashboard, regelverk } from '../../domain/internkontroll/index.ts';
import { type CacheRegistry, defineCache } from '../../platform/caches.ts';
import { goalEvidence } from '../hms-mal/index.ts';
import { trainingEvidence } from '../opplaering/index.ts';
import { riskEvidence } from '../risiko/index.ts';
import { roleEvidence } from '../roller/index.ts';
import { routineEvidence } from '../rutiner/index.ts';
import { DASHBOARD_TABLES } from './migrations/0016-internkontroll-notify.ts';
import { currentProfile, effectiveProfile, registerFacts } from './profile.service.ts';

/**
 * The dashboard of an organisation for a day, until any record it is computed from changes (the
 * change feed; the triggers of migrations 0010 and 0016). It is read often and changes seldom.
 */
export const dashboardCache = defineCache<IkDashboard>({
  name: 'internkontroll.dashboard',
  tables: ['employee', 'rutine_version', 'risk_assessment', ...DASHBOARD_TABLES],
  scope: 'organisation',
  max: 2_000,
  ttlMs: 10 * 60_000,
});

/** The cached dashboard (computed on a miss; without caches, always computed). */
export function cachedDashboard(
  db: Db,
  organisationId: string,
  today: IsoDate,
  caches: CacheRegistry | null,
) {
  return caches
    ? caches
        .get(dashboardCache)
        .get(organisationId, today, () => dashboard(db, organisationId, today, caches))
    : dashboard(db, organisationId, today, null);
}

/** The latest day an årshjul item of these owner roles (or keys) was marked done. */
async function lastDone(db: Db, organisationId: string, where: { roles?: string[]; key?: string }) {
  let query = db
    .selectFrom('arshjul_item')
    .select((eb) => eb.fn.max('done_at').as('last'))
    .where('organisation_id', '=', organisationId)
    .where('done_at', 'is not', null);
  if (where.roles) query = query.where('owner_role', 'in', where.roles);
  if (where.key) query = query.where('item_key', '=', where.key);
  const row = await query.executeTakeFirst();
  const last = row?.last;
  if (last === null || last === undefined) return null;
  return (last instanceof Date ? last : new Date(String(last))).toISOString().slice(0, 10);
}

const latest = (...dates: (IsoDate | null)[]): IsoDate | null =>
  dates.reduce<IsoDate | null>((max, d) => (d !== null && (max === null || d > max) ? d : max), null);

export async function dashboard(
  db: Db,
  organisationId: string,
  today: IsoDate,
  caches: CacheRegistry | null = null,
): Promise<IkDashboard> {
  const [stored, facts, roles, routines, goals, participationDone, reviewDone, risk] = await Promise.all([
    currentProfile(db, organisationId),
    registerFacts(db, organisationId, today, caches),
    roleEvidence(db, organisationId, today),
    routineEvidence(db, organisationId, today),
    goalEvidence(db, organisationId, today),
    lastDone(db, organisationId, { roles: ['verneombud', 'amu'] }),
    lastDone(db, organisationId, { key: 'arlig-gjennomgang' }),
    riskEvidence(db, organisationId, today),
  ]);
  const training = await trainingEvidence(db, organisationId, today, {
    topLeaderEmployeeId: roles.topLeader?.employeeId ?? null,
    voAmuEmployeeIds: roles.voAmuEmployeeIds,
  });
  const { profile } = effectiveProfile(stored.profile, facts, today);
  const duties = derivePlikter(profile);
  const laws = regelverk(profile, duties);
  const points = ikDashboard({
    today,
    profileSaved: stored.version > 0,
    duties,
    regelverk: laws.length,
    training,
    participation: { lastRecorded: latest(participationDone, goals.lastReviewWithParticipation) },
    goals: { thisYear: goals.goalsThisYear },
    roles: {
      verneomrader: roles.verneomrader,
      verneomraderWithVo: roles.verneomraderWithVo,
      hovedverneombud: roles.hovedverneombud,
      amuMembers: roles.amuMembers,
      bhtContact: roles.bhtContact,
      expiredTerms: roles.expiredTerms,
    },
    risk,
    routines,
    annualReview: { lastDone: latest(goals.lastReviewDone, reviewDone) },
  });
  return { today, profileSaved: stored.version > 0, points, regelverk: laws };
}
