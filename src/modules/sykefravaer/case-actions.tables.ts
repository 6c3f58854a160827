/** Row type of the agreed actions (migration 0009-case-action). */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';
import type { ActionOwnerKind } from '../../domain/dokumenter/oppfolgingsplan.ts';

export type { ActionOwnerKind };
export type ActionSource = 'oppfolgingsplan' | 'dialogmote' | 'samtalereferat';

export interface CaseActionTable {
  organisation_id: string;
  id: Generated<string>;
  employee_id: string;
  case_start: IsoDate;
  source: ActionSource;
  /** The document (plan, meeting, samtalereferat) the action was agreed in. */
  source_id: string;
  /** Its place in the document's list. */
  position: number;
  what: string;
  owner_kind: ActionOwnerKind;
  owner: string | null;
  deadline: IsoDate | null;
  version: Generated<number>;
  done_by: string | null;
  done_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface CaseActionTables {
  case_action: CaseActionTable;
}

declare module '../../db/schema.ts' {
  interface Database extends CaseActionTables {}
}
