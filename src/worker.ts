/**
 * The background worker on its own, without the HTTP server: `node --import tsx src/worker.ts`.
 * Opens the database from the environment (`DATABASE_URL`, else `NAERVAER_DATA_DIR`), runs the
 * job worker with every module's handlers and the daily reminder sweep, and stops cleanly on
 * SIGINT/SIGTERM (running jobs finish, the database closes, the PGlite lock is released).
 *
 * On PGlite only one process may open the data directory: run either this or `npm start`
 * (which runs the same worker inside the server unless `WORKER=false`).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { openAppDatabase } from './app/database.ts';
import { registry } from './app/registry.ts';
import { ConfigError, loadConfig } from './config.ts';
import type { OpenedDatabase } from './db/connect.ts';
import type { IsoDate } from './domain/calendar/index.ts';
import type { JobHandler, WorkerOptions } from './jobs/index.ts';
import { type AppWorker, createAppWorker } from './modules/notifications/index.ts';
import { osloToday } from './platform/clock.ts';
import type { DeadlineSource } from './platform/reminders.ts';

export type WorkerProcessOptions = {
  env?: NodeJS.ProcessEnv;
  deadlineSource?: DeadlineSource;
  handlers?: readonly Readonly<Record<string, JobHandler>>[];
  today?: () => IsoDate;
  worker?: Omit<WorkerOptions, 'db' | 'handlers'>;
  mailMaxAttempts?: number;
  onSweepProgress?: (done: number, total: number) => void | Promise<void>;
};

export type WorkerProcess = { worker: AppWorker; database: OpenedDatabase; stop(): Promise<void> };

export async function startWorkerProcess(options: WorkerProcessOptions = {}): Promise<WorkerProcess> {
  const config = loadConfig(options.env ?? process.env);
  const logger = pino({ level: config.logLevel });
  const database = await openAppDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl, logger } : { dataDir: config.dataDir, logger },
  );
  const worker = createAppWorker({
    db: database.db,
    config: {
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      mailDir: config.mailDir,
      publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    },
    deadlineSource: options.deadlineSource ?? registry.deadlineSource,
    handlers: [
      registry.jobHandlers({ db: database.db, today: options.today ?? (() => osloToday()) }),
      ...(options.handlers ?? []),
    ],
    daily: registry.daily,
    ...(options.today ? { today: options.today } : {}),
    ...(options.worker ? { worker: options.worker } : {}),
    ...(options.mailMaxAttempts !== undefined ? { mailMaxAttempts: options.mailMaxAttempts } : {}),
    ...(options.onSweepProgress ? { onSweepProgress: options.onSweepProgress } : {}),
    logger,
  });
  worker.start();
  logger.info(
    { workerId: worker.workerId, mail: worker.mailer.description, db: database.kind },
    'worker started',
  );
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      try {
        await worker.stop();
      } finally {
        await database.close();
      }
    })();
    return stopping;
  };
  return { worker, database, stop };
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  try {
    const running = await startWorkerProcess();
    const onSignal = (signal: string) => {
      process.stdout.write(`${signal}: stopper arbeideren / stopping the worker …\n`);
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', () => onSignal('SIGINT'));
    process.once('SIGTERM', () => onSignal('SIGTERM'));
  } catch (error) {
    const known =
      error instanceof ConfigError || (error instanceof Error && error.name === 'DataDirLockedError');
    process.stderr.write(
      known
        ? `${(error as Error).message}\n`
        : `Arbeideren kunne ikke starte / the worker could not start:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  }
}
