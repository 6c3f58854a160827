/**
 * bench/ik-dashboard — the IK-f § 5 dashboard (`GET /api/v1/internkontroll/dashboard`) for one
 * organisation with 5 000 employees and a year of records, against the framework's bare JSON
 * endpoint in the same process. 64 connections.
 *
 * The organisation (set-based inserts): 5 000 employees in 10 units; 5 verneområder with a
 * verneombud each, a hovedverneombud, a daglig leder, 6 AMU members and a BHT contact; 5 000
 * first-aid records plus the leader's and the VO/AMU training; 8 routines confirmed by everyone
 * (40 000 confirmations); 5 goals; a saved profile and the year's årshjul with 12 items done.
 * Goal (issue 12): p99 ≤ 50 ms at 64 connections; ratio against the bare endpoint reported.
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
import { EMPTY_PROFILE, seedCompanyProfile, syncAllArshjul } from '../../src/modules/internkontroll/index.ts';
import { osloToday } from '../../src/platform/clock.ts';
import { load, loadGeneratorLabel } from '../load.ts';

const EMPLOYEES = 5_000;
const PATH = '/api/v1/internkontroll/dashboard';

async function run(label: string, databaseUrl: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'naervaer-bench-ik-'));
  const database = await openAppDatabase(databaseUrl ? { databaseUrl } : { dataDir: join(dir, 'data') });
  const db = database.db;
  const today = osloToday();
  const year = Number(today.slice(0, 4));
  try {
    const t0 = performance.now();
    const org = await db
      .insertInto('organisation')
      .values({ name: 'Benchmark IK', orgnr: '920000002' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const o = org.id;
    await sql`
      insert into unit (organisation_id, name)
      select ${o}::uuid, 'Enhet ' || i from generate_series(1, 10) as i
    `.execute(db);
    await sql`
      insert into employee (organisation_id, name, email, employment_start, position_percent, unit_id)
      select ${o}::uuid, 'Ansatt ' || lpad(i::text, 5, '0'), 'ik' || i || '@ik.example',
             date '2012-01-01' + (i % 3000), case when i % 4 = 0 then 50 else 100 end,
             (select id from unit where organisation_id = ${o}::uuid order by name offset (i % 10) limit 1)
      from generate_series(1, ${EMPLOYEES}) as i
    `.execute(db);
    await sql`
      insert into verneomrade (organisation_id, name)
      select ${o}::uuid, 'Område ' || i from generate_series(1, 5) as i
    `.execute(db);
    // Roles: employees 1 (daglig leder), 2–6 (VO per area), 7 (HVO), 8–13 (AMU), and a BHT contact.
    const emp = (n: number) =>
      sql`(select id from employee where organisation_id = ${o}::uuid and name = ${`Ansatt ${String(n).padStart(5, '0')}`})`;
    const since = `${year - 1}-03-01`;
    const until = `${year + 1}-02-28`;
    await sql`insert into hms_role (organisation_id, kind, employee_id, term_start, how)
      values (${o}::uuid, 'daglig-leder', ${emp(1)}, date '2015-01-01', 'utpekt')`.execute(db);
    for (let area = 1; area <= 5; area++) {
      await sql`insert into hms_role (organisation_id, kind, employee_id, verneomrade_id, term_start, term_end, how)
        values (${o}::uuid, 'verneombud', ${emp(1 + area)},
          (select id from verneomrade where organisation_id = ${o}::uuid and name = ${`Område ${area}`}),
          ${since}::date, ${until}::date, 'valgt')`.execute(db);
    }
    await sql`insert into hms_role (organisation_id, kind, employee_id, term_start, term_end, how)
      values (${o}::uuid, 'hovedverneombud', ${emp(7)}, ${since}::date, ${until}::date, 'valgt')`.execute(db);
    for (let n = 8; n <= 13; n++) {
      await sql`insert into hms_role (organisation_id, kind, employee_id, term_start, term_end, how)
        values (${o}::uuid, ${n <= 10 ? 'amu-arbeidsgiver' : 'amu-arbeidstaker'}, ${emp(n)}, ${since}::date, ${until}::date, 'valgt')`.execute(
        db,
      );
    }
    await sql`insert into hms_role (organisation_id, kind, person_name, provider_name, term_start, how)
      values (${o}::uuid, 'bht-kontakt', 'Berit Bedriftshelse', 'BHT Vest', date '2020-01-01', 'utpekt')`.execute(
      db,
    );
    await sql`
      insert into training_record (organisation_id, employee_id, course, completed_on, hours, provider, expires_on)
      select ${o}::uuid, id, 'forstehjelp', ${today}::date - 200, 4, 'Røde Kors', ${today}::date + 530
      from employee where organisation_id = ${o}::uuid
    `.execute(db);
    await sql`
      insert into training_record (organisation_id, employee_id, course, completed_on, hours, provider)
      select ${o}::uuid, employee_id, case when kind = 'daglig-leder' then 'hms-leder' else 'vo-amu-40t' end,
             ${today}::date - 300, 40, 'HMS-kurs AS'
      from hms_role where organisation_id = ${o}::uuid and employee_id is not null
    `.execute(db);
    await sql`
      insert into hms_routine (organisation_id, title, category, review_due)
      select ${o}::uuid, 'Rutine ' || i, (array['avvik','varsling','introduksjon','forstehjelp','brann','annet','annet','annet'])[i],
             ${today}::date + 100 + i
      from generate_series(1, 8) as i
    `.execute(db);
    await sql`
      insert into hms_routine_version (organisation_id, routine_id, version, body)
      select organisation_id, id, 1, 'Slik gjør vi det hos oss.' from hms_routine where organisation_id = ${o}::uuid
    `.execute(db);
    await sql`
      insert into routine_confirmation (organisation_id, routine_id, version, employee_id)
      select ${o}::uuid, r.id, 1, e.id
      from hms_routine r cross join employee e
      where r.organisation_id = ${o}::uuid and e.organisation_id = ${o}::uuid
    `.execute(db);
    await sql`
      insert into hms_goal (organisation_id, year, title)
      select ${o}::uuid, ${year}, 'Mål ' || i from generate_series(1, 5) as i
    `.execute(db);
    await seedCompanyProfile(db, o, {
      ...EMPTY_PROFILE,
      hiredWorkers: 20,
      nace: { system: 'SN2025', code: '86.10', label: 'Sykehus' },
      hazardousChemicals: true,
      biologicalAgents: true,
      nightWorkMainly: true,
    });
    await syncAllArshjul(db, today);
    await sql`
      update arshjul_item set done_at = now(), done_note = 'Gjort'
      where organisation_id = ${o}::uuid and id in (
        select id from arshjul_item where organisation_id = ${o}::uuid and year = ${year} order by due limit 12)
    `.execute(db);
    await sql`analyze`.execute(db);
    const user = await db
      .insertInto('user_account')
      .values({ name: 'HR', email: `hr-${o}@ik.example`, password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('membership').values({ organisation_id: o, user_id: user.id }).execute();
    await db
      .insertInto('role_assignment')
      .values({ organisation_id: o, user_id: user.id, role: 'hr' })
      .execute();
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

    const probe = await fetch(`${base}${PATH}`, { headers });
    const text = await probe.text();
    if (probe.status !== 200)
      throw new Error(`unexpected ${PATH} response ${probe.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as { points: { point: number; status: string }[] };
    console.log(
      `[${label}] ${EMPLOYEES} employees and a year of records set up in ${(generated / 1000).toFixed(1)} s;` +
        ` points ${body.points.map((p) => `${p.point}:${p.status}`).join(' ')}, ${text.length} bytes`,
    );
    const serial: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const res = await fetch(`${base}${PATH}`, { headers });
      await res.arrayBuffer();
      serial.push(performance.now() - t);
    }
    serial.sort((a, b) => a - b);
    console.log(
      `[${label}] one request at a time (20): median ${serial[10]?.toFixed(1)} ms, max ${serial[19]?.toFixed(1)} ms`,
    );
    console.log(`(load generator: ${loadGeneratorLabel()})`);
    await load(`${base}/bench/bare`, {}); // warm-up
    const bare = await load(`${base}/bench/bare`, {});
    const ik = await load(`${base}${PATH}`, headers);
    await app.close();
    console.log(
      `[${label}] bare JSON endpoint: ${bare.rps.toFixed(0)} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms`,
    );
    console.log(
      `[${label}] IK dashboard: ${ik.rps.toFixed(0)} req/s, p50 ${ik.p50} ms, p99 ${ik.p99} ms, errors ${ik.errors}`,
    );
    console.log(
      `[${label}] ratio dashboard/bare: ${(ik.rps / bare.rps).toFixed(3)}, p99 ${ik.p99} ms (goal ≤ 50 ms: ${ik.p99 <= 50 ? 'met' : 'missed'})`,
    );
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.BENCH_IK_ONLY !== 'postgres') await run('PGlite', undefined);
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const dbName = `naervaer_bench_ik_${process.pid}`;
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
