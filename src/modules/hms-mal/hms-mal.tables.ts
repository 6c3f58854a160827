/**
 * Row types of the hms-mal tables (migration 0015-hms-mal). Calendar dates are `'YYYY-MM-DD'`
 * strings; timestamps are `Date`; bytea is a `Buffer`.
 */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';
import type { BhtAnswer, GoalStatus, MeasureOwnerRole } from '../../domain/hms-mal/index.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Version = ColumnType<number, number | undefined, number>;
type DefaultText = ColumnType<string, string | undefined, string>;

/** One written HMS goal of a year (IK-f § 5 no. 4). */
export interface HmsGoalTable {
  organisation_id: string;
  id: Generated<string>;
  year: number;
  title: string;
  description: DefaultText;
  indicator: DefaultText;
  target: DefaultText;
  status: ColumnType<GoalStatus, GoalStatus | undefined, GoalStatus>;
  created_at: CreatedAt;
  created_by: string | null;
  created_by_name: string | null;
  updated_at: UpdatedAt;
  version: Version;
}

/** One measure of the handlingsplan, owned by a person or a role, with a due date. */
export interface HmsMeasureTable {
  organisation_id: string;
  id: Generated<string>;
  goal_id: string | null;
  text: string;
  owner_user_id: string | null;
  owner_role: MeasureOwnerRole | null;
  due: IsoDate;
  done_at: NullableTimestamp;
  done_by: string | null;
  done_by_name: string | null;
  done_note: string | null;
  created_at: CreatedAt;
  created_by: string | null;
  updated_at: UpdatedAt;
  version: Version;
}

/** The annual review of the internkontroll (IK-f § 5 no. 8); completed, it holds its PDF. */
export interface AnnualReviewTable {
  organisation_id: string;
  id: Generated<string>;
  year_reviewed: number;
  held_on: IsoDate | null;
  participants: DefaultText;
  vo_took_part: ColumnType<boolean, boolean | undefined, boolean>;
  amu_took_part: ColumnType<boolean, boolean | undefined, boolean>;
  bht_took_part: ColumnType<boolean, boolean | undefined, boolean>;
  goals_text: DefaultText;
  routines_text: DefaultText;
  avvik_text: DefaultText;
  risk_text: DefaultText;
  sick_leave_text: DefaultText;
  training_text: DefaultText;
  bht_needed: BhtAnswer | null;
  bht_text: DefaultText;
  varsling_text: DefaultText;
  conclusions_text: DefaultText;
  priorities_text: DefaultText;
  status: ColumnType<'utkast' | 'fullfort', 'utkast' | 'fullfort' | undefined, 'utkast' | 'fullfort'>;
  completed_at: NullableTimestamp;
  completed_by: string | null;
  completed_by_name: string | null;
  pdf: Buffer | null;
  created_at: CreatedAt;
  created_by: string | null;
  created_by_name: string | null;
  updated_at: UpdatedAt;
  version: Version;
}

export interface HmsMalTables {
  hms_goal: HmsGoalTable;
  hms_measure: HmsMeasureTable;
  annual_review: AnnualReviewTable;
}

declare module '../../db/schema.ts' {
  interface Database extends HmsMalTables {}
}
