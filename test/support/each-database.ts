/**
 * `describeEachDatabase('… on %s', (kind) => …)`: one `describe` per database kind, `%s` replaced by
 * the kind. Without TEST_DATABASE_URL the PostgreSQL variant is still declared and reported as
 * skipped, so a run without PostgreSQL says so in its counts instead of the variants vanishing
 * (issue 17). Kept apart from `db.ts`, which the e2e app also loads, because it imports Vitest.
 */
import { describe } from 'vitest';
import type { TestDatabaseKind } from './db.ts';

const KINDS: readonly TestDatabaseKind[] = ['pglite', 'postgres'];

export function describeEachDatabase(name: string, body: (kind: TestDatabaseKind) => void): void {
  for (const kind of KINDS) {
    const absent = kind === 'postgres' && !process.env.TEST_DATABASE_URL;
    describe.skipIf(absent)(name.replace('%s', kind), () => body(kind));
  }
}
