/**
 * Issue 11 item 4 on both databases: an administrator adding an e-mail that already has an account in
 * another organisation learns nothing (the same reply and list entry as for a new person, the name
 * they typed, never the account's), and the account is attached only when its owner accepts the
 * invitation after logging in. Declining, withdrawing, other people's invitations, bad input.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyPassword } from '../../src/modules/auth/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { buildSickOrg, type ErrorReply, PASSWORD, type SickOrg } from '../support/sykefravaer-org.ts';

type User = {
  id: string;
  name: string;
  email: string;
  roles: string[];
  pending: boolean;
  employeeId: string | null;
};
type Invitation = { organisationId: string; id: string; organisationName: string; roles: string[] };

describeEachDatabase('user invitations on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  beforeAll(async () => {
    t = await createTestApp(kind, { caches: false });
    org = await buildSickOrg(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers an existing account elsewhere exactly like a new person, and attaches nothing', async () => {
    const other = org.clients.otherOrg; // «Andre Admin» of Andre AS
    const typed = { name: 'Kari Konsulent', password: 'et helt nytt passord 2026', roles: ['bht'] };
    const existing = await other.post<User>('/api/v1/users', { ...typed, email: 'HR@bruker.example.no' });
    const fresh = await other.post<User>('/api/v1/users', {
      ...typed,
      name: 'Nora Ny',
      email: 'nora.ny@example.no',
    });
    expect(existing.status).toBe(201);
    expect(fresh.status).toBe(201);
    const shape = (u: User) => ({ ...u, id: typeof u.id, name: typeof u.name, email: u.email.toLowerCase() });
    expect(shape(existing.body)).toEqual({ ...shape(fresh.body), email: 'hr@bruker.example.no' });
    expect(existing.body.name).toBe('Kari Konsulent'); // never «Hanne HR»
    expect(existing.body.pending).toBe(true);
    expect(fresh.body.pending).toBe(true);
    const list = expectStatus(await other.get<{ items: User[] }>('/api/v1/users'), 200).body.items;
    expect(JSON.stringify(list)).not.toContain('Hanne HR');
    expect(list.find((u) => u.id === existing.body.id)?.pending).toBe(true);
    expect(list.find((u) => u.id === fresh.body.id)?.pending).toBe(true);
    // Stored: an invitation, no membership, no roles; the account itself untouched.
    const membership = await t.db
      .selectFrom('membership')
      .select('user_id')
      .where('organisation_id', '=', org.otherOrgId)
      .where('user_id', '=', org.userIds.hr)
      .execute();
    expect(membership).toHaveLength(0);
    const invitation = await t.db
      .selectFrom('user_invitation')
      .selectAll()
      .where('organisation_id', '=', org.otherOrgId)
      .executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ email: 'HR@bruker.example.no', name: 'Kari Konsulent', roles: 'bht' });
    const account = await t.db
      .selectFrom('user_account')
      .select(['name', 'password_hash'])
      .where('id', '=', org.userIds.hr)
      .executeTakeFirstOrThrow();
    expect(account.name).toBe('Hanne HR');
    expect(await verifyPassword(account.password_hash, PASSWORD)).toBe(true);
    // The person logging in does not land in Andre AS.
    const hr = t.client();
    const session = expectStatus(await hr.login('hr@bruker.example.no', PASSWORD), 200).body as {
      organisations: { name: string }[];
    };
    expect(session.organisations.map((o) => o.name)).toEqual(['Testbedriften AS']);
    // Asking again: the same conflict as for anyone already on the list.
    expect((await other.post('/api/v1/users', { ...typed, email: 'hr@bruker.example.no' })).status).toBe(409);
    expect(
      (await other.post('/api/v1/users', { ...typed, name: 'Nora Ny', email: 'nora.ny@example.no' })).status,
    ).toBe(409);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('organisation_id', '=', org.otherOrgId)
      .where('entity_id', '=', existing.body.id)
      .execute();
    expect(audit).toEqual([{ action: 'create', entity_type: 'membership' }]);
  });

  it('refuses bad input the same way whether or not the address exists', async () => {
    const other = org.clients.otherOrg;
    for (const email of ['self@bruker.example.no', 'ukjent.person@example.no']) {
      const weak = await other.post<ErrorReply>('/api/v1/users', {
        name: 'X Y',
        email,
        password: 'password123',
        roles: ['ansatt'],
      });
      expect(weak.status).toBe(400);
      expect(weak.body.error.fields?.[0]?.path).toBe('password');
      const noRole = await other.post<ErrorReply>('/api/v1/users', {
        name: 'X Y',
        email,
        password: 'et helt nytt passord 2026',
        roles: [],
      });
      expect(noRole.status).toBe(400);
      expect(noRole.body.error.fields?.[0]?.path).toBe('roles');
    }
    expect(
      await t.db
        .selectFrom('user_invitation')
        .select('id')
        .where('email', 'in', ['self@bruker.example.no'])
        .execute(),
    ).toHaveLength(0);
    expect(
      await t.db
        .selectFrom('user_account')
        .select('id')
        .where('email', '=', 'ukjent.person@example.no')
        .execute(),
    ).toHaveLength(0);
  });

  it('lets only the invited person accept, after login; then the roles apply', async () => {
    const hr = t.client();
    expectStatus(await hr.login('hr@bruker.example.no', PASSWORD), 200);
    const invitations = expectStatus(await hr.get<{ items: Invitation[] }>('/api/v1/me/invitations'), 200)
      .body.items;
    expect(invitations).toHaveLength(1);
    const [inv] = invitations;
    expect(inv?.organisationName).toBe('Andre AS');
    expect(inv?.roles).toEqual(['bht']);
    const url = `/api/v1/me/invitations/${inv?.organisationId}/${inv?.id}`;
    // Someone else cannot see or accept it.
    expect(
      (await org.clients.self.get<{ items: Invitation[] }>('/api/v1/me/invitations')).body.items,
    ).toHaveLength(0);
    expect((await org.clients.self.post(`${url}/accept`)).status).toBe(404);
    expect((await hr.post('/api/v1/me/invitations/not-a-uuid/x/accept')).status).toBe(400);
    expectStatus(await hr.post(`${url}/accept`), 200);
    const roles = await t.db
      .selectFrom('role_assignment')
      .select('role')
      .where('organisation_id', '=', org.otherOrgId)
      .where('user_id', '=', org.userIds.hr)
      .execute();
    expect(roles).toEqual([{ role: 'bht' }]);
    expect(
      await t.db
        .selectFrom('user_invitation')
        .select('id')
        .where('id', '=', inv?.id ?? '')
        .execute(),
    ).toHaveLength(0);
    const list = expectStatus(await org.clients.otherOrg.get<{ items: User[] }>('/api/v1/users'), 200).body
      .items;
    const joined = list.find((u) => u.id === org.userIds.hr);
    expect(joined?.pending).toBe(false);
    expect(joined?.roles).toEqual(['bht']);
    expect((await hr.post(`${url}/accept`)).status).toBe(404);
    const session = (await hr.refreshSession()) as unknown as { organisations: { name: string }[] };
    expect(session.organisations.map((o) => o.name).sort()).toEqual(['Andre AS', 'Testbedriften AS']);
  });

  it('can be declined by the person and withdrawn by the administrator', async () => {
    const admin = org.clients.otherOrg;
    const a = expectStatus(
      await admin.post<User>('/api/v1/users', {
        name: 'Siri',
        email: 'otheransatt@bruker.example.no',
        password: 'et helt nytt passord 2026',
        roles: ['ansatt'],
      }),
      201,
    ).body;
    const b = expectStatus(
      await admin.post<User>('/api/v1/users', {
        name: 'Lise',
        email: 'ledera@bruker.example.no',
        password: 'et helt nytt passord 2026',
        roles: ['ansatt'],
      }),
      201,
    ).body;
    // The administrator can change an invitation's roles like any user's (404 for another organisation's admin).
    expect(
      expectStatus(await admin.put<User>(`/api/v1/users/${a.id}`, { roles: ['amu'] }), 200).body.roles,
    ).toEqual(['amu']);
    expect((await org.clients.admin.put(`/api/v1/users/${a.id}`, { roles: ['amu'] })).status).toBe(404);
    const siri = t.client();
    expectStatus(await siri.login('otheransatt@bruker.example.no', PASSWORD), 200);
    const [inv] = (await siri.get<{ items: Invitation[] }>('/api/v1/me/invitations')).body.items;
    expect(inv?.roles).toEqual(['amu']);
    expectStatus(await siri.delete(`/api/v1/me/invitations/${inv?.organisationId}/${inv?.id}`), 200);
    expect(
      await t.db.selectFrom('user_invitation').select('id').where('id', '=', a.id).execute(),
    ).toHaveLength(0);
    expect(
      await t.db
        .selectFrom('membership')
        .select('user_id')
        .where('organisation_id', '=', org.otherOrgId)
        .where('user_id', '=', org.userIds.otherAnsatt)
        .execute(),
    ).toHaveLength(0);
    expect((await org.clients.admin.delete(`/api/v1/users/${b.id}`)).status).toBe(404);
    expectStatus(await admin.delete(`/api/v1/users/${b.id}`), 200);
    expect(
      await t.db.selectFrom('user_invitation').select('id').where('id', '=', b.id).execute(),
    ).toHaveLength(0);
    const lise = t.client();
    expectStatus(await lise.login('ledera@bruker.example.no', PASSWORD), 200);
    expect((await lise.get<{ items: Invitation[] }>('/api/v1/me/invitations')).body.items).toHaveLength(0);
  });

  it('hides the user routes from every role but admin, and invitations from the logged-out', async () => {
    for (const who of ['hr', 'lederA', 'self', 'verneombud', 'tillitsvalgt', 'amu', 'bht'] as const) {
      expect((await org.clients[who].get('/api/v1/users')).status).toBe(404);
      expect(
        (
          await org.clients[who].post('/api/v1/users', {
            name: 'X',
            email: 'x@example.no',
            roles: ['ansatt'],
          })
        ).status,
      ).toBe(404);
    }
    const anon = t.client();
    await anon.refreshSession();
    expect((await anon.get('/api/v1/me/invitations')).status).toBe(401);
  });
});
