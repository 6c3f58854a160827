import { type Kysely, type QueryExecutorProvider, sql } from 'kysely';

/**
 * Sick-leave statistics without loading every period on a read (ADR 0023):
 * - `statistikk_fravaer`: one person's tapte dagsverk per quarter (millionths; legemeldt/egenmeldt ×
 *   korttid/langtid), computed by the pure `fravaerPerKvartal` from all the person's periods and
 *   their employment, only quarters with any. No dates, no types, no diagnosis.
 * - `statistikk_dirty`: the persons whose contributions must be recomputed, marked in the same
 *   transaction as the change by the triggers below (every write path, also a change made straight in
 *   the database); the next read recomputes them before it sums.
 * - `statistikk_arkiv` and `statistikk_frozen`: when periods are deleted for good (retention, an
 *   erasure — a user's deletion is a soft delete, an update), the person's contributions up to the
 *   quarter of the last deleted day are moved into an anonymous sum per unit and quarter and are
 *   never recomputed: past quarters do not change silently when the law makes us delete the periods.
 * Tenant-owned: `organisation_id` first in every key. PostgreSQL 15 subset only (PGlite runs the same).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table statistikk_fravaer (
      organisation_id uuid not null,
      employee_id uuid not null,
      quarter integer not null check (quarter between 8000 and 8399),
      lk bigint not null check (lk >= 0),
      ll bigint not null check (ll >= 0),
      ek bigint not null check (ek >= 0),
      el bigint not null check (el >= 0),
      primary key (organisation_id, quarter, employee_id),
      foreign key (organisation_id, employee_id) references employee (organisation_id, id) on delete cascade
    );
    create index statistikk_fravaer_employee on statistikk_fravaer (organisation_id, employee_id);

    create table statistikk_dirty (
      organisation_id uuid not null references organisation (id) on delete cascade,
      employee_id uuid not null,
      primary key (organisation_id, employee_id)
    );

    create table statistikk_frozen (
      organisation_id uuid not null references organisation (id) on delete cascade,
      employee_id uuid not null,
      until_quarter integer not null,
      primary key (organisation_id, employee_id)
    );

    create table statistikk_arkiv (
      organisation_id uuid not null references organisation (id) on delete cascade,
      id bigint generated always as identity,
      unit_id uuid,
      quarter integer not null,
      lk bigint not null,
      ll bigint not null,
      ek bigint not null,
      el bigint not null,
      primary key (organisation_id, id)
    );
    create index statistikk_arkiv_quarter on statistikk_arkiv (organisation_id, quarter);

    create function naervaer_statistikk_mark() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'INSERT' or tg_op = 'UPDATE' then
        insert into statistikk_dirty (organisation_id, employee_id)
          select distinct organisation_id, employee_id from new_rows
          on conflict do nothing;
      end if;
      if tg_op = 'UPDATE' then
        insert into statistikk_dirty (organisation_id, employee_id)
          select distinct organisation_id, employee_id from old_rows
          on conflict do nothing;
      end if;
      return null;
    end
    $$;

    create function naervaer_statistikk_mark_employee() returns trigger
    language plpgsql as $$
    begin
      insert into statistikk_dirty (organisation_id, employee_id)
        select n.organisation_id, n.id from new_rows n
        left join old_rows o on o.organisation_id = n.organisation_id and o.id = n.id
        where o.id is null
           or o.position_percent is distinct from n.position_percent
           or o.employment_start is distinct from n.employment_start
           or o.employment_end is distinct from n.employment_end
        on conflict do nothing;
      return null;
    end
    $$;

    -- Periods deleted for good: freeze the person's quarters up to the last deleted day's quarter into
    -- an anonymous sum per unit and quarter (ADR 0023), and never recompute them.
    create function naervaer_statistikk_freeze() returns trigger
    language plpgsql as $$
    begin
      with s as (
        select organisation_id, employee_id,
               max((extract(year from end_date) * 4 + extract(quarter from end_date) - 1)::integer) as until_quarter
        from old_rows group by organisation_id, employee_id
      ),
      moved as (
        delete from statistikk_fravaer f using s
        where s.organisation_id = f.organisation_id and s.employee_id = f.employee_id
          and f.quarter <= s.until_quarter
        returning f.organisation_id, f.employee_id, f.quarter, f.lk, f.ll, f.ek, f.el
      ),
      archived as (
        insert into statistikk_arkiv (organisation_id, unit_id, quarter, lk, ll, ek, el)
        select m.organisation_id, e.unit_id, m.quarter, sum(m.lk), sum(m.ll), sum(m.ek), sum(m.el)
        from moved m
        left join employee e on e.organisation_id = m.organisation_id and e.id = m.employee_id
        group by m.organisation_id, e.unit_id, m.quarter
      ),
      frozen as (
        insert into statistikk_frozen (organisation_id, employee_id, until_quarter)
        select organisation_id, employee_id, until_quarter from s
        on conflict (organisation_id, employee_id)
          do update set until_quarter = greatest(statistikk_frozen.until_quarter, excluded.until_quarter)
      )
      -- Later quarters are recomputed from what is left.
      insert into statistikk_dirty (organisation_id, employee_id)
        select s.organisation_id, s.employee_id from s
        join organisation o on o.id = s.organisation_id
        on conflict do nothing;
      return null;
    end
    $$;

    create trigger absence_period_statistikk_insert after insert on absence_period
      referencing new table as new_rows
      for each statement execute function naervaer_statistikk_mark();
    create trigger absence_period_statistikk_update after update on absence_period
      referencing old table as old_rows new table as new_rows
      for each statement execute function naervaer_statistikk_mark();
    create trigger absence_period_statistikk_delete after delete on absence_period
      referencing old table as old_rows
      for each statement execute function naervaer_statistikk_freeze();
    create trigger employee_statistikk_update after update on employee
      referencing old table as old_rows new table as new_rows
      for each statement execute function naervaer_statistikk_mark_employee();
  `.execute(db);
  await markExisting(db);
}

/**
 * Existing data: every person with a period is marked, so the first read of each organisation
 * computes and stores their contributions (once; later reads recompute only what changed).
 */
export async function markExisting(db: QueryExecutorProvider): Promise<void> {
  await sql`
    insert into statistikk_dirty (organisation_id, employee_id)
      select distinct p.organisation_id, p.employee_id from absence_period p
      join employee e on e.organisation_id = p.organisation_id and e.id = p.employee_id
      on conflict do nothing
  `.execute(db);
}
