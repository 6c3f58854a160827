/**
 * bench/risk — the organisation's heat map (`GET /api/v1/risiko/matrise`) and handlingsplan
 * (`GET /api/v1/risiko/handlingsplan`) for a municipality with 300 units and 20 000 risks (1 000
 * assessments of 20 risks, half of them with a residual score, and 10 000 tiltak), as HR, against the
 * framework's bare JSON endpoint in the same process. 64 connections.
 * Goal (issue 13): p99 ≤ 50 ms at 64 connections; ratio against the bare endpoint reported.
 * On PGlite, and on PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
 * (The photo-upload measurement belongs to the vernerunde, which is not built yet.)
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

const UNITS = 300;
const ASSESSMENTS = 1_000;
const RISKS_PER_ASSESSMENT = 20;
const PATHS = { matrix: '/api/v1/risiko/matrise', plan: '/api/v1/risiko/handlingsplan' };

async function run(label: string, databaseUrl: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'naervaer-bench-risk-'));
  const database = await openAppDatabase(databaseUrl ? { databaseUrl } : { dataDir: join(dir, 'data') });
  const db = database.db;
  const today = osloToday();
  try {
    const t0 = performance.now();
    const org = await db
      .insertInto('organisation')
      .values({ name: 'Benchmark kommune', orgnr: '920000003' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const o = org.id;
    const user = await db
      .insertInto('user_account')
      .values({ name: 'HR', email: `hr-${o}@risk.example`, password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('membership').values({ organisation_id: o, user_id: user.id }).execute();
    await db
      .insertInto('role_assignment')
      .values({ organisation_id: o, user_id: user.id, role: 'hr' })
      .execute();
    await sql`
      insert into unit (organisation_id, name)
      select ${o}::uuid, 'Enhet ' || lpad(i::text, 3, '0') from generate_series(1, ${UNITS}) as i
    `.execute(db);
    await db
      .insertInto('risk_criteria')
      .values({ organisation_id: o, text: 'Høy er ikke akseptabelt.', recorded_on: today })
      .execute();
    await sql`
      insert into risk_assessment (organisation_id, title, unit_id, responsible_user_id, responsible_name, participants, assessed_on, next_review)
      select ${o}::uuid, 'Vurdering ' || i,
             (select id from unit where organisation_id = ${o}::uuid order by name offset (i % ${UNITS}) limit 1),
             ${user.id}::uuid, 'HR', '[]'::jsonb, ${today}::date - (i % 300), ${today}::date + 65 + (i % 300)
      from generate_series(1, ${ASSESSMENTS}) as i
    `.execute(db);
    await sql`
      insert into risk_item (organisation_id, assessment_id, area, title, initial_p, initial_c, residual_p, residual_c)
      select a.organisation_id, a.id,
             (array['fysisk','ergonomisk','organisatorisk','kjemisk-biologisk','psykososial','mekanisk'])[1 + (n % 6)],
             'Fare ' || n, 1 + (n % 5), 1 + ((n / 5) % 5),
             case when n % 2 = 0 then 1 + (n % 3) end, case when n % 2 = 0 then 1 + ((n / 5) % 4) end
      from risk_assessment a cross join generate_series(1, ${RISKS_PER_ASSESSMENT}) as n
      where a.organisation_id = ${o}::uuid
    `.execute(db);
    await sql`
      insert into risk_tiltak (organisation_id, risk_id, text, owner_user_id, due, status, done_note, done_at)
      select r.organisation_id, r.id, 'Tiltak for ' || r.title, ${user.id}::uuid,
             ${today}::date + (r.initial_p * 17 + r.initial_c * 5) % 200,
             case when r.initial_p = 1 then 'utfort' else 'planlagt' end,
             case when r.initial_p = 1 then 'Gjort' end, case when r.initial_p = 1 then now() end
      from risk_item r where r.organisation_id = ${o}::uuid and (r.initial_p + r.initial_c) % 2 = 0
    `.execute(db);
    await sql`analyze`.execute(db);
    const counts = await sql<{ risks: string; tiltak: string }>`
      select (select count(*) from risk_item where organisation_id = ${o}::uuid) as risks,
             (select count(*) from risk_tiltak where organisation_id = ${o}::uuid) as tiltak
    `.execute(db);
    const { token } = await createSession(db, user.id, o, 2);
    const generated = performance.now() - t0;

    const feed = database.changeFeed();
    for (let waited = 0; !feed.live && waited < 10_000; waited += 50) await sleep(50);
    const app = await buildApp({ db, logLevel: 'silent', changeFeed: feed });
    app.get('/bench/bare', async () => ({ hello: 'world' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const headers = { cookie: `naervaer_session=${token}` };
    console.log(
      `[${label}] ${UNITS} units, ${counts.rows[0]?.risks} risks, ${counts.rows[0]?.tiltak} tiltak set up in ${(generated / 1000).toFixed(1)} s`,
    );
    for (const path of Object.values(PATHS)) {
      const probe = await fetch(`${base}${path}`, { headers });
      const text = await probe.text();
      if (probe.status !== 200)
        throw new Error(`unexpected ${path} response ${probe.status}: ${text.slice(0, 300)}`);
      const serial: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        const res = await fetch(`${base}${path}`, { headers });
        await res.arrayBuffer();
        serial.push(performance.now() - t);
      }
      serial.sort((a, b) => a - b);
      console.log(
        `[${label}] ${path}: ${text.length} bytes; one request at a time (20): median ${serial[10]?.toFixed(1)} ms, max ${serial[19]?.toFixed(1)} ms`,
      );
    }
    console.log(`(load generator: ${loadGeneratorLabel()})`);
    await load(`${base}/bench/bare`, {}); // warm-up
    const bare = await load(`${base}/bench/bare`, {});
    console.log(
      `[${label}] bare JSON endpoint: ${bare.rps.toFixed(0)} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms`,
    );
    for (const [name, path] of Object.entries(PATHS)) {
      const m = await load(`${base}${path}`, headers);
      console.log(
        `[${label}] ${name}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, errors ${m.errors}; ratio ${(m.rps / bare.rps).toFixed(3)} (goal p99 ≤ 50 ms: ${m.p99 <= 50 ? 'met' : 'missed'})`,
      );
    }
    await app.close();
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.BENCH_RISK_ONLY !== 'postgres') await run('PGlite', undefined);
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const dbName = `naervaer_bench_risk_${process.pid}`;
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
