/**
 * Row types of the risiko tables (migration 0018-risiko). Calendar dates are `'YYYY-MM-DD'`
 * strings; timestamps are `Date`.
 */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';
import type {
  AssessmentKind,
  BowtieKind,
  CheckStatus,
  CmrKind,
  CommentKind,
  HazardArea,
  RiskStatus,
  TiltakStatus,
} from '../../domain/risiko/index.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Version = ColumnType<number, number | undefined, number>;
type DefaultText = ColumnType<string, string | undefined, string>;
type Json<T> = ColumnType<T, string, string>;

export interface RiskCriteriaTable {
  organisation_id: string;
  text: string;
  recorded_on: IsoDate;
  recorded_by: string | null;
  recorded_by_name: string | null;
  updated_at: UpdatedAt;
  version: Version;
}

export interface RiskAssessmentTable {
  organisation_id: string;
  id: Generated<string>;
  title: string;
  unit_id: string;
  work_task: DefaultText;
  responsible_user_id: string;
  responsible_name: string;
  participants: Json<unknown>;
  assessed_on: IsoDate;
  next_review: IsoDate;
  review_reason: string | null;
  revision: ColumnType<number, number | undefined, number>;
  /** Migration 0054: an ordinary assessment, or the one for pregnant and breastfeeding workers. */
  kind: ColumnType<AssessmentKind, AssessmentKind | undefined, never>;
  /** Migration 0054: the hazard keys of the template it was made from (its kartlegging). */
  template_hazards: ColumnType<unknown, string | undefined, never>;
  created_at: CreatedAt;
  created_by: string | null;
  created_by_name: string | null;
  updated_at: UpdatedAt;
  version: Version;
}

export interface RiskAssessmentRevisionTable {
  organisation_id: string;
  assessment_id: string;
  revision: number;
  assessed_on: IsoDate;
  archived_at: CreatedAt;
  archived_by_name: string | null;
  snapshot: Json<unknown>;
}

export interface RiskItemTable {
  organisation_id: string;
  id: Generated<string>;
  assessment_id: string;
  area: HazardArea;
  hazard_key: string | null;
  dimension: string | null;
  title: string;
  description: DefaultText;
  existing_barriers: DefaultText;
  initial_p: number;
  initial_c: number;
  residual_p: number | null;
  residual_c: number | null;
  status: ColumnType<RiskStatus, RiskStatus | undefined, RiskStatus>;
  closed_at: NullableTimestamp;
  closed_by_name: string | null;
  acceptance_name: string | null;
  acceptance_date: IsoDate | null;
  acceptance_reason: string | null;
  /** Migration 0049: the last reopening of a closed risk. */
  reopened_at: NullableTimestamp;
  reopened_by_name: ColumnType<string | null, string | null | undefined, string | null>;
  reopen_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  created_by: string | null;
  updated_at: UpdatedAt;
  version: Version;
}

export interface RiskTiltakTable {
  organisation_id: string;
  id: Generated<string>;
  risk_id: string;
  text: string;
  owner_user_id: string;
  due: IsoDate;
  status: ColumnType<TiltakStatus, TiltakStatus | undefined, TiltakStatus>;
  done_note: string | null;
  done_at: NullableTimestamp;
  done_by_name: string | null;
  created_at: CreatedAt;
  created_by: string | null;
  updated_at: UpdatedAt;
  version: Version;
}

export interface RiskCommentTable {
  organisation_id: string;
  id: Generated<string>;
  assessment_id: string;
  risk_id: string | null;
  kind: CommentKind;
  text: string;
  author_user_id: string | null;
  author_name: string;
  author_role: string;
  created_at: CreatedAt;
}

export interface RiskSuggestionTable {
  organisation_id: string;
  id: Generated<string>;
  assessment_id: string;
  area: HazardArea;
  text: string;
  suggested_by: string | null;
  suggested_by_name: string;
  created_at: CreatedAt;
}

/** One element of a risk's bow-tie (migration 0019): a cause, a barrier or a consequence. */
export interface RiskBowtieItemTable {
  organisation_id: string;
  id: Generated<string>;
  risk_id: string;
  kind: BowtieKind;
  text: string;
  tiltak_id: string | null;
  status: ColumnType<'virker' | 'svekket', 'virker' | 'svekket' | undefined, 'virker' | 'svekket'>;
  weakened_on: IsoDate | null;
  weakened_reason: string | null;
  created_at: CreatedAt;
  created_by: string | null;
}

/** A vernerunde (migration 0035). */
export interface VernerundeTable {
  organisation_id: string;
  id: Generated<string>;
  unit_id: string;
  title: string;
  planned_on: IsoDate;
  leader_user_id: string;
  leader_name: string;
  vo_user_id: string;
  vo_name: string;
  checklist: Json<unknown>;
  leader_signed_on: IsoDate | null;
  vo_signed_on: IsoDate | null;
  created_at: CreatedAt;
  created_by: string | null;
  updated_at: UpdatedAt;
  version: Version;
}

export type StoredChecklistPoint = { key: string; area: HazardArea; status: CheckStatus | null };

export interface VernerundeFindingTable {
  organisation_id: string;
  id: Generated<string>;
  round_id: string;
  area: HazardArea;
  hazard_key: string | null;
  text: string;
  severity: number;
  risk_id: string | null;
  created_at: CreatedAt;
  created_by: string | null;
  created_by_name: string | null;
}

export interface VernerundePhotoTable {
  organisation_id: string;
  finding_id: string;
  id: string;
  mime: 'image/jpeg' | 'image/png';
  size: number;
  data: Buffer;
  created_at: CreatedAt;
  created_by: string | null;
}

/** Stoffkartotek (migration 0036). */
export interface StoffProductTable {
  organisation_id: string;
  id: Generated<string>;
  name: string;
  supplier: string;
  unit_id: string;
  location: DefaultText;
  use_text: DefaultText;
  hazard_text: DefaultText;
  cmr: ColumnType<CmrKind[], CmrKind[] | undefined, CmrKind[]>;
  supplier_revision: IsoDate | null;
  assessment_id: string | null;
  created_at: CreatedAt;
  created_by: string | null;
  updated_at: UpdatedAt;
  version: Version;
}

export interface StoffSdsTable {
  organisation_id: string;
  id: Generated<string>;
  product_id: string;
  revision_date: IsoDate;
  filename: string;
  size: number;
  data: Buffer;
  uploaded_at: CreatedAt;
  uploaded_by: string | null;
}

export interface StoffExposureTable {
  organisation_id: string;
  id: Generated<string>;
  product_id: string;
  employee_id: string;
  employee_name: string;
  position: DefaultText;
  workplace: string;
  cmr: CmrKind[];
  exposure_how: string;
  concentration: DefaultText;
  started_on: IsoDate;
  ended_on: IsoDate | null;
  hours_per_week: number | null;
  kept_until: IsoDate | null;
  created_at: CreatedAt;
  created_by: string | null;
  updated_at: UpdatedAt;
  version: Version;
}

export interface RisikoTables {
  risk_criteria: RiskCriteriaTable;
  risk_assessment: RiskAssessmentTable;
  risk_assessment_revision: RiskAssessmentRevisionTable;
  risk_item: RiskItemTable;
  risk_tiltak: RiskTiltakTable;
  risk_comment: RiskCommentTable;
  risk_suggestion: RiskSuggestionTable;
  risk_bowtie_item: RiskBowtieItemTable;
  vernerunde: VernerundeTable;
  vernerunde_finding: VernerundeFindingTable;
  vernerunde_photo: VernerundePhotoTable;
  stoff_product: StoffProductTable;
  stoff_sds: StoffSdsTable;
  stoff_exposure: StoffExposureTable;
}

declare module '../../db/schema.ts' {
  interface Database extends RisikoTables {}
}
