/**
 * The default tilrettelegging catalogue every organisation gets on its first read, in both languages.
 * A seeded row remembers its item (`seed_key`); while it is untouched, an English reader sees the
 * English text. Once someone edits the title or description, the text is theirs (the key is cleared).
 * Keys are stored: never rename one (migration 0058-katalog-seed-key maps the existing rows to them).
 */
import type { Locale, Text } from '../../i18n/locale.ts';
import type { TiltakKind } from './katalog.tables.ts';

export type DefaultItem = { key: string; title: Text; description: Text };

export const DEFAULT_TILTAK: (DefaultItem & { kind: TiltakKind })[] = [
  {
    key: 'tettere-oppfolging',
    kind: 'psykososial',
    title: { nb: 'Tettere oppfølging fra leder', en: 'Closer follow-up from the leader' },
    description: {
      nb: 'Korte, faste samtaler med nærmeste leder, for eksempel hver uke.',
      en: 'Short, regular talks with the immediate leader, for example every week.',
    },
  },
  {
    key: 'fadder',
    kind: 'psykososial',
    title: { nb: 'Fadder eller kollega-støtte', en: 'A buddy or support from a colleague' },
    description: {
      nb: 'En kollega som arbeidstakeren kan spørre og jobbe sammen med.',
      en: 'A colleague the employee can ask and work together with.',
    },
  },
  {
    key: 'inkludering',
    kind: 'psykososial',
    title: { nb: 'Inkludering i fellesskapet', en: 'Included in the team' },
    description: {
      nb: 'Invitere til møter og sosiale samlinger også under fraværet.',
      en: 'Invite to meetings and social gatherings during the absence too.',
    },
  },
  {
    key: 'hev-senk-bord',
    kind: 'fysisk',
    title: { nb: 'Hev-senk-bord', en: 'Sit-stand desk' },
    description: {
      nb: 'Arbeidsbord som kan stilles i sittende og stående høyde.',
      en: 'A desk that can be set at sitting and standing height.',
    },
  },
  {
    key: 'hjelpemidler',
    kind: 'fysisk',
    title: { nb: 'Hjelpemidler', en: 'Aids' },
    description: {
      nb: 'Verktøy og utstyr som gjør oppgavene lettere å utføre.',
      en: 'Tools and equipment that make the tasks easier to do.',
    },
  },
  {
    key: 'lofteutstyr',
    kind: 'fysisk',
    title: { nb: 'Løfteutstyr', en: 'Lifting equipment' },
    description: { nb: 'Utstyr som tar de tunge løftene.', en: 'Equipment that does the heavy lifting.' },
  },
  {
    key: 'flytte-arbeidsplassen',
    kind: 'fysisk',
    title: { nb: 'Flytte arbeidsplassen', en: 'Move the workplace' },
    description: {
      nb: 'En annen plass eller et annet rom, for eksempel med mindre støy.',
      en: 'Another place or another room, for example with less noise.',
    },
  },
  {
    key: 'inneklima',
    kind: 'fysisk',
    title: { nb: 'Justere inneklima', en: 'Adjust the indoor climate' },
    description: {
      nb: 'Lys, temperatur og lufting tilpasset behovet.',
      en: 'Light, temperature and ventilation adapted to the need.',
    },
  },
  {
    key: 'arbeidsfordeling',
    kind: 'organisatorisk',
    title: { nb: 'Endre arbeidsfordelingen', en: 'Change how the work is shared' },
    description: {
      nb: 'Fordele oppgaver annerledes i teamet en periode.',
      en: 'Share the tasks differently in the team for a period.',
    },
  },
  {
    key: 'midlertidige-oppgaver',
    kind: 'organisatorisk',
    title: { nb: 'Midlertidige oppgaver', en: 'Temporary tasks' },
    description: { nb: 'Andre oppgaver i en avgrenset periode.', en: 'Other tasks for a limited period.' },
  },
  {
    key: 'redusert-tempo',
    kind: 'organisatorisk',
    title: { nb: 'Redusert tempo', en: 'A slower pace' },
    description: {
      nb: 'Færre oppgaver om gangen, færre frister og mulighet for pauser.',
      en: 'Fewer tasks at a time, fewer deadlines and room for breaks.',
    },
  },
  {
    key: 'opplaering',
    kind: 'organisatorisk',
    title: { nb: 'Opplæring eller omskolering', en: 'Training or retraining' },
    description: { nb: 'Kurs eller opplæring i nye oppgaver.', en: 'Courses or training in new tasks.' },
  },
];

export const DEFAULT_ARBEID: DefaultItem[] = [
  {
    key: 'laerlinger',
    title: { nb: 'Oppfølging av lærlinger', en: 'Following up apprentices' },
    description: {
      nb: 'Veilede lærlinger og gå gjennom arbeidet deres.',
      en: 'Guide apprentices and go through their work.',
    },
  },
  {
    key: 'lett-fysisk-arbeid',
    title: { nb: 'Lett fysisk arbeid', en: 'Light physical work' },
    description: {
      nb: 'For eksempel vernerunder og rydding, uten tunge løft.',
      en: 'For example safety rounds and tidying, without heavy lifting.',
    },
  },
  {
    key: 'planlegging',
    title: { nb: 'Planlegging og sjekklister', en: 'Planning and checklists' },
    description: {
      nb: 'Lage arbeidsplaner, rutiner og sjekklister for teamet.',
      en: 'Make work plans, routines and checklists for the team.',
    },
  },
  {
    key: 'bestilling',
    title: { nb: 'Bestilling av materiell', en: 'Ordering supplies' },
    description: {
      nb: 'Holde oversikt over lager og bestille det som trengs.',
      en: 'Keep track of stock and order what is needed.',
    },
  },
  {
    key: 'kurs',
    title: { nb: 'Kurs og e-læring', en: 'Courses and e-learning' },
    description: {
      nb: 'Ta kurs og e-læring som er nyttige i stillingen.',
      en: 'Take courses and e-learning that are useful in the job.',
    },
  },
  {
    key: 'hms-handbok',
    title: { nb: 'Lese HMS-håndbok og regelverk', en: 'Read the HSE handbook and regulations' },
    description: {
      nb: 'Sette seg inn i HMS-håndboken og regelverket for faget.',
      en: 'Get to know the HSE handbook and the regulations of the trade.',
    },
  },
];

const BY_KEY = new Map<string, DefaultItem>([...DEFAULT_TILTAK, ...DEFAULT_ARBEID].map((d) => [d.key, d]));

/**
 * The text a reader sees of a catalogue row: the default item's text in their language while the row
 * is the untouched default (`seed_key` set), else the row's own text. An unknown key (a row from a
 * newer Nærvær) shows the row's text.
 */
export function catalogueText(
  row: { seed_key: string | null; title: string; description: string },
  locale: Locale,
): { title: string; description: string } {
  const item = row.seed_key === null ? undefined : BY_KEY.get(row.seed_key);
  if (item === undefined) return { title: row.title, description: row.description };
  return { title: item.title[locale], description: item.description[locale] };
}

/**
 * On an edit: does the new text still equal the default item's text (in either language, since an
 * English reader sends back the English text when they only switch an item off)? Then the row stays
 * the default, stored in bokmål with its key; otherwise the key is cleared and the text is theirs.
 */
export function untouchedDefault(
  seedKey: string | null,
  input: { title: string; description: string },
): DefaultItem | undefined {
  const item = seedKey === null ? undefined : BY_KEY.get(seedKey);
  if (item === undefined) return undefined;
  const same = (['nb', 'en'] as const).some(
    (l) => item.title[l] === input.title && item.description[l] === input.description,
  );
  return same ? item : undefined;
}
