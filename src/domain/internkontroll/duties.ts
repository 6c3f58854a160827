/**
 * The HMS duties engine: which duties follow from the company profile (IK-f §§ 4–5, aml kap. 2 A, 3,
 * 5, 6, 7 and 10, FOLM kap. 3 and 13, FUA kap. 2 and 31). One small function per rule, the paragraph
 * in its comment. Pure: no I/O, no clock — the same profile always gives the same duties.
 *
 * Every duty carries a reason in bokmål and English that names the numbers it was decided on, the
 * legal basis, and whether it is law (`lovkrav`) or a recommendation (`anbefalt`). `kind` describes the
 * rule that decided the status: a status that follows from a legal threshold is `lovkrav` also when it
 * is "not applicable"; only advice beyond the law (the varsling routine for 1–4 employees) is `anbefalt`.
 *
 * Edges decided here (and tested):
 * - 0 employees: the Working Environment Act (aml § 1-2) and the regulations under it bind an
 *   *employer*; with no arbeidstaker every duty is `not-applicable` — also the stoffkartotek (FUA § 2-1)
 *   and the exposure register (FUA kap. 31), which have no size threshold *above* one employee. The BHT
 *   list match is still reported (`bhtMatchedListEntry`) so the user sees that the duty starts with the
 *   first hire.
 * - The VO alternative agreement counts only for 1–4 employees: at 5 or more it has lapsed (§ 6-1).
 * - AMU uses the previous year's average of persons working ≥ 20 h/week (FOLM § 3-7); a demand below 10
 *   has no legal effect. "AMU exists" in the årshjul rows means AMU `required` (the profile has no field
 *   for an AMU set up voluntarily).
 * - The stoffkartotek is also triggered by CMR exposure and biological agents (FUA § 2-1 covers chemicals
 *   formed in processes and harmful biological material), not only by `hazardousChemicals`.
 * - Exposure register retention: 60 years (carcinogenic, mutagenic, asbestos), else 5 (reprotoxic); with
 *   biological agents only it is null — their period in FUA kap. 31 is not computed here.
 * - HVO: required with > 1 verneområde whenever a VO must be elected, also 1–4 employees without agreement.
 */
import { type BhtListLookup, lookupBhtList } from './nace.ts';
import {
  type AmuStatus,
  ARSHJUL_KEYS,
  type ArshjulKey,
  type BhtStatus,
  type CompanyProfile,
  type Duties,
  type DutyReason,
  type NaceCode,
  type RequiredOrNot,
  type VarslingStatus,
  type VerneombudStatus,
} from './types.ts';

/** aml § 6-1: verneombud required from this many arbeidstakere (10 before 1 January 2024). */
export const VO_REQUIRED_FROM = 5;
/** aml § 7-1 (1): AMU required from this average (50 before 2024). */
export const AMU_REQUIRED_FROM = 30;
/** aml § 7-1 (1): AMU required on a party's demand from this average (20 before 2024). */
export const AMU_ON_DEMAND_FROM = 10;
/** aml § 2 A-6 (1): written varsling routines from this many regularly employed. */
export const VARSLING_REQUIRED_FROM = 5;
/** Product default (rules §9 row 22): the employee survey from this many employees. */
export const SURVEY_FROM = 10;
/** Product default (rules §9 row 16): IA/sick leave on the agenda twice a year from this many employees. */
export const IA_AGENDA_FROM = 5;
/** IK-f § 5 last paragraph: the points that must be documented in writing. */
export const IK_WRITTEN_POINTS: readonly number[] = [4, 5, 6, 7, 8];
/** FUA § 31-1: carcinogenic and mutagenic agents; FUA § 31-2: asbestos. */
export const RETENTION_LONG_YEARS = 60;
/** FUA § 31-1: reprotoxic agents. */
export const RETENTION_REPROTOXIC_YEARS = 5;

type Text = { readonly nb: string; readonly en: string };
type Rule<S> = { status: S; reason: DutyReason };

const EMPTY: Text = { nb: '', en: '' };

function lovkrav(nb: string, en: string, legalBasis: string): DutyReason {
  return { nb, en, legalBasis, kind: 'lovkrav' };
}

// ---------------------------------------------------------------------------------------------------
// Numbers in text: "35,5" and "12 500" in bokmål, "35.5" and "12,500" in English.

function group(intPart: string, sep: string): string {
  if (intPart.length < 5) return intPart;
  let out = '';
  for (let i = 0; i < intPart.length; i++) {
    if (i > 0 && (intPart.length - i) % 3 === 0) out += sep;
    out += intPart[i];
  }
  return out;
}

function formatNumber(n: number, decimal: string, thousands: string): string {
  const rounded = Math.round(n * 100) / 100;
  const text = String(rounded);
  const dot = text.indexOf('.');
  if (dot < 0) return group(text, thousands);
  return group(text.slice(0, dot), thousands) + decimal + text.slice(dot + 1);
}

export function nbNumber(n: number): string {
  return formatNumber(n, ',', '\u00a0');
}

export function enNumber(n: number): string {
  return formatNumber(n, '.', ',');
}

/** "42 arbeidstakere" / "1 arbeidstaker". */
function nbEmployees(n: number): string {
  return n === 1 ? '1 arbeidstaker' : `${nbNumber(n)} arbeidstakere`;
}

/** "42 employees" / "1 employee". */
function enEmployees(n: number): string {
  return n === 1 ? '1 employee' : `${enNumber(n)} employees`;
}

// A pure cache of the headcount phrases (strings are immutable): most profiles have few employees,
// and the phrase is used by several rules of every derivation.
const YOU_HAVE_CACHE_SIZE = 10_000;
const youHaveCache: (Text | undefined)[] = new Array<Text | undefined>(YOU_HAVE_CACHE_SIZE);

/** "Dere har 42 arbeidstakere" — or "Dere har ingen arbeidstakere". */
function youHave(n: number): Text {
  const cached = n < YOU_HAVE_CACHE_SIZE ? youHaveCache[n] : undefined;
  if (cached !== undefined) return cached;
  const text: Text =
    n === 0
      ? { nb: 'Dere har ingen arbeidstakere', en: 'You have no employees' }
      : { nb: `Dere har ${nbEmployees(n)}`, en: `You have ${enEmployees(n)}` };
  if (n < YOU_HAVE_CACHE_SIZE) youHaveCache[n] = text;
  return text;
}

const NO_EMPLOYEES: Text = {
  nb: 'Dere har ingen arbeidstakere. Arbeidsmiljøloven og forskriftene under den gjelder bare for virksomheter som sysselsetter arbeidstakere (aml § 1-2), så plikten gjelder ikke nå — den gjelder fra første arbeidstaker.',
  en: 'You have no employees. The Working Environment Act and its regulations apply only to enterprises that employ workers (aml § 1-2), so the duty does not apply now — it applies from the first employee.',
};

function notApplicableNoEmployees(legalBasis: string): DutyReason {
  return lovkrav(NO_EMPLOYEES.nb, NO_EMPLOYEES.en, legalBasis);
}

// ---------------------------------------------------------------------------------------------------
// The rules.

/** IK-f § 4 and § 5, aml § 3-1: internkontroll from the first employee; IK-f § 5 points 4–8 in writing. */
function internkontroll(n: number): Rule<RequiredOrNot> {
  const basis = 'IK-f §§ 4–5, aml § 3-1';
  if (n === 0) return { status: 'not-applicable', reason: notApplicableNoEmployees(basis) };
  const you = youHave(n);
  return {
    status: 'required',
    reason: lovkrav(
      `${you.nb} og må ha internkontroll — systematisk HMS-arbeid i samarbeid med arbeidstakerne (IK-f § 4, aml § 3-1). Punkt 4–8 i IK-f § 5 skal være skriftlige: HMS-mål, organisering og ansvar, kartlegging og risikovurdering med planer og tiltak, rutiner for å avdekke og rette avvik, og systematisk gjennomgang av internkontrollen.`,
      `${you.en} and must have internkontroll — systematic HMS work together with the employees (IK-f § 4, aml § 3-1). Points 4–8 of IK-f § 5 must be in writing: HMS goals, organisation and responsibilities, hazard mapping and risk assessment with plans and measures, routines to uncover and correct non-conformities, and a systematic review of the internal control.`,
      basis,
    ),
  };
}

/** aml § 3-5: the employer (the top leader, personally) shall take HMS training. */
function leaderHmsTraining(n: number): Rule<RequiredOrNot> {
  const basis = 'aml § 3-5';
  if (n === 0) return { status: 'not-applicable', reason: notApplicableNoEmployees(basis) };
  const you = youHave(n);
  return {
    status: 'required',
    reason: lovkrav(
      `${you.nb}. Arbeidsgiveren — den øverste lederen, personlig — skal selv ha opplæring i helse-, miljø- og sikkerhetsarbeid (aml § 3-5). Plikten kan ikke delegeres, og loven setter ingen utløpsdato.`,
      `${you.en}. The employer — the top leader, personally — must take training in health, safety and environment work (aml § 3-5). The duty cannot be delegated, and the law sets no expiry.`,
      basis,
    ),
  };
}

/** aml § 5-1 (1)–(3): register every work injury and illness presumed caused by the work. */
function injuryRegister(n: number): Rule<RequiredOrNot> {
  const basis = 'aml § 5-1';
  if (n === 0) return { status: 'not-applicable', reason: notApplicableNoEmployees(basis) };
  const you = youHave(n);
  return {
    status: 'required',
    reason: lovkrav(
      `${you.nb} og skal registrere alle personskader som skjer under arbeidet og sykdom som antas å skyldes arbeidet, uten medisinske opplysninger. Registeret skal være tilgjengelig for Arbeidstilsynet, verneombud, bedriftshelsetjeneste og AMU (aml § 5-1).`,
      `${you.en} and must register every injury that happens at work and every illness presumed to be caused by the work, without medical details. The register must be available to the Labour Inspection Authority, safety representatives, the occupational health service and the AMU (aml § 5-1).`,
      basis,
    ),
  };
}

/** aml § 5-1 (4), ftrl § 25-2 (1): keep sick-leave statistics by NAV's guidelines. */
function sickLeaveStatistics(n: number): Rule<RequiredOrNot> {
  const basis = 'aml § 5-1 (4), ftrl § 25-2';
  if (n === 0) return { status: 'not-applicable', reason: notApplicableNoEmployees(basis) };
  const you = youHave(n);
  return {
    status: 'required',
    reason: lovkrav(
      `${you.nb} og skal føre statistikk over sykefravær, også fravær på grunn av barns sykdom, etter NAVs retningslinjer (aml § 5-1 (4), ftrl § 25-2).`,
      `${you.en} and must keep sick-leave statistics, including absence for children's illness, following NAV's guidelines (aml § 5-1 (4), ftrl § 25-2).`,
      basis,
    ),
  };
}

/** Innleide do not count for VO (Arbeidstilsynet's reading of aml § 6-1), but are covered by the VO's work. */
function hiredNote(hired: number): Text {
  if (hired === 0) return EMPTY;
  return {
    nb: ` Innleide (${nbNumber(hired)}) telles ikke med, men er omfattet av verneombudets arbeid.`,
    en: ` Hired-in workers (${enNumber(hired)}) are not counted, but the safety representative's work covers them.`,
  };
}

/**
 * aml § 6-1 (from 1 January 2024): every enterprise has verneombud; below five arbeidstakere the parties
 * may agree in writing on another arrangement (max two years; it lapses the day the headcount reaches
 * five). Arbeidstilsynet may order a VO below five. Counting: all arbeidstakere, not innleide.
 */
function verneombud(p: CompanyProfile): Rule<VerneombudStatus> {
  const basis = 'aml § 6-1';
  const n = p.employeesTotal;
  if (n === 0) return { status: 'not-applicable', reason: notApplicableNoEmployees(basis) };
  const you = youHave(n);
  const hired = hiredNote(p.hiredWorkers);
  if (n >= VO_REQUIRED_FROM) {
    const lapsed: Text = p.alternativeVoAgreementValid
      ? {
          nb: ' En avtale om annen ordning gjelder bare under fem arbeidstakere og har falt bort.',
          en: ' An agreement on another arrangement only applies below five employees and has lapsed.',
        }
      : EMPTY;
    return {
      status: 'required',
      reason: lovkrav(
        `${you.nb} og må ha verneombud (aml § 6-1). Plikten gjelder fra fem arbeidstakere (fra 1. januar 2024).${lapsed.nb}${hired.nb}`,
        `${you.en} and must have a safety representative (verneombud) (aml § 6-1). The duty applies from five employees (since 1 January 2024).${lapsed.en}${hired.en}`,
        basis,
      ),
    };
  }
  if (p.arbeidstilsynetOrders.vo) {
    return {
      status: 'required',
      reason: lovkrav(
        `${you.nb}, færre enn fem, men Arbeidstilsynet har pålagt dere å ha verneombud (aml § 6-1).${hired.nb}`,
        `${you.en}, fewer than five, but the Labour Inspection Authority has ordered you to have a safety representative (aml § 6-1).${hired.en}`,
        basis,
      ),
    };
  }
  if (p.alternativeVoAgreementValid) {
    return {
      status: 'alternative-agreement',
      reason: lovkrav(
        `${you.nb}, færre enn fem, og en gyldig skriftlig avtale om en annen ordning enn verneombud (aml § 6-1). Avtalen gjelder i høyst to år og faller bort den dagen dere blir fem arbeidstakere.${hired.nb}`,
        `${you.en}, fewer than five, and a valid written agreement on an arrangement other than a safety representative (aml § 6-1). The agreement lasts at most two years and lapses the day you reach five employees.${hired.en}`,
        basis,
      ),
    };
  }
  return {
    status: 'required-unless-agreement',
    reason: lovkrav(
      `${you.nb}, færre enn fem, og må ha verneombud med mindre dere og alle de ansatte skriftlig avtaler en annen ordning. Avtalen skal beskrive hvordan verne- og miljøarbeidet gjøres, signeres av alle ansatte og gjelder i høyst to år (aml § 6-1).${hired.nb}`,
      `${you.en}, fewer than five, and must have a safety representative unless you and all employees agree in writing on another arrangement. The agreement must describe how the safety work is done, be signed by all employees and lasts at most two years (aml § 6-1).${hired.en}`,
      basis,
    ),
  };
}

/** The VO statuses under which a verneombud must be elected (incl. 1–4 employees without agreement). */
export function voMustBeElected(status: VerneombudStatus): boolean {
  return status === 'required' || status === 'required-unless-agreement';
}

/** "1 verneområde" / "ingen registrerte verneområder". */
function areas(v: number): Text {
  if (v === 0) return { nb: 'ingen registrerte verneområder', en: 'no registered safety areas' };
  if (v === 1) return { nb: '1 verneområde', en: '1 safety area' };
  return { nb: `${nbNumber(v)} verneområder`, en: `${enNumber(v)} safety areas` };
}

/**
 * aml § 6-1: with more than one verneombud, at least one hovedverneombud coordinates. One VO per
 * verneområde, so: required when `verneomraader > 1` and a VO must be elected (also 1–4 employees
 * without an agreement — the HVO then lapses with the VO if they agree on another arrangement).
 */
function hovedverneombud(p: CompanyProfile, vo: VerneombudStatus): Rule<RequiredOrNot> {
  const basis = 'aml § 6-1';
  if (p.employeesTotal === 0) return { status: 'not-applicable', reason: notApplicableNoEmployees(basis) };
  const a = areas(p.verneomraader);
  if (!voMustBeElected(vo)) {
    return {
      status: 'not-applicable',
      reason: lovkrav(
        'Dere har avtalt en annen ordning enn verneombud, og trenger da heller ikke hovedverneombud (aml § 6-1).',
        'You have agreed on an arrangement other than a safety representative, so you need no chief safety representative either (aml § 6-1).',
        basis,
      ),
    };
  }
  if (p.verneomraader <= 1) {
    return {
      status: 'not-applicable',
      reason: lovkrav(
        `Dere har ${a.nb} og dermed ett verneombud. Hovedverneombud kreves først når det er mer enn ett verneombud (aml § 6-1).`,
        `You have ${a.en} and so one safety representative. A chief safety representative is required only when there is more than one (aml § 6-1).`,
        basis,
      ),
    };
  }
  const unless: Text =
    vo === 'required-unless-agreement'
      ? {
          nb: ' Dette gjelder så lenge dere ikke har avtalt en annen ordning enn verneombud.',
          en: ' This applies as long as you have not agreed on an arrangement other than a safety representative.',
        }
      : EMPTY;
  return {
    status: 'required',
    reason: lovkrav(
      `Dere har ${a.nb} og dermed mer enn ett verneombud. Minst ett av dem skal være hovedverneombud og samordne verneombudenes arbeid (aml § 6-1).${unless.nb}`,
      `You have ${a.en} and so more than one safety representative. At least one must be chief safety representative (hovedverneombud) and coordinate their work (aml § 6-1).${unless.en}`,
      basis,
    ),
  };
}

const DEMANDED_BY: Record<Exclude<CompanyProfile['amuDemandedBy'], 'none'>, Text> = {
  employer: { nb: 'arbeidsgiveren', en: 'the employer' },
  employees: { nb: 'arbeidstakerne', en: 'the employees' },
  union: { nb: 'en fagforening', en: 'a trade union' },
};

/**
 * aml § 7-1 (1) (from 1 January 2024): AMU where at least 30 arbeidstakere are regularly employed; with
 * 10–29 when one of the parties demands it; Arbeidstilsynet may order it below 30. FOLM § 3-7: the
 * previous calendar year's average of everyone working ≥ 20 hours a week decides.
 */
function amu(p: CompanyProfile): Rule<AmuStatus> {
  const basis = 'aml § 7-1, FOLM § 3-7';
  if (p.employeesTotal === 0) return { status: 'not-applicable', reason: notApplicableNoEmployees(basis) };
  const avg = p.employeesAvg20hLastYear;
  const had = {
    nb: `Dere hadde i fjor i snitt ${nbNumber(avg)} ${avg === 1 ? 'arbeidstaker' : 'arbeidstakere'} som arbeidet minst 20 timer i uka (FOLM § 3-7)`,
    en: `Last year you had on average ${enNumber(avg)} ${avg === 1 ? 'employee' : 'employees'} working at least 20 hours a week (FOLM § 3-7)`,
  };
  if (avg >= AMU_REQUIRED_FROM) {
    return {
      status: 'required',
      reason: lovkrav(
        `${had.nb}, og må ha arbeidsmiljøutvalg (AMU). Plikten gjelder fra 30 (aml § 7-1 (1), fra 1. januar 2024).`,
        `${had.en}, and must have a working environment committee (AMU). The duty applies from 30 (aml § 7-1 (1), since 1 January 2024).`,
        basis,
      ),
    };
  }
  const demanded = p.amuDemandedBy === 'none' ? null : DEMANDED_BY[p.amuDemandedBy];
  if (avg >= AMU_ON_DEMAND_FROM && demanded !== null) {
    return {
      status: 'required',
      reason: lovkrav(
        `${had.nb}. Med 10–29 må dere ha arbeidsmiljøutvalg (AMU) når en av partene krever det, og ${demanded.nb} har krevd det (aml § 7-1 (1)).`,
        `${had.en}. With 10–29 you must have a working environment committee (AMU) when one of the parties demands it, and ${demanded.en} has demanded it (aml § 7-1 (1)).`,
        basis,
      ),
    };
  }
  if (p.arbeidstilsynetOrders.amu) {
    return {
      status: 'required',
      reason: lovkrav(
        `${had.nb}, under 30, men Arbeidstilsynet har pålagt dere å ha arbeidsmiljøutvalg (AMU) (aml § 7-1).`,
        `${had.en}, below 30, but the Labour Inspection Authority has ordered you to have a working environment committee (AMU) (aml § 7-1).`,
        basis,
      ),
    };
  }
  if (avg >= AMU_ON_DEMAND_FROM) {
    return {
      status: 'on-demand',
      reason: lovkrav(
        `${had.nb}. Med 10–29 må dere ha arbeidsmiljøutvalg (AMU) dersom arbeidsgiveren, arbeidstakerne eller en fagforening krever det (aml § 7-1 (1)). Ingen har krevd det.`,
        `${had.en}. With 10–29 you must have a working environment committee (AMU) if the employer, the employees or a trade union demands it (aml § 7-1 (1)). Nobody has demanded it.`,
        basis,
      ),
    };
  }
  const demandNote: Text =
    demanded === null
      ? EMPTY
      : {
          nb: ` At ${demanded.nb} har krevd AMU, gir ikke plikt under 10.`,
          en: ` A demand for an AMU from ${demanded.en} creates no duty below 10.`,
        };
  return {
    status: 'not-required',
    reason: lovkrav(
      `${had.nb}, under 10. Arbeidsmiljøutvalg (AMU) er ikke påkrevd, men Arbeidstilsynet kan pålegge det (aml § 7-1).${demandNote.nb}`,
      `${had.en}, below 10. A working environment committee (AMU) is not required, but the Labour Inspection Authority may order one (aml § 7-1).${demandNote.en}`,
      basis,
    ),
  };
}

/** "Næringskoden deres 41.200 (SN2007, i SN2025 41.00)" — the code as the user knows it. */
function codeText(nace: NaceCode): Text {
  const code = nace.code ?? '?';
  if (nace.system === 'SN2025' || nace.sn2025 === null || nace.sn2025 === nace.code) {
    return {
      nb: `Næringskoden deres (${nace.system} ${code})`,
      en: `Your industry code (${nace.system} ${code})`,
    };
  }
  return {
    nb: `Næringskoden deres (${nace.system} ${code}, i SN2025 ${nace.sn2025})`,
    en: `Your industry code (${nace.system} ${code}, in SN2025 ${nace.sn2025})`,
  };
}

/** Why the code cannot be matched against the list: no code, unreadable, not converted, or too coarse. */
function unusableCodeText(nace: NaceCode | null): Text {
  if (nace === null) {
    return { nb: 'Vi har ingen næringskode for dere', en: 'We have no industry code for you' };
  }
  if (nace.code === null) {
    return { nb: 'Næringskoden deres kunne ikke leses', en: 'Your industry code could not be read' };
  }
  if (nace.sn2025 === null) {
    return {
      nb: `Næringskoden deres (${nace.system} ${nace.code}) kan ikke oversettes entydig til SN2025`,
      en: `Your industry code (${nace.system} ${nace.code}) cannot be converted unambiguously to SN2025`,
    };
  }
  return {
    nb: `Næringskoden deres (SN2025 ${nace.sn2025}) er for grov til å avgjøre om den står på listen`,
    en: `Your industry code (SN2025 ${nace.sn2025}) is too coarse to tell whether it is on the list`,
  };
}

const NOT_ON_LIST: Text = {
  nb: 'står ikke på listen over bransjer med plikt til bedriftshelsetjeneste i FOLM § 13-1',
  en: 'is not on the list of industries that must have an occupational health service in FOLM § 13-1',
};

/**
 * aml § 3-3 and FOLM § 13-1 (rules §14.4), in this order:
 * 1. `required-by-nace` — the SN2025 code is on the FOLM § 13-1 (2) list (any size);
 * 2. `ordered` — Arbeidstilsynet ordered it;
 * 3. `required-by-risk` — the yearly risk-based assessment says so (aml § 3-3 (1), FOLM § 13-1 (1));
 * 4. `needs-verification` — no code, or one that cannot be read, converted or decided: never a silent no;
 * 5. `assess-risk` — not on the list: the yearly IK review asks the question (aml § 3-3 (1)).
 * No employees → `not-applicable`, but a list match is still reported.
 * A listed `sn2025` wins even when `code` is null (contradictory input: the protective answer).
 */
function bht(p: CompanyProfile): Rule<BhtStatus> & { entry: string | null } {
  const nace = p.nace;
  const lookup: BhtListLookup | null =
    nace === null || nace.sn2025 === null ? null : lookupBhtList(nace.sn2025);
  const entry = lookup !== null && lookup.result === 'listed' ? lookup.entry : null;

  if (p.employeesTotal === 0) {
    const listed: Text =
      nace !== null && entry !== null
        ? {
            nb: ` ${codeText(nace).nb} står på listen i FOLM § 13-1 (oppføring «${entry}»), så plikten gjelder fra første arbeidstaker, uansett antall.`,
            en: ` ${codeText(nace).en} is on the list in FOLM § 13-1 (entry "${entry}"), so the duty applies from the first employee, whatever the number.`,
          }
        : EMPTY;
    return {
      status: 'not-applicable',
      entry,
      reason: lovkrav(
        `Dere har ingen arbeidstakere, og plikten til bedriftshelsetjeneste gjelder bare arbeidsgivere (aml § 3-3).${listed.nb}`,
        `You have no employees, and the duty to have an occupational health service applies only to employers (aml § 3-3).${listed.en}`,
        'aml § 3-3, FOLM § 13-1',
      ),
    };
  }
  if (nace !== null && entry !== null) {
    const code = codeText(nace);
    return {
      status: 'required-by-nace',
      entry,
      reason: lovkrav(
        `${code.nb} står på listen i FOLM § 13-1 (oppføring «${entry}»). Dere må være tilknyttet en godkjent bedriftshelsetjeneste, uansett hvor mange dere er.`,
        `${code.en} is on the list in FOLM § 13-1 (entry "${entry}"). You must be affiliated with an approved occupational health service, whatever your size.`,
        'FOLM § 13-1 (2)',
      ),
    };
  }
  const unusable = lookup === null || lookup.result === 'undecidable' || nace === null || nace.code === null;
  let codeSituation: Text;
  if (unusable || nace === null) {
    const why = unusableCodeText(nace);
    codeSituation = { nb: `${why.nb}.`, en: `${why.en}.` };
  } else {
    const code = codeText(nace);
    codeSituation = { nb: `${code.nb} ${NOT_ON_LIST.nb}.`, en: `${code.en} ${NOT_ON_LIST.en}.` };
  }
  if (p.arbeidstilsynetOrders.bht) {
    return {
      status: 'ordered',
      entry,
      reason: lovkrav(
        `Arbeidstilsynet har pålagt dere å være tilknyttet en godkjent bedriftshelsetjeneste (aml § 3-3). ${codeSituation.nb}`,
        `The Labour Inspection Authority has ordered you to be affiliated with an approved occupational health service (aml § 3-3). ${codeSituation.en}`,
        'aml § 3-3, FOLM § 13-1',
      ),
    };
  }
  if (p.bhtRiskAssessmentSaysRequired === true) {
    return {
      status: 'required-by-risk',
      entry,
      reason: lovkrav(
        `Risikovurderingen deres sier at risikoforholdene krever bedriftshelsetjeneste, og dere må være tilknyttet en godkjent ordning (aml § 3-3 (1), FOLM § 13-1 første ledd). ${codeSituation.nb}`,
        `Your risk assessment says the risks require an occupational health service, so you must be affiliated with an approved one (aml § 3-3 (1), FOLM § 13-1 first paragraph). ${codeSituation.en}`,
        'aml § 3-3 (1), FOLM § 13-1 (1)',
      ),
    };
  }
  if (unusable) {
    return {
      status: 'needs-verification',
      entry,
      reason: lovkrav(
        `${codeSituation.nb} Avklar næringskoden (Enhetsregisteret, SN2025): står den på listen i FOLM § 13-1, må dere ha bedriftshelsetjeneste uansett størrelse. Til det er avklart, regn med at plikten kan gjelde, og vurder risikoforholdene (aml § 3-3 (1)).`,
        `${codeSituation.en} Check your industry code (Register of Business Enterprises, SN2025): if it is on the list in FOLM § 13-1, you must have an occupational health service whatever your size. Until that is settled, assume the duty may apply, and assess the risks (aml § 3-3 (1)).`,
        'FOLM § 13-1, aml § 3-3',
      ),
    };
  }
  const lastAnswer: Text =
    p.bhtRiskAssessmentSaysRequired === false
      ? {
          nb: ' Forrige vurdering konkluderte med at det ikke trengs; vurderingen gjentas hvert år.',
          en: ' The last assessment concluded that none is needed; it is repeated every year.',
        }
      : {
          nb: ' Det er ikke registrert noen vurdering ennå.',
          en: ' No assessment has been recorded yet.',
        };
  return {
    status: 'assess-risk',
    entry,
    reason: lovkrav(
      `${codeSituation.nb} Dere må likevel, som en del av det systematiske HMS-arbeidet, vurdere om risikoforholdene krever bedriftshelsetjeneste (aml § 3-3 (1)).${lastAnswer.nb}`,
      `${codeSituation.en} You must still, as part of the systematic HMS work, assess whether the risks require an occupational health service (aml § 3-3 (1)).${lastAnswer.en}`,
      'aml § 3-3 (1)',
    ),
  };
}

/**
 * aml § 2 A-6 (1): written routines for internal varsling when at least five are regularly employed;
 * fewer "dersom forholdene i virksomheten tilsier det" (rules §14.3: counted on all employees) —
 * recommended, not required, for 1–4.
 */
function varslingRoutine(n: number): Rule<VarslingStatus> {
  const basis = 'aml § 2 A-6';
  if (n === 0) return { status: 'not-applicable', reason: notApplicableNoEmployees(basis) };
  const you = youHave(n);
  if (n >= VARSLING_REQUIRED_FROM) {
    return {
      status: 'required',
      reason: lovkrav(
        `${you.nb} og må ha skriftlige rutiner for intern varsling, laget i samarbeid med de ansatte og tillitsvalgte og lett tilgjengelige for alle. Plikten gjelder fra fem (aml § 2 A-6).`,
        `${you.en} and must have written routines for internal whistleblowing, made together with the employees and their representatives and easy for everyone to find. The duty applies from five (aml § 2 A-6).`,
        basis,
      ),
    };
  }
  return {
    status: 'recommended',
    reason: {
      nb: `${you.nb}, færre enn fem. Skriftlige varslingsrutiner er påkrevd dersom forholdene i virksomheten tilsier det (aml § 2 A-6 (1)); vi anbefaler å ha dem uansett.`,
      en: `${you.en}, fewer than five. Written whistleblowing routines are required if the circumstances of the enterprise call for them (aml § 2 A-6 (1)); we recommend having them anyway.`,
      legalBasis: basis,
      kind: 'anbefalt',
    },
  };
}

const CMR_TEXT: Record<NonNullable<CompanyProfile['cmrExposure']>, Text> = {
  carcinogenic: { nb: 'kreftfremkallende stoffer', en: 'carcinogenic substances' },
  mutagenic: { nb: 'arvestoffskadelige (mutagene) stoffer', en: 'mutagenic substances' },
  reprotoxic: { nb: 'reproduksjonstoksiske stoffer', en: 'reprotoxic substances' },
};

/** "a, b og c" / "a, b and c". */
function joinList(parts: string[], and: string): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}

/**
 * FUA § 2-1: a stoffkartotek for hazardous chemicals that may cause health hazards — used, stored or
 * formed in processes — and for harmful biological material (its third group), before they are
 * handled. No size threshold above the first employee (see the header on 0 employees). DECISION: the
 * profile's CMR exposure and biological agents also trigger it (a CMR agent is a hazardous chemical;
 * biological material is FUA § 2-1's third group), not only `hazardousChemicals`.
 */
function stoffkartotek(p: CompanyProfile): Rule<RequiredOrNot> {
  const basis = 'FUA § 2-1';
  const triggers: Text[] = [];
  if (p.hazardousChemicals) {
    triggers.push({ nb: 'farlige kjemikalier', en: 'hazardous chemicals' });
  }
  if (p.cmrExposure !== null) triggers.push(CMR_TEXT[p.cmrExposure]);
  if (p.biologicalAgents) {
    triggers.push({ nb: 'skadelig biologisk materiale', en: 'harmful biological material' });
  }
  const what: Text =
    triggers.length === 0
      ? EMPTY
      : {
          nb: joinList(
            triggers.map((t) => t.nb),
            'og',
          ),
          en: joinList(
            triggers.map((t) => t.en),
            'and',
          ),
        };
  if (p.employeesTotal === 0) {
    const note: Text =
      triggers.length > 0
        ? {
            nb: ` Dere har oppgitt ${what.nb}: stoffkartoteket må være på plass før første arbeidstaker håndterer dem — plikten har ingen annen nedre grense.`,
            en: ` You have reported ${what.en}: the register must be in place before the first employee handles them — the duty has no other threshold.`,
          }
        : EMPTY;
    return {
      status: 'not-applicable',
      reason: lovkrav(`${NO_EMPLOYEES.nb}${note.nb}`, `${NO_EMPLOYEES.en}${note.en}`, basis),
    };
  }
  if (triggers.length === 0) {
    return {
      status: 'not-applicable',
      reason: lovkrav(
        'Dere har oppgitt at dere ikke bruker, lagrer eller danner farlige kjemikalier eller skadelig biologisk materiale, så stoffkartotek er ikke påkrevd (FUA § 2-1). Endrer det seg, må kartoteket være på plass før stoffet tas i bruk.',
        'You have reported that you do not use, store or produce hazardous chemicals or harmful biological material, so no chemical register is required (FUA § 2-1). If that changes, the register must be in place before the substance is used.',
        basis,
      ),
    };
  }
  const you = youHave(p.employeesTotal);
  return {
    status: 'required',
    reason: lovkrav(
      `${you.nb}, og dere har oppgitt ${what.nb}. Dere må ha stoffkartotek med sikkerhetsdatablad eller datablad for hvert stoff, på norsk og lett tilgjengelig der arbeidet gjøres — også for stoffer som bare lagres. Plikten har ingen nedre grense for antall ansatte (FUA § 2-1).`,
      `${you.en}, and you have reported ${what.en}. You must keep a chemical register (stoffkartotek) with a safety data sheet or information sheet for each substance, in Norwegian and easy to reach where the work is done — also for substances that are only stored. The duty has no minimum number of employees (FUA § 2-1).`,
      basis,
    ),
  };
}

/**
 * FUA kap. 31: a register of workers who are or may be exposed. § 31-1: carcinogenic, mutagenic and
 * reprotoxic agents (and lead, listed processes — report them as CMR exposure); kept ≥ 60 years after
 * the exposure ended for carcinogens/mutagens, ≥ 5 years for reprotoxic agents. § 31-2: asbestos, 60
 * years. Biological agents have their own register in kap. 31 whose period is not computed here: with
 * biological agents only, the retention is null (and the register must not be deleted).
 */
function exposureRegister(p: CompanyProfile): Rule<RequiredOrNot> & { retentionYears: number | null } {
  if (p.employeesTotal === 0) {
    return {
      status: 'not-applicable',
      retentionYears: null,
      reason: notApplicableNoEmployees('FUA kap. 31'),
    };
  }
  if (p.cmrExposure === null && !p.asbestosExposure && !p.biologicalAgents) {
    return {
      status: 'not-applicable',
      retentionYears: null,
      reason: lovkrav(
        'Dere har ikke oppgitt at ansatte kan bli eksponert for kreftfremkallende, arvestoffskadelige eller reproduksjonstoksiske stoffer, asbest eller biologiske faktorer, så eksponeringsregister er ikke påkrevd (FUA kap. 31). Bly og prosessene i FUA § 31-1 (for eksempel hardtrestøv) gir også registerplikt.',
        'You have not reported that employees may be exposed to carcinogenic, mutagenic or reprotoxic substances, asbestos or biological agents, so no exposure register is required (FUA kap. 31). Lead and the processes listed in FUA § 31-1 (for example hardwood dust) also require one.',
        'FUA kap. 31',
      ),
    };
  }
  const parts: Text[] = [];
  if (p.cmrExposure !== null) parts.push(CMR_TEXT[p.cmrExposure]);
  if (p.asbestosExposure) parts.push({ nb: 'asbest', en: 'asbestos' });
  if (p.biologicalAgents) parts.push({ nb: 'biologiske faktorer', en: 'biological agents' });
  const long = p.cmrExposure === 'carcinogenic' || p.cmrExposure === 'mutagenic' || p.asbestosExposure;
  const retentionYears = long
    ? RETENTION_LONG_YEARS
    : p.cmrExposure === 'reprotoxic'
      ? RETENTION_REPROTOXIC_YEARS
      : null;
  const paragraphs: string[] = [];
  if (p.cmrExposure !== null) paragraphs.push('31-1');
  if (p.asbestosExposure) paragraphs.push('31-2');
  const legalBasis =
    paragraphs.length === 0
      ? 'FUA kap. 31'
      : `FUA ${paragraphs.length === 1 ? '§' : '§§'} ${paragraphs.join(', ')}${p.biologicalAgents ? ', FUA kap. 31' : ''}`;
  const keep: Text =
    retentionYears === null
      ? {
          nb: ' Oppbevaringstiden for registeret over biologiske faktorer beregnes ikke her (FUA kap. 31); slett det ikke uten samtykke fra Arbeidstilsynet.',
          en: ' The retention period of the register of biological agents is not computed here (FUA kap. 31); do not delete it without the Labour Inspection Authority’s consent.',
        }
      : {
          nb: ` Registeret skal oppbevares i minst ${retentionYears} år etter at eksponeringen tok slutt, og kan ikke slettes uten samtykke fra Arbeidstilsynet (${legalBasis}).${p.biologicalAgents ? ' For biologiske faktorer kan en egen oppbevaringstid gjelde (FUA kap. 31).' : ''}`,
          en: ` The register must be kept for at least ${retentionYears} years after the exposure ended, and may not be deleted without the Labour Inspection Authority’s consent (${legalBasis}).${p.biologicalAgents ? ' Biological agents may have a period of their own (FUA kap. 31).' : ''}`,
        };
  return {
    status: 'required',
    retentionYears,
    reason: lovkrav(
      `Dere har oppgitt at ansatte er eller kan bli eksponert for ${joinList(
        parts.map((x) => x.nb),
        'og',
      )} — bruk av verneutstyr endrer ikke det. Dere må føre register over dem: navn, fødselsnummer, stilling, arbeidsplass, hvilke stoffer, hvordan, i hvilke konsentrasjoner og hvor lenge.${keep.nb}`,
      `You have reported that employees are or may be exposed to ${joinList(
        parts.map((x) => x.en),
        'and',
      )} — wearing protective equipment does not change that. You must keep a register of them: name, national identity number, position, workplace, which agents, how, in what concentrations and for how long.${keep.en}`,
      legalBasis,
    ),
  };
}

/**
 * FOLM §§ 3-18 and 3-19 (aml §§ 6-5, 7-4): verneombud and AMU members get at least 40 hours of training
 * (shorter only by joint agreement). Applies when a VO must be elected or an AMU is required.
 */
function voAmuTraining(vo: VerneombudStatus, amuStatus: AmuStatus): Rule<RequiredOrNot> {
  const basis = 'FOLM §§ 3-18, 3-19';
  const needVo = voMustBeElected(vo);
  const needAmu = amuStatus === 'required';
  if (vo === 'not-applicable') return { status: 'not-applicable', reason: notApplicableNoEmployees(basis) };
  if (!needVo && !needAmu) {
    return {
      status: 'not-applicable',
      reason: lovkrav(
        'Dere har avtalt en annen ordning enn verneombud og skal ikke ha AMU, så 40-timersopplæringen for verneombud og AMU-medlemmer gjelder ikke (FOLM §§ 3-18, 3-19).',
        'You have agreed on an arrangement other than a safety representative and need no AMU, so the 40-hour training for safety representatives and AMU members does not apply (FOLM §§ 3-18, 3-19).',
        basis,
      ),
    };
  }
  const who: Text =
    needVo && needAmu
      ? {
          nb: 'verneombud og arbeidsmiljøutvalg',
          en: 'safety representatives and a working environment committee',
        }
      : needVo
        ? { nb: 'verneombud', en: 'safety representatives' }
        : { nb: 'arbeidsmiljøutvalg', en: 'a working environment committee' };
  return {
    status: 'required',
    reason: lovkrav(
      `Dere skal ha ${who.nb}. Verneombud og AMU-medlemmer skal ha opplæring på minst 40 timer — kortere bare etter felles avtale — betalt av arbeidsgiver og uten tap av inntekt (FOLM §§ 3-18, 3-19, aml §§ 6-5, 7-4).`,
      `You must have ${who.en}. Safety representatives and AMU members must get at least 40 hours of training — shorter only by joint agreement — paid by the employer and without loss of income (FOLM §§ 3-18, 3-19, aml §§ 6-5, 7-4).`,
      basis,
    ),
  };
}

/** aml § 10-11 (8): a worker who mainly works at night is offered a health check before and at intervals. */
function nightWorkHealthCheck(p: CompanyProfile): Rule<RequiredOrNot> {
  const basis = 'aml § 10-11 (8)';
  if (p.employeesTotal === 0) return { status: 'not-applicable', reason: notApplicableNoEmployees(basis) };
  if (!p.nightWorkMainly) {
    return {
      status: 'not-applicable',
      reason: lovkrav(
        'Dere har oppgitt at ingen arbeider hovedsakelig om natten (mellom kl. 21 og 06), så plikten til å tilby helsekontroll for nattarbeidere gjelder ikke (aml § 10-11 (8)).',
        'You have reported that nobody mainly works at night (between 21:00 and 06:00), so the duty to offer night workers a health check does not apply (aml § 10-11 (8)).',
        basis,
      ),
    };
  }
  const who: Text =
    p.employeesTotal === 1
      ? { nb: 'Den ene arbeidstakeren deres arbeider', en: 'Your one employee mainly works' }
      : {
          nb: `Noen av deres ${nbEmployees(p.employeesTotal)} arbeider`,
          en: `Some of your ${enEmployees(p.employeesTotal)} mainly work`,
        };
  return {
    status: 'required',
    reason: lovkrav(
      `${who.nb} hovedsakelig om natten (mellom kl. 21 og 06), og skal få tilbud om helsekontroll før nattarbeidet begynner og deretter med jevne mellomrom (aml § 10-11 (8)); Nærvær foreslår hvert annet år.`,
      `${who.en} at night (between 21:00 and 06:00), and must be offered a health check before the night work starts and at regular intervals after that (aml § 10-11 (8)); Nærvær suggests every two years.`,
      basis,
    ),
  };
}

const BHT_REQUIRED: ReadonlySet<BhtStatus> = new Set(['required-by-nace', 'ordered', 'required-by-risk']);

const BHT_STATUS_TEXT: Record<BhtStatus, Text> = {
  'required-by-nace': { nb: 'påkrevd etter næringskode', en: 'required by industry code' },
  ordered: { nb: 'pålagt av Arbeidstilsynet', en: 'ordered by the Labour Inspection Authority' },
  'required-by-risk': { nb: 'påkrevd etter risikovurdering', en: 'required by the risk assessment' },
  'assess-risk': { nb: 'må vurderes', en: 'to be assessed' },
  'needs-verification': { nb: 'må avklares', en: 'to be verified' },
  'not-applicable': { nb: 'ikke aktuelt', en: 'not applicable' },
};

/** FOLM § 13-3 a: with a BHT, the employer makes a plan and an annual report for its assistance, together with it. */
function bhtPlanAndAnnualReport(n: number, bhtStatus: BhtStatus): Rule<RequiredOrNot> {
  const basis = 'FOLM § 13-3 a';
  if (n === 0) return { status: 'not-applicable', reason: notApplicableNoEmployees(basis) };
  const status = BHT_STATUS_TEXT[bhtStatus];
  if (!BHT_REQUIRED.has(bhtStatus)) {
    return {
      status: 'not-applicable',
      reason: lovkrav(
        `Dere har ikke (ennå) plikt til bedriftshelsetjeneste (status: ${status.nb}), så det kreves ingen BHT-plan eller BHT-årsrapport (FOLM § 13-3 a). Blir BHT påkrevd, gjelder plikten.`,
        `You do not (yet) have to have an occupational health service (status: ${status.en}), so no BHT plan or annual report is required (FOLM § 13-3 a). If a BHT becomes required, the duty applies.`,
        basis,
      ),
    };
  }
  return {
    status: 'required',
    reason: lovkrav(
      `Dere skal ha bedriftshelsetjeneste (${status.nb}). Sammen med den skal dere lage en plan for bistanden og en årsrapport om hva som ble gjort (FOLM § 13-3 a).`,
      `You must have an occupational health service (${status.en}). Together with it you must make a plan for its assistance and an annual report on what was done (FOLM § 13-3 a).`,
      basis,
    ),
  };
}

const AMU_STATUS_TEXT: Record<AmuStatus, Text> = {
  required: { nb: 'påkrevd', en: 'required' },
  'on-demand': { nb: 'påkrevd bare etter krav', en: 'required only on demand' },
  'not-required': { nb: 'ikke påkrevd', en: 'not required' },
  'not-applicable': { nb: 'ikke aktuelt', en: 'not applicable' },
};

/** aml § 7-2 (6): AMU reports on its activities every year to the governing bodies and the unions. */
function amuAnnualReport(n: number, amuStatus: AmuStatus): Rule<RequiredOrNot> {
  const basis = 'aml § 7-2 (6)';
  if (n === 0) return { status: 'not-applicable', reason: notApplicableNoEmployees(basis) };
  if (amuStatus !== 'required') {
    return {
      status: 'not-applicable',
      reason: lovkrav(
        `Dere har ikke plikt til arbeidsmiljøutvalg (status: ${AMU_STATUS_TEXT[amuStatus].nb}), så AMU-årsrapport er ikke påkrevd (aml § 7-2 (6)). Opprettes AMU, gjelder plikten.`,
        `You do not have to have a working environment committee (status: ${AMU_STATUS_TEXT[amuStatus].en}), so no AMU annual report is required (aml § 7-2 (6)). If an AMU is set up, the duty applies.`,
        basis,
      ),
    };
  }
  return {
    status: 'required',
    reason: lovkrav(
      'Dere skal ha arbeidsmiljøutvalg. AMU skal hvert år rapportere om sin virksomhet til virksomhetens styrende organer og til arbeidstakernes organisasjoner (aml § 7-2 (6)).',
      'You must have a working environment committee. Every year the AMU must report on its activities to the enterprise’s governing bodies and to the employees’ organisations (aml § 7-2 (6)).',
      basis,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------
// The årshjul keys (rules §9 "applies when", §14.14).

type DutiesWithoutArshjul = Omit<Duties, 'arshjul' | 'reasons'>;

/**
 * §9 row 4 / §14.14: quarterly vernerunder when BHT is required by the industry list or hazardous
 * chemicals are used (product default); otherwise yearly.
 */
export function vernerundeQuarterly(p: CompanyProfile, d: Pick<Duties, 'bht'>): boolean {
  return d.bht === 'required-by-nace' || p.hazardousChemicals;
}

/** Whether a recurring årshjul row of §9 applies to the profile ("applies when" column). */
export function arshjulApplies(key: ArshjulKey, p: CompanyProfile, d: DutiesWithoutArshjul): boolean {
  const n = p.employeesTotal;
  switch (key) {
    // rows 1–3 (annual review package), 12, 15, 21: ≥ 1 employee
    case 'arlig-gjennomgang':
    case 'leder-hms-opplaering':
    case 'sykefravaersstatistikk-kvartal':
    case 'medarbeidersamtaler':
      return n >= 1;
    // row 22: ≥ 10 employees (optional, default on)
    case 'medarbeiderundersokelse':
      return n >= SURVEY_FROM;
    // row 14: the BHT question is open (not settled by the list or an order)
    case 'bht-vurdering':
      return d.bht === 'assess-risk' || d.bht === 'required-by-risk' || d.bht === 'needs-verification';
    // row 13
    case 'bht-plan-arsrapport':
      return d.bhtPlanAndAnnualReport === 'required';
    // row 19: ≥ 5 employees (no opt-in in the profile)
    case 'varslingsrutine-gjennomgang':
      return d.varslingRoutine === 'required';
    // row 4: a VO (incl. 1–4 without agreement) or the alternative arrangement exists
    case 'vernerunde-kvartalsvis':
      return d.verneombud !== 'not-applicable' && vernerundeQuarterly(p, d);
    case 'vernerunde-arlig':
      return d.verneombud !== 'not-applicable' && !vernerundeQuarterly(p, d);
    // row 9
    case 'vo-valg':
      return voMustBeElected(d.verneombud);
    // row 10
    case 'vo-alternativ-fornyelse':
      return d.verneombud === 'alternative-agreement';
    // row 11
    case 'vo-amu-opplaering':
      return d.voAmuTraining40h === 'required';
    // rows 5–8: AMU required (the profile has no "established anyway" field)
    case 'amu-moter':
    case 'amu-arsrapport':
    case 'amu-ledervalg':
    case 'amu-valg':
      return d.amu === 'required';
    // row 16: ≥ 5 employees (optional below)
    case 'ia-agenda-halvar':
      return n >= IA_AGENDA_FROM;
    // row 17
    case 'stoffkartotek-gjennomgang':
      return d.stoffkartotek === 'required';
    // row 18
    case 'eksponeringsregister-kontroll':
      return d.exposureRegister === 'required';
    // row 20
    case 'natt-helsekontroll':
      return d.nightWorkHealthCheck === 'required';
    // row 24: > 1 verneområde and a VO must be elected
    case 'verneomrader-gjennomgang':
      return voMustBeElected(d.verneombud) && p.verneomraader > 1;
  }
}

/** The sorted keys of the recurring årshjul rows the profile generates. */
function arshjulKeys(p: CompanyProfile, d: DutiesWithoutArshjul): ArshjulKey[] {
  const keys: ArshjulKey[] = [];
  // ARSHJUL_KEYS is sorted (a test checks it), so the result is too.
  for (const key of ARSHJUL_KEYS) if (arshjulApplies(key, p, d)) keys.push(key);
  return keys;
}

/** The duties that follow from a (validated) company profile. */
export function derivePlikter(profile: CompanyProfile): Duties {
  const n = profile.employeesTotal;
  const ik = internkontroll(n);
  const leader = leaderHmsTraining(n);
  const injury = injuryRegister(n);
  const sick = sickLeaveStatistics(n);
  const vo = verneombud(profile);
  const hvo = hovedverneombud(profile, vo.status);
  const amuRule = amu(profile);
  const bhtRule = bht(profile);
  const varsling = varslingRoutine(n);
  const stoff = stoffkartotek(profile);
  const exposure = exposureRegister(profile);
  const training = voAmuTraining(vo.status, amuRule.status);
  const night = nightWorkHealthCheck(profile);
  const bhtPlan = bhtPlanAndAnnualReport(n, bhtRule.status);
  const amuReport = amuAnnualReport(n, amuRule.status);

  const duties: Duties = {
    internkontroll: ik.status,
    ikWrittenPoints: ik.status === 'required' ? [...IK_WRITTEN_POINTS] : [],
    leaderHmsTraining: leader.status,
    injuryRegister: injury.status,
    sickLeaveStatistics: sick.status,
    verneombud: vo.status,
    hovedverneombud: hvo.status,
    amu: amuRule.status,
    amuBasis: profile.employeesAvg20hLastYear,
    bht: bhtRule.status,
    bhtMatchedListEntry: bhtRule.entry,
    varslingRoutine: varsling.status,
    stoffkartotek: stoff.status,
    exposureRegister: exposure.status,
    exposureRegisterRetentionYears: exposure.retentionYears,
    voAmuTraining40h: training.status,
    nightWorkHealthCheck: night.status,
    bhtPlanAndAnnualReport: bhtPlan.status,
    amuAnnualReport: amuReport.status,
    arshjul: [],
    reasons: {
      internkontroll: ik.reason,
      leaderHmsTraining: leader.reason,
      injuryRegister: injury.reason,
      sickLeaveStatistics: sick.reason,
      verneombud: vo.reason,
      hovedverneombud: hvo.reason,
      amu: amuRule.reason,
      bht: bhtRule.reason,
      varslingRoutine: varsling.reason,
      stoffkartotek: stoff.reason,
      exposureRegister: exposure.reason,
      voAmuTraining40h: training.reason,
      nightWorkHealthCheck: night.reason,
      bhtPlanAndAnnualReport: bhtPlan.reason,
      amuAnnualReport: amuReport.reason,
    },
  };
  duties.arshjul = arshjulKeys(profile, duties);
  return duties;
}
