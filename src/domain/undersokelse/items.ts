/**
 * Nærvær's own item bank for psychosocial surveys, per dimension, on a 1–5 agreement scale.
 *
 * aml § 4-3 and § 4-2 name what the psychosocial and organisational working environment must give;
 * FOLM § 7-1 requires psychological health factors to be mapped (kartlegging). The law prescribes
 * no instrument. These items are the product's own wording (anbefalt, not lovkrav) and are
 * **ikke validert instrument**: QPS Nordic items are used only after licence confirmation, and
 * ARK/KIWEST is not used (product decision).
 */
import type { Text } from '../../i18n/locale.ts';

export const DIMENSIONS = [
  'arbeidsmengde',
  'meningsfullt',
  'rolleklarhet',
  'rollekonflikt',
  'innflytelse',
  'sosial_stotte',
  'psykologisk_trygghet',
  'ledelse',
  'tilbakemelding',
  'laering',
  'konflikthandtering',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_TEXT: Record<Dimension, Text> = {
  arbeidsmengde: { nb: 'Arbeidsmengde', en: 'Workload' },
  meningsfullt: { nb: 'Meningsfullt arbeid', en: 'Meaningful work' },
  rolleklarhet: { nb: 'Rolleklarhet', en: 'Role clarity' },
  rollekonflikt: { nb: 'Rollekonflikt', en: 'Role conflict' },
  innflytelse: { nb: 'Innflytelse', en: 'Influence' },
  sosial_stotte: { nb: 'Sosial støtte', en: 'Social support' },
  psykologisk_trygghet: { nb: 'Psykologisk trygghet', en: 'Psychological safety' },
  ledelse: { nb: 'Ledelse', en: 'Leadership' },
  tilbakemelding: { nb: 'Tilbakemelding', en: 'Feedback' },
  laering: { nb: 'Læring og utvikling', en: 'Learning and development' },
  konflikthandtering: { nb: 'Konflikthåndtering', en: 'Conflict handling' },
};

/** The label every bank item and result carries. */
export const NOT_VALIDATED: Text = { nb: 'Ikke validert instrument', en: 'Not a validated instrument' };

/** The scale's ends and steps (1 = helt uenig … 5 = helt enig). */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const SCALE_LABELS: readonly Text[] = [
  { nb: 'Helt uenig', en: 'Strongly disagree' },
  { nb: 'Litt uenig', en: 'Somewhat disagree' },
  { nb: 'Verken enig eller uenig', en: 'Neither agree nor disagree' },
  { nb: 'Litt enig', en: 'Somewhat agree' },
  { nb: 'Helt enig', en: 'Strongly agree' },
];

export type BankItem = {
  key: string;
  dimension: Dimension;
  text: Text;
  /**
   * Worded so that agreeing means a worse working environment (e.g. «too much to do»): its score is
   * turned (6 − answer) before it counts in the dimension, so a high dimension score is always good.
   */
  reversed: boolean;
};

export const ITEM_BANK: readonly BankItem[] = [
  {
    key: 'arbeidsmengde-1',
    dimension: 'arbeidsmengde',
    text: {
      nb: 'Jeg har som regel tid nok til å gjøre arbeidet mitt ordentlig.',
      en: 'I usually have enough time to do my work properly.',
    },
    reversed: false,
  },
  {
    key: 'arbeidsmengde-2',
    dimension: 'arbeidsmengde',
    text: {
      nb: 'Arbeidsmengden min er så stor at jeg ofte må jobbe ut over avtalt tid.',
      en: 'My workload is so large that I often have to work beyond my agreed hours.',
    },
    reversed: true,
  },
  {
    key: 'meningsfullt-1',
    dimension: 'meningsfullt',
    text: { nb: 'Arbeidet jeg gjør, oppleves meningsfullt.', en: 'The work I do feels meaningful.' },
    reversed: false,
  },
  {
    key: 'rolleklarhet-1',
    dimension: 'rolleklarhet',
    text: {
      nb: 'Jeg vet hva som forventes av meg i jobben.',
      en: 'I know what is expected of me in my job.',
    },
    reversed: false,
  },
  {
    key: 'rolleklarhet-2',
    dimension: 'rolleklarhet',
    text: {
      nb: 'Jeg vet hvem jeg skal spørre når jeg er usikker på en oppgave.',
      en: 'I know whom to ask when I am unsure about a task.',
    },
    reversed: false,
  },
  {
    key: 'rollekonflikt-1',
    dimension: 'rollekonflikt',
    text: {
      nb: 'Jeg får ofte motstridende beskjeder om hva jeg skal prioritere.',
      en: 'I often get conflicting instructions about what to prioritise.',
    },
    reversed: true,
  },
  {
    key: 'innflytelse-1',
    dimension: 'innflytelse',
    text: {
      nb: 'Jeg kan selv påvirke hvordan arbeidet mitt legges opp.',
      en: 'I can influence how my work is organised.',
    },
    reversed: false,
  },
  {
    key: 'innflytelse-2',
    dimension: 'innflytelse',
    text: {
      nb: 'Jeg blir hørt før det gjøres endringer som angår arbeidet mitt.',
      en: 'I am heard before changes are made that affect my work.',
    },
    reversed: false,
  },
  {
    key: 'sosial-stotte-1',
    dimension: 'sosial_stotte',
    text: {
      nb: 'Jeg får hjelp og støtte fra kollegene mine når jeg trenger det.',
      en: 'I get help and support from my colleagues when I need it.',
    },
    reversed: false,
  },
  {
    key: 'sosial-stotte-2',
    dimension: 'sosial_stotte',
    text: {
      nb: 'Lederen min stiller opp når arbeidet blir vanskelig.',
      en: 'My manager is there for me when work gets difficult.',
    },
    reversed: false,
  },
  {
    key: 'psykologisk-trygghet-1',
    dimension: 'psykologisk_trygghet',
    text: {
      nb: 'Det er trygt å si ifra om feil og problemer her.',
      en: 'It is safe to speak up about mistakes and problems here.',
    },
    reversed: false,
  },
  {
    key: 'psykologisk-trygghet-2',
    dimension: 'psykologisk_trygghet',
    text: {
      nb: 'Jeg kan komme med en annen mening enn de fleste uten å bli satt utenfor.',
      en: 'I can disagree with most people without being left out.',
    },
    reversed: false,
  },
  {
    key: 'ledelse-1',
    dimension: 'ledelse',
    text: {
      nb: 'Lederen min behandler medarbeiderne rettferdig.',
      en: 'My manager treats employees fairly.',
    },
    reversed: false,
  },
  {
    key: 'ledelse-2',
    dimension: 'ledelse',
    text: {
      nb: 'Lederen min gir oss tydelige mål for arbeidet.',
      en: 'My manager gives us clear goals for our work.',
    },
    reversed: false,
  },
  {
    key: 'tilbakemelding-1',
    dimension: 'tilbakemelding',
    text: {
      nb: 'Jeg får tilbakemelding på hvordan jeg gjør jobben min.',
      en: 'I get feedback on how I do my job.',
    },
    reversed: false,
  },
  {
    key: 'laering-1',
    dimension: 'laering',
    text: {
      nb: 'Jeg har mulighet til å lære nye ting i jobben.',
      en: 'I have the opportunity to learn new things in my job.',
    },
    reversed: false,
  },
  {
    key: 'konflikthandtering-1',
    dimension: 'konflikthandtering',
    text: {
      nb: 'Uenigheter på arbeidsplassen blir tatt tak i og løst på en god måte.',
      en: 'Disagreements at work are addressed and resolved well.',
    },
    reversed: false,
  },
];

const BY_KEY = new Map(ITEM_BANK.map((item) => [item.key, item]));

export function bankItem(key: string): BankItem | undefined {
  return BY_KEY.get(key);
}

/** The score an answer counts with in its dimension (reversed items turned). */
export function itemScore(item: Pick<BankItem, 'reversed'>, answer: number): number {
  return item.reversed ? SCALE_MIN + SCALE_MAX - answer : answer;
}
