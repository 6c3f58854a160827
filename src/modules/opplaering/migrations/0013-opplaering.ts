import { type Kysely, sql } from 'kysely';

/**
 * Training records (src/modules/opplaering): one row per completed course of one employee, with the
 * course certificate kept as bytes (PDF, PNG or JPEG, checked by content before it is stored).
 * Tenant-owned: `organisation_id` first in every key. PostgreSQL 15 subset only (PGlite runs the same).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table training_record (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      employee_id uuid not null,
      course text not null check (course in (
        'hms-leder', 'vo-amu-40t', 'forstehjelp', 'brannvern', 'maskin-utstyr', 'kjemikalier', 'annet'
      )),
      title text check (title is null or char_length(title) between 1 and 200),
      completed_on date not null,
      hours numeric(6, 2) not null check (hours > 0 and hours <= 1000),
      provider text check (provider is null or char_length(provider) between 1 and 200),
      expires_on date,
      note text check (note is null or char_length(note) between 1 and 500),
      certificate bytea,
      certificate_name text check (certificate_name is null or char_length(certificate_name) between 1 and 200),
      certificate_mime text check (certificate_mime is null or certificate_mime in ('application/pdf', 'image/png', 'image/jpeg')),
      certificate_size integer check (certificate_size is null or certificate_size > 0),
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, employee_id) references employee (organisation_id, id) on delete cascade,
      -- «Annet» says nothing by itself: it needs a title.
      check (course <> 'annet' or title is not null),
      check (expires_on is null or expires_on > completed_on),
      -- A certificate is all four columns or none.
      check (
        (certificate is null) = (certificate_name is null)
        and (certificate is null) = (certificate_mime is null)
        and (certificate is null) = (certificate_size is null)
      )
    );
    -- A person's records per course, newest first (the matrix, "a newer record exists").
    create index training_record_employee on training_record (organisation_id, employee_id, course, completed_on);
    -- The reminder sweep reads records by expiry date.
    create index training_record_expiry on training_record (expires_on, organisation_id) where expires_on is not null;
  `.execute(db);
}
