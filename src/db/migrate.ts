/**
 * Runs the migrations of `src/db/migrations/index.ts` (append-only, applied in name order)
 * with Kysely's Migrator and a static provider (no file system scanning, so it works bundled).
 * An advisory lock makes several processes starting at once apply each migration once.
 */
import { type Kysely, type Migration, type MigrationProvider, type MigrationResult, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';

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
  /** The migrations to apply (default: `src/db/migrations/index.ts`); for tests. */
  migrations?: Readonly<Record<string, Migration>>;
}

/**
 * Applies every pending migration. Kysely runs all pending migrations in one transaction under an
 * advisory lock, so a failure leaves the database as it was. Throws `MigrationError` naming the
 * migration that failed.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  options: MigrateOptions = {},
): Promise<MigrateSummary> {
  const migrator = new Migrator({ db, provider: staticProvider(options.migrations ?? migrations) });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error');
    throw new MigrationError(failed?.migrationName, results, error);
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
