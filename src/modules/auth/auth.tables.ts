/** Row types of the auth module's tables (migration 0041-accounts); they join `Database` by declaration merging. */
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface AuthTotpTable {
  user_id: string;
  /** AES-256-GCM under the key outside the database (`secrets.ts`). */
  secret_enc: string;
  confirmed_at: NullableTimestamp;
  /** The last accepted time step: a code is never accepted twice. */
  last_step: ColumnType<string | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
}

export interface AuthRecoveryCodeTable {
  user_id: string;
  id: number;
  code_hash: string;
  used_at: NullableTimestamp;
}

export interface AuthPasswordResetTable {
  id: Generated<string>;
  user_id: string | null;
  token_hash: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface AuthLoginChallengeTable {
  id: string;
  user_id: string;
  organisation_id: string | null;
  attempts: Generated<number>;
  expires_at: Timestamp;
}

export interface AuthSessionInfoTable {
  session_id: string;
  user_id: string;
  user_agent: string;
  ip_prefix: string;
  created_at: CreatedAt;
  last_used_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AuthFailedLoginTable {
  user_id: string;
  id: Generated<string>;
  at: CreatedAt;
  ip_prefix: string;
  seen_at: NullableTimestamp;
}

/** Migration 0046: the organisation's OpenID Connect provider (ADR 0019). */
export interface AuthOidcConfigTable {
  organisation_id: string;
  issuer: string;
  client_id: string;
  /** AES-256-GCM under the key outside the database (`secrets.ts`); never returned by the API. */
  client_secret_enc: string;
  email_domains: string[];
  enabled: boolean;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Migration 0046: a provider identity (issuer + subject) matched to an account in one organisation. */
export interface AuthOidcIdentityTable {
  organisation_id: string;
  issuer: string;
  subject: string;
  user_id: string;
  created_at: CreatedAt;
  last_login_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Migration 0046: a login in flight at the provider (looked up by the hash of its cookie). */
export interface AuthOidcLoginTable {
  id: string;
  organisation_id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
  expires_at: Timestamp;
}

export interface AuthTables {
  auth_totp: AuthTotpTable;
  auth_recovery_code: AuthRecoveryCodeTable;
  auth_password_reset: AuthPasswordResetTable;
  auth_login_challenge: AuthLoginChallengeTable;
  auth_session_info: AuthSessionInfoTable;
  auth_failed_login: AuthFailedLoginTable;
  auth_oidc_config: AuthOidcConfigTable;
  auth_oidc_identity: AuthOidcIdentityTable;
  auth_oidc_login: AuthOidcLoginTable;
}

declare module '../../db/schema.ts' {
  interface Database extends AuthTables {}
}

declare module '../../db/core.tables.ts' {
  interface SessionTable {
    /** Migration 0046: how the session was opened; `oidc` has passed the provider's own second factor. */
    auth_method: ColumnType<'password' | 'oidc', 'password' | 'oidc' | undefined, never>;
  }
  interface UserAccountTable {
    /** Migration 0041: the first login (null: an account nobody has logged in to yet). */
    first_login_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  }
}
