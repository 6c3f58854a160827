/**
 * Row types of the HMS handbook's tables (migration 0014-rutiner). Calendar dates are
 * `'YYYY-MM-DD'` strings; timestamps are `Date`.
 */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';
import type { RoutineCategory } from '../../domain/rutiner/types.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface HmsRoutineTable {
  organisation_id: string;
  id: Generated<string>;
  title: string;
  category: RoutineCategory;
  owner_user_id: string | null;
  review_due: IsoDate;
  applies_to_all: boolean;
  /** The number of the current text. */
  current_version: Generated<number>;
  /** The record's revision (optimistic concurrency). */
  version: Generated<number>;
  archived_at: NullableTimestamp;
  archived_by: string | null;
  created_at: CreatedAt;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface HmsRoutineUnitTable {
  organisation_id: string;
  routine_id: string;
  unit_id: string;
}

export interface HmsRoutineVersionTable {
  organisation_id: string;
  routine_id: string;
  version: number;
  body: string;
  change_note: Generated<string>;
  published_at: CreatedAt;
  published_by: string | null;
  published_by_name: string | null;
}

export interface RoutineConfirmationTable {
  organisation_id: string;
  routine_id: string;
  version: number;
  employee_id: string;
  user_id: string | null;
  confirmed_at: CreatedAt;
}

export interface RutinerTables {
  hms_routine: HmsRoutineTable;
  hms_routine_unit: HmsRoutineUnitTable;
  hms_routine_version: HmsRoutineVersionTable;
  routine_confirmation: RoutineConfirmationTable;
}

declare module '../../db/schema.ts' {
  interface Database extends RutinerTables {}
}
