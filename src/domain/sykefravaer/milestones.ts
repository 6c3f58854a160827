/**
 * The follow-up milestones of the latest case (aml § 4-6, ftrl § 8-7 a and § 8-8).
 * Each rule is a small function of the case (S = its first day, E = its last day).
 */
import { type DayNumber, fromDayNumber } from '../calendar/index.ts';
import {
  AAP_DAGER_FOR_MAKSDATO,
  AKTIVITETSPLIKT_MIN_SYKEDAGER,
  AKTIVITETSPLIKT_UKER,
  DAGER_PER_UKE,
  DIALOGMOTE1_UKER,
  DIALOGMOTE2_KANDIDAT_DAG,
  DIALOGMOTE2_UKER,
  MOTEBEHOV_FRA_DAG,
  MOTEBEHOV_TIL_DAG,
  OPPFOLGINGSPLAN_TIL_NAV_DAGER_FOR_MOTET,
  OPPFOLGINGSPLAN_UKER,
  PAAMINNELSE_DAGER_FOR,
} from './constants.ts';
import * as explain from './explanations.ts';
import type { MaksdatoResult } from './maksdato.ts';
import type { CaseSpan } from './oppfolgingstilfelle.ts';
import type { IsoDate, Milestone, MilestoneKey, MilestoneStatus, Text } from './types.ts';

export const LEGAL_BASIS: Record<MilestoneKey, string> = {
  oppfolgingsplan: 'aml § 4-6 (3)',
  dialogmote1: 'aml § 4-6 (4)',
  aktivitetsplikt: 'ftrl § 8-8 (2)',
  motebehov: 'ftrl § 8-7a',
  oppfolgingsplanTilNav: 'aml § 4-6 (3)',
  dialogmote2: 'ftrl § 8-7a',
  aap: 'ftrl kap. 11',
  maksdato: 'ftrl § 8-12',
  oppsigelsesvern: 'aml § 15-8 (1)',
};

/** §11.3: `due(N) = S + 7·N − 1`, the last calendar day of week N (day 1 = S); never moved for weekends. */
export function due(caseStart: DayNumber, weeks: number): DayNumber {
  return caseStart + DAGER_PER_UKE * weeks - 1;
}

/** aml § 4-6 (3): the plan is required when the absence reaches 4 weeks (E ≥ due(4)). */
export function oppfolgingsplanStatus(c: CaseSpan): MilestoneStatus {
  return c.end >= due(c.start, OPPFOLGINGSPLAN_UKER) ? 'required' : 'not-required';
}

/**
 * aml § 4-6 (4): dialogmøte 1 by 7 weeks. Required when the case reaches due(7) and has a 100 % or
 * egenmelding day ("helt borte"); conditional when every sick day is graded; else not required.
 */
export function dialogmote1Status(c: CaseSpan): MilestoneStatus {
  if (c.end < due(c.start, DIALOGMOTE1_UKER)) return 'not-required';
  return c.hasFullDay ? 'required' : 'conditional';
}

/**
 * ftrl § 8-8 (2): activity by 8 weeks. isaktivitetskrav: only for cases with ≥ 56 sick days;
 * a case graded on its last day counts as met (AUTOMATISK_OPPFYLT).
 */
export function aktivitetspliktStatus(c: CaseSpan): MilestoneStatus {
  if (c.sickDays < AKTIVITETSPLIKT_MIN_SYKEDAGER) return 'not-required';
  return c.gradertAtEnd ? 'met-graded' : 'required';
}

/** ftrl § 8-7a: NAV's dialogmøte 2 candidate day is S+119 (isdialogmotekandidat). */
export function dialogmote2Status(c: CaseSpan): MilestoneStatus {
  return c.end >= c.start + DIALOGMOTE2_KANDIDAT_DAG ? 'required' : 'not-required';
}

/**
 * aml § 4-6 (3) last sentence: the updated plan goes to NAV one week before dialogmøte 2 — due(26) − 7,
 * or the meeting date − 7 once known. DECISION: a meeting date that would put the due date before
 * the case start is clamped to the case start.
 */
export function oppfolgingsplanTilNavDue(c: CaseSpan, meeting: DayNumber | null): DayNumber {
  const meetingDay = meeting ?? due(c.start, DIALOGMOTE2_UKER);
  return Math.max(c.start, meetingDay - OPPFOLGINGSPLAN_TIL_NAV_DAGER_FOR_MOTET);
}

/**
 * §11.4 `aap`: maksdato − 84 days. DECISION: never before the case start (when the sykepengedager
 * were nearly or wholly used up before the case began, the reminder is due at once).
 */
export function aapDue(caseStart: DayNumber, maksdato: DayNumber): DayNumber {
  return Math.max(caseStart, maksdato - AAP_DAGER_FOR_MAKSDATO);
}

/** §11.6: reminders 14 days before and on the due date, only for `required` and `conditional`. */
export function reminders(status: MilestoneStatus, dueDay: DayNumber | null): IsoDate[] {
  if (dueDay === null || (status !== 'required' && status !== 'conditional')) return [];
  return [fromDayNumber(dueDay - PAAMINNELSE_DAGER_FOR), fromDayNumber(dueDay)];
}

function milestone(
  key: MilestoneKey,
  dueDay: DayNumber | null,
  status: MilestoneStatus,
  explanation: Text,
  from?: DayNumber,
): Milestone {
  const m: Milestone =
    from === undefined
      ? {
          key,
          due: dueDay === null ? null : fromDayNumber(dueDay),
          status,
          reminders: reminders(status, dueDay),
          legalBasis: LEGAL_BASIS[key],
          explanation,
        }
      : {
          key,
          from: fromDayNumber(from),
          due: dueDay === null ? null : fromDayNumber(dueDay),
          status,
          reminders: reminders(status, dueDay),
          legalBasis: LEGAL_BASIS[key],
          explanation,
        };
  return m;
}

export interface MilestoneContext {
  latest: CaseSpan;
  maks: MaksdatoResult;
  oppsigelsesvernTil: DayNumber;
  dialogmote2Date: DayNumber | null;
}

/** §11.4: exactly one milestone per key, in the order of the table. */
export function buildMilestones(ctx: MilestoneContext): Milestone[] {
  const c = ctx.latest;
  const S = c.start;
  const planDue = due(S, OPPFOLGINGSPLAN_UKER);
  const planStatus = oppfolgingsplanStatus(c);
  const dm1Due = due(S, DIALOGMOTE1_UKER);
  const dm1Status = dialogmote1Status(c);
  const aktDue = due(S, AKTIVITETSPLIKT_UKER);
  const aktStatus = aktivitetspliktStatus(c);
  const mbFrom = S + MOTEBEHOV_FRA_DAG;
  const mbTo = S + MOTEBEHOV_TIL_DAG;
  const dm2Due = due(S, DIALOGMOTE2_UKER);
  const dm2Status = dialogmote2Status(c);
  const tilNavDue = oppfolgingsplanTilNavDue(c, ctx.dialogmote2Date);
  const maksdato = ctx.maks.maksdato;
  const aap = maksdato === null ? null : aapDue(S, maksdato);
  return [
    milestone('oppfolgingsplan', planDue, planStatus, explain.oppfolgingsplan(c, planDue, planStatus)),
    milestone('dialogmote1', dm1Due, dm1Status, explain.dialogmote1(c, dm1Due, dm1Status)),
    milestone('aktivitetsplikt', aktDue, aktStatus, explain.aktivitetsplikt(c, aktDue, aktStatus)),
    milestone('motebehov', mbTo, 'informational', explain.motebehov(mbFrom, mbTo), mbFrom),
    milestone(
      'oppfolgingsplanTilNav',
      tilNavDue,
      dm2Status,
      explain.oppfolgingsplanTilNav(
        c,
        tilNavDue,
        dm2Status,
        ctx.dialogmote2Date ?? dm2Due,
        ctx.dialogmote2Date !== null,
      ),
    ),
    milestone('dialogmote2', dm2Due, dm2Status, explain.dialogmote2(c, dm2Due, dm2Status)),
    milestone('aap', aap, 'informational', explain.aap(aap, maksdato)),
    milestone('maksdato', maksdato, 'informational', explain.maksdato(c, ctx.maks)),
    milestone(
      'oppsigelsesvern',
      ctx.oppsigelsesvernTil,
      'informational',
      explain.oppsigelsesvern(S, ctx.oppsigelsesvernTil),
    ),
  ];
}
