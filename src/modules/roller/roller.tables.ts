/**
 * Row types of the roller tables (migration 0012-roller). Calendar dates are `'YYYY-MM-DD'`
 * strings; timestamps are `Date`.
 */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';
import type { AmuSide, AppointmentKind, EndReason, HmsRoleKind } from '../../domain/roller/index.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** One person in one HMS role for one term. Never deleted: ending sets `ended_on`. */
export interface HmsRoleTable {
  organisation_id: string;
  id: Generated<string>;
  kind: HmsRoleKind;
  /** The employee holding the role; null only for the BHT's staff. */
  employee_id: string | null;
  /** The name of a person without an employee record (the BHT's staff). */
  person_name: string | null;
  provider_name: string | null;
  /** The verneområde of a verneombud (FOLM § 3-2); null for every other kind. */
  verneomrade_id: string | null;
  term_start: IsoDate;
  /** The last day of the term; null only for the top leader and the BHT contact. */
  term_end: IsoDate | null;
  how: AppointmentKind;
  ended_on: IsoDate | null;
  ended_reason: EndReason | null;
  /**
   * The user this module gave the role's login role (`role_assignment`: `verneombud` for the area, or
   * `amu`); null when it gave none (no login, or the user had the role already). Only what this
   * module gave is taken away again.
   */
  login_user_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

/** Who chairs the arbeidsmiljøutvalg in a year (aml § 7-1 (4), FOLM § 3-12). */
export interface AmuChairTable {
  organisation_id: string;
  year: number;
  side: AmuSide;
  role_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface RollerTables {
  hms_role: HmsRoleTable;
  amu_chair: AmuChairTable;
}

declare module '../../db/schema.ts' {
  interface Database extends RollerTables {}
}
