/**
 * HMS goals, the handlingsplan and the annual review (ledelsens gjennomgang) — the rules, pure.
 *
 * - IK-f § 5 second paragraph no. 4 and aml § 3-1 (2) a: the employer sets goals for HMS, in writing
 *   (IK-f § 5 last paragraph: points 4–8 are documented in writing).
 * - IK-f § 5 no. 6 and aml § 3-1 (2) c: plans and measures — the handlingsplan (a measure has an
 *   owner and a due date).
 * - IK-f § 5 no. 8 and aml § 3-1 (2) h: systematic monitoring and review of the internkontroll, in
 *   writing. The law gives no interval; the product reviews yearly (anbefalt), as one «Årlig
 *   gjennomgang» that also covers the goals (no. 4), the risk assessment (FOLM § 7-1), the BHT
 *   assessment (aml § 3-3 (1)) and the varsling routine (aml § 2 A-6).
 */
import type { IsoDate } from '../calendar/index.ts';
import { addDays } from '../calendar/index.ts';

export type Text = { nb: string; en: string };

/** A goal's state over its year. */
export const GOAL_STATUSES = ['planlagt', 'pagar', 'nadd', 'ikke-nadd'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const GOAL_STATUS_TEXT: Record<GoalStatus, Text> = {
  planlagt: { nb: 'Planlagt', en: 'Planned' },
  pagar: { nb: 'Pågår', en: 'In progress' },
  nadd: { nb: 'Nådd', en: 'Achieved' },
  'ikke-nadd': { nb: 'Ikke nådd', en: 'Not achieved' },
};

/** The roles a measure may be owned by when no single person owns it. */
export const MEASURE_OWNER_ROLES = ['hr', 'leder', 'verneombud', 'amu', 'bht', 'admin'] as const;
export type MeasureOwnerRole = (typeof MEASURE_OWNER_ROLES)[number];

/** Reminders and «Snart frist» start this many days before a measure's due date (anbefalt). */
export const MEASURE_REMINDER_DAYS = 14;

export const MEASURE_STATES = ['done', 'overdue', 'due-soon', 'open'] as const;
export type MeasureState = (typeof MEASURE_STATES)[number];

export function measureState(m: { due: IsoDate; done: boolean }, today: IsoDate): MeasureState {
  if (m.done) return 'done';
  if (m.due < today) return 'overdue';
  if (m.due <= addDays(today, MEASURE_REMINDER_DAYS)) return 'due-soon';
  return 'open';
}

/** The two reminders of an open measure: 14 days before and on the due date. */
export function measureReminderDates(due: IsoDate): IsoDate[] {
  return [addDays(due, -MEASURE_REMINDER_DAYS), due];
}

/** The BHT question of the yearly review (aml § 3-3 (1): the assessment is part of the HMS work). */
export const BHT_ANSWERS = ['ja', 'nei', 'usikker'] as const;
export type BhtAnswer = (typeof BHT_ANSWERS)[number];

export const BHT_ANSWER_TEXT: Record<BhtAnswer, Text> = {
  ja: {
    nb: 'Ja, risikoforholdene tilsier bedriftshelsetjeneste',
    en: 'Yes, the risks call for an occupational health service',
  },
  nei: { nb: 'Nei', en: 'No' },
  usikker: { nb: 'Usikker — må avklares', en: 'Uncertain — needs to be clarified' },
};

/** The texts of an annual review, one per section, in the order of the form and the PDF. */
export const REVIEW_SECTION_KEYS = [
  'goals',
  'routines',
  'avvik',
  'risk',
  'sickLeave',
  'training',
  'bht',
  'varsling',
  'conclusions',
  'priorities',
] as const;
export type ReviewSectionKey = (typeof REVIEW_SECTION_KEYS)[number];

export type ReviewSection = {
  key: ReviewSectionKey;
  title: Text;
  /** What to look at, for the form's help text. */
  help: Text;
  /** The paragraph the section answers to. */
  legalBasis: string;
};

export const REVIEW_SECTIONS: readonly ReviewSection[] = [
  {
    key: 'goals',
    title: { nb: 'Ble fjorårets HMS-mål nådd?', en: "Were last year's HSE goals met?" },
    help: {
      nb: 'Gå gjennom hvert mål og tiltakene i handlingsplanen: hva ble nådd, hva ikke, og hvorfor. Listen er fylt inn fra målene for året.',
      en: 'Go through each goal and the measures of the action plan: what was achieved, what was not, and why. The list is filled in from the goals of the year.',
    },
    legalBasis: 'IK-f § 5 nr. 4, aml § 3-1 (2) a',
  },
  {
    key: 'routines',
    title: { nb: 'Fungerer rutinene?', en: 'Do the routines work?' },
    help: {
      nb: 'Blir rutinene fulgt, og fanger de opp det de skal? Hvilke må endres?',
      en: 'Are the routines followed, and do they catch what they should? Which need changing?',
    },
    legalBasis: 'IK-f § 5 nr. 7 og 8, aml § 3-1 (2) e og h',
  },
  {
    key: 'avvik',
    title: { nb: 'Avvik og uønskede hendelser', en: 'Non-conformities and incidents' },
    help: {
      nb: 'Hvor mange avvik ble meldt, hva slags, og ser dere en utvikling? Ble de lukket?',
      en: 'How many non-conformities were reported, of what kind, and do you see a trend? Were they closed?',
    },
    legalBasis: 'IK-f § 5 nr. 7, aml § 3-1 (2) e',
  },
  {
    key: 'risk',
    title: { nb: 'Risikovurderingen', en: 'The risk assessment' },
    help: {
      nb: 'Er risikovurderingen gått gjennom og oppdatert etter endringer, nytt utstyr eller alvorlige avvik?',
      en: 'Has the risk assessment been reviewed and updated after changes, new equipment or serious non-conformities?',
    },
    legalBasis: 'IK-f § 5 nr. 6, aml § 3-1 (2) c, FOLM § 7-1',
  },
  {
    key: 'sickLeave',
    title: { nb: 'Sykefraværet', en: 'Sick leave' },
    help: {
      nb: 'Sykefraværsprosent og utvikling (samlet tall, ingen enkeltpersoner), og hvordan oppfølgingen har fungert.',
      en: 'Sick-leave rate and trend (totals, no individuals), and how the follow-up has worked.',
    },
    legalBasis: 'aml § 3-1 (2) f, aml § 5-1',
  },
  {
    key: 'training',
    title: { nb: 'Opplæring', en: 'Training' },
    help: {
      nb: 'Har øverste leder, ledere, verneombud og AMU fått den HMS-opplæringen de skal ha? Har nyansatte fått innføring?',
      en: 'Have the top leader, leaders, safety representatives and the committee had the HSE training they need? Have new employees been introduced?',
    },
    legalBasis: 'IK-f § 5 nr. 2, aml §§ 3-2 og 3-5, FOLM §§ 3-18 og 3-19',
  },
  {
    key: 'bht',
    title: {
      nb: 'Trenger virksomheten bedriftshelsetjeneste?',
      en: 'Does the organisation need an occupational health service?',
    },
    help: {
      nb: 'Den årlige vurderingen: tilsier risikoforholdene at dere må være tilknyttet en godkjent bedriftshelsetjeneste? Svar og begrunn.',
      en: 'The yearly assessment: do the risks call for an approved occupational health service? Answer and give the reason.',
    },
    legalBasis: 'aml § 3-3 (1), FOLM § 13-1',
  },
  {
    key: 'varsling',
    title: { nb: 'Rutinen for intern varsling', en: 'The internal whistleblowing routine' },
    help: {
      nb: 'Er varslingsrutinen gått gjennom? Er den kjent og lett tilgjengelig for alle ansatte?',
      en: 'Has the whistleblowing routine been reviewed? Is it known and easily accessible to all employees?',
    },
    legalBasis: 'aml § 2 A-6',
  },
  {
    key: 'conclusions',
    title: { nb: 'Konklusjoner', en: 'Conclusions' },
    help: {
      nb: 'Fungerer internkontrollen som den skal? Hva må endres?',
      en: 'Does the internal control work as intended? What must change?',
    },
    legalBasis: 'IK-f § 5 nr. 8, aml § 3-1 (2) h',
  },
  {
    key: 'priorities',
    title: { nb: 'Prioriteringer for neste år', en: "Next year's priorities" },
    help: {
      nb: 'Hva skal dere prioritere? Bruk dette når dere setter neste års HMS-mål og handlingsplan.',
      en: "What will you prioritise? Use this when you set next year's HSE goals and action plan.",
    },
    legalBasis: 'IK-f § 5 nr. 4 og 6',
  },
];

/** Every section text may be this long. */
export const REVIEW_SECTION_MAX = 4000;

export type ReviewDraft = {
  heldOn: IsoDate | null;
  participants: string;
  bhtNeeded: BhtAnswer | null;
  sections: Record<ReviewSectionKey, string>;
};

export type ReviewProblem = { path: string; message: Text };

/**
 * What a review needs before it can be completed (the written record of IK-f § 5 no. 8): the day it
 * was held (not in the future), who took part, the BHT answer, and a text in every section — «Ikke
 * aktuelt» with a reason is an answer too.
 */
export function reviewCompletionProblems(
  r: ReviewDraft,
  yearReviewed: number,
  today: IsoDate,
): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  if (r.heldOn === null) {
    problems.push({
      path: 'heldOn',
      message: { nb: 'Skriv når gjennomgangen ble holdt.', en: 'Enter when the review was held.' },
    });
  } else if (r.heldOn > today) {
    problems.push({
      path: 'heldOn',
      message: {
        nb: 'Gjennomgangen kan ikke fullføres før den er holdt.',
        en: 'The review cannot be completed before it is held.',
      },
    });
  } else if (Number(r.heldOn.slice(0, 4)) < yearReviewed) {
    problems.push({
      path: 'heldOn',
      message: {
        nb: `Gjennomgangen av ${yearReviewed} kan ikke være holdt før ${yearReviewed}.`,
        en: `The review of ${yearReviewed} cannot have been held before ${yearReviewed}.`,
      },
    });
  }
  if (!r.participants.trim()) {
    problems.push({
      path: 'participants',
      message: { nb: 'Skriv hvem som deltok.', en: 'Enter who took part.' },
    });
  }
  for (const section of REVIEW_SECTIONS) {
    if (section.key === 'bht' && r.bhtNeeded === null) {
      problems.push({
        path: 'bhtNeeded',
        message: {
          nb: 'Svar på om dere trenger bedriftshelsetjeneste.',
          en: 'Answer whether you need an occupational health service.',
        },
      });
    }
    if (!r.sections[section.key].trim()) {
      problems.push({
        path: `sections.${section.key}`,
        message: {
          nb: `Fyll ut «${section.title.nb}» (skriv «Ikke aktuelt» og hvorfor, om det ikke gjelder dere).`,
          en: `Fill in «${section.title.en}» (write «Not applicable» and why, if it does not apply).`,
        },
      });
    }
  }
  return problems;
}

/** The goal as the review's first section lists it. */
export type GoalForReview = {
  title: string;
  target: string;
  status: GoalStatus;
  measuresDone: number;
  measuresTotal: number;
};

/**
 * The first section of a new review, filled in from the goals of the year reviewed with their
 * statuses (in bokmål: the review and its PDF are the organisation's Norwegian record).
 */
export function goalsPrefill(year: number, goals: readonly GoalForReview[]): string {
  if (goals.length === 0) return `Ingen HMS-mål var registrert for ${year}.`;
  const lines = goals.map((g) => {
    const target = g.target.trim() ? ` (mål: ${g.target.trim()})` : '';
    const measures =
      g.measuresTotal > 0 ? ` — ${g.measuresDone} av ${g.measuresTotal} tiltak gjennomført` : '';
    return `– ${g.title}${target}: ${GOAL_STATUS_TEXT[g.status].nb.toLowerCase()}${measures}`;
  });
  return [`HMS-mål for ${year}:`, ...lines].join('\n').slice(0, REVIEW_SECTION_MAX);
}
