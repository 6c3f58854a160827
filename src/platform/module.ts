/**
 * The module manifest: what a feature brings to the app, declared in one object in
 * `src/modules/<module>/index.ts`. The registry (`src/app/registry.ts`) lists the manifests and
 * builds the server's routes, the migration order, the caches, the worker's jobs and daily work,
 * the reminder sources and the retention hooks from them — so a new module touches one line there.
 */
import type { Kysely, Migration, Transaction } from 'kysely';
import type { Database, Db } from '../db/schema.ts';
import type { IsoDate } from '../domain/calendar/index.ts';
import type { AnyCacheDef } from './caches.ts';
import type { Today } from './clock.ts';
import type { JobDefinition } from './jobs.ts';
import type { DeadlineSource } from './reminders.ts';
import type { RouteDef } from './route.ts';

/** What reminders need at run time: every module's deadlines, the public URL, the clock. */
export type ReminderRuntime = {
  deadlineSource: DeadlineSource;
  /** The address users reach (feed links); undefined: the request's own. */
  publicUrl: string | undefined;
  today: Today;
};

/** Session settings, for the routes that log in and set up. */
export type AuthOptions = {
  sessionTtlHours: number;
  cookieSecure: boolean | undefined;
  /**
   * `required`: admin and HR must set up a second factor before anything else (ADR 0016). The server
   * passes its configuration (default `required`); unset means `optional` (route listings, tests).
   */
  secondFactor?: 'required' | 'optional';
  /** Every module's `secondFactorRules`, combined by the registry (ADR 0020). */
  secondFactorRules?: readonly SecondFactorRule[];
};

/**
 * A rule that makes a user need a second factor (ADR 0016, 0020): true when this user must have one,
 * e.g. because they hold a role that sees special-category data.
 */
export type SecondFactorRule = (db: Db, userId: string) => Promise<boolean>;

/** What a module's route factory gets. */
export type RouteDeps = { auth: AuthOptions; reminders: ReminderRuntime };

/** What a module's jobs get. */
export type JobDeps = {
  db: Kysely<Database>;
  /** Every module's retention hooks (a module that deletes a case lets the others delete theirs). */
  caseErasers: readonly CaseEraser[];
  today: Today;
};

/** Work enqueued (idempotently, by a date key) whenever the day in Norway changes. */
export type DailyWork = (db: Db, today: IsoDate) => Promise<unknown>;

/** Which of an employee's sick-leave cases retention deletes. */
export type CaseSelection = { kind: 'all' } | { kind: 'before'; caseStart: IsoDate };

/**
 * A retention hook: when the sick-leave module deletes an employee's case data (ftrl/GDPR
 * retention), every module deletes what it keeps about those cases, in the same transaction.
 * Returns the number of deleted rows per kind (for the audit log).
 */
export type CaseEraser = {
  module: string;
  erase(
    trx: Transaction<Database>,
    scope: {
      organisationId: string;
      employeeId: string;
      cases: CaseSelection;
      /** The employee's own reminders and notes dated before this day go too; null: none. */
      remindersBefore: IsoDate | null;
    },
  ): Promise<Record<string, number>>;
};

export type ModuleManifest = {
  /** The folder's name: `src/modules/<name>`, `web/src/modules/<name>`. */
  name: string;
  /** `NNNN-name` → migration; numbers are unique over the app, append-only (checked at start). */
  migrations?: Readonly<Record<string, Migration>>;
  routes?: (deps: RouteDeps) => RouteDef[];
  jobs?: (deps: JobDeps) => readonly JobDefinition[];
  daily?: readonly DailyWork[];
  deadlines?: readonly DeadlineSource[];
  caches?: readonly AnyCacheDef[];
  retention?: readonly CaseEraser[];
  /**
   * URL prefixes whose requests are never written to the request log (e.g. an anonymous reporting
   * channel, where even a method, path and time next to each other may identify someone).
   */
  unloggedPaths?: readonly string[];
  /**
   * Who must use a second factor because of this module (ADR 0020); the registry combines every
   * module's rules and the auth module enforces them.
   */
  secondFactorRules?: readonly SecondFactorRule[];
};
