/**
 * The risk matrix and the rules of a risk's life — pure, `today` as a parameter.
 *
 * - aml § 3-1 (2) c and IK-f § 5 no. 6 (lovkrav): map hazards, assess the risk, make plans and
 *   measures, in writing.
 * - FOLM § 7-1 (lovkrav): assessed when work is planned and carried out, repeated regularly, at
 *   changes that may affect the risk and when equipment is bought; in cooperation with the
 *   employees; documented and kept so that it can be used later.
 * - The matrix itself is not law (no official size): a fixed 5 × 5 with the labels below, the three
 *   bands, residual risk and the documented acceptance are the product's decision (anbefalt),
 *   following Norwegian practice (Arbeidstilsynet's risikodiagram; NS 5814 fixes no matrix).
 */
import { addMonths, type IsoDate } from '../calendar/index.ts';

export type Text = { nb: string; en: string };

/** 1–5 on both axes, stored as numbers; the labels translate, the scale does not (anbefalt). */
export const SCALE = [1, 2, 3, 4, 5] as const;
export type Level = (typeof SCALE)[number];

export function isLevel(value: unknown): value is Level {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Probability: how often it can happen (anbefalt). */
export const PROBABILITY: Record<Level, { label: Text; hint: Text }> = {
  1: {
    label: { nb: 'Svært lite sannsynlig', en: 'Very unlikely' },
    hint: { nb: 'sjeldnere enn hvert 10. år', en: 'less often than every 10 years' },
  },
  2: {
    label: { nb: 'Lite sannsynlig', en: 'Unlikely' },
    hint: { nb: 'hvert 5.–10. år', en: 'every 5–10 years' },
  },
  3: { label: { nb: 'Mulig', en: 'Possible' }, hint: { nb: 'hvert 1.–5. år', en: 'every 1–5 years' } },
  4: {
    label: { nb: 'Sannsynlig', en: 'Likely' },
    hint: { nb: 'månedlig–årlig', en: 'monthly to yearly' },
  },
  5: {
    label: { nb: 'Svært sannsynlig', en: 'Very likely' },
    hint: { nb: 'månedlig eller oftere', en: 'monthly or more often' },
  },
};

/** Consequence for people (anbefalt). C = 4 includes what must be notified under aml § 5-2. */
export const CONSEQUENCE: Record<Level, { label: Text; hint: Text }> = {
  1: {
    label: { nb: 'Ubetydelig', en: 'Insignificant' },
    hint: { nb: 'ingen skade/plage', en: 'no injury or ailment' },
  },
  2: {
    label: { nb: 'Liten', en: 'Minor' },
    hint: { nb: 'førstehjelp, ikke fravær', en: 'first aid, no absence' },
  },
  3: {
    label: { nb: 'Moderat', en: 'Moderate' },
    hint: {
      nb: 'skade eller plage med fravær, uten varig mén',
      en: 'injury or ailment with absence, no lasting harm',
    },
  },
  4: {
    label: { nb: 'Alvorlig', en: 'Serious' },
    hint: {
      nb: 'alvorlig skade eller varig mén; meldepliktig etter aml § 5-2',
      en: 'serious injury or lasting harm; to be notified under aml § 5-2',
    },
  },
  5: {
    label: { nb: 'Svært alvorlig', en: 'Very serious' },
    hint: { nb: 'død eller flere alvorlig skadd', en: 'death or several seriously injured' },
  },
};

export const BANDS = ['lav', 'middels', 'hoy'] as const;
export type Band = (typeof BANDS)[number];

/** What each band means (anbefalt); colour is never the only carrier: the name is always shown. */
export const BAND_TEXT: Record<Band, { label: Text; colour: Text; meaning: Text }> = {
  lav: {
    label: { nb: 'Lav', en: 'Low' },
    colour: { nb: 'grønn', en: 'green' },
    meaning: { nb: 'Akseptabel, vurder enkle tiltak.', en: 'Acceptable; consider simple measures.' },
  },
  middels: {
    label: { nb: 'Middels', en: 'Medium' },
    colour: { nb: 'gul', en: 'yellow' },
    meaning: {
      nb: 'Tiltak skal planlegges med ansvarlig og frist.',
      en: 'Measures must be planned with an owner and a due date.',
    },
  },
  hoy: {
    label: { nb: 'Høy', en: 'High' },
    colour: { nb: 'rød', en: 'red' },
    meaning: {
      nb: 'Ikke akseptabel; tiltak før arbeidet fortsetter, eller straks.',
      en: 'Not acceptable; measures before the work goes on, or at once.',
    },
  },
};

export type Score = { p: Level; c: Level };

/** Risk = probability × consequence (1–25). */
export function riskValue(s: Score): number {
  return s.p * s.c;
}

const RANK: Record<Band, number> = { lav: 0, middels: 1, hoy: 2 };

export function bandRank(b: Band): number {
  return RANK[b];
}

/**
 * The band of a score (anbefalt): Lav 1–4, Middels 5–10, Høy 12–25; any consequence 5 is at least
 * Middels (death is never «acceptable, consider simple measures»).
 */
export function band(s: Score): Band {
  const v = riskValue(s);
  const byValue: Band = v >= 12 ? 'hoy' : v >= 5 ? 'middels' : 'lav';
  if (s.c === 5 && byValue === 'lav') return 'middels';
  return byValue;
}

/** The residual score counts once it is set; before that the initial one does. */
export function currentScore(risk: { initial: Score; residual: Score | null }): Score {
  return risk.residual ?? risk.initial;
}

/** How the residual risk compares with the initial: lower, same or higher band and value. */
export function residualChange(initial: Score, residual: Score | null): 'lower' | 'same' | 'higher' | 'none' {
  if (residual === null) return 'none';
  const a = riskValue(initial);
  const b = riskValue(residual);
  return b < a ? 'lower' : b > a ? 'higher' : 'same';
}

/** A leader's documented acceptance of a risk above the criteria (anbefalt). */
export type Acceptance = { name: string; date: IsoDate; reason: string };

export type ClosureCheck =
  | { ok: true; by: 'criteria' | 'acceptance' }
  | { ok: false; reason: 'needs-acceptance' | 'acceptance-incomplete'; message: Text };

/**
 * May a risk be closed? Only when the residual risk (the initial one when none is set) is at most
 * Middels, or with a documented acceptance by the responsible leader: name, date and reason, shown
 * to the verneombud (anbefalt; FOLM § 7-1 guidance: decide the acceptable level before assessing).
 */
export function closureCheck(
  risk: { initial: Score; residual: Score | null },
  acceptance: Partial<Acceptance> | null,
): ClosureCheck {
  if (bandRank(band(currentScore(risk))) <= RANK.middels) return { ok: true, by: 'criteria' };
  if (acceptance === null) {
    return {
      ok: false,
      reason: 'needs-acceptance',
      message: {
        nb: 'Restrisikoen er Høy. Risikoen kan lukkes først når tiltakene har fått den ned til Middels eller lavere, eller når ansvarlig leder har akseptert den skriftlig med navn, dato og begrunnelse.',
        en: 'The residual risk is High. The risk can be closed only when measures have brought it down to Medium or lower, or when the responsible leader has accepted it in writing with name, date and reason.',
      },
    };
  }
  const complete =
    (acceptance.name ?? '').trim() !== '' &&
    (acceptance.reason ?? '').trim() !== '' &&
    typeof acceptance.date === 'string' &&
    acceptance.date !== '';
  if (!complete) {
    return {
      ok: false,
      reason: 'acceptance-incomplete',
      message: {
        nb: 'En aksept av Høy restrisiko må ha navnet til ansvarlig leder, dato og begrunnelse.',
        en: 'An acceptance of a High residual risk needs the responsible leader’s name, a date and a reason.',
      },
    };
  }
  return { ok: true, by: 'acceptance' };
}

/** Reviewed yearly by default (anbefalt; FOLM § 7-1: "repeated regularly"). */
export const REVIEW_INTERVAL_MONTHS = 12;

/**
 * The next review of an assessment: a year after it was assessed (anbefalt), or sooner when a change
 * calls for it — a change of the work, new equipment, a serious avvik, a new chemical, a pregnancy
 * notice (FOLM § 7-1: at changes that may affect the risk, and when equipment is bought).
 */
export function nextReviewDate(assessedOn: IsoDate, sooner: readonly (IsoDate | null)[] = []): IsoDate {
  let next = addMonths(assessedOn, REVIEW_INTERVAL_MONTHS);
  for (const date of sooner) if (date !== null && date < next) next = date;
  return next;
}

/** Why a review is brought forward (FOLM § 7-1). */
export const REVIEW_TRIGGERS = [
  'endring',
  'nytt-utstyr',
  'alvorlig-avvik',
  'nytt-kjemikalie',
  'graviditet',
  'annet',
] as const;
export type ReviewTrigger = (typeof REVIEW_TRIGGERS)[number];

export const REVIEW_TRIGGER_TEXT: Record<ReviewTrigger, Text> = {
  endring: { nb: 'Endring i arbeidet eller organiseringen', en: 'A change in the work or its organisation' },
  'nytt-utstyr': { nb: 'Nye maskiner eller nytt utstyr', en: 'New machines or equipment' },
  'alvorlig-avvik': { nb: 'Et alvorlig avvik', en: 'A serious non-conformity' },
  'nytt-kjemikalie': { nb: 'Et nytt kjemikalie', en: 'A new chemical' },
  graviditet: { nb: 'Melding om graviditet', en: 'A pregnancy notice' },
  annet: { nb: 'Annet', en: 'Other' },
};

/** Due or overdue for review on `today`. */
export function reviewState(nextReview: IsoDate, today: IsoDate): 'current' | 'due-soon' | 'overdue' {
  if (nextReview < today) return 'overdue';
  if (nextReview <= addMonths(today, 1)) return 'due-soon';
  return 'current';
}

/**
 * The acceptance criteria are recorded once, before the first assessment (FOLM § 7-1 guidance from
 * Arbeidstilsynet: decide the acceptable risk level before assessing).
 */
export function mayAssess(criteria: { recordedOn: IsoDate } | null): boolean {
  return criteria !== null;
}

/** The default wording offered for the criteria: the bands above (the organisation may edit it). */
export const DEFAULT_CRITERIA: Text = {
  nb: 'Lav risiko (1–4) er akseptabel; vi vurderer enkle tiltak. Middels risiko (5–10) krever tiltak med ansvarlig og frist. Høy risiko (12–25) er ikke akseptabel: tiltak før arbeidet fortsetter, eller straks. En risiko med konsekvens 5 er alltid minst middels. Høy restrisiko kan bare aksepteres skriftlig av ansvarlig leder, med begrunnelse, og verneombudet skal se aksepten.',
  en: 'Low risk (1–4) is acceptable; we consider simple measures. Medium risk (5–10) needs measures with an owner and a due date. High risk (12–25) is not acceptable: measures before the work goes on, or at once. A risk with consequence 5 is always at least medium. A High residual risk can only be accepted in writing by the responsible leader, with a reason, and the safety representative sees the acceptance.',
};

/** The 25 cells, row by row from the top (consequence 5) so that a table reads like the picture. */
export function matrixCells(): Score[] {
  const cells: Score[] = [];
  for (const c of [5, 4, 3, 2, 1] as const) for (const p of SCALE) cells.push({ p, c });
  return cells;
}

/** Counts per cell of a set of scores, keyed `p-c`. */
export function countCells(scores: readonly Score[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of scores) counts.set(`${s.p}-${s.c}`, (counts.get(`${s.p}-${s.c}`) ?? 0) + 1);
  return counts;
}
