/**
 * Retention of sick-leave data (GDPR art. 5 (1) e: kept no longer than needed; the periods are product decisions), per case:
 * - every case (the engine's oppfølgingstilfelle, §11.1) that ended more than N months ago
 *   (N = the organisation's `retention_months`, default 12) is deleted: its periods (deleted ones
 *   too) with their change history, milestone and task records, AGP overrides, the routine version
 *   it was pinned to, its reminders and their e-mail records, and its documents — also when the
 *   employee has a newer case, which stays complete. When no period ended on or after the cut-off,
 *   everything goes, the follow-up row too;
 * - egenmelding history older than 12 months is deleted too, unless it belongs to a case that is
 *   still kept (deleting it would move that case's start and deadlines);
 * - nothing is deleted for an employee on whom HR placed a documented hold.
 * Every deletion is logged: one audit entry per employee and kind of record, with the count and the
 * rule — never the content. The audit entries have no user (`actor_user_id` null, roles `system`).
 *
 * DECISION (what a newer case depends on, §11.9 against ftrl § 8-12 and § 8-19): cases are
 * separated by 16 non-sick days (§11.1), so deleting an older case never moves the start, end or
 * status of a newer one, and its deadlines (S + 7N − 1, §11.3) do not change. Two derived values can
 * still reach back:
 * - maksdato (and the AAP reminder, maksdato − 84 days): ftrl § 8-12 (1) counts the sykepengedager
 *   of earlier cases in the 3 years before the case start, unless 26 weeks (182 days) without sick
 *   days came between (§ 8-12 (2)). Deleting those days would move the newer case's maksdato later —
 *   the unsafe direction, since the employer would plan with sick pay that may already be used up;
 * - the arbeidsgiverperiode: § 8-19 (3) / helse-spleis counts opphold days differently from the
 *   case rule (fridager after a complete AGP are not opphold), so in rare cases an AGP runs on into
 *   the next case, and the newer case has no AGP of its own.
 * So the rule recomputes the newer cases without the older ones and deletes only the longest run of
 * older cases whose removal leaves every newer case's derivation (cases, AGPs, the follow-up with
 * its milestones and maksdato) exactly as it was. The periods of an older case that the newer case
 * depends on are kept — only dates, type and grade, which § 8-12 needs — together with its AGP
 * override; everything else about it (records, tasks, documents, reminders, the change history) is
 * deleted on time. The kept periods go by themselves on a later run, once the dependency ends (a
 * 26-week gap, the 3-year window passing, or the newer case being deleted in its turn). This keeps
 * what the law makes the newer case depend on, and nothing more.
 *
 * `decideRetention` is the pure rule (here); `runRetention` (src/modules/sykefravaer/retention.ts)
 * applies it, one transaction per employee with the follow-up row locked and the decision re-made inside.
 */
import { addMonths, type IsoDate } from '../calendar/index.ts';
import { EGENMELDING_VINDU_MANEDER } from './constants.ts';
import { computePlan } from './stored-case.ts';
import type { PeriodType, PlanOutput } from './types.ts';

/** Egenmelding history is kept for the rolling 12 months the policy looks at (§11.7, §11.9). */
export const EGENMELDING_RETENTION_MONTHS = EGENMELDING_VINDU_MANEDER;

export interface RetentionPeriod {
  id: string;
  type: PeriodType;
  start: IsoDate;
  end: IsoDate;
  grade: number | null;
  avventende: boolean;
  deleted: boolean;
}

export interface RetentionInput {
  today: IsoDate;
  retentionMonths: number;
  hold: boolean;
  periods: readonly RetentionPeriod[];
  /** The employer's AGP ends (they change which days are sykepengedager, so the newer case's maksdato). */
  agpOverrides?: readonly { caseStart: IsoDate; end: IsoDate }[] | undefined;
  birthDate?: IsoDate | null | undefined;
}

export interface RetentionDecision {
  /** Delete all the employee's case data (no period ended on or after the cut-off). */
  deleteAll: boolean;
  /**
   * Otherwise, when cases ended before the cut-off: the follow-up data keyed by a case start before
   * this day goes (milestone and task records, routine pin, documents, reminders). It is the start of
   * the first kept case, or the cut-off when no case is kept. Null: no case ended before the cut-off.
   */
  caseDataBefore: IsoDate | null;
  /** Periods deleted with their ended case (soft-deleted ones among them too). */
  casePeriodIds: string[];
  /** Periods of ended cases kept because a newer case's derivation depends on them (their history goes). */
  retainedPeriodIds: string[];
  /** AGP overrides (by case start) deleted with their case. */
  overrideCaseStarts: IsoDate[];
  /** Egenmelding periods older than 12 months, not in a kept case (EGENMELDING_RULE). */
  egenmeldingPeriodIds: string[];
}

export function caseRule(months: number): string {
  return `retention: ${months} months after case end`;
}
export const EGENMELDING_RULE = `retention: egenmelding older than ${EGENMELDING_RETENTION_MONTHS} months`;

const NOTHING: RetentionDecision = {
  deleteAll: false,
  caseDataBefore: null,
  casePeriodIds: [],
  retainedPeriodIds: [],
  overrideCaseStarts: [],
  egenmeldingPeriodIds: [],
};

/** What the engine derives for the cases from `from` on: the part that deleting older cases must not change. */
function derivationFrom(plan: PlanOutput, from: IsoDate): string {
  return JSON.stringify({
    cases: plan.cases.filter((c) => c.start >= from),
    arbeidsgiverperioder: plan.arbeidsgiverperioder.filter((a) => a.end >= from),
    followUp: plan.followUp,
  });
}

/** The pure rule of §11.9 for one employee (see the DECISION above). */
export function decideRetention(input: RetentionInput): RetentionDecision {
  if (input.hold) return NOTHING;
  const caseCutoff = addMonths(input.today, -input.retentionMonths);
  let lastEnd: IsoDate | null = null;
  for (const p of input.periods) if (lastEnd === null || p.end > lastEnd) lastEnd = p.end;
  // No period, or the last one ended more than N months ago: every case ended, nothing newer came.
  if (lastEnd === null || lastEnd < caseCutoff) return { ...NOTHING, deleteAll: true };

  const live = input.periods.filter((p) => !p.deleted);
  const overrides = input.agpOverrides ?? [];
  const planOf = (periods: readonly RetentionPeriod[], agpOverrides: typeof overrides) =>
    computePlan({ periods, birthDate: input.birthDate ?? null, agpOverrides, dialogmote2: null });
  const full = planOf(live, overrides);
  const cases = full.cases;
  // Cases are in date order and disjoint: those that ended before the cut-off are a prefix.
  let ended = 0;
  while (ended < cases.length && (cases[ended]?.end ?? '') < caseCutoff) ended++;
  const firstKept = cases[ended];
  // A period goes with the ended cases before `before` (the start of the first case that stays) when
  // it ended before the cut-off too: a period reaching into a kept case stays with it.
  const goesBefore = (p: RetentionPeriod, before: IsoDate | undefined) =>
    p.end < caseCutoff && (before === undefined || p.end < before);

  let casePeriodIds: string[] = [];
  let retainedPeriodIds: string[] = [];
  let overrideCaseStarts: IsoDate[] = [];
  let caseDataBefore: IsoDate | null = null;
  if (ended > 0) {
    // The longest run of ended cases whose removal leaves the newer cases' derivation unchanged.
    let removed = ended;
    if (firstKept !== undefined) {
      const target = derivationFrom(full, firstKept.start);
      for (; removed > 0; removed--) {
        const before = cases[removed]?.start;
        const without = planOf(
          live.filter((p) => !goesBefore(p, before)),
          overrides.filter((o) => before === undefined || o.caseStart >= before),
        );
        if (derivationFrom(without, firstKept.start) === target) break;
      }
    }
    const boundary = cases[removed]?.start;
    const keptStart = firstKept?.start;
    casePeriodIds = input.periods
      .filter((p) => goesBefore(p, boundary) || (p.deleted && goesBefore(p, keptStart)))
      .map((p) => p.id);
    retainedPeriodIds = live
      .filter((p) => goesBefore(p, keptStart) && !goesBefore(p, boundary))
      .map((p) => p.id);
    overrideCaseStarts = overrides
      .filter((o) => o.caseStart < (boundary ?? caseCutoff))
      .map((o) => o.caseStart);
    caseDataBefore = keptStart ?? caseCutoff;
  }

  const egenCutoff = addMonths(input.today, -EGENMELDING_RETENTION_MONTHS);
  const gone = new Set(casePeriodIds);
  const retained = new Set(retainedPeriodIds);
  const egenmeldingPeriodIds: string[] = [];
  for (const p of input.periods) {
    if (p.type !== 'egenmelding' || p.end >= egenCutoff || gone.has(p.id)) continue;
    // A kept case: one that contains the egenmelding and ended N months ago or later; or an ended
    // case a newer one depends on.
    const kept =
      retained.has(p.id) ||
      (!p.deleted && cases.some((c) => c.start <= p.end && c.end >= p.start && c.end >= caseCutoff));
    if (!kept) egenmeldingPeriodIds.push(p.id);
  }
  return {
    deleteAll: false,
    caseDataBefore,
    casePeriodIds,
    retainedPeriodIds,
    overrideCaseStarts,
    egenmeldingPeriodIds,
  };
}
