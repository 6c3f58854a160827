/**
 * A change and its audit row commit together (issue 11, found under kill -9): when the audit insert
 * fails, the change is rolled back too — for units, the organisation, calendar feeds, årshjul
 * items, the tilrettelegging catalogue and the handlingsplan — and the answer is a 500 without
 * details. Outside a transaction, auditing a change is refused outright (a programming error).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeAudit } from '../../src/platform/audit.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, type TestApp } from '../support/http.ts';
import { buildSickOrg, type SickOrg } from '../support/sykefravaer-org.ts';

describeEachDatabase('audit with its change on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => '2026-06-01' } });
    org = await buildSickOrg(t);
    // Every audit insert from now on fails, as a full disk or a lost connection would.
    await sql`create function naervaer_test_fail_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit insert failed (test)'; end $$`.execute(t.db);
    await sql`create trigger naervaer_test_fail_audit before insert on audit_log
      for each row execute function naervaer_test_fail_audit()`.execute(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: 'unit' | 'arshjul_item' | 'hms_measure' | 'calendar_feed_token') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('organisation_id', '=', org.orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('a unit is not created, renamed or deleted without its audit row', async () => {
    const before = await count('unit');
    const created = await org.clients.admin.post('/api/v1/units', { name: 'Ny enhet uten logg' });
    expect(created.status).toBe(500);
    expect(JSON.stringify(created.body)).not.toContain('audit insert failed');
    expect(await count('unit')).toBe(before);
    const renamed = await org.clients.admin.put(`/api/v1/units/${org.unitA}`, {
      name: 'Omdøpt uten logg',
      parentId: null,
    });
    expect(renamed.status).toBe(500);
    const unit = await t.db
      .selectFrom('unit')
      .select('name')
      .where('id', '=', org.unitA)
      .executeTakeFirstOrThrow();
    expect(unit.name).not.toBe('Omdøpt uten logg');
  });

  it('the organisation, a calendar feed, an årshjul item and a measure are not changed either', async () => {
    const before = await t.db
      .selectFrom('organisation')
      .select(['name', 'orgnr'])
      .where('id', '=', org.orgId)
      .executeTakeFirstOrThrow();
    const renamed = await org.clients.admin.put('/api/v1/organisation', {
      name: 'Uten logg AS',
      orgnr: before.orgnr,
    });
    expect(renamed.status).toBe(500);
    expect(
      await t.db
        .selectFrom('organisation')
        .select(['name', 'orgnr'])
        .where('id', '=', org.orgId)
        .executeTakeFirstOrThrow(),
    ).toEqual(before);

    const feeds = await count('calendar_feed_token');
    expect((await org.clients.hr.post('/api/v1/me/calendar-feed')).status).toBe(500);
    expect(await count('calendar_feed_token')).toBe(feeds);

    const items = await count('arshjul_item');
    expect(
      (
        await org.clients.hr.post('/api/v1/internkontroll/arshjul', {
          title: 'Uten logg',
          due: '2026-09-01',
          ownerRole: 'hr',
        })
      ).status,
    ).toBe(500);
    expect(await count('arshjul_item')).toBe(items);

    const measures = await count('hms_measure');
    expect(
      (
        await org.clients.hr.post('/api/v1/hms-mal/tiltak', {
          text: 'Uten logg',
          ownerUserId: org.userIds.hr,
          due: '2026-09-01',
        })
      ).status,
    ).toBe(500);
    expect(await count('hms_measure')).toBe(measures);
  });

  it('auditing a change outside a transaction is refused; a read is not', async () => {
    const actor = { organisationId: org.orgId, userId: org.userIds.hr, roles: ['hr' as const] };
    await expect(writeAudit(t.db, actor, { action: 'update', entityType: 'unit' })).rejects.toThrow(
      /outside its transaction/,
    );
    // A read is an event: logged on its own (here it fails only because of the test's trigger).
    await expect(writeAudit(t.db, actor, { action: 'read', entityType: 'unit' })).rejects.toThrow(
      /audit insert failed/,
    );
  });
});
