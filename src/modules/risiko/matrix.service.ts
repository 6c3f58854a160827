/**
 * The matrix as a picture and the handlingsplan: counts per cell of the 5 × 5 matrix before and
 * after tiltak, for the organisation or one unit; the risks of a cell; the open Høy risks; every
 * tiltak with its owner, due date and status (aml § 3-1 (2) c). Counted in SQL so that a
 * municipality with thousands of risks gets its map at once. Scoped by the risk access rules:
 * admin, HR and AMU (aml § 7-2) see the organisation; leaders, VOs and employees what they read.
 */
import { sql } from 'kysely';
import type { Matrix, Plan, PlanItem, RiskRef } from '../../contracts/risiko/risiko.schemas.ts';
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import {
  band,
  canEditAssessment,
  canReadAssessment,
  canReadOrganisationMatrix,
  editsAll,
  matrixCells,
  type RiskSubject,
  type Score,
} from '../../domain/risiko/index.ts';
import { type CacheRegistry, defineCache } from '../../platform/caches.ts';
import type { Actor } from '../../platform/context.ts';
import { toTiltak } from './assessment.service.ts';
import { areasOfUnits, placeOf, subjectOf, unitNames } from './scope.ts';

const score = (p: number, c: number): Score => ({ p, c }) as Score;

/** What the heat map and the handlingsplan are computed from (each with the change-notify trigger). */
const TABLES = [
  'risk_assessment',
  'risk_item',
  'risk_tiltak',
  'unit',
  'employee',
  'membership',
  'role_assignment',
];

/**
 * The heat map and the handlingsplan are read far more often than risks change: cached per
 * organisation and viewer (admin/HR share one entry; everyone else has their own, since what they
 * see depends on their units), dropped by any committed change to the tables above. A change of a
 * verneområde's units reaches a VO's entry within the minute (`ttlMs`).
 */
export const matrixCache = defineCache<Matrix>({
  name: 'risiko.matrix',
  tables: TABLES,
  scope: 'organisation',
  max: 2_000,
  ttlMs: 60_000,
});
export const planCache = defineCache<Plan>({
  name: 'risiko.plan',
  tables: TABLES,
  scope: 'organisation',
  max: 2_000,
  ttlMs: 60_000,
});

const HIGH_LIMIT = 50;
const PLAN_LIMIT = 300;

async function viewerKey(db: Db, actor: Actor, unitId: string | undefined, today: IsoDate): Promise<string> {
  const subject = await subjectOf(db, actor);
  return `${editsAll(subject) ? 'all' : `u:${actor.userId}`}|${unitId ?? ''}|${today}`;
}

export async function cachedHeatMap(
  db: Db,
  actor: Actor,
  unitId: string | undefined,
  today: IsoDate,
  caches: CacheRegistry | null,
): Promise<Matrix> {
  if (!caches) return heatMap(db, actor, unitId);
  const key = await viewerKey(db, actor, unitId, today);
  return caches.get(matrixCache).get(actor.organisationId, key, () => heatMap(db, actor, unitId));
}

export async function cachedPlan(
  db: Db,
  actor: Actor,
  unitId: string | undefined,
  today: IsoDate,
  caches: CacheRegistry | null,
): Promise<Plan> {
  if (!caches) return handlingsplan(db, actor, unitId, today);
  const key = await viewerKey(db, actor, unitId, today);
  return caches.get(planCache).get(actor.organisationId, key, () => handlingsplan(db, actor, unitId, today));
}

type Scope = {
  subject: RiskSubject;
  /** null: the whole organisation. */
  unitIds: string[] | null;
  names: Map<string, string>;
  areas: Map<string, string[]>;
};

/** The units whose assessments the actor sees in the map (null: all), narrowed to `unitId`. */
async function scopeOf(db: Db, actor: Actor, unitId: string | undefined): Promise<Scope> {
  const org = actor.organisationId;
  const [subject, names, areas] = await Promise.all([
    subjectOf(db, actor),
    unitNames(db, org),
    areasOfUnits(db, org),
  ]);
  let unitIds: string[] | null = canReadOrganisationMatrix(subject)
    ? null
    : [...names.keys()].filter((id) => canReadAssessment(subject, placeOf(id, areas)));
  if (unitId !== undefined) unitIds = unitIds === null || unitIds.includes(unitId) ? [unitId] : [];
  return { subject, unitIds, names, areas };
}

function risksIn(db: Db, organisationId: string, unitIds: string[] | null) {
  let query = db
    .selectFrom('risk_item as r')
    .innerJoin('risk_assessment as a', (j) =>
      j.onRef('a.organisation_id', '=', 'r.organisation_id').onRef('a.id', '=', 'r.assessment_id'),
    )
    .where('r.organisation_id', '=', organisationId);
  if (unitIds !== null)
    query = query.where(
      'a.unit_id',
      'in',
      unitIds.length > 0 ? unitIds : ['00000000-0000-0000-0000-000000000000'],
    );
  return query;
}

const currentP = sql<number>`coalesce(r.residual_p, r.initial_p)`;
const currentC = sql<number>`coalesce(r.residual_c, r.initial_c)`;

export async function heatMap(db: Db, actor: Actor, unitId: string | undefined): Promise<Matrix> {
  const scope = await scopeOf(db, actor, unitId);
  const org = actor.organisationId;
  const [before, after, high] = await Promise.all([
    risksIn(db, org, scope.unitIds)
      .select(['r.initial_p as p', 'r.initial_c as c', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy(['r.initial_p', 'r.initial_c'])
      .execute(),
    risksIn(db, org, scope.unitIds)
      .select([currentP.as('p'), currentC.as('c'), (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy([currentP, currentC])
      .execute(),
    highRisks(db, actor, scope),
  ]);
  const highCount = await risksIn(db, org, scope.unitIds)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('r.status', '=', 'apen')
    .where(sql<boolean>`${currentP} * ${currentC} >= 12`)
    .executeTakeFirst();
  const key = (p: number, c: number) => `${p}-${c}`;
  const initial = new Map(before.map((r) => [key(Number(r.p), Number(r.c)), Number(r.n)]));
  const residual = new Map(after.map((r) => [key(Number(r.p), Number(r.c)), Number(r.n)]));
  const units = [...scope.names.entries()]
    .filter(
      ([id]) =>
        canReadOrganisationMatrix(scope.subject) ||
        canReadAssessment(scope.subject, placeOf(id, scope.areas)),
    )
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return {
    cells: matrixCells().map((cell) => ({
      p: cell.p,
      c: cell.c,
      band: band(cell),
      initial: initial.get(key(cell.p, cell.c)) ?? 0,
      residual: residual.get(key(cell.p, cell.c)) ?? 0,
    })),
    total: [...initial.values()].reduce((a, b) => a + b, 0),
    units,
    high,
    highTotal: Number(highCount?.n ?? 0),
  };
}

type RefRow = {
  id: string;
  assessment_id: string;
  title: string;
  area: RiskRef['area'];
  initial_p: number;
  initial_c: number;
  residual_p: number | null;
  residual_c: number | null;
  status: RiskRef['status'];
  assessment_title: string;
  unit_id: string;
};

function toRef(row: RefRow, scope: Scope): RiskRef {
  const current =
    row.residual_p !== null && row.residual_c !== null
      ? score(row.residual_p, row.residual_c)
      : score(row.initial_p, row.initial_c);
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    assessmentTitle: row.assessment_title,
    unitName: scope.names.get(row.unit_id) ?? '',
    title: row.title,
    area: row.area,
    initial: score(row.initial_p, row.initial_c),
    current,
    band: band(current),
    status: row.status,
    canOpen: canReadAssessment(scope.subject, placeOf(row.unit_id, scope.areas)),
  };
}

const refColumns = [
  'r.id',
  'r.assessment_id',
  'r.title',
  'r.area',
  'r.initial_p',
  'r.initial_c',
  'r.residual_p',
  'r.residual_c',
  'r.status',
  'a.title as assessment_title',
  'a.unit_id',
] as const;

/** Open risks whose current band is Høy (value 12 or more), worst first (the first 50). */
async function highRisks(db: Db, actor: Actor, scope: Scope): Promise<RiskRef[]> {
  const rows = await risksIn(db, actor.organisationId, scope.unitIds)
    .select([...refColumns])
    .where('r.status', '=', 'apen')
    .where(sql<boolean>`${currentP} * ${currentC} >= 12`)
    .orderBy(sql`${currentP} * ${currentC}`, 'desc')
    .orderBy('r.title')
    .orderBy('r.id')
    .limit(HIGH_LIMIT)
    .execute();
  return rows.map((r) => toRef(r, scope));
}

/** The risks of one cell, before (`initial`) or after tiltak (`residual`). AMU sees Høy risks only. */
export async function cellRisks(
  db: Db,
  actor: Actor,
  q: { unitId?: string | undefined; stage: 'initial' | 'residual'; p: number; c: number },
): Promise<RiskRef[]> {
  const scope = await scopeOf(db, actor, q.unitId);
  // AMU (aml § 7-2) sees the organisation's picture and its Høy risks, not every risk.
  const amuOnly = canReadOrganisationMatrix(scope.subject) && !editsAll(scope.subject);
  if (amuOnly && band(score(q.p, q.c)) !== 'hoy') return [];
  let query = risksIn(db, actor.organisationId, scope.unitIds).select([...refColumns]);
  query =
    q.stage === 'initial'
      ? query.where('r.initial_p', '=', q.p).where('r.initial_c', '=', q.c)
      : query.where(currentP, '=', q.p).where(currentC, '=', q.c);
  const rows = await query.orderBy('a.title').orderBy('r.title').limit(500).execute();
  return rows.map((r) => toRef(r, scope)).filter((r) => !amuOnly || r.band === 'hoy');
}

/**
 * The handlingsplan: the open tiltak of the assessments the actor reads, by due date (the first
 * 300), and how many are open in all. Done tiltak stay on their assessment's page.
 */
export async function handlingsplan(
  db: Db,
  actor: Actor,
  unitId: string | undefined,
  today: IsoDate,
): Promise<Plan> {
  const scope = await scopeOf(db, actor, unitId);
  // AMU reads the matrix, not the plan: its scope is the organisation only for the picture.
  const unitIds =
    scope.unitIds === null && !editsAll(scope.subject)
      ? [...scope.names.keys()].filter((id) => canReadAssessment(scope.subject, placeOf(id, scope.areas)))
      : scope.unitIds;
  const open = (() => {
    let q = db
      .selectFrom('risk_tiltak as t')
      .innerJoin('risk_item as r', (j) =>
        j.onRef('r.organisation_id', '=', 't.organisation_id').onRef('r.id', '=', 't.risk_id'),
      )
      .innerJoin('risk_assessment as a', (j) =>
        j.onRef('a.organisation_id', '=', 'r.organisation_id').onRef('a.id', '=', 'r.assessment_id'),
      )
      .where('t.organisation_id', '=', actor.organisationId)
      .where('t.status', '<>', 'utfort');
    if (unitIds !== null)
      q = q.where('a.unit_id', 'in', unitIds.length > 0 ? unitIds : ['00000000-0000-0000-0000-000000000000']);
    return q;
  })();
  const [rows, count] = await Promise.all([
    open
      .leftJoin('user_account as u', 'u.id', 't.owner_user_id')
      .selectAll('t')
      .select([
        'u.name as owner_name',
        'r.title as risk_title',
        'r.initial_p',
        'r.initial_c',
        'r.residual_p',
        'r.residual_c',
        'a.id as assessment_id',
        'a.title as assessment_title',
        'a.unit_id',
      ])
      .orderBy('t.due')
      .orderBy('t.id')
      .limit(PLAN_LIMIT)
      .execute(),
    open.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
  ]);
  const items = rows.map((row): PlanItem => {
    const canEdit = canEditAssessment(scope.subject, placeOf(row.unit_id, scope.areas));
    const current =
      row.residual_p !== null && row.residual_c !== null
        ? score(row.residual_p, row.residual_c)
        : score(row.initial_p, row.initial_c);
    return {
      ...toTiltak(row, actor, canEdit, today),
      riskTitle: row.risk_title,
      riskBand: band(current),
      assessmentId: row.assessment_id,
      assessmentTitle: row.assessment_title,
      unitName: scope.names.get(row.unit_id) ?? '',
    };
  });
  return { items, total: Number(count?.n ?? 0) };
}

/**
 * For the IK dashboard (IK-f § 5 no. 6): the day the organisation's risk assessment was last
 * assessed or reviewed (the latest of its assessments), or null when it has none.
 */
export async function riskEvidence(
  db: Db,
  organisationId: string,
  today: IsoDate,
): Promise<{ lastReviewed: IsoDate | null }> {
  const row = await db
    .selectFrom('risk_assessment')
    .select((eb) => eb.fn.max('assessed_on').as('last'))
    .where('organisation_id', '=', organisationId)
    .where('assessed_on', '<=', today)
    .executeTakeFirst();
  const last: unknown = row?.last;
  if (last === null || last === undefined) return { lastReviewed: null };
  if (last instanceof Date) return { lastReviewed: last.toISOString().slice(0, 10) };
  return { lastReviewed: String(last).slice(0, 10) };
}
