/** The absence periods of a case: register, correct and delete (each a versioned case write). */

import type { Transaction } from 'kysely';
import type {
  CaseView,
  CreatePeriodRequest,
  UpdatePeriodRequest,
} from '../../contracts/sykefravaer/sykefravaer.schemas.ts';
import type { Database } from '../../db/schema.ts';
import { addMonths, formatEnglishLong, formatNorwegian, type IsoDate } from '../../domain/calendar/index.ts';
import { type PeriodConflict, periodConflict } from '../../domain/sykefravaer/period-overlap.ts';
import { osloToday } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, type FieldError, notFound } from '../../platform/errors.ts';
import type { CaseEmployee } from './sykefravaer.repository.ts';
import { type Ctx, field, fieldErrors, writeCase } from './sykefravaer.service.ts';
import type { PeriodSource } from './sykefravaer.tables.ts';

type PeriodValues = {
  type: CreatePeriodRequest['type'];
  start: IsoDate;
  end: IsoDate;
  grade: number | null;
  avventende: boolean;
};

/** Stored form: a grade only on a sykmelding that is not avventende; avventende only on a sykmelding. */
export function normalise(
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
export function checkDates(
  employee: CaseEmployee,
  v: { start: IsoDate; end: IsoDate },
  today: IsoDate,
): void {
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

export async function insertPeriod(
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

const TYPE_LABEL: Record<PeriodValues['type'], { nb: string; en: string }> = {
  sykmelding: { nb: 'sykmelding', en: 'sykmelding (doctor’s note)' },
  egenmelding: { nb: 'egenmelding', en: 'egenmelding (self-certified)' },
  ferie: { nb: 'ferie', en: 'holiday' },
  arbeid: { nb: 'arbeid', en: 'work' },
  behandlingsdager: { nb: 'behandlingsdager', en: 'treatment days' },
};
const label = (type: string, lang: 'nb' | 'en'): string =>
  TYPE_LABEL[type as PeriodValues['type']]?.[lang] ?? type;

function overlapError(c: PeriodConflict): AppError {
  const p = c.period;
  const nbDates = `${formatNorwegian(p.start)}–${formatNorwegian(p.end)}`;
  const enDates = `${formatEnglishLong(p.start)} – ${formatEnglishLong(p.end)}`;
  return new AppError(
    'PERIOD_OVERLAP',
    c.kind === 'duplicate'
      ? {
          nb: `Akkurat denne perioden er registrert fra før (${label(p.type, 'nb')} ${nbDates}). Lagre likevel bare hvis det er to ulike fravær.`,
          en: `Exactly this period is already registered (${label(p.type, 'en')} ${enDates}). Save anyway only if these are two different absences.`,
        }
      : {
          nb: `Perioden overlapper en registrert periode (${label(p.type, 'nb')} ${nbDates}). Sjekk datoene, eller lagre likevel.`,
          en: `The period overlaps a registered period (${label(p.type, 'en')} ${enDates}). Check the dates, or save anyway.`,
        },
    {
      fields: [
        {
          path: 'start',
          message: { nb: 'Overlapper en registrert periode.', en: 'Overlaps a registered period.' },
        },
      ],
    },
  );
}

/** Refuses (409 `PERIOD_OVERLAP`) a duplicate or overlapping period unless the user confirmed it. */
async function checkOverlap(
  trx: Transaction<Database>,
  organisationId: string,
  employeeId: string,
  v: PeriodValues,
  confirmed: boolean | undefined,
  exceptId: string | null,
): Promise<void> {
  if (confirmed === true) return;
  const rows = await trx
    .selectFrom('absence_period')
    .select(['id', 'type', 'start_date', 'end_date', 'grade', 'avventende'])
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', employeeId)
    .where('deleted_at', 'is', null)
    .where('start_date', '<=', v.end)
    .where('end_date', '>=', v.start)
    .execute();
  const conflict = periodConflict(
    v,
    rows.map((r) => ({
      id: r.id,
      type: r.type,
      start: r.start_date,
      end: r.end_date,
      grade: r.grade,
      avventende: r.avventende,
    })),
    exceptId,
  );
  if (conflict) throw overlapError(conflict);
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
    await checkOverlap(trx, ctx.actor.organisationId, employee.id, v, input.confirmOverlap, null);
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
    await checkOverlap(trx, org, employee.id, v, input.confirmOverlap, periodId);
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
