import { type Kysely, sql } from 'kysely';

/**
 * Notes Nærvær writes itself, as codes (issue 10, «English mode: automatic notes stay Norwegian»):
 * `milestone_record` and `task_record` get `note_code` and `note_params` (see
 * src/domain/sykefravaer/system-notes.ts); the text is rendered in the reader's language on every
 * read. `note` keeps only what a person typed. PostgreSQL 15 subset only.
 *
 * Existing rows: `mapSystemNotes` turns the prose Nærvær wrote before into codes. Those sentences
 * were fixed strings (only the plan version varied), written only together with a document as
 * evidence (`evidence_ref`, which no request can set), so the mapping is exact and loses nothing;
 * leaving them would keep every case made before today Norwegian for an English reader.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table milestone_record
      add column note_code text check (note_code is null or note_code ~ '^[a-z0-9-]{1,60}$'),
      add column note_params jsonb;
    alter table task_record
      add column note_code text check (note_code is null or note_code ~ '^[a-z0-9-]{1,60}$'),
      add column note_params jsonb;
  `.execute(db);
  await mapSystemNotes(db);
}

const SENT = 'Oppfølgingsplanen er sendt til sykmelder.';
const UNAPPROVED = ' Planen var ikke godkjent av arbeidstakeren.';
const HELD = 'Dialogmøte 1 er gjennomført; referatet er skrevet.';
/** `Oppfølgingsplanen (versjon N) er sendt til sykmelder.`, optionally followed by UNAPPROVED. */
const VERSION_SENT =
  '^Oppfølgingsplanen \\(versjon ([0-9]{1,9})\\) er sendt til sykmelder\\.( Planen var ikke godkjent av arbeidstakeren\\.)?$';

/**
 * The known sentences of rows with a document as evidence, as codes. A milestone note that was the
 * sender's own note followed by the unapproved warning keeps the typed part. Idempotent (a mapped row
 * has a code and is skipped).
 */
export async function mapSystemNotes<DB>(db: Kysely<DB>): Promise<void> {
  // One statement per call: bound parameters are not allowed in a multi-statement query.
  const n = sql.lit(UNAPPROVED.length);
  await sql`
    update milestone_record set
      note_code = 'plan-sent',
      note_params = jsonb_build_object('unapproved', right(note, ${n}) = ${UNAPPROVED}),
      note = case
        when note in (${SENT}, ${SENT + UNAPPROVED}) then null
        when right(note, ${n}) = ${UNAPPROVED} then left(note, char_length(note) - ${n})
        else note
      end
    where note_code is null and milestone_key = 'oppfolgingsplan' and evidence_ref like 'oppfolgingsplan:%'
      and note is not null
  `.execute(db);
  await sql`
    update milestone_record set note_code = 'dialogmote1-held', note = null
    where note_code is null and milestone_key = 'dialogmote1' and evidence_ref like 'dialogmote:%'
      and note = ${HELD}
  `.execute(db);
  await sql`
    update task_record set
      note_code = 'plan-sent',
      note_params = case
        when note = ${SENT} then jsonb_build_object('unapproved', false)
        else jsonb_build_object(
          'version', (substring(note from ${VERSION_SENT}))::int,
          'unapproved', right(note, ${n}) = ${UNAPPROVED})
      end,
      note = null
    where note_code is null and evidence_ref like 'oppfolgingsplan:%'
      and (note = ${SENT} or note ~ ${VERSION_SENT})
  `.execute(db);
  await sql`
    update task_record set note_code = 'dialogmote1-held', note = null
    where note_code is null and evidence_ref like 'dialogmote:%' and note = ${HELD}
  `.execute(db);
}
