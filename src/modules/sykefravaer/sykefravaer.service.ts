/**
 * Reads and writes of one employee's sick-leave case.
 *
 * Optimistic concurrency: every write sends the `version` of the follow-up row it read (0 when the
 * employee had no sick-leave data yet). The write first moves the row from that version to the next
 * (`update … where version = $read`, or the insert of the row for version 0); if another write came
 * first nothing matches and the request gets 409 (`staleVersion`), with nothing written. The row
 * lock taken by that update also serialises concurrent writers on PostgreSQL.
 *
 * Every read of a case writes an audit entry (`read`, `sick_case`, employee id); every change writes
 * one with the kind of record changed (no content). The write routes answer with the updated case.
 */

import type { Kysely, Transaction } from 'kysely';
import type {
  CaseView,
  CreatePeriodRequest,
  UpdatePeriodRequest,
} from '../../contracts/sykefravaer/sykefravaer.schemas.ts';
import type { Database, Db } from '../../db/schema.ts';
import { addMonths, formatEnglishLong, formatNorwegian, type IsoDate } from '../../domain/calendar/index.ts';
import {
  type EgenmeldingResult,
  isExemptable,
  type MilestoneKey,
  milestoneStates,
  type PlanOutput,
  vurderEgenmelding,
} from '../../domain/sykefravaer/index.ts';
import type { Locale } from '../../i18n/locale.ts';
import { type AuditEntry, writeAudit } from '../../platform/audit.ts';
import type { CacheRegistry } from '../../platform/caches.ts';
import { osloToday } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, type FieldError, notFound, staleVersion } from '../../platform/errors.ts';
import { loadCurrentCases } from './batch.ts';
import { caseStatus, computePlan, gradeOn, recordsFor, toEnginePeriod } from './case.ts';
import { closeTasksWithEvidence, pinRoutine } from './rutine.repository.ts';
import { loadSettings } from './settings.ts';
import {
  type CaseEmployee,
  findCaseEmployee,
  loadCaseData,
  loadFollowup,
  loadOverrides,
  loadPeriods,
  ownEmployeeId,
  seesWholeOrganisation,
  userNames,
} from './sykefravaer.repository.ts';
import type { PeriodSource } from './sykefravaer.tables.ts';
import { buildCaseView, userIdsOf, userRefOf } from './view.ts';

/** What the services get from a request (`caches`: the app's read caches, when it keeps them). */
export type Ctx = { db: Kysely<Database>; actor: Actor; locale: Locale; caches?: CacheRegistry | null };
type Via = 'employer' | 'self';

/** A 400 naming the fields, in the same shape as zod's validation errors. */
export function fieldErrors(fields: FieldError[]): AppError {
  const first = fields[0]!;
  return new AppError(
    'VALIDATION_FAILED',
    {
      nb: `Ugyldig verdi i feltet «${first.path}»: ${first.message.nb}`,
      en: `Invalid value in field "${first.path}": ${first.message.en}`,
    },
    { fields },
  );
}

const field = (path: string, nb: string, en: string): FieldError => ({ path, message: { nb, en } });

// ---------------------------------------------------------------- reading

async function assembleCase(db: Db, actor: Actor, employee: CaseEmployee, locale: Locale): Promise<CaseView> {
  const data = await loadCaseData(db, actor.organisationId, employee.id);
  const names = await userNames(db, userIdsOf(data));
  const settings = await loadSettings(db, actor.organisationId);
  return buildCaseView({ employee, data, names, settings, today: osloToday(), locale });
}

/** One employee's case, audited as a read. */
export async function readCase(ctx: Ctx, employeeId: string, via: Via): Promise<CaseView> {
  const { db, actor } = ctx;
  const employee = await findCaseEmployee(db, actor, employeeId, via);
  await writeAudit(db, actor, { action: 'read', entityType: 'sick_case', entityId: employee.id });
  return assembleCase(db, actor, employee, ctx.locale);
}

/** The plan of the stored data as it is now (inside a write, after the version was claimed). */
export async function currentPlan(
  trx: Db,
  organisationId: string,
  employee: CaseEmployee,
): Promise<PlanOutput> {
  const periods = await loadPeriods(trx, organisationId, employee.id);
  const overrides = await loadOverrides(trx, organisationId, employee.id);
  const followup = await loadFollowup(trx, organisationId, employee.id);
  return computePlan({
    periods,
    birthDate: employee.birthDate,
    agpOverrides: overrides.map((o) => ({ caseStart: o.case_start, end: o.end_date })),
    dialogmote2:
      followup?.dialogmote2_case_start && followup.dialogmote2_date
        ? { caseStart: followup.dialogmote2_case_start, date: followup.dialogmote2_date }
        : null,
  });
}

// ---------------------------------------------------------------- writing

/** Moves the follow-up row from the version the client read to the next, or throws 409. */
export async function claimVersion(
  trx: Transaction<Database>,
  organisationId: string,
  employeeId: string,
  version: number,
): Promise<void> {
  if (version === 0) {
    const inserted = await trx
      .insertInto('sykefravaer_followup')
      .values({ organisation_id: organisationId, employee_id: employeeId, version: 1 })
      .onConflict((oc) => oc.columns(['organisation_id', 'employee_id']).doNothing())
      .returning('version')
      .executeTakeFirst();
    if (!inserted) throw staleVersion();
    return;
  }
  const updated = await trx
    .updateTable('sykefravaer_followup')
    .set({ version: version + 1, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', employeeId)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw staleVersion();
}

/** What a write did, for the audit log: the action and the kind of record (ids only, no content). */
type Change = { action: AuditEntry['action']; detail: NonNullable<AuditEntry['detail']> };

/**
 * The frame of every case write: scope check (404), version claim (409), the change, its audit
 * entry, and the updated case — in one transaction (a 400 from the change rolls the claim back).
 */
async function writeCase<T = CaseView>(
  ctx: Ctx,
  employeeId: string,
  version: number,
  via: Via,
  change: (trx: Transaction<Database>, employee: CaseEmployee) => Promise<Change>,
  result?: (view: CaseView) => T,
): Promise<T> {
  const { db, actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const employee = await findCaseEmployee(trx, actor, employeeId, via);
    await claimVersion(trx, actor.organisationId, employee.id, version);
    const { action, detail } = await change(trx, employee);
    await writeAudit(trx, actor, { action, entityType: 'sick_case', entityId: employee.id, detail });
    const view = await assembleCase(trx, actor, employee, ctx.locale);
    // The case follows the routine version in force at its first write (rutine.repository.ts).
    if (view.currentCase) await pinRoutine(trx, actor.organisationId, employee.id, view.currentCase.start);
    return result ? result(view) : (view as T);
  });
}

type PeriodValues = {
  type: CreatePeriodRequest['type'];
  start: IsoDate;
  end: IsoDate;
  grade: number | null;
  avventende: boolean;
};

/** Stored form: a grade only on a sykmelding that is not avventende; avventende only on a sykmelding. */
function normalise(
  input: Pick<CreatePeriodRequest, 'type' | 'start' | 'end' | 'grade' | 'avventende'>,
): PeriodValues {
  const sykmelding = input.type === 'sykmelding';
  const avventende = sykmelding && input.avventende === true;
  return {
    type: input.type,
    start: input.start,
    end: input.end,
    grade: sykmelding && !avventende ? (input.grade ?? null) : null,
    avventende,
  };
}

/** A period cannot start before the employment, more than a year ahead, or end more than two years ahead. */
function checkDates(employee: CaseEmployee, v: { start: IsoDate; end: IsoDate }, today: IsoDate): void {
  const fields: FieldError[] = [];
  if (v.start < employee.employmentStart) {
    fields.push(
      field(
        'start',
        `Perioden kan ikke starte før ansettelsen (${formatNorwegian(employee.employmentStart)}).`,
        `The period cannot start before the employment (${formatEnglishLong(employee.employmentStart)}).`,
      ),
    );
  }
  const latestStart = addMonths(today, 12);
  if (v.start > latestStart) {
    fields.push(
      field(
        'start',
        'Perioden kan ikke starte mer enn ett år fram i tid.',
        'The period cannot start more than one year ahead.',
      ),
    );
  }
  if (v.end > addMonths(today, 24)) {
    fields.push(
      field(
        'end',
        'Perioden kan ikke slutte mer enn to år fram i tid.',
        'The period cannot end more than two years ahead.',
      ),
    );
  }
  if (fields.length > 0) throw fieldErrors(fields);
}

async function insertPeriod(
  trx: Transaction<Database>,
  actor: Actor,
  employeeId: string,
  v: PeriodValues,
  source: PeriodSource,
): Promise<string> {
  const now = new Date();
  const row = await trx
    .insertInto('absence_period')
    .values({
      organisation_id: actor.organisationId,
      employee_id: employeeId,
      type: v.type,
      start_date: v.start,
      end_date: v.end,
      grade: v.grade,
      avventende: v.avventende,
      source,
      created_by: actor.userId,
      created_at: now,
      updated_by: actor.userId,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('absence_period_history')
    .values({
      organisation_id: actor.organisationId,
      period_id: row.id,
      employee_id: employeeId,
      change: 'create',
      reason: null,
      changed_by: actor.userId,
      changed_at: now,
      ...newValues(v),
    })
    .execute();
  return row.id;
}

function oldValues(v: PeriodValues) {
  return {
    old_type: v.type,
    old_start: v.start,
    old_end: v.end,
    old_grade: v.grade,
    old_avventende: v.avventende,
  };
}

function newValues(v: PeriodValues) {
  return {
    new_type: v.type,
    new_start: v.start,
    new_end: v.end,
    new_grade: v.grade,
    new_avventende: v.avventende,
  };
}

const periodNotFound = () => notFound({ nb: 'Fant ikke perioden.', en: 'Period not found.' });

async function findPeriod(
  trx: Transaction<Database>,
  organisationId: string,
  employeeId: string,
  periodId: string,
): Promise<PeriodValues> {
  const row = await trx
    .selectFrom('absence_period')
    .select(['type', 'start_date', 'end_date', 'grade', 'avventende'])
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', employeeId)
    .where('id', '=', periodId)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw periodNotFound();
  return {
    type: row.type,
    start: row.start_date,
    end: row.end_date,
    grade: row.grade,
    avventende: row.avventende,
  };
}

export function createPeriod(ctx: Ctx, employeeId: string, input: CreatePeriodRequest): Promise<CaseView> {
  return writeCase(ctx, employeeId, input.version, 'employer', async (trx, employee) => {
    const v = normalise(input);
    checkDates(employee, v, osloToday());
    const id = await insertPeriod(trx, ctx.actor, employee.id, v, 'employer');
    return { action: 'create', detail: { record: 'absence_period', id } };
  });
}

export function updatePeriod(
  ctx: Ctx,
  employeeId: string,
  periodId: string,
  input: UpdatePeriodRequest,
): Promise<CaseView> {
  return writeCase(ctx, employeeId, input.version, 'employer', async (trx, employee) => {
    const org = ctx.actor.organisationId;
    const old = await findPeriod(trx, org, employee.id, periodId);
    const v = normalise(input);
    checkDates(employee, v, osloToday());
    const now = new Date();
    await trx
      .updateTable('absence_period')
      .set({
        type: v.type,
        start_date: v.start,
        end_date: v.end,
        grade: v.grade,
        avventende: v.avventende,
        updated_by: ctx.actor.userId,
        updated_at: now,
      })
      .where('organisation_id', '=', org)
      .where('id', '=', periodId)
      .execute();
    await trx
      .insertInto('absence_period_history')
      .values({
        organisation_id: org,
        period_id: periodId,
        employee_id: employee.id,
        change: 'update',
        reason: input.reason,
        changed_by: ctx.actor.userId,
        changed_at: now,
        ...oldValues(old),
        ...newValues(v),
      })
      .execute();
    return { action: 'update', detail: { record: 'absence_period', id: periodId } };
  });
}

export function deletePeriod(
  ctx: Ctx,
  employeeId: string,
  periodId: string,
  input: { reason: string; version: number },
): Promise<CaseView> {
  return writeCase(ctx, employeeId, input.version, 'employer', async (trx, employee) => {
    const org = ctx.actor.organisationId;
    const old = await findPeriod(trx, org, employee.id, periodId);
    const now = new Date();
    await trx
      .updateTable('absence_period')
      .set({ deleted_at: now, deleted_by: ctx.actor.userId, delete_reason: input.reason })
      .where('organisation_id', '=', org)
      .where('id', '=', periodId)
      .execute();
    await trx
      .insertInto('absence_period_history')
      .values({
        organisation_id: org,
        period_id: periodId,
        employee_id: employee.id,
        change: 'delete',
        reason: input.reason,
        changed_by: ctx.actor.userId,
        changed_at: now,
        ...oldValues(old),
      })
      .execute();
    return { action: 'delete', detail: { record: 'absence_period', id: periodId } };
  });
}

function notCurrentCase(plan: PlanOutput): FieldError {
  const start = plan.followUp?.caseStart;
  return start === undefined
    ? field('caseStart', 'Den ansatte har ikke noe sykefravær nå.', 'The employee has no sick-leave case.')
    : field(
        'caseStart',
        `Ikke starten på det gjeldende sykefraværet (${formatNorwegian(start)}). Last siden på nytt.`,
        `Not the start of the current absence (${formatEnglishLong(start)}). Reload the page.`,
      );
}

/** Milestones that are dates to know, not things to do. */
const NOT_DOABLE: readonly MilestoneKey[] = ['maksdato', 'oppsigelsesvern'];

/**
 * Records a milestone of the current case as done or as an exception («åpenbart unødvendig»):
 * the case start must be the current case's (else 400 naming it), in one write with the version check.
 */
function recordMilestone(
  ctx: Ctx,
  employeeId: string,
  key: MilestoneKey,
  input: { caseStart: IsoDate; version: number },
  record: {
    kind: 'done' | 'exception';
    note: string | null;
    reason: string | null;
    evidenceRef: string | null;
    /** Routine tasks the evidence also fulfils, closed in the same write (`closeTasksWithEvidence`). */
    closesTasks?: { taskIds: readonly string[]; note: string } | undefined;
  },
  refuse: FieldError | null,
): Promise<CaseView> {
  return writeCase(ctx, employeeId, input.version, 'employer', async (trx, employee) => {
    if (refuse) throw fieldErrors([refuse]);
    const org = ctx.actor.organisationId;
    const plan = await currentPlan(trx, org, employee);
    if (plan.followUp?.caseStart !== input.caseStart) throw fieldErrors([notCurrentCase(plan)]);
    const row = await trx
      .insertInto('milestone_record')
      .values({
        organisation_id: org,
        employee_id: employee.id,
        case_start: input.caseStart,
        milestone_key: key,
        kind: record.kind,
        note: record.note,
        reason: record.reason,
        evidence_ref: record.evidenceRef,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const closed =
      record.closesTasks && record.evidenceRef && plan.followUp
        ? await closeTasksWithEvidence(trx, {
            organisationId: org,
            employeeId: employee.id,
            followUp: plan.followUp,
            taskIds: record.closesTasks.taskIds,
            evidenceRef: record.evidenceRef,
            note: record.closesTasks.note,
            doneBy: ctx.actor.userId,
            today: osloToday(),
          })
        : [];
    const name = record.kind === 'done' ? 'milestone_done' : 'milestone_exception';
    return {
      action: 'create',
      detail: { record: name, milestone: key, id: row.id, ...(closed.length > 0 ? { tasks: closed } : {}) },
    };
  });
}

export function markMilestoneDone(
  ctx: Ctx,
  employeeId: string,
  key: MilestoneKey,
  input: {
    caseStart: IsoDate;
    note?: string | null | undefined;
    version: number;
    /** A link to the document that shows it was done (e.g. `oppfolgingsplan:<id>:v<n>`). */
    evidenceRef?: string | null | undefined;
    /**
     * With `evidenceRef`: the routine tasks (ids) the document also fulfils; the case's one-off tasks
     * with these ids are recorded done with the same evidence, in the same write (note ≤ 500 characters).
     */
    closesTasks?: { taskIds: readonly string[]; note: string } | undefined;
  },
): Promise<CaseView> {
  return recordMilestone(
    ctx,
    employeeId,
    key,
    input,
    {
      kind: 'done',
      note: input.note ?? null,
      reason: null,
      evidenceRef: input.evidenceRef ?? null,
      closesTasks: input.closesTasks,
    },
    NOT_DOABLE.includes(key)
      ? field(
          'key',
          'Dette er en dato til orientering, ikke noe som gjøres.',
          'This is a date to know, not a task.',
        )
      : null,
  );
}

export function markMilestoneException(
  ctx: Ctx,
  employeeId: string,
  key: MilestoneKey,
  input: { caseStart: IsoDate; reason: string; version: number },
): Promise<CaseView> {
  return recordMilestone(
    ctx,
    employeeId,
    key,
    input,
    { kind: 'exception', note: null, reason: input.reason, evidenceRef: null },
    isExemptable(key)
      ? null
      : field(
          'key',
          'Bare oppfølgingsplan, dialogmøte 1 og dialogmøte 2 kan være åpenbart unødvendig.',
          'Only oppfølgingsplan, dialogmøte 1 and dialogmøte 2 can be obviously unnecessary.',
        ),
  );
}

export function undoMilestoneRecord(
  ctx: Ctx,
  employeeId: string,
  key: MilestoneKey,
  recordId: string,
  version: number,
): Promise<CaseView> {
  return writeCase(ctx, employeeId, version, 'employer', async (trx, employee) => {
    const org = ctx.actor.organisationId;
    const undone = await trx
      .updateTable('milestone_record')
      .set({ undone_at: new Date(), undone_by: ctx.actor.userId })
      .where('organisation_id', '=', org)
      .where('employee_id', '=', employee.id)
      .where('milestone_key', '=', key)
      .where('id', '=', recordId)
      .where('undone_at', 'is', null)
      .returning('kind')
      .executeTakeFirst();
    if (!undone) throw notFound({ nb: 'Fant ikke registreringen.', en: 'Record not found.' });
    return {
      action: 'delete',
      detail: {
        record: undone.kind === 'done' ? 'milestone_done' : 'milestone_exception',
        milestone: key,
        id: recordId,
      },
    };
  });
}

export function setArbeidsgiverperiode(
  ctx: Ctx,
  employeeId: string,
  input: { caseStart: IsoDate; end: IsoDate | null; version: number },
): Promise<CaseView> {
  return writeCase(ctx, employeeId, input.version, 'employer', async (trx, employee) => {
    const org = ctx.actor.organisationId;
    const plan = await currentPlan(trx, org, employee);
    if (!plan.cases.some((c) => c.start === input.caseStart)) {
      throw fieldErrors([
        field(
          'caseStart',
          'Ingen sykefravær starter denne dagen. Last siden på nytt.',
          'No absence starts on this day. Reload the page.',
        ),
      ]);
    }
    if (input.end === null) {
      await trx
        .deleteFrom('sykefravaer_agp_override')
        .where('organisation_id', '=', org)
        .where('employee_id', '=', employee.id)
        .where('case_start', '=', input.caseStart)
        .execute();
    } else {
      const values = { end_date: input.end, set_by: ctx.actor.userId, set_at: new Date() };
      await trx
        .insertInto('sykefravaer_agp_override')
        .values({ organisation_id: org, employee_id: employee.id, case_start: input.caseStart, ...values })
        .onConflict((oc) => oc.columns(['organisation_id', 'employee_id', 'case_start']).doUpdateSet(values))
        .execute();
    }
    return { action: 'update', detail: { record: 'agp_override' } };
  });
}

export function setDialogmote2Date(
  ctx: Ctx,
  employeeId: string,
  input: { caseStart: IsoDate; date: IsoDate | null; version: number },
): Promise<CaseView> {
  return writeCase(ctx, employeeId, input.version, 'employer', async (trx, employee) => {
    const org = ctx.actor.organisationId;
    const plan = await currentPlan(trx, org, employee);
    if (plan.followUp?.caseStart !== input.caseStart) throw fieldErrors([notCurrentCase(plan)]);
    await trx
      .updateTable('sykefravaer_followup')
      .set({
        dialogmote2_case_start: input.date === null ? null : input.caseStart,
        dialogmote2_date: input.date,
      })
      .where('organisation_id', '=', org)
      .where('employee_id', '=', employee.id)
      .execute();
    return { action: 'update', detail: { record: 'dialogmote2_date' } };
  });
}

/** §11.9: HR's documented hold on deletion. Not version-guarded: it touches no period or milestone. */
export async function setRetentionHold(
  ctx: Ctx,
  employeeId: string,
  input: { hold: boolean; reason?: string | null | undefined },
) {
  const { db, actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const employee = await findCaseEmployee(trx, actor, employeeId, 'employer');
    const values = {
      retention_hold: input.hold,
      retention_hold_reason: input.hold ? (input.reason ?? null) : null,
      retention_hold_by: actor.userId,
      retention_hold_at: new Date(),
    };
    await trx
      .insertInto('sykefravaer_followup')
      .values({ organisation_id: actor.organisationId, employee_id: employee.id, ...values })
      .onConflict((oc) => oc.columns(['organisation_id', 'employee_id']).doUpdateSet(values))
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'sick_case',
      entityId: employee.id,
      detail: { record: 'retention_hold', hold: input.hold },
    });
    const ref = userRefOf(await userNames(trx, [actor.userId]), ctx.locale);
    return {
      hold: values.retention_hold,
      reason: values.retention_hold_reason,
      by: ref(actor.userId),
      at: values.retention_hold_at.toISOString(),
    };
  });
}

// ---------------------------------------------------------------- the employee's own egenmelding

async function evaluateEgenmelding(
  db: Db,
  actor: Actor,
  employee: CaseEmployee,
  request: { start: IsoDate; end: IsoDate },
  today: IsoDate,
): Promise<EgenmeldingResult> {
  const settings = await loadSettings(db, actor.organisationId);
  const periods = await loadPeriods(db, actor.organisationId, employee.id);
  return vurderEgenmelding({
    policy: settings.egenmeldingPolicy,
    employmentStart: employee.employmentStart,
    earlierAbsences: periods.map(toEnginePeriod),
    request,
    today,
  });
}

/** Does the organisation's egenmelding policy cover this absence? (No write, no audit: the employee's own data.) */
export async function checkOwnEgenmelding(ctx: Ctx, request: { start: IsoDate; end: IsoDate }) {
  const employee = await findCaseEmployee(ctx.db, ctx.actor, ownEmployeeId(ctx.actor), 'self');
  return evaluateEgenmelding(ctx.db, ctx.actor, employee, request, osloToday());
}

/**
 * Registers the employee's own egenmelding, covered by the policy or not (the absence is real); the
 * answer carries the evaluation, so the employee sees whether it is covered and what to do.
 */
export function registerOwnEgenmelding(
  ctx: Ctx,
  input: { start: IsoDate; end: IsoDate; version: number },
): Promise<{ evaluation: EgenmeldingResult; case: CaseView }> {
  const employeeId = ownEmployeeId(ctx.actor);
  let evaluation: EgenmeldingResult | undefined;
  return writeCase(
    ctx,
    employeeId,
    input.version,
    'self',
    async (trx, employee) => {
      const today = osloToday();
      if (input.start > today) {
        throw fieldErrors([
          field(
            'start',
            'Egenmelding gjelder sykdom som har begynt: startdatoen kan ikke være etter i dag.',
            'Egenmelding covers sickness that has begun: the start cannot be after today.',
          ),
        ]);
      }
      const v = normalise({ type: 'egenmelding', start: input.start, end: input.end });
      checkDates(employee, v, today);
      evaluation = await evaluateEgenmelding(trx, ctx.actor, employee, input, today);
      const id = await insertPeriod(trx, ctx.actor, employee.id, v, 'employee');
      return { action: 'create', detail: { record: 'absence_period', id, covered: evaluation.allowed } };
    },
    (view) => ({ evaluation: evaluation!, case: view }),
  );
}

// ---------------------------------------------------------------- who opened the case

export async function accessLog(
  ctx: Ctx,
  employeeId: string,
  page: { page: number; pageSize: number },
): Promise<{
  items: {
    at: string;
    action: string;
    record: string | null;
    user: { userId: string | null; name: string };
    roles: string[];
  }[];
  total: number;
  page: number;
  pageSize: number;
}> {
  const { db, actor } = ctx;
  const base = db
    .selectFrom('audit_log')
    .where('organisation_id', '=', actor.organisationId)
    .where('entity_type', '=', 'sick_case')
    .where('entity_id', '=', employeeId);
  const rows = await base
    .select(['at', 'action', 'detail', 'actor_user_id', 'actor_roles'])
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ref = userRefOf(
    await userNames(
      db,
      rows.map((r) => r.actor_user_id),
    ),
    ctx.locale,
  );
  return {
    items: rows.map((r) => {
      const detail = (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as {
        record?: unknown;
      } | null;
      return {
        at: r.at.toISOString(),
        action: r.action,
        record: typeof detail?.record === 'string' ? detail.record : null,
        user: ref(r.actor_user_id),
        roles: r.actor_roles.split(',').filter((x) => x !== ''),
      };
    }),
    total: Number(count.n),
    page: page.page,
    pageSize: page.pageSize,
  };
}

// ---------------------------------------------------------------- the case list

type ListItem = {
  employeeId: string;
  name: string;
  unitId: string;
  unitName: string;
  leaderId: string | null;
  caseStart: IsoDate;
  caseEnd: IsoDate;
  status: 'ongoing' | 'ended';
  sickDays: number;
  gradeToday: number | null;
  nextMilestone: { key: MilestoneKey; due: IsoDate; state: 'overdue' | 'due-soon' | 'upcoming' } | null;
  overdueCount: number;
};

/**
 * Current and recently ended cases (last day ≥ today − 16): a leader's own people, or for admin/HR
 * the whole organisation (optionally one unit). Sorted by the next due milestone (none last), then
 * name. One audit entry for the list (`read`, `sick_case_list`).
 */
export async function listCases(
  ctx: Ctx,
  query: { unitId?: string | undefined; status?: 'ongoing' | 'ended' | 'overdue' | undefined },
): Promise<{ today: IsoDate; items: ListItem[] }> {
  const { db, actor } = ctx;
  const today = osloToday();
  let leaderId: string | undefined;
  if (!seesWholeOrganisation(actor)) {
    // The route admits admin, hr and leder only; a leader without an employee record leads nobody.
    if (actor.employeeId === null) return { today, items: [] };
    leaderId = actor.employeeId;
  }
  const cases = await loadCurrentCases(db, {
    organisationId: actor.organisationId,
    today,
    leaderId,
    unitId: query.unitId,
  });
  const items: ListItem[] = [];
  for (const c of cases) {
    const states = milestoneStates(c.followUp, recordsFor(c.followUp, c.records), today);
    let next: ListItem['nextMilestone'] = null;
    let overdueCount = 0;
    for (const s of states) {
      if (s.due === null) continue;
      if (s.state !== 'overdue' && s.state !== 'due-soon' && s.state !== 'upcoming') continue;
      if (s.state === 'overdue') overdueCount++;
      if (next === null || s.due < next.due) next = { key: s.key, due: s.due, state: s.state };
    }
    const status = caseStatus(c.followUp.caseEnd, today);
    if (
      query.status === 'overdue' ? overdueCount === 0 : query.status !== undefined && query.status !== status
    ) {
      continue;
    }
    items.push({
      employeeId: c.employee.id,
      name: c.employee.name,
      unitId: c.employee.unitId,
      unitName: c.employee.unitName,
      leaderId: c.employee.leaderId,
      caseStart: c.followUp.caseStart,
      caseEnd: c.followUp.caseEnd,
      status,
      sickDays: c.sickDays,
      gradeToday: gradeOn(c.periods, today),
      nextMilestone: next,
      overdueCount,
    });
  }
  items.sort((a, b) => {
    const da = a.nextMilestone?.due;
    const dbb = b.nextMilestone?.due;
    if (da !== dbb) {
      if (da === undefined) return 1;
      if (dbb === undefined) return -1;
      return da < dbb ? -1 : 1;
    }
    return a.name.localeCompare(b.name, 'nb') || (a.employeeId < b.employeeId ? -1 : 1);
  });
  await writeAudit(db, actor, {
    action: 'read',
    entityType: 'sick_case_list',
    entityId: null,
    detail: { count: items.length, ...(query.unitId ? { unitId: query.unitId } : {}) },
  });
  return { today, items };
}
