/**
 * Two worker processes at once against one PostgreSQL database (only with TEST_DATABASE_URL).
 * The job lock is 1 s and the sweep takes ~2.5 s, so the second worker takes the sweep over while
 * the first still runs it: both sweep the same deadlines at the same time, then both send e-mail.
 * Every due reminder still reaches the SMTP server exactly once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabaseOf } from '../support/db.ts';
import { spawnWorker } from './support/child.ts';
import {
  expectDelivered,
  expectExactlyOnceAtSink,
  seedAndExpect,
  until,
  workerEnv,
} from './support/crash.ts';
import { startSmtpSink } from './support/smtp-sink.ts';

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('two workers on postgres', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('both run the sweep and send e-mail; every reminder is delivered exactly once', async () => {
    const pg = await createTestDatabaseOf('postgres');
    cleanup.push(() => pg.close());
    const expected = await seedAndExpect(pg.db);
    const sink = await startSmtpSink({ delayMs: 10 });
    cleanup.push(() => sink.close());
    const common = { WORKER_LOCK_SECONDS: '1', SWEEP_DELAY_MS: '8' };
    const workers = ['w1', 'w2'].map((id) =>
      spawnWorker(workerEnv({ url: pg.url }, sink, { ...common, WORKER_ID: id })),
    );
    cleanup.push(() => {
      for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
    });
    for (const w of workers) {
      await until(w, 'every e-mail at the SMTP server', () => sink.countsById().size >= expected.length);
    }
    for (const w of workers) await until(w, 'no job left', () => w.pending() === 0);
    for (const w of workers) expect(await w.kill('SIGTERM')).toBe(0);

    expectExactlyOnceAtSink(sink, expected);
    const { deliveries } = await expectDelivered(pg.db, expected);
    expect(workers.every((w) => w.progress() > 0)).toBe(true); // both ran the sweep
    expect(new Set(deliveries.map((d) => d.worker_id))).toEqual(new Set(['w1', 'w2'])); // both sent
  }, 60_000);
});
