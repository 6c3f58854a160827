import type { CaseView } from '../../contracts/sykefravaer/sykefravaer.schemas.ts';
import { formatEnglishLong, formatNorwegian, type IsoDate } from '../../domain/calendar/index.ts';
import {
  caseAgpEnd,
  isExemptable,
  type MilestoneKey,
  type PlanOutput,
  type SystemNote,
  storedSystemNote,
} from '../../domain/sykefravaer/index.ts';
import { osloToday } from '../../platform/clock.ts';
import { type FieldError, notFound } from '../../platform/errors.ts';
import { closeTasksWithEvidence } from './rutine.repository.ts';
import { type Ctx, currentPlan, field, fieldErrors, writeCase } from './sykefravaer.service.ts';

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
    /** A note Nærvær writes itself, stored as a code (rendered in the reader's language). */
    systemNote?: SystemNote | undefined;
    reason: string | null;
    evidenceRef: string | null;
    /** Routine tasks the evidence also fulfils, closed in the same write (`closeTasksWithEvidence`). */
    closesTasks?: { taskIds: readonly string[]; note: SystemNote } | undefined;
  },
  refuse: FieldError | null,
): Promise<CaseView> {
  return writeCase(ctx, employeeId, input.version, 'employer', async (trx, employee) => {
    if (refuse) throw fieldErrors([refuse]);
    const org = ctx.actor.organisationId;
    const plan = await currentPlan(trx, org, employee);
    if (plan.followUp?.caseStart !== input.caseStart) throw fieldErrors([notCurrentCase(plan)]);
    const system = record.systemNote ? storedSystemNote(record.systemNote) : null;
    const row = await trx
      .insertInto('milestone_record')
      .values({
        organisation_id: org,
        employee_id: employee.id,
        case_start: input.caseStart,
        milestone_key: key,
        kind: record.kind,
        note: record.note,
        note_code: system?.code ?? null,
        note_params: system?.params ?? null,
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
            followUp: { ...plan.followUp, agpEnd: caseAgpEnd(plan) },
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
    /** What the person typed (shown as typed). */
    note?: string | null | undefined;
    /**
     * A note Nærvær writes itself (a document event), stored as a code and shown in the reader's
     * language; with `note`, the typed note takes the place of the code's fixed sentence.
     */
    systemNote?: SystemNote | undefined;
    version: number;
    /** A link to the document that shows it was done (e.g. `oppfolgingsplan:<id>:v<n>`). */
    evidenceRef?: string | null | undefined;
    /**
     * With `evidenceRef`: the routine tasks (ids) the document also fulfils; the case's one-off tasks
     * with these ids are recorded done with the same evidence and this note, in the same write.
     */
    closesTasks?: { taskIds: readonly string[]; note: SystemNote } | undefined;
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
      systemNote: input.systemNote,
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
