/**
 * Row types of the sick-leave tables (migration 0003-sykefravaer). Calendar dates are
 * `'YYYY-MM-DD'` strings; timestamps are `Date`.
 */
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';
import type { MilestoneKey, PeriodType } from '../../domain/sykefravaer/index.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type EgenmeldingPresetSetting = 'statutory' | 'extended' | 'agp' | 'custom';

export interface SykefravaerSettingTable {
  organisation_id: string;
  egenmelding_preset: EgenmeldingPresetSetting;
  max_days_per_occasion: number | null;
  max_days_per_12_months: number | null;
  max_occasions_per_12_months: number | null;
  min_employment_months: number | null;
  retention_months: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface SykefravaerFollowupTable {
  organisation_id: string;
  employee_id: string;
  version: Generated<number>;
  dialogmote2_case_start: IsoDate | null;
  dialogmote2_date: IsoDate | null;
  retention_hold: Generated<boolean>;
  retention_hold_reason: string | null;
  retention_hold_by: string | null;
  retention_hold_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SykefravaerAgpOverrideTable {
  organisation_id: string;
  employee_id: string;
  case_start: IsoDate;
  end_date: IsoDate;
  set_by: string | null;
  set_at: Timestamp;
}

export type PeriodSource = 'employer' | 'employee';

export interface AbsencePeriodTable {
  organisation_id: string;
  id: Generated<string>;
  employee_id: string;
  type: PeriodType;
  start_date: IsoDate;
  end_date: IsoDate;
  grade: number | null;
  avventende: Generated<boolean>;
  source: Generated<PeriodSource>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_by: string | null;
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
  deleted_by: string | null;
  delete_reason: string | null;
}

export type PeriodChange = 'create' | 'update' | 'delete';

export interface AbsencePeriodHistoryTable {
  organisation_id: string;
  id: GeneratedAlways<number>;
  period_id: string;
  employee_id: string;
  change: PeriodChange;
  reason: string | null;
  changed_by: string | null;
  changed_at: CreatedAt;
  old_type: PeriodType | null;
  old_start: IsoDate | null;
  old_end: IsoDate | null;
  old_grade: number | null;
  old_avventende: boolean | null;
  new_type: PeriodType | null;
  new_start: IsoDate | null;
  new_end: IsoDate | null;
  new_grade: number | null;
  new_avventende: boolean | null;
}

export type MilestoneRecordKind = 'done' | 'exception';

export interface MilestoneRecordTable {
  organisation_id: string;
  id: Generated<string>;
  employee_id: string;
  case_start: IsoDate;
  milestone_key: MilestoneKey;
  kind: MilestoneRecordKind;
  /** What a person typed (or the note given with a document); null when none. */
  note: string | null;
  /**
   * A note Nærvær wrote itself, as a code rendered in the reader's language, and its parameters
   * (`SystemNote` in src/domain/sykefravaer/system-notes.ts; migration 0057-system-notes).
   */
  note_code: ColumnType<string | null, string | null | undefined, string | null>;
  note_params: ColumnType<unknown, string | null | undefined, string | null>;
  reason: string | null;
  evidence_ref: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  undone_by: string | null;
  undone_at: NullableTimestamp;
}

export interface SykefravaerTables {
  sykefravaer_setting: SykefravaerSettingTable;
  sykefravaer_followup: SykefravaerFollowupTable;
  sykefravaer_agp_override: SykefravaerAgpOverrideTable;
  absence_period: AbsencePeriodTable;
  absence_period_history: AbsencePeriodHistoryTable;
  milestone_record: MilestoneRecordTable;
}

declare module '../../db/schema.ts' {
  interface Database extends SykefravaerTables {}
}
