/**
 * The employee list API for an organisation of 50 000 employees (paged, as HR sees it), against
 * the framework's bare JSON endpoint in the same process. 64 connections, loopback only.
 * Goals (issue 2): ≥ 0.3 × the bare endpoint's throughput, p99 ≤ 50 ms — on PGlite, and on
 * PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
 *
 * Measured as the server runs it (read caches on, kept fresh by the change feed), over 100
 * different pages; then, for reference, the same with the caches off (every request reads the
 * database: session, page and exact total).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { buildApp } from '../../src/app/build-app.ts';
import { migrateApp, openAppDatabase } from '../../src/app/database.ts';
import { createSession } from '../../src/modules/auth/sessions.ts';
import { load, loadGeneratorLabel } from '../load.ts';

const EMPLOYEES = 50_000;
const PAGES = 100;

/** The list's URL for each of the first PAGES pages. */
function pagePaths(url: string): string[] {
  const { pathname, search } = new URL(url);
  return Array.from({ length: PAGES }, (_, i) => `${pathname}${search}&page=${i + 1}`);
}

async function run(label: string, databaseUrl: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'naervaer-bench-emp-'));
  const database = await openAppDatabase(databaseUrl ? { databaseUrl } : { dataDir: join(dir, 'data') });
  const db = database.db;
  try {
    await migrateApp(db);
    const orgnr = String(100000000 + Math.floor(Math.random() * 1e6)).padEnd(9, '0');
    const org = await db
      .insertInto('organisation')
      .values({ name: 'Benchmark kommune', orgnr: orgnr.slice(0, 9) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await db
      .insertInto('unit')
      .values({ organisation_id: org.id, name: 'Alle' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`
      insert into employee (organisation_id, name, email, employment_start, position_percent, unit_id)
      select ${org.id}::uuid, 'Ansatt ' || lpad(i::text, 6, '0'), 'ansatt' || i || '@bench.example',
             date '2010-01-01' + (i % 4000), 100, ${unit.id}::uuid
      from generate_series(1, ${EMPLOYEES}) as i
    `.execute(db);
    await sql`analyze employee`.execute(db);
    const user = await db
      .insertInto('user_account')
      .values({ name: 'HR', email: `hr-${org.id}@bench.example`, password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('membership').values({ organisation_id: org.id, user_id: user.id }).execute();
    await db
      .insertInto('role_assignment')
      .values({ organisation_id: org.id, user_id: user.id, role: 'hr' })
      .execute();
    const { token } = await createSession(db, user.id, org.id, 2);

    const feed = database.changeFeed();
    for (let waited = 0; !feed.live && waited < 10_000; waited += 50) await sleep(50);
    if (!feed.live) throw new Error('the change feed did not come up');
    const headers = { cookie: `naervaer_session=${token}` };
    const listUrl = (base: string) => `${base}/api/v1/employees?pageSize=50`;

    async function serve(cached: boolean) {
      const app = await buildApp({ db, logLevel: 'silent', changeFeed: cached ? feed : undefined });
      app.get('/bench/bare', async () => ({ hello: 'world' }));
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const check = await fetch(`${listUrl(base)}&page=7`, { headers });
      const body = (await check.json()) as { total: number; items: unknown[] };
      if (check.status !== 200 || body.total !== EMPLOYEES || body.items.length !== 50) {
        throw new Error(`unexpected list response ${check.status} ${JSON.stringify(body).slice(0, 200)}`);
      }
      return { app, base };
    }

    console.log(`(load generator: ${loadGeneratorLabel()})`);
    const cached = await serve(true);
    await load(`${cached.base}/bench/bare`, {}); // warm-up
    const bare = await load(`${cached.base}/bench/bare`, {});
    // Warm-up like the bare endpoint's: each page once (a page's first read fills the cache).
    for (let page = 1; page <= PAGES; page++)
      await fetch(`${listUrl(cached.base)}&page=${page}`, { headers });
    const list = await load(listUrl(cached.base), headers, pagePaths(listUrl(cached.base)));
    await cached.app.close();
    const uncached = await serve(false);
    const cold = await load(listUrl(uncached.base), headers, pagePaths(listUrl(uncached.base)));
    await uncached.app.close();

    const ratio = list.rps / bare.rps;
    console.log(
      `[${label}] bare JSON endpoint: ${bare.rps.toFixed(0)} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms`,
    );
    console.log(
      `[${label}] employee list, caches off (reference: session, page and exact total read every time): ${cold.rps.toFixed(0)} req/s, p50 ${cold.p50} ms, p99 ${cold.p99} ms, errors ${cold.errors}`,
    );
    console.log(
      `[${label}] employee list (50 per page of ${EMPLOYEES}, ${PAGES} pages, as served): ${list.rps.toFixed(0)} req/s, p50 ${list.p50} ms, p99 ${list.p99} ms, errors ${list.errors}`,
    );
    console.log(
      `[${label}] ratio list/bare: ${ratio.toFixed(2)} (goal ≥ 0.3), p99 ${list.p99} ms (goal ≤ 50 ms)`,
    );
  } finally {
    if (databaseUrl) {
      await sql`delete from organisation where name = 'Benchmark kommune'`.execute(db).catch(() => undefined);
      await sql`delete from user_account where email like 'hr-%@bench.example'`
        .execute(db)
        .catch(() => undefined);
    }
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await run('PGlite', undefined);
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) await run('PostgreSQL', pgUrl);
else console.log('(set BENCH_DATABASE_URL or TEST_DATABASE_URL to measure PostgreSQL too)');
