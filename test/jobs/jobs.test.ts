import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openAppDatabase } from '../../src/app/database.ts';
import type { Database } from '../../src/db/schema.ts';
import {
  crashLimitMessage,
  createWorker,
  enqueue,
  type JobHandler,
  listFailedJobs,
  retryJob,
} from '../../src/jobs/index.ts';
import { createTestDatabaseOf, type TestDatabase } from '../support/db.ts';
import { describeEachDatabase } from '../support/each-database.ts';

async function jobsOf(db: Kysely<Database>, keyPrefix: string) {
  return db
    .selectFrom('job')
    .selectAll()
    .where(sql<boolean>`starts_with(key, ${keyPrefix})`)
    .orderBy('id')
    .execute();
}

/**
 * What a kill -9 during a job leaves behind: the claim (attempts + 1, `locked_by`) whose lock runs
 * out without an outcome. `lockExpired: false` leaves the lock running (the process just died).
 */
async function crashClaim(db: Kysely<Database>, id: number, lockExpired = true): Promise<void> {
  await db
    .updateTable('job')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      locked_by: 'host:4242:killed',
      locked_until: lockExpired ? sql`now() - interval '1 second'` : sql`now() + interval '300 seconds'`,
    }))
    .where('id', '=', id)
    .execute();
}

/**
 * A worker claims the job and dies with it: its handler never returns and its 1-second lock runs
 * out — to the job table exactly what a kill -9 during the job leaves.
 */
async function claimAndDie(db: Kysely<Database>, id: number, kind: string): Promise<void> {
  const doomed = createWorker({
    db,
    handlers: { [kind]: () => new Promise<void>(() => {}) },
    lockSeconds: 1,
  });
  void doomed.runOnce();
  for (;;) {
    const row = await db.selectFrom('job').select('locked_by').where('id', '=', id).executeTakeFirstOrThrow();
    if (row.locked_by === doomed.workerId) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, 1100));
}

describeEachDatabase('jobs on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabaseOf(kind);
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(async () => {
    await t.db.deleteFrom('job').execute();
  });

  it('enqueueing the same key twice gives one job', async () => {
    const first = await enqueue(t.db, { key: 'dup:1', kind: 'mail', payload: { to: 'a' } });
    const second = await enqueue(t.db, { key: 'dup:1', kind: 'mail', payload: { to: 'b' } });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const jobs = await jobsOf(t.db, 'dup:');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload).toEqual({ to: 'a' });
  });

  it('stores any JSON payload as given (objects, arrays, strings)', async () => {
    const payloads = [{ a: [1, { b: 'æøå' }] }, [1, 2, 3], 'text', 42, null];
    for (const [i, payload] of payloads.entries())
      await enqueue(t.db, { key: `json:${i}`, kind: 'k', payload });
    const jobs = await jobsOf(t.db, 'json:');
    expect(jobs.map((j) => j.payload)).toEqual([{ a: [1, { b: 'æøå' }] }, [1, 2, 3], 'text', 42, {}]);
  });

  it('enqueue inside a transaction that rolls back leaves no job; a committed one does', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await enqueue(trx, { key: 'tx:rolled-back', kind: 'mail' });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    await t.db.transaction().execute(async (trx) => {
      await enqueue(trx, { key: 'tx:committed', kind: 'mail' });
    });
    expect((await jobsOf(t.db, 'tx:')).map((j) => j.key)).toEqual(['tx:committed']);
  });

  it('two workers claiming concurrently run each of 500 jobs exactly once', async () => {
    const total = 500;
    await t.db
      .insertInto('job')
      .values(
        Array.from({ length: total }, (_, i) => ({
          key: `many:${i}`,
          kind: 'count',
          payload: JSON.stringify({ i }),
        })),
      )
      .execute();
    // Two Kysely instances (two pools) on PostgreSQL; two workers on the one instance on PGlite.
    const other =
      kind === 'postgres' && t.url
        ? await openAppDatabase({ databaseUrl: t.url, migrate: false })
        : undefined;
    const invocations = new Map<string, number>();
    const byWorker = new Map<string, number>();
    const handler: JobHandler = async (_payload, ctx) => {
      invocations.set(ctx.key, (invocations.get(ctx.key) ?? 0) + 1);
      byWorker.set(ctx.workerId, (byWorker.get(ctx.workerId) ?? 0) + 1);
      await new Promise((resolve) => setImmediate(resolve));
    };
    const workers = [
      createWorker({ db: t.db, handlers: { count: handler }, workerId: 'w1', batchSize: 20 }),
      createWorker({ db: other?.db ?? t.db, handlers: { count: handler }, workerId: 'w2', batchSize: 20 }),
    ];
    try {
      await Promise.all(
        workers.map(async (worker) => {
          while ((await worker.runOnce()).claimed > 0);
        }),
      );
    } finally {
      await other?.close();
    }
    expect(invocations.size).toBe(total);
    expect([...invocations.values()].every((n) => n === 1)).toBe(true);
    expect([...byWorker.values()].reduce((a, b) => a + b, 0)).toBe(total);
    expect(byWorker.size).toBe(2); // both took part
    const pending = await t.db
      .selectFrom('job')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('done_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(pending.n).toBe(0);
  }, 60_000);

  it('retries a failing handler with exponential backoff, marks it dead after max attempts, and retryJob requeues it', async () => {
    const organisationId = randomUUID();
    const { id } = await enqueue(t.db, {
      key: 'flaky:1',
      kind: 'flaky',
      payload: { n: 1 },
      maxAttempts: 3,
      organisationId,
    });
    let fail = true;
    const attempts: number[] = [];
    const worker = createWorker({
      db: t.db,
      handlers: {
        flaky: async (_payload, ctx) => {
          attempts.push(ctx.attempt);
          if (fail) throw new Error(`SMTP unavailable (attempt ${ctx.attempt})`);
        },
      },
      backoff: { baseMs: 60_000, maxMs: 3_600_000 },
    });
    const job = () => t.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const delaySeconds = async () => {
      const { rows } = await sql<{
        s: number;
      }>`select extract(epoch from run_at - now())::int as s from job where id = ${id}`.execute(t.db);
      return rows[0]?.s ?? Number.NaN;
    };
    const makeDue = () => t.db.updateTable('job').set({ run_at: sql`now()` }).where('id', '=', id).execute();

    expect(await worker.runOnce()).toEqual({ claimed: 1, done: 0, retried: 1, dead: 0 });
    expect(await delaySeconds()).toBeGreaterThanOrEqual(58);
    expect(await delaySeconds()).toBeLessThanOrEqual(60);
    expect((await job()).last_error).toContain('SMTP unavailable (attempt 1)');
    expect((await worker.runOnce()).claimed).toBe(0); // not due yet

    await makeDue();
    expect(await worker.runOnce()).toEqual({ claimed: 1, done: 0, retried: 1, dead: 0 });
    expect(await delaySeconds()).toBeGreaterThanOrEqual(118); // doubled
    expect(await delaySeconds()).toBeLessThanOrEqual(120);

    await makeDue();
    expect(await worker.runOnce()).toEqual({ claimed: 1, done: 0, retried: 0, dead: 1 });
    await makeDue();
    expect((await worker.runOnce()).claimed).toBe(0); // dead jobs are not claimed
    expect(attempts).toEqual([1, 2, 3]);

    const failed = await listFailedJobs(t.db, organisationId);
    expect(failed).toEqual([
      {
        id,
        key: 'flaky:1',
        kind: 'flaky',
        organisationId,
        attempts: 3,
        crashes: 0,
        lastError: expect.stringContaining('SMTP unavailable (attempt 3)'),
        failedAt: expect.any(Date),
        createdAt: expect.any(Date),
      },
    ]);
    expect(await listFailedJobs(t.db, randomUUID())).toEqual([]);
    expect((await listFailedJobs(t.db)).map((f) => f.id)).toEqual([id]);

    expect(await retryJob(t.db, id)).toBe(true);
    expect(await retryJob(t.db, id)).toBe(false); // no longer dead
    fail = false;
    expect(await worker.runOnce()).toEqual({ claimed: 1, done: 1, retried: 0, dead: 0 });
    expect(attempts).toEqual([1, 2, 3, 1]);
    const done = await job();
    expect(done.done_at).toBeInstanceOf(Date);
    expect(done.failed_at).toBeNull();
    expect(await listFailedJobs(t.db)).toEqual([]);
    expect(await retryJob(t.db, id)).toBe(false); // done jobs are not requeued
  });

  it('claims only kinds it has a handler for, and not before run_at', async () => {
    await enqueue(t.db, { key: 'kinds:a', kind: 'a' });
    await enqueue(t.db, { key: 'kinds:b', kind: 'b' });
    await enqueue(t.db, { key: 'kinds:later', kind: 'a', runAt: new Date(Date.now() + 3_600_000) });
    const seen: string[] = [];
    const worker = createWorker({
      db: t.db,
      handlers: {
        a: async (_p, ctx) => {
          seen.push(ctx.key);
        },
      },
    });
    expect(await worker.runOnce()).toEqual({ claimed: 1, done: 1, retried: 0, dead: 0 });
    expect(seen).toEqual(['kinds:a']);
    const pending = await t.db
      .selectFrom('job')
      .select('key')
      .where('done_at', 'is', null)
      .orderBy('key')
      .execute();
    expect(pending.map((j) => j.key)).toEqual(['kinds:b', 'kinds:later']);
  });

  it('start() polls and stop() waits for the running job to finish', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    let finished = 0;
    const worker = createWorker({
      db: t.db,
      pollIntervalMs: 20,
      handlers: {
        slow: async () => {
          started++;
          await gate;
          finished++;
        },
      },
    });
    worker.start();
    await enqueue(t.db, { key: 'slow:1', kind: 'slow' });
    while (started === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(1);
    const job = await t.db
      .selectFrom('job')
      .select('done_at')
      .where('key', '=', 'slow:1')
      .executeTakeFirstOrThrow();
    expect(job.done_at).toBeInstanceOf(Date);
  });

  it('counts crashes apart from failures: a job killed twice still gets all its retries (issue 11)', {
    timeout: 30_000,
  }, async () => {
    const { id } = await enqueue(t.db, { key: 'crashy:1', kind: 'crashy', maxAttempts: 3 });
    const attempts: number[] = [];
    let fail = true;
    const worker = createWorker({
      db: t.db,
      handlers: {
        crashy: async (_p, ctx) => {
          attempts.push(ctx.attempt);
          if (fail) throw new Error('SMTP unavailable');
        },
      },
      backoff: () => 0,
    });
    const job = () => t.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await claimAndDie(t.db, id, 'crashy');
    await claimAndDie(t.db, id, 'crashy');
    // Before: attempts 2 of 3 used up by crashes, so the first ordinary failure killed the job.
    expect(await worker.runOnce()).toEqual({ claimed: 1, done: 0, retried: 1, dead: 0 });
    expect(attempts).toEqual([1]);
    expect(await job()).toMatchObject({ attempts: 3, crashes: 2, failed_at: null, locked_by: null });
    expect(await worker.runOnce()).toEqual({ claimed: 1, done: 0, retried: 1, dead: 0 });
    fail = false;
    expect(await worker.runOnce()).toEqual({ claimed: 1, done: 1, retried: 0, dead: 0 });
    expect(attempts).toEqual([1, 2, 3]);
    expect(await job()).toMatchObject({ attempts: 5, crashes: 2, failed_at: null });
    expect((await job()).done_at).toBeInstanceOf(Date);
  });

  it('a job that keeps killing its worker becomes dead, visible with the failed jobs, and can be retried', {
    timeout: 30_000,
  }, async () => {
    const organisationId = randomUUID();
    const { id } = await enqueue(t.db, { key: 'killer:1', kind: 'killer', organisationId });
    let ran = 0;
    const worker = createWorker({
      db: t.db,
      handlers: {
        killer: async () => {
          ran++;
        },
      },
    });
    // Killed three times: each crash is found by the next claim, which runs the job again …
    for (let crash = 1; crash <= 3; crash++) await claimAndDie(t.db, id, 'killer');
    // … until the claim that finds the third marks the job dead instead of running it.
    expect(await worker.runOnce()).toEqual({ claimed: 0, done: 0, retried: 0, dead: 1 });
    expect(ran).toBe(0);
    const row = await t.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 3, crashes: 3, locked_by: null, locked_until: null });
    expect(row.failed_at).toBeInstanceOf(Date);
    expect(row.last_error).toBe(crashLimitMessage(3));
    expect(await worker.runOnce()).toEqual({ claimed: 0, done: 0, retried: 0, dead: 0 });
    const failed = await listFailedJobs(t.db, organisationId);
    expect(failed).toEqual([expect.objectContaining({ id, attempts: 3, crashes: 3, kind: 'killer' })]);
    expect(await retryJob(t.db, id)).toBe(true);
    expect(await worker.runOnce()).toEqual({ claimed: 1, done: 1, retried: 0, dead: 0 });
    expect(ran).toBe(1);
    expect(
      await t.db
        .selectFrom('job')
        .select(['attempts', 'crashes'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ attempts: 1, crashes: 0 });
  });

  it('the crash limit is per worker option, and the shared dead jobs are listed for every organisation', async () => {
    const { id } = await enqueue(t.db, { key: 'sweep-like:1', kind: 'sweep-like' });
    const worker = createWorker({ db: t.db, handlers: { 'sweep-like': async () => {} }, maxCrashes: 1 });
    await crashClaim(t.db, id);
    expect(await worker.runOnce()).toEqual({ claimed: 0, done: 0, retried: 0, dead: 1 });
    // No organisation (the daily sweep): its death stops everyone's reminders, so every admin sees it.
    expect((await listFailedJobs(t.db, randomUUID())).map((j) => j.id)).toEqual([id]);
    expect(() => createWorker({ db: t.db, handlers: {}, maxCrashes: 0 })).toThrow(RangeError);
  });

  it('claims respect the attempt limit: failures at max_attempts are never claimed', async () => {
    const { id } = await enqueue(t.db, { key: 'spent:1', kind: 'spent', maxAttempts: 5 });
    // 5 failures recorded (e.g. by a worker that died after writing the failure but before dead).
    await t.db.updateTable('job').set({ attempts: 5, crashes: 0 }).where('id', '=', id).execute();
    let ran = 0;
    const worker = createWorker({
      db: t.db,
      handlers: {
        spent: async () => {
          ran++;
        },
      },
    });
    expect((await worker.runOnce()).claimed).toBe(0);
    // Before: 16 of 5 and still claimed every 300 s. With 15 of those 16 crashes, 1 failure remains.
    await t.db.updateTable('job').set({ attempts: 16, crashes: 2 }).where('id', '=', id).execute();
    expect((await worker.runOnce()).claimed).toBe(0);
    expect(ran).toBe(0);
  });

  it.runIf(kind === 'pglite')(
    'on PGlite a claim left by a killed process is released when the directory is opened, not after 300 s',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'naervaer-jobs-'));
      try {
        const first = await openAppDatabase({ dataDir: dir });
        const { id } = await enqueue(first.db, { key: 'orphan:1', kind: 'orphan' });
        await crashClaim(first.db, id, false); // killed mid-job: the lock still has 300 s to run
        await first.close();
        const second = await openAppDatabase({ dataDir: dir });
        try {
          const seen: number[] = [];
          const worker = createWorker({
            db: second.db,
            handlers: {
              orphan: async (_p, ctx) => {
                seen.push(ctx.attempt);
              },
            },
          });
          // Before: claimed 0 until the dead claim's lock ran out.
          expect(await worker.runOnce()).toEqual({ claimed: 1, done: 1, retried: 0, dead: 0 });
          expect(seen).toEqual([1]);
          expect(
            await second.db
              .selectFrom('job')
              .select(['attempts', 'crashes'])
              .where('id', '=', id)
              .executeTakeFirstOrThrow(),
          ).toEqual({ attempts: 2, crashes: 1 });
        } finally {
          await second.close();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
