/**
 * Training-record queries. Every read for a user goes through `visibleTo`, which limits rows to
 * the employees the actor may see (src/domain/access/access.ts `employeeScope`): admin and HR the
 * whole organisation, a leader the people they lead and themselves, everyone else themselves. The
 * certificate's bytes are read only by `findCertificate` (the download), never by a list.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { TrainingRecordSchema } from '../../contracts/opplaering/opplaering.schemas.ts';
import type { Database, Db } from '../../db/schema.ts';
import { employeeScope } from '../../domain/access/access.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { Course } from '../../domain/opplaering/courses.ts';
import { expiryState, type RecordFacts } from '../../domain/opplaering/rules.ts';
import { CERTIFICATE_MIME, type CertificateType } from '../../domain/opplaering/sniff.ts';
import type { Actor } from '../../platform/context.ts';

type WithEmployee = Database & { t: Database['training_record']; e: Database['employee'] };
type EmployeeEb = ExpressionBuilder<Database & { e: Database['employee'] }, 'e'>;

/** The actor's employee scope as a condition on `e` (the employee table). */
export function visibleTo(eb: EmployeeEb, actor: Actor) {
  const scope = employeeScope(actor);
  switch (scope.kind) {
    case 'all':
      return eb.val(true);
    case 'none':
      return eb.val(false);
    case 'led-and-self':
      return eb.or([eb('e.leader_id', '=', scope.employeeId), eb('e.id', '=', scope.employeeId)]);
    case 'self':
      return eb('e.id', '=', scope.employeeId);
  }
}

function withEmployee(db: Db, organisationId: string) {
  return db
    .selectFrom('training_record as t')
    .innerJoin('employee as e', (j) =>
      j.onRef('e.organisation_id', '=', 't.organisation_id').onRef('e.id', '=', 't.employee_id'),
    )
    .innerJoin('unit as u', (j) =>
      j.onRef('u.organisation_id', '=', 'e.organisation_id').onRef('u.id', '=', 'e.unit_id'),
    )
    .where('t.organisation_id', '=', organisationId);
}

/** A newer record of the same course for the same person: (completed_on, created_at, id) is larger. */
function supersededExpr(eb: ExpressionBuilder<WithEmployee, 't' | 'e'>) {
  return eb
    .exists(
      eb
        .selectFrom('training_record as n')
        .select(sql`1`.as('one'))
        .whereRef('n.organisation_id', '=', 't.organisation_id')
        .whereRef('n.employee_id', '=', 't.employee_id')
        .whereRef('n.course', '=', 't.course')
        .where(sql<boolean>`(n.completed_on, n.created_at, n.id) > (t.completed_on, t.created_at, t.id)`),
    )
    .as('superseded');
}

const RECORD_COLUMNS = [
  't.id',
  't.employee_id',
  'e.name as employee_name',
  'e.unit_id',
  'u.name as unit_name',
  't.course',
  't.title',
  't.completed_on',
  't.hours',
  't.provider',
  't.expires_on',
  't.note',
  't.certificate_name',
  't.certificate_mime',
  't.certificate_size',
  't.created_at',
] as const;

type RecordRow = {
  id: string;
  employee_id: string;
  employee_name: string;
  unit_id: string;
  unit_name: string;
  course: Course;
  title: string | null;
  completed_on: string;
  hours: string;
  provider: string | null;
  expires_on: string | null;
  note: string | null;
  certificate_name: string | null;
  certificate_mime: string | null;
  certificate_size: number | null;
  created_at: Date;
  superseded: boolean;
};

export type TrainingRecordWire = z.input<typeof TrainingRecordSchema>;

const TYPE_OF_MIME: Record<string, CertificateType> = Object.fromEntries(
  Object.entries(CERTIFICATE_MIME).map(([type, mime]) => [mime, type as CertificateType]),
);

function toWire(row: RecordRow, today: IsoDate): TrainingRecordWire {
  const type = row.certificate_mime === null ? undefined : TYPE_OF_MIME[row.certificate_mime];
  return {
    id: row.id,
    employeeId: row.employee_id,
    employeeName: row.employee_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    course: row.course,
    title: row.title,
    completedOn: row.completed_on,
    hours: Number(row.hours),
    provider: row.provider,
    expiresOn: row.expires_on,
    note: row.note,
    expiry: expiryState(row.expires_on, today),
    superseded: Boolean(row.superseded),
    certificate:
      type !== undefined && row.certificate_name !== null && row.certificate_mime !== null
        ? {
            name: row.certificate_name,
            type,
            mime: row.certificate_mime,
            size: row.certificate_size ?? 0,
          }
        : null,
    createdAt: row.created_at.toISOString(),
  };
}

export type ListFilter = {
  employeeId?: string | undefined;
  unitId?: string | undefined;
  page: number;
  pageSize: number;
};

/** The records the actor may see, newest first. */
export async function listRecords(
  db: Db,
  actor: Actor,
  filter: ListFilter,
  today: IsoDate,
): Promise<{ items: TrainingRecordWire[]; total: number }> {
  const base = withEmployee(db, actor.organisationId)
    .where((eb) => visibleTo(eb, actor))
    .$if(filter.employeeId !== undefined, (q) => q.where('t.employee_id', '=', filter.employeeId ?? ''))
    .$if(filter.unitId !== undefined, (q) => q.where('e.unit_id', '=', filter.unitId ?? ''));
  const rows = await base
    .select(RECORD_COLUMNS)
    .select((eb) => supersededExpr(eb))
    .orderBy('t.completed_on', 'desc')
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items: (rows as RecordRow[]).map((r) => toWire(r, today)), total: Number(count.n) };
}

/** One record as the actor may see it (undefined: not found, another organisation's, or not theirs). */
export async function findRecord(
  db: Db,
  actor: Actor,
  id: string,
  today: IsoDate,
): Promise<TrainingRecordWire | undefined> {
  const row = await withEmployee(db, actor.organisationId)
    .where((eb) => visibleTo(eb, actor))
    .where('t.id', '=', id)
    .select(RECORD_COLUMNS)
    .select((eb) => supersededExpr(eb))
    .executeTakeFirst();
  return row ? toWire(row as RecordRow, today) : undefined;
}

/** The certificate's bytes of a record the actor may see. */
export async function findCertificate(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ employeeId: string; name: string; mime: string; data: Buffer } | undefined> {
  const row = await withEmployee(db, actor.organisationId)
    .where((eb) => visibleTo(eb, actor))
    .where('t.id', '=', id)
    .select(['t.employee_id', 't.certificate', 't.certificate_name', 't.certificate_mime'])
    .executeTakeFirst();
  if (!row || row.certificate === null || row.certificate_name === null || row.certificate_mime === null) {
    return undefined;
  }
  return {
    employeeId: row.employee_id,
    name: row.certificate_name,
    mime: row.certificate_mime,
    data: Buffer.from(row.certificate),
  };
}

/** The facts the rules need, for a set of employees (no names, no certificates). */
export async function recordFacts(
  db: Db,
  organisationId: string,
  employeeIds: readonly string[] | 'all',
): Promise<RecordFacts[]> {
  if (employeeIds !== 'all' && employeeIds.length === 0) return [];
  const rows = await db
    .selectFrom('training_record')
    .select(['id', 'employee_id', 'course', 'completed_on', 'expires_on', 'hours', 'title', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .$if(employeeIds !== 'all', (q) =>
      q.where('employee_id', 'in', employeeIds === 'all' ? [] : [...employeeIds]),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    employeeId: r.employee_id,
    course: r.course,
    completedOn: r.completed_on,
    expiresOn: r.expires_on,
    hours: Number(r.hours),
    title: r.title,
    createdAt: r.created_at.toISOString(),
  }));
}

/** The employees in the actor's scope who are employed today (the matrix's rows), by name. */
export async function employeesInScope(
  db: Db,
  actor: Actor,
  filter: { unitId?: string | undefined; employeeId?: string | undefined },
  today: IsoDate,
): Promise<{ employeeId: string; name: string; unitId: string; unitName: string }[]> {
  const rows = await db
    .selectFrom('employee as e')
    .innerJoin('unit as u', (j) =>
      j.onRef('u.organisation_id', '=', 'e.organisation_id').onRef('u.id', '=', 'e.unit_id'),
    )
    .where('e.organisation_id', '=', actor.organisationId)
    .where((eb) => visibleTo(eb, actor))
    .where((eb) => eb.or([eb('e.employment_end', 'is', null), eb('e.employment_end', '>=', today)]))
    .where('e.employment_start', '<=', today)
    .$if(filter.unitId !== undefined, (q) => q.where('e.unit_id', '=', filter.unitId ?? ''))
    .$if(filter.employeeId !== undefined, (q) => q.where('e.id', '=', filter.employeeId ?? ''))
    .select(['e.id', 'e.name', 'e.unit_id', 'u.name as unit_name'])
    .orderBy((eb) => eb.fn('lower', ['e.name']))
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ employeeId: r.id, name: r.name, unitId: r.unit_id, unitName: r.unit_name }));
}
