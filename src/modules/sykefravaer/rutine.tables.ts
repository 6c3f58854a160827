/** Row types of the routine tables (migration 0005-rutine). */
import type { ColumnType } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';
import type { RoutineTask } from '../../domain/sykefravaer/index.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface RutineVersionTable {
  organisation_id: string;
  version: number;
  /** Validated with `RoutineTasksSchema` on the way in and out. */
  tasks: ColumnType<RoutineTask[], string, string>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface RutineCaseTable {
  organisation_id: string;
  employee_id: string;
  case_start: IsoDate;
  version: number;
  pinned_at: CreatedAt;
}

export interface TaskRecordTable {
  organisation_id: string;
  employee_id: string;
  case_start: IsoDate;
  task_key: string;
  /** What a person typed when marking the task done; null when none. */
  note: string | null;
  /** A note Nærvær wrote itself, as a code and its parameters (migration 0057-system-notes). */
  note_code: ColumnType<string | null, string | null | undefined, string | null>;
  note_params: ColumnType<unknown, string | null | undefined, string | null>;
  /**
   * The document that shows the task was done when a document event closed it (`oppfolgingsplan:<id>:v<n>`,
   * `dialogmote:<id>`); null when marked done by hand (migration 0017-dokumenter-hand-over).
   */
  evidence_ref: ColumnType<string | null, string | null | undefined, string | null>;
  done_by: string | null;
  done_at: CreatedAt;
}

export interface RutineTables {
  rutine_version: RutineVersionTable;
  rutine_case: RutineCaseTable;
  task_record: TaskRecordTable;
}

declare module '../../db/schema.ts' {
  interface Database extends RutineTables {}
}
