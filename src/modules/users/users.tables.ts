/** Row types of the users module's table (migration 0042-user-invitation), joined to `Database` by declaration merging. */
import type { ColumnType, Generated } from 'kysely';

export interface UserInvitationTable {
  organisation_id: string;
  id: Generated<string>;
  /** As the administrator typed it (never read from the account). */
  email: string;
  name: string;
  /** Comma-separated roles. */
  roles: string;
  employee_id: string | null;
  /** Comma-separated verneområde ids ('' for none). */
  verneomrade_ids: Generated<string>;
  invited_by: string | null;
  created_at: ColumnType<Date, never, never>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface UsersTables {
  user_invitation: UserInvitationTable;
}

declare module '../../db/schema.ts' {
  interface Database extends UsersTables {}
}
