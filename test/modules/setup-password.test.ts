/** First-time setup: the first administrator's password meets the same policy as every other (issue 11). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, type TestApp } from '../support/http.ts';

describeEachDatabase('first-time setup password policy on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  const organisation = { name: 'Policybedriften AS', orgnr: '923609016' };

  it.each([
    ['a common password', 'password1234'],
    ['the demo password', 'demo-passord-2026'],
    ['the name and e-mail', 'solveig.strand'],
  ])('refuses %s with a 400 naming admin.password, and creates nothing', async (_what, password) => {
    const client = t.client();
    await client.refreshSession();
    const reply = await client.post<{ error: { fields?: { path: string }[] } }>('/api/v1/setup', {
      organisation,
      admin: { name: 'Solveig Strand', email: 'solveig.strand@example.no', password },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(400);
    expect(reply.body.error.fields?.map((f) => f.path)).toEqual(['admin.password']);
    expect(await t.db.selectFrom('organisation').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('user_account').select('id').execute()).toEqual([]);
  });

  it('accepts a long sentence', async () => {
    const client = t.client();
    await client.refreshSession();
    const reply = await client.post('/api/v1/setup', {
      organisation,
      admin: {
        name: 'Solveig Strand',
        email: 'solveig.strand@example.no',
        password: 'fire ord om fjellet i mai',
      },
    });
    expect(reply.status).toBe(201);
    expect(await t.db.selectFrom('user_account').select('email').execute()).toEqual([
      { email: 'solveig.strand@example.no' },
    ]);
  });
});
