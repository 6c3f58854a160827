/**
 * Row types of the dialogmøte and samtalereferat tables (migration 0007-dialogmote). Calendar dates are `'YYYY-MM-DD'`
 * strings; timestamps are `Date`.
 */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;

export type MeetingStatus = 'planlagt' | 'gjennomfort' | 'avlyst';
export type ParticipantRole = 'leder' | 'ansatt' | 'hr' | 'tillitsvalgt' | 'verneombud' | 'bht' | 'sykmelder';

export interface DialogmoteTable {
  organisation_id: string;
  id: Generated<string>;
  employee_id: string;
  case_start: IsoDate;
  starts_at: Timestamp;
  duration_minutes: number;
  place: string | null;
  video_link: string | null;
  status: MeetingStatus;
  referat_summary: string | null;
  referat_actions: NullableJson;
  referat_by: string | null;
  referat_at: NullableTimestamp;
  version: number;
  created_by: string;
  created_at: CreatedAt;
  updated_by: string;
  updated_at: Timestamp;
}

export interface DialogmoteParticipantTable {
  organisation_id: string;
  id: Generated<string>;
  meeting_id: string;
  role: ParticipantRole;
  name: string;
  email: string | null;
  /** null: not asked / awaiting the employee's answer (optional roles only). */
  employee_consent: boolean | null;
  consent_by: string | null;
  consent_at: NullableTimestamp;
  position: number;
}

export type SamtaleKind = 'forste-kontakt' | 'oppfolging' | 'frisksamtale';

export interface SamtalereferatTable {
  organisation_id: string;
  id: Generated<string>;
  employee_id: string;
  case_start: IsoDate;
  kind: SamtaleKind;
  held_on: IsoDate;
  summary: string;
  actions: ColumnType<unknown, string | undefined, string>;
  version: number;
  created_by: string;
  created_at: CreatedAt;
  updated_by: string;
  updated_at: Timestamp;
}

export interface DialogmoteTables {
  dialogmote: DialogmoteTable;
  dialogmote_participant: DialogmoteParticipantTable;
  samtalereferat: SamtalereferatTable;
}

declare module '../../db/schema.ts' {
  interface Database extends DialogmoteTables {}
}
