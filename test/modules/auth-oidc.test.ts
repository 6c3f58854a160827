/**
 * Single sign-on with OpenID Connect (ADR 0019) on both databases, against a real OpenID provider
 * (`oidc-provider`) started in this process on a free port: the administrator configures it (the
 * secret stored encrypted, never returned), the login page learns the domain has SSO, the whole
 * authorization code flow runs over real HTTP through the provider's own login and consent forms,
 * and the callback opens a working session and records issuer + subject. Refused: a wrong state
 * (400), an unknown person and another organisation's user (403, nothing written).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../src/modules/auth/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { ADMIN, createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { startOidcProvider, type TestProvider } from '../support/oidc-test-provider.ts';

const CLIENT_ID = 'naervaer-test';
const CLIENT_SECRET = 'en-lang-hemmelighet-bare-for-testen-0123456789';

type Settings = {
  configured: boolean;
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  emailDomains: string[];
  enabled: boolean;
  redirectUri: string;
};

/** The provider's people: account id → e-mail (all verified except `unverified`). */
const PEOPLE: Record<string, { email: string; verified: boolean }> = {
  astrid: { email: ADMIN.email, verified: true },
  andre: { email: 'andre@example.no', verified: true },
  ukjent: { email: 'ukjent@example.no', verified: true },
  unverified: { email: ADMIN.email, verified: false },
};

/** A browser at the provider: follows redirects, keeps cookies, fills in the dev login and consent forms. */
async function signInAtProvider(authorizationUrl: string, account: string, callbackPrefix: string) {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let step = 0; step < 20; step++) {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url).href;
      if (next.startsWith(new URL(callbackPrefix).href)) return next;
      url = next;
      init = {};
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action || !prompt) {
      throw new Error(`unexpected page at the provider: ${response.status} ${html.slice(0, 300)}`);
    }
    const form = new URLSearchParams({ prompt });
    if (prompt === 'login') {
      form.set('login', account);
      form.set('password', 'hva-som-helst');
    }
    url = new URL(action, url).href;
    init = {
      method: 'POST',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    };
  }
  throw new Error('too many redirects at the provider');
}

describeEachDatabase('single sign-on (OpenID Connect) on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let orgId: string;
  let otherOrgId: string;
  let provider: TestProvider;
  let settings: Settings;

  beforeAll(async () => {
    t = await createTestApp(kind, { caches: false });
    admin = t.client();
    orgId = await admin.setup();
    // Another organisation with its own member, whose address is in the same domain.
    const other = await t.db
      .insertInto('organisation')
      .values({ name: 'Andre AS', orgnr: '974760673' })
      .returning('id')
      .executeTakeFirstOrThrow();
    otherOrgId = other.id;
    const andre = await t.db
      .insertInto('user_account')
      .values({
        name: 'Andre Admin',
        email: 'andre@example.no',
        password_hash: await hashPassword('x'.repeat(20)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('membership').values({ organisation_id: otherOrgId, user_id: andre.id }).execute();
    settings = expectStatus(await admin.get<Settings>('/api/v1/organisation/sso'), 200).body;
    expect(settings.configured).toBe(false);
    provider = await startOidcProvider({
      redirectUri: settings.redirectUri,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      person: (id) => PEOPLE[id],
    });
  }, 120_000);

  afterAll(async () => {
    provider?.server.close();
    await t?.close();
  });

  it('the administrator configures SSO: the secret is stored encrypted and never returned', async () => {
    const missingSecret = await admin.put('/api/v1/organisation/sso', {
      issuer: provider.issuer,
      clientId: CLIENT_ID,
      emailDomains: ['example.no'],
      enabled: true,
    });
    expect(missingSecret.status).toBe(400);
    expect(JSON.stringify(missingSecret.body)).toContain('clientSecret');
    const badIssuer = await admin.put('/api/v1/organisation/sso', {
      issuer: 'http://login.example.com/tenant',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      emailDomains: ['example.no'],
      enabled: true,
    });
    expect(badIssuer.status).toBe(400);
    expect(JSON.stringify(badIssuer.body)).toContain('issuer');
    expect(await t.db.selectFrom('auth_oidc_config').selectAll().execute()).toHaveLength(0);

    const saved = expectStatus(
      await admin.put<Settings>('/api/v1/organisation/sso', {
        issuer: provider.issuer,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        emailDomains: ['Example.no'],
        enabled: true,
      }),
      200,
    ).body;
    expect(saved).toMatchObject({ configured: true, hasClientSecret: true, emailDomains: ['example.no'] });
    expect(JSON.stringify(saved)).not.toContain(CLIENT_SECRET);
    const row = await t.db
      .selectFrom('auth_oidc_config')
      .selectAll()
      .where('organisation_id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(row.client_secret_enc).toMatch(/^v1\./);
    expect(row.client_secret_enc).not.toContain(CLIENT_SECRET);
    // Saving again without a secret keeps the stored one.
    expectStatus(
      await admin.put('/api/v1/organisation/sso', {
        issuer: provider.issuer,
        clientId: CLIENT_ID,
        emailDomains: ['example.no'],
        enabled: true,
      }),
      200,
    );
    const again = await t.db
      .selectFrom('auth_oidc_config')
      .select('client_secret_enc')
      .where('organisation_id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(again.client_secret_enc).toBe(row.client_secret_enc);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('organisation_id', '=', orgId)
      .where('entity_type', '=', 'sso_settings')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('the login page learns which organisations offer SSO for an address', async () => {
    const visitor = t.client({ ip: '10.9.0.1' });
    await visitor.refreshSession();
    const found = expectStatus(
      await visitor.post<{ organisations: { id: string }[] }>('/api/v1/auth/oidc/lookup', {
        email: 'Someone@EXAMPLE.no',
      }),
      200,
    ).body;
    expect(found.organisations.map((o) => o.id)).toEqual([orgId]);
    const none = expectStatus(
      await visitor.post<{ organisations: unknown[] }>('/api/v1/auth/oidc/lookup', { email: 'x@annet.no' }),
      200,
    ).body;
    expect(none.organisations).toEqual([]);
    expect((await visitor.post('/api/v1/auth/oidc/lookup', { email: 'ikke-en-adresse' })).status).toBe(400);
  });

  async function login(account: string, ip: string) {
    const browser = t.client({ ip });
    await browser.refreshSession();
    const start = expectStatus(
      await browser.post<{ authorizationUrl: string }>('/api/v1/auth/oidc/start', {
        organisationId: orgId,
        email: PEOPLE[account]?.email,
      }),
      200,
    ).body;
    expect(start.authorizationUrl.startsWith(`${provider.issuer}/`)).toBe(true);
    const back = await signInAtProvider(start.authorizationUrl, account, settings.redirectUri);
    const url = new URL(back);
    const reply = await browser.get<string>(`${url.pathname}${url.search}`);
    return { browser, reply, callback: `${url.pathname}${url.search}` };
  }

  it('a member logs in through the provider: a working session, issuer + subject recorded, audited', async () => {
    const { browser, reply, callback } = await login('astrid', '10.9.1.1');
    expect(reply.status).toBe(200);
    expect(reply.body, String(reply.body)).toContain('Du er logget inn');
    const session = await browser.refreshSession();
    expect(session.authenticated).toBe(true);
    expect(session.roles).toContain('admin');
    expectStatus(await browser.get('/api/v1/organisation/sso'), 200);
    const identity = await t.db
      .selectFrom('auth_oidc_identity')
      .innerJoin('user_account', 'user_account.id', 'auth_oidc_identity.user_id')
      .select(['auth_oidc_identity.issuer', 'auth_oidc_identity.subject', 'user_account.email'])
      .where('auth_oidc_identity.organisation_id', '=', orgId)
      .execute();
    expect(identity, JSON.stringify(identity)).toEqual([
      { issuer: provider.issuer, subject: 'astrid', email: ADMIN.email },
    ]);
    const sessions = await t.db
      .selectFrom('session')
      .select(['auth_method', 'organisation_id'])
      .where('auth_method', '=', 'oidc')
      .execute();
    expect(sessions).toEqual([{ auth_method: 'oidc', organisation_id: orgId }]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('organisation_id', '=', orgId)
      .where('action', '=', 'login')
      .execute();
    expect(audit.some((a) => JSON.stringify(a.detail).includes('oidc'))).toBe(true);
    // The same answer from the provider cannot be used twice (the login in flight is single-use).
    const replay = await browser.get<string>(callback);
    expect(replay.status).toBe(400);

    // The second login matches by issuer + subject, even after the account's address changed.
    await t.db
      .updateTable('user_account')
      .set({ email: 'astrid.ny@example.no' })
      .where('email', '=', ADMIN.email)
      .execute();
    const second = await login('astrid', '10.9.1.2');
    expect(second.reply.status).toBe(200);
    expect((await second.browser.refreshSession()).authenticated).toBe(true);
    expect(await t.db.selectFrom('auth_oidc_identity').selectAll().execute()).toHaveLength(1);
    await t.db
      .updateTable('user_account')
      .set({ email: ADMIN.email })
      .where('email', '=', 'astrid.ny@example.no')
      .execute();
  });

  async function counts() {
    const [identities, sessions] = await Promise.all([
      t.db
        .selectFrom('auth_oidc_identity')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow(),
      t.db.selectFrom('session').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { identities: identities.n, sessions: sessions.n };
  }

  it('refuses a person without an account, another organisation’s user and an unverified address', async () => {
    for (const account of ['ukjent', 'andre', 'unverified']) {
      const before = await counts();
      const { browser, reply } = await login(account, '10.9.2.1');
      expect(reply.status, account).toBe(403);
      expect(reply.raw.headers['content-type']).toContain('text/html');
      expect(reply.body).toContain('Innloggingen ble avvist');
      if (account !== 'unverified') expect(reply.body).toContain('opprettes ikke automatisk');
      expect((await browser.refreshSession()).authenticated).toBe(false);
      expect(await counts(), account).toEqual(before);
    }
    const users = await t.db.selectFrom('user_account').select('email').execute();
    expect(users.map((u) => u.email)).not.toContain('ukjent@example.no');
  });

  it('a wrong state is refused with 400 and opens no session', async () => {
    const browser = t.client({ ip: '10.9.3.1' });
    await browser.refreshSession();
    const start = expectStatus(
      await browser.post<{ authorizationUrl: string }>('/api/v1/auth/oidc/start', { organisationId: orgId }),
      200,
    ).body;
    const back = new URL(await signInAtProvider(start.authorizationUrl, 'astrid', settings.redirectUri));
    back.searchParams.set('state', 'forfalsket-state');
    const before = await counts();
    const reply = await browser.get<string>(`${back.pathname}${back.search}`);
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('Start innloggingen på nytt');
    expect(await counts()).toEqual(before);
    // No flow cookie at all (another browser): 400 too.
    const stranger = t.client({ ip: '10.9.3.2' });
    expect((await stranger.get(`${back.pathname}?code=x&state=y`)).status).toBe(400);
  });

  it('only the administrator reads or changes the settings; a disabled SSO cannot be started', async () => {
    const anonymous = t.client({ ip: '10.9.4.1' });
    await anonymous.refreshSession();
    expect((await anonymous.get('/api/v1/organisation/sso')).status).toBe(401);
    expectStatus(
      await admin.put('/api/v1/organisation/sso', {
        issuer: provider.issuer,
        clientId: CLIENT_ID,
        emailDomains: ['example.no'],
        enabled: false,
      }),
      200,
    );
    expect((await anonymous.post('/api/v1/auth/oidc/start', { organisationId: orgId })).status).toBe(404);
    expect((await anonymous.post('/api/v1/auth/oidc/start', { organisationId: otherOrgId })).status).toBe(
      404,
    );
    const lookup = await anonymous.post<{ organisations: unknown[] }>('/api/v1/auth/oidc/lookup', {
      email: 'a@example.no',
    });
    expect(lookup.body.organisations).toEqual([]);
  });
});
