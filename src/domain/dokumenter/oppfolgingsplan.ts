/**
 * The oppfølgingsplan (aml § 4-6 (3)) as data: its fields grouped in sections (NAV's plan fields plus
 * the topics of "den viktige samtalen"), a readable per-field diff between two versions, and a gentle
 * scan for obvious health words in free text. Pure and browser-safe: the server (API, PDF) and the
 * web page use the same labels. There is deliberately no diagnosis field.
 */
import { formatNorwegian } from '../calendar/index.ts';

export type ActionOwnerKind = 'employee' | 'leader' | 'other';

export type PlanAction = {
  what: string;
  ownerKind: ActionOwnerKind;
  /** Free text: who, when `ownerKind` is `other` (optional otherwise). */
  owner?: string | undefined;
  deadline?: string | null | undefined;
};

export const TEXT_FIELDS = [
  'typicalWorkDay',
  'canDo',
  'cannotDo',
  'triedSoFar',
  'adaptPsychosocial',
  'adaptPhysical',
  'adaptOrganisational',
  'helpNavBht',
  'followUpHow',
  'notParticipatedWhy',
  'wellbeingGood',
  'wellbeingHard',
  'earlierMeasures',
  'changeTasks',
  'changeOrganisation',
  'changeFeedback',
  'changeCooperation',
  'changeInformation',
  'changeSocial',
  'changeTools',
  'changeCompetence',
  'otherMatters',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type PlanContent = { [K in TextField]?: string | undefined } & {
  evaluationDate?: string | null | undefined;
  participated?: boolean | null | undefined;
  actions?: PlanAction[] | undefined;
};

export type PlanField = TextField | 'evaluationDate' | 'participated' | 'actions';

export type Label = { nb: string; en: string };

export const FIELD_LABELS: Record<PlanField, Label> = {
  typicalWorkDay: { nb: 'En typisk arbeidsdag', en: 'A typical work day' },
  canDo: { nb: 'Oppgaver arbeidstakeren kan gjøre', en: 'Tasks the employee can do' },
  cannotDo: { nb: 'Oppgaver arbeidstakeren ikke kan gjøre nå', en: 'Tasks the employee cannot do now' },
  triedSoFar: {
    nb: 'Tilrettelegging som er prøvd, og hva som virket',
    en: 'Adaptation tried so far, and what worked',
  },
  adaptPsychosocial: { nb: 'Psykososial tilrettelegging', en: 'Psychosocial adaptation' },
  adaptPhysical: { nb: 'Fysisk tilrettelegging', en: 'Physical adaptation' },
  adaptOrganisational: { nb: 'Organisatorisk tilrettelegging', en: 'Organisational adaptation' },
  helpNavBht: {
    nb: 'Tiltak med hjelp fra NAV eller bedriftshelsetjenesten',
    en: 'Measures with help from NAV or the occupational health service',
  },
  followUpHow: { nb: 'Hvordan og når vi følger opp', en: 'How and when we follow up' },
  evaluationDate: { nb: 'Evalueringsdato', en: 'Evaluation date' },
  participated: { nb: 'Arbeidstakeren har deltatt', en: 'The employee has taken part' },
  notParticipatedWhy: {
    nb: 'Hvorfor arbeidstakeren ikke har deltatt',
    en: 'Why the employee has not taken part',
  },
  wellbeingGood: { nb: 'Trivsel: hva går bra', en: 'Well-being: what goes well' },
  wellbeingHard: { nb: 'Trivsel: hva er vanskelig', en: 'Well-being: what is hard' },
  earlierMeasures: { nb: 'Tiltak som er prøvd før', en: 'Measures tried before' },
  changeTasks: { nb: 'Oppgaver og innhold', en: 'Tasks and content' },
  changeOrganisation: { nb: 'Organisering, arbeidstid og tempo', en: 'Organisation, hours and pace' },
  changeFeedback: { nb: 'Tilbakemelding fra leder', en: 'Feedback from the leader' },
  changeCooperation: { nb: 'Samarbeid med andre', en: 'Cooperation with others' },
  changeInformation: { nb: 'Informasjonsrutiner', en: 'Information routines' },
  changeSocial: { nb: 'Sosialt miljø og kultur', en: 'Social environment and culture' },
  changeTools: { nb: 'Verktøy og hjelpemidler', en: 'Tools and aids' },
  changeCompetence: { nb: 'Kompetanse', en: 'Competence' },
  otherMatters: {
    nb: 'Andre forhold (for eksempel pårørendeansvar)',
    en: 'Other matters (for example being a carer)',
  },
  actions: { nb: 'Avtalte tiltak', en: 'Agreed actions' },
};

export const SECTION_KEYS = ['arbeid', 'tilrettelegging', 'samtalen', 'tiltak', 'oppfolging'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTIONS: { key: SectionKey; title: Label; fields: PlanField[] }[] = [
  {
    key: 'arbeid',
    title: { nb: 'Arbeidsoppgaver og arbeidsevne', en: 'Work tasks and working capacity' },
    fields: ['typicalWorkDay', 'canDo', 'cannotDo'],
  },
  {
    key: 'tilrettelegging',
    title: { nb: 'Tilrettelegging i arbeidsgivers regi', en: 'Adaptation by the employer' },
    fields: ['triedSoFar', 'adaptPsychosocial', 'adaptPhysical', 'adaptOrganisational'],
  },
  {
    key: 'samtalen',
    title: { nb: 'Den viktige samtalen', en: 'The important conversation' },
    fields: [
      'wellbeingGood',
      'wellbeingHard',
      'earlierMeasures',
      'changeTasks',
      'changeOrganisation',
      'changeFeedback',
      'changeCooperation',
      'changeInformation',
      'changeSocial',
      'changeTools',
      'changeCompetence',
      'otherMatters',
    ],
  },
  {
    key: 'tiltak',
    title: { nb: 'Tiltak og avtaler', en: 'Measures and agreements' },
    fields: ['helpNavBht', 'actions'],
  },
  {
    key: 'oppfolging',
    title: { nb: 'Videre oppfølging', en: 'Further follow-up' },
    fields: ['followUpHow', 'evaluationDate', 'participated', 'notParticipatedWhy'],
  },
];

export const ALL_FIELDS: PlanField[] = SECTIONS.flatMap((s) => s.fields);

const OWNER_LABELS: Record<ActionOwnerKind, Label> = {
  employee: { nb: 'Arbeidstaker', en: 'Employee' },
  leader: { nb: 'Leder', en: 'Leader' },
  other: { nb: 'Annen', en: 'Other' },
};

/** Who owns an action, as text. */
export function ownerText(action: PlanAction, locale: 'nb' | 'en'): string {
  const free = action.owner?.trim();
  if (action.ownerKind === 'other') return free || OWNER_LABELS.other[locale];
  return free
    ? `${OWNER_LABELS[action.ownerKind][locale]} (${free})`
    : OWNER_LABELS[action.ownerKind][locale];
}

const yesNo = (v: boolean, locale: 'nb' | 'en') =>
  v ? (locale === 'nb' ? 'Ja' : 'Yes') : locale === 'nb' ? 'Nei' : 'No';

/** A field's value as readable text (null when empty); dates as dd.mm.åååå. */
export function fieldText(content: PlanContent, field: PlanField, locale: 'nb' | 'en' = 'nb'): string | null {
  if (field === 'evaluationDate')
    return content.evaluationDate ? formatNorwegian(content.evaluationDate) : null;
  if (field === 'participated') {
    return content.participated === undefined || content.participated === null
      ? null
      : yesNo(content.participated, locale);
  }
  if (field === 'actions') {
    const actions = content.actions ?? [];
    if (actions.length === 0) return null;
    return actions
      .map((a) =>
        [a.what.trim(), ownerText(a, locale), a.deadline ? formatNorwegian(a.deadline) : null]
          .filter((x) => x)
          .join(' — '),
      )
      .join('\n');
  }
  const text = content[field]?.trim();
  return text ? text : null;
}

export type FieldChange = { field: PlanField; label: Label; before: string | null; after: string | null };

/** The fields that differ between two versions, in the plan's order, as readable text. */
export function diffPlans(
  before: PlanContent,
  after: PlanContent,
  locale: 'nb' | 'en' = 'nb',
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of ALL_FIELDS) {
    const a = fieldText(before, field, locale);
    const b = fieldText(after, field, locale);
    if (a !== b) changes.push({ field, label: FIELD_LABELS[field], before: a, after: b });
  }
  return changes;
}

/**
 * Obvious health words (diagnoses and common conditions). A hint, never a block: the plan is about
 * work and adaptation, not the illness. Matched as the start of a word, so "depresjonen" counts.
 */
export const HEALTH_WORDS = [
  'diagnose',
  'depresjon',
  'depressiv',
  'kreft',
  'angst',
  'migrene',
  'utbrent',
  'utbrenthet',
  'diabetes',
  'epilepsi',
  'hjerteinfarkt',
  'slag',
  'psykose',
  'bipolar',
  'schizofren',
  'adhd',
  'autisme',
  'rus',
  'alkoholisme',
  'graviditet',
  'gravid',
  'svangerskap',
  'spiseforstyrrelse',
  'fibromyalgi',
  'ms',
  'covid',
  'korona',
  'prolaps',
  'cellegift',
] as const;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...HEALTH_WORDS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})\\p{L}*`,
  'giu',
);

/** The health words found in one text (lower case, each once, in order of appearance). */
export function findHealthWords(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[1]!.toLowerCase();
    // Short stems only as whole words ("ms", "rus", "slag"), so "russisk" or "slagord" pass.
    if (word.length <= 4 && m[0].length !== word.length) continue;
    if (!found.includes(word)) found.push(word);
  }
  return found;
}

export type HealthWordWarning = { field: string; words: string[] };

/** Every free-text field (and action text) that contains an obvious health word. */
export function healthWordWarnings(content: PlanContent): HealthWordWarning[] {
  const warnings: HealthWordWarning[] = [];
  for (const field of TEXT_FIELDS) {
    const words = findHealthWords(content[field] ?? '');
    if (words.length > 0) warnings.push({ field, words });
  }
  (content.actions ?? []).forEach((a, i) => {
    const words = findHealthWords(`${a.what} ${a.owner ?? ''}`);
    if (words.length > 0) warnings.push({ field: `actions.${i}`, words });
  });
  return warnings;
}
