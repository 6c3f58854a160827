import { type Kysely, sql } from 'kysely';

/**
 * Roller og verv (src/modules/roller): the HMS roles with their terms, and the AMU chair per year.
 * Tenant-owned: `organisation_id` first in every key. PostgreSQL 15 subset only (PGlite runs the same).
 * The rules that span rows (one verneombud per verneområde at a time, FOLM § 3-2) are checked by the
 * service under a lock on the organisation; the ones within a row are checked here as well.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table hms_role (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      kind text not null check (kind in (
        'daglig-leder', 'verneombud', 'hovedverneombud',
        'amu-arbeidsgiver', 'amu-arbeidstaker', 'amu-bht', 'bht-kontakt'
      )),
      employee_id uuid,
      person_name text check (person_name is null or char_length(person_name) between 1 and 200),
      provider_name text check (provider_name is null or char_length(provider_name) between 1 and 200),
      verneomrade_id uuid,
      term_start date not null,
      term_end date,
      how text not null check (how in ('valgt', 'utpekt', 'oppnevnt')),
      ended_on date,
      ended_reason text check (ended_reason is null or ended_reason in ('sluttet', 'byttet-omrade', 'erstattet', 'annet')),
      login_user_id uuid,
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      -- History is kept: an employee or a verneområde with roles cannot be deleted from under them.
      foreign key (organisation_id, employee_id) references employee (organisation_id, id),
      foreign key (organisation_id, verneomrade_id) references verneomrade (organisation_id, id),
      -- The BHT's staff are external (FOLM § 3-7); everyone else is an employee.
      check ((employee_id is null) = (kind in ('amu-bht', 'bht-kontakt'))),
      check ((provider_name is not null) = (kind in ('amu-bht', 'bht-kontakt'))),
      check (person_name is null or kind in ('amu-bht', 'bht-kontakt')),
      check (kind <> 'amu-bht' or person_name is not null),
      -- FOLM § 3-2: a verneombud is elected for a verneområde.
      check ((verneomrade_id is not null) = (kind = 'verneombud')),
      -- FOLM §§ 3-4, 3-15: verneombud, hovedverneombud and AMU members have a term.
      check (term_end is not null or kind in ('daglig-leder', 'bht-kontakt')),
      check (term_end is null or term_end > term_start),
      check (ended_on is null or ended_on >= term_start)
    );
    create index hms_role_by_kind on hms_role (organisation_id, kind) where ended_on is null;
    create index hms_role_by_employee on hms_role (organisation_id, employee_id) where employee_id is not null;
    -- The reminder sweep reads terms by their end.
    create index hms_role_by_term_end on hms_role (term_end, organisation_id) where term_end is not null;

    create table amu_chair (
      organisation_id uuid not null references organisation (id) on delete cascade,
      year integer not null check (year between 2000 and 2100),
      side text not null check (side in ('arbeidsgiver', 'arbeidstaker')),
      role_id uuid,
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (organisation_id, year),
      foreign key (organisation_id, role_id) references hms_role (organisation_id, id)
    );
  `.execute(db);
}
