import { type Kysely, sql } from 'kysely';

/**
 * Kartlegging and risikovurdering (src/modules/risiko). Tenant-owned: `organisation_id` first in
 * every key. PostgreSQL 15 subset only (PGlite runs the same). Kept for the life of the account,
 * every review as a revision (FOLM § 7-1: stored so that it can be used later).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- FOLM § 7-1 (Arbeidstilsynet's guidance): the acceptable risk is decided before assessing.
    create table risk_criteria (
      organisation_id uuid not null references organisation (id) on delete cascade,
      text text not null check (char_length(text) between 1 and 4000),
      recorded_on date not null,
      recorded_by uuid,
      recorded_by_name text,
      updated_at timestamptz not null default now(),
      version integer not null default 1 check (version >= 1),
      primary key (organisation_id)
    );

    -- aml § 3-1 (2) c, IK-f § 5 no. 6: one kartlegging and risikovurdering of a unit (and work task).
    create table risk_assessment (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      title text not null check (char_length(title) between 1 and 200),
      unit_id uuid not null,
      work_task text not null default '' check (char_length(work_task) <= 200),
      responsible_user_id uuid not null,
      responsible_name text not null,
      -- FOLM § 7-1: made in cooperation with the employees — who took part, by role and name.
      participants jsonb not null default '[]'::jsonb,
      assessed_on date not null,
      next_review date not null,
      review_reason text check (review_reason is null or char_length(review_reason) <= 500),
      revision integer not null default 1 check (revision >= 1),
      created_at timestamptz not null default now(),
      created_by uuid,
      created_by_name text,
      updated_at timestamptz not null default now(),
      version integer not null default 1 check (version >= 1),
      primary key (organisation_id, id),
      foreign key (organisation_id, unit_id) references unit (organisation_id, id)
    );
    create index risk_assessment_by_unit on risk_assessment (organisation_id, unit_id);
    create index risk_assessment_by_review on risk_assessment (next_review, organisation_id);

    -- A review keeps what was there before it: the whole assessment as it stood, per revision.
    create table risk_assessment_revision (
      organisation_id uuid not null,
      assessment_id uuid not null,
      revision integer not null check (revision >= 1),
      assessed_on date not null,
      archived_at timestamptz not null default now(),
      archived_by_name text,
      snapshot jsonb not null,
      primary key (organisation_id, assessment_id, revision),
      foreign key (organisation_id, assessment_id) references risk_assessment (organisation_id, id) on delete cascade
    );

    -- One hazard / undesired event, scored on the 5 × 5 matrix before and after tiltak.
    create table risk_item (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      assessment_id uuid not null,
      area text not null check (area in ('fysisk', 'ergonomisk', 'organisatorisk', 'kjemisk-biologisk', 'psykososial', 'mekanisk')),
      hazard_key text check (hazard_key is null or char_length(hazard_key) <= 60),
      dimension text check (dimension is null or char_length(dimension) <= 60),
      title text not null check (char_length(title) between 1 and 300),
      description text not null default '' check (char_length(description) <= 2000),
      existing_barriers text not null default '' check (char_length(existing_barriers) <= 2000),
      initial_p smallint not null check (initial_p between 1 and 5),
      initial_c smallint not null check (initial_c between 1 and 5),
      residual_p smallint check (residual_p between 1 and 5),
      residual_c smallint check (residual_c between 1 and 5),
      status text not null default 'apen' check (status in ('apen', 'lukket')),
      closed_at timestamptz,
      closed_by_name text,
      acceptance_name text check (acceptance_name is null or char_length(acceptance_name) between 1 and 200),
      acceptance_date date,
      acceptance_reason text check (acceptance_reason is null or char_length(acceptance_reason) between 1 and 2000),
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      version integer not null default 1 check (version >= 1),
      primary key (organisation_id, id),
      foreign key (organisation_id, assessment_id) references risk_assessment (organisation_id, id) on delete cascade,
      check ((residual_p is null) = (residual_c is null)),
      check ((status = 'lukket') = (closed_at is not null)),
      check ((acceptance_name is null) = (acceptance_date is null) and (acceptance_name is null) = (acceptance_reason is null))
    );
    create index risk_item_by_assessment on risk_item (organisation_id, assessment_id);

    -- aml § 3-1 (2) c: the handlingsplan — tiltak with an owner, a due date and a status.
    create table risk_tiltak (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      risk_id uuid not null,
      text text not null check (char_length(text) between 1 and 1000),
      owner_user_id uuid not null,
      due date not null,
      status text not null default 'planlagt' check (status in ('planlagt', 'pagar', 'utfort')),
      done_note text check (done_note is null or char_length(done_note) between 1 and 2000),
      done_at timestamptz,
      done_by_name text,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      version integer not null default 1 check (version >= 1),
      primary key (organisation_id, id),
      foreign key (organisation_id, risk_id) references risk_item (organisation_id, id) on delete cascade,
      -- Done needs a short note.
      check ((status = 'utfort') = (done_note is not null)),
      check ((status = 'utfort') = (done_at is not null))
    );
    create index risk_tiltak_by_risk on risk_tiltak (organisation_id, risk_id);
    -- The reminder sweep reads open tiltak by due date.
    create index risk_tiltak_open_by_due on risk_tiltak (due, organisation_id) where status <> 'utfort';

    -- aml § 6-2: the verneombud comments and may record disagreement.
    create table risk_comment (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      assessment_id uuid not null,
      risk_id uuid,
      kind text not null check (kind in ('kommentar', 'uenighet')),
      text text not null check (char_length(text) between 1 and 2000),
      author_user_id uuid,
      author_name text not null,
      author_role text not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, assessment_id) references risk_assessment (organisation_id, id) on delete cascade,
      foreign key (organisation_id, risk_id) references risk_item (organisation_id, id) on delete cascade
    );
    create index risk_comment_by_assessment on risk_comment (organisation_id, assessment_id);

    -- FOLM § 7-1: employees take part — a hazard they suggest for the unit's assessment.
    create table risk_suggestion (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      assessment_id uuid not null,
      area text not null check (area in ('fysisk', 'ergonomisk', 'organisatorisk', 'kjemisk-biologisk', 'psykososial', 'mekanisk')),
      text text not null check (char_length(text) between 1 and 1000),
      suggested_by uuid,
      suggested_by_name text not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, assessment_id) references risk_assessment (organisation_id, id) on delete cascade
    );
    create index risk_suggestion_by_assessment on risk_suggestion (organisation_id, assessment_id);

    -- The IK dashboard (point 6), the heat map and the handlingsplan are cached and hear of every
    -- committed change to what they are computed from (src/db/change-feed.ts).
    create trigger risk_assessment_notify_change after insert or update or delete on risk_assessment
      for each row execute function naervaer_notify_change();
    create trigger risk_item_notify_change after insert or update or delete on risk_item
      for each row execute function naervaer_notify_change();
    create trigger risk_tiltak_notify_change after insert or update or delete on risk_tiltak
      for each row execute function naervaer_notify_change();
  `.execute(db);
}
