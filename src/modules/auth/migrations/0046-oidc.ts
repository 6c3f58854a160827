import { type Kysely, sql } from 'kysely';

/**
 * Single sign-on with OpenID Connect (ADR 0019). Per organisation: the provider (issuer URL for
 * discovery), the client id, the client secret encrypted like the TOTP secrets (AES-256-GCM, key
 * outside the database), the e-mail domains it may sign in, and on/off. The identities already
 * matched (issuer + subject → user) are kept per organisation, so the second login matches by the
 * provider's stable subject, not by the e-mail address. A login in flight (state, nonce, PKCE
 * verifier) lives a few minutes, looked up by the hash of a cookie. A session remembers how it was
 * opened (`password` or `oidc`): an SSO session has passed the provider's own second factor.
 * PostgreSQL 15 subset only (PGlite runs the same).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table auth_oidc_config (
      organisation_id uuid primary key references organisation (id) on delete cascade,
      issuer text not null check (char_length(issuer) between 8 and 500),
      client_id text not null check (char_length(client_id) between 1 and 255),
      client_secret_enc text not null,
      email_domains text[] not null default '{}',
      enabled boolean not null default false,
      updated_at timestamptz not null default now()
    );

    create table auth_oidc_identity (
      organisation_id uuid not null references organisation (id) on delete cascade,
      issuer text not null,
      subject text not null check (char_length(subject) between 1 and 255),
      user_id uuid not null references user_account (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_login_at timestamptz not null default now(),
      primary key (organisation_id, issuer, subject)
    );
    create index auth_oidc_identity_user on auth_oidc_identity (organisation_id, user_id);

    create table auth_oidc_login (
      id text primary key,
      organisation_id uuid not null references organisation (id) on delete cascade,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      redirect_uri text not null,
      expires_at timestamptz not null
    );

    alter table session add column auth_method text not null default 'password'
      check (auth_method in ('password', 'oidc'));
  `.execute(db);
}
