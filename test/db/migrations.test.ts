import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../src/app/registry.ts';
import { MigrationError, migrateToLatest } from '../../src/db/migrate.ts';
import { coreMigrations } from '../../src/db/migrations/index.ts';
import { migrationOrder } from '../../src/platform/registry.ts';
import { createTestDatabaseOf, type TestDatabase } from '../support/db.ts';
import { describeEachDatabase } from '../support/each-database.ts';

const migrations = registry.migrations;

/**
 * Every migration that has shipped, in order. Append-only: a new migration goes at the end (with
 * the next number); a shipped one is never renamed, removed or moved to another place in the order.
 */
const SHIPPED = [
  '0001-core',
  '0002-jobs',
  '0003-sykefravaer',
  '0004-notifications',
  '0005-rutine',
  '0006-dokumenter',
  '0007-dialogmote',
  '0008-legebrev-katalog',
  '0009-case-action',
  '0010-change-notify',
  '0011-internkontroll',
  '0012-roller',
  '0013-opplaering',
  '0014-rutiner',
  '0015-hms-mal',
  '0016-internkontroll-notify',
  '0017-dokumenter-hand-over',
  '0018-risiko',
  '0019-risiko-sloyfe',
  '0022-varsling',
  '0023-varsling-vedlegg',
  '0024-statistikk',
  '0028-avvik',
  '0029-avvik-barriere',
  '0030-undersokelse',
  '0032-amu',
  '0034-statistikk-benchmark',
  '0035-risiko-vernerunde',
  '0036-risiko-stoffkartotek',
  '0039-varsling-rutine',
  '0040-varsling-vern',
  '0041-accounts',
  '0042-user-invitation',
  '0044-job-crashes',
  '0045-audit-denied',
  '0046-oidc',
  '0048-session-second-factor',
  '0049-risiko-gjenapne',
  '0051-avvik-trend-index',
  '0053-statistikk-bidrag',
  '0054-risiko-gravide',
];

describe('the migration order built from the module manifests', () => {
  it('keeps every shipped migration, in the shipped order, before any new one', () => {
    expect(Object.keys(migrations).slice(0, SHIPPED.length)).toEqual(SHIPPED);
  });

  it('refuses a number used twice and a malformed name', () => {
    const up = async () => {};
    expect(() =>
      migrationOrder([
        ['a', { '0011-x': { up } }],
        ['b', { '0011-y': { up } }],
      ]),
    ).toThrow(/0011 is used twice/);
    expect(() => migrationOrder([['a', { 'eleven-x': { up } }]])).toThrow(/NNNN-name/);
    expect(Object.keys(migrationOrder([['core', coreMigrations]]))).toEqual([
      '0001-core',
      '0002-jobs',
      '0010-change-notify',
      '0044-job-crashes',
      '0045-audit-denied',
    ]);
  });
});

async function schemaSnapshot<DB>(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ item: string }>`
    select table_name || '.' || column_name || ':' || data_type as item
    from information_schema.columns where table_schema = 'public'
    union all
    select indexname from pg_indexes where schemaname = 'public'
    union all
    select tgname from pg_trigger where not tgisinternal
    order by 1
  `.execute(db);
  return rows.map((r) => r.item);
}

describeEachDatabase('migrations on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabaseOf(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the test database has every migration applied, in order', async () => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      t.db,
    );
    expect(rows.map((r) => r.name)).toEqual(Object.keys(migrations));
    expect(Object.keys(migrations)).toEqual([...Object.keys(migrations)].sort());
  });

  it('running the migrations again is a no-op', async () => {
    const before = await schemaSnapshot(t.db);
    expect(await migrateToLatest(t.db, { migrations })).toEqual({ applied: [] });
    expect(await migrateToLatest(t.db, { migrations })).toEqual({ applied: [] });
    expect(await schemaSnapshot(t.db)).toEqual(before);
  });

  it('a failing migration throws a MigrationError naming it and leaves nothing half-applied', async () => {
    const broken = {
      ...migrations,
      '9998-ok': {
        up: async (db: Kysely<unknown>) => void (await sql`create table probe_ok (id int)`.execute(db)),
      },
      '9999-broken': {
        up: async (db: Kysely<unknown>) => void (await sql`create tabel oops (id int)`.execute(db)),
      },
    };
    const error = await migrateToLatest(t.db, { migrations: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migrationName).toBe('9999-broken');
    expect((error as MigrationError).message).toMatch(/^Migration 9999-broken failed: syntax error/);
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from pg_tables where tablename = 'probe_ok'`.execute(t.db);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('the audit log is append-only: UPDATE is rejected by the trigger', async () => {
    const org = await t.db
      .insertInto('organisation')
      .values({ name: 'Revisjon AS', orgnr: '914778271' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('audit_log')
      .values({
        organisation_id: org.id,
        actor_roles: 'admin',
        action: 'create',
        entity_type: 'organisation',
      })
      .execute();
    await expect(
      t.db
        .updateTable('audit_log')
        .set({ entity_type: 'forged' })
        .where('organisation_id', '=', org.id)
        .execute(),
    ).rejects.toThrow(/audit_log is append-only/);
    const rows = await t.db.selectFrom('audit_log').select(['entity_type', 'id', 'at']).execute();
    expect(rows).toEqual([{ entity_type: 'organisation', id: expect.any(Number), at: expect.any(Date) }]);
  });
});
