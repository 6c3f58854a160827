/**
 * Opens the application database: PostgreSQL through `pg` when a URL is given, else embedded
 * PGlite in a data directory (or in memory) guarded by a lock file.
 *
 * Both drivers get the same type parsers, so the same query returns identical JS values on both:
 *   date → 'YYYY-MM-DD' string (never a JS Date: time zones shift it by a day), int8 → number
 *   (throws beyond 2^53 rather than losing precision), numeric → string, timestamp and
 *   timestamptz → Date (timestamp without time zone read as UTC), json/jsonb → parsed value,
 *   bytea → Buffer, and the arrays of these. Parsers are set per connection, never globally, so
 *   several databases can be open in one process. Every session runs with TimeZone = UTC.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type Migration, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type ChangeFeed, pgliteChangeFeed, postgresChangeFeed } from './change-feed.ts';
import { lockDataDir } from './lock.ts';
import { migrateToLatest } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** The subset of a pino logger used here. */
export interface DbLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string;
  /** PGlite data directory, or 'memory://' (default './data'). */
  dataDir?: string;
  /** Size of the pg pool (PostgreSQL only, default 10). */
  poolSize?: number;
  logger?: DbLogger;
  /** Run the migrations after opening (default true). */
  migrate?: boolean;
  /** The app's migrations (`registry.migrations`, see `src/app/database.ts`); required unless `migrate: false`. */
  migrations?: Readonly<Record<string, Migration>>;
  /**
   * PGlite only: a `dumpDataDir()` archive to start an empty directory from. Default: the
   * build's `build/pglite-template.tar.gz` when it exists; `null` disables it.
   */
  template?: string | Blob | null;
}

export interface OpenedDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /**
   * The feed of committed changes for in-process caches (see change-feed.ts). PGlite listens from
   * the start; PostgreSQL opens its LISTEN connection on the first call. Closed with the database.
   */
  changeFeed(): ChangeFeed;
  close(): Promise<void>;
}

export const DEFAULT_TEMPLATE_PATH = fileURLToPath(
  new URL('../../build/pglite-template.tar.gz', import.meta.url),
);

type Parser = (value: string) => unknown;

function toSafeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`int8 value ${value} is beyond Number.MAX_SAFE_INTEGER; cast it to text or numeric`);
  }
  return n;
}

const identity: Parser = (value) => value;
const pgParser = pg.types.getTypeParser as (oid: number, format: 'text') => Parser;
const parseTimestamptz: Parser = pgParser(1184, 'text');
/** timestamp without time zone: read as UTC, never in the process's local zone. */
const parseTimestamp: Parser = (value) => {
  if (value.endsWith('infinity')) return parseTimestamptz(value);
  return parseTimestamptz(value.endsWith(' BC') ? `${value.slice(0, -3)}+00 BC` : `${value}+00`);
};
const parseBytea: Parser = pgParser(17, 'text');
const parseJson: Parser = (value) => JSON.parse(value);

/** Parsers by type oid, identical on both drivers. */
export const ALIGNED_PARSERS: Readonly<Record<number, Parser>> = {
  17: parseBytea,
  20: toSafeNumber,
  114: parseJson,
  1082: identity, // date
  1114: parseTimestamp,
  1184: parseTimestamptz,
  1700: identity, // numeric
  3802: parseJson,
};

const parseTextArray = pgParser(1009, 'text'); // text[]: strings and nulls, nested per dimension
function mapArray(value: unknown, parse: Parser): unknown {
  if (Array.isArray(value)) return value.map((item) => mapArray(item, parse));
  return typeof value === 'string' ? parse(value) : value;
}

/**
 * Array types for pg: the element parser applied to each element. (PGlite derives its array
 * parsers from the element parsers by itself, for every array type.)
 */
const PG_ARRAY_PARSERS: Readonly<Record<number, Parser>> = Object.fromEntries(
  (
    [
      [1001, 17],
      [1016, 20],
      [199, 114],
      [1182, 1082],
      [1115, 1114],
      [1185, 1184],
      [1231, 1700],
      [3807, 3802],
    ] as const
  ).map(([arrayOid, elementOid]): [number, Parser] => {
    const parse = ALIGNED_PARSERS[elementOid] ?? identity;
    return [arrayOid, (value) => mapArray(parseTextArray(value), parse)];
  }),
);

/** Type parsers for `pg` clients (`new pg.Pool({ types })`), falling back to pg's defaults. */
export const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    (format !== 'binary' && (ALIGNED_PARSERS[oid] ?? PG_ARRAY_PARSERS[oid])) ||
    pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Creates a PGlite instance with the aligned parsers. */
/**
 * PostgreSQL's default 128 MB of shared buffers is sized for a server; the embedded database serves
 * one organisation of a few hundred people. 32 MB halves the start time (buffer initialisation)
 * and takes the idle process from about 310 MB to about 190 MB RSS (measured in bench/startup).
 */
export const PGLITE_SHARED_BUFFERS = '32MB';

export async function createPglite(dataDir: string, loadDataDir?: Blob): Promise<PGlite> {
  const pglite = await PGlite.create(dataDir, {
    parsers: { ...ALIGNED_PARSERS },
    loadDataDir,
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  await pglite.exec("set time zone 'UTC'");
  return pglite;
}

async function readTemplate(template: string | Blob | null | undefined): Promise<Blob | undefined> {
  if (template === null) return undefined;
  if (template instanceof Blob) return template;
  const path = template ?? DEFAULT_TEMPLATE_PATH;
  if (!existsSync(path)) return undefined;
  const gzip = path.endsWith('.gz') || path.endsWith('.tgz');
  return new Blob([await readFile(path)], { type: gzip ? 'application/x-gzip' : 'application/x-tar' });
}

function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

async function openPglite(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const dataDir = options.dataDir ?? './data';
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : lockDataDir(dataDir);
  try {
    let pglite: PGlite | undefined;
    const fresh = inMemory || isEmptyDir(dataDir);
    const template = fresh ? await readTemplate(options.template) : undefined;
    if (template) {
      try {
        pglite = await createPglite(dataDir, template);
        options.logger?.info({ dataDir }, 'PGlite data directory created from the template');
      } catch (error) {
        options.logger?.warn(
          { dataDir, err: error instanceof Error ? error.message : String(error) },
          'PGlite template could not be loaded; running initdb instead',
        );
        // The directory was empty before we started, so nothing of anyone's is lost.
        if (!inMemory) await rm(dataDir, { recursive: true, force: true });
      }
    }
    pglite ??= await createPglite(dataDir);
    const instance = pglite;
    // Before Kysely uses the instance: LISTEN must not run inside someone's transaction.
    const feed = await pgliteChangeFeed(instance);
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: instance }) });
    let closed = false;
    const close = async (): Promise<void> => {
      if (closed) return;
      closed = true;
      try {
        await feed.close();
        // Kysely only destroys a driver it has used; close PGlite ourselves in any case.
        await db.destroy();
        if (!instance.closed) await instance.close();
      } finally {
        release();
      }
    };
    if (options.migrate ?? true) {
      try {
        await migrateToLatest(db, { migrations: migrationsOf(options) });
        const released = await releaseDeadClaims(db);
        if (released > 0) options.logger?.info({ released }, 'released job claims of a process that died');
      } catch (error) {
        await close();
        throw error;
      }
    }
    return { db, kind: 'pglite', changeFeed: () => feed, close };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * PGlite: this process holds the data directory alone (the lock), so a job claim left in the
 * table belongs to a process that died. Its lock is released now instead of after 300 s; the
 * claim's `locked_by` stays, so the next claim counts the crash (src/jobs). Returns the count.
 */
async function releaseDeadClaims(db: Kysely<Database>): Promise<number> {
  const result = await db
    .updateTable('job')
    .set({ locked_until: null })
    .where('locked_by', 'is not', null)
    .where('locked_until', 'is not', null)
    .where('done_at', 'is', null)
    .where('failed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

async function openPostgres(options: OpenDatabaseOptions & { databaseUrl: string }): Promise<OpenedDatabase> {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 10,
    types: pgTypes,
  });
  pool.on('connect', (client) => {
    // Queued before any query the pool hands this client out for.
    client.query("set time zone 'UTC'").catch((error: unknown) => {
      options.logger?.warn({ err: String(error) }, 'could not set the session time zone');
    });
  });
  pool.on('error', (error) => {
    // An idle client lost its connection; the pool replaces it. Without a listener it would crash.
    options.logger?.warn({ err: error.message }, 'PostgreSQL pool client error');
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let feed: ChangeFeed | undefined;
  const changeFeed = (): ChangeFeed => {
    feed ??= postgresChangeFeed({
      connectionString: options.databaseUrl,
      onError: (message) =>
        options.logger?.warn({ err: message }, 'change feed connection lost; reconnecting'),
    });
    return feed;
  };
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await feed?.close();
    await db.destroy();
  };
  if (options.migrate ?? true) {
    try {
      await migrateToLatest(db, { migrations: migrationsOf(options) });
    } catch (error) {
      await close();
      throw error;
    }
  }
  return { db, kind: 'postgres', changeFeed, close };
}

function migrationsOf(options: OpenDatabaseOptions): Readonly<Record<string, Migration>> {
  if (!options.migrations) {
    throw new Error(
      "openDatabase: pass the app's migrations (openAppDatabase in src/app/database.ts) or migrate: false",
    );
  }
  return options.migrations;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const { databaseUrl } = options;
  return databaseUrl ? openPostgres({ ...options, databaseUrl }) : openPglite(options);
}
