/**
 * Backups that restore: an embedded data directory holding an organisation with a sick-leave
 * case, documents (samtalereferat, agreed actions), denied and ordinary audit rows and a job is
 * backed up with `naervaer backup`, restored with `naervaer restore` into an empty directory, and
 * every table and the whole schema are compared. The same file loads into PostgreSQL 15 with
 * `psql -v ON_ERROR_STOP=1` (when TEST_DATABASE_URL is set) and holds the same rows there.
 * While the app holds the directory, the backup refuses with a clear message.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app/build-app.ts';
import { openAppDatabase } from '../../src/app/database.ts';
import { backupCommand } from '../../src/cli/backup.ts';
import { restoreCommand } from '../../src/cli/restore.ts';
import type { Database } from '../../src/db/schema.ts';
import { enqueue } from '../../src/jobs/index.ts';
import { expectStatus, type TestApp, TestClient } from '../support/http.ts';
import { buildSickOrg, daysAgo, type SickOrg } from '../support/sykefravaer-org.ts';

const run = promisify(execFile);

/** Every table of `public`, each as the JSON text of its rows in a fixed order. */
async function contents(db: Kysely<Database>): Promise<Record<string, string>> {
  const { rows: tables } = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(db);
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ data: string }>`
      select coalesce(json_agg(r order by r::text), '[]')::text as data
      from ${sql.table(`public.${name}`)} as r`.execute(db);
    out[name] = rows[0]?.data ?? '';
  }
  return out;
}

/** The schema: columns, constraints, indexes and triggers, as text. */
async function schema(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ item: string }>`
    select table_name || '.' || column_name || ':' || data_type || ':' || is_nullable || ':' ||
      coalesce(column_default, '') || ':' || is_identity as item
    from information_schema.columns where table_schema = 'public'
    union all
    select conrelid::regclass::text || ':' || conname || ':' || pg_get_constraintdef(oid)
    from pg_constraint where connamespace = 'public'::regnamespace and contype <> 'n'
    union all
    select indexdef from pg_indexes where schemaname = 'public'
    union all
    select pg_get_triggerdef(oid) from pg_trigger where not tgisinternal
    order by 1`.execute(db);
  return rows.map((r) => r.item);
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  return {
    out,
    err,
    restore() {
      o.mockRestore();
      e.mockRestore();
    },
  };
}

describe('naervaer backup and restore (embedded database)', () => {
  const root = mkdtempSync(join(tmpdir(), 'naervaer-backup-'));
  const dataDir = join(root, 'data');
  const restoredDir = join(root, 'restored');
  const file = join(root, 'naervaer.sql');
  const env = { NAERVAER_DATA_DIR: dataDir };
  let org: SickOrg;

  beforeAll(async () => {
    const database = await openAppDatabase({ dataDir, template: null });
    const app = await buildApp({ db: database.db, logLevel: 'silent' });
    await app.ready();
    const t: TestApp = {
      app,
      db: database.db,
      kind: 'pglite',
      client: () => new TestClient(app, '127.0.0.1', 'nb'),
      settle: async () => {},
      close: async () => {},
    };
    try {
      org = await buildSickOrg(t);
      const base = `/api/v1/sykefravaer/employees/${org.employees.sick}`;
      expectStatus(
        await org.clients.lederA.post(`${base}/periods`, {
          type: 'sykmelding',
          start: daysAgo(20),
          end: daysAgo(-30),
          grade: 100,
          version: 0,
        }),
        201,
      );
      expectStatus(
        await org.clients.lederA.post(`${base}/samtalereferater`, {
          kind: 'oppfolging',
          heldOn: daysAgo(1),
          summary: "Gjennomgang av arbeidsoppgavene, «æøå» og 'sitat' og \\ skråstrek.",
          actions: [{ what: 'Sende timeliste', owner: 'Den ansatte', deadline: daysAgo(-4) }],
        }),
        201,
      );
      expectStatus(await org.clients.hr.get(base), 200); // a read: an audit row
      expect((await org.clients.lederB.get(base)).status).toBe(404); // a denied read
      await enqueue(database.db, {
        key: `backup-test:${randomBytes(4).toString('hex')}`,
        kind: 'noop',
        payload: { n: 1 },
      });
    } finally {
      await app.close();
      await database.close();
    }
  }, 180_000);

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses clearly while Nærvær holds the directory, and writes nothing', async () => {
    const running = await openAppDatabase({ dataDir, migrate: false });
    const io = capture();
    try {
      expect(await backupCommand([file], env)).toBe(1);
    } finally {
      io.restore();
      await running.close();
    }
    expect(io.err.join('')).toContain('Nærvær kjører på');
    expect(io.err.join('')).toContain('is running on');
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('backs up, restores into an empty directory, and every table and the schema are identical', async () => {
    const io = capture();
    try {
      expect(await backupCommand([file], env)).toBe(0);
      expect(await restoreCommand([file, restoredDir])).toBe(0);
    } finally {
      io.restore();
    }
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/transaction_timeout/i);
    expect(statSync(file).mode & 0o077).toBe(0); // personal data: the owner's only

    const original = await openAppDatabase({ dataDir, migrate: false });
    const restored = await openAppDatabase({ dataDir: restoredDir, migrate: false });
    try {
      const before = await contents(original.db);
      const after = await contents(restored.db);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const table of Object.keys(before))
        expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
      // The demo-like data is really there: a case, a document, audit rows (also a denied one), a job.
      for (const table of [
        'absence_period',
        'samtalereferat',
        'case_action',
        'audit_log',
        'job',
        'kysely_migration',
      ]) {
        expect(JSON.parse(before[table] ?? '[]').length, table).toBeGreaterThan(0);
      }
      expect(before.audit_log).toContain('"denied"');
      expect(await schema(restored.db)).toEqual(await schema(original.db));
      // Identity counters continue after the restored rows.
      const next = await restored.db
        .insertInto('job')
        .values({ key: 'after-restore', kind: 'noop', payload: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const max = await original.db
        .selectFrom('job')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirstOrThrow();
      expect(next.id).toBeGreaterThan(Number(max.m));
    } finally {
      await original.close();
      await restored.close();
    }
  }, 180_000);

  it('refuses an existing file, a non-empty directory and a file that is not a backup; a broken backup leaves nothing', async () => {
    const io = capture();
    try {
      expect(await backupCommand([file], env)).toBe(1); // exists
      expect(await restoreCommand([file, restoredDir])).toBe(1); // not empty
      const junk = join(root, 'junk.sql');
      writeFileSync(junk, 'select 1;');
      expect(await restoreCommand([junk, join(root, 'x')])).toBe(1);
      const broken = join(root, 'broken.sql');
      writeFileSync(
        broken,
        readFileSync(file, 'utf8').replace('COMMIT;', 'SELECT * FROM no_such_table;\nCOMMIT;'),
      );
      const target = join(root, 'broken-restore');
      expect(await restoreCommand([broken, target])).toBe(1);
      expect(existsSync(target)).toBe(false);
      expect(await backupCommand([], env)).toBe(2);
      expect(
        await backupCommand([join(root, 'pg.sql')], { ...env, DATABASE_URL: 'postgres://x@localhost/y' }),
      ).toBe(2);
    } finally {
      io.restore();
    }
    expect(io.err.join('')).toContain('pg_dump');
  }, 120_000);

  it.runIf(process.env.TEST_DATABASE_URL)(
    'the same file loads into PostgreSQL 15 with psql -v ON_ERROR_STOP=1, rows identical',
    async () => {
      const adminUrl = new URL(process.env.TEST_DATABASE_URL ?? '');
      const name = `naervaer_restore_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl.toString() });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const target = new URL(adminUrl.toString());
      target.pathname = `/${name}`;
      try {
        const { stderr } = await run('psql', [
          '-v',
          'ON_ERROR_STOP=1',
          '-q',
          '-d',
          target.toString(),
          '-f',
          file,
        ]);
        expect(stderr).not.toMatch(/ERROR/);
        const postgres = await openAppDatabase({ databaseUrl: target.toString() }); // migrations: none pending
        const original = await openAppDatabase({ dataDir, migrate: false });
        try {
          const { rows } = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(
            postgres.db,
          );
          expect(rows[0]?.v).toMatch(/^15\./);
          await sql`set time zone 'UTC'`.execute(postgres.db);
          const before = await contents(original.db);
          const after = await contents(postgres.db);
          expect(Object.keys(after)).toEqual(Object.keys(before));
          for (const table of Object.keys(before))
            expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
        } finally {
          await postgres.close();
          await original.close();
        }
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    180_000,
  );
});
