/**
 * The application's background worker: the job runner (`src/jobs`) with this module's handlers
 * (the reminder sweep and the mail sender) plus any other module's, and a small scheduler that
 * enqueues `sweep:<today>` at start and whenever the day in Norway changes. Enqueueing is
 * idempotent by key, so every process may schedule: the sweep runs once per day.
 *
 * The mail job is exactly-once in effect: it skips a key that `mail_delivery` already records,
 * and records the key right after the SMTP server accepted the message, before the job is marked
 * done. What remains is the at-least-once window of any SMTP client: if the process dies after the
 * server's "250 OK" and before that insert commits, the retry sends the message again — with the
 * same Message-ID, so a receiving system can recognise it. The window is one INSERT plus its commit,
 * but under load it is not "about a millisecond": kill -9 during sends measured 24–184 ms. In-app
 * reminders have no such window (the sweep writes them in one transaction with their keys).
 * The sweep has no such window (see `sweep.ts`); the SIGKILL tests kill the worker mid-sweep.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { createWorker, enqueue, type JobHandler, type Worker, type WorkerOptions } from '../../jobs/index.ts';
import { osloToday } from '../../platform/clock.ts';
import type { DeadlineSource } from '../../platform/reminders.ts';
import { createMailer, type MailConfig, type Mailer, MailSendError, messageIdFor } from './mailer.ts';
import { reminderMail } from './messages.ts';
import { userRecipient } from './recipients.ts';
import { MAIL_JOB, type MailJobPayload, runSweep, SWEEP_JOB, type SweepResult } from './sweep.ts';

/** The subset of a pino logger used here. Never log personal data: ids and counts only. */
export interface WorkerLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export type NotificationHandlerDeps = {
  db: Kysely<Database>;
  mailer: Mailer;
  deadlineSource: DeadlineSource;
  publicUrl: string;
  today: () => IsoDate;
  mailMaxAttempts?: number;
  onSweepProgress?: (done: number, total: number) => void | Promise<void>;
  onSweepDone?: (result: SweepResult) => void;
};

const MailPayloadSchema = z.object({
  organisationId: z.string(),
  userId: z.string(),
  area: z.object({ nb: z.string(), en: z.string() }).optional(),
});

function parseMailPayload(payload: unknown): MailJobPayload {
  const parsed = MailPayloadSchema.safeParse(payload);
  if (!parsed.success) throw new Error('invalid mail job payload');
  const { organisationId, userId, area } = parsed.data;
  return area ? { organisationId, userId, area } : { organisationId, userId };
}

async function recordDelivery(
  db: Kysely<Database>,
  row: {
    organisation_id: string;
    key: string;
    user_id: string;
    outcome: 'sent' | 'skipped';
    message_id: string | null;
    worker_id: string;
  },
): Promise<void> {
  // After a send this insert is all that stands between "sent" and "sent again": try it a few times.
  for (let attempt = 1; ; attempt++) {
    try {
      await db
        .insertInto('mail_delivery')
        .values(row)
        .onConflict((oc) => oc.columns(['organisation_id', 'key']).doNothing())
        .execute();
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

export function notificationJobHandlers(deps: NotificationHandlerDeps): Record<string, JobHandler> {
  const { db } = deps;
  return {
    [SWEEP_JOB]: async () => {
      // The sweep covers the current day (and catches up on the last 7) whatever day it was queued for.
      const result = await runSweep({
        db,
        deadlineSource: deps.deadlineSource,
        today: deps.today(),
        ...(deps.mailMaxAttempts !== undefined ? { mailMaxAttempts: deps.mailMaxAttempts } : {}),
        ...(deps.onSweepProgress ? { onProgress: deps.onSweepProgress } : {}),
      });
      deps.onSweepDone?.(result);
    },

    [MAIL_JOB]: async (payload, ctx) => {
      const { organisationId, userId, area } = parseMailPayload(payload);
      // The inbox row (the mail's content) and whether an earlier attempt already got through.
      const notification = await db
        .selectFrom('notification as n')
        .leftJoin('mail_delivery as d', (j) =>
          j.onRef('d.organisation_id', '=', 'n.organisation_id').onRef('d.key', '=', 'n.key'),
        )
        .select(['n.kind', 'n.due_date', 'n.remind_date', 'd.outcome'])
        .where('n.organisation_id', '=', organisationId)
        .where('n.key', '=', ctx.key)
        .executeTakeFirst();
      if (notification?.outcome) return; // an earlier attempt got through; only its `done_at` was lost
      const recipient = notification ? await userRecipient(db, organisationId, userId) : null;
      const base = {
        organisation_id: organisationId,
        key: ctx.key,
        user_id: userId,
        worker_id: ctx.workerId,
      };
      if (!notification || !recipient?.emailEnabled || !recipient.email) {
        // Removed from the organisation, account disabled, e-mail turned off, or the case deleted.
        await recordDelivery(db, { ...base, outcome: 'skipped', message_id: null });
        return;
      }
      if (ctx.signal.aborted)
        throw new Error('the job lock expired before sending; another worker may run it');
      const mail = reminderMail({
        kind:
          notification.kind === 'custom' || notification.kind === 'event' ? notification.kind : 'deadline',
        ...(area ? { area } : {}),
        date: notification.due_date ?? notification.remind_date,
        today: deps.today(),
        locale: recipient.locale,
        publicUrl: deps.publicUrl,
      });
      const messageId = messageIdFor(ctx.key);
      try {
        await deps.mailer.send({ to: recipient.email, subject: mail.subject, text: mail.text, messageId });
      } catch (error) {
        throw new MailSendError(error);
      }
      await recordDelivery(db, { ...base, outcome: 'sent', message_id: messageId });
    },
  };
}

export type AppWorkerOptions = {
  db: Kysely<Database>;
  config: MailConfig;
  deadlineSource: DeadlineSource;
  /** Other modules' handlers (e.g. `sykefravaerJobHandlers`), merged with this module's. */
  handlers?: Readonly<Record<string, JobHandler>> | readonly Readonly<Record<string, JobHandler>>[];
  /** Default: from `config` (SMTP or the `.eml` folder). */
  mailer?: Mailer;
  /** Default: `osloToday()`. */
  today?: () => IsoDate;
  /** Passed to `createWorker` (poll interval, batch size, lock, backoff, …). */
  worker?: Omit<WorkerOptions, 'db' | 'handlers'>;
  /** Other daily work to enqueue (idempotently, by a date key) whenever the day changes, e.g. `scheduleRetention`. */
  daily?: readonly ((db: Kysely<Database>, today: IsoDate) => Promise<unknown>)[];
  /** How often the scheduler checks whether the day changed (default 60 s). */
  schedulerIntervalMs?: number;
  mailMaxAttempts?: number;
  logger?: WorkerLogger;
  onSweepProgress?: (done: number, total: number) => void | Promise<void>;
};

export interface AppWorker extends Worker {
  readonly mailer: Mailer;
  /** Enqueues `sweep:<today>` and the other daily jobs (no-ops when they exist). Called by `start()` and then every minute. */
  scheduleSweep(): Promise<void>;
}

export function createAppWorker(options: AppWorkerOptions): AppWorker {
  const { db, logger } = options;
  const today = options.today ?? (() => osloToday());
  const mailer = options.mailer ?? createMailer(options.config);
  const own = notificationJobHandlers({
    db,
    mailer,
    deadlineSource: options.deadlineSource,
    publicUrl: options.config.publicUrl,
    today,
    ...(options.mailMaxAttempts !== undefined ? { mailMaxAttempts: options.mailMaxAttempts } : {}),
    ...(options.onSweepProgress ? { onSweepProgress: options.onSweepProgress } : {}),
    onSweepDone: (result) => logger?.info({ ...result }, 'reminder sweep done'),
  });
  const extra =
    options.handlers === undefined
      ? []
      : Array.isArray(options.handlers)
        ? options.handlers
        : [options.handlers];
  const handlers: Record<string, JobHandler> = { ...own };
  for (const map of extra as readonly Readonly<Record<string, JobHandler>>[]) {
    for (const [kind, handler] of Object.entries(map)) {
      if (kind in handlers) throw new Error(`two handlers for job kind ${kind}`);
      handlers[kind] = handler;
    }
  }
  const onError =
    options.worker?.onError ??
    ((error: unknown) => {
      const err = error instanceof Error ? error.message : String(error);
      if (logger) logger.warn({ err }, 'job worker error');
      else process.stderr.write(`job worker: ${err}\n`);
    });
  const worker = createWorker({ ...options.worker, onError, db, handlers });

  let lastScheduled: IsoDate | undefined;
  let timer: NodeJS.Timeout | undefined;
  async function scheduleSweep(): Promise<void> {
    const date = today();
    if (date === lastScheduled) return;
    await enqueue(db, { key: `sweep:${date}`, kind: SWEEP_JOB, payload: { date } });
    for (const schedule of options.daily ?? []) await schedule(db, date);
    lastScheduled = date;
  }
  const tick = () => {
    scheduleSweep().catch(onError);
  };

  return {
    workerId: worker.workerId,
    mailer,
    runOnce: () => worker.runOnce(),
    scheduleSweep,
    start() {
      if (timer) return;
      tick();
      timer = setInterval(tick, options.schedulerIntervalMs ?? 60_000);
      timer.unref();
      worker.start();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await worker.stop();
      mailer.close();
    },
  };
}
