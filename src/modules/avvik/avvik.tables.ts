/**
 * Row types of avvik (migration 0028-avvik). Timestamps are `Date`; calendar dates `'YYYY-MM-DD'`.
 */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';
import type {
  AlarmStep,
  AvvikCategory,
  AvvikStatus,
  AvvikTaskKind,
  PrivacyDecision,
  PrivacyRisk,
} from '../../domain/avvik/index.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Defaulted = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AvvikTable {
  organisation_id: string;
  id: string;
  reporter_user_id: string | null;
  anonymous: Generated<boolean>;
  category: AvvikCategory;
  status: Generated<AvvikStatus>;
  description: string;
  unit_id: string | null;
  occurred_at: Timestamp;
  reported_at: Defaulted;
  immediate_action: Generated<string>;
  personal_data: Generated<boolean>;
  severity: number | null;
  cause: Generated<string>;
  serious: boolean | null;
  /** The risk assessment barrier this avvik showed failing (risiko's `risk_bowtie_item`), if any. */
  risk_barrier_id: ColumnType<string | null, string | null | undefined, string | null>;
  verification_note: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  version: Generated<number>;
  anonymised_at: Timestamp | null;
  legal_hold: Generated<boolean>;
}

export interface AvvikPhotoTable {
  organisation_id: string;
  avvik_id: string;
  id: string;
  data: Buffer;
  mime: 'image/jpeg' | 'image/png';
  size: number;
  created_at: Defaulted;
}

export interface AvvikTiltakTable {
  organisation_id: string;
  id: Generated<string>;
  avvik_id: string;
  text: string;
  owner_user_id: string;
  due: IsoDate;
  done_at: Timestamp | null;
  done_by: string | null;
  created_at: Defaulted;
}

export interface AvvikAlarmStepTable {
  organisation_id: string;
  avvik_id: string;
  step: AlarmStep;
  done_by: string;
  done_at: Defaulted;
  note: Generated<string>;
}

export interface AvvikTaskTable {
  organisation_id: string;
  avvik_id: string;
  kind: AvvikTaskKind;
  due: IsoDate;
  done_at: Timestamp | null;
  done_by: string | null;
}

export interface AvvikInjuryTable {
  organisation_id: string;
  avvik_id: string;
  occurred_at: Timestamp;
  work_task: Generated<string>;
  course_of_events: string;
  presumed_causes: Generated<string>;
  injury_description: Generated<string>;
  may_give_benefits: Generated<boolean>;
  anonymised_at: Timestamp | null;
}

export interface AvvikPrivacyTable {
  organisation_id: string;
  avvik_id: string;
  aware_at: Timestamp;
  risk: PrivacyRisk | null;
  facts: Generated<string>;
  effects: Generated<string>;
  remedial: Generated<string>;
  decision: PrivacyDecision | null;
  decision_reason: Generated<string>;
  decided_at: Timestamp | null;
}

export interface AvvikTables {
  avvik: AvvikTable;
  avvik_photo: AvvikPhotoTable;
  avvik_tiltak: AvvikTiltakTable;
  avvik_alarm_step: AvvikAlarmStepTable;
  avvik_task: AvvikTaskTable;
  avvik_injury: AvvikInjuryTable;
  avvik_privacy: AvvikPrivacyTable;
}

declare module '../../db/schema.ts' {
  interface Database extends AvvikTables {}
}
