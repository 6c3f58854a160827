import { type Kysely, sql } from 'kysely';

/**
 * Hand-overs in the follow-up documents' workflow (issue 10), one migration for the three stores the
 * feature writes to. It lives with `dokumenter`, the module whose workflow it serves and which
 * already depends on the other two (never the other way round); each module's `*.tables.ts`
 * describes its own new column.
 * - `notification.kind` also allows `event`: «it is your turn» notices (notifications/events.ts).
 * - `task_record.evidence_ref`: a routine task closed by a document event names the document
 *   (`oppfolgingsplan:<id>:v<n>`, `dialogmote:<id>`), as `milestone_record.evidence_ref` does.
 * - `oppfolgingsplan_sending.unapproved`: the version sent had not been approved by the employee
 *   (existing sendings: false — unknown, nothing was recorded then).
 * - `backfillTaskEvidence`: the tasks that document events close from now on, closed for the
 *   documents sent before.
 * PostgreSQL 15 subset only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table notification drop constraint notification_kind_check;
    alter table notification add constraint notification_kind_check
      check (kind in ('reminder-before', 'reminder-due', 'custom', 'event'));

    alter table task_record add column evidence_ref text
      check (evidence_ref is null or char_length(evidence_ref) between 1 and 200);

    alter table oppfolgingsplan_sending add column unapproved boolean not null default false;
  `.execute(db);
  await backfillTaskEvidence(db);
}

/**
 * Before this migration a plan sent to the sykmelder (or dialogmøte 1's minutes) marked the milestone
 * done but left its routine tasks open, «Snart frist». For every such milestone record that is still
 * in force and names its document as evidence (a record marked by hand has none), the tasks the
 * document fulfils (`TASKS_FULFILLED` in hand-over.ts) are recorded done with that evidence, by whom
 * and when the milestone was. A task already done keeps its record; a task id the case's routine
 * does not have is never shown, so its record is inert. Idempotent.
 */
export async function backfillTaskEvidence<DB>(db: Kysely<DB>): Promise<void> {
  await sql`
    insert into task_record (organisation_id, employee_id, case_start, task_key, note, evidence_ref, done_by, done_at)
    select distinct on (m.organisation_id, m.employee_id, m.case_start, t.task_key)
      m.organisation_id, m.employee_id, m.case_start, t.task_key, t.note, m.evidence_ref, m.recorded_by, m.recorded_at
    from milestone_record m
    join (values
      ('oppfolgingsplan', 'oppfolgingsplan', 'oppfolgingsplan:%', 'Oppfølgingsplanen er sendt til sykmelder.'),
      ('oppfolgingsplan', 'plan-til-sykmelder', 'oppfolgingsplan:%', 'Oppfølgingsplanen er sendt til sykmelder.'),
      ('dialogmote1', 'innkall-dialogmote1', 'dialogmote:%', 'Dialogmøte 1 er gjennomført; referatet er skrevet.')
    ) as t (milestone_key, task_key, evidence, note)
      on t.milestone_key = m.milestone_key and m.evidence_ref like t.evidence
    where m.kind = 'done' and m.undone_at is null
    order by m.organisation_id, m.employee_id, m.case_start, t.task_key, m.recorded_at, m.id
    on conflict (organisation_id, employee_id, case_start, task_key) do nothing
  `.execute(db);
}
