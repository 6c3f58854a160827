/**
 * What a security probe found at the HTTP boundary (issue 11), on both databases:
 * - a NUL byte in any string is a 400 naming the field, logged in or not (it was a 500: 22021);
 * - an unexpected database error is logged by its SQLSTATE and where, never with the values;
 * - Fastify's own errors (a malformed URL, a 100 000-character URL) answer in our error shape;
 * - JSON answers of the API carry `Cache-Control: no-store`; HSTS is sent when the app is reached
 *   over https.
 */
import { request as httpRequest } from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../src/app/build-app.ts';
import { buildHttpApp, loggableError } from '../../src/http/app.ts';
import { access, defineRoute } from '../../src/platform/route.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, type TestApp } from '../support/http.ts';
import { buildSickOrg, type ErrorReply, type SickOrg } from '../support/sykefravaer-org.ts';

type FieldErrorReply = ErrorReply & { error: { fields?: { path: string }[] } };

const MARKER = 'Kari Nordmann kari.marker@example.no';

describeEachDatabase('HTTP hardening on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await buildSickOrg(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a NUL byte is a 400 naming the field — in a login, a search and a body — and nothing is written', async () => {
    const login = await t.client().login('a\u0000b@x.no', 'whatever-long-enough');
    expect(login.status).toBe(400);
    const loginError = login.body as FieldErrorReply;
    expect(loginError.error.code).toBe('VALIDATION_FAILED');
    expect(loginError.error.fields?.map((f) => f.path)).toEqual(['email']);

    const search = await org.clients.hr.get<FieldErrorReply>('/api/v1/employees?search=%00');
    expect(search.status).toBe(400);
    expect(search.body.error.fields?.map((f) => f.path)).toEqual(['search']);

    const before = await t.db.selectFrom('custom_reminder').select('id').execute();
    const nested = await org.clients.hr.post<FieldErrorReply>('/api/v1/reminders', {
      remindOn: '2030-01-01',
      text: 'Ring\u0000 tilbake',
    });
    expect(nested.status).toBe(400);
    expect(nested.body.error.fields?.map((f) => f.path)).toEqual(['text']);
    expect(await t.db.selectFrom('custom_reminder').select('id').execute()).toEqual(before);
  });

  it('JSON answers of the API are no-store; without https no HSTS', async () => {
    for (const reply of [
      await org.clients.hr.get('/api/v1/employees'),
      await t.client().get('/api/v1/session'),
      await t.client().get('/api/v1/finnes-ikke'),
    ]) {
      expect(reply.headers['cache-control']).toBe('no-store');
      expect(reply.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('a malformed URL answers in our error shape', async () => {
    const reply = await t.app.inject({ method: 'GET', url: '/api/v1/employees/%E0%A4%A' });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });
});

describe('HTTP hardening outside the request cycle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { caches: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an unexpected database error is logged by its code and route, never with the values', async () => {
    const lines: string[] = [];
    const failing = defineRoute({
      method: 'GET',
      url: '/api/v1/test/fails',
      summary: 'fails',
      tags: ['test'],
      access: access.public,
      response: z.object({ n: z.number() }),
      async handler(_input, { db }) {
        // Division by zero with a person's name and e-mail as query parameters.
        await sql`select ${MARKER}::text as who, 1 / (length(${MARKER}) - length(${MARKER})) as n`.execute(
          db,
        );
        return { n: 1 };
      },
    });
    const app = await buildHttpApp({
      db: t.db,
      logLevel: 'error',
      logStream: { write: (line) => void lines.push(line) },
      routes: [failing],
      caches: [],
      sessions: { sessionCookie: 's', csrfCookie: 'c', load: async () => null },
    });
    await app.ready();
    const reply = await app.inject({ method: 'GET', url: '/api/v1/test/fails' });
    await app.close();
    expect(reply.statusCode).toBe(500);
    expect(reply.json()).toMatchObject({ error: { code: 'INTERNAL' } });
    const log = lines.join('\n');
    expect(log).toContain('"code":"22012"');
    expect(log).toContain('/api/v1/test/fails');
    expect(log).not.toContain('kari.marker');
    expect(log).not.toContain('Nordmann');
  });

  it('loggableError keeps the SQLSTATE and schema names, drops message, detail and parameters', () => {
    const pgError = Object.assign(new Error(`duplicate key value: ${MARKER}`), {
      code: '23505',
      detail: `Key (email)=(${MARKER}) already exists.`,
      table: 'user_account',
      constraint: 'user_account_email_key',
      params: [MARKER],
      query: 'insert into user_account …',
    });
    const logged = loggableError(pgError);
    expect(logged).toMatchObject({ type: 'Error', code: '23505', table: 'user_account' });
    expect(JSON.stringify(logged)).not.toContain('marker');
  });

  it('a 100 000-character URL gets a 431 in our error shape, and the server keeps answering', async () => {
    const app = await buildApp({ db: t.db, logLevel: 'silent' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      const long = await get(`/api/v1/employees?search=${'a'.repeat(100_000)}`);
      expect(long.status).toBe(431);
      expect(JSON.parse(long.body)).toMatchObject({ error: { code: 'HEADERS_TOO_LARGE' } });
      expect((await get('/api/v1/health')).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('HSTS is sent when the app is reached over https', async () => {
    const app = await buildApp({ db: t.db, logLevel: 'silent', hsts: true });
    await app.ready();
    const reply = await app.inject({ method: 'GET', url: '/api/v1/health' });
    await app.close();
    expect(reply.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
