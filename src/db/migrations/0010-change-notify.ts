import { type Kysely, sql } from 'kysely';

/**
 * The change feed for in-process read caches (src/db/change-feed.ts): after a committed change to
 * a table a cache reads, PostgreSQL notifies channel `naervaer_change` with
 * `table|organisation_id|user_id` — ids only, never a name or any other content. Row triggers;
 * PostgreSQL folds identical payloads of one transaction into one notification, so an import of
 * 50 000 employees still sends one. Session inserts need none (a new session is not cached yet).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function naervaer_notify_change() returns trigger
    language plpgsql as $$
    declare
      changed jsonb;
    begin
      if tg_op = 'DELETE' then changed := to_jsonb(old); else changed := to_jsonb(new); end if;
      perform pg_notify(
        'naervaer_change',
        tg_table_name || '|' || coalesce(changed ->> 'organisation_id', '') || '|' ||
          coalesce(case when tg_table_name = 'user_account' then changed ->> 'id' else changed ->> 'user_id' end, '')
      );
      return null;
    end
    $$;

    create trigger employee_notify_change after insert or update or delete on employee
      for each row execute function naervaer_notify_change();
    create trigger unit_notify_change after insert or update or delete on unit
      for each row execute function naervaer_notify_change();
    create trigger session_notify_change after update or delete on session
      for each row execute function naervaer_notify_change();
    create trigger user_account_notify_change after update or delete on user_account
      for each row execute function naervaer_notify_change();
    create trigger membership_notify_change after insert or update or delete on membership
      for each row execute function naervaer_notify_change();
    create trigger role_assignment_notify_change after insert or update or delete on role_assignment
      for each row execute function naervaer_notify_change();
  `.execute(db);
  // What "Mine oppgaver" is computed from (OPPGAVER_TABLES in src/modules/sykefravaer/rutine.service.ts).
  for (const table of [
    'absence_period',
    'sykefravaer_followup',
    'sykefravaer_agp_override',
    'milestone_record',
    'rutine_version',
    'rutine_case',
    'task_record',
    'case_action',
  ]) {
    await sql`
      create trigger ${sql.id(`${table}_notify_change`)} after insert or update or delete on ${sql.table(table)}
        for each row execute function naervaer_notify_change()
    `.execute(db);
  }
}
