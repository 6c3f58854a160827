import { type Kysely, sql } from 'kysely';

/**
 * Varsling (src/modules/varsling, aml kapittel 2 A; ADR 0010). Tenant-owned: `organisation_id`
 * first in every key. PostgreSQL 15 subset only (PGlite runs the same).
 *
 * What is NOT here, on purpose: the text of a report, a message or an outcome reason in clear (they
 * are sealed boxes to the channel's public key; its secret key is stored wrapped by a key outside
 * the database), a receipt code in clear (an argon2id hash, plus its first 6 digits to find it), and
 * anything about an anonymous reporter's request (IP address, user agent, cookie, session, time of
 * day: only the date of receipt is kept).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- One reporting channel per organisation: its public id (the link), its key pair.
    create table varsling_channel (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      public_key bytea not null,
      -- The secret key and the reporter-tag key, encrypted with the master key named by wrap_key_id.
      wrapped_keys bytea not null,
      wrap_key_id text not null,
      key_version integer not null default 1 check (key_version >= 1),
      created_at timestamptz not null default now(),
      primary key (organisation_id),
      unique (id)
    );

    -- The named case handlers: only they can open a case (aml § 2 A-6 (4) c: who receives).
    create table varsling_handler (
      organisation_id uuid not null,
      user_id uuid not null,
      top_leader boolean not null default false,
      added_at timestamptz not null default now(),
      primary key (organisation_id, user_id),
      foreign key (organisation_id, user_id) references membership (organisation_id, user_id) on delete cascade
    );

    create table varsling_case (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      received_on date not null,
      channel text not null check (channel in ('anonym', 'innlogget')),
      status text not null default 'registrert'
        check (status in ('registrert', 'bekreftet', 'vurdert', 'undersokes', 'avsluttet')),
      version integer not null default 1,
      concerns_top_leader boolean not null default false,
      -- A logged-in reporter finds their own reports by a keyed hash of their user id (no user id here).
      reporter_tag bytea,
      receipt_lookup text check (receipt_lookup is null or receipt_lookup ~ '^[0-9]{6}$'),
      receipt_hash text,
      key_version integer not null,
      report bytea not null,
      acknowledged_on date,
      outcome text check (outcome is null or outcome in ('varsling', 'eget-arbeidsforhold', 'avvik')),
      category text check (category is null or category in ('a', 'b', 'c', 'd', 'e', 'f', 'annet')),
      outcome_reason bytea,
      investigation_target date,
      feedback_given_on date,
      closed_on date,
      legal_hold boolean not null default false,
      primary key (organisation_id, id),
      check ((channel = 'anonym') = (receipt_hash is not null)),
      check ((receipt_hash is null) = (receipt_lookup is null)),
      check ((channel = 'innlogget') = (reporter_tag is not null))
    );
    create unique index varsling_case_receipt on varsling_case (organisation_id, receipt_lookup)
      where receipt_lookup is not null;
    create index varsling_case_open on varsling_case (organisation_id, received_on) where closed_on is null;
    create index varsling_case_closed on varsling_case (closed_on) where closed_on is not null;

    -- Handlers excluded by the reporter (or as top leader): they never see the case.
    create table varsling_exclusion (
      organisation_id uuid not null,
      case_id uuid not null,
      user_id uuid not null,
      primary key (organisation_id, case_id, user_id),
      foreign key (organisation_id, case_id) references varsling_case (organisation_id, id) on delete cascade
    );

    -- The two-way mailbox: sealed messages, ordered by seq; only the date is kept.
    create table varsling_message (
      organisation_id uuid not null,
      case_id uuid not null,
      id uuid not null default gen_random_uuid(),
      seq bigint generated always as identity,
      sent_on date not null,
      author text not null check (author in ('varsler', 'behandler')),
      author_user_id uuid,
      kind text not null check (kind in ('melding', 'bekreftelse', 'tilbakemelding', 'avslutning')),
      key_version integer not null,
      body bytea not null,
      primary key (organisation_id, id),
      foreign key (organisation_id, case_id) references varsling_case (organisation_id, id) on delete cascade,
      check ((author = 'behandler') = (author_user_id is not null))
    );
    create index varsling_message_case on varsling_message (organisation_id, case_id, seq);

    -- What stays after a case file is deleted: received, closed, category; no names.
    create table varsling_case_log (
      organisation_id uuid not null references organisation (id) on delete cascade,
      case_id uuid not null,
      received_on date not null,
      closed_on date,
      outcome text,
      category text,
      deleted_on date not null,
      primary key (organisation_id, case_id)
    );
  `.execute(db);
}
