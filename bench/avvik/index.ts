/**
 * bench/avvik — issue 14's measurements, each against a baseline in the same run:
 * 1. **Report submission**: `BENCH_AVVIK_SUBMISSIONS` (default 1 000) reports, 64 at a time, each
 *    the phone's two requests — `POST /api/v1/avvik` (JSON) and `POST /api/v1/avvik/:id/bilder` with a
 *    300 kB photo — then none lost (every id stored once with its photo) and none doubled (a replay of
 *    100 of them writes nothing). Baseline: the same two requests to bare Fastify routes that parse
 *    the same JSON and read the same multipart file. Goal: p99 ≤ 500 ms.
 * 2. **List and trends** for an organisation with `BENCH_AVVIK_ROWS` (default 200 000) avvik over
 *    5 years, as HR: `GET /api/v1/avvik?scope=handle` and `GET /api/v1/avvik/trender?months=60`,
 *    64 connections (autocannon), against the framework's bare JSON endpoint. Goal: trends p99 ≤ 100 ms;
 *    the trend endpoint one request at a time against the hand-written SQL of the same aggregation
 *    (goal ≤ 1.5 ×).
 * On PGlite, and on PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
 */
import { randomBytes, randomUUID } from 'node:crypto';
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
import { CONNECTIONS, load, loadGeneratorLabel } from '../load.ts';

const ROWS = Number(process.env.BENCH_AVVIK_ROWS ?? 200_000);
const SUBMISSIONS = Number(process.env.BENCH_AVVIK_SUBMISSIONS ?? 1_000);
const UNITS = 50;
const PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(300 * 1024 - 4)]);
const PATHS = { list: '/api/v1/avvik?scope=handle', trends: '/api/v1/avvik/trender?months=60' };

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

function photoForm(photoId: string): FormData {
  const form = new FormData();
  form.set('photoId', photoId);
  form.set('photo', new Blob([PHOTO], { type: 'image/jpeg' }), 'bilde.jpg');
  return form;
}

/** Runs `n` submissions `CONNECTIONS` at a time; each one's time (ms) and the count of failures. */
async function submit(
  n: number,
  one: (i: number) => Promise<void>,
): Promise<{ times: number[]; failed: number; seconds: number }> {
  const times: number[] = [];
  let failed = 0;
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const t = performance.now();
      try {
        await one(i);
        times.push(performance.now() - t);
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  times.sort((a, b) => a - b);
  return { times, failed, seconds: (performance.now() - t0) / 1000 };
}

async function run(label: string, databaseUrl: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'naervaer-bench-avvik-'));
  const database = await openAppDatabase(databaseUrl ? { databaseUrl } : { dataDir: join(dir, 'data') });
  const db = database.db;
  const today = osloToday();
  try {
    const t0 = performance.now();
    const o = (
      await db
        .insertInto('organisation')
        .values({ name: 'Benchmark kommune', orgnr: '920000003' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const user = await db
      .insertInto('user_account')
      .values({ name: 'HR', email: `hr-${o}@avvik.example`, password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('membership').values({ organisation_id: o, user_id: user.id }).execute();
    await db
      .insertInto('role_assignment')
      .values([
        { organisation_id: o, user_id: user.id, role: 'hr' },
        { organisation_id: o, user_id: user.id, role: 'ansatt' },
      ])
      .execute();
    await sql`
      insert into unit (organisation_id, name)
      select ${o}::uuid, 'Enhet ' || lpad(i::text, 3, '0') from generate_series(1, ${UNITS}) as i
    `.execute(db);
    const units = (
      await db.selectFrom('unit').select('id').where('organisation_id', '=', o).orderBy('name').execute()
    ).map((u) => u.id);
    // 200 000 avvik spread over the last 5 years; 90 % closed; a tiltak on every tenth.
    await sql`
      insert into avvik (organisation_id, id, reporter_user_id, category, status, description, unit_id,
                         occurred_at, reported_at, severity, closed_at, verification_note, closed_by)
      select ${o}::uuid, gen_random_uuid(), ${user.id}::uuid,
             (array['hms','ruh','personskade','yrkessykdom','miljo','kvalitet','personvern'])[1 + (i % 7)],
             case when i % 10 = 0 then 'ny' else 'lukket' end,
             'Hendelse ' || i,
             (${sql.raw(`array[${units.map((u) => `'${u}'::uuid`).join(',')}]`)})[1 + (i % ${UNITS})],
             now() - ((i % 1825) || ' days')::interval - ((i % 24) || ' hours')::interval,
             now() - ((i % 1825) || ' days')::interval,
             1 + (i % 5),
             case when i % 10 = 0 then null else now() - ((i % 1825) || ' days')::interval + ((i % 30) || ' days')::interval end,
             case when i % 10 = 0 then null else 'Kontrollert' end,
             case when i % 10 = 0 then null else ${user.id}::uuid end
      from generate_series(1, ${ROWS}) as i
    `.execute(db);
    await sql`
      insert into avvik_tiltak (organisation_id, avvik_id, text, owner_user_id, due)
      select a.organisation_id, a.id, 'Tiltak', ${user.id}::uuid, ${today}::date - 10 + (row_number() over () % 40)::int
      from avvik a where a.organisation_id = ${o}::uuid and a.status = 'ny' and a.description like '%0'
    `.execute(db);
    await sql`analyze`.execute(db);
    const { token, session } = await createSession(db, user.id, o, 2);
    const generated = performance.now() - t0;

    const feed = database.changeFeed();
    for (let waited = 0; !feed.live && waited < 10_000; waited += 50) await sleep(50);
    const app = await buildApp({ db, logLevel: 'silent', changeFeed: feed });
    app.get('/bench/bare', async () => ({ hello: 'world' }));
    app.post('/bench/bare', async (request) => ({ id: (request.body as { id?: string }).id ?? null }));
    app.post('/bench/bare-photo', async (request) => {
      const file = await request.file();
      return { size: file ? (await file.toBuffer()).length : 0 };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const headers = { cookie: `naervaer_session=${token}`, 'x-csrf-token': session.csrfToken };
    console.log(
      `[${label}] ${UNITS} units, ${ROWS} avvik over 5 years set up in ${(generated / 1000).toFixed(1)} s`,
    );

    // ——— 1. Report submissions (JSON + a 300 kB photo) ————————————————————————————————
    const reports = Array.from({ length: SUBMISSIONS }, () => ({ id: randomUUID(), photoId: randomUUID() }));
    const before = Number(
      (
        await db
          .selectFrom('avvik')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('organisation_id', '=', o)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const send = async (i: number, prefix: string) => {
      const r = reports[i];
      if (!r) throw new Error('no report');
      const body = {
        id: r.id,
        category: 'ruh',
        description: `Glatt gulv ${i}`,
        unitId: units[i % UNITS],
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
      };
      const a = await fetch(`${base}${prefix === 'bare' ? '/bench/bare' : '/api/v1/avvik'}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await a.arrayBuffer();
      if (a.status !== 201 && a.status !== 200) throw new Error(`report ${a.status}`);
      const b = await fetch(
        `${base}${prefix === 'bare' ? '/bench/bare-photo' : `/api/v1/avvik/${r.id}/bilder`}`,
        { method: 'POST', headers, body: photoForm(r.photoId) },
      );
      await b.arrayBuffer();
      if (b.status !== 201 && b.status !== 200) throw new Error(`photo ${b.status}`);
    };
    const bareSubmit = await submit(SUBMISSIONS, (i) => send(i, 'bare'));
    const realSubmit = await submit(SUBMISSIONS, (i) => send(i, 'api'));
    const replay = await submit(100, (i) => send(i, 'api'));
    const after = await sql<{ avvik: string; photos: string; doubled: string }>`
      select (select count(*) from avvik where organisation_id = ${o}::uuid) as avvik,
             (select count(*) from avvik_photo where organisation_id = ${o}::uuid) as photos,
             (select count(*) from (select avvik_id from avvik_photo where organisation_id = ${o}::uuid
                                    group by avvik_id having count(*) > 1) d) as doubled
    `.execute(db);
    const stored = Number(after.rows[0]?.avvik) - before;
    const photos = Number(after.rows[0]?.photos);
    console.log(
      `[${label}] bare submit (JSON + 300 kB multipart): ${(SUBMISSIONS / bareSubmit.seconds).toFixed(0)} reports/s, p50 ${pct(bareSubmit.times, 50).toFixed(0)} ms, p99 ${pct(bareSubmit.times, 99).toFixed(0)} ms, failed ${bareSubmit.failed}`,
    );
    console.log(
      `[${label}] report submit: ${(SUBMISSIONS / realSubmit.seconds).toFixed(0)} reports/s, p50 ${pct(realSubmit.times, 50).toFixed(0)} ms, p99 ${pct(realSubmit.times, 99).toFixed(0)} ms, failed ${realSubmit.failed}; ratio p99 ${(pct(realSubmit.times, 99) / pct(bareSubmit.times, 99)).toFixed(2)} × bare (goal p99 ≤ 500 ms: ${pct(realSubmit.times, 99) <= 500 ? 'met' : 'missed'})`,
    );
    console.log(
      `[${label}] none lost, none doubled: ${stored} of ${SUBMISSIONS} reports stored, ${photos} photos, ${after.rows[0]?.doubled} with a doubled photo; a replay of 100 (failed ${replay.failed}) wrote nothing: ${stored === SUBMISSIONS && photos === SUBMISSIONS ? 'yes' : 'NO'}`,
    );

    // ——— 2. List and trends under load ——————————————————————————————————————————————
    for (const path of Object.values(PATHS)) {
      const probe = await fetch(`${base}${path}`, { headers });
      const text = await probe.text();
      if (probe.status !== 200) throw new Error(`unexpected ${path} ${probe.status}: ${text.slice(0, 300)}`);
      const serial: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await (await fetch(`${base}${path}`, { headers })).arrayBuffer();
        serial.push(performance.now() - t);
      }
      serial.sort((a, b) => a - b);
      console.log(
        `[${label}] ${path}: ${text.length} bytes; one at a time (20): median ${pct(serial, 50).toFixed(1)} ms, max ${serial.at(-1)?.toFixed(1)} ms`,
      );
    }
    // The hand-written SQL of the trend aggregation (the same grouping, filter and overdue count).
    const from = new Date(Date.now() - 60 * 31 * 86_400_000).toISOString().slice(0, 10);
    const hand: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await sql`
        select to_char(occurred_at at time zone 'Europe/Oslo', 'YYYY-MM') as month, category, count(*),
               avg(severity), count(closed_at), avg(extract(epoch from (closed_at - reported_at)) / 86400)
        from avvik where organisation_id = ${o}::uuid and occurred_at >= ${from}::date
        group by 1, 2
      `.execute(db);
      await sql`
        select count(*) from avvik_tiltak t join avvik a on a.organisation_id = t.organisation_id and a.id = t.avvik_id
        where t.organisation_id = ${o}::uuid and t.done_at is null and t.due < ${today}::date
      `.execute(db);
      hand.push(performance.now() - t);
    }
    hand.sort((a, b) => a - b);
    const endpoint: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await (await fetch(`${base}${PATHS.trends}`, { headers })).arrayBuffer();
      endpoint.push(performance.now() - t);
    }
    endpoint.sort((a, b) => a - b);
    const handRatio = pct(endpoint, 50) / pct(hand, 50);
    console.log(
      `[${label}] trends endpoint median ${pct(endpoint, 50).toFixed(1)} ms vs hand-written SQL median ${pct(hand, 50).toFixed(1)} ms: ratio ${handRatio.toFixed(2)} (goal ≤ 1.5: ${handRatio <= 1.5 ? 'met' : 'missed'})`,
    );

    console.log(`(load generator: ${loadGeneratorLabel()})`);
    await load(`${base}/bench/bare`, {}); // warm-up
    const bare = await load(`${base}/bench/bare`, {});
    console.log(
      `[${label}] bare JSON endpoint: ${bare.rps.toFixed(0)} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms`,
    );
    for (const [name, path] of Object.entries(PATHS)) {
      const m = await load(`${base}${path}`, headers);
      const goal = name === 'trends' ? ` (goal p99 ≤ 100 ms: ${m.p99 <= 100 ? 'met' : 'missed'})` : '';
      console.log(
        `[${label}] ${name}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, errors ${m.errors}; ratio ${(m.rps / bare.rps).toFixed(3)} of bare${goal}`,
      );
    }
    await app.close();
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.BENCH_AVVIK_ONLY !== 'postgres') await run('PGlite', undefined);
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const dbName = `naervaer_bench_avvik_${process.pid}`;
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
