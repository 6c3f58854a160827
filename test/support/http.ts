/**
 * HTTP-level test support: the real app on a fresh real database (PGlite, or PostgreSQL when
 * TEST_DATABASE_URL is set), driven through `app.inject()` by clients that keep their own cookies
 * and send the CSRF token like the browser does.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { recordResponse } from '../../scripts/route-coverage-lib.ts';
import { type AppOptions, buildApp } from '../../src/app/build-app.ts';
import { CHANGE_CHANNEL } from '../../src/db/change-feed.ts';
import type { Database } from '../../src/db/schema.ts';
import { createTestDatabaseOf } from './db.ts';

export type DbKind = 'pglite' | 'postgres';

export type TestApp = {
  app: FastifyInstance;
  db: Kysely<Database>;
  kind: DbKind;
  client(options?: { ip?: string; locale?: string }): TestClient;
  /**
   * With caches on: resolves once every change committed so far has reached the app's caches
   * (on PostgreSQL notifications arrive a moment after the commit, in commit order).
   */
  settle(): Promise<void>;
  close(): Promise<void>;
};

/**
 * `caches` (default on, as the server runs): the app keeps its read caches, fed by the database's
 * change feed; on PostgreSQL this waits until the feed's LISTEN connection is up.
 */
export async function createTestApp(
  kind: DbKind = 'pglite',
  options: { caches?: boolean; reminders?: AppOptions['reminders'] } = {},
): Promise<TestApp> {
  const database = await createTestDatabaseOf(kind);
  const feed = options.caches === false ? undefined : database.changeFeed();
  for (let waited = 0; feed && !feed.live && waited < 10_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (feed && !feed.live) throw new Error('the change feed did not come up');
  const app = await buildApp({
    db: database.db,
    logLevel: 'silent',
    changeFeed: feed,
    ...(options.reminders ? { reminders: options.reminders } : {}),
  });
  // The route coverage gate (`scripts/route-coverage.ts`): with NAERVAER_ROUTE_LOG set to a
  // directory, every reply's route pattern and status is recorded there.
  const routeLog = process.env.NAERVAER_ROUTE_LOG;
  if (routeLog) {
    app.addHook('onResponse', async (request, reply) => {
      const url = request.routeOptions.url;
      if (url) recordResponse(routeLog, '', { method: request.method, url, status: reply.statusCode });
    });
  }
  await app.ready();
  return {
    app,
    db: database.db,
    kind,
    client: (options) => new TestClient(app, options?.ip ?? '127.0.0.1', options?.locale ?? 'nb'),
    async settle() {
      if (!feed) return;
      const marker = `settle-${Math.random().toString(36).slice(2)}`;
      let seen = false;
      const unsubscribe = feed.subscribe((change) => {
        if (change.table === marker) seen = true;
      });
      try {
        await sql`select pg_notify(${CHANGE_CHANNEL}, ${`${marker}||`})`.execute(database.db);
        for (let waited = 0; !seen; waited += 5) {
          if (waited > 10_000) throw new Error('the change feed did not deliver the marker');
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      } finally {
        unsubscribe();
      }
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export type Reply<T = unknown> = {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
  raw: LightMyRequestResponse;
};

export const ORGNR = '889640782';
export const ADMIN = {
  name: 'Astrid Admin',
  email: 'astrid@example.no',
  password: 'riktig-hemmelig-passord',
};

export class TestClient {
  readonly app: FastifyInstance;
  readonly ip: string;
  readonly locale: string;
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(app: FastifyInstance, ip: string, locale: string) {
    this.app = app;
    this.ip = ip;
    this.locale = locale;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse) {
    for (const c of response.cookies) {
      if (
        c.value === '' ||
        (c.maxAge !== undefined && c.maxAge <= 0) ||
        (c.expires && c.expires.getTime() < Date.now())
      ) {
        this.cookies.delete(c.name);
      } else {
        this.cookies.set(c.name, c.value);
      }
    }
  }

  async request<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const all: Record<string, string> = { 'accept-language': this.locale, ...headers };
    if (this.cookies.size > 0) all.cookie = this.cookieHeader();
    if (method !== 'GET' && !('x-csrf-token' in headers)) all['x-csrf-token'] = this.csrf;
    const options: InjectOptions = { method, url, headers: all, remoteAddress: this.ip };
    if (body !== undefined) {
      if (typeof body === 'string' || Buffer.isBuffer(body)) options.payload = body;
      else {
        options.payload = JSON.stringify(body);
        all['content-type'] ??= 'application/json';
      }
    }
    const response = await this.app.inject(options);
    this.remember(response);
    let parsed: unknown = response.body;
    if (
      String(response.headers['content-type'] ?? '').includes('application/json') &&
      response.body.length > 0
    ) {
      parsed = JSON.parse(response.body);
    }
    return { status: response.statusCode, body: parsed as T, headers: response.headers, raw: response };
  }

  get = <T = Record<string, unknown>>(url: string) => this.request<T>('GET', url);
  post = <T = Record<string, unknown>>(url: string, body?: unknown) =>
    this.request<T>('POST', url, body ?? {});
  put = <T = Record<string, unknown>>(url: string, body?: unknown) => this.request<T>('PUT', url, body ?? {});
  delete = <T = Record<string, unknown>>(url: string) => this.request<T>('DELETE', url);

  /** Fetches the session (and with it the CSRF token), as the web app does on every page load. */
  async refreshSession() {
    const reply = await this.get<{ csrfToken: string; authenticated: boolean; roles: string[] }>(
      '/api/v1/session',
    );
    this.csrf = reply.body.csrfToken;
    return reply.body;
  }

  /** First-time setup on an empty database; leaves this client logged in as the administrator. */
  async setup(admin = ADMIN, organisation = { name: 'Testbedriften AS', orgnr: ORGNR }) {
    await this.refreshSession();
    const reply = await this.post<{ organisationId: string }>('/api/v1/setup', { organisation, admin });
    if (reply.status !== 201) throw new Error(`setup failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    await this.refreshSession();
    return reply.body.organisationId;
  }

  async login(email: string, password: string) {
    await this.refreshSession();
    const reply = await this.post('/api/v1/auth/login', { email, password });
    if (reply.status === 200) await this.refreshSession();
    return reply;
  }
}

/** Fails the test with the response body when the status is not the expected one. */
export function expectStatus<T>(reply: Reply<T>, status: number): Reply<T> {
  if (reply.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
  return reply;
}
