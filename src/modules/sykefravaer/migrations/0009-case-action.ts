import { type Kysely, sql } from 'kysely';

/**
 * Agreed actions as tasks (issue 5, ADR 0004): every agreed action of an oppfølgingsplan, a dialogmøte's
 * minutes or a samtalereferat is a row here, written in the same transaction as the document (a re-save
 * replaces that document's actions and keeps the done-state of those that stay). Done-state (who, when)
 * and an optimistic-concurrency `version` per action. Tenant-owned: `organisation_id` first in every
 * key. PostgreSQL 15 subset only. No diagnosis field.
 *
 * Backfill: the actions of documents saved before this migration. The owner of a dialogmøte or
 * samtalereferat action is free text; it counts as the employee's when it is the employee's name or
 * «den ansatte» / «arbeidstaker» / «employee», as the leader's when it says «leder» / «leader» (the rule
 * of `inferOwnerKind` in src/modules/dokumenter/actions.ts when this was written).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table case_action (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id uuid not null default gen_random_uuid(),
      employee_id uuid not null,
      case_start date not null,
      source text not null check (source in ('oppfolgingsplan', 'dialogmote', 'samtalereferat')),
      source_id uuid not null,
      position integer not null,
      what text not null check (char_length(what) between 1 and 4000),
      owner_kind text not null check (owner_kind in ('employee', 'leader', 'other')),
      owner text check (owner is null or char_length(owner) <= 200),
      deadline date,
      version integer not null default 1,
      done_by uuid,
      done_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, employee_id) references employee (organisation_id, id) on delete cascade
    );
    create index case_action_source on case_action (organisation_id, source, source_id, position);
    create index case_action_employee on case_action (organisation_id, employee_id, case_start);
    create index case_action_open_deadline on case_action (deadline) where done_at is null;
  `.execute(db);

  await sql`
    insert into case_action
      (organisation_id, employee_id, case_start, source, source_id, position, what, owner_kind, owner, deadline)
    select p.organisation_id, p.employee_id, p.case_start, 'oppfolgingsplan', p.id, a.n - 1,
      left(btrim(a.v ->> 'what'), 4000),
      case when a.v ->> 'ownerKind' in ('employee', 'leader', 'other') then a.v ->> 'ownerKind' else 'other' end,
      nullif(left(btrim(coalesce(a.v ->> 'owner', '')), 200), ''),
      (a.v ->> 'deadline')::date
    from oppfolgingsplan p
    cross join lateral jsonb_array_elements(
      case when jsonb_typeof(p.content -> 'actions') = 'array' then p.content -> 'actions' else '[]'::jsonb end
    ) with ordinality as a(v, n)
    where btrim(coalesce(a.v ->> 'what', '')) <> ''
  `.execute(db);

  for (const [source, table, column] of [
    ['dialogmote', 'dialogmote', 'referat_actions'],
    ['samtalereferat', 'samtalereferat', 'actions'],
  ] as const) {
    await sql`
      insert into case_action
        (organisation_id, employee_id, case_start, source, source_id, position, what, owner_kind, owner, deadline)
      select d.organisation_id, d.employee_id, d.case_start, ${source}, d.id, a.n - 1,
        left(btrim(a.v ->> 'what'), 4000),
        case
          when lower(btrim(coalesce(a.v ->> 'owner', ''))) = lower(e.name)
            or btrim(coalesce(a.v ->> 'owner', '')) ~* '^(den )?ansatte?$|arbeidstaker|^(the )?employee$'
            then 'employee'
          when coalesce(a.v ->> 'owner', '') ~* 'leder|leader' then 'leader'
          else 'other'
        end,
        nullif(left(btrim(coalesce(a.v ->> 'owner', '')), 200), ''),
        (a.v ->> 'deadline')::date
      from ${sql.table(table)} d
      join employee e on e.organisation_id = d.organisation_id and e.id = d.employee_id
      cross join lateral jsonb_array_elements(
        case when jsonb_typeof(d.${sql.ref(column)}) = 'array' then d.${sql.ref(column)} else '[]'::jsonb end
      ) with ordinality as a(v, n)
      where btrim(coalesce(a.v ->> 'what', '')) <> ''
    `.execute(db);
  }
}
