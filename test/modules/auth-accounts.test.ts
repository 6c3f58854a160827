/**
 * Accounts people manage themselves (ADR 0016, issue 11) on both databases: change password with the
 * policy, reset by e-mail (same answer for unknown addresses, single use, sessions ended), the TOTP
 * second factor with recovery codes — required for admin/HR when configured —, the own sessions, and
 * a stranger's failed logins that no longer lock the owner out but are shown to them.
 */
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app/build-app.ts';
import { loadConfig } from '../../src/config.ts';
import { verifyPassword } from '../../src/modules/auth/index.ts';
import { RESET_MAIL_JOB, resetMailJob } from '../../src/modules/auth/reset.ts';
import type { Mailer } from '../../src/modules/notifications/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, TestClient } from '../support/http.ts';
import { buildSickOrg, type ErrorReply, PASSWORD, type SickOrg } from '../support/sykefravaer-org.ts';

type Session = {
  authenticated: boolean;
  secondFactorPending?: boolean;
  security: { secondFactorEnabled: boolean; secondFactorRequired: boolean; failedLogins: number } | null;
};

type OutgoingMail = Parameters<Mailer['send']>[0];

const NEW_PASSWORD = 'blåbær og multer i fjellet';

/**
 * The app's current code. Each 30-second step is accepted once per account, so a test that needs
 * several codes in a row lets "time pass" by forgetting the last used step first.
 */
async function nextCode(t: TestApp, secret: string): Promise<string> {
  await t.db.updateTable('auth_totp').set({ last_step: null }).where('secret_enc', 'is not', null).execute();
  return generate({ secret });
}

function outbox() {
  const sent: OutgoingMail[] = [];
  const mailer: Mailer = {
    description: 'test',
    async send(mail) {
      sent.push(mail);
      return { messageId: mail.messageId };
    },
    close() {},
  };
  return { sent, mailer };
}

async function runResetJobs(t: TestApp, mailer: Mailer) {
  const jobs = await t.db
    .selectFrom('job')
    .select(['id', 'key', 'payload'])
    .where('kind', '=', RESET_MAIL_JOB)
    .execute();
  const job = resetMailJob(t.db, { mailer: () => mailer, publicUrl: () => 'https://naervaer.example.no' });
  for (const j of jobs) {
    await job.handle(job.payload.parse(j.payload), {
      id: Number(j.id),
      key: j.key,
      kind: RESET_MAIL_JOB,
      organisationId: null,
      attempt: 1,
      maxAttempts: 5,
      workerId: 'test',
      signal: new AbortController().signal,
    });
    await t.db.deleteFrom('job').where('id', '=', j.id).execute();
  }
}

async function storedHash(t: TestApp, email: string) {
  const row = await t.db
    .selectFrom('user_account')
    .select(['id', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row;
}

describeEachDatabase('accounts on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  beforeAll(async () => {
    t = await createTestApp(kind, { caches: false });
    org = await buildSickOrg(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('change password', () => {
    it('needs the current password and a password the policy accepts, naming the field', async () => {
      const c = t.client();
      expectStatus(await c.login('amu@bruker.example.no', PASSWORD), 200);
      const before = await storedHash(t, 'amu@bruker.example.no');
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [
          { currentPassword: 'feil-passord-her', newPassword: NEW_PASSWORD },
          'currentPassword',
          /stemmer ikke/,
        ],
        [{ currentPassword: PASSWORD, newPassword: 'kort' }, 'newPassword', /minst 10 tegn/],
        [{ currentPassword: PASSWORD, newPassword: 'password123' }, 'newPassword', /for lett å gjette/],
        [{ currentPassword: PASSWORD, newPassword: 'demo-passord-2026' }, 'newPassword', /demopassordet/],
        [
          { currentPassword: PASSWORD, newPassword: 'anne.amu.bruker' },
          'newPassword',
          /navnet eller e-postadressen/,
        ],
        [{ currentPassword: PASSWORD }, 'newPassword', /./],
      ];
      for (const [body, field, message] of cases) {
        const reply = await c.put<ErrorReply>('/api/v1/me/password', body);
        expect(reply.status).toBe(400);
        expect(reply.body.error.fields?.map((f) => f.path)).toContain(field);
        expect(reply.body.error.fields?.find((f) => f.path === field)?.message).toMatch(message);
      }
      const english = t.client({ locale: 'en' });
      expectStatus(await english.login('amu@bruker.example.no', PASSWORD), 200);
      const en = await english.put<ErrorReply>('/api/v1/me/password', {
        currentPassword: PASSWORD,
        newPassword: 'demo-passord-2026',
      });
      expect(en.body.error.message).toMatch(/demo password/);
      expect((await storedHash(t, 'amu@bruker.example.no')).password_hash).toBe(before.password_hash);
    });

    it('stores the new hash, ends the other sessions, keeps this one and writes the audit row', async () => {
      const email = 'bht@bruker.example.no';
      const here = t.client();
      const elsewhere = t.client({ ip: '10.9.0.1' });
      expectStatus(await here.login(email, PASSWORD), 200);
      expectStatus(await elsewhere.login(email, PASSWORD), 200);
      expectStatus(
        await here.put('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
        200,
      );
      const stored = await storedHash(t, email);
      expect(await verifyPassword(stored.password_hash, NEW_PASSWORD)).toBe(true);
      expect(await verifyPassword(stored.password_hash, PASSWORD)).toBe(false);
      expect((await elsewhere.get('/api/v1/session')).body.authenticated).toBe(false);
      expect((await here.get('/api/v1/session')).body.authenticated).toBe(true);
      expect((await org.clients.bht.get('/api/v1/session')).body.authenticated).toBe(false);
      const sessions = await t.db
        .selectFrom('session')
        .select('id')
        .where('user_id', '=', stored.id)
        .execute();
      expect(sessions).toHaveLength(1);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'entity_type', 'organisation_id'])
        .where('actor_user_id', '=', stored.id)
        .where('entity_type', '=', 'password')
        .execute();
      expect(audit).toEqual([{ action: 'update', entity_type: 'password', organisation_id: org.orgId }]);
      expect((await t.client().login(email, PASSWORD)).status).toBe(401);
      expectStatus(await t.client().login(email, NEW_PASSWORD), 200);
      // Put it back for the other tests.
      expectStatus(
        await here.put('/api/v1/me/password', {
          currentPassword: NEW_PASSWORD,
          newPassword: `${PASSWORD}-x`,
        }),
        200,
      );
      org.clients.bht = here;
    });

    it('answers 401 without a login', async () => {
      const anon = t.client();
      await anon.refreshSession();
      expect(
        (await anon.put('/api/v1/me/password', { currentPassword: 'x', newPassword: NEW_PASSWORD })).status,
      ).toBe(401);
    });
  });

  describe('reset by e-mail', () => {
    it('answers the same for known and unknown addresses and does the same work', async () => {
      await t.db.deleteFrom('job').where('kind', '=', RESET_MAIL_JOB).execute();
      const anon = t.client();
      await anon.refreshSession();
      const known = await anon.post('/api/v1/auth/password-reset', {
        email: 'Tillitsvalgt@bruker.example.no',
      });
      const unknown = await anon.post('/api/v1/auth/password-reset', { email: 'finnes.ikke@example.no' });
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(unknown.body).toEqual(known.body);
      const rows = await t.db.selectFrom('auth_password_reset').select(['user_id', 'token_hash']).execute();
      expect(rows.map((r) => r.user_id === null).sort()).toEqual([false, true]);
      expect(rows.every((r) => r.token_hash === null)).toBe(true);
      expect(
        await t.db.selectFrom('job').select('id').where('kind', '=', RESET_MAIL_JOB).execute(),
      ).toHaveLength(2);
      const bad = await anon.post<ErrorReply>('/api/v1/auth/password-reset', { email: 'ikke en adresse' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields?.[0]?.path).toBe('email');
    });

    it('mails a single-use link, sets the password, ends every session', async () => {
      const email = 'tillitsvalgt@bruker.example.no';
      const { sent, mailer } = outbox();
      await runResetJobs(t, mailer);
      expect(sent).toHaveLength(1);
      const mail = sent[0];
      expect(mail?.to).toBe(email);
      const token = /nytt-passord#([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
      expect(token.length).toBeGreaterThan(20);
      expect(mail?.text).toContain('https://naervaer.example.no/nytt-passord#');
      // Only the hash is kept.
      const stored = await t.db
        .selectFrom('auth_password_reset')
        .select('token_hash')
        .where('token_hash', 'is not', null)
        .execute();
      expect(stored).toHaveLength(1);
      expect(stored[0]?.token_hash).not.toContain(token);

      const anon = t.client();
      await anon.refreshSession();
      const weak = await anon.post<ErrorReply>('/api/v1/auth/password-reset/confirm', {
        token,
        newPassword: 'qwertyuiop',
      });
      expect(weak.status).toBe(400);
      expect(weak.body.error.fields?.[0]?.path).toBe('newPassword');
      expect((await org.clients.tillitsvalgt.get('/api/v1/session')).body.authenticated).toBe(true);
      expectStatus(
        await anon.post('/api/v1/auth/password-reset/confirm', { token, newPassword: NEW_PASSWORD }),
        200,
      );
      expect((await org.clients.tillitsvalgt.get('/api/v1/session')).body.authenticated).toBe(false);
      const account = await storedHash(t, email);
      expect(await verifyPassword(account.password_hash, NEW_PASSWORD)).toBe(true);
      const again = await anon.post<ErrorReply>('/api/v1/auth/password-reset/confirm', {
        token,
        newPassword: `${NEW_PASSWORD}!`,
      });
      expect(again.status).toBe(400);
      expect(again.body.error.fields?.[0]?.path).toBe('token');
      expect(await verifyPassword((await storedHash(t, email)).password_hash, NEW_PASSWORD)).toBe(true);
      const c = t.client();
      expectStatus(await c.login(email, NEW_PASSWORD), 200);
      org.clients.tillitsvalgt = c;
    });

    it('refuses an expired link', async () => {
      const anon = t.client();
      await anon.refreshSession();
      expectStatus(
        await anon.post('/api/v1/auth/password-reset', { email: 'tillitsvalgt@bruker.example.no' }),
        202,
      );
      const { sent, mailer } = outbox();
      await runResetJobs(t, mailer);
      const token = /nytt-passord#([A-Za-z0-9_-]+)/.exec(sent[0]?.text ?? '')?.[1] ?? '';
      await t.db
        .updateTable('auth_password_reset')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('used_at', 'is', null)
        .execute();
      const reply = await anon.post<ErrorReply>('/api/v1/auth/password-reset/confirm', {
        token,
        newPassword: `${NEW_PASSWORD} 2`,
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toMatch(/utløpt/);
    });
  });

  describe('second factor', () => {
    let secret = '';
    let recovery: string[] = [];
    const email = 'hr@bruker.example.no';

    it('enrols with a QR code and a key, confirmed by a code; the secret is encrypted at rest', async () => {
      const hr = org.clients.hr;
      const status = expectStatus(await hr.get<{ enabled: boolean }>('/api/v1/me/second-factor'), 200).body;
      expect(status.enabled).toBe(false);
      const enrolment = expectStatus(
        await hr.post<{ secret: string; uri: string; qrSvg: string }>('/api/v1/me/second-factor/enrolment'),
        200,
      ).body;
      secret = enrolment.secret;
      expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
      expect(enrolment.qrSvg).toMatch(/^data:image\/svg\+xml;base64,/);
      const row = await t.db
        .selectFrom('auth_totp')
        .selectAll()
        .where('user_id', '=', org.userIds.hr)
        .executeTakeFirstOrThrow();
      expect(row.secret_enc).not.toContain(secret);
      expect(row.confirmed_at).toBeNull();
      const wrong = await hr.post<ErrorReply>('/api/v1/me/second-factor/confirm', { code: '000000' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.fields?.[0]?.path).toBe('code');
      const malformed = await hr.post<ErrorReply>('/api/v1/me/second-factor/confirm', { code: 'abc' });
      expect(malformed.status).toBe(400);
      const confirmed = expectStatus(
        await hr.post<{ recoveryCodes: string[] }>('/api/v1/me/second-factor/confirm', {
          code: await nextCode(t, secret),
        }),
        200,
      ).body;
      recovery = confirmed.recoveryCodes;
      expect(recovery).toHaveLength(10);
      const codes = await t.db
        .selectFrom('auth_recovery_code')
        .select('code_hash')
        .where('user_id', '=', org.userIds.hr)
        .execute();
      expect(codes).toHaveLength(10);
      expect(codes.every((c) => c.code_hash.startsWith('$argon2id$'))).toBe(true);
      expect(JSON.stringify(codes)).not.toContain(recovery[0]?.replace(/-/g, '') ?? 'x');
      expect(
        (
          await t.db
            .selectFrom('auth_totp')
            .select('confirmed_at')
            .where('user_id', '=', org.userIds.hr)
            .executeTakeFirstOrThrow()
        ).confirmed_at,
      ).not.toBeNull();
      expect((await hr.post('/api/v1/me/second-factor/enrolment')).status).toBe(409);
      const audit = await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'second_factor')
        .where('actor_user_id', '=', org.userIds.hr)
        .execute();
      expect(audit).toEqual([{ action: 'create' }]);
    });

    it('asks for the code after the password; no session before it', async () => {
      const c = t.client();
      const first = expectStatus(await c.login(email, PASSWORD), 200).body as unknown as Session;
      expect(first.authenticated).toBe(false);
      expect(first.secondFactorPending).toBe(true);
      expect((await c.get('/api/v1/employees')).status).toBe(401);
      const wrong = await c.post<ErrorReply>('/api/v1/auth/login/second-factor', { code: '123456' });
      expect(wrong.status).toBe(400);
      const code = await nextCode(t, secret);
      const ok = expectStatus(await c.post<Session>('/api/v1/auth/login/second-factor', { code }), 200).body;
      expect(ok.authenticated).toBe(true);
      // The same code is never taken twice (someone who saw it over a shoulder is too late).
      const replay = t.client();
      expectStatus(await replay.login(email, PASSWORD), 200);
      expect((await replay.post('/api/v1/auth/login/second-factor', { code })).status).toBe(400);
      await c.refreshSession();
      expect((await c.get('/api/v1/employees')).status).toBe(200);
      // Without the step cookie the second step is refused.
      const stranger = t.client();
      await stranger.refreshSession();
      expect(
        (await stranger.post('/api/v1/auth/login/second-factor', { code: await nextCode(t, secret) })).status,
      ).toBe(401);
    });

    it('takes each recovery code once', async () => {
      const code = recovery[0] ?? '';
      const c = t.client();
      expectStatus(await c.login(email, PASSWORD), 200);
      expect(
        (await c.post<Session>('/api/v1/auth/login/second-factor', { recoveryCode: code.toUpperCase() })).body
          .authenticated,
      ).toBe(true);
      const d = t.client();
      expectStatus(await d.login(email, PASSWORD), 200);
      expect((await d.post('/api/v1/auth/login/second-factor', { recoveryCode: code })).status).toBe(400);
      const used = await t.db
        .selectFrom('auth_recovery_code')
        .select('id')
        .where('user_id', '=', org.userIds.hr)
        .where('used_at', 'is not', null)
        .execute();
      expect(used).toHaveLength(1);
      expect(
        expectStatus(await c.get<{ recoveryCodesLeft: number }>('/api/v1/me/second-factor'), 200).body
          .recoveryCodesLeft,
      ).toBe(9);
    });

    it('ends the second step after five wrong codes, and locks that address out like wrong passwords', async () => {
      const c = t.client({ ip: '10.77.0.1' });
      expectStatus(await c.login(email, PASSWORD), 200);
      for (let i = 0; i < 5; i++) {
        expect((await c.post('/api/v1/auth/login/second-factor', { code: '000001' })).status).toBe(400);
      }
      const late = await c.post('/api/v1/auth/login/second-factor', { code: await nextCode(t, secret) });
      expect(late.status).toBe(401);
      // Whoever has the password cannot go on trying codes from there.
      expect((await t.client({ ip: '10.77.0.1' }).login(email, PASSWORD)).status).toBe(429);
    });

    it('makes new recovery codes only with the password and a code; the old ones stop working', async () => {
      const c = t.client();
      expectStatus(await c.login(email, PASSWORD), 200);
      expectStatus(
        await c.post('/api/v1/auth/login/second-factor', { code: await nextCode(t, secret) }),
        200,
      );
      await c.refreshSession();
      const hashesBefore = await t.db
        .selectFrom('auth_recovery_code')
        .select('code_hash')
        .where('user_id', '=', org.userIds.hr)
        .execute();
      const wrongPassword = await c.post<ErrorReply>('/api/v1/me/second-factor/recovery-codes', {
        password: 'feil-passord',
        code: await nextCode(t, secret),
      });
      expect(wrongPassword.status).toBe(400);
      expect(wrongPassword.body.error.fields?.[0]?.path).toBe('password');
      const wrongCode = await c.post<ErrorReply>('/api/v1/me/second-factor/recovery-codes', {
        password: PASSWORD,
        code: '000000',
      });
      expect(wrongCode.status).toBe(400);
      expect(wrongCode.body.error.fields?.[0]?.path).toBe('code');
      // Refused twice: nothing changed.
      expect(
        await t.db
          .selectFrom('auth_recovery_code')
          .select('code_hash')
          .where('user_id', '=', org.userIds.hr)
          .execute(),
      ).toEqual(hashesBefore);
      const fresh = expectStatus(
        await c.post<{ recoveryCodes: string[] }>('/api/v1/me/second-factor/recovery-codes', {
          password: PASSWORD,
          code: await nextCode(t, secret),
        }),
        200,
      ).body.recoveryCodes;
      expect(fresh).toHaveLength(10);
      expect(fresh.some((code) => recovery.includes(code))).toBe(false);
      const stored = await t.db
        .selectFrom('auth_recovery_code')
        .select(['code_hash', 'used_at'])
        .where('user_id', '=', org.userIds.hr)
        .execute();
      expect(stored).toHaveLength(10);
      expect(stored.every((r) => r.used_at === null && r.code_hash.startsWith('$argon2id$'))).toBe(true);
      expect(stored.some((r) => hashesBefore.some((b) => b.code_hash === r.code_hash))).toBe(false);
      expect(
        expectStatus(await c.get<{ recoveryCodesLeft: number }>('/api/v1/me/second-factor'), 200).body
          .recoveryCodesLeft,
      ).toBe(10);
      // An old, unused code no longer logs in; a new one does.
      const old = t.client();
      expectStatus(await old.login(email, PASSWORD), 200);
      expect(
        (await old.post('/api/v1/auth/login/second-factor', { recoveryCode: recovery[1] ?? '' })).status,
      ).toBe(400);
      const next = t.client();
      expectStatus(await next.login(email, PASSWORD), 200);
      expect(
        (await next.post<Session>('/api/v1/auth/login/second-factor', { recoveryCode: fresh[0] ?? '' })).body
          .authenticated,
      ).toBe(true);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('entity_type', '=', 'second_factor')
        .where('actor_user_id', '=', org.userIds.hr)
        .where('action', '=', 'update')
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit[0]?.detail)).toContain('replaced');
    });

    it('turns off only with the password and a code', async () => {
      const c = t.client();
      expectStatus(await c.login(email, PASSWORD), 200);
      expectStatus(
        await c.post('/api/v1/auth/login/second-factor', { code: await nextCode(t, secret) }),
        200,
      );
      await c.refreshSession();
      const noPassword = await c.post<ErrorReply>('/api/v1/me/second-factor/disable', {
        password: 'feil-passord',
        code: await nextCode(t, secret),
      });
      expect(noPassword.status).toBe(400);
      expect(noPassword.body.error.fields?.[0]?.path).toBe('password');
      const noCode = await c.post<ErrorReply>('/api/v1/me/second-factor/disable', {
        password: PASSWORD,
        code: '000000',
      });
      expect(noCode.status).toBe(400);
      expect(noCode.body.error.fields?.[0]?.path).toBe('code');
      expect(
        await t.db.selectFrom('auth_totp').select('user_id').where('user_id', '=', org.userIds.hr).execute(),
      ).toHaveLength(1);
      expectStatus(
        await c.post('/api/v1/me/second-factor/disable', {
          password: PASSWORD,
          code: await nextCode(t, secret),
        }),
        200,
      );
      expect(
        await t.db.selectFrom('auth_totp').select('user_id').where('user_id', '=', org.userIds.hr).execute(),
      ).toHaveLength(0);
      expect(
        await t.db
          .selectFrom('auth_recovery_code')
          .select('id')
          .where('user_id', '=', org.userIds.hr)
          .execute(),
      ).toHaveLength(0);
      const plain = t.client();
      expect(((await plain.login(email, PASSWORD)).body as unknown as Session).authenticated).toBe(true);
      org.clients.hr = plain;
    });

    it('is optional where the configuration says so (the test app): admin works without it', async () => {
      const session = (await org.clients.admin.refreshSession()) as unknown as Session;
      expect(session.security?.secondFactorRequired).toBe(false);
      expect((await org.clients.admin.get('/api/v1/units')).status).toBe(200);
    });
  });

  describe('own sessions', () => {
    it('lists them with browser and network, ends one and all others', async () => {
      const email = 'ledera@bruker.example.no';
      const a = t.client({ ip: '10.20.30.40' });
      const b = t.client({ ip: '10.20.31.41' });
      const cc = t.client({ ip: '2001:db8:1:2::7' });
      for (const c of [a, b, cc]) {
        await c.refreshSession();
        expectStatus(
          await c.request(
            'POST',
            '/api/v1/auth/login',
            { email, password: PASSWORD },
            {
              'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0',
            },
          ),
          200,
        );
        await c.refreshSession();
      }
      type List = {
        items: { id: string; current: boolean; userAgent: string; ipPrefix: string; createdAt: string }[];
      };
      const list = expectStatus(await a.get<List>('/api/v1/me/sessions'), 200).body.items;
      expect(list.length).toBeGreaterThanOrEqual(4); // buildSickOrg's own login too
      const mine = list.find((s) => s.current);
      expect(mine?.ipPrefix).toBe('10.20.30.0/24');
      expect(mine?.userAgent).toBe('Firefox / Linux');
      expect(list.some((s) => s.ipPrefix === '2001:db8:1::/48')).toBe(true);
      const raw = await t.db.selectFrom('session').select('id').execute();
      expect(list.some((s) => raw.some((r) => r.id === s.id))).toBe(false);
      const bId = list.find((s) => s.ipPrefix === '10.20.31.0/24')?.id ?? '';
      // Another user cannot end it (404), nor can anyone name a made-up one.
      expect((await org.clients.lederB.delete(`/api/v1/me/sessions/${bId}`)).status).toBe(404);
      expect((await a.delete('/api/v1/me/sessions/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
      expect((await a.delete('/api/v1/me/sessions/%20')).status).toBe(400);
      expectStatus(await a.delete(`/api/v1/me/sessions/${bId}`), 200);
      expect((await b.get('/api/v1/session')).body.authenticated).toBe(false);
      expect((await cc.get('/api/v1/session')).body.authenticated).toBe(true);
      expectStatus(await a.post('/api/v1/me/sessions/end-others'), 200);
      expect((await cc.get('/api/v1/session')).body.authenticated).toBe(false);
      expect((await org.clients.lederA.get('/api/v1/session')).body.authenticated).toBe(false);
      const left = await t.db
        .selectFrom('session')
        .select('id')
        .where('user_id', '=', org.userIds.lederA)
        .execute();
      expect(left).toHaveLength(1);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('entity_type', '=', 'session')
        .where('actor_user_id', '=', org.userIds.lederA)
        .execute();
      expect(audit.map((r) => r.action)).toEqual(['delete', 'delete']);
      org.clients.lederA = a;
    });
  });

  describe('failed logins by a stranger (issue 11 item 5)', () => {
    it('lock the stranger out, not the owner, and are shown to the owner', async () => {
      const email = 'lederb@bruker.example.no';
      for (let i = 0; i < 5; i++) {
        expect((await t.client({ ip: '10.66.0.1' }).login(email, `galt-passord-${i}`)).status).toBe(401);
      }
      // The stranger's address is locked out of this account, even with the right password.
      expect((await t.client({ ip: '10.66.0.1' }).login(email, PASSWORD)).status).toBe(429);
      // Other addresses: a wrong password still says "locked", the right one gets in (after a short wait).
      expect((await t.client({ ip: '10.66.0.2' }).login(email, 'galt-igjen-passord')).status).toBe(429);
      const owner = t.client({ ip: '192.168.1.20' });
      const started = Date.now();
      const reply = expectStatus(await owner.login(email, PASSWORD), 200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      expect((reply.body as unknown as Session).security?.failedLogins).toBe(6);
      const list = expectStatus(
        await owner.get<{ items: { ipPrefix: string }[] }>('/api/v1/me/failed-logins'),
        200,
      ).body.items;
      expect(list).toHaveLength(6);
      expect(list.every((f) => f.ipPrefix.startsWith('10.66.0.'))).toBe(true);
      expectStatus(await owner.post('/api/v1/me/failed-logins/seen'), 200);
      expect(((await owner.refreshSession()) as unknown as Session).security?.failedLogins).toBe(0);
      const rows = await t.db
        .selectFrom('auth_failed_login')
        .select('seen_at')
        .where('user_id', '=', org.userIds.lederB)
        .execute();
      expect(rows.every((r) => r.seen_at !== null)).toBe(true);
      org.clients.lederB = owner;
    });
  });
});

describeEachDatabase('second factor required (production default) on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let hr: TestClient;
  let ansatt: TestClient;
  beforeAll(async () => {
    const base = await createTestApp(kind, { caches: false });
    const app = await buildApp({ db: base.db, logLevel: 'silent', secondFactor: 'required' });
    await app.ready();
    t = {
      ...base,
      app,
      client: (o) => new TestClient(app, o?.ip ?? '127.0.0.1', o?.locale ?? 'nb'),
      async close() {
        await app.close();
        await base.close();
      },
    };
    admin = t.client();
    await admin.setup();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is the configuration default', () => {
    expect(loadConfig({}).secondFactor).toBe('required');
    expect(loadConfig({ NAERVAER_SECOND_FACTOR: 'optional' }).secondFactor).toBe('optional');
    expect(() => loadConfig({ NAERVAER_SECOND_FACTOR: 'off' })).toThrow(/NAERVAER_SECOND_FACTOR/);
  });

  it('sends admin and HR to enrol first (403 SECOND_FACTOR_REQUIRED), then lets them in', async () => {
    const enrol = async (c: TestClient) => {
      const session = (await c.refreshSession()) as unknown as Session;
      expect(session.authenticated).toBe(true);
      expect(session.security?.secondFactorRequired).toBe(true);
      const refused = await c.get<ErrorReply & { error: { reason?: string } }>('/api/v1/users');
      expect(refused.status).toBe(403);
      expect(refused.body.error.reason).toBe('SECOND_FACTOR_REQUIRED');
      expect(refused.body.error.message).toMatch(/autentiseringsapp/);
      const enrolment = expectStatus(
        await c.post<{ secret: string }>('/api/v1/me/second-factor/enrolment'),
        200,
      ).body;
      expectStatus(
        await c.post('/api/v1/me/second-factor/confirm', { code: await nextCode(t, enrolment.secret) }),
        200,
      );
      expect(((await c.refreshSession()) as unknown as Session).security?.secondFactorRequired).toBe(false);
    };
    await enrol(admin);
    expect((await admin.get('/api/v1/users')).status).toBe(200);
    for (const [email, roles] of [
      ['hanne@example.no', ['hr']],
      ['ola@example.no', ['ansatt']],
    ] as const) {
      expectStatus(
        await admin.post('/api/v1/users', { name: email.split('@')[0], email, password: PASSWORD, roles }),
        201,
      );
    }
    hr = t.client();
    expect(((await hr.login('hanne@example.no', PASSWORD)).body as unknown as Session).authenticated).toBe(
      true,
    );
    await enrol(hr);
    expect((await hr.get('/api/v1/employees')).status).toBe(200);
  });

  it('leaves other roles alone', async () => {
    ansatt = t.client();
    const session = (await ansatt.login('ola@example.no', PASSWORD)).body as unknown as Session;
    expect(session.authenticated).toBe(true);
    expect(session.security?.secondFactorRequired).toBe(false);
    expect((await ansatt.get('/api/v1/me/sessions')).status).toBe(200);
    expect((await ansatt.get('/api/v1/units')).status).not.toBe(403);
  });
});
