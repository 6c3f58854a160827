/**
 * Starts Nærvær: configuration → database (PGlite or PostgreSQL) → migrations → HTTP server.
 * Stops cleanly on SIGINT/SIGTERM (closes the server, then the database, which releases the PGlite lock).
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app/build-app.ts';
import { openAppDatabase } from './app/database.ts';
import { registry } from './app/registry.ts';
import { type Config, loadConfig } from './config.ts';
import type { OpenedDatabase } from './db/connect.ts';
import { type AppWorker, createAppWorker } from './modules/notifications/index.ts';
import { osloToday } from './platform/clock.ts';

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
  const database = await openAppDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    const app = await buildApp({
      db: database.db,
      webDir: config.webDir,
      sessionTtlHours: config.sessionTtlHours,
      cookieSecure: config.cookieSecure,
      secondFactor: config.secondFactor,
      trustProxy: config.trustProxy,
      // Reached over https (a public https address, or a TLS-terminating proxy in front).
      hsts: config.publicUrl?.startsWith('https:') === true || config.trustProxy,
      logLevel: config.logLevel,
      changeFeed: config.cache ? database.changeFeed() : undefined,
      reminders: { publicUrl: config.publicUrl },
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
          deadlineSource: registry.deadlineSource,
          handlers: registry.jobHandlers({ db: database.db, today: () => osloToday() }),
          daily: registry.daily,
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
