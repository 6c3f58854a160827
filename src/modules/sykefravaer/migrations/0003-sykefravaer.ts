import { type Kysely, sql } from 'kysely';

/**
 * Sykefraværsoppfølging (src/modules/sykefravaer): absence periods with their change history, the
 * per-employee follow-up row (optimistic-concurrency version, dialogmøte 2 date, retention hold),
 * confirmed AGP ends, milestone records (done / "åpenbart unødvendig"), and the organisation's
 * settings (egenmelding policy, retention).
 *
 * No diagnosis anywhere: periods carry type, grade and dates only. Tenancy as in 0001: every
 * tenant table has `organisation_id` first in its primary key and in each tenant foreign key.
 * User references (`*_by`) carry no foreign key, like `audit_log.actor_user_id`: accounts are
 * global and may be removed, the record stays. PostgreSQL 15 subset only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sykefravaer_setting (
      organisation_id uuid primary key references organisation (id) on delete cascade,
      egenmelding_preset text not null default 'statutory'
        check (egenmelding_preset in ('statutory', 'extended', 'agp', 'custom')),
      -- Only for 'custom' (the presets' numbers live in the rule engine).
      max_days_per_occasion smallint check (max_days_per_occasion between 1 and 16),
      max_days_per_12_months smallint check (max_days_per_12_months between 1 and 366),
      max_occasions_per_12_months smallint check (max_occasions_per_12_months between 1 and 100),
      min_employment_months smallint check (min_employment_months between 0 and 24),
      retention_months smallint not null default 12 check (retention_months between 3 and 60),
      updated_by uuid,
      updated_at timestamptz not null default now(),
      check (egenmelding_preset <> 'custom' or (max_days_per_occasion is not null and min_employment_months is not null))
    );

    -- One row per employee with sick-leave data; its version guards every write to the employee's
    -- periods, milestone records and overrides (optimistic concurrency).
    create table sykefravaer_followup (
      organisation_id uuid not null references organisation (id) on delete cascade,
      employee_id uuid not null,
      version integer not null default 1 check (version >= 1),
      dialogmote2_case_start date,
      dialogmote2_date date,
      retention_hold boolean not null default false,
      retention_hold_reason text,
      retention_hold_by uuid,
      retention_hold_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (organisation_id, employee_id),
      foreign key (organisation_id, employee_id) references employee (organisation_id, id),
      check ((dialogmote2_date is null) = (dialogmote2_case_start is null)),
      check (not retention_hold or retention_hold_reason is not null)
    );

    create table sykefravaer_agp_override (
      organisation_id uuid not null,
      employee_id uuid not null,
      case_start date not null,
      end_date date not null,
      set_by uuid,
      set_at timestamptz not null default now(),
      primary key (organisation_id, employee_id, case_start),
      foreign key (organisation_id, employee_id) references sykefravaer_followup (organisation_id, employee_id) on delete cascade,
      check (end_date >= case_start)
    );

    create table absence_period (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      employee_id uuid not null,
      type text not null check (type in ('egenmelding', 'sykmelding', 'ferie', 'arbeid', 'behandlingsdager')),
      start_date date not null,
      end_date date not null,
      grade smallint,
      avventende boolean not null default false,
      source text not null default 'employer' check (source in ('employer', 'employee')),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz not null default now(),
      deleted_at timestamptz,
      deleted_by uuid,
      delete_reason text,
      primary key (organisation_id, id),
      foreign key (organisation_id, employee_id) references sykefravaer_followup (organisation_id, employee_id) on delete cascade,
      check (end_date >= start_date),
      -- sykmelding: graded 1–100, or avventende without a grade; other types carry no grade.
      check (case when type = 'sykmelding'
        then (avventende and grade is null) or (not avventende and grade between 1 and 100)
        else grade is null and not avventende end),
      check ((deleted_at is null) = (delete_reason is null))
    );
    create index absence_period_employee on absence_period (organisation_id, employee_id, start_date) where deleted_at is null;
    create index absence_period_recent on absence_period (organisation_id, end_date) where deleted_at is null;

    -- Every registration, correction and deletion of a period: who, when, why, old and new values.
    create table absence_period_history (
      organisation_id uuid not null,
      id bigint generated always as identity,
      period_id uuid not null,
      employee_id uuid not null,
      change text not null check (change in ('create', 'update', 'delete')),
      reason text,
      changed_by uuid,
      changed_at timestamptz not null default now(),
      old_type text,
      old_start date,
      old_end date,
      old_grade smallint,
      old_avventende boolean,
      new_type text,
      new_start date,
      new_end date,
      new_grade smallint,
      new_avventende boolean,
      primary key (organisation_id, id),
      foreign key (organisation_id, period_id) references absence_period (organisation_id, id) on delete cascade
    );
    create index absence_period_history_employee on absence_period_history (organisation_id, employee_id, changed_at);

    -- A milestone done, or exempted as "åpenbart unødvendig" (§11.5), for the case starting case_start.
    create table milestone_record (
      organisation_id uuid not null,
      id uuid not null default gen_random_uuid(),
      employee_id uuid not null,
      case_start date not null,
      milestone_key text not null check (milestone_key in ('oppfolgingsplan', 'dialogmote1', 'aktivitetsplikt',
        'motebehov', 'oppfolgingsplanTilNav', 'dialogmote2', 'aap', 'maksdato', 'oppsigelsesvern')),
      kind text not null check (kind in ('done', 'exception')),
      note text,
      reason text,
      evidence_ref text,
      recorded_by uuid,
      recorded_at timestamptz not null default now(),
      undone_by uuid,
      undone_at timestamptz,
      primary key (organisation_id, id),
      foreign key (organisation_id, employee_id) references sykefravaer_followup (organisation_id, employee_id) on delete cascade,
      check (kind = 'done' or (milestone_key in ('oppfolgingsplan', 'dialogmote1', 'dialogmote2') and reason is not null)),
      check (kind = 'exception' or reason is null)
    );
    create index milestone_record_employee on milestone_record (organisation_id, employee_id, case_start) where undone_at is null;
  `.execute(db);
}
