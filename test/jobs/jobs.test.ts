import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../src/app/database.ts';
import type { Database } from '../../src/db/schema.ts';
import { createWorker, enqueue, type JobHandler, listFailedJobs, retryJob } from '../../src/jobs/index.ts';
import { createTestDatabaseOf, type TestDatabase, testDatabaseKinds } from '../support/db.ts';

async function jobsOf(db: Kysely<Database>, keyPrefix: string) {
  return db
    .selectFrom('job')
    .selectAll()
    .where(sql<boolean>`starts_with(key, ${keyPrefix})`)
    .orderBy('id')
    .execute();
}

describe.each(testDatabaseKinds())('jobs on %s', (kind) => {
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
});
