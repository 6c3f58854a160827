/**
 * Builds the app from module manifests: the migration order, the routes, the caches, the job
 * handlers, the daily work, the reminder sources and the retention hooks. Pure assembly with
 * checks; the list of modules itself is in `src/app/registry.ts`.
 */
import type { Migration } from 'kysely';
import type { AnyCacheDef } from './caches.ts';
import { type JobDefinition, jobHandlers } from './jobs.ts';
import type {
  CaseEraser,
  DailyWork,
  JobDeps,
  ModuleManifest,
  RouteDeps,
  SecondFactorRule,
} from './module.ts';
import { combineDeadlineSources, type DeadlineSource } from './reminders.ts';
import type { RouteDef } from './route.ts';

const MIGRATION_NAME = /^(\d{4})-[a-z0-9-]+$/;

/**
 * Every migration in name order, checked: names are `NNNN-name`, and no number is used twice (two
 * modules adding a migration at once must renumber one before it ships). Append-only is checked
 * against the shipped list in `test/db/migrations.test.ts`.
 */
export function migrationOrder(
  lists: readonly (readonly [owner: string, migrations: Readonly<Record<string, Migration>>])[],
): Record<string, Migration> {
  const byNumber = new Map<string, string>();
  const all: [string, Migration][] = [];
  for (const [owner, migrations] of lists) {
    for (const [name, migration] of Object.entries(migrations)) {
      const match = MIGRATION_NAME.exec(name);
      if (!match?.[1]) throw new Error(`migration ${name} of ${owner}: the name must be NNNN-name`);
      const clash = byNumber.get(match[1]);
      if (clash)
        throw new Error(`migration number ${match[1]} is used twice: ${clash} and ${name} (${owner})`);
      byNumber.set(match[1], name);
      all.push([name, migration]);
    }
  }
  all.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(all);
}

export type Registry = {
  readonly modules: readonly ModuleManifest[];
  readonly migrations: Readonly<Record<string, Migration>>;
  readonly caches: readonly AnyCacheDef[];
  readonly daily: readonly DailyWork[];
  readonly caseErasers: readonly CaseEraser[];
  /** Every module's deadlines, as one source. */
  readonly deadlineSource: DeadlineSource;
  /** Every module's URL prefixes that stay out of the request log. */
  readonly unloggedPaths: readonly string[];
  /** Every module's rules for who must use a second factor. */
  readonly secondFactorRules: readonly SecondFactorRule[];
  routes(deps: RouteDeps): RouteDef[];
  jobs(deps: Omit<JobDeps, 'caseErasers'>): readonly JobDefinition[];
  jobHandlers(deps: Omit<JobDeps, 'caseErasers'>): ReturnType<typeof jobHandlers>;
};

export function createRegistry(
  modules: readonly ModuleManifest[],
  coreMigrations: Readonly<Record<string, Migration>>,
): Registry {
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`two modules named ${m.name}`);
    names.add(m.name);
  }
  const migrations = migrationOrder([
    ['core', coreMigrations],
    ...modules.map((m) => [m.name, m.migrations ?? {}] as const),
  ]);
  const caseErasers = modules.flatMap((m) => m.retention ?? []);
  const jobs = (deps: Omit<JobDeps, 'caseErasers'>) =>
    modules.flatMap((m) => m.jobs?.({ ...deps, caseErasers }) ?? []);
  return {
    modules,
    migrations,
    caches: modules.flatMap((m) => m.caches ?? []),
    daily: modules.flatMap((m) => m.daily ?? []),
    caseErasers,
    deadlineSource: combineDeadlineSources(modules.flatMap((m) => m.deadlines ?? [])),
    unloggedPaths: modules.flatMap((m) => m.unloggedPaths ?? []),
    secondFactorRules: modules.flatMap((m) => m.secondFactorRules ?? []),
    routes: (deps) => modules.flatMap((m) => m.routes?.(deps) ?? []),
    jobs,
    jobHandlers: (deps) => jobHandlers(jobs(deps)),
  };
}
