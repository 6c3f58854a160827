/**
 * Row types of the varsling tables (migration 0022-varsling). Calendar dates are `'YYYY-MM-DD'`
 * strings; encrypted columns are bytes (sealed boxes, ADR 0010).
 */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';
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

export interface VarslingTables {
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
