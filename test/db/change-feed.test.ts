import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DataChange } from '../../src/db/change-feed.ts';
import { createTestDatabaseOf, type TestDatabase } from '../support/db.ts';
import { describeEachDatabase } from '../support/each-database.ts';

const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, ms = 5_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > ms) throw new Error(`timed out waiting for ${what}`);
    await tick(10);
  }
}

describeEachDatabase('the change feed on %s', (kind) => {
  let t: TestDatabase;
  const seen: DataChange[] = [];
  let orgId: string;
  let unitId: string;
  let userId: string;

  beforeAll(async () => {
    t = await createTestDatabaseOf(kind);
    const feed = t.changeFeed();
    await until(() => feed.live, 'the feed to come up');
    feed.subscribe((change) => seen.push(change));
    orgId = (
      await t.db
        .insertInto('organisation')
        .values({ name: 'Feed AS', orgnr: '889640782' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    unitId = (
      await t.db
        .insertInto('unit')
        .values({ organisation_id: orgId, name: 'Drift' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    userId = (
      await t.db
        .insertInto('user_account')
        .values({ name: 'Ola', email: 'ola@example.no', password_hash: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await until(() => seen.some((c) => c.table === 'unit'), 'the unit insert');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports a committed change to employees with the organisation, and nothing of its content', async () => {
    seen.length = 0;
    await t.db
      .insertInto('employee')
      .values({
        organisation_id: orgId,
        name: 'Kari Nordmann',
        email: 'kari@example.no',
        employment_start: '2020-01-01',
        position_percent: 100,
        unit_id: unitId,
      })
      .execute();
    await until(() => seen.length > 0, 'the employee insert');
    expect(seen).toEqual([{ table: 'employee', organisationId: orgId, userId: null }]);
  });

  it('reports a bulk insert in one transaction once, and a rolled-back change never', async () => {
    seen.length = 0;
    await t.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('employee')
          .values({
            organisation_id: orgId,
            name: 'Angret',
            employment_start: '2020-01-01',
            position_percent: 100,
            unit_id: unitId,
          })
          .execute();
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await t.db.updateTable('unit').set({ name: 'Drift' }).where('id', '=', unitId).execute(); // a marker
    await until(() => seen.length > 0, 'the marker');
    expect(seen).toEqual([{ table: 'unit', organisationId: orgId, userId: null }]); // the rollback sent nothing
    seen.length = 0;
    await sql`
      insert into employee (organisation_id, name, employment_start, position_percent, unit_id)
      select ${orgId}::uuid, 'Ansatt ' || i, date '2020-01-01', 100, ${unitId}::uuid
      from generate_series(1, 500) as i
    `.execute(t.db);
    await until(() => seen.length > 0, 'the bulk insert');
    await tick(100); // nothing else may follow
    expect(seen).toEqual([{ table: 'employee', organisationId: orgId, userId: null }]);
  });

  it('reports changes to accounts, memberships and roles with the user', async () => {
    seen.length = 0;
    await t.db.insertInto('membership').values({ organisation_id: orgId, user_id: userId }).execute();
    await t.db
      .insertInto('role_assignment')
      .values({ organisation_id: orgId, user_id: userId, role: 'hr' })
      .execute();
    await t.db.updateTable('user_account').set({ locale: 'en' }).where('id', '=', userId).execute();
    await until(() => seen.length >= 3, 'three changes');
    expect(seen).toEqual([
      { table: 'membership', organisationId: orgId, userId },
      { table: 'role_assignment', organisationId: orgId, userId },
      { table: 'user_account', organisationId: null, userId },
    ]);
  });

  if (kind === 'postgres') {
    it('goes quiet when its connection is lost, and comes back in a new epoch', async () => {
      const feed = t.changeFeed();
      const epoch = feed.epoch;
      await sql`
        select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and query ilike 'LISTEN%'
      `.execute(t.db);
      await until(() => !feed.live, 'the feed to notice');
      await until(() => feed.live, 'the feed to reconnect', 10_000);
      expect(feed.epoch).toBeGreaterThan(epoch);
      seen.length = 0;
      await t.db.updateTable('unit').set({ name: 'Drift og vedlikehold' }).where('id', '=', unitId).execute();
      await until(() => seen.length > 0, 'a change after the reconnect');
      expect(seen[0]).toEqual({ table: 'unit', organisationId: orgId, userId: null });
    });
  }
});
