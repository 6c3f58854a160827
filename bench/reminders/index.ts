/**
 * bench/reminders — the daily reminder sweep's selection over 200 000 open cases on PostgreSQL.
 *
 * Builds a dedicated database (`CREATE DATABASE` on the server of BENCH_DATABASE_URL or
 * TEST_DATABASE_URL, dropped at the end), 4 organisations × 50 000 employees, each with one open
 * case of 3–4 periods made with set-based inserts (`generate_series`): egenmelding, then a 100 %
 * sykmelding, then a sykmelding that is graded for a third of them (after no gap, a short gap that
 * merges, or a 16+ day gap that starts a new case), then for half a ferie or a graded sykmelding.
 * Case starts are spread over the last 400 days; some cases carry a done/exception record, some a
 * done routine task (a one-off or this week's contact), ~10 % one or two agreed actions
 * (`case_action`) with deadlines around today. No routine is saved: every case follows the default
 * routine (version 1).
 *
 * What is timed is what the sweep does (`runSweep`, src/modules/notifications/sweep.ts), all kinds:
 * (a) `listDeadlines(db, { from: today − CATCH_UP_DAYS, to: today, today })` (the sweep's call) —
 *     milestones, routine tasks (`task:<key>`) and agreed actions (`action:<id>`) — followed by the
 *     sweep's own step that keeps the open deadlines' reminder dates in [today − 7, today];
 * (b) one hand-written set-based SQL query giving the same (employee, key, due, reminder date)
 *     quadruples: gaps-and-islands for the case start; the five milestones with reminders
 *     (oppfolgingsplan, dialogmote1, aktivitetsplikt, oppfolgingsplanTilNav, dialogmote2) with their
 *     §11.4 status conditions minus done/exempted records; the default routine's tasks (kontakt S+2,
 *     brev-sykmelder S+7, avtal-mote S+14, oppfolgingsplan and plan-til-sykmelder on the plan's date,
 *     innkall-dialogmote1 14 days before dialogmøte 1, plan-til-nav 7 days before dialogmøte 2,
 *     frisksamtale the day after an ended case, the weekly contact's occurrences on their day) minus
 *     done tasks; open agreed actions of the current case; §11.6 reminders 14 days before and on the
 *     day. Both sides do the same selection, so the ratio compares like with like. (Until 2026-11-22
 *     the bench timed `listDeadlines(today, today)` against milestones only — not the range the sweep
 *     asks for, and no longer the same selection once tasks and actions were added.)
 * Not covered by the SQL (counted and printed, not compared): the AAP reminder task (it needs the
 * maksdato, which needs the three-year sykepengedager count), a routine saved or pinned by the
 * organisation, a recorded dialogmøte 2 date, overlapping periods (none generated); the SQL's weekly
 * rule assumes CATCH_UP_DAYS ≤ 7. (`listDeadlines` still computes the AAP task and the maksdato, so
 * the SQL side does slightly less work than the sweep: the ratio errs against `listDeadlines`.)
 * Checks both give the same set. Prints the ratio last.
 * Goal (issue 4): the sweep's selection ≤ 1.5 × the SQL, and < 30 s.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { openAppDatabase } from '../../src/app/database.ts';
import { addDays } from '../../src/domain/calendar/index.ts';
import { CATCH_UP_DAYS } from '../../src/modules/notifications/index.ts';
import { type listDeadlines, sykefravaerDeadlines } from '../../src/modules/sykefravaer/index.ts';
import { osloToday } from '../../src/platform/clock.ts';
import { isOpenDeadline } from '../../src/platform/reminders.ts';

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
const today = osloToday();

/**
 * The hand-written selection: every reminder (14 days before, or on the due date; a weekly contact
 * on its day) of an open deadline, dated in [day − 7, day] — what the sweep sends on `day`.
 */
function handWritten(day: string) {
  return sql<{ employee_id: string; key: string; due: string; remind: string }>`
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
      select * from (
        select distinct on (organisation_id, employee_id)
               organisation_id, employee_id, min(start_date) as s, max(end_date) as e,
               sum(end_date - start_date + 1) as sick_days,
               (array_agg(type = 'sykmelding' and grade < 100 order by start_date desc))[1] as graded_at_end
        from numbered
        group by organisation_id, employee_id, case_no
        order by organisation_id, employee_id, case_no desc
      ) latest
      where e >= ${day}::date - 16
    ),
    milestones as (   -- §11.4, minus done / exempted (§11.5)
      select c.organisation_id, c.employee_id, m.key, m.due
      from cases c
      cross join lateral (values
        ('oppfolgingsplan', c.s + 27, c.e >= c.s + 27),
        ('dialogmote1', c.s + 48, c.e >= c.s + 48),
        ('aktivitetsplikt', c.s + 55, c.sick_days >= 56 and not c.graded_at_end),
        ('oppfolgingsplanTilNav', c.s + 174, c.e >= c.s + 119),
        ('dialogmote2', c.s + 181, c.e >= c.s + 119)
      ) as m (key, due, applies)
      where m.applies
        and not exists (
          select 1 from milestone_record r
          where r.organisation_id = c.organisation_id and r.employee_id = c.employee_id
            and r.case_start = c.s and r.milestone_key = m.key and r.undone_at is null
            and (r.kind = 'done' or m.key in ('oppfolgingsplan', 'dialogmote1', 'dialogmote2'))
        )
    ),
    tasks as (   -- the default routine's one-off tasks, minus done
      select c.organisation_id, c.employee_id, t.key, t.due
      from cases c
      cross join lateral (values
        ('kontakt', c.s + 2, true),
        ('brev-sykmelder', c.s + 7, true),
        ('avtal-mote', c.s + 14, true),
        ('oppfolgingsplan', c.s + 27, c.e >= c.s + 27),
        ('plan-til-sykmelder', c.s + 27, c.e >= c.s + 27),
        ('innkall-dialogmote1', c.s + 34, c.e >= c.s + 48),
        ('plan-til-nav', c.s + 174, c.e >= c.s + 119),
        ('frisksamtale', c.e + 1, c.e < ${day}::date)
      ) as t (key, due, applies)
      where t.applies
        and not exists (
          select 1 from task_record r
          where r.organisation_id = c.organisation_id and r.employee_id = c.employee_id
            and r.case_start = c.s and r.task_key = t.key
        )
    ),
    weekly as (   -- ukentlig-kontakt S+7+7k ≤ E, reminded on its day: in an 8-day window at most two
      select c.organisation_id, c.employee_id, 'ukentlig-kontakt@' || to_char(w.d, 'YYYY-MM-DD') as key, w.d as due
      from cases c
      cross join lateral (select greatest(c.s + 7, c.s + 7 + 7 * ceil((${day}::date - 7 - (c.s + 7)) / 7.0)::int) as d1) f
      cross join lateral (values (f.d1), (f.d1 + 7)) as w (d)
      where w.d between ${day}::date - 7 and ${day}::date and w.d <= c.e
        and not exists (
          select 1 from task_record r
          where r.organisation_id = c.organisation_id and r.employee_id = c.employee_id
            and r.case_start = c.s and r.task_key = 'ukentlig-kontakt@' || to_char(w.d, 'YYYY-MM-DD')
        )
    ),
    actions as (   -- open agreed actions of the current case
      select c.organisation_id, c.employee_id, 'action:' || a.id as key, a.deadline as due
      from cases c
      join case_action a on a.organisation_id = c.organisation_id and a.employee_id = c.employee_id
        and a.case_start = c.s and a.done_at is null
        and a.deadline between ${day}::date - 7 and ${day}::date + 14
    ),
    dated as (
      select employee_id, key, due, due - 14 as remind from milestones
      union all select employee_id, key, due, due from milestones
      union all select employee_id, 'task:' || key, due, due - 14 from tasks
      union all select employee_id, 'task:' || key, due, due from tasks
      union all select employee_id, 'task:' || key, due, due from weekly
      union all select employee_id, key, due, due - 14 from actions
      union all select employee_id, key, due, due from actions
    )
    select employee_id, key, to_char(due, 'YYYY-MM-DD') as due, to_char(remind, 'YYYY-MM-DD') as remind
    from dated
    where remind between ${day}::date - 7 and ${day}::date
  `;
}

/** The sweep's selection: its `listDeadlines` call, then its filter (open, reminder in [from, today]). */
async function sweepSelection(db: Parameters<typeof listDeadlines>[0], day: string) {
  const from = addDays(day, -CATCH_UP_DAYS);
  const deadlines = await sykefravaerDeadlines(db, { from, to: day, today: day });
  const planned: { employeeId: string; key: string; due: string; remind: string }[] = [];
  for (const d of deadlines) {
    if (!isOpenDeadline(d)) continue;
    for (const remind of new Set(d.reminderDates)) {
      if (remind >= from && remind <= day)
        planned.push({ employeeId: d.employeeId ?? '', key: d.itemKey, due: d.due, remind });
    }
  }
  return { deadlines: deadlines.length, planned };
}

const database = await openAppDatabase({ databaseUrl: benchUrl.toString(), poolSize: 4 });
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
  // Some done routine tasks (kontakt for ~20 %, this week's contact for ~5 %) and agreed actions
  // (~10 % of cases: one or two, deadlines today − 10 … today + 30, a fifth of them done).
  await sql`
    insert into task_record (organisation_id, employee_id, case_start, task_key, note, done_by)
    select organisation_id, employee_id, s, 'kontakt', null::text, null::uuid from gen where random() < 0.20
    union all
    select organisation_id, employee_id, s,
           'ukentlig-kontakt@' || to_char(s + 7 + 7 * ((${today}::date - s - 7) / 7), 'YYYY-MM-DD'), null, null
    from gen where random() < 0.05
  `.execute(db);
  await sql`
    insert into case_action (organisation_id, employee_id, case_start, source, source_id, position, what,
                             owner_kind, owner, deadline, done_at)
    select organisation_id, employee_id, s, 'oppfolgingsplan', gen_random_uuid(), n, 'Tiltak ' || n, 'leader', null,
           ${today}::date - 10 + (random() * 40)::int, case when random() < 0.2 then now() else null end
    from (select *, 0 as n from gen where random() < 0.10
          union all select *, 1 as n from gen where random() < 0.05) g
`.execute(db);
  await sql`analyze`.execute(db);
  const counts = await sql<{ periods: number; records: number; tasks: number; actions: number }>`
    select (select count(*)::int from absence_period) as periods, (select count(*)::int from milestone_record) as records,
           (select count(*)::int from task_record) as tasks, (select count(*)::int from case_action) as actions
  `.execute(db);
  const generated = performance.now() - t0;
  const c = counts.rows[0]!;
  console.log(
    `generated ${ORGS * PER_ORG} employees with an open case, ${c.periods} periods, ${c.records} milestone records, ${c.tasks} done tasks, ${c.actions} agreed actions in ${ms(generated)} (today ${today})`,
  );

  // ------------------------------------------------------------------ measure
  // Warm the caches once with each, then time each twice, alternating (same connection pool).
  await handWritten(today).execute(db);
  await sweepSelection(db, today);
  const timesList: number[] = [];
  const timesSql: number[] = [];
  let selection: Awaited<ReturnType<typeof sweepSelection>> | undefined;
  let rows: { employee_id: string; key: string; due: string; remind: string }[] = [];
  for (let i = 0; i < 2; i++) {
    const ta = performance.now();
    selection = await sweepSelection(db, today);
    timesList.push(performance.now() - ta);
    const tb = performance.now();
    rows = (await handWritten(today).execute(db)).rows;
    timesSql.push(performance.now() - tb);
  }
  const { deadlines, planned } = selection!;

  // ------------------------------------------------------------------ compare
  const uncovered = (key: string) => key === 'task:minn-om-aap';
  const fromSweep = new Set(
    planned.filter((d) => !uncovered(d.key)).map((d) => `${d.employeeId}|${d.key}|${d.due}|${d.remind}`),
  );
  const fromSql = new Set(rows.map((r) => `${r.employee_id}|${r.key}|${r.due}|${r.remind}`));
  const onlySweep = [...fromSweep].filter((k) => !fromSql.has(k));
  const onlySql = [...fromSql].filter((k) => !fromSweep.has(k));
  const byKind = new Map<string, number>();
  for (const d of planned) {
    const kind = d.key.startsWith('task:ukentlig-kontakt@')
      ? 'task:ukentlig-kontakt@…'
      : d.key.startsWith('action:')
        ? 'action:…'
        : d.key;
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }

  console.log(
    `sweep: listDeadlines(${addDays(today, -CATCH_UP_DAYS)} … ${today}) gave ${deadlines} deadlines;` +
      ` ${planned.length} reminders dated ${addDays(today, -CATCH_UP_DAYS)} … ${today} (${[...byKind]
        .sort((x, y) => y[1] - x[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}); not covered by the SQL: ${planned.filter((d) => uncovered(d.key)).length}`,
  );
  console.log(
    `hand-written SQL: ${rows.length} reminders; differences: ${onlySweep.length + onlySql.length}` +
      ` (only the sweep ${onlySweep.length}, only SQL ${onlySql.length})${onlySweep.length + onlySql.length > 0 ? ` e.g. ${[...onlySweep.slice(0, 3), ...onlySql.slice(0, 3)].join(' ; ')}` : ''}`,
  );
  console.log(`sweep selection:  ${timesList.map(ms).join(' / ')}`);
  console.log(`hand-written SQL: ${timesSql.map(ms).join(' / ')}`);
  const worst = Math.max(...timesList);
  const total = performance.now() - runStart;
  console.log(
    `sweep selection ${ms(worst)} at worst (goal < 30 s: ${worst < 30_000 ? 'met' : 'missed'}); whole run incl. data generation ${ms(total)}`,
  );
  console.log(
    `ratio sweep selection/sql: ${timesList.map((t, i) => (t / (timesSql[i] as number)).toFixed(2)).join(' / ')} (goal ≤ 1.5)`,
  );
} finally {
  await database.close();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
