import { type Kysely, sql } from 'kysely';

/**
 * The written routine for internal varsling (aml § 2 A-6) and employees' read confirmations.
 * Tenant-owned: `organisation_id` first in every key. PostgreSQL 15 subset (PGlite runs the same).
 *
 * A routine has numbered versions: at most one draft (`utkast`) per organisation, edited by admin/HR;
 * publishing records the cooperation step (aml § 2 A-6 (2): made «i samarbeid med arbeidstakerne og
 * deres tillitsvalgte») and makes it the one employees read (aml § 2 A-6 (5): easily accessible).
 * The routine holds no personal data beyond the handlers' names the organisation writes into it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table varsling_routine (
      organisation_id uuid not null references organisation (id) on delete cascade,
      number integer not null check (number >= 1),
      status text not null check (status in ('utkast', 'publisert')),
      -- Optimistic concurrency of the draft.
      version integer not null default 1,
      -- { topic key: text } for the 21 topics.
      answers jsonb not null,
      updated_on date not null,
      updated_by uuid references user_account (id) on delete set null,
      published_on date,
      published_by uuid references user_account (id) on delete set null,
      cooperation_with text,
      cooperation_on date,
      primary key (organisation_id, number),
      check ((status = 'publisert') = (published_on is not null)),
      check ((status = 'publisert') = (cooperation_with is not null and cooperation_on is not null))
    );
    create unique index varsling_routine_one_draft on varsling_routine (organisation_id) where status = 'utkast';

    create table varsling_routine_read (
      organisation_id uuid not null,
      number integer not null,
      user_id uuid not null,
      read_on date not null,
      primary key (organisation_id, number, user_id),
      foreign key (organisation_id, number) references varsling_routine (organisation_id, number) on delete cascade,
      foreign key (organisation_id, user_id) references membership (organisation_id, user_id) on delete cascade
    );
  `.execute(db);
}
