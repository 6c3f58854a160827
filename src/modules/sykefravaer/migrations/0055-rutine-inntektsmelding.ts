import { type Kysely, sql } from 'kysely';

/**
 * The inntektsmelding task (ftrl § 8-17, § 8-19, § 21-3) for organisations that saved their own
 * routine before it existed. Organisations on the built-in routine (version 1, not stored) get it
 * from `DEFAULT_ROUTINE` without this.
 *
 * DECISION: append the task to the latest stored routine of every organisation that lacks it, as a
 * new version made by Nærvær (`created_by` null: the routine page says it was added automatically).
 * A saved routine is the organisation's own wording, not a choice to skip a legal duty: without the
 * task, HR would never see when NAV waits for the inntektsmelding. Running cases keep the version
 * they are pinned to (as after any save); new cases get the task. Skipped: an organisation whose
 * routine already has a task with the id `inntektsmelding` or one dated from `agpEnd` (they chose
 * their own), or that has 50 tasks (the routine's limit; the stored routine must stay valid).
 * The task is a frozen copy of the default (a migration must not follow later code changes).
 */
const TASK = {
  id: 'inntektsmelding',
  title: {
    nb: 'Send inntektsmelding til NAV (arbeidsgiverperioden er over)',
    en: 'Send the income report (inntektsmelding) to NAV (the employer period is over)',
  },
  responsible: 'hr',
  anchor: 'agpEnd',
  offsetDays: 1,
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await addInntektsmeldingTask(db);
}

/** The migration's statement, generic over the schema so tests can run it again on a live database. */
export async function addInntektsmeldingTask<DB>(db: Kysely<DB>): Promise<void> {
  await sql`
    insert into rutine_version (organisation_id, version, tasks, created_by)
    select v.organisation_id, v.version + 1, v.tasks || jsonb_build_array(${JSON.stringify(TASK)}::jsonb), null
    from rutine_version v
    where v.version = (select max(w.version) from rutine_version w where w.organisation_id = v.organisation_id)
      and jsonb_array_length(v.tasks) < 50
      and not exists (
        select 1 from jsonb_array_elements(v.tasks) t
        where t ->> 'id' = 'inntektsmelding' or t ->> 'anchor' = 'agpEnd'
      )
  `.execute(db);
}
