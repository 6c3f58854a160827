/**
 * The statistics page's data: the stored employees, absence periods and units, given to the pure
 * `beregnStatistikk` (which masks), then limited to what the caller may see. Nothing here computes
 * a rate or decides masking: those rules have one implementation (src/domain/statistikk).
 */
import type { z } from 'zod';
import {
  DEFAULT_DAILY_COST,
  HISTORY_QUARTERS,
  type StatistikkViewSchema,
} from '../../contracts/statistikk/statistikk.schemas.ts';
import type { ReadCache } from '../../db/read-cache.ts';
import type { Db } from '../../db/schema.ts';
import { fromDayNumber, type IsoDate } from '../../domain/calendar/index.ts';
import {
  type GroupFigures,
  MIN_PERSONS,
  type Period,
  parseQuarter,
  previousQuarter,
  quarterEnd,
  quarterOf,
  quarterStart,
  quartersEndingWith,
  type StatistikkEmployee,
  type StatistikkInput,
  type StatistikkOutput,
  type StatistikkUnit,
  type UnitFigures,
} from '../../domain/statistikk/index.ts';
import { defineCache } from '../../platform/caches.ts';
import { type Actor, hasRole } from '../../platform/context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { servedStatistikk } from './bidrag.service.ts';
import { toPeriod } from './period-row.ts';

type View = z.input<typeof StatistikkViewSchema>;

/** How many quarters back the quarter picker goes (three years). */
const CHOOSABLE_QUARTERS = 12;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What `beregnStatistikk` gave for one organisation and quarter, with the unit tree it used. */
export interface ComputedStatistikk {
  units: StatistikkUnit[];
  output: StatistikkOutput;
}

/**
 * The computed statistics per organisation and quarter (ADR 0005, ADR 0011): the figures depend
 * only on the organisation's employees, units and absence periods, so a committed change to one of
 * those tables (the change feed's triggers, migration `0010-change-notify`) or a write of this
 * process in the organisation drops its entries. The same numbers as computing afresh, always.
 */
export const statistikkCache = defineCache<ComputedStatistikk>({
  name: 'statistikk.computed',
  tables: ['absence_period', 'employee', 'unit'],
  scope: 'organisation',
  max: 500,
  ttlMs: 30 * 60_000,
});

/** The statistics of `quarter` and its history, from the cache when it has them. */
export async function computeStatistikk(
  db: Db,
  organisationId: string,
  quarter: string,
  cache?: ReadCache<ComputedStatistikk> | undefined,
): Promise<ComputedStatistikk> {
  // ADR 0023: stored per-person contributions, recomputed for the changed persons, summed in SQL.
  const load = async () => {
    const history = quartersEndingWith(quarter, HISTORY_QUARTERS);
    const units = await loadUnits(db, organisationId);
    return { units, output: await servedStatistikk(db, organisationId, history, units) };
  };
  return cache ? cache.get(organisationId, quarter, load) : load();
}

/** The last completed quarter: the default (the AMU and the årsrapport use completed quarters). */
export function defaultQuarter(today: IsoDate): string {
  return previousQuarter(quarterOf(today));
}

/**
 * The statistics input for the quarters `first…last` of one organisation: its units (sorted by
 * name, the page's order), the employees employed at some time in that range with their
 * current unit and position, and all their registered periods (cases are built from all of them,
 * also those before the range).
 */
export async function loadStatistikkInput(
  db: Db,
  organisationId: string,
  quarters: string[],
  rollingFirst: string,
): Promise<StatistikkInput> {
  const indexes = [...quarters, rollingFirst].map((q) => parseQuarter(q) as number);
  const from = fromDayNumber(quarterStart(Math.min(...indexes)));
  const to = fromDayNumber(quarterEnd(Math.max(...indexes)));
  const [units, employeeRows, periodRows] = await Promise.all([
    loadUnits(db, organisationId),
    db
      .selectFrom('employee')
      .select(['id', 'position_percent', 'unit_id', 'employment_start', 'employment_end'])
      .where('organisation_id', '=', organisationId)
      .where('employment_start', '<=', to)
      .where((eb) => eb.or([eb('employment_end', 'is', null), eb('employment_end', '>=', from)]))
      .execute(),
    db
      .selectFrom('absence_period as p')
      .innerJoin('employee as e', (j) =>
        j.onRef('e.organisation_id', '=', 'p.organisation_id').onRef('e.id', '=', 'p.employee_id'),
      )
      .select(['p.employee_id', 'p.type', 'p.start_date', 'p.end_date', 'p.grade', 'p.avventende'])
      .where('p.organisation_id', '=', organisationId)
      .where('p.deleted_at', 'is', null)
      .where('e.employment_start', '<=', to)
      .where((eb) => eb.or([eb('e.employment_end', 'is', null), eb('e.employment_end', '>=', from)]))
      .execute(),
  ]);
  const periods = new Map<string, Period[]>();
  for (const p of periodRows) {
    const list = periods.get(p.employee_id);
    if (list === undefined) periods.set(p.employee_id, [toPeriod(p)]);
    else list.push(toPeriod(p));
  }
  const employees: StatistikkEmployee[] = employeeRows.map((e) => ({
    id: e.id,
    positionPercent: Number(e.position_percent),
    unitId: e.unit_id,
    employmentStart: e.employment_start,
    employmentEnd: e.employment_end,
    periods: periods.get(e.id) ?? [],
  }));
  return { quarters, units, employees };
}

/** The organisation's units, sorted by name (the page's order). */
async function loadUnits(db: Db, organisationId: string): Promise<StatistikkUnit[]> {
  const rows = await db
    .selectFrom('unit')
    .select(['id', 'parent_id', 'name'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((u) => ({ id: u.id, parentId: u.parent_id, name: u.name }));
}

/** The units a leader sees: those of the people they lead, with all their subunits. */
async function leaderUnits(db: Db, actor: Actor, units: readonly StatistikkUnit[]): Promise<Set<string>> {
  if (actor.employeeId === null) return new Set();
  const rows = await db
    .selectFrom('employee')
    .select('unit_id')
    .distinct()
    .where('organisation_id', '=', actor.organisationId)
    .where('leader_id', '=', actor.employeeId)
    .execute();
  return withSubunits(
    rows.map((r) => r.unit_id),
    units,
  );
}

function withSubunits(roots: readonly string[], units: readonly StatistikkUnit[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId);
    if (list === undefined) children.set(u.parentId, [u.id]);
    else list.push(u.id);
  }
  const out = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/**
 * The units the caller sees: null for the whole organisation (admin, HR and AMU members — aml
 * § 7-2 (2) e: the AMU follows the sick-leave statistics), else a leader's units with their
 * subunits; with `unitId`, that unit and its subunits — a forged id or one outside the caller's
 * scope answers 404, like any unknown id.
 */
export async function visibleUnits(
  db: Db,
  actor: Actor,
  units: readonly StatistikkUnit[],
  unitId: string | undefined,
): Promise<Set<string> | null> {
  const wholeOrganisation = hasRole(actor, 'admin', 'hr', 'amu');
  const visible: Set<string> | null = wholeOrganisation ? null : await leaderUnits(db, actor, units);
  if (unitId === undefined) return visible;
  const known = UUID.test(unitId) && units.some((u) => u.id === unitId);
  if (!known || (visible !== null && !visible.has(unitId))) {
    throw notFound({ nb: 'Fant ikke enheten.', en: 'Unit not found.' });
  }
  return withSubunits([unitId], units);
}

/** The quarter asked for (default: the last completed); one that has not started is a 400. */
export function chosenQuarter(quarter: string | undefined, today: IsoDate): string {
  const chosen = quarter ?? defaultQuarter(today);
  if ((parseQuarter(chosen) as number) > (parseQuarter(quarterOf(today)) as number)) {
    throw badRequest({ nb: 'Kvartalet har ikke begynt ennå.', en: 'The quarter has not started yet.' }, [
      {
        path: 'query.quarter',
        message: { nb: 'Velg et kvartal som har begynt.', en: 'Choose a quarter that has started.' },
      },
    ]);
  }
  return chosen;
}

export async function dailyCost(
  db: Db,
  organisationId: string,
): Promise<{ amount: number; isDefault: boolean }> {
  const row = await db
    .selectFrom('statistikk_setting')
    .select('daily_cost')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  const stored = row?.daily_cost ?? null;
  return stored === null
    ? { amount: DEFAULT_DAILY_COST, isDefault: true }
    : { amount: stored, isDefault: false };
}

/**
 * The statistics for `quarter` and the seven quarters before it (the page's history) and the
 * rolling four quarters ending with it. Admin, HR and AMU members see the organisation and every
 * unit (aml § 7-2 (2) e: the AMU follows the sick-leave statistics); a leader
 * only the units of the people they lead, with their subunits. Masking is the same for everyone:
 * it is computed once for the whole organisation, and each caller sees a subset of what is
 * published, so no one can subtract their way to a masked group.
 */
export async function statistikkView(
  db: Db,
  actor: Actor,
  query: { quarter?: string | undefined; unitId?: string | undefined },
  today: IsoDate,
  cache?: ReadCache<ComputedStatistikk> | undefined,
): Promise<View> {
  const current = quarterOf(today);
  const quarter = chosenQuarter(query.quarter, today);
  const computed = await computeStatistikk(db, actor.organisationId, quarter, cache);
  const output = computed.output;
  const visible = await visibleUnits(db, actor, computed.units, query.unitId);
  const cost = await dailyCost(db, actor.organisationId);
  const parentOf = new Map(computed.units.map((u) => [u.id, u.parentId]));
  const withCost = (g: GroupFigures) =>
    g.masked ? g : { ...g, estimatedCost: Math.round(g.tapteDagsverk.total * cost.amount) };
  const units = (list: UnitFigures[]) =>
    list
      .filter((u) => visible === null || visible.has(u.unitId))
      .map((u) => ({
        ...withCost(u),
        unitId: u.unitId,
        name: u.name,
        parentId: parentOf.get(u.unitId) ?? null,
      }));
  const organisation = (g: GroupFigures) => (visible === null ? withCost(g) : null);

  const todayIndex = parseQuarter(current) as number;
  const firstChoosable = todayIndex - CHOOSABLE_QUARTERS + 1;
  return {
    quarter,
    choosableQuarters: quartersEndingWith(current, CHOOSABLE_QUARTERS).filter(
      (_, i) => firstChoosable + i >= 2000 * 4,
    ),
    scope: visible === null ? 'organisation' : 'units',
    minPersons: MIN_PERSONS,
    dailyCost: cost,
    quarters: output.quarters.map((q) => ({
      ...q,
      // A quarter that has not ended yet is foreløpig.
      preliminary: q.end >= today,
      organisation: organisation(q.organisation),
      units: units(q.units),
    })),
    rolling: {
      ...output.rolling,
      organisation: organisation(output.rolling.organisation),
      units: units(output.rolling.units),
    },
  };
}
