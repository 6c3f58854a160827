import { type Kysely, sql } from 'kysely';

/**
 * Evidence files of a varsling case (ADR 0010): metadata stripped before storage
 * (src/domain/varsling/metadata.ts), then the name, type and content sealed to the channel's key.
 * Only the date is kept; the size is not (it can fingerprint a file). Tenant-owned: `organisation_id`
 * first in every key. PostgreSQL 15 subset.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table varsling_file (
      organisation_id uuid not null,
      case_id uuid not null,
      id uuid not null default gen_random_uuid(),
      seq bigint generated always as identity,
      sent_on date not null,
      author text not null check (author in ('varsler', 'behandler')),
      author_user_id uuid,
      key_version integer not null,
      -- Sealed JSON { name, type }.
      meta bytea not null,
      -- Sealed file content.
      content bytea not null,
      primary key (organisation_id, id),
      foreign key (organisation_id, case_id) references varsling_case (organisation_id, id) on delete cascade,
      check ((author = 'behandler') = (author_user_id is not null))
    );
    create index varsling_file_case on varsling_file (organisation_id, case_id, seq);
  `.execute(db);
}
