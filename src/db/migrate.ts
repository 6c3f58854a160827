/**
 * Runs the app's migrations (the registry's list: core and every module's, append-only, applied in name order)
 * with Kysely's Migrator and a static provider (no file system scanning, so it works bundled).
 * An advisory lock makes several processes starting at once apply each migration once.
 */
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResult,
  Migrator,
  sql,
} from 'kysely';

function staticProvider(list: Readonly<Record<string, Migration>>): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return { ...list };
    },
  };
}

export class MigrationError extends Error {
  readonly migrationName: string | undefined;
  readonly results: readonly MigrationResult[];

  constructor(migrationName: string | undefined, results: readonly MigrationResult[], cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      migrationName
        ? `Migration ${migrationName} failed: ${reason}`
        : `Migrating the database failed: ${reason}`,
      { cause },
    );
    this.name = 'MigrationError';
    this.migrationName = migrationName;
    this.results = results;
  }
}

export interface MigrateSummary {
  /** Names of the migrations applied by this call, in order (empty when already up to date). */
  applied: string[];
}

export interface MigrateOptions {
  /** The migrations to apply: the registry's (`src/app/database.ts`), or a test's own. */
  migrations: Readonly<Record<string, Migration>>;
}

/**
 * Applies every pending migration. Kysely runs all pending migrations in one transaction under an
 * advisory lock, so a failure leaves the database as it was. Throws `MigrationError` naming the
 * migration that failed.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>, options: MigrateOptions): Promise<MigrateSummary> {
  const list = options.migrations;
  if (await upToDate(db, Object.keys(list))) return { applied: [] };
  const migrator = new Migrator({ db, provider: staticProvider(list) });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error');
    throw new MigrationError(failed?.migrationName, results, error);
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/**
 * True when exactly these migrations are recorded — the usual start. Two cheap queries instead of
 * the Migrator's catalogue introspection (≈ 150 ms per call on PGlite, see docs/performance.md);
 * anything else (pending, unknown, no table yet) goes through the Migrator and its lock.
 */
async function upToDate<DB>(db: Kysely<DB>, names: string[]): Promise<boolean> {
  const table = await sql<{
    found: string | null;
  }>`select to_regclass('kysely_migration')::text as found`.execute(db);
  if (!table.rows[0]?.found) return false;
  const recorded = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const known = new Set(names);
  return recorded.rows.length === known.size && recorded.rows.every((row) => known.has(row.name));
}
