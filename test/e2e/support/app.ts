/**
 * Starts Nærvær in-process for one e2e test file: a fresh empty database (PGlite in a new temp
 * directory; or, with E2E_DATABASE=postgres and TEST_DATABASE_URL set, a new PostgreSQL database)
 * and the built web app from dist/web, on a free port.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_PREFIX, matchRoute, recordResponse } from '../../../scripts/route-coverage-lib.ts';
import { routeTable } from '../../../scripts/route-coverage-table.ts';
import { registry } from '../../../src/app/registry.ts';
import { type Config, loadConfig } from '../../../src/config.ts';
import { type AppWorker, createAppWorker } from '../../../src/modules/notifications/index.ts';
import { osloToday } from '../../../src/platform/clock.ts';
import { type RunningServer, startServer } from '../../../src/server.ts';

export const WEB_DIR = fileURLToPath(new URL('../../../dist/web', import.meta.url));

export type TestApp = { url: string; server: RunningServer; config: Config; close(): Promise<void> };

/** `env`: extra settings, e.g. `SMTP_URL` of a local SMTP server, or `WORKER: 'false'`. */
export async function startApp(options: { env?: NodeJS.ProcessEnv } = {}): Promise<TestApp> {
  if (!existsSync(join(WEB_DIR, 'index.html'))) {
    throw new Error(`${WEB_DIR}/index.html is missing: run \`npm run build\` (the e2e globalSetup does).`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'naervaer-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    NAERVAER_DATA_DIR: join(dir, 'data'),
    NAERVAER_WEB_DIR: WEB_DIR,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    PUBLIC_URL: undefined,
    DATABASE_URL: undefined,
    COOKIE_SECURE: 'false',
    // Admin/HR logins of the e2e journeys without an authenticator app (test/e2e/account*.test.ts covers it).
    NAERVAER_SECOND_FACTOR: 'optional',
    ...options.env,
  };
  let dropDatabase: (() => Promise<void>) | undefined;
  if (process.env.E2E_DATABASE === 'postgres' && process.env.TEST_DATABASE_URL) {
    const { createTestDatabaseOf } = await import('../../support/db.ts');
    const database = await createTestDatabaseOf('postgres');
    await database.db.destroy().catch(() => undefined);
    env.DATABASE_URL = database.url;
    dropDatabase = () => database.close();
  }
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const config = loadConfig(env);
  const server = await startServer(config);
  const address = server.app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  recordBrowserWrites(server);
  return {
    url,
    server,
    config,
    async close() {
      await server.close();
      await dropDatabase?.().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The route coverage gate (`scripts/route-coverage.ts`): with NAERVAER_ROUTE_LOG set to a
 * directory, the write requests the browser sent are recorded there as `METHOD pattern status`.
 * The browser's fetch carries `sec-fetch-site`; Playwright's `page.request` (APIRequestContext),
 * which tests use to set up data or probe the API, does not — those are not counted. The server has
 * started (and its hooks are closed) by now, so this listens on the Node server and finds the
 * route pattern in the table as the router does.
 */
function recordBrowserWrites(server: RunningServer): void {
  const dir = process.env.NAERVAER_ROUTE_LOG;
  if (!dir) return;
  const table = routeTable();
  server.app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD' || req.headers['sec-fetch-site'] === undefined) return;
    const route = matchRoute(table, method, req.url ?? '');
    if (!route) return;
    res.on('finish', () => recordResponse(dir, E2E_PREFIX, { ...route, status: res.statusCode }));
  });
}

/**
 * The background worker for an app started with `WORKER: 'false'`, started later — as
 * `src/worker.ts` runs it beside a server (here in-process, on the server's database, since PGlite
 * allows one process per data directory): the same handlers, the app's mail settings, the real
 * today. Its start runs today's reminder sweep for the data the test has made by then.
 */
export function startWorker(app: TestApp): AppWorker {
  const db = app.server.database.db;
  const worker = createAppWorker({
    db,
    config: {
      smtpUrl: app.config.smtpUrl,
      mailFrom: app.config.mailFrom,
      mailDir: app.config.mailDir,
      publicUrl: app.url,
    },
    deadlineSource: registry.deadlineSource,
    handlers: registry.jobHandlers({ db, today: () => osloToday() }),
    worker: { pollIntervalMs: 50 },
  });
  worker.start();
  return worker;
}
