import { type Kysely, sql } from 'kysely';

/**
 * Organisation, people, accounts, sessions and the audit log.
 *
 * Tenancy: every tenant-owned table carries `organisation_id` as the first column of its
 * primary key and of every foreign key to another tenant-owned table, so the schema can be
 * distributed by organisation (Citus or similar) without change. PostgreSQL 15 subset only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisation (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      orgnr char(9) not null unique,
      default_locale text not null default 'nb' check (default_locale in ('nb', 'en')),
      created_at timestamptz not null default now()
    );

    create table unit (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      parent_id uuid,
      name text not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, parent_id) references unit (organisation_id, id),
      check (parent_id is null or parent_id <> id)
    );
    create unique index unit_name_per_parent on unit (organisation_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

    create table employee (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      name text not null,
      email text,
      phone text,
      birth_date date,
      employment_start date not null,
      employment_end date,
      position_percent smallint not null default 100 check (position_percent between 1 and 100),
      unit_id uuid not null,
      leader_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (organisation_id, id),
      foreign key (organisation_id, unit_id) references unit (organisation_id, id),
      foreign key (organisation_id, leader_id) references employee (organisation_id, id),
      check (leader_id is null or leader_id <> id)
    );
    create unique index employee_email on employee (organisation_id, lower(email)) where email is not null;
    create index employee_leader on employee (organisation_id, leader_id);
    create index employee_unit on employee (organisation_id, unit_id);
    create index employee_name on employee (organisation_id, lower(name), id);

    create table user_account (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null,
      password_hash text not null,
      locale text not null default 'nb' check (locale in ('nb', 'en')),
      created_at timestamptz not null default now(),
      disabled_at timestamptz
    );
    create unique index user_account_email on user_account (lower(email));

    -- A user's place in an organisation (a BHT consultant may have several).
    create table membership (
      organisation_id uuid not null references organisation (id) on delete cascade,
      user_id uuid not null references user_account (id) on delete cascade,
      employee_id uuid,
      created_at timestamptz not null default now(),
      primary key (organisation_id, user_id),
      foreign key (organisation_id, employee_id) references employee (organisation_id, id) on delete set null
    );
    create unique index membership_employee on membership (organisation_id, employee_id) where employee_id is not null;

    -- Verneområde: the part of the workplace a verneombud covers (aml § 6-1), a set of units.
    create table verneomrade (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      name text not null,
      primary key (organisation_id, id)
    );
    create table verneomrade_unit (
      organisation_id uuid not null,
      verneomrade_id uuid not null,
      unit_id uuid not null,
      primary key (organisation_id, verneomrade_id, unit_id),
      foreign key (organisation_id, verneomrade_id) references verneomrade (organisation_id, id) on delete cascade,
      foreign key (organisation_id, unit_id) references unit (organisation_id, id) on delete cascade
    );

    create table role_assignment (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      role text not null check (role in ('admin', 'hr', 'leder', 'ansatt', 'verneombud', 'tillitsvalgt', 'amu', 'bht')),
      verneomrade_id uuid,
      primary key (organisation_id, id),
      foreign key (organisation_id, user_id) references membership (organisation_id, user_id) on delete cascade,
      foreign key (organisation_id, verneomrade_id) references verneomrade (organisation_id, id) on delete cascade,
      check ((role = 'verneombud') = (verneomrade_id is not null))
    );
    create unique index role_assignment_unique on role_assignment (organisation_id, user_id, role, coalesce(verneomrade_id, '00000000-0000-0000-0000-000000000000'::uuid));

    create table session (
      id text primary key,
      user_id uuid not null references user_account (id) on delete cascade,
      organisation_id uuid references organisation (id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index session_by_user on session (user_id);

    create table login_throttle (
      key text primary key,
      failures integer not null,
      window_start timestamptz not null,
      locked_until timestamptz
    );

    -- Append-only record of who read or changed which record, when, in which role.
    create table audit_log (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id bigint generated always as identity,
      at timestamptz not null default now(),
      actor_user_id uuid,
      actor_roles text not null,
      action text not null check (action in ('read', 'create', 'update', 'delete', 'import', 'login', 'logout', 'export')),
      entity_type text not null,
      entity_id text,
      detail jsonb,
      primary key (organisation_id, id)
    );
    create index audit_log_entity on audit_log (organisation_id, entity_type, entity_id, at);

    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end;
    $$;
    create trigger audit_log_no_update before update on audit_log
      for each row execute function audit_log_append_only();
  `.execute(db);
}
