/**
 * Migration 0044-job-crashes on a database that crashes had already damaged (issue 11, item 11):
 * a pending job with attempts 16 of 5 — still claimed every 300 s before — gets its extra attempts
 * counted as crashes: it is claimed again, and its next ordinary failure is retried instead of
 * killing it at once.
 */
import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { registry } from '../../src/app/registry.ts';
import { createPglite } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { PGliteDialect } from '../../src/db/pglite-dialect.ts';
import type { Database } from '../../src/db/schema.ts';
import { createWorker } from '../../src/jobs/index.ts';

describe('migration 0044-job-crashes', () => {
  it('turns the crash-inflated attempts of pending jobs into crashes, leaves done and dead jobs alone', async () => {
    const pglite = await createPglite('memory://');
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    try {
      const before = Object.fromEntries(
        Object.entries(registry.migrations).filter(([name]) => name < '0044'),
      );
      await migrateToLatest(db, { migrations: before });
      await sql`
        insert into job (key, kind, attempts, max_attempts, locked_by, locked_until) values
          ('inflated', 'k', 16, 5, 'host:1:dead', now() - interval '1 minute'),
          ('fresh', 'k', 0, 5, null, null);
        insert into job (key, kind, attempts, max_attempts, done_at) values ('done', 'k', 9, 5, now());
        insert into job (key, kind, attempts, max_attempts, failed_at) values ('dead', 'k', 5, 5, now());
      `.execute(db);
      await migrateToLatest(db, { migrations: registry.migrations });
      const rows = await db.selectFrom('job').select(['key', 'attempts', 'crashes']).orderBy('key').execute();
      expect(rows).toEqual([
        { key: 'dead', attempts: 5, crashes: 0 },
        { key: 'done', attempts: 9, crashes: 0 },
        { key: 'fresh', attempts: 0, crashes: 0 },
        { key: 'inflated', attempts: 16, crashes: 12 },
      ]);
      // The inflated job is claimed again (its stale claim counted as a crash) as attempt 4 of 5, and
      // its failure is retried: before, attempt 17 of 5 would have been its last.
      const seen: number[] = [];
      const worker = createWorker({
        db,
        handlers: {
          k: async (_p, ctx) => {
            seen.push(ctx.attempt);
            throw new Error('still failing');
          },
        },
        maxCrashes: 100,
      });
      expect(await worker.runOnce()).toEqual({ claimed: 2, done: 0, retried: 2, dead: 0 });
      expect(seen.sort()).toEqual([1, 4]);
      expect(
        await db
          .selectFrom('job')
          .select(['attempts', 'crashes'])
          .where('key', '=', 'inflated')
          .executeTakeFirst(),
      ).toEqual({ attempts: 17, crashes: 13 });
    } finally {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    }
  }, 120_000);
});
