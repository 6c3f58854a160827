/**
 * The core migrations: the tables of `db/` and `jobs/` and the change-notify triggers. Every
 * module lists its own in its manifest (`src/modules/<module>/migrations/`); the registry merges
 * them in name order (`src/platform/registry.ts`). Append-only: never edit or remove a migration
 * that has shipped; `test/db/migrations.test.ts` holds the shipped list.
 */
import type { Migration } from 'kysely';
import { up as core } from './0001-core.ts';
import { up as jobs } from './0002-jobs.ts';
import { up as changeNotify } from './0010-change-notify.ts';
import { up as jobCrashes } from './0044-job-crashes.ts';
import { up as auditDenied } from './0045-audit-denied.ts';

export const coreMigrations: Readonly<Record<string, Migration>> = {
  '0001-core': { up: core },
  '0002-jobs': { up: jobs },
  '0010-change-notify': { up: changeNotify },
  '0044-job-crashes': { up: jobCrashes },
  '0045-audit-denied': { up: auditDenied },
};
