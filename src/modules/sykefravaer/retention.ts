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
 * `decideRetention` is the pure rule; `runRetention` applies it, one transaction per employee with
 * the follow-up row locked and the decision re-made inside, so a period registered meanwhile wins.
 * Running it twice deletes nothing more (idempotent), as the job runner requires.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { IsoDateSchema } from '../../contracts/common.ts';
import type { Database } from '../../db/schema.ts';
import { addMonths, type IsoDate } from '../../domain/calendar/index.ts';
import {
  EGENMELDING_VINDU_MANEDER,
  type PeriodType,
  type PlanOutput,
} from '../../domain/sykefravaer/index.ts';
import { enqueue } from '../../jobs/index.ts';
import { osloToday } from '../../platform/clock.ts';
import { defineJob } from '../../platform/jobs.ts';
import type { CaseEraser, CaseSelection, JobDeps } from '../../platform/module.ts';
import { computePlan } from './case.ts';
import { loadSettings } from './settings.ts';

export const RETENTION_JOB = 'sykefravaer.retention';

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

export interface RetentionSummary {
  employees: number;
  deleted: Record<string, number>;
}

async function writeSystemAudit(
  trx: Transaction<Database>,
  organisationId: string,
  employeeId: string,
  record: string,
  count: number,
  rule: string,
): Promise<void> {
  if (count === 0) return;
  // The job acts for no user; `writeAudit` needs one, so the row is written here.
  await trx
    .insertInto('audit_log')
    .values({
      organisation_id: organisationId,
      actor_user_id: null,
      actor_roles: 'system',
      action: 'delete',
      entity_type: 'sick_case',
      entity_id: employeeId,
      detail: JSON.stringify({ record, count, rule }),
    })
    .execute();
}

function addCounts(counts: Record<string, number>, more: Record<string, number>): void {
  for (const [kind, n] of Object.entries(more)) if (n > 0) counts[kind] = (counts[kind] ?? 0) + n;
}

/** Applies §11.9 to one employee, inside its own transaction. Returns the counts deleted per kind. */
async function retainEmployee(
  db: Kysely<Database>,
  organisationId: string,
  employeeId: string,
  today: IsoDate,
  retentionMonths: number,
  erasers: readonly CaseEraser[],
): Promise<Record<string, number>> {
  /** The other modules' data about these cases (documents, actions, reminders) goes in the same transaction. */
  const eraseOthers = async (
    trx: Transaction<Database>,
    cases: CaseSelection,
    remindersBefore: IsoDate,
  ): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const eraser of erasers) {
      addCounts(counts, await eraser.erase(trx, { organisationId, employeeId, cases, remindersBefore }));
    }
    return counts;
  };
  return db.transaction().execute(async (trx) => {
    const counts: Record<string, number> = {};
    const followup = await trx
      .selectFrom('sykefravaer_followup')
      .select(['retention_hold', 'dialogmote2_case_start'])
      .where('organisation_id', '=', organisationId)
      .where('employee_id', '=', employeeId)
      .forUpdate()
      .executeTakeFirst();
    if (!followup || followup.retention_hold) return counts;
    const rows = await trx
      .selectFrom('absence_period')
      .select(['id', 'type', 'start_date', 'end_date', 'grade', 'avventende', 'deleted_at'])
      .where('organisation_id', '=', organisationId)
      .where('employee_id', '=', employeeId)
      .execute();
    const overrides = await trx
      .selectFrom('sykefravaer_agp_override')
      .select(['case_start', 'end_date'])
      .where('organisation_id', '=', organisationId)
      .where('employee_id', '=', employeeId)
      .orderBy('case_start')
      .execute();
    const employee = await trx
      .selectFrom('employee')
      .select('birth_date')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', employeeId)
      .executeTakeFirst();
    const decision = decideRetention({
      today,
      retentionMonths,
      hold: false,
      periods: rows.map((r) => ({
        id: r.id,
        type: r.type,
        start: r.start_date,
        end: r.end_date,
        grade: r.grade,
        avventende: r.avventende,
        deleted: r.deleted_at !== null,
      })),
      agpOverrides: overrides.map((o) => ({ caseStart: o.case_start, end: o.end_date })),
      birthDate: employee?.birth_date ?? null,
    });
    const caseCutoff = addMonths(today, -retentionMonths);
    const rule = caseRule(retentionMonths);
    if (decision.deleteAll) {
      const history = await trx
        .deleteFrom('absence_period_history')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .executeTakeFirst();
      const periods = await trx
        .deleteFrom('absence_period')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .executeTakeFirst();
      const records = await trx
        .deleteFrom('milestone_record')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .executeTakeFirst();
      const overridesDeleted = await trx
        .deleteFrom('sykefravaer_agp_override')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .executeTakeFirst();
      const tasks = await trx
        .deleteFrom('task_record')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .executeTakeFirst();
      const pins = await trx
        .deleteFrom('rutine_case')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .executeTakeFirst();
      const row = await trx
        .deleteFrom('sykefravaer_followup')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .executeTakeFirst();
      counts.absence_period = Number(periods.numDeletedRows);
      counts.absence_period_history = Number(history.numDeletedRows);
      counts.milestone_record = Number(records.numDeletedRows);
      counts.agp_override = Number(overridesDeleted.numDeletedRows);
      counts.task_record = Number(tasks.numDeletedRows);
      counts.rutine_case = Number(pins.numDeletedRows);
      counts.sykefravaer_followup = Number(row.numDeletedRows);
      // The case's documents (plans, meetings, minutes, letters) and reminders are case data too (§11.9).
      addCounts(counts, await eraseOthers(trx, { kind: 'all' }, caseCutoff));
      for (const [record, count] of Object.entries(counts)) {
        await writeSystemAudit(trx, organisationId, employeeId, record, count, rule);
      }
      return counts;
    }

    const before = decision.caseDataBefore;
    if (before !== null) {
      // The ended cases (§11.9 per case); a newer case stays complete.
      const caseCounts: Record<string, number> = {};
      const historyIds = [...decision.casePeriodIds, ...decision.retainedPeriodIds];
      if (historyIds.length > 0) {
        const history = await trx
          .deleteFrom('absence_period_history')
          .where('organisation_id', '=', organisationId)
          .where('period_id', 'in', historyIds)
          .executeTakeFirst();
        caseCounts.absence_period_history = Number(history.numDeletedRows);
      }
      if (decision.casePeriodIds.length > 0) {
        const periods = await trx
          .deleteFrom('absence_period')
          .where('organisation_id', '=', organisationId)
          .where('id', 'in', decision.casePeriodIds)
          .executeTakeFirst();
        caseCounts.absence_period = Number(periods.numDeletedRows);
      }
      const records = await trx
        .deleteFrom('milestone_record')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .where('case_start', '<', before)
        .executeTakeFirst();
      caseCounts.milestone_record = Number(records.numDeletedRows);
      if (decision.overrideCaseStarts.length > 0) {
        const overridesDeleted = await trx
          .deleteFrom('sykefravaer_agp_override')
          .where('organisation_id', '=', organisationId)
          .where('employee_id', '=', employeeId)
          .where('case_start', 'in', decision.overrideCaseStarts)
          .executeTakeFirst();
        caseCounts.agp_override = Number(overridesDeleted.numDeletedRows);
      }
      const tasks = await trx
        .deleteFrom('task_record')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .where('case_start', '<', before)
        .executeTakeFirst();
      caseCounts.task_record = Number(tasks.numDeletedRows);
      const pins = await trx
        .deleteFrom('rutine_case')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', employeeId)
        .where('case_start', '<', before)
        .executeTakeFirst();
      caseCounts.rutine_case = Number(pins.numDeletedRows);
      if (followup.dialogmote2_case_start !== null && followup.dialogmote2_case_start < before) {
        // NAV's dialogmøte 2 date of an ended case.
        await trx
          .updateTable('sykefravaer_followup')
          .set({ dialogmote2_case_start: null, dialogmote2_date: null })
          .where('organisation_id', '=', organisationId)
          .where('employee_id', '=', employeeId)
          .execute();
        caseCounts.dialogmote2_date = 1;
      }
      addCounts(
        caseCounts,
        await eraseOthers(
          trx,
          { kind: 'before', caseStart: before },
          caseCutoff < before ? caseCutoff : before,
        ),
      );
      for (const [record, count] of Object.entries(caseCounts)) {
        await writeSystemAudit(trx, organisationId, employeeId, record, count, rule);
      }
      addCounts(counts, caseCounts);
    }

    if (decision.egenmeldingPeriodIds.length > 0) {
      const ids = decision.egenmeldingPeriodIds;
      const history = await trx
        .deleteFrom('absence_period_history')
        .where('organisation_id', '=', organisationId)
        .where('period_id', 'in', ids)
        .executeTakeFirst();
      const periods = await trx
        .deleteFrom('absence_period')
        .where('organisation_id', '=', organisationId)
        .where('id', 'in', ids)
        .executeTakeFirst();
      const egenCounts = {
        absence_period: Number(periods.numDeletedRows),
        absence_period_history: Number(history.numDeletedRows),
      };
      for (const [record, count] of Object.entries(egenCounts)) {
        await writeSystemAudit(trx, organisationId, employeeId, record, count, EGENMELDING_RULE);
      }
      addCounts(counts, egenCounts);
    }
    return counts;
  });
}

/**
 * Runs §11.9 for one organisation or all. Candidates come from one aggregate query per organisation
 * (no hold, and no period at all, or some period ended before the cut-off — an ended case may be
 * among them — or an old egenmelding exists); each is then decided and deleted in its own transaction.
 */
export async function runRetention(
  db: Kysely<Database>,
  options: {
    today: IsoDate;
    organisationId?: string | undefined;
    /** Every module's retention hooks (`registry.caseErasers`): the case's documents, actions, reminders. */
    erasers: readonly CaseEraser[];
  },
): Promise<RetentionSummary> {
  const { today } = options;
  const organisations =
    options.organisationId !== undefined
      ? [options.organisationId]
      : (
          await db
            .selectFrom('sykefravaer_followup')
            .select('organisation_id')
            .distinct()
            .orderBy('organisation_id')
            .execute()
        ).map((r) => r.organisation_id);
  const summary: RetentionSummary = { employees: 0, deleted: {} };
  const egenCutoff = addMonths(today, -EGENMELDING_RETENTION_MONTHS);
  for (const organisationId of organisations) {
    const { retentionMonths } = await loadSettings(db, organisationId);
    const caseCutoff = addMonths(today, -retentionMonths);
    const candidates = await db
      .selectFrom('sykefravaer_followup as f')
      .leftJoin('absence_period as p', (j) =>
        j.onRef('p.organisation_id', '=', 'f.organisation_id').onRef('p.employee_id', '=', 'f.employee_id'),
      )
      .select('f.employee_id')
      .where('f.organisation_id', '=', organisationId)
      .where('f.retention_hold', '=', false)
      .groupBy('f.employee_id')
      .having(
        sql<boolean>`max(p.end_date) is null or min(p.end_date) < ${caseCutoff}::date
          or bool_or(p.type = 'egenmelding' and p.end_date < ${egenCutoff}::date)`,
      )
      .orderBy('f.employee_id')
      .execute();
    for (const { employee_id } of candidates) {
      const counts = await retainEmployee(
        db,
        organisationId,
        employee_id,
        today,
        retentionMonths,
        options.erasers,
      );
      if (Object.values(counts).some((n) => n > 0)) summary.employees++;
      for (const [record, n] of Object.entries(counts))
        summary.deleted[record] = (summary.deleted[record] ?? 0) + n;
    }
  }
  return summary;
}

const RetentionPayloadSchema = z
  .object({ organisationId: z.uuid().optional(), today: IsoDateSchema.optional() })
  .strict();

/**
 * The retention job (`sykefravaer.retention`), payload `{ today?: 'YYYY-MM-DD', organisationId?: uuid }`
 * (default: the date in Norway when it runs, every organisation).
 */
export function retentionJob(deps: JobDeps) {
  return defineJob({
    kind: RETENTION_JOB,
    payload: RetentionPayloadSchema,
    async handle(input) {
      await runRetention(deps.db, {
        today: input.today ?? deps.today(),
        organisationId: input.organisationId,
        erasers: deps.caseErasers,
      });
    },
  });
}

/** Enqueues today's retention run (idempotent: one job per day, key `sykefravaer.retention:<date>`). */
export function scheduleRetention(db: Kysely<Database>, today: IsoDate = osloToday()) {
  return enqueue(db, { key: `${RETENTION_JOB}:${today}`, kind: RETENTION_JOB, payload: { today } });
}
