/**
 * Sick-leave statistics for a municipality of 50 000 employees with three years of absence
 * (≈ 300 000 periods, 110 units in two levels): `loadStatistikkInput` + `beregnStatistikk` — rates per
 * unit (with subunits) per quarter for 12 quarters, the rolling block and masking — against one
 * hand-written SQL query in the same run computing the same avtalte and tapte dagsverk (total,
 * legemeldt, egenmeldt) and populations per unit per quarter. Goals (issue 16): ≤ 1.2 × the query
 * and < 300 ms on PostgreSQL. On PGlite, and on PostgreSQL when BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL) is set.
 *
 * Three measurements of the served path (`computeStatistikk`, what `GET /api/v1/statistikk` uses):
 * cold (load + compute, no cache), warm (the `statistikk.computed` cache, ADR 0005) and right after a
 * committed change to an absence period (the change feed drops the organisation's entries, so the
 * next read computes afresh and gets the new numbers). `BENCH_STATISTICS_EMPLOYEES` and
 * `BENCH_STATISTICS_RUNS` make a smaller run.
 *
 * The SQL baseline does less than the function: no korttid/langtid (that needs the
 * oppfølgingstilfeller, a gaps-and-islands walk), no rolling block and no masking. Its numbers are
 * checked against the function's for every shown group, so both compute the same thing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { migrateApp, openAppDatabase } from '../../src/app/database.ts';
import type { Database } from '../../src/db/schema.ts';
import { fromDayNumber } from '../../src/domain/calendar/index.ts';
import {
  beregnStatistikk,
  quarterRange,
  quartersEndingWith,
  Virkedager,
} from '../../src/domain/statistikk/index.ts';
import { parseQuarter, quarterEnd, quarterStart } from '../../src/domain/statistikk/quarter.ts';
import {
  computeStatistikk,
  loadStatistikkInput,
  statistikkCache,
} from '../../src/modules/statistikk/index.ts';
import { CacheRegistry } from '../../src/platform/caches.ts';

const EMPLOYEES = Number(process.env.BENCH_STATISTICS_EMPLOYEES ?? 50_000);
const PERIODS_PER_EMPLOYEE = 6;
const RUNS = Number(process.env.BENCH_STATISTICS_RUNS ?? 5);
const QUARTERS = quartersEndingWith('2025Q4', 12);

async function seed(db: Kysely<Database>): Promise<string> {
  const org = await db
    .insertInto('organisation')
    .values({ name: 'Benchmark kommune', orgnr: '987654325' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const unitIds: string[] = [];
  for (let top = 0; top < 10; top++) {
    const parent = await db
      .insertInto('unit')
      .values({ organisation_id: org.id, name: `Sektor ${top}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    unitIds.push(parent.id);
    for (let sub = 0; sub < 10; sub++) {
      const row = await db
        .insertInto('unit')
        .values({ organisation_id: org.id, name: `Enhet ${top}.${sub}`, parent_id: parent.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      unitIds.push(row.id);
    }
  }
  await sql`
    insert into employee (organisation_id, name, employment_start, employment_end, position_percent, unit_id)
    select ${org.id}::uuid, 'Ansatt ' || i, date '2015-01-01' + (i % 3000),
           case when i % 10 = 0 then date '2024-01-01' + (i % 700) end,
           case i % 5 when 0 then 60 when 1 then 80 else 100 end,
           (${sql.raw(`array[${unitIds.map((u) => `'${u}'`).join(',')}]`)}::uuid[])[1 + i % ${sql.raw(String(unitIds.length))}]
    from generate_series(1, ${sql.raw(String(EMPLOYEES))}) as i
  `.execute(db);
  await sql`
    insert into sykefravaer_followup (organisation_id, employee_id)
    select organisation_id, id from employee where organisation_id = ${org.id}::uuid
  `.execute(db);
  await sql`
    insert into absence_period (organisation_id, employee_id, type, start_date, end_date, grade)
    select organisation_id, id, kind, start_date, start_date + len, grade
    from (
      select e.organisation_id, e.id,
             case when h % 3 = 0 then 'egenmelding' else 'sykmelding' end as kind,
             date '2023-01-01' + (h % 1090) as start_date,
             case when h % 3 = 0 then h % 3 else (h / 7) % 40 end as len,
             case when h % 3 = 0 then null else (array[20, 50, 100, 100])[1 + (h / 3) % 4] end as grade
      from employee e
      cross join generate_series(1, ${sql.raw(String(PERIODS_PER_EMPLOYEE))}) as k
      cross join lateral (select abs(hashtext(e.id::text || ':' || k)) as h) r
      where e.organisation_id = ${org.id}::uuid
    ) p
  `.execute(db);
  await sql`analyze`.execute(db);
  return org.id;
}

type Row = {
  unit_id: string;
  q: string;
  population: number;
  avtalte: number;
  legemeldt: number;
  egenmeldt: number;
};

/**
 * The hand-written query: working days from a calendar with prefix counts, absence days resolved
 * (arbeid/ferie first, then the highest sick-note grade, then egenmelding; avventende
 * sykmelding never counts), summed per unit and rolled up to every unit above it. Dagsverk in
 * 1/10 000 (position % × grade).
 */
async function sqlBaseline(db: Kysely<Database>, orgId: string): Promise<Row[]> {
  const first = parseQuarter(QUARTERS[0] ?? '') as number;
  const last = parseQuarter(QUARTERS.at(-1) ?? '') as number;
  const from = fromDayNumber(quarterStart(first));
  const to = fromDayNumber(quarterEnd(last));
  const holidays = new Virkedager(quarterStart(first), quarterEnd(last)).holidays.map(fromDayNumber);
  const holidayArray = sql.raw(`array[${holidays.map((d) => `'${d}'`).join(',')}]::date[]`);
  const { rows } = await sql<Row>`
    with recursive
    cal as (
      select d::date as day,
             (extract(isodow from d) < 6 and d::date <> all(${holidayArray}))::int as work
      from generate_series(${from}::date, ${to}::date, interval '1 day') as d
    ),
    cum as (select day, work, sum(work) over (order by day) as n from cal),
    quarters as (
      select q::date as qs, (q + interval '3 months' - interval '1 day')::date as qe
      from generate_series(${from}::date, ${to}::date, interval '3 months') as q
    ),
    emp as (
      select id, unit_id, position_percent as pp, employment_start as es,
             coalesce(employment_end, date '9999-12-31') as ee
      from employee
      where organisation_id = ${orgId}::uuid and employment_start <= ${to}::date
        and (employment_end is null or employment_end >= ${from}::date)
    ),
    agreed as (
      select e.unit_id, q.qs, count(*) as population,
             sum(e.pp * 100 * (b.n - a.n + a.work)) as avtalte
      from emp e
      join quarters q on e.es <= q.qe and e.ee >= q.qs
      join cum a on a.day = greatest(e.es, q.qs)
      join cum b on b.day = least(e.ee, q.qe)
      group by e.unit_id, q.qs
    ),
    absence as (
      select p.employee_id, c.day,
             bool_or(p.type in ('arbeid', 'ferie')) as present,
             max(case when p.type = 'sykmelding' and not p.avventende then coalesce(p.grade, 100) end) as grade,
             bool_or(p.type = 'egenmelding') as egen
      from absence_period p
      cross join lateral generate_series(p.start_date, p.end_date, interval '1 day') as g(d)
      join cal c on c.day = g.d::date and c.work = 1
      where p.organisation_id = ${orgId}::uuid and p.deleted_at is null
        and p.end_date >= ${from}::date and p.start_date <= ${to}::date
      group by p.employee_id, c.day
    ),
    lost as (
      select e.unit_id, date_trunc('quarter', a.day)::date as qs,
             sum(case when a.grade is not null then e.pp * a.grade else 0 end) as legemeldt,
             sum(case when a.grade is null and a.egen then e.pp * 100 else 0 end) as egenmeldt
      from absence a
      join emp e on e.id = a.employee_id
      where not a.present and (a.grade is not null or a.egen) and a.day between e.es and e.ee
      group by e.unit_id, date_trunc('quarter', a.day)
    ),
    tree as (
      select id as unit_id, id as ancestor from unit where organisation_id = ${orgId}::uuid
      union all
      select t.unit_id, u.parent_id from tree t
      join unit u on u.organisation_id = ${orgId}::uuid and u.id = t.ancestor
      where u.parent_id is not null
    )
    select t.ancestor as unit_id, to_char(g.qs, 'YYYY-MM-DD') as q,
           sum(g.population)::int as population, sum(g.avtalte)::float8 as avtalte,
           coalesce(sum(l.legemeldt), 0)::float8 as legemeldt, coalesce(sum(l.egenmeldt), 0)::float8 as egenmeldt
    from agreed g
    left join lost l on l.unit_id = g.unit_id and l.qs = g.qs
    join tree t on t.unit_id = g.unit_id
    group by t.ancestor, g.qs
  `.execute(db);
  return rows;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function run(label: string, databaseUrl: string | undefined, goalMs: number | null) {
  const dir = mkdtempSync(join(tmpdir(), 'naervaer-bench-stat-'));
  const database = await openAppDatabase(databaseUrl ? { databaseUrl } : { dataDir: join(dir, 'data') });
  const db = database.db;
  try {
    await migrateApp(db);
    const seeded = await time(() => seed(db));
    const orgId = seeded.value;
    const periods = await db
      .selectFrom('absence_period')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `[${label}] seeded ${EMPLOYEES} employees, ${periods.n} periods in ${(seeded.ms / 1000).toFixed(1)} s`,
    );

    const loadMs: number[] = [];
    const ours = async () => {
      const t0 = performance.now();
      const input = await loadStatistikkInput(
        db,
        orgId,
        QUARTERS,
        quartersEndingWith('2025Q4', 4)[0] ?? '2025Q1',
      );
      loadMs.push(performance.now() - t0);
      return beregnStatistikk(input);
    };
    await ours(); // warm-up
    await sqlBaseline(db, orgId);
    const oursMs: number[] = [];
    const sqlMs: number[] = [];
    let output = await ours();
    let rows: Row[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = await time(ours);
      oursMs.push(a.ms);
      output = a.value;
      const b = await time(() => sqlBaseline(db, orgId));
      sqlMs.push(b.ms);
      rows = b.value;
    }

    // Same numbers: every shown unit and quarter of the function matches the query.
    const byKey = new Map(rows.map((r) => [`${r.unit_id}|${r.q}`, r]));
    let compared = 0;
    for (const block of output.quarters) {
      const start = quarterRange(block.quarter).start;
      for (const u of block.units) {
        if (u.masked) continue;
        const r = byKey.get(`${u.unitId}|${start}`);
        const close = (x: number, y: number) => Math.abs(x - y) < 1e-6;
        if (
          r === undefined ||
          r.population !== u.population ||
          !close(r.avtalte / 10_000, u.avtalteDagsverk) ||
          !close(r.legemeldt / 10_000, u.tapteDagsverk.legemeldt) ||
          !close(r.egenmeldt / 10_000, u.tapteDagsverk.egenmeldt)
        ) {
          throw new Error(`[${label}] mismatch for ${u.name} ${block.quarter}: ${JSON.stringify({ r, u })}`);
        }
        compared++;
      }
    }
    // The served path through the cache: warm hits, then a committed change and the next read.
    const feed = database.changeFeed();
    for (let i = 0; i < 100 && !feed.live; i++) await new Promise((r) => setTimeout(r, 50));
    const caches = new CacheRegistry(feed, [statistikkCache]);
    const cache = caches.get(statistikkCache);
    const first = await time(() => computeStatistikk(db, orgId, '2025Q4', cache));
    const warmMs: number[] = [];
    for (let i = 0; i < 20; i++)
      warmMs.push((await time(() => computeStatistikk(db, orgId, '2025Q4', cache))).ms);
    const someone = await db
      .selectFrom('absence_period')
      .select(['id', 'end_date'])
      .where('organisation_id', '=', orgId)
      .limit(1)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('absence_period')
      .set({ end_date: someone.end_date })
      .where('organisation_id', '=', orgId)
      .where('id', '=', someone.id)
      .execute();
    await new Promise((r) => setTimeout(r, 200)); // PostgreSQL delivers the notification a moment later
    const afterChange = await time(() => computeStatistikk(db, orgId, '2025Q4', cache));
    const direct = beregnStatistikk(
      await loadStatistikkInput(db, orgId, quartersEndingWith('2025Q4', 8), '2025Q1'),
    );
    for (const got of [first.value.output, afterChange.value.output]) {
      if (JSON.stringify(got) !== JSON.stringify(direct)) {
        throw new Error(`[${label}] the cached path gave other numbers than the function`);
      }
    }
    caches.close();
    console.log(
      `[${label}] served path: first ${first.ms.toFixed(0)} ms, warm median ${median(warmMs).toFixed(1)} ms (20 reads, feed live: ${feed.live}), after a committed change ${afterChange.ms.toFixed(0)} ms (recomputed, same numbers)`,
    );

    // ADR 0023: the served path with no cache and nothing marked — stored contributions summed in SQL.
    const servedMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const served = await time(() => computeStatistikk(db, orgId, '2025Q4'));
      servedMs.push(served.ms);
      if (JSON.stringify(served.value.output) !== JSON.stringify(direct)) {
        throw new Error(`[${label}] the served path gave other numbers than the function`);
      }
    }
    const c = median(servedMs);
    const o = median(oursMs);
    const s = median(sqlMs);
    console.log(`[${label}] checked ${compared} unit-quarters: the function and the query agree`);
    console.log(`[${label}] hand-written SQL query: median ${s.toFixed(0)} ms (${RUNS} runs)`);
    console.log(
      `[${label}] load + beregnStatistikk: median ${o.toFixed(0)} ms (${RUNS} runs; loading the rows alone: median ${median(loadMs.slice(-RUNS)).toFixed(0)} ms)`,
    );
    console.log(`[${label}] ratio function/query: ${(o / s).toFixed(2)}`);
    const servedGoal =
      goalMs === null
        ? ''
        : ` (goals ≤ 1.2 and < ${goalMs} ms: ${c / s <= 1.2 && c < goalMs ? 'met' : 'missed'})`;
    console.log(
      `[${label}] served cold (no cache, nothing marked; ADR 0023): median ${c.toFixed(0)} ms, ratio served/query: ${(c / s).toFixed(3)}${servedGoal}`,
    );
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.BENCH_STATISTICS_ONLY !== 'postgres') await run('PGlite', undefined, null);
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const dbName = `naervaer_bench_stat_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(pgUrl);
  url.pathname = `/${dbName}`;
  try {
    await run('PostgreSQL', url.toString(), 300);
  } finally {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
} else console.log('(set BENCH_DATABASE_URL or TEST_DATABASE_URL to measure PostgreSQL too)');
