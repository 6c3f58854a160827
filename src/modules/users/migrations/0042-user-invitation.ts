import { type Kysely, sql } from 'kysely';

/**
 * An invitation to an organisation for an account that already exists elsewhere (issue 11, item 4):
 * the account is attached only when its owner accepts after logging in. Tenant-owned:
 * `organisation_id` first in every key. The e-mail and name are the ones the administrator typed,
 * never the account's own. PostgreSQL 15 subset only (PGlite runs the same).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table user_invitation (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      email text not null check (char_length(email) between 3 and 254),
      name text not null check (char_length(name) between 1 and 200),
      roles text not null,
      employee_id uuid,
      verneomrade_ids text not null default '',
      invited_by uuid references user_account (id) on delete set null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      primary key (organisation_id, id),
      foreign key (organisation_id, employee_id) references employee (organisation_id, id) on delete set null (employee_id)
    );
    create unique index user_invitation_email on user_invitation (organisation_id, lower(email));
  `.execute(db);
}
