/**
 * Row types of the varsling tables (migration 0022-varsling). Calendar dates are `'YYYY-MM-DD'`
 * strings; encrypted columns are bytes (sealed boxes, ADR 0010).
 */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';
import type { RetaliationArea, RetaliationFinding } from '../../domain/varsling/protection.ts';
import type { CaseStatus, Category, Outcome } from '../../domain/varsling/rules.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Bytes = Uint8Array;

export interface VarslingChannelTable {
  organisation_id: string;
  id: Generated<string>;
  public_key: Bytes;
  wrapped_keys: Bytes;
  wrap_key_id: string;
  key_version: Generated<number>;
  created_at: CreatedAt;
}

export interface VarslingHandlerTable {
  organisation_id: string;
  user_id: string;
  top_leader: Generated<boolean>;
  added_at: CreatedAt;
}

export interface VarslingCaseTable {
  organisation_id: string;
  id: Generated<string>;
  received_on: IsoDate;
  channel: 'anonym' | 'innlogget';
  status: Generated<CaseStatus>;
  version: Generated<number>;
  concerns_top_leader: Generated<boolean>;
  reporter_tag: Bytes | null;
  receipt_lookup: string | null;
  receipt_hash: string | null;
  key_version: number;
  report: Bytes;
  acknowledged_on: IsoDate | null;
  outcome: Outcome | null;
  category: Category | null;
  outcome_reason: Bytes | null;
  investigation_target: IsoDate | null;
  feedback_given_on: IsoDate | null;
  closed_on: IsoDate | null;
  legal_hold: Generated<boolean>;
  // Migration 0040-varsling-vern.
  retaliation_checked_on: ColumnType<IsoDate | null, IsoDate | null | undefined, IsoDate | null>;
  avvik_id: ColumnType<string | null, string | null | undefined, string | null>;
  breach_aware_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  breach_avvik_id: ColumnType<string | null, string | null | undefined, string | null>;
  breach_decided_on: ColumnType<IsoDate | null, IsoDate | null | undefined, IsoDate | null>;
  legal_hold_on: ColumnType<IsoDate | null, IsoDate | null | undefined, IsoDate | null>;
  legal_hold_by: ColumnType<string | null, string | null | undefined, string | null>;
  legal_hold_reason: ColumnType<Bytes | null, Bytes | null | undefined, Bytes | null>;
}

export interface VarslingExclusionTable {
  organisation_id: string;
  case_id: string;
  user_id: string;
}

export type MessageKind = 'melding' | 'bekreftelse' | 'tilbakemelding' | 'avslutning';

export interface VarslingMessageTable {
  organisation_id: string;
  case_id: string;
  id: Generated<string>;
  seq: Generated<string>;
  sent_on: IsoDate;
  author: 'varsler' | 'behandler';
  author_user_id: string | null;
  kind: MessageKind;
  key_version: number;
  body: Bytes;
}

export interface VarslingFileTable {
  organisation_id: string;
  case_id: string;
  id: Generated<string>;
  seq: Generated<string>;
  sent_on: IsoDate;
  author: 'varsler' | 'behandler';
  author_user_id: string | null;
  key_version: number;
  meta: Bytes;
  content: Bytes;
}

export interface VarslingCaseLogTable {
  organisation_id: string;
  case_id: string;
  received_on: IsoDate;
  closed_on: IsoDate | null;
  outcome: string | null;
  category: string | null;
  deleted_on: IsoDate;
}

/** The gjengjeldelse checklist, append-only (migration 0040-varsling-vern). */
export interface VarslingRetaliationTable {
  organisation_id: string;
  case_id: string;
  id: Generated<string>;
  seq: Generated<string>;
  area: RetaliationArea;
  finding: RetaliationFinding;
  recorded_on: IsoDate;
  recorded_by: string | null;
  key_version: number;
  detail: Bytes;
}

/** The written routine (migration 0039-varsling-rutine). */
export interface VarslingRoutineTable {
  organisation_id: string;
  number: number;
  status: 'utkast' | 'publisert';
  version: Generated<number>;
  answers: ColumnType<unknown, string, string>;
  updated_on: IsoDate;
  updated_by: string | null;
  published_on: IsoDate | null;
  published_by: string | null;
  cooperation_with: string | null;
  cooperation_on: IsoDate | null;
}

export interface VarslingRoutineReadTable {
  organisation_id: string;
  number: number;
  user_id: string;
  read_on: IsoDate;
}

export interface VarslingTables {
  varsling_retaliation: VarslingRetaliationTable;
  varsling_routine: VarslingRoutineTable;
  varsling_routine_read: VarslingRoutineReadTable;
  varsling_channel: VarslingChannelTable;
  varsling_handler: VarslingHandlerTable;
  varsling_case: VarslingCaseTable;
  varsling_exclusion: VarslingExclusionTable;
  varsling_message: VarslingMessageTable;
  varsling_file: VarslingFileTable;
  varsling_case_log: VarslingCaseLogTable;
}

declare module '../../db/schema.ts' {
  interface Database extends VarslingTables {}
}
