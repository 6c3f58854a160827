/**
 * bench/reminders — the daily reminder sweep's selection over 200 000 open cases on PostgreSQL.
 *
 * Builds a dedicated database (`CREATE DATABASE` on the server of BENCH_DATABASE_URL or
 * TEST_DATABASE_URL, dropped at the end), 4 organisations × 50 000 employees, each with one open
 * case of 3–4 periods made with set-based inserts (`generate_series`): egenmelding, then a 100 %
 * sykmelding, then a sykmelding that is graded for a third of them (after no gap, a short gap that
 * merges, or a 16+ day gap that starts a new case), then for half a ferie or a graded sykmelding.
 * Case starts are spread over the last 400 days; some cases carry a done/exception record.
 *
 * Times (a) `listDeadlines(db, { from: today, to: today, today })` — what the sweep asks for — and
 * (b) one hand-written set-based SQL query selecting the same reminders due today (gaps-and-islands
 * for the case start; oppfolgingsplan, dialogmote1, aktivitetsplikt, oppfolgingsplanTilNav and
 * dialogmote2 with their §11.4 status conditions, minus done/exempted records). Checks both give
 * the same (employee, milestone, due) set for those milestones. Prints the ratio last.
 * Goal (issue 4): listDeadlines ≤ 1.5 × the SQL, whole run < 30 s.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/db/connect.ts';
import { listDeadlines, todayInOslo } from '../../src/modules/sykefravaer/index.ts';

const ORGS = 4;
const PER_ORG = Number(process.env.BENCH_REMINDER_EMPLOYEES ?? 200_000) / ORGS;
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('bench/reminders needs PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL. Skipped.');
  process.exit(0);
}

const runStart = performance.now();
const dbName = `naervaer_bench_reminders_${process.pid}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create database ${dbName}`);
const benchUrl = new URL(url);
benchUrl.pathname = `/${dbName}`;

const ms = (t: number) => `${(t / 1000).toFixed(2)} s`;
const today = todayInOslo();

/** The hand-written selection: every reminder (14 days before, or on the due date) due `today`. */
function handWritten(day: string) {
  return sql<{ employee_id: string; milestone_key: string; due: string }>`
    with p as (
      select organisation_id, employee_id, type, start_date, end_date, grade,
             (type = 'egenmelding' or (type = 'sykmelding' and not avventende)) as sick,
             lag(end_date) over w as prev_end,
             lag(type = 'egenmelding' or (type = 'sykmelding' and not avventende)) over w as prev_sick
      from absence_period
      where deleted_at is null
        and employee_id in (select employee_id from absence_period
                            where deleted_at is null and end_date >= ${day}::date - 16)
      window w as (partition by organisation_id, employee_id order by start_date, end_date)
    ),
    member as (   -- sick days, and ferie directly after sick days (§11.1)
      select *, case when lag(end_date) over w is null or start_date - lag(end_date) over w - 1 >= 16 then 1 else 0 end as opens
      from p
      where sick or (type = 'ferie' and prev_sick and start_date = prev_end + 1)
      window w as (partition by organisation_id, employee_id order by start_date, end_date)
    ),
    numbered as (
      select *, sum(opens) over (partition by organisation_id, employee_id order by start_date, end_date) as case_no
      from member
    ),
    cases as (
      select distinct on (organisation_id, employee_id)
             organisation_id, employee_id, min(start_date) as s, max(end_date) as e,
             sum(end_date - start_date + 1) as sick_days,
             (array_agg(type = 'sykmelding' and grade < 100 order by start_date desc))[1] as graded_at_end
      from numbered
      group by organisation_id, employee_id, case_no
      order by organisation_id, employee_id, case_no desc
    )
    select c.employee_id, m.key as milestone_key, to_char(m.due, 'YYYY-MM-DD') as due
    from cases c
    cross join lateral (values
      ('oppfolgingsplan', c.s + 27, c.e >= c.s + 27),
      ('dialogmote1', c.s + 48, c.e >= c.s + 48),
      ('aktivitetsplikt', c.s + 55, c.sick_days >= 56 and not c.graded_at_end),
      ('oppfolgingsplanTilNav', c.s + 174, c.e >= c.s + 119),
      ('dialogmote2', c.s + 181, c.e >= c.s + 119)
    ) as m (key, due, applies)
    where c.e >= ${day}::date - 16
      and m.applies
      and (m.due = ${day}::date or m.due - 14 = ${day}::date)
      and not exists (
        select 1 from milestone_record r
        where r.organisation_id = c.organisation_id and r.employee_id = c.employee_id
          and r.case_start = c.s and r.milestone_key = m.key and r.undone_at is null
          and (r.kind = 'done' or m.key in ('oppfolgingsplan', 'dialogmote1', 'dialogmote2'))
      )
  `;
}

const database = await openDatabase({ databaseUrl: benchUrl.toString(), poolSize: 4 });
const db = database.db;
try {
  // ------------------------------------------------------------------ data
  const t0 = performance.now();
  await sql`select setseed(0.20261122)`.execute(db);
  for (let o = 1; o <= ORGS; o++) {
    const org = await db
      .insertInto('organisation')
      .values({ name: `Benchmark ${o}`, orgnr: String(910000000 + o) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await db
      .insertInto('unit')
      .values({ organisation_id: org.id, name: 'Alle' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`
      insert into employee (organisation_id, name, email, employment_start, position_percent, unit_id)
      select ${org.id}::uuid, 'Ansatt ' || i, 'a' || i || '@org${sql.raw(String(o))}.example',
             date '2010-01-01' + (i % 4000), 100, ${unit.id}::uuid
      from generate_series(1, ${PER_ORG}) as i
    `.execute(db);
  }
  await sql`insert into sykefravaer_followup (organisation_id, employee_id) select organisation_id, id from employee`.execute(
    db,
  );
  // One open case per employee: start S in the last ~400 days, known periods up to F (today … +30).
  await sql`
    create temporary table gen as
    select organisation_id, id as employee_id, s, f, em, b, g, grade2, extra, extra_len
    from (
      select organisation_id, id, s, f, em,
             s + em + ((f - s - em) * (0.25 + 0.4 * random()))::int as b,
             case when r < 0.6 then 0 when r < 0.85 then 1 + (random() * 13)::int else 16 + (random() * 15)::int end as g,
             case when random() < 0.35 then (array[20, 40, 50, 60, 80])[1 + (random() * 4)::int] else 100 end as grade2,
             case when r2 < 0.25 then 'ferie' when r2 < 0.5 then 'graded' else null end as extra,
             7 + (random() * 30)::int as extra_len
      from (
        select organisation_id, id, random() as r, random() as r2,
               ${today}::date - 10 - (random() * 400)::int as s,
               ${today}::date + (random() * 30)::int as f,
               1 + (random() * 2)::int as em
        from employee
      ) x
    ) y
  `.execute(db);
  await sql`
    insert into absence_period (organisation_id, employee_id, type, start_date, end_date, grade)
    select organisation_id, employee_id, 'egenmelding', s, s + em - 1, null from gen
    union all
    select organisation_id, employee_id, 'sykmelding', s + em, b, 100 from gen
    union all
    select organisation_id, employee_id, 'sykmelding', b + 1 + g, greatest(f, b + g + 6), grade2 from gen
    union all
    select organisation_id, employee_id, case when extra = 'ferie' then 'ferie' else 'sykmelding' end,
           greatest(f, b + g + 6) + 1, greatest(f, b + g + 6) + extra_len,
           case when extra = 'ferie' then null else 50 end
    from gen where extra is not null
  `.execute(db);
  // Some recorded milestones: the plan done for ~10 %, dialogmøte 1 exempted for ~3 %, for the case
  // start S (which is the case start unless a 16+ day gap started a new case).
  await sql`
    insert into milestone_record (organisation_id, employee_id, case_start, milestone_key, kind, reason)
    select organisation_id, employee_id, s, 'oppfolgingsplan', 'done', null from gen where random() < 0.10
    union all
    select organisation_id, employee_id, s, 'dialogmote1', 'exception', 'Snart tilbake' from gen where random() < 0.03
  `.execute(db);
  await sql`analyze`.execute(db);
  const counts = await sql<{ periods: number; records: number }>`
    select (select count(*)::int from absence_period) as periods, (select count(*)::int from milestone_record) as records
  `.execute(db);
  const generated = performance.now() - t0;
  const c = counts.rows[0]!;
  console.log(
    `generated ${ORGS * PER_ORG} employees with an open case, ${c.periods} periods, ${c.records} milestone records in ${ms(generated)} (today ${today})`,
  );

  // ------------------------------------------------------------------ measure
  // Warm the caches once with each, then time each (sequentially, same connection pool).
  await handWritten(today).execute(db);
  const ta = performance.now();
  const deadlines = await listDeadlines(db, { from: today, to: today, today });
  const tList = performance.now() - ta;
  const tb = performance.now();
  const rows = (await handWritten(today).execute(db)).rows;
  const tSql = performance.now() - tb;
  const ta2 = performance.now();
  await listDeadlines(db, { from: today, to: today, today });
  const tList2 = performance.now() - ta2;
  const tb2 = performance.now();
  await handWritten(today).execute(db);
  const tSql2 = performance.now() - tb2;

  // ------------------------------------------------------------------ compare
  const covered = new Set([
    'oppfolgingsplan',
    'dialogmote1',
    'aktivitetsplikt',
    'oppfolgingsplanTilNav',
    'dialogmote2',
  ]);
  const fromEngine = new Set(
    deadlines
      .filter((d) => covered.has(d.milestoneKey))
      .map((d) => `${d.employeeId}|${d.milestoneKey}|${d.due}`),
  );
  const fromSql = new Set(rows.map((r) => `${r.employee_id}|${r.milestone_key}|${r.due}`));
  const onlyEngine = [...fromEngine].filter((k) => !fromSql.has(k));
  const onlySql = [...fromSql].filter((k) => !fromEngine.has(k));
  const byKey = new Map<string, number>();
  for (const d of deadlines) byKey.set(d.milestoneKey, (byKey.get(d.milestoneKey) ?? 0) + 1);

  console.log(
    `SQL covers: merged case start (gaps-and-islands, ferie directly after sick days, 16-day gap), case end,` +
      ` sick days, graded-at-end; oppfolgingsplan S+27, dialogmote1 S+48, aktivitetsplikt S+55,` +
      ` oppfolgingsplanTilNav S+174, dialogmote2 S+181 with the §11.4 status rules, reminders due−14 and due,` +
      ` done/exception records. Not covered: maksdato, aap, motebehov, oppsigelsesvern (informational, no reminders),` +
      ` a recorded dialogmøte 2 date, overlapping periods (the generated ones do not overlap).`,
  );
  console.log(
    `listDeadlines: ${deadlines.length} deadlines due or reminded today (${[...byKey].map(([k, n]) => `${k} ${n}`).join(', ')})`,
  );
  console.log(
    `hand-written SQL: ${rows.length} rows; differences on covered milestones: ${onlyEngine.length + onlySql.length}` +
      ` (only listDeadlines ${onlyEngine.length}, only SQL ${onlySql.length})${onlyEngine.length + onlySql.length > 0 ? ` e.g. ${[...onlyEngine, ...onlySql].slice(0, 3).join(' ; ')}` : ''}`,
  );
  console.log(`listDeadlines(today): ${ms(tList)} (second run ${ms(tList2)})`);
  console.log(`hand-written SQL:     ${ms(tSql)} (second run ${ms(tSql2)})`);
  const total = performance.now() - runStart;
  console.log(
    `sweep selection (listDeadlines) ${ms(Math.max(tList, tList2))} at worst (goal < 30 s: ${Math.max(tList, tList2) < 30_000 ? 'met' : 'missed'});` +
      ` whole run incl. data generation ${ms(total)}`,
  );
  console.log(
    `ratio listDeadlines/sql: ${(tList / tSql).toFixed(2)} (second run ${(tList2 / tSql2).toFixed(2)}) (goal ≤ 1.5)`,
  );
} finally {
  await database.close();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
