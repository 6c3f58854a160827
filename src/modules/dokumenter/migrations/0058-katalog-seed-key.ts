import { type Kysely, sql } from 'kysely';

/**
 * The default catalogue in the reader's language (issue 10, «English mode: catalogue items stay
 * Norwegian»): `tilrettelegging_tiltak.seed_key` and `tilpasset_arbeid.seed_key` name the default item
 * a row was seeded from (katalog.defaults.ts), null for items people made or edited. While it is set,
 * the row is shown in the reader's language. PostgreSQL 15 subset only.
 *
 * Existing rows: a row whose kind, title and description are still exactly a default item's bokmål
 * text (as seeded before this migration, listed here as it was then) gets that item's key. A row
 * someone edited differs and keeps its text, in whatever language it was written.
 */
const TILTAK: [string, string, string, string][] = [
  [
    'tettere-oppfolging',
    'psykososial',
    'Tettere oppfølging fra leder',
    'Korte, faste samtaler med nærmeste leder, for eksempel hver uke.',
  ],
  [
    'fadder',
    'psykososial',
    'Fadder eller kollega-støtte',
    'En kollega som arbeidstakeren kan spørre og jobbe sammen med.',
  ],
  [
    'inkludering',
    'psykososial',
    'Inkludering i fellesskapet',
    'Invitere til møter og sosiale samlinger også under fraværet.',
  ],
  ['hev-senk-bord', 'fysisk', 'Hev-senk-bord', 'Arbeidsbord som kan stilles i sittende og stående høyde.'],
  ['hjelpemidler', 'fysisk', 'Hjelpemidler', 'Verktøy og utstyr som gjør oppgavene lettere å utføre.'],
  ['lofteutstyr', 'fysisk', 'Løfteutstyr', 'Utstyr som tar de tunge løftene.'],
  [
    'flytte-arbeidsplassen',
    'fysisk',
    'Flytte arbeidsplassen',
    'En annen plass eller et annet rom, for eksempel med mindre støy.',
  ],
  ['inneklima', 'fysisk', 'Justere inneklima', 'Lys, temperatur og lufting tilpasset behovet.'],
  [
    'arbeidsfordeling',
    'organisatorisk',
    'Endre arbeidsfordelingen',
    'Fordele oppgaver annerledes i teamet en periode.',
  ],
  [
    'midlertidige-oppgaver',
    'organisatorisk',
    'Midlertidige oppgaver',
    'Andre oppgaver i en avgrenset periode.',
  ],
  [
    'redusert-tempo',
    'organisatorisk',
    'Redusert tempo',
    'Færre oppgaver om gangen, færre frister og mulighet for pauser.',
  ],
  ['opplaering', 'organisatorisk', 'Opplæring eller omskolering', 'Kurs eller opplæring i nye oppgaver.'],
];

const ARBEID: [string, string, string][] = [
  ['laerlinger', 'Oppfølging av lærlinger', 'Veilede lærlinger og gå gjennom arbeidet deres.'],
  ['lett-fysisk-arbeid', 'Lett fysisk arbeid', 'For eksempel vernerunder og rydding, uten tunge løft.'],
  ['planlegging', 'Planlegging og sjekklister', 'Lage arbeidsplaner, rutiner og sjekklister for teamet.'],
  ['bestilling', 'Bestilling av materiell', 'Holde oversikt over lager og bestille det som trengs.'],
  ['kurs', 'Kurs og e-læring', 'Ta kurs og e-læring som er nyttige i stillingen.'],
  ['hms-handbok', 'Lese HMS-håndbok og regelverk', 'Sette seg inn i HMS-håndboken og regelverket for faget.'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table tilrettelegging_tiltak
      add column seed_key text check (seed_key is null or seed_key ~ '^[a-z0-9-]{1,60}$');
    alter table tilpasset_arbeid
      add column seed_key text check (seed_key is null or seed_key ~ '^[a-z0-9-]{1,60}$');
  `.execute(db);
  await mapSeedKeys(db);
}

/** Gives the untouched default rows their key (idempotent; one statement per call, for bound values). */
export async function mapSeedKeys<DB>(db: Kysely<DB>): Promise<void> {
  for (const [key, kind, title, description] of TILTAK) {
    await sql`
      update tilrettelegging_tiltak set seed_key = ${key}
      where seed_key is null and kind = ${kind} and title = ${title} and description = ${description}
    `.execute(db);
  }
  for (const [key, title, description] of ARBEID) {
    await sql`
      update tilpasset_arbeid set seed_key = ${key}
      where seed_key is null and title = ${title} and description = ${description}
    `.execute(db);
  }
}
