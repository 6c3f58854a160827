/**
 * Row types of the follow-up document tables (migration 0006-dokumenter). Calendar dates are
 * `'YYYY-MM-DD'` strings; timestamps are `Date`.
 */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type PlanStatus = 'utkast' | 'til-godkjenning' | 'godkjent';
export type PlanRecipient = 'sykmelder' | 'nav';

export interface OppfolgingsplanTable {
  organisation_id: string;
  id: Generated<string>;
  employee_id: string;
  case_start: IsoDate;
  status: PlanStatus;
  content: Json;
  content_version: number;
  version: number;
  approved_by: string | null;
  approved_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  approved_version: number | null;
  created_by: string;
  created_at: CreatedAt;
  updated_by: string;
  updated_at: Timestamp;
}

export interface OppfolgingsplanVersionTable {
  organisation_id: string;
  plan_id: string;
  number: number;
  content: Json;
  saved_by: string;
  saved_at: CreatedAt;
}

export interface OppfolgingsplanCommentTable {
  organisation_id: string;
  id: Generated<string>;
  plan_id: string;
  section: string;
  text: string;
  written_by: string;
  written_at: CreatedAt;
}

export interface OppfolgingsplanSendingTable {
  organisation_id: string;
  id: Generated<string>;
  plan_id: string;
  recipient: PlanRecipient;
  content_version: number;
  note: string | null;
  /** The version sent had not been approved by the employee (migration 0017-dokumenter-hand-over). */
  unapproved: ColumnType<boolean, boolean | undefined, boolean>;
  sent_by: string;
  sent_at: CreatedAt;
}

export interface DokumenterTables {
  oppfolgingsplan: OppfolgingsplanTable;
  oppfolgingsplan_version: OppfolgingsplanVersionTable;
  oppfolgingsplan_comment: OppfolgingsplanCommentTable;
  oppfolgingsplan_sending: OppfolgingsplanSendingTable;
}

declare module '../../db/schema.ts' {
  interface Database extends DokumenterTables {}
}
