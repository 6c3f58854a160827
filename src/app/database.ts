/** Opens the app's database with every module's migrations (the registry's order). */
import type { Kysely } from 'kysely';
import { type OpenDatabaseOptions, type OpenedDatabase, openDatabase } from '../db/connect.ts';
import { type MigrateSummary, migrateToLatest } from '../db/migrate.ts';
import { registry } from './registry.ts';

export function openAppDatabase(
  options: Omit<OpenDatabaseOptions, 'migrations'> = {},
): Promise<OpenedDatabase> {
  return openDatabase({ ...options, migrations: registry.migrations });
}

/** Applies the app's pending migrations. */
export function migrateApp<DB>(db: Kysely<DB>): Promise<MigrateSummary> {
  return migrateToLatest(db, { migrations: registry.migrations });
}
