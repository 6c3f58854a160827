/** Row type of the job table (migration 0002-jobs). */
import type { ColumnType, GeneratedAlways } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface JobTable {
  id: GeneratedAlways<number>;
  /** Deterministic key: enqueueing the same key twice is one job. */
  key: string;
  kind: string;
  organisation_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Parsed JSON when read; write JSON text (see `enqueue`, which does). */
  payload: ColumnType<unknown, string | undefined, string>;
  run_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  /** Claims that ended without an outcome (worker killed, lock expired); counted apart from failures. */
  crashes: ColumnType<number, number | undefined, number>;
  locked_until: NullableTimestamp;
  locked_by: ColumnType<string | null, string | null | undefined, string | null>;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  done_at: NullableTimestamp;
  /** Set when the last allowed attempt failed: the job is dead until `retryJob`. */
  failed_at: NullableTimestamp;
  created_at: ColumnType<Date, never, never>;
}

export interface JobTables {
  job: JobTable;
}

declare module '../db/schema.ts' {
  interface Database extends JobTables {}
}
