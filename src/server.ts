/**
 * Starts Nærvær: configuration → database (PGlite or PostgreSQL) → migrations → HTTP server.
 * Stops cleanly on SIGINT/SIGTERM (closes the server, then the database, which releases the PGlite lock).
 */
import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from './config.ts';
import { type OpenedDatabase, openDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp } from './http/app.ts';

export type RunningServer = {
  app: FastifyInstance;
  database: OpenedDatabase;
  url: string;
  close(): Promise<void>;
};

export async function startServer(config: Config = loadConfig()): Promise<RunningServer> {
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await migrateToLatest(database.db);
    const app = await buildApp({
      db: database.db,
      webDir: config.webDir,
      sessionTtlHours: config.sessionTtlHours,
      cookieSecure: config.cookieSecure,
      trustProxy: config.trustProxy,
      logLevel: config.logLevel,
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const url = config.publicUrl ?? `http://localhost:${port}`;
    let closed = false;
    return {
      app,
      database,
      url,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
