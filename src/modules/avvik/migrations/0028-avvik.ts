import { type Kysely, sql } from 'kysely';

/**
 * Avvik, near misses and injuries (src/modules/avvik): the report (its id made on the device, so a
 * replayed send is a no-op), photos, tiltak, the § 5-1 register entry (no diagnosis column, aml
 * § 5-1 (2)), the § 5-2 checklist and tasks, and the personvernavvik (GDPR art. 33).
 * Tenant-owned: `organisation_id` first in every key. PostgreSQL 15 subset only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table avvik (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null,
      -- Kept also when anonymous: the product never shows it to anyone but the reporter; the audit log knows too.
      reporter_user_id uuid,
      anonymous boolean not null default false,
      category text not null check (category in
        ('hms', 'ruh', 'personskade', 'yrkessykdom', 'miljo', 'kvalitet', 'personvern', 'mulig-varsling')),
      status text not null default 'ny' check (status in ('ny', 'under-behandling', 'lukket')),
      description text not null check (char_length(description) between 1 and 4000),
      unit_id uuid,
      occurred_at timestamptz not null,
      reported_at timestamptz not null default now(),
      immediate_action text not null default '' check (char_length(immediate_action) <= 2000),
      personal_data boolean not null default false,
      severity smallint check (severity between 1 and 5),
      cause text not null default '' check (char_length(cause) <= 4000),
      serious boolean,
      verification_note text check (verification_note is null or char_length(verification_note) between 1 and 2000),
      closed_at timestamptz,
      closed_by uuid,
      version integer not null default 1,
      anonymised_at timestamptz,
      -- A legal hold (a dispute, a claim) stops retention until it is lifted.
      legal_hold boolean not null default false,
      primary key (organisation_id, id),
      foreign key (organisation_id, unit_id) references unit (organisation_id, id),
      check ((status = 'lukket') = (closed_at is not null)),
      check (closed_at is null or verification_note is not null)
    );
    create index avvik_by_unit on avvik (organisation_id, unit_id, status);
    create index avvik_by_reporter on avvik (organisation_id, reporter_user_id);

    create table avvik_photo (
      organisation_id uuid not null,
      avvik_id uuid not null,
      id uuid not null,
      data bytea not null,
      mime text not null check (mime in ('image/jpeg', 'image/png')),
      size integer not null check (size > 0),
      created_at timestamptz not null default now(),
      primary key (organisation_id, avvik_id, id),
      foreign key (organisation_id, avvik_id) references avvik (organisation_id, id) on delete cascade
    );

    create table avvik_tiltak (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      avvik_id uuid not null,
      text text not null check (char_length(text) between 1 and 1000),
      owner_user_id uuid not null,
      due date not null,
      done_at timestamptz,
      done_by uuid,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, avvik_id) references avvik (organisation_id, id) on delete cascade,
      foreign key (organisation_id, owner_user_id) references membership (organisation_id, user_id)
    );
    create index avvik_tiltak_by_avvik on avvik_tiltak (organisation_id, avvik_id);
    create index avvik_tiltak_due on avvik_tiltak (due, organisation_id) where done_at is null;

    -- aml § 5-2: who did which immediate step, when.
    create table avvik_alarm_step (
      organisation_id uuid not null,
      avvik_id uuid not null,
      step text not null check (step in ('ring-arbeidstilsynet', 'ring-politi', 'sikre-stedet',
        'informer-verneombud', 'informer-parorende', 'informer-bht')),
      done_by uuid not null,
      done_at timestamptz not null default now(),
      note text not null default '' check (char_length(note) <= 500),
      primary key (organisation_id, avvik_id, step),
      foreign key (organisation_id, avvik_id) references avvik (organisation_id, id) on delete cascade
    );

    -- The written § 5-2 confirmation (VO copy) and the NAV yrkesskade report (ftrl § 13-14).
    create table avvik_task (
      organisation_id uuid not null,
      avvik_id uuid not null,
      kind text not null check (kind in ('skriftlig-bekreftelse', 'nav-yrkesskade')),
      due date not null,
      done_at timestamptz,
      done_by uuid,
      primary key (organisation_id, avvik_id, kind),
      foreign key (organisation_id, avvik_id) references avvik (organisation_id, id) on delete cascade
    );
    create index avvik_task_due on avvik_task (due, organisation_id) where done_at is null;

    -- The § 5-1 register entry: Arbeidstilsynet's recommended fields; deliberately no diagnosis.
    create table avvik_injury (
      organisation_id uuid not null,
      avvik_id uuid not null,
      occurred_at timestamptz not null,
      work_task text not null default '' check (char_length(work_task) <= 1000),
      course_of_events text not null check (char_length(course_of_events) between 1 and 4000),
      presumed_causes text not null default '' check (char_length(presumed_causes) <= 2000),
      injury_description text not null default '' check (char_length(injury_description) <= 1000),
      may_give_benefits boolean not null default false,
      anonymised_at timestamptz,
      primary key (organisation_id, avvik_id),
      foreign key (organisation_id, avvik_id) references avvik (organisation_id, id) on delete cascade
    );

    -- GDPR art. 33: the 72-hour clock runs from aware_at, not from the report.
    create table avvik_privacy (
      organisation_id uuid not null,
      avvik_id uuid not null,
      aware_at timestamptz not null,
      risk text check (risk in ('lite-sannsynlig', 'risiko', 'hoy-risiko')),
      facts text not null default '' check (char_length(facts) <= 4000),
      effects text not null default '' check (char_length(effects) <= 4000),
      remedial text not null default '' check (char_length(remedial) <= 4000),
      decision text check (decision in ('meldes', 'meldes-ikke')),
      decision_reason text not null default '' check (char_length(decision_reason) <= 2000),
      decided_at timestamptz,
      primary key (organisation_id, avvik_id),
      foreign key (organisation_id, avvik_id) references avvik (organisation_id, id) on delete cascade,
      check (decision is distinct from 'meldes-ikke' or char_length(decision_reason) > 0)
    );
  `.execute(db);
}
