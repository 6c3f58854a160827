/**
 * The årshjul: the dated recurring HMS activities of one calendar year (rules §9, defaults §14.14).
 * Pure: the year and the election dates come in `ArshjulContext`; no clock.
 *
 * Which rows apply is `duties.arshjul` (derived by `derivePlikter`); this module dates them. Every row of
 * `ARSHJUL_KEYS` ends up exactly once: as one or more occurrences in `items`, or in `notApplicable`
 * ("Ikke aktuelt — fordi …", with the rule). A row that applies but is not due this year (a two-year
 * election, an agreement valid beyond the year) is in `notApplicable` with `nextDue` set.
 *
 * Default dates (all in `ctx.year`; every date is editable in the product):
 * - 21 Jan / 21 Apr / 21 Jul / 21 Oct — sick-leave statistics, 3 weeks after each quarter ends; the January
 *   one reviews Q4 of the previous year (occurrence `q4`).
 * - 31 Jan — the annual review package (items 1, 2, 3 and, when they apply, 14 and 19 of §9, for the
 *   previous year); the BHT assessment (14) and the varsling routine review (19) also stand as their own
 *   items on the same day, so they can be ticked off and reported by key. Also 31 Jan: check of the top
 *   leader's § 3-5 training (IK-f § 5 no. 2 is reviewed in the package) and the AMU chair election (before
 *   the first AMU meeting).
 * - 15 Feb / 15 May / 15 Aug / 15 Nov — AMU meetings (second month of each quarter; the 15th as a meeting
 *   date to move).
 * - Last day of Feb — BHT annual report for the previous year and plan for this year (before the AMU
 *   annual report, which covers BHT's work).
 * - 31 Mar — AMU annual report (§14.7); IA agenda h1. 30 Sep — IA agenda h2.
 * - Vernerunde: 30 Apr (yearly) or the last day of Feb, May, Aug, Nov (quarterly).
 * - 30 Apr — stoffkartotek review and exposure register check (with the spring vernerunde).
 * - 30 Jun — night-work health checks: offered every year to those whose last check is 2 years old or
 *   who started night work since (a yearly check item rather than every other calendar year, because
 *   the interval runs per person).
 * - 30 Sep — check that every VO and AMU member has the 40-hour training (about 6 months after a spring
 *   election, §9 row 11). Training is once per person, so it is a yearly check item.
 * - 31 Oct — employee survey; 30 Nov — medarbeidersamtaler.
 * - VO / AMU elections: the last election + 2 years (FOLM §§ 3-4, 3-15) when that falls in the year.
 *   No election recorded, or a term that ran out before the year: due 1 January — overdue from the
 *   start of the year. Later than the year: not this year (`nextDue`). Verneområder are reviewed a month
 *   before the VO election (never before 1 January), and follow it into a later year.
 * - Alternative VO agreement: renewed by its valid-until date when that is in the year; no date recorded
 *   or already expired: due 1 January.
 */
import {
  addMonthsToDayNumber,
  civilFromDays,
  type DayNumber,
  daysFromCivil,
  daysInMonth,
  formatEnglishLongDayNumber,
  formatNorwegianLongDayNumber,
  fromDayNumber,
  type IsoDate,
  toDayNumber,
} from '../calendar/index.ts';
import { enNumber, nbNumber, voMustBeElected } from './duties.ts';
import {
  ARSHJUL_KEYS,
  type ArshjulContext,
  type ArshjulKey,
  type ArshjulNotApplicable,
  type ArshjulOccurrence,
  type ArshjulOwnerRole,
  type ArshjulPlan,
  type CompanyProfile,
  type Duties,
} from './types.ts';

type Text = { nb: string; en: string };

type RowInfo = {
  title: Text;
  ownerRole: ArshjulOwnerRole;
  legalBasis: string;
  /** `lovkrav` when the activity itself is law (even where the law gives no interval); else `anbefalt`. */
  kind: 'lovkrav' | 'anbefalt';
  /** The §9 "applies when" column, as the end of "Gjelder når …". */
  appliesWhen: Text;
};

const FROM_ONE: Text = {
  nb: 'virksomheten har minst én arbeidstaker',
  en: 'the enterprise has at least one employee',
};
const AMU_REQUIRED: Text = {
  nb: 'virksomheten skal ha arbeidsmiljøutvalg (AMU)',
  en: 'the enterprise must have a working environment committee (AMU)',
};

/** The rows of §9, one per key. */
export const ARSHJUL_ROWS: Record<ArshjulKey, RowInfo> = {
  'arlig-gjennomgang': {
    title: { nb: 'Årlig gjennomgang av internkontrollen', en: 'Annual review of the internal control' },
    ownerRole: 'admin',
    legalBasis: 'IK-f § 5 nr. 8, aml § 3-1 (2) h',
    kind: 'lovkrav',
    appliesWhen: FROM_ONE,
  },
  'leder-hms-opplaering': {
    title: { nb: 'HMS-opplæring for øverste leder', en: 'HMS training of the top leader' },
    ownerRole: 'admin',
    legalBasis: 'aml § 3-5',
    kind: 'lovkrav',
    appliesWhen: FROM_ONE,
  },
  'sykefravaersstatistikk-kvartal': {
    title: { nb: 'Gjennomgang av sykefraværsstatistikken', en: 'Review of the sick-leave statistics' },
    ownerRole: 'hr',
    legalBasis: 'aml § 5-1 (4), aml § 3-1 (2) f',
    kind: 'anbefalt',
    appliesWhen: FROM_ONE,
  },
  medarbeidersamtaler: {
    title: { nb: 'Medarbeidersamtaler', en: 'Employee one-to-one conversations' },
    ownerRole: 'leder',
    legalBasis: 'ikke lovpålagt',
    kind: 'anbefalt',
    appliesWhen: FROM_ONE,
  },
  medarbeiderundersokelse: {
    title: {
      nb: 'Medarbeiderundersøkelse (psykososialt arbeidsmiljø)',
      en: 'Employee survey (psychosocial working environment)',
    },
    ownerRole: 'hr',
    legalBasis: 'støtter FOLM § 7-1',
    kind: 'anbefalt',
    appliesWhen: {
      nb: 'virksomheten har minst 10 arbeidstakere',
      en: 'the enterprise has at least 10 employees',
    },
  },
  'bht-vurdering': {
    title: {
      nb: 'Vurdering av behovet for bedriftshelsetjeneste',
      en: 'Assessment of the need for an occupational health service',
    },
    ownerRole: 'hr',
    legalBasis: 'aml § 3-3 (1)',
    kind: 'lovkrav',
    appliesWhen: {
      nb: 'BHT-plikten ikke allerede følger av næringskoden eller et pålegg fra Arbeidstilsynet',
      en: 'the BHT duty does not already follow from the industry code or an order',
    },
  },
  'bht-plan-arsrapport': {
    title: { nb: 'BHT-plan og BHT-årsrapport', en: 'BHT plan and BHT annual report' },
    ownerRole: 'bht',
    legalBasis: 'FOLM § 13-3 a',
    kind: 'lovkrav',
    appliesWhen: {
      nb: 'virksomheten skal ha bedriftshelsetjeneste (etter næringskode, pålegg eller risikovurdering)',
      en: 'the enterprise must have an occupational health service (by industry code, order or risk assessment)',
    },
  },
  'varslingsrutine-gjennomgang': {
    title: { nb: 'Gjennomgang av varslingsrutinen', en: 'Review of the whistleblowing routine' },
    ownerRole: 'hr',
    legalBasis: 'aml § 2 A-6',
    kind: 'lovkrav',
    appliesWhen: {
      nb: 'virksomheten har minst fem arbeidstakere',
      en: 'the enterprise has at least five employees',
    },
  },
  'vernerunde-kvartalsvis': {
    title: { nb: 'Vernerunde (hvert kvartal)', en: 'Safety inspection round (quarterly)' },
    ownerRole: 'verneombud',
    legalBasis: 'støtter IK-f § 5 nr. 6–7',
    kind: 'anbefalt',
    appliesWhen: {
      nb: 'virksomheten har verneombud eller en annen ordning, og næringskoden står på BHT-listen eller det brukes farlige kjemikalier',
      en: 'the enterprise has a safety representative or another arrangement, and its industry code is on the BHT list or hazardous chemicals are used',
    },
  },
  'vernerunde-arlig': {
    title: { nb: 'Vernerunde (årlig)', en: 'Safety inspection round (yearly)' },
    ownerRole: 'verneombud',
    legalBasis: 'støtter IK-f § 5 nr. 6–7',
    kind: 'anbefalt',
    appliesWhen: {
      nb: 'virksomheten har verneombud eller en annen ordning, næringskoden ikke står på BHT-listen og det ikke brukes farlige kjemikalier',
      en: 'the enterprise has a safety representative or another arrangement, its industry code is not on the BHT list and no hazardous chemicals are used',
    },
  },
  'vo-valg': {
    title: { nb: 'Valg av verneombud', en: 'Election of safety representatives' },
    ownerRole: 'hr',
    legalBasis: 'aml § 6-1, FOLM § 3-4',
    kind: 'lovkrav',
    appliesWhen: {
      nb: 'virksomheten skal ha verneombud (også 1–4 arbeidstakere uten avtale om annen ordning); valg hvert annet år',
      en: 'the enterprise must have a safety representative (also 1–4 employees without an agreement on another arrangement); elections every two years',
    },
  },
  'vo-alternativ-fornyelse': {
    title: {
      nb: 'Fornyelse av avtale om annen ordning enn verneombud',
      en: 'Renewal of the agreement on an alternative to a safety representative',
    },
    ownerRole: 'admin',
    legalBasis: 'aml § 6-1',
    kind: 'lovkrav',
    appliesWhen: {
      nb: 'virksomheten har 1–4 arbeidstakere og en avtale om annen ordning (gjelder i høyst to år)',
      en: 'the enterprise has 1–4 employees and an agreement on another arrangement (valid at most two years)',
    },
  },
  'vo-amu-opplaering': {
    title: {
      nb: 'Opplæring av verneombud og AMU-medlemmer (minst 40 timer)',
      en: 'Training of safety representatives and AMU members (at least 40 hours)',
    },
    ownerRole: 'hr',
    legalBasis: 'FOLM §§ 3-18, 3-19',
    kind: 'lovkrav',
    appliesWhen: {
      nb: 'virksomheten skal ha verneombud eller AMU',
      en: 'the enterprise must have a safety representative or an AMU',
    },
  },
  'amu-moter': {
    title: { nb: 'AMU-møte', en: 'AMU meeting' },
    ownerRole: 'amu',
    legalBasis: 'FOLM § 3-16',
    kind: 'lovkrav',
    appliesWhen: AMU_REQUIRED,
  },
  'amu-arsrapport': {
    title: { nb: 'AMU-årsrapport', en: 'AMU annual report' },
    ownerRole: 'amu',
    legalBasis: 'aml § 7-2 (6)',
    kind: 'lovkrav',
    appliesWhen: AMU_REQUIRED,
  },
  'amu-ledervalg': {
    title: {
      nb: 'Valg av AMU-leder (vekselvis fra arbeidsgiver- og arbeidstakersiden)',
      en: 'Election of the AMU chair (alternately from the employer and the employee side)',
    },
    ownerRole: 'amu',
    legalBasis: 'aml § 7-1 (4), FOLM § 3-12',
    kind: 'lovkrav',
    appliesWhen: AMU_REQUIRED,
  },
  'amu-valg': {
    title: { nb: 'Valg av AMU-medlemmer', en: 'Election of AMU members' },
    ownerRole: 'hr',
    legalBasis: 'FOLM § 3-15',
    kind: 'lovkrav',
    appliesWhen: {
      nb: 'virksomheten skal ha arbeidsmiljøutvalg (AMU); valg hvert annet år',
      en: 'the enterprise must have a working environment committee (AMU); elections every two years',
    },
  },
  'ia-agenda-halvar': {
    title: {
      nb: 'Sykefravær og arbeidsmiljø (IA) på agendaen med ledelse, tillitsvalgte og verneombud',
      en: 'Sick leave and working environment (IA) on the agenda with management, union and safety representatives',
    },
    ownerRole: 'hr',
    legalBasis: 'IA-avtalen 2025–2028 (ikke lov)',
    kind: 'anbefalt',
    appliesWhen: {
      nb: 'virksomheten har minst fem arbeidstakere',
      en: 'the enterprise has at least five employees',
    },
  },
  'stoffkartotek-gjennomgang': {
    title: { nb: 'Gjennomgang av stoffkartoteket', en: 'Review of the chemical register' },
    ownerRole: 'hr',
    legalBasis: 'FUA § 2-2',
    kind: 'lovkrav',
    appliesWhen: {
      nb: 'virksomheten skal ha stoffkartotek (farlige kjemikalier eller skadelig biologisk materiale)',
      en: 'the enterprise must have a chemical register (hazardous chemicals or harmful biological material)',
    },
  },
  'eksponeringsregister-kontroll': {
    title: { nb: 'Kontroll av eksponeringsregisteret', en: 'Check of the exposure register' },
    ownerRole: 'hr',
    legalBasis: 'FUA kap. 31',
    kind: 'lovkrav',
    appliesWhen: {
      nb: 'ansatte kan bli eksponert for kreftfremkallende, arvestoffskadelige eller reproduksjonstoksiske stoffer, asbest eller biologiske faktorer',
      en: 'employees may be exposed to carcinogenic, mutagenic or reprotoxic substances, asbestos or biological agents',
    },
  },
  'natt-helsekontroll': {
    title: { nb: 'Tilbud om helsekontroll for nattarbeidere', en: 'Health check offer for night workers' },
    ownerRole: 'hr',
    legalBasis: 'aml § 10-11 (8)',
    kind: 'lovkrav',
    appliesWhen: {
      nb: 'noen arbeider hovedsakelig om natten',
      en: 'someone mainly works at night',
    },
  },
  'verneomrader-gjennomgang': {
    title: { nb: 'Gjennomgang av verneområdene', en: 'Review of the safety areas' },
    ownerRole: 'hr',
    legalBasis: 'aml § 6-1',
    kind: 'lovkrav',
    appliesWhen: {
      nb: 'virksomheten skal ha verneombud og har mer enn ett verneområde; før hvert verneombudsvalg',
      en: 'the enterprise must have safety representatives and has more than one safety area; before each election',
    },
  },
};

// ---------------------------------------------------------------------------------------------------
// Dates.

function lastDayOfMonth(year: number, month: number): DayNumber {
  return daysFromCivil(year, month, daysInMonth(year, month));
}

function nbDate(day: DayNumber): string {
  return formatNorwegianLongDayNumber(day);
}

function enDate(day: DayNumber): string {
  return formatEnglishLongDayNumber(day);
}

/** When a two-yearly event falls relative to the year. */
type Timing =
  | { kind: 'due'; due: DayNumber; why: 'scheduled' | 'missing' | 'overdue'; since: DayNumber | null }
  | { kind: 'later'; next: DayNumber };

/** FOLM §§ 3-4, 3-15: two-year terms; the next election is the last one + 24 months. */
function electionTiming(last: IsoDate | null, year: number): Timing {
  const first = daysFromCivil(year, 1, 1);
  if (last === null) return { kind: 'due', due: first, why: 'missing', since: null };
  const next = addMonthsToDayNumber(toDayNumber(last), 24);
  if (next < first) return { kind: 'due', due: first, why: 'overdue', since: next };
  if (civilFromDays(next).year > year) return { kind: 'later', next };
  return { kind: 'due', due: next, why: 'scheduled', since: null };
}

/** aml § 6-1: the alternative agreement lasts at most two years; renew it by its valid-until date. */
function agreementTiming(until: IsoDate | null, year: number): Timing {
  const first = daysFromCivil(year, 1, 1);
  if (until === null) return { kind: 'due', due: first, why: 'missing', since: null };
  const end = toDayNumber(until);
  if (end < first) return { kind: 'due', due: first, why: 'overdue', since: end };
  if (civilFromDays(end).year > year) return { kind: 'later', next: end };
  return { kind: 'due', due: end, why: 'scheduled', since: null };
}

// ---------------------------------------------------------------------------------------------------
// Building items.

function occurrence(
  key: ArshjulKey,
  occ: string,
  due: DayNumber,
  title: Text,
  subtasks: Text[] = [],
): ArshjulOccurrence {
  const row = ARSHJUL_ROWS[key];
  return {
    key,
    occurrence: occ,
    due: fromDayNumber(due),
    ownerRole: row.ownerRole,
    title,
    subtasks,
    legalBasis: row.legalBasis,
    kind: row.kind,
  };
}

function notApplicableRow(key: ArshjulKey, because: Text, nextDue?: DayNumber): ArshjulNotApplicable {
  const row = ARSHJUL_ROWS[key];
  const reason: Text =
    nextDue === undefined
      ? {
          nb: `Ikke aktuelt — fordi ${because.nb}. Gjelder når ${row.appliesWhen.nb}.`,
          en: `Not applicable — because ${because.en}. Applies when ${row.appliesWhen.en}.`,
        }
      : {
          nb: `Ikke aktuelt i år — fordi ${because.nb}.`,
          en: `Not due this year — because ${because.en}.`,
        };
  const out: ArshjulNotApplicable = { key, title: row.title, reason, legalBasis: row.legalBasis };
  if (nextDue !== undefined) out.nextDue = fromDayNumber(nextDue);
  return out;
}

/** " — ingen valg er registrert" / " — valgperioden gikk ut …" / " (valgperioden går ut …)". */
function timingSuffix(t: Extract<Timing, { kind: 'due' }>, what: 'election' | 'agreement'): Text {
  if (t.why === 'missing') {
    return what === 'election'
      ? {
          nb: ' — ingen valg er registrert, så valget haster',
          en: ' — no election is recorded, so it is overdue',
        }
      : {
          nb: ' — avtalens gyldighetsdato er ikke registrert; sjekk og forny avtalen',
          en: ' — the agreement’s valid-until date is not recorded; check and renew it',
        };
  }
  if (t.why === 'overdue' && t.since !== null) {
    return what === 'election'
      ? {
          nb: ` — valgperioden gikk ut ${nbDate(t.since)}, så valget haster`,
          en: ` — the term ran out on ${enDate(t.since)}, so it is overdue`,
        }
      : {
          nb: ` — avtalen gikk ut ${nbDate(t.since)}`,
          en: ` — the agreement ran out on ${enDate(t.since)}`,
        };
  }
  return what === 'election'
    ? { nb: ' (valgperioden på to år går ut)', en: ' (the two-year term ends)' }
    : { nb: ' (avtalen går ut)', en: ' (the agreement ends)' };
}

function withSuffix(title: Text, suffix: Text): Text {
  return { nb: `${title.nb}${suffix.nb}`, en: `${title.en}${suffix.en}` };
}

const QUARTER_NB = ['1. kvartal', '2. kvartal', '3. kvartal', '4. kvartal'] as const;

/** The annual review package (§9 items 1, 2, 3, and 14 and 19 when they apply). */
function reviewSubtasks(duties: Duties, previousYear: number): Text[] {
  const applies = new Set(duties.arshjul);
  const subtasks: Text[] = [
    {
      nb: `Gjennomgå internkontrollen for ${previousYear}: er HMS-målene nådd, virker rutinene, hva viser avvik, risiko, sykefravær, opplæring og bedriftshelsetjenesten? (IK-f § 5 nr. 8, aml § 3-1 (2) h)`,
      en: `Review the internal control for ${previousYear}: were the HMS goals met, do the routines work, what do non-conformities, risks, sick leave, training and the occupational health service show? (IK-f § 5 no. 8, aml § 3-1 (2) h)`,
    },
    {
      nb: 'Sett eller revider HMS-mål og handlingsplan for året (IK-f § 5 nr. 4 og 6)',
      en: 'Set or revise the HMS goals and the action plan for the year (IK-f § 5 no. 4 and 6)',
    },
    {
      nb: 'Gå gjennom risikovurderingene, samlet og per område (FOLM § 7-1)',
      en: 'Review the risk assessments, overall and per area (FOLM § 7-1)',
    },
  ];
  if (applies.has('bht-vurdering')) {
    subtasks.push({
      nb: 'Vurder om risikoforholdene krever bedriftshelsetjeneste, og skriv ned svaret med begrunnelse (aml § 3-3 (1))',
      en: 'Assess whether the risks require an occupational health service, and record the answer with the reasons (aml § 3-3 (1))',
    });
  }
  if (applies.has('varslingsrutine-gjennomgang')) {
    subtasks.push({
      nb: 'Gå gjennom varslingsrutinen sammen med de ansatte og tillitsvalgte (aml § 2 A-6)',
      en: 'Review the whistleblowing routine together with the employees and their representatives (aml § 2 A-6)',
    });
  }
  return subtasks;
}

type Generated = ArshjulOccurrence[] | { later: DayNumber; because: Text };

/** The occurrences of one applicable row in `year`. */
function occurrencesOf(
  key: ArshjulKey,
  profile: CompanyProfile,
  duties: Duties,
  ctx: ArshjulContext,
): Generated {
  const y = ctx.year;
  const row = ARSHJUL_ROWS[key];
  const title = row.title;
  switch (key) {
    case 'arlig-gjennomgang':
      return [
        occurrence(
          key,
          '',
          daysFromCivil(y, 1, 31),
          { nb: `${title.nb} for ${y - 1}`, en: `${title.en} for ${y - 1}` },
          reviewSubtasks(duties, y - 1),
        ),
      ];
    case 'bht-vurdering':
    case 'varslingsrutine-gjennomgang':
      // Also a sub-task of the annual review package, due the same day.
      return [occurrence(key, '', daysFromCivil(y, 1, 31), title)];
    case 'leder-hms-opplaering':
      return [
        occurrence(key, '', daysFromCivil(y, 1, 31), {
          nb: 'Kontroller at øverste leder har gjennomført HMS-opplæring (ny leder: gjennomfør den)',
          en: 'Check that the top leader has completed HMS training (a new leader: complete it)',
        }),
      ];
    case 'amu-ledervalg':
      return [occurrence(key, '', daysFromCivil(y, 1, 31), title)];
    case 'sykefravaersstatistikk-kvartal': {
      // 3 weeks (21 days) after each quarter's last day; Q4 of the previous year first.
      const quarters: [string, number, DayNumber][] = [
        ['q4', y - 1, daysFromCivil(y - 1, 12, 31)],
        ['q1', y, daysFromCivil(y, 3, 31)],
        ['q2', y, daysFromCivil(y, 6, 30)],
        ['q3', y, daysFromCivil(y, 9, 30)],
      ];
      return quarters.map(([occ, qYear, end]) => {
        const q = Number(occ.slice(1));
        return occurrence(key, occ, end + 21, {
          nb: `${title.nb} for ${QUARTER_NB[q - 1]} ${qYear}`,
          en: `${title.en} for Q${q} ${qYear}`,
        });
      });
    }
    case 'amu-moter':
      return [2, 5, 8, 11].map((month, i) =>
        occurrence(key, `q${i + 1}`, daysFromCivil(y, month, 15), {
          nb: `${title.nb} ${QUARTER_NB[i]}`,
          en: `${title.en}, Q${i + 1}`,
        }),
      );
    case 'vernerunde-kvartalsvis':
      return [2, 5, 8, 11].map((month, i) =>
        occurrence(key, `q${i + 1}`, lastDayOfMonth(y, month), {
          nb: `Vernerunde ${QUARTER_NB[i]}`,
          en: `Safety inspection round, Q${i + 1}`,
        }),
      );
    case 'vernerunde-arlig':
      return [
        occurrence(key, '', daysFromCivil(y, 4, 30), { nb: 'Vernerunde', en: 'Safety inspection round' }),
      ];
    case 'bht-plan-arsrapport':
      return [
        occurrence(key, '', lastDayOfMonth(y, 2), title, [
          {
            nb: `BHT-årsrapport for ${y - 1}: hva ble gjort og ikke gjort, og hva anbefaler BHT`,
            en: `BHT annual report for ${y - 1}: what was and was not done, and what the BHT recommends`,
          },
          { nb: `BHT-plan for ${y}`, en: `BHT plan for ${y}` },
        ]),
      ];
    case 'amu-arsrapport':
      return [
        occurrence(key, '', daysFromCivil(y, 3, 31), {
          nb: `${title.nb} for ${y - 1} til styret/ledelsen og arbeidstakernes organisasjoner`,
          en: `${title.en} for ${y - 1} to the board/management and the employees’ organisations`,
        }),
      ];
    case 'ia-agenda-halvar':
      return [
        occurrence(key, 'h1', daysFromCivil(y, 3, 31), withSuffix(title, { nb: ' (vår)', en: ' (spring)' })),
        occurrence(key, 'h2', daysFromCivil(y, 9, 30), withSuffix(title, { nb: ' (høst)', en: ' (autumn)' })),
      ];
    case 'stoffkartotek-gjennomgang':
      return [
        occurrence(key, '', daysFromCivil(y, 4, 30), title, [
          {
            nb: 'Er sikkerhetsdatabladene oppdatert, og er alle produktene fortsatt i bruk? (FUA § 2-2)',
            en: 'Are the safety data sheets up to date, and are all products still in use? (FUA § 2-2)',
          },
        ]),
      ];
    case 'eksponeringsregister-kontroll':
      return [occurrence(key, '', daysFromCivil(y, 4, 30), title)];
    case 'natt-helsekontroll':
      return [
        occurrence(key, '', daysFromCivil(y, 6, 30), {
          nb: `${title.nb}: alle som har begynt med nattarbeid, og alle med to år siden forrige kontroll`,
          en: `${title.en}: everyone who has started night work, and everyone whose last check is two years old`,
        }),
      ];
    case 'vo-amu-opplaering':
      return [
        occurrence(key, '', daysFromCivil(y, 9, 30), {
          nb: 'Kontroller at alle verneombud og AMU-medlemmer har fått minst 40 timers opplæring',
          en: 'Check that every safety representative and AMU member has had at least 40 hours of training',
        }),
      ];
    case 'medarbeiderundersokelse':
      return [occurrence(key, '', daysFromCivil(y, 10, 31), title)];
    case 'medarbeidersamtaler':
      return [occurrence(key, '', daysFromCivil(y, 11, 30), title)];
    case 'vo-valg': {
      const t = electionTiming(ctx.lastVoElection, y);
      if (t.kind === 'later') return laterElection(t.next, 'vo');
      return [
        occurrence(key, '', t.due, withSuffix(title, timingSuffix(t, 'election')), [
          {
            nb: `Velg verneombud i hvert verneområde (${areasCount(profile.verneomraader)})${profile.verneomraader > 1 ? ' og hovedverneombud' : ''} (FOLM § 3-2)`,
            en: `Elect a safety representative in each safety area (${areasCountEn(profile.verneomraader)})${profile.verneomraader > 1 ? ' and a chief safety representative' : ''} (FOLM § 3-2)`,
          },
          {
            nb: 'Gi ledelsen skriftlig melding om hvem som er valgt (FOLM § 3-4)',
            en: 'Tell management in writing who was elected (FOLM § 3-4)',
          },
        ]),
      ];
    }
    case 'verneomrader-gjennomgang': {
      const t = electionTiming(ctx.lastVoElection, y);
      if (t.kind === 'later') return laterElection(t.next, 'areas');
      const monthBefore = addMonthsToDayNumber(t.due, -1);
      return [
        occurrence(
          key,
          '',
          Math.max(daysFromCivil(y, 1, 1), monthBefore),
          withSuffix(title, { nb: ' før verneombudsvalget', en: ' before the election' }),
        ),
      ];
    }
    case 'amu-valg': {
      const t = electionTiming(ctx.lastAmuElection, y);
      if (t.kind === 'later') return laterElection(t.next, 'amu');
      return [occurrence(key, '', t.due, withSuffix(title, timingSuffix(t, 'election')))];
    }
    case 'vo-alternativ-fornyelse': {
      const t = agreementTiming(ctx.alternativeVoAgreementUntil, y);
      if (t.kind === 'later') {
        return {
          later: t.next,
          because: {
            nb: `avtalen om annen ordning gjelder til ${nbDate(t.next)} (aml § 6-1: høyst to år, og den faller bort hvis dere blir fem)`,
            en: `the agreement on another arrangement is valid until ${enDate(t.next)} (aml § 6-1: at most two years, and it lapses if you reach five)`,
          },
        };
      }
      return [occurrence(key, '', t.due, withSuffix(title, timingSuffix(t, 'agreement')))];
    }
  }
}

function areasCount(v: number): string {
  return v === 1 ? '1 verneområde' : `${nbNumber(v)} verneområder`;
}

function areasCountEn(v: number): string {
  return v === 1 ? '1 safety area' : `${enNumber(v)} safety areas`;
}

function laterElection(next: DayNumber, what: 'vo' | 'amu' | 'areas'): Generated {
  const nb = nbDate(next);
  const en = enDate(next);
  if (what === 'amu') {
    return {
      later: next,
      because: {
        nb: `AMU-medlemmene er valgt for to år, og neste valg er ${nb} (FOLM § 3-15)`,
        en: `the AMU members are elected for two years, and the next election is on ${en} (FOLM § 3-15)`,
      },
    };
  }
  if (what === 'areas') {
    return {
      later: next,
      because: {
        nb: `verneområdene gjennomgås før neste verneombudsvalg, ${nb}`,
        en: `the safety areas are reviewed before the next election of safety representatives, on ${en}`,
      },
    };
  }
  return {
    later: next,
    because: {
      nb: `verneombudene er valgt for to år, og neste valg er ${nb} (FOLM § 3-4)`,
      en: `the safety representatives are elected for two years, and the next election is on ${en} (FOLM § 3-4)`,
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Why a row does not apply ("Ikke aktuelt — fordi …").

const NO_EMPLOYEES: Text = { nb: 'dere har ingen arbeidstakere', en: 'you have no employees' };

function employeesText(n: number): Text {
  return {
    nb: n === 1 ? '1 arbeidstaker' : `${nbNumber(n)} arbeidstakere`,
    en: n === 1 ? '1 employee' : `${enNumber(n)} employees`,
  };
}

function noAmu(d: Duties): Text {
  const basis = { nb: `i snitt ${nbNumber(d.amuBasis)}`, en: `an average of ${enNumber(d.amuBasis)}` };
  switch (d.amu) {
    case 'on-demand':
      return {
        nb: `dere ikke har plikt til AMU: ${basis.nb} arbeidstakere med minst 20 timer i uka i fjor (10–29), og ingen har krevd AMU`,
        en: `you do not have to have an AMU: ${basis.en} employees working at least 20 hours a week last year (10–29), and nobody has demanded one`,
      };
    case 'not-required':
      return {
        nb: `dere ikke har plikt til AMU: ${basis.nb} arbeidstakere med minst 20 timer i uka i fjor (under 10)`,
        en: `you do not have to have an AMU: ${basis.en} employees working at least 20 hours a week last year (below 10)`,
      };
    default:
      return NO_EMPLOYEES;
  }
}

function whyNot(key: ArshjulKey, p: CompanyProfile, d: Duties): Text {
  const n = p.employeesTotal;
  if (n === 0) return NO_EMPLOYEES;
  const you = employeesText(n);
  switch (key) {
    case 'arlig-gjennomgang':
    case 'leder-hms-opplaering':
    case 'sykefravaersstatistikk-kvartal':
    case 'medarbeidersamtaler':
      return NO_EMPLOYEES;
    case 'medarbeiderundersokelse':
      return { nb: `dere har ${you.nb}, færre enn 10`, en: `you have ${you.en}, fewer than 10` };
    case 'bht-vurdering':
      return d.bht === 'required-by-nace'
        ? {
            nb: `BHT-plikten allerede følger av næringskoden (listen i FOLM § 13-1, oppføring «${d.bhtMatchedListEntry ?? ''}»)`,
            en: `the BHT duty already follows from the industry code (the list in FOLM § 13-1, entry "${d.bhtMatchedListEntry ?? ''}")`,
          }
        : {
            nb: 'Arbeidstilsynet allerede har pålagt dere bedriftshelsetjeneste',
            en: 'the Labour Inspection Authority has already ordered an occupational health service',
          };
    case 'bht-plan-arsrapport':
      return {
        nb: `dere ikke (ennå) har plikt til bedriftshelsetjeneste (status: ${d.bht === 'assess-risk' ? 'må vurderes' : 'må avklares'})`,
        en: `you do not (yet) have to have an occupational health service (status: ${d.bht === 'assess-risk' ? 'to be assessed' : 'to be verified'})`,
      };
    case 'varslingsrutine-gjennomgang':
    case 'ia-agenda-halvar':
      return {
        nb: `dere har ${you.nb}, færre enn fem (kan legges inn frivillig)`,
        en: `you have ${you.en}, fewer than five (may be added voluntarily)`,
      };
    case 'vernerunde-kvartalsvis':
      return {
        nb: 'næringskoden ikke står på BHT-listen i FOLM § 13-1 og det ikke brukes farlige kjemikalier — én vernerunde i året er nok',
        en: 'the industry code is not on the BHT list in FOLM § 13-1 and no hazardous chemicals are used — one round a year is enough',
      };
    case 'vernerunde-arlig':
      return d.bht === 'required-by-nace'
        ? {
            nb: 'dere i stedet har vernerunde hvert kvartal (næringskoden står på BHT-listen i FOLM § 13-1)',
            en: 'you have a round every quarter instead (the industry code is on the BHT list in FOLM § 13-1)',
          }
        : {
            nb: 'dere i stedet har vernerunde hvert kvartal (det brukes farlige kjemikalier)',
            en: 'you have a round every quarter instead (hazardous chemicals are used)',
          };
    case 'vo-valg':
    case 'vo-amu-opplaering':
      return d.verneombud === 'alternative-agreement'
        ? {
            nb: `dere har ${you.nb} og en gyldig avtale om annen ordning enn verneombud${key === 'vo-amu-opplaering' ? ', og skal ikke ha AMU' : ''}`,
            en: `you have ${you.en} and a valid agreement on an arrangement other than a safety representative${key === 'vo-amu-opplaering' ? ', and need no AMU' : ''}`,
          }
        : NO_EMPLOYEES;
    case 'vo-alternativ-fornyelse':
      return n >= 5
        ? {
            nb: `dere har ${you.nb}; en avtale om annen ordning enn verneombud er bare mulig under fem`,
            en: `you have ${you.en}; an agreement on an alternative to a safety representative is only possible below five`,
          }
        : {
            nb: `dere har ingen gyldig avtale om annen ordning, og skal ha verneombud`,
            en: 'you have no valid agreement on another arrangement, and must have a safety representative',
          };
    case 'amu-moter':
    case 'amu-arsrapport':
    case 'amu-ledervalg':
    case 'amu-valg':
      return noAmu(d);
    case 'stoffkartotek-gjennomgang':
      return {
        nb: 'dere har oppgitt at dere ikke bruker, lagrer eller danner farlige kjemikalier eller skadelig biologisk materiale',
        en: 'you have reported that you do not use, store or produce hazardous chemicals or harmful biological material',
      };
    case 'eksponeringsregister-kontroll':
      return {
        nb: 'dere ikke har oppgitt eksponering for CMR-stoffer, asbest eller biologiske faktorer',
        en: 'you have not reported exposure to CMR substances, asbestos or biological agents',
      };
    case 'natt-helsekontroll':
      return {
        nb: 'dere har oppgitt at ingen arbeider hovedsakelig om natten',
        en: 'you have reported that nobody mainly works at night',
      };
    case 'verneomrader-gjennomgang':
      if (!voMustBeElected(d.verneombud)) {
        return {
          nb: 'dere har avtalt en annen ordning enn verneombud',
          en: 'you have agreed on an arrangement other than a safety representative',
        };
      }
      return {
        nb: `dere har ${p.verneomraader === 0 ? 'ingen registrerte verneområder' : areasCount(p.verneomraader)}`,
        en: `you have ${p.verneomraader === 0 ? 'no registered safety areas' : areasCountEn(p.verneomraader)}`,
      };
  }
}

function compareOccurrences(a: ArshjulOccurrence, b: ArshjulOccurrence): number {
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.occurrence < b.occurrence ? -1 : a.occurrence > b.occurrence ? 1 : 0;
}

/**
 * The årshjul of `ctx.year` for a profile and its duties (`derivePlikter(profile)`). Items are sorted
 * by due date, then key, then occurrence; `notApplicable` follows the order of `ARSHJUL_KEYS`.
 * Throws `RangeError` for a year outside 2–9999 or an invalid date in `ctx`.
 */
export function generateArshjul(profile: CompanyProfile, duties: Duties, ctx: ArshjulContext): ArshjulPlan {
  if (!Number.isInteger(ctx.year) || ctx.year < 2 || ctx.year > 9999) {
    throw new RangeError(`Ugyldig år / invalid year: ${ctx.year}`);
  }
  const applies = new Set(duties.arshjul);
  const items: ArshjulOccurrence[] = [];
  const notApplicable: ArshjulNotApplicable[] = [];
  for (const key of ARSHJUL_KEYS) {
    if (!applies.has(key)) {
      notApplicable.push(notApplicableRow(key, whyNot(key, profile, duties)));
      continue;
    }
    const generated = occurrencesOf(key, profile, duties, ctx);
    if (Array.isArray(generated)) items.push(...generated);
    else notApplicable.push(notApplicableRow(key, generated.because, generated.later));
  }
  items.sort(compareOccurrences);
  return { items, notApplicable };
}
