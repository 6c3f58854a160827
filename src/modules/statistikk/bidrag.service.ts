/**
 * The served sick-leave statistics without loading every period (ADR 0023): each person's tapte
 * dagsverk per quarter is stored (`statistikk_fravaer`), recomputed by the pure `fravaerPerKvartal`
 * for exactly the persons the triggers of migration 0053 marked (`statistikk_dirty`) — any change to
 * one of their periods or to their position or employment dates — and summed per unit and quarter
 * in SQL at read time. Avtalte dagsverk and the populations are summed in SQL from the employee rows
 * (grouped by the days employed in the quarter, so the working days are counted once per distinct
 * span by the same `Virkedager`). `statistikkFraSummer` then computes the rates, the rolling block
 * and the masking, the same code `beregnStatistikk` ends in: the numbers are the function's.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/schema.ts';
import { fromDayNumber, parseIsoDate } from '../../domain/calendar/index.ts';
import {
  emptySums,
  fravaerPerKvartal,
  groupChains,
  type Period,
  parseQuarter,
  quarterEnd,
  quarterStart,
  type StatistikkOutput,
  type StatistikkUnit,
  type Sums,
  statistikkFraSummer,
  Virkedager,
} from '../../domain/statistikk/index.ts';
import { toPeriod } from './period-row.ts';

/** How many persons are recomputed per batch (one query for their periods). */
const BATCH = 2_000;

/**
 * Recomputes the stored contributions of the organisation's marked persons, in one transaction per
 * batch: the marks are taken (deleted) and the person's rows replaced in the same transaction, so a
 * change committed meanwhile leaves a new mark for the next read. Returns how many were recomputed.
 */
export async function refreshFravaer(db: Db, organisationId: string): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await inTransaction(db, (trx) => refreshBatch(trx, organisationId));
    total += n;
    if (n < BATCH) return total;
  }
}

async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

async function refreshBatch(trx: Db, organisationId: string): Promise<number> {
  const taken = await sql<{ employee_id: string }>`
    delete from statistikk_dirty
    where organisation_id = ${organisationId}::uuid and employee_id in (
      select employee_id from statistikk_dirty where organisation_id = ${organisationId}::uuid
      limit ${BATCH} for update skip locked
    )
    returning employee_id
  `.execute(trx);
  const ids = taken.rows.map((r) => r.employee_id);
  if (ids.length === 0) return 0;
  const [employees, periods, frozen] = await Promise.all([
    trx
      .selectFrom('employee')
      .select(['id', 'position_percent', 'employment_start', 'employment_end'])
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', ids)
      .execute(),
    trx
      .selectFrom('absence_period')
      .select(['employee_id', 'type', 'start_date', 'end_date', 'grade', 'avventende'])
      .where('organisation_id', '=', organisationId)
      .where('employee_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .execute(),
    trx
      .selectFrom('statistikk_frozen')
      .select(['employee_id', 'until_quarter'])
      .where('organisation_id', '=', organisationId)
      .where('employee_id', 'in', ids)
      .execute(),
  ]);
  const byPerson = new Map<string, Period[]>();
  for (const p of periods) {
    const list = byPerson.get(p.employee_id);
    if (list === undefined) byPerson.set(p.employee_id, [toPeriod(p)]);
    else list.push(toPeriod(p));
  }
  const frozenUntil = new Map(frozen.map((f) => [f.employee_id, f.until_quarter]));
  const rows: {
    organisation_id: string;
    employee_id: string;
    quarter: number;
    lk: number;
    ll: number;
    ek: number;
    el: number;
  }[] = [];
  for (const e of employees) {
    const until = frozenUntil.get(e.id) ?? Number.NEGATIVE_INFINITY;
    const contributions = fravaerPerKvartal({
      positionPercent: Number(e.position_percent),
      employmentStart: e.employment_start,
      employmentEnd: e.employment_end,
      periods: byPerson.get(e.id) ?? [],
    });
    for (const c of contributions) {
      // Quarters frozen when periods were deleted for good stay as archived (ADR 0023).
      if (c.quarter <= until) continue;
      rows.push({ organisation_id: organisationId, employee_id: e.id, ...c });
    }
  }
  let deleteOld = trx
    .deleteFrom('statistikk_fravaer')
    .where('organisation_id', '=', organisationId)
    .where('employee_id', 'in', ids);
  if (frozen.length > 0) {
    // Never touch frozen quarters (there are none stored, but keep the rule in one place).
    deleteOld = deleteOld.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('statistikk_frozen as z')
            .select('z.employee_id')
            .whereRef('z.organisation_id', '=', 'statistikk_fravaer.organisation_id')
            .whereRef('z.employee_id', '=', 'statistikk_fravaer.employee_id')
            .whereRef('z.until_quarter', '>=', 'statistikk_fravaer.quarter'),
        ),
      ),
    );
  }
  await deleteOld.execute();
  for (let i = 0; i < rows.length; i += 5_000) {
    await trx
      .insertInto('statistikk_fravaer')
      .values(rows.slice(i, i + 5_000))
      .execute();
  }
  return ids.length;
}

/**
 * `beregnStatistikk`'s output for `quarters` (the rolling block ends with the latest) from the stored
 * contributions and the employee rows, after recomputing the marked persons.
 */
export async function servedStatistikk(
  db: Db,
  organisationId: string,
  quarters: string[],
  units: StatistikkUnit[],
): Promise<StatistikkOutput> {
  await refreshFravaer(db, organisationId);
  const requested = [...new Set(quarters.map((q) => parseQuarter(q) as number))].sort((a, b) => a - b);
  const latest = requested[requested.length - 1] as number;
  const needed = [...new Set([...requested, latest - 3, latest - 2, latest - 1, latest])].sort(
    (a, b) => a - b,
  );
  const first = needed[0] as number;
  const calendar = new Virkedager(quarterStart(first), quarterEnd(latest));
  const { groupOf, chainOf } = groupChains(units);
  const groupCount = units.length + 1;
  const chainOfUnit = (unitId: string | null) => chainOf(unitId === null ? 0 : (groupOf.get(unitId) ?? 0));
  const bounds = sql.join(
    needed.map(
      (q) =>
        sql`(${q}::integer, ${fromDayNumber(quarterStart(q))}::date, ${fromDayNumber(quarterEnd(q))}::date)`,
    ),
  );
  const rollingFrom = fromDayNumber(quarterStart(latest - 3));
  const to = fromDayNumber(quarterEnd(latest));
  const [employed, lost, archived, distinctRows] = await Promise.all([
    // Population and avtalte dagsverk: per unit, quarter and span employed in the quarter.
    sql<{ unit_id: string | null; q: number; lo: string; hi: string; n: number; p100: string }>`
      select e.unit_id, b.q,
             to_char(greatest(b.qs, e.employment_start), 'YYYY-MM-DD') as lo,
             to_char(least(b.qe, coalesce(e.employment_end, b.qe)), 'YYYY-MM-DD') as hi,
             count(*)::integer as n, sum(round(e.position_percent * 100))::text as p100
      from employee e
      join (values ${bounds}) as b(q, qs, qe)
        on e.employment_start <= b.qe and (e.employment_end is null or e.employment_end >= b.qs)
      where e.organisation_id = ${organisationId}::uuid
      group by 1, 2, 3, 4
    `.execute(db),
    sql<{ unit_id: string | null; quarter: number; lk: string; ll: string; ek: string; el: string }>`
      select e.unit_id, f.quarter, sum(f.lk)::text as lk, sum(f.ll)::text as ll,
             sum(f.ek)::text as ek, sum(f.el)::text as el
      from statistikk_fravaer f
      join employee e on e.organisation_id = f.organisation_id and e.id = f.employee_id
      where f.organisation_id = ${organisationId}::uuid and f.quarter between ${first} and ${latest}
      group by 1, 2
    `.execute(db),
    sql<{ unit_id: string | null; quarter: number; lk: string; ll: string; ek: string; el: string }>`
      select unit_id, quarter, sum(lk)::text as lk, sum(ll)::text as ll, sum(ek)::text as ek, sum(el)::text as el
      from statistikk_arkiv
      where organisation_id = ${organisationId}::uuid and quarter between ${first} and ${latest}
      group by 1, 2
    `.execute(db),
    sql<{ unit_id: string | null; n: number }>`
      select unit_id, count(*)::integer as n from employee
      where organisation_id = ${organisationId}::uuid and employment_start <= ${to}::date
        and (employment_end is null or employment_end >= ${rollingFrom}::date)
      group by 1
    `.execute(db),
  ]);
  const perQuarter = new Map<number, Sums[]>(
    needed.map((q) => [q, Array.from({ length: groupCount }, emptySums)]),
  );
  const at = (q: number) => perQuarter.get(q) as Sums[];
  for (const r of employed.rows) {
    const avtalte =
      calendar.count(parseIsoDate(r.lo) as number, parseIsoDate(r.hi) as number) * Number(r.p100) * 100;
    const sums = at(r.q);
    for (const g of chainOfUnit(r.unit_id)) {
      const s = sums[g] as Sums;
      s.population += r.n;
      s.avtalte += avtalte;
    }
  }
  for (const r of [...lost.rows, ...archived.rows]) {
    const sums = perQuarter.get(r.quarter);
    if (sums === undefined) continue;
    for (const g of chainOfUnit(r.unit_id)) {
      const s = sums[g] as Sums;
      s.lk += Number(r.lk);
      s.ll += Number(r.ll);
      s.ek += Number(r.ek);
      s.el += Number(r.el);
    }
  }
  const distinct = new Array<number>(groupCount).fill(0);
  for (const r of distinctRows.rows)
    for (const g of chainOfUnit(r.unit_id)) distinct[g] = (distinct[g] as number) + r.n;
  return statistikkFraSummer({ quarters, units, perQuarter, distinct }, calendar);
}
