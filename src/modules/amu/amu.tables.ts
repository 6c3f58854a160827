/**
 * Row types of the AMU tables (migration 0032-amu). Calendar dates are `'YYYY-MM-DD'` strings;
 * timestamps are `Date`.
 */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';
import type { ArsrapportStatus, MeetingKind, MeetingStatus } from '../../domain/amu/index.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Version = ColumnType<number, number | undefined, number>;
type DefaultText = ColumnType<string, string | undefined, string>;
type Json = ColumnType<unknown, string, string>;

export interface AmuMeetingTable {
  organisation_id: string;
  id: Generated<string>;
  year: number;
  occurrence: string | null;
  meeting_date: IsoDate;
  title: string;
  kind: MeetingKind;
  status: ColumnType<MeetingStatus, MeetingStatus | undefined, MeetingStatus>;
  held_on: IsoDate | null;
  attendees: DefaultText;
  notes: DefaultText;
  published_at: NullableTimestamp;
  published_by: string | null;
  published_by_name: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface AmuDecisionTable {
  organisation_id: string;
  id: Generated<string>;
  meeting_id: string;
  position: number;
  text: string;
  vote: DefaultText;
  owner_user_id: string | null;
  due: IsoDate | null;
  done_at: NullableTimestamp;
  done_by: string | null;
  done_note: string | null;
  created_at: CreatedAt;
}

export interface AmuDemandTable {
  organisation_id: string;
  id: Generated<string>;
  reason: string;
  demanded_on: IsoDate;
  demanded_by: string;
  demanded_by_name: string;
  supported_by: string | null;
  supported_by_name: string | null;
  supported_on: IsoDate | null;
  deadline: IsoDate | null;
  meeting_id: string | null;
  created_at: CreatedAt;
}

export interface AmuArsrapportTable {
  organisation_id: string;
  year: number;
  status: ColumnType<ArsrapportStatus, ArsrapportStatus | undefined, ArsrapportStatus>;
  generated_on: IsoDate;
  /** `ArsrapportFactSection[]` (src/contracts/amu), as JSON. */
  facts: Json;
  /** `Record<ArsrapportSectionKey, string>`, as JSON. */
  sections: Json;
  approved_at: NullableTimestamp;
  approved_by: string | null;
  approved_by_name: string | null;
  pdf: Buffer | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface AmuTables {
  amu_meeting: AmuMeetingTable;
  amu_decision: AmuDecisionTable;
  amu_demand: AmuDemandTable;
  amu_arsrapport: AmuArsrapportTable;
}

declare module '../../db/schema.ts' {
  interface Database extends AmuTables {}
}
