/**
 * bench/dashboard — "Mine oppgaver" for a leader with 40 people in an organisation of 50 000
 * employees, against the framework's bare JSON endpoint in the same process. 64 connections.
 *
 * The organisation (set-based inserts): 50 000 employees, 2 000 of them (4 %) with a current case
 * of 3 periods spread over the organisation, plus the leader's 40 people, 10 of whom have an open
 * case (egenmelding, 100 % sykmelding, then a graded one). The leader logs in with the `leder` role.
 * Measures `GET /api/v1/sykefravaer/oppgaver` when that route exists, else `GET
 * /api/v1/sykefravaer/cases` (what the front page uses today) — the output says which.
 * Goals (issue 4): p99 ≤ 50 ms at 64 connections; ratio against the bare endpoint reported.
 * On PGlite, and on PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../src/app/build-app.ts';
import { openAppDatabase } from '../../src/app/database.ts';
import { createSession } from '../../src/modules/auth/sessions.ts';
import { osloToday } from '../../src/platform/clock.ts';
import { load, loadGeneratorLabel } from '../load.ts';

const EMPLOYEES = 50_000;
const TEAM = 40;
const TEAM_CASES = 10;
async function run(label: string, databaseUrl: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'naervaer-bench-dash-'));
  const database = await openAppDatabase(databaseUrl ? { databaseUrl } : { dataDir: join(dir, 'data') });
  const db = database.db;
  const today = osloToday();
  try {
    const t0 = performance.now();
    const org = await db
      .insertInto('organisation')
      .values({ name: 'Benchmark dashboard', orgnr: '920000001' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await db
      .insertInto('unit')
      .values({ organisation_id: org.id, name: 'Alle' })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Employees 1–50 are leaders of the others (the bench leader is employee 1, with 40 people).
    await sql`
      insert into employee (organisation_id, name, email, employment_start, position_percent, unit_id)
      select ${org.id}::uuid, 'Ansatt ' || lpad(i::text, 6, '0'), 'ansatt' || i || '@dash.example',
             date '2010-01-01' + (i % 4000), 100, ${unit.id}::uuid
      from generate_series(1, ${EMPLOYEES}) as i
    `.execute(db);
    await sql`
      with numbered as (
        select id, (substring(name from 8))::int as i from employee where organisation_id = ${org.id}::uuid
      ), leaders as (select id, i from numbered where i <= 50)
      update employee e set leader_id = l.id
      from numbered n, leaders l
      where e.organisation_id = ${org.id}::uuid and e.id = n.id and n.i > 50
        and l.i = case when n.i <= 50 + ${TEAM} then 1 else 2 + (n.i % 49) end
    `.execute(db);
    // Open cases: the first TEAM_CASES of the leader's people, and every 25th employee elsewhere.
    await sql`
      create temporary table dash_case as
      select e.id as employee_id, ${today}::date - 5 - ((substring(e.name from 8))::int * 7 % 200) as s
      from employee e
      where e.organisation_id = ${org.id}::uuid
        and ((substring(e.name from 8))::int between 51 and ${50 + TEAM_CASES}
             or ((substring(e.name from 8))::int > ${50 + TEAM} and (substring(e.name from 8))::int % 25 = 0))
    `.execute(db);
    await sql`
      insert into sykefravaer_followup (organisation_id, employee_id)
      select ${org.id}::uuid, employee_id from dash_case
    `.execute(db);
    await sql`
      insert into absence_period (organisation_id, employee_id, type, start_date, end_date, grade)
      select ${org.id}::uuid, employee_id, 'egenmelding', s, s + 2, null from dash_case
      union all
      select ${org.id}::uuid, employee_id, 'sykmelding', s + 3, s + 30, 100 from dash_case
      union all
      select ${org.id}::uuid, employee_id, 'sykmelding', s + 31, greatest(s + 60, ${today}::date + 14), 50 from dash_case
    `.execute(db);
    await sql`drop table dash_case`.execute(db);
    await sql`analyze`.execute(db);
    const leader = await db
      .selectFrom('employee')
      .select('id')
      .where('organisation_id', '=', org.id)
      .where('name', '=', 'Ansatt 000001')
      .executeTakeFirstOrThrow();
    const team = await db
      .selectFrom('employee')
      .select('id')
      .where('organisation_id', '=', org.id)
      .where('leader_id', '=', leader.id)
      .execute();
    const user = await db
      .insertInto('user_account')
      .values({ name: 'Leder', email: `leder-${org.id}@dash.example`, password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('membership')
      .values({ organisation_id: org.id, user_id: user.id, employee_id: leader.id })
      .execute();
    await db
      .insertInto('role_assignment')
      .values({ organisation_id: org.id, user_id: user.id, role: 'leder' })
      .execute();
    const { token } = await createSession(db, user.id, org.id, 2);
    const generated = performance.now() - t0;

    const feed = database.changeFeed();
    for (let waited = 0; !feed.live && waited < 10_000; waited += 50) await sleep(50);
    const app = await buildApp({ db, logLevel: 'silent', changeFeed: feed });
    app.get('/bench/bare', async () => ({ hello: 'world' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const headers = { cookie: `naervaer_session=${token}` };

    let path = '/api/v1/sykefravaer/oppgaver';
    let probe = await fetch(`${base}${path}`, { headers });
    if (probe.status === 404) {
      const text = await probe.text();
      if (text.includes('Route GET') || text.includes('not found') || text.includes('NOT_FOUND')) {
        path = '/api/v1/sykefravaer/cases';
        probe = await fetch(`${base}${path}`, { headers });
      }
    }
    const text = await probe.text();
    const teamIds = new Set(team.map((t) => t.id));
    const mentioned = [...teamIds].filter((id) => text.includes(id)).length;
    if (probe.status !== 200 || mentioned < TEAM_CASES) {
      throw new Error(`unexpected ${path} response ${probe.status}: ${text.slice(0, 300)}`);
    }
    if (path.endsWith('/cases')) {
      const body = JSON.parse(text) as { items: { employeeId: string }[] };
      if (body.items.length !== TEAM_CASES || !body.items.every((i) => teamIds.has(i.employeeId))) {
        throw new Error(`expected the leader's ${TEAM_CASES} cases, got ${body.items.length}`);
      }
    }
    const parsed = JSON.parse(text) as { items?: unknown[] };
    console.log(
      `[${label}] ${EMPLOYEES} employees, ${team.length} led by the leader, set up in ${(generated / 1000).toFixed(1)} s;` +
        ` measuring GET ${path}${path.endsWith('/cases') ? ' (no /oppgaver route yet: the case list the front page uses)' : ''}` +
        ` — ${parsed.items?.length ?? '?'} items, ${text.length} bytes, mentions ${mentioned} of the leader's people`,
    );

    // One request at a time: the latency without queueing.
    const serial: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const res = await fetch(`${base}${path}`, { headers });
      await res.arrayBuffer();
      serial.push(performance.now() - t);
    }
    serial.sort((a, b) => a - b);
    console.log(
      `[${label}] one request at a time (20): median ${serial[10]!.toFixed(1)} ms, max ${serial[19]!.toFixed(1)} ms`,
    );
    console.log(`(load generator: ${loadGeneratorLabel()})`);
    await load(`${base}/bench/bare`, {}); // warm-up
    const bare = await load(`${base}/bench/bare`, {});
    const tasks = await load(`${base}${path}`, headers);
    await app.close();
    console.log(
      `[${label}] bare JSON endpoint: ${bare.rps.toFixed(0)} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms`,
    );
    console.log(
      `[${label}] Mine oppgaver (${path}): ${tasks.rps.toFixed(0)} req/s, p50 ${tasks.p50} ms, p99 ${tasks.p99} ms, errors ${tasks.errors}`,
    );
    console.log(
      `[${label}] ratio oppgaver/bare: ${(tasks.rps / bare.rps).toFixed(3)}, p99 ${tasks.p99} ms (goal ≤ 50 ms: ${tasks.p99 <= 50 ? 'met' : 'missed'})`,
    );
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.BENCH_DASHBOARD_ONLY !== 'postgres') await run('PGlite', undefined);
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  // A dedicated database, dropped at the end.
  const dbName = `naervaer_bench_dashboard_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(pgUrl);
  url.pathname = `/${dbName}`;
  try {
    await run('PostgreSQL', url.toString());
  } finally {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
} else console.log('(set BENCH_DATABASE_URL or TEST_DATABASE_URL to measure PostgreSQL too)');
