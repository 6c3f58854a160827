/**
 * The job runner: a job table claimed with `FOR UPDATE SKIP LOCKED`, the same SQL on PGlite and
 * PostgreSQL. No business rules live here; modules register handlers by kind.
 *
 * Delivery guarantees:
 * - `enqueue` with a deterministic `key` is idempotent: the key is unique, a second enqueue of
 *   the same key is a no-op (whether the first is pending, done or dead). Enqueue inside the
 *   caller's transaction, so the job exists exactly when the business change commits.
 * - Execution is at-least-once: a job is done once `done_at` is set after its handler returned.
 *   If the process dies after the handler's effect but before `done_at` is written, or a handler
 *   outlives `lockSeconds` and the job is claimed again, the handler runs again.
 * - Crashes are counted apart from failures. A claim that ends without an outcome (the process
 *   was killed, or the handler outlived its lock) is found by the next claim — the job still
 *   carries the dead claim's `locked_by` — and counted in `crashes`, not as a failed attempt: a
 *   job killed 15 times still gets its `max_attempts` ordinary failures with back-off. A job that
 *   stops its worker `maxCrashes` times (default 3) is itself the likely cause (out of memory, a
 *   native crash) and is marked dead instead of being claimed again; the administrator sees it
 *   with the failed jobs (`listFailedJobs`) and can retry it. Claims never take a job whose
 *   failures already reached `max_attempts`.
 * - On PGlite one process holds the data directory (`src/db/lock.ts`), so every claim left in
 *   the table when it opens belongs to a dead process: `openDatabase` releases them at once
 *   instead of waiting out the lock (300 s); the next claim counts the crash.
 * - Handlers must therefore be idempotent by design (check what they already did, use the job key
 *   as an idempotency key towards other systems, write their effect and its marker in one
 *   transaction). The unique key + `done_at` give at-least-once execution; the handler's own
 *   idempotency gives exactly-once effects.
 */
import { hostname } from 'node:os';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export interface EnqueueInput {
  /** Deterministic, e.g. `reminder:${organisationId}:${caseId}:${dueDate}`. */
  key: string;
  kind: string;
  /** JSON-serialisable; no personal data beyond ids is needed or wanted here. */
  payload?: unknown;
  /** Earliest time to run (default: now). */
  runAt?: Date;
  /** Attempts before the job is dead (default 5). */
  maxAttempts?: number;
  organisationId?: string | null;
}

export interface EnqueueResult {
  id: number;
  /** False when a job with this key already existed. */
  created: boolean;
}

export async function enqueue(db: Executor, input: EnqueueInput): Promise<EnqueueResult> {
  if (input.maxAttempts !== undefined && !(Number.isInteger(input.maxAttempts) && input.maxAttempts >= 1)) {
    throw new RangeError('maxAttempts must be an integer ≥ 1');
  }
  const payload = JSON.stringify(input.payload ?? {});
  const inserted = await db
    .insertInto('job')
    .values({
      key: input.key,
      kind: input.kind,
      organisation_id: input.organisationId ?? null,
      // Passed as text and cast, so both drivers send the same thing whatever the JSON's shape.
      payload: sql<string>`cast(${payload} as text)::jsonb`,
      ...(input.runAt ? { run_at: input.runAt } : {}),
      ...(input.maxAttempts ? { max_attempts: input.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db
    .selectFrom('job')
    .select('id')
    .where('key', '=', input.key)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

export interface JobContext {
  id: number;
  key: string;
  kind: string;
  organisationId: string | null;
  /** 1 on the first attempt; a crashed attempt is run again with the same number (crashes are not failures). */
  attempt: number;
  maxAttempts: number;
  workerId: string;
  /** Aborted when the job's lock expires: another worker may then claim the job. */
  signal: AbortSignal;
}

export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

/** Delay before attempt `attempt + 1`, given that attempt `attempt` (1-based) failed. */
export type Backoff = ((attempt: number) => number) | { baseMs?: number; maxMs?: number };

export interface WorkerOptions {
  db: Kysely<Database>;
  handlers: Readonly<Record<string, JobHandler>>;
  /** Written to `locked_by` (default host:pid:random). */
  workerId?: string;
  /** Sleep between polls when no job was due (default 1000 ms). */
  pollIntervalMs?: number;
  /** Jobs claimed at once and run concurrently (default 10). */
  batchSize?: number;
  /** How long a claim lasts before another worker may take the job (default 300 s). */
  lockSeconds?: number;
  /** Default: 10 s × 2^(attempt−1), at most 1 h. */
  backoff?: Backoff;
  /** Claims of one job that may end without an outcome before the job is dead (default 3). */
  maxCrashes?: number;
  /** Called when polling itself fails (database down …); the loop keeps going. Default: a line on stderr. */
  onError?: (error: unknown) => void;
}

export interface RunOnceResult {
  claimed: number;
  done: number;
  /** Failed and rescheduled. */
  retried: number;
  /** Failed for the last allowed time, or found to have stopped its worker `maxCrashes` times. */
  dead: number;
}

export interface Worker {
  readonly workerId: string;
  /** Claims one batch of due jobs, runs them, records the outcome. */
  runOnce(): Promise<RunOnceResult>;
  /** Polls until `stop()`. */
  start(): void;
  /** Stops polling and waits for running jobs to finish. */
  stop(): Promise<void>;
}

interface ClaimedJob {
  id: number;
  key: string;
  kind: string;
  payload: unknown;
  attempts: number;
  crashes: number;
  max_attempts: number;
  organisation_id: string | null;
  /** The claim found the job had stopped its worker too often and marked it dead instead. */
  dead: boolean;
}

/** `last_error` of a job marked dead for crashing its worker (no personal data: a count only). */
export function crashLimitMessage(crashes: number): string {
  return `CrashLimit: the job stopped its worker ${crashes} times (process killed or lock expired) and is not run again until retried`;
}

export function backoffDelayMs(backoff: Backoff | undefined, attempt: number): number {
  if (typeof backoff === 'function') return Math.max(0, backoff(attempt));
  const base = backoff?.baseMs ?? 10_000;
  const max = backoff?.maxMs ?? 3_600_000;
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.slice(0, 4000);
}

export function createWorker(options: WorkerOptions): Worker {
  const { db, handlers } = options;
  const workerId =
    options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const batchSize = options.batchSize ?? 10;
  const lockSeconds = options.lockSeconds ?? 300;
  const maxCrashes = options.maxCrashes ?? 3;
  if (!(Number.isInteger(maxCrashes) && maxCrashes >= 1))
    throw new RangeError('maxCrashes must be an integer ≥ 1');
  const kinds = Object.keys(handlers);
  const stopController = new AbortController();
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  async function claim(): Promise<ClaimedJob[]> {
    if (kinds.length === 0) return [];
    // Only kinds this worker can run are claimed; others stay pending for a worker that can.
    // `stale`: the job still carries a claim whose lock ran out without an outcome — that attempt
    // crashed. It is counted in `crashes` (not as a failure) and run again, unless this is the
    // job's `maxCrashes`-th crash: then it is marked dead here and not run. A job whose failures
    // (attempts − crashes, the stale claim not counted) reached `max_attempts` is never claimed.
    const result = await sql<ClaimedJob>`
      with due as (
        select id, (locked_by is not null) as stale,
          (locked_by is not null and crashes + 1 >= ${maxCrashes}) as dying
        from job
        where done_at is null and failed_at is null and run_at <= now()
          and (locked_until is null or locked_until < now())
          and kind in (${sql.join(kinds)})
          and attempts - crashes - (case when locked_by is not null then 1 else 0 end) < max_attempts
        order by run_at, id
        limit ${batchSize}
        for update skip locked
      )
      update job set
        attempts = job.attempts + (case when due.dying then 0 else 1 end),
        crashes = job.crashes + (case when due.stale then 1 else 0 end),
        failed_at = case when due.dying then now() else null end,
        last_error = case
          when due.dying then ${crashLimitMessage(maxCrashes)}
          else job.last_error end,
        locked_by = case when due.dying then null else ${workerId} end,
        locked_until = case when due.dying then null else now() + make_interval(secs => ${lockSeconds}) end
      from due
      where job.id = due.id
      returning job.id, job.key, job.kind, job.payload, job.attempts, job.crashes, job.max_attempts,
        job.organisation_id, due.dying as dead
    `.execute(db);
    return [...result.rows].sort((a, b) => a.id - b.id);
  }

  async function runJob(job: ClaimedJob): Promise<'done' | 'retried' | 'dead'> {
    const handler = handlers[job.kind];
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('job lock expired')), lockSeconds * 1000);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload, {
        id: job.id,
        key: job.key,
        kind: job.kind,
        organisationId: job.organisation_id,
        attempt: job.attempts - job.crashes,
        maxAttempts: job.max_attempts,
        workerId,
        signal: controller.signal,
      });
    } catch (error) {
      return recordFailure(job, error);
    } finally {
      clearTimeout(timer);
    }
    await db
      .updateTable('job')
      .set({ done_at: sql`now()`, locked_until: null, locked_by: null, last_error: null })
      .where('id', '=', job.id)
      .where('done_at', 'is', null)
      .execute();
    return 'done';
  }

  async function recordFailure(job: ClaimedJob, error: unknown): Promise<'retried' | 'dead'> {
    // Failures only: the attempts that crashed do not count towards `max_attempts`.
    const failures = job.attempts - job.crashes;
    const dead = failures >= job.max_attempts;
    const delayMs = backoffDelayMs(options.backoff, failures);
    await db
      .updateTable('job')
      .set({
        last_error: describeError(error),
        locked_until: null,
        locked_by: null,
        ...(dead
          ? { failed_at: sql`now()` }
          : { run_at: sql`now() + make_interval(secs => ${delayMs / 1000})` }),
      })
      // Only if this claim is still the job's latest (the lock may have expired and been re-taken).
      .where('id', '=', job.id)
      .where('attempts', '=', job.attempts)
      .where('done_at', 'is', null)
      .execute();
    return dead ? 'dead' : 'retried';
  }

  async function runOnce(): Promise<RunOnceResult> {
    const claimed = await claim();
    const jobs = claimed.filter((job) => !job.dead);
    const outcome: RunOnceResult = {
      claimed: jobs.length,
      done: 0,
      retried: 0,
      dead: claimed.length - jobs.length,
    };
    const settled = await Promise.allSettled(jobs.map(runJob));
    let firstError: unknown;
    for (const result of settled) {
      if (result.status === 'fulfilled') outcome[result.value]++;
      else firstError ??= result.reason; // recording the outcome itself failed
    }
    if (firstError !== undefined) throw firstError;
    return outcome;
  }

  async function sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    wake = undefined;
  }

  async function poll(): Promise<void> {
    while (!stopController.signal.aborted) {
      let claimed = 0;
      try {
        claimed = (await runOnce()).claimed;
      } catch (error) {
        if (options.onError) options.onError(error);
        else
          process.stderr.write(
            `job worker ${workerId}: ${error instanceof Error ? error.message : String(error)}\n`,
          );
      }
      // A full batch suggests more are due: poll again at once.
      if (claimed < batchSize && !stopController.signal.aborted) await sleep(pollIntervalMs);
    }
  }

  return {
    workerId,
    runOnce,
    start(): void {
      if (loop) return;
      loop = poll();
    },
    async stop(): Promise<void> {
      if (!stopController.signal.aborted) stopController.abort(new Error('worker stopping'));
      wake?.();
      await loop;
    },
  };
}

export interface FailedJob {
  id: number;
  key: string;
  kind: string;
  organisationId: string | null;
  attempts: number;
  /** Attempts that ended without an outcome (the worker died or the lock expired). */
  crashes: number;
  lastError: string | null;
  failedAt: Date;
  createdAt: Date;
}

/**
 * Dead jobs, newest first. Given `organisationId`: that organisation's and the shared ones
 * (no organisation, e.g. the daily reminder sweep, whose death stops every organisation's reminders).
 */
export async function listFailedJobs(db: Executor, organisationId?: string): Promise<FailedJob[]> {
  let query = db
    .selectFrom('job')
    .select([
      'id',
      'key',
      'kind',
      'organisation_id',
      'attempts',
      'crashes',
      'last_error',
      'failed_at',
      'created_at',
    ])
    .where('failed_at', 'is not', null)
    .$narrowType<{ failed_at: Date }>();
  if (organisationId !== undefined) {
    query = query.where((eb) =>
      eb.or([eb('organisation_id', '=', organisationId), eb('organisation_id', 'is', null)]),
    );
  }
  const rows = await query.orderBy('failed_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    kind: row.kind,
    organisationId: row.organisation_id,
    attempts: row.attempts,
    crashes: row.crashes,
    lastError: row.last_error,
    failedAt: row.failed_at,
    createdAt: row.created_at,
  }));
}

/** Requeues a dead job with a fresh set of attempts. Returns false if the job is not dead. */
export async function retryJob(db: Executor, id: number): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set({
      failed_at: null,
      attempts: 0,
      crashes: 0,
      run_at: sql`now()`,
      locked_until: null,
      locked_by: null,
    })
    .where('id', '=', id)
    .where('failed_at', 'is not', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
