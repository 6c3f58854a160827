import { type Kysely, sql } from 'kysely';

/**
 * Dialogmøte 1 (src/modules/dokumenter/dialogmote.*): the meeting of a sick-leave case (time, place
 * or video link, status, optimistic-concurrency version, the minutes) and its participants, with the
 * employee's consent recorded for the optional ones (tillitsvalgt, verneombud, BHT, sykmelder).
 * Also the lighter `samtalereferat` (first contact, follow-up talks, frisksamtale): date, short summary,
 * agreed actions. Tenant-owned: `organisation_id` first in every key. PostgreSQL 15 subset only. No
 * diagnosis field.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dialogmote (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      employee_id uuid not null,
      case_start date not null,
      starts_at timestamptz not null,
      duration_minutes integer not null check (duration_minutes between 15 and 480),
      place text check (place is null or char_length(place) <= 300),
      video_link text check (video_link is null or char_length(video_link) <= 500),
      status text not null default 'planlagt' check (status in ('planlagt', 'gjennomfort', 'avlyst')),
      referat_summary text check (referat_summary is null or char_length(referat_summary) <= 4000),
      referat_actions jsonb,
      referat_by uuid,
      referat_at timestamptz,
      version integer not null default 1,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_by uuid not null,
      updated_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, employee_id) references employee (organisation_id, id) on delete cascade
    );
    create index dialogmote_employee on dialogmote (organisation_id, employee_id, starts_at);

    create table dialogmote_participant (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      meeting_id uuid not null,
      role text not null check (role in ('leder', 'ansatt', 'hr', 'tillitsvalgt', 'verneombud', 'bht', 'sykmelder')),
      name text not null check (char_length(name) between 1 and 200),
      email text check (email is null or char_length(email) <= 254),
      employee_consent boolean,
      consent_by uuid,
      consent_at timestamptz,
      position integer not null default 0,
      primary key (organisation_id, id),
      foreign key (organisation_id, meeting_id) references dialogmote (organisation_id, id) on delete cascade
    );
    create index dialogmote_participant_meeting on dialogmote_participant (organisation_id, meeting_id, position);

    create table samtalereferat (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      employee_id uuid not null,
      case_start date not null,
      kind text not null check (kind in ('forste-kontakt', 'oppfolging', 'frisksamtale')),
      held_on date not null,
      summary text not null check (char_length(summary) between 1 and 2000),
      actions jsonb not null default '[]',
      version integer not null default 1,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_by uuid not null,
      updated_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, employee_id) references employee (organisation_id, id) on delete cascade
    );
    create index samtalereferat_employee on samtalereferat (organisation_id, employee_id, held_on);
  `.execute(db);
}
