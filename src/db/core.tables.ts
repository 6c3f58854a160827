/**
 * Row types of the core tables (migration 0001-core). Calendar dates are `'YYYY-MM-DD'`
 * strings (the date type parser is aligned on both drivers); timestamps are `Date`.
 */
import type { ColumnType, Generated, GeneratedAlways, Selectable } from 'kysely';
import type { Role } from '../domain/access/roles.ts';

export type IsoDate = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, never, never>;

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  orgnr: string;
  default_locale: Generated<'nb' | 'en'>;
  created_at: CreatedAt;
}

export interface UnitTable {
  organisation_id: string;
  id: Generated<string>;
  parent_id: string | null;
  name: string;
  created_at: CreatedAt;
}

export interface EmployeeTable {
  organisation_id: string;
  id: Generated<string>;
  name: string;
  email: string | null;
  phone: string | null;
  birth_date: IsoDate | null;
  employment_start: IsoDate;
  employment_end: IsoDate | null;
  position_percent: Generated<number>;
  unit_id: string;
  leader_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface UserAccountTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  locale: Generated<'nb' | 'en'>;
  created_at: CreatedAt;
  disabled_at: Date | null;
}

export interface MembershipTable {
  organisation_id: string;
  user_id: string;
  employee_id: string | null;
  created_at: CreatedAt;
}

export interface VerneomradeTable {
  organisation_id: string;
  id: Generated<string>;
  name: string;
}

export interface VerneomradeUnitTable {
  organisation_id: string;
  verneomrade_id: string;
  unit_id: string;
}

export interface RoleAssignmentTable {
  organisation_id: string;
  id: Generated<string>;
  user_id: string;
  role: Role;
  verneomrade_id: string | null;
}

export interface SessionTable {
  id: string;
  user_id: string;
  organisation_id: string | null;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Date;
  /** When this session passed a second factor (migration 0048, ADR 0020); null: password only. */
  second_factor_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: Date;
  locked_until: Date | null;
}

export const AUDIT_ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'import',
  'login',
  'logout',
  'export',
  /** A read of case data that was refused (migration 0045): who asked for what, when. */
  'denied',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditLogTable {
  organisation_id: string;
  id: GeneratedAlways<number>;
  at: CreatedAt;
  actor_user_id: string | null;
  actor_roles: string;
  action: AuditAction;
  entity_type: string;
  entity_id: string | null;
  detail: unknown;
}

export interface CoreTables {
  organisation: OrganisationTable;
  unit: UnitTable;
  employee: EmployeeTable;
  user_account: UserAccountTable;
  membership: MembershipTable;
  verneomrade: VerneomradeTable;
  verneomrade_unit: VerneomradeUnitTable;
  role_assignment: RoleAssignmentTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
}

export type EmployeeRow = Selectable<EmployeeTable>;
