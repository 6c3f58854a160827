import { type Kysely, sql } from 'kysely';

/**
 * Protecting the reporter and handing a case on (aml § 2 A-3 (2), § 2 A-4; GDPR art. 33), ADR 0010.
 * Tenant-owned: `organisation_id` first in every key. PostgreSQL 15 subset.
 *
 * - `varsling_retaliation`: the gjengjeldelse checklist, append-only (the newest entry per area
 *   counts; the history is the documentation for the shared burden of proof, aml § 2 A-4 (3)). What
 *   changed, who decided and why are sealed to the channel's key like the report; only the area, the
 *   finding and the day are in clear.
 * - On the case: when the checklist was done; the avvik it was handed over to; a personal-data
 *   breach's awareness time (the 72 hours run from it) and its avvik; the legal hold's day, who set it
 *   and the sealed reason (retention skips a case on hold, product default).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table varsling_retaliation (
      organisation_id uuid not null,
      case_id uuid not null,
      id uuid not null default gen_random_uuid(),
      seq bigint generated always as identity,
      area text not null check (area in ('arbeidsoppgaver', 'lonn', 'stilling', 'arbeidstid', 'arbeidssted', 'sosialt', 'tiltak')),
      finding text not null check (finding in ('ingen-endring', 'endret', 'ikke-kjent')),
      recorded_on date not null,
      recorded_by uuid references user_account (id) on delete set null,
      key_version integer not null,
      -- Sealed JSON { changedOn, decidedBy, reason, note }.
      detail bytea not null,
      primary key (organisation_id, id),
      foreign key (organisation_id, case_id) references varsling_case (organisation_id, id) on delete cascade
    );
    create index varsling_retaliation_case on varsling_retaliation (organisation_id, case_id, seq);

    alter table varsling_case
      add column retaliation_checked_on date,
      add column avvik_id uuid,
      add column breach_aware_at timestamptz,
      add column breach_avvik_id uuid,
      add column breach_decided_on date,
      add column legal_hold_on date,
      add column legal_hold_by uuid references user_account (id) on delete set null,
      add column legal_hold_reason bytea;
    alter table varsling_case
      add constraint varsling_case_breach check ((breach_aware_at is null) = (breach_avvik_id is null)),
      add constraint varsling_case_hold check (legal_hold = (legal_hold_on is not null));
  `.execute(db);
}
