/**
 * The test database harness: every call gives a fresh, fully migrated, empty database.
 *
 * - PGlite (always): an in-memory instance loaded from a dump of a migrated database (about 1 s of
 *   CPU per database instead of a 3–4 s initdb). The dump is made once per migration set and PGlite
 *   version and kept on disk (`node_modules/.cache/naervaer-test/`), so the test processes after the
 *   first only read it: making it costs ≈ 3.4 s of CPU (load the build's template, migrate, dump), and
 *   `npm test` runs about a hundred processes that open a database (issue 17: CI time). Each instance
 *   holds roughly 200 MB: close it in `afterAll`/`afterEach`.
 * - PostgreSQL (when TEST_DATABASE_URL is set): `CREATE DATABASE … TEMPLATE` of a migrated
 *   template database. The template's name carries a hash of the migration sources, so it is
 *   built once per server and migration set (by whichever test process gets there first) and
 *   reused afterwards; each test database gets a unique name and is dropped on close.
 *
 * Usage: `describeEachDatabase('… on %s', (kind) => { … createTestDatabaseOf(kind) … })`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Kysely } from 'kysely';
import pg from 'pg';
import { migrateApp, openAppDatabase } from '../../src/app/database.ts';
import { registry } from '../../src/app/registry.ts';
import type { ChangeFeed } from '../../src/db/change-feed.ts';
import { createPglite, DEFAULT_TEMPLATE_PATH } from '../../src/db/connect.ts';
import { PGliteDialect } from '../../src/db/pglite-dialect.ts';
import type { Database } from '../../src/db/schema.ts';

export type TestDatabaseKind = 'pglite' | 'postgres';

export interface TestDatabase {
  db: Kysely<Database>;
  kind: TestDatabaseKind;
  /** The database's connection string (PostgreSQL only). */
  url?: string;
  /** The database's change feed (for the read caches), closed with the database. */
  changeFeed(): ChangeFeed;
  close(): Promise<void>;
}

/** 'pglite' always, 'postgres' too when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh database of the default kind: TEST_DATABASE_KIND if set, else PGlite. */
export function createTestDatabase(): Promise<TestDatabase> {
  const kind = process.env.TEST_DATABASE_KIND === 'postgres' ? 'postgres' : 'pglite';
  return createTestDatabaseOf(kind);
}

export function createTestDatabaseOf(kind: TestDatabaseKind): Promise<TestDatabase> {
  return kind === 'postgres' ? createPostgresDatabase() : createPgliteDatabase();
}

// ---------------------------------------------------------------- PGlite

let pgliteDump: Promise<Blob> | undefined;

const DUMP_CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/naervaer-test/', import.meta.url));
const PGLITE_VERSION: string = JSON.parse(
  readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
).version;

/**
 * The migrated dump, from the disk cache when a process made it before. The file's name carries the
 * PGlite version and the hash of the migrations (as the PostgreSQL template's name does), so a changed
 * migration or an upgraded PGlite makes a new one. Written under a private name and renamed: a process
 * never reads a half-written dump.
 */
async function cachedPgliteDump(): Promise<Blob> {
  const file = `${DUMP_CACHE_DIR}pglite-${PGLITE_VERSION}-${migrationsHash()}.tar`;
  const cached = await readFile(file).catch(() => undefined);
  if (cached) return new Blob([cached], { type: 'application/x-tar' });
  const dump = await buildPgliteDump();
  await mkdir(DUMP_CACHE_DIR, { recursive: true });
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, file);
  return dump;
}

async function buildPgliteDump(): Promise<Blob> {
  let pglite: Awaited<ReturnType<typeof createPglite>> | undefined;
  if (existsSync(DEFAULT_TEMPLATE_PATH)) {
    // The build's template skips initdb; it may be older than the code, migrations follow.
    const archive = new Blob([await readFile(DEFAULT_TEMPLATE_PATH)], { type: 'application/x-gzip' });
    pglite = await createPglite('memory://', archive).catch(() => undefined);
  }
  pglite ??= await createPglite('memory://');
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  try {
    await migrateApp(db);
    await slimForDump(pglite);
    return await pglite.dumpDataDir('none');
  } finally {
    await db.destroy();
  }
}

/** PGlite's data directory inside its in-memory file system. */
const PGLITE_DATA = '/pglite/data';
const WAL_PAGE = 8192;
const WAL_SEGMENT = 16 * 1024 * 1024;

/**
 * Shrinks what every test database copies in from 45 MB to about 26 MB (measured: ≈ 0.5 s less CPU
 * per database). After a checkpoint:
 * - the files of `template0` and `template1` go: a test database never connects to them or
 *   creates a database from them (PGlite serves one database, `postgres`);
 * - the WAL segment is cut after its last written page: the checkpoint record is in it, and
 *   PostgreSQL reads WAL up to the first page it cannot read, then writes on from there (the file
 *   grows again in memory).
 * Only for the tests' in-memory copies; a data directory on disk is never touched.
 */
async function slimForDump(pglite: Awaited<ReturnType<typeof createPglite>>): Promise<void> {
  await pglite.exec('checkpoint');
  const fs = pglite.Module.FS;
  const others = await pglite.query<{ oid: number }>(
    'select oid::int as oid from pg_database where datname <> current_database()',
  );
  const removeTree = (path: string): void => {
    for (const name of fs.readdir(path)) {
      if (name === '.' || name === '..') continue;
      const child = `${path}/${name}`;
      if (fs.isDir(fs.stat(child).mode)) removeTree(child);
      else fs.unlink(child);
    }
    fs.rmdir(path);
  };
  for (const { oid } of others.rows) removeTree(`${PGLITE_DATA}/base/${oid}`);
  const wal = await pglite.query<{ file: string; lsn: string }>(
    'select pg_walfile_name(pg_current_wal_insert_lsn()) as file, pg_current_wal_insert_lsn()::text as lsn',
  );
  const row = wal.rows[0];
  if (!row) return;
  const [, low = '0'] = row.lsn.split('/');
  const used = Number.parseInt(low, 16) % WAL_SEGMENT;
  fs.truncate(`${PGLITE_DATA}/pg_wal/${row.file}`, Math.ceil(used / WAL_PAGE) * WAL_PAGE + WAL_PAGE);
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  pgliteDump ??= cachedPgliteDump();
  const opened = await openAppDatabase({ dataDir: 'memory://', template: await pgliteDump, migrate: false });
  return { db: opened.db, kind: 'pglite', changeFeed: opened.changeFeed, close: opened.close };
}

// ---------------------------------------------------------------- PostgreSQL

const MIGRATIONS_DIR = fileURLToPath(new URL('../../src/db/migrations/', import.meta.url));
const MODULES_DIR = fileURLToPath(new URL('../../src/modules/', import.meta.url));
const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 6);
let counter = 0;
let adminPool: pg.Pool | undefined;
let pgTemplate: Promise<string> | undefined;

function requireUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set; start a cluster with scripts/pg-test-cluster.sh');
  return url;
}

function urlOf(database: string): string {
  const url = new URL(requireUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

function admin(): pg.Pool {
  adminPool ??= new pg.Pool({ connectionString: requireUrl(), max: 2, allowExitOnIdle: true });
  return adminPool;
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function pgErrorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Runs a statement, retrying while a just-closed session still counts as using a database. */
async function adminQuery(statement: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin().query(statement);
      return;
    } catch (error) {
      if (pgErrorCode(error) !== '55006' || attempt >= 50) throw error; // object_in_use
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Every migration file: the core ones and each module's (`src/modules/<m>/migrations/`). */
function migrationFiles(): string[] {
  const core = readdirSync(MIGRATIONS_DIR).map((file) => `${MIGRATIONS_DIR}${file}`);
  const modules = readdirSync(MODULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const dir = `${MODULES_DIR}${entry.name}/migrations/`;
      return existsSync(dir) ? readdirSync(dir).map((file) => `${dir}${file}`) : [];
    });
  return [...core, ...modules].sort();
}

/**
 * Names the PostgreSQL template from the migrations this process will apply: the registry's names and
 * code, plus the files they come from (constants outside a migration's function). A migration file
 * that appears on disk after the registry was loaded is not in the hash — the template built here does
 * not have it either, so a later process that does load it builds its own.
 */
function migrationsHash(): string {
  const hash = createHash('sha256');
  const loaded = registry.migrations;
  for (const [name, migration] of Object.entries(loaded)) {
    hash.update(name).update('\0').update(String(migration.up)).update('\0');
    hash.update(String(migration.down ?? '')).update('\0');
  }
  for (const path of migrationFiles()) {
    const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.ts$/, '');
    if (name in loaded) hash.update(path).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return pgErrorCode(error) === 'EPERM';
  }
}

/** Drops test databases that processes on this host left behind when they died. */
async function dropLeftovers(): Promise<void> {
  const prefix = `naervaer_test_${HOST_TAG}_`;
  const { rows } = await admin().query<{ datname: string }>(
    'select datname from pg_database where starts_with(datname, $1)',
    [prefix],
  );
  for (const { datname } of rows) {
    const pid = Number(datname.slice(prefix.length).split('_')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !processAlive(pid)) {
      await admin()
        .query(`drop database if exists ${quote(datname)} with (force)`)
        .catch(() => {});
    }
  }
}

async function buildPostgresTemplate(): Promise<string> {
  const name = `naervaer_tpl_${migrationsHash()}`;
  await dropLeftovers();
  const { rowCount } = await admin().query('select 1 from pg_database where datname = $1', [name]);
  if (rowCount) return name;
  // Build under a private name, then publish by renaming: other processes never see a half-built
  // template. If another process published first, ours is dropped.
  const building = `naervaer_tplnew_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${quote(building)}`);
  try {
    const opened = await openAppDatabase({ databaseUrl: urlOf(building), poolSize: 1, migrate: true });
    await opened.close();
    await adminQuery(`alter database ${quote(building)} rename to ${quote(name)}`);
  } catch (error) {
    await adminQuery(`drop database if exists ${quote(building)} with (force)`);
    if (pgErrorCode(error) !== '42P04') throw error; // duplicate_database: someone else won
  }
  return name;
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  pgTemplate ??= buildPostgresTemplate();
  const template = await pgTemplate;
  counter += 1;
  const name = `naervaer_test_${HOST_TAG}_${process.pid}_${counter}_${randomBytes(3).toString('hex')}`;
  await adminQuery(`create database ${quote(name)} template ${quote(template)}`);
  const url = urlOf(name);
  const opened = await openAppDatabase({ databaseUrl: url, poolSize: 5, migrate: false });
  let closed = false;
  return {
    db: opened.db,
    kind: 'postgres',
    url,
    changeFeed: opened.changeFeed,
    async close() {
      if (closed) return;
      closed = true;
      await opened.close();
      await adminQuery(`drop database if exists ${quote(name)} with (force)`);
    },
  };
}
