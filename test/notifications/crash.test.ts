/**
 * Crash safety of the reminder sweep with real worker processes: test/notifications/fixtures/worker.ts
 * runs the real `startWorkerProcess` (database from the environment, job runner, scheduler, sweep,
 * SMTP mailer) with a fixed deadline source, against a real SMTP server. SIGKILL in the middle of
 * the sweep, twice, then a restart: every due reminder reached the SMTP server exactly once — on
 * PGlite on disk (each restart takes over the dead process's lock) and on PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openAppDatabase } from '../../src/app/database.ts';
import { createTestDatabaseOf, type TestDatabase } from '../support/db.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { spawnWorker } from './support/child.ts';
import {
  expectDelivered,
  expectExactlyOnceAtSink,
  seedAndExpect,
  until,
  workerEnv,
} from './support/crash.ts';
import { startSmtpSink } from './support/smtp-sink.ts';

describeEachDatabase('crash safety on %s', (kind) => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('SIGKILL mid-sweep, twice, then a restart: every reminder is delivered exactly once', async () => {
    let pg: TestDatabase | undefined;
    let dataDir: string | undefined;
    let expected: string[];
    if (kind === 'postgres') {
      pg = await createTestDatabaseOf('postgres');
      cleanup.push(() => pg?.close());
      expected = await seedAndExpect(pg.db);
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'naervaer-crash-'));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      dataDir = join(dir, 'data');
      const opened = await openAppDatabase({ dataDir });
      expected = await seedAndExpect(opened.db);
      await opened.close();
    }
    expect(expected).toHaveLength(300);
    const sink = await startSmtpSink({ delayMs: 10 });
    cleanup.push(() => sink.close());
    // A short job lock, so a restarted worker may take the dead one's sweep over after 1 s.
    const env = workerEnv({ url: pg?.url, dataDir }, sink, { WORKER_LOCK_SECONDS: '1', SWEEP_DELAY_MS: '5' });
    /** The database as the crashed worker left it (PGlite: opened here, taking over the dead process's lock). */
    const inspect = async <T>(read: (db: NonNullable<typeof pg>['db']) => Promise<T>): Promise<T> => {
      if (pg) return read(pg.db);
      const opened = await openAppDatabase({ dataDir: dataDir!, migrate: false });
      try {
        return await read(opened.db);
      } finally {
        await opened.close();
      }
    };
    const inboxCount = () =>
      inspect(async (db) => (await db.selectFrom('notification').select('key').execute()).length);

    const first = spawnWorker(env);
    await until(first, 'the first worker to be a fifth into the sweep', () => first.progress() >= 60);
    await first.kill('SIGKILL');
    const afterFirst = await inboxCount();
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(expected.length);
    expect(sink.messages).toHaveLength(0); // mail jobs wait until the sweep's batch is over: none ran

    const second = spawnWorker(env);
    await until(second, 'the second worker to be two thirds into the sweep', () => second.progress() >= 190);
    await second.kill('SIGKILL');
    const afterSecond = await inboxCount();
    expect(afterSecond).toBeGreaterThan(afterFirst);
    expect(afterSecond).toBeLessThan(expected.length);

    const third = spawnWorker(env);
    await until(third, 'every e-mail at the SMTP server', () => sink.countsById().size >= expected.length);
    await until(third, 'no job left', () => third.pending() === 0);
    expect(await third.kill('SIGTERM')).toBe(0);

    expectExactlyOnceAtSink(sink, expected);
    const sweep = await inspect(async (db) => (await expectDelivered(db, expected)).sweep);
    expect(sweep.attempts).toBeGreaterThanOrEqual(3); // the sweep was claimed by each of the three processes
  }, 90_000);
});
