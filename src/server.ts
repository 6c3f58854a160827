/**
 * Starts Nærvær: configuration → database (PGlite or PostgreSQL) → migrations → HTTP server.
 * Stops cleanly on SIGINT/SIGTERM (closes the server, then the database, which releases the PGlite lock).
 */
import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from './config.ts';
import { type OpenedDatabase, openDatabase } from './db/connect.ts';
import { buildApp } from './http/app.ts';
import { type AppWorker, configureNotifications, createAppWorker } from './modules/notifications/index.ts';
import { listDeadlines, scheduleRetention, sykefravaerJobHandlers } from './modules/sykefravaer/index.ts';

export type RunningServer = {
  app: FastifyInstance;
  database: OpenedDatabase;
  url: string;
  /** The background worker (reminder sweep, e-mail); undefined with `WORKER=false`. */
  worker: AppWorker | undefined;
  close(): Promise<void>;
};

export async function startServer(config: Config = loadConfig()): Promise<RunningServer> {
  // Opening runs the migrations.
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    configureNotifications({ deadlineSource: listDeadlines, publicUrl: config.publicUrl });
    const app = await buildApp({
      db: database.db,
      webDir: config.webDir,
      sessionTtlHours: config.sessionTtlHours,
      cookieSecure: config.cookieSecure,
      trustProxy: config.trustProxy,
      logLevel: config.logLevel,
      changeFeed: config.cache ? database.changeFeed() : undefined,
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const url = config.publicUrl ?? `http://localhost:${port}`;
    const worker = config.worker
      ? createAppWorker({
          db: database.db,
          config: {
            smtpUrl: config.smtpUrl,
            mailFrom: config.mailFrom,
            mailDir: config.mailDir,
            publicUrl: url,
          },
          deadlineSource: listDeadlines,
          handlers: sykefravaerJobHandlers(database.db),
          daily: [scheduleRetention],
          logger: app.log,
        })
      : undefined;
    worker?.start();
    let closed = false;
    return {
      app,
      database,
      url,
      worker,
      async close() {
        if (closed) return;
        closed = true;
        await worker?.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
