import { type Kysely, sql } from 'kysely';

/**
 * Accounts people manage themselves (ADR 0016): the TOTP second factor and its recovery codes,
 * password-reset requests, the pending second step of a login, what a session list shows, and the
 * failed logins an account's owner is told about. Accounts are global (not tenant-owned), so these
 * tables are keyed by the user. Secrets are never stored in the clear: the TOTP secret is encrypted
 * (AES-256-GCM, key outside the database), recovery codes are argon2id hashes, tokens SHA-256.
 * PostgreSQL 15 subset only (PGlite runs the same).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table auth_totp (
      user_id uuid primary key references user_account (id) on delete cascade,
      secret_enc text not null,
      confirmed_at timestamptz,
      last_step bigint,
      created_at timestamptz not null default now()
    );

    create table auth_recovery_code (
      user_id uuid not null references user_account (id) on delete cascade,
      id integer not null check (id between 1 and 20),
      code_hash text not null,
      used_at timestamptz,
      primary key (user_id, id)
    );

    -- user_id null: a request for an unknown address (kept so both cost the same; never usable).
    create table auth_password_reset (
      id uuid primary key default gen_random_uuid(),
      user_id uuid references user_account (id) on delete cascade,
      token_hash text unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index auth_password_reset_user on auth_password_reset (user_id, created_at);

    create table auth_login_challenge (
      id text primary key,
      user_id uuid not null references user_account (id) on delete cascade,
      organisation_id uuid,
      attempts integer not null default 0,
      expires_at timestamptz not null
    );

    create table auth_session_info (
      session_id text primary key references session (id) on delete cascade,
      user_id uuid not null references user_account (id) on delete cascade,
      user_agent text not null default '' check (char_length(user_agent) <= 120),
      ip_prefix text not null default '' check (char_length(ip_prefix) <= 64),
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now()
    );
    create index auth_session_info_user on auth_session_info (user_id);

    create table auth_failed_login (
      user_id uuid not null references user_account (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      at timestamptz not null default now(),
      ip_prefix text not null default '' check (char_length(ip_prefix) <= 64),
      seen_at timestamptz,
      primary key (user_id, id)
    );

    -- Set once, at the first login (a user an administrator added shows as "not logged in yet").
    alter table user_account add column first_login_at timestamptz;
    update user_account set first_login_at = created_at;

    -- Enrolling or removing the second factor changes what a session may do: drop cached sessions.
    create trigger auth_totp_notify_change after insert or update or delete on auth_totp
      for each row execute function naervaer_notify_change();
  `.execute(db);
}
