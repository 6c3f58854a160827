import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/each-database.ts';
import { ADMIN, createTestApp, expectStatus, ORGNR, type TestApp } from '../support/http.ts';

type ErrorReply = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

describeEachDatabase('foundation on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('asks for first-time setup on an empty database and validates the orgnr by mod 11', async () => {
    const c = t.client();
    expect((await c.get('/api/v1/setup')).body).toEqual({ needsSetup: true });
    await c.refreshSession();
    const bad = await c.post<ErrorReply>('/api/v1/setup', {
      organisation: { name: 'Feil AS', orgnr: '889640783' },
      admin: ADMIN,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.fields?.[0]?.path).toBe('organisation.orgnr');
    expect(bad.body.error.message).toContain('organisasjonsnummer');
    const weak = await c.post<ErrorReply>('/api/v1/setup', {
      organisation: { name: 'Feil AS', orgnr: ORGNR },
      admin: { ...ADMIN, password: 'kort' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields?.map((f) => f.path)).toEqual(['admin.password']);
    expect(await t.db.selectFrom('organisation').select('id').execute()).toHaveLength(0);
  });

  it('refuses a state change without the CSRF token', async () => {
    const c = t.client();
    const reply = await c.request<ErrorReply>('POST', '/api/v1/setup', {}, { 'x-csrf-token': 'wrong' });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('CSRF_FAILED');
  });

  it('creates the organisation and its first administrator, logged in, once', async () => {
    const c = t.client();
    await c.setup();
    const session = await c.get<{ authenticated: boolean; roles: string[]; organisation: { orgnr: string } }>(
      '/api/v1/session',
    );
    expect(session.body.authenticated).toBe(true);
    expect(session.body.roles).toEqual(['admin']);
    expect(session.body.organisation.orgnr).toBe(ORGNR);
    const cookie = session.raw.cookies;
    expect(cookie).toEqual([]); // the session cookie was set by setup, not re-sent on every read

    const again = t.client();
    await again.refreshSession();
    const second = await again.post<ErrorReply>('/api/v1/setup', {
      organisation: { name: 'Andre AS', orgnr: '974760673' },
      admin: { ...ADMIN, email: 'andre@example.no' },
    });
    expect(second.status).toBe(409);
    expect((await t.client().get('/api/v1/setup')).body).toEqual({ needsSetup: false });
  });

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const c = t.client();
    await c.refreshSession();
    const reply = expectStatus(
      await c.post('/api/v1/auth/login', { email: ADMIN.email, password: ADMIN.password }),
      200,
    );
    const cookie = reply.raw.cookies.find((k) => k.name === 'naervaer_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(String(cookie?.sameSite).toLowerCase()).toBe('lax');
    expect(cookie?.secure).toBeFalsy(); // plain HTTP in tests; Secure behind HTTPS
  });

  it('logs in and out, with a Norwegian message for a wrong password', async () => {
    const c = t.client({ ip: '10.0.0.2' });
    const wrong = await c.login(ADMIN.email, 'feil-passord-her');
    expect(wrong.status).toBe(401);
    expect((wrong.body as ErrorReply).error.message).toBe('Feil e-postadresse eller passord.');
    const english = t.client({ ip: '10.0.0.2', locale: 'en' });
    const wrongEn = await english.login(ADMIN.email, 'feil-passord-her');
    expect((wrongEn.body as ErrorReply).error.message).toBe('Wrong e-mail address or password.');
    expectStatus(await c.login(ADMIN.email, ADMIN.password), 200);
    expect((await c.refreshSession()).authenticated).toBe(true);
    expectStatus(await c.post('/api/v1/auth/logout'), 200);
    expect((await c.refreshSession()).authenticated).toBe(false);
    expect((await c.get('/api/v1/units')).status).toBe(401);
  });

  it('rate-limits login per account with a clear Norwegian message', async () => {
    const email = 'ingen@example.no';
    for (let i = 0; i < 5; i++) {
      expect((await t.client({ ip: `10.1.0.${i}` }).login(email, 'galt-passord')).status).toBe(401);
    }
    const locked = await t.client({ ip: '10.1.0.99' }).login(email, 'galt-passord');
    expect(locked.status).toBe(429);
    expect((locked.body as ErrorReply).error.message).toMatch(
      /^For mange mislykkede innloggingsforsøk\. Vent 15 minutter/,
    );
    expect(locked.headers['retry-after']).toBe('900');
  });

  it('rate-limits login per IP address across accounts', async () => {
    const ip = '10.2.0.1';
    for (let i = 0; i < 30; i++) {
      expect((await t.client({ ip }).login(`person${i}@example.no`, 'galt-passord')).status).toBe(401);
    }
    expect((await t.client({ ip }).login(ADMIN.email, ADMIN.password)).status).toBe(429);
    // Another address is not affected.
    expect((await t.client({ ip: '10.2.0.2' }).login(ADMIN.email, ADMIN.password)).status).toBe(200);
  });

  it('sends the security headers on every answer: a strict CSP, no framing, no sniffing, no referrer', async () => {
    const c = t.client();
    for (const reply of [await c.get('/api/v1/session'), await c.get('/api/v1/finnes-ikke')]) {
      const csp = String(reply.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "form-action 'self'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
      expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(reply.headers['strict-transport-security']).toBeUndefined(); // only when reached over https
    }
  });

  it('answers unknown API routes with 404 JSON and serves the OpenAPI document', async () => {
    const c = t.client();
    const missing = await c.get<ErrorReply>('/api/v1/finnes-ikke');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const doc = await c.get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      '/api/v1/openapi.json',
    );
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/employees',
        '/api/v1/employees/{id}',
        '/api/v1/units',
        '/api/v1/setup',
      ]),
    );
    const createEmployee = doc.body.paths['/api/v1/employees']?.post as { requestBody: unknown };
    expect(JSON.stringify(createEmployee.requestBody)).toContain('employmentStart');
  });

  it('refuses to start with an API route that has no access rule', async () => {
    await expect(async () => {
      const { buildApp } = await import('../../src/app/build-app.ts');
      const app = await buildApp({ db: t.db, logLevel: 'silent' });
      app.get('/api/v1/hemmelig', async () => ({ secret: true }));
      await app.ready();
    }).rejects.toThrow(/no access rule/);
  });
});

describeEachDatabase('the demo, switching organisation and the language choice on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  type Account = { role: string; name: string; email: string; password: string };
  type Session = {
    authenticated: boolean;
    user: { id: string; locale: string } | null;
    organisation: { id: string; name: string } | null;
    organisations: { id: string; name: string }[];
    roles: string[];
  };
  let accounts: Account[] = [];
  let demoOrg = '';

  it('loads the demo organisation once, on an empty database, and its accounts log in', async () => {
    const c = t.client();
    await c.refreshSession();
    const demo = expectStatus(
      await c.post<{ organisationId: string; accounts: Account[] }>('/api/v1/setup/demo'),
      201,
    ).body;
    demoOrg = demo.organisationId;
    accounts = demo.accounts;
    expect(accounts.map((a) => a.role.split(' ')[0])).toEqual(
      expect.arrayContaining(['admin', 'hr', 'leder', 'ansatt', 'verneombud', 'bht']),
    );
    const orgs = await t.db.selectFrom('organisation').select(['id', 'orgnr']).execute();
    expect(orgs.map((o) => o.id)).toEqual([demoOrg]);
    const members = await t.db
      .selectFrom('membership')
      .select('user_id')
      .where('organisation_id', '=', demoOrg)
      .execute();
    expect(members).toHaveLength(accounts.length);
    const employees = await t.db
      .selectFrom('employee')
      .select('id')
      .where('organisation_id', '=', demoOrg)
      .execute();
    expect(employees.length).toBeGreaterThan(10);
    expect((await c.post<ErrorReply>('/api/v1/setup/demo')).status).toBe(409);
    expect((await t.client().get('/api/v1/setup')).body).toEqual({ needsSetup: false });
    const leader = accounts.find((a) => a.role.startsWith('leder'))!;
    expectStatus(await t.client().login(leader.email, leader.password), 200);
  });

  it('lets the bedriftshelsetjeneste switch to another organisation it serves, and no other', async () => {
    const bht = accounts.find((a) => a.role.startsWith('bht'))!;
    const user = await t.db
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', bht.email)
      .executeTakeFirstOrThrow();
    const second = await t.db
      .insertInto('organisation')
      .values({ name: 'Kystbyen AS', orgnr: '974760673' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const third = await t.db
      .insertInto('organisation')
      .values({ name: 'Ukjent AS', orgnr: ORGNR })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('membership').values({ organisation_id: second.id, user_id: user.id }).execute();
    await t.db
      .insertInto('role_assignment')
      .values({ organisation_id: second.id, user_id: user.id, role: 'bht' })
      .execute();

    const c = t.client();
    expectStatus(await c.login(bht.email, bht.password), 200);
    const before = (await c.get<Session>('/api/v1/session')).body;
    expect(before.organisation?.id).toBe(demoOrg);
    const listed = (await c.get<Session>('/api/v1/session')).body.organisations.map((o) => o.id);
    expect(listed.sort()).toEqual([demoOrg, second.id].sort());

    const switched = expectStatus(
      await c.put<Session>('/api/v1/session/organisation', { organisationId: second.id }),
      200,
    ).body;
    expect(switched.organisation).toMatchObject({ id: second.id, name: 'Kystbyen AS' });
    expect(switched.roles).toEqual(['bht']);
    const after = (await c.get<Session>('/api/v1/session')).body;
    expect(after.organisation?.id).toBe(second.id);
    const stored = await t.db
      .selectFrom('session')
      .select('organisation_id')
      .where('user_id', '=', user.id)
      .execute();
    expect(stored.map((r) => r.organisation_id)).toEqual([second.id]);

    // an organisation the user is not a member of: 404, and the session stays where it was
    expect((await c.put('/api/v1/session/organisation', { organisationId: third.id })).status).toBe(404);
    expect((await c.get<Session>('/api/v1/session')).body.organisation?.id).toBe(second.id);
  });

  it('stores the language choice on the account, so the next login starts in it', async () => {
    const ansatt = accounts.find((a) => a.role.startsWith('ansatt'))!;
    const c = t.client();
    expectStatus(await c.login(ansatt.email, ansatt.password), 200);
    expect((await c.get<Session>('/api/v1/session')).body.user?.locale).toBe('nb');
    expectStatus(await c.put('/api/v1/me/locale', { locale: 'en' }), 200);
    const bad = await c.put<ErrorReply>('/api/v1/me/locale', { locale: 'sv' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.map((f) => f.path)).toEqual(['locale']);
    const stored = await t.db
      .selectFrom('user_account')
      .select('locale')
      .where('email', '=', ansatt.email)
      .executeTakeFirstOrThrow();
    expect(stored.locale).toBe('en');
    const again = t.client();
    expectStatus(await again.login(ansatt.email, ansatt.password), 200);
    expect((await again.get<Session>('/api/v1/session')).body.user?.locale).toBe('en');
  });
});

describe('serving the web app', () => {
  it('serves index.html for page paths, files as they are, and 404 for missing files', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { buildApp } = await import('../../src/app/build-app.ts');
    const { createTestDatabaseOf } = await import('../support/db.ts');
    const dir = mkdtempSync(join(tmpdir(), 'naervaer-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Nærvær</title>');
    const database = await createTestDatabaseOf('pglite');
    const app = await buildApp({ db: database.db, webDir: dir, logLevel: 'silent' });
    try {
      const root = await app.inject({ method: 'GET', url: '/' });
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('<title>Nærvær</title>');
      expect(root.headers['content-security-policy']).toContain("script-src 'self'");
      const page = await app.inject({ method: 'GET', url: '/ansatte/123' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Nærvær</title>');
      writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log(1)'); // built after start
      const file = await app.inject({ method: 'GET', url: '/assets/app-1.js' });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toContain('javascript');
      expect((await app.inject({ method: 'GET', url: '/assets/gone-2.js' })).statusCode).toBe(404);
      const api = await app.inject({ method: 'GET', url: '/api/v1/nope' });
      expect(api.statusCode).toBe(404);
      expect(api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    } finally {
      await app.close();
      await database.close();
    }
  });
});
