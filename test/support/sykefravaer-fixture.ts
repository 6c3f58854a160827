/**
 * Sick-leave data written straight into the database, independent of the clock (for the retention
 * job and `listDeadlines`, which are tested with a fixed `today`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import type { PeriodType } from '../../src/domain/sykefravaer/index.ts';

export async function insertOrganisation(db: Kysely<Database>, name: string, orgnr: string) {
  const org = await db
    .insertInto('organisation')
    .values({ name, orgnr })
    .returning('id')
    .executeTakeFirstOrThrow();
  const unit = await db
    .insertInto('unit')
    .values({ organisation_id: org.id, name: 'Enheten' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { organisationId: org.id, unitId: unit.id };
}

export async function insertEmployee(
  db: Kysely<Database>,
  org: { organisationId: string; unitId: string },
  name: string,
  leaderId: string | null = null,
): Promise<string> {
  const row = await db
    .insertInto('employee')
    .values({
      organisation_id: org.organisationId,
      name,
      employment_start: '2015-01-01',
      unit_id: org.unitId,
      leader_id: leaderId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A period with its follow-up row and a 'create' history row; `deleted` soft-deletes it. */
export async function insertPeriod(
  db: Kysely<Database>,
  organisationId: string,
  employeeId: string,
  p: { type: PeriodType; start: string; end: string; grade?: number; deleted?: boolean },
): Promise<string> {
  await db
    .insertInto('sykefravaer_followup')
    .values({ organisation_id: organisationId, employee_id: employeeId })
    .onConflict((oc) => oc.columns(['organisation_id', 'employee_id']).doNothing())
    .execute();
  const grade = p.type === 'sykmelding' ? (p.grade ?? 100) : null;
  const row = await db
    .insertInto('absence_period')
    .values({
      organisation_id: organisationId,
      employee_id: employeeId,
      type: p.type,
      start_date: p.start,
      end_date: p.end,
      grade,
      updated_at: new Date(),
      created_by: null,
      updated_by: null,
      deleted_at: p.deleted ? new Date() : null,
      deleted_by: null,
      delete_reason: p.deleted ? 'Feilregistrert' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('absence_period_history')
    .values({
      organisation_id: organisationId,
      period_id: row.id,
      employee_id: employeeId,
      change: 'create',
      reason: null,
      changed_by: null,
      old_type: null,
      old_start: null,
      old_end: null,
      old_grade: null,
      old_avventende: null,
      new_type: p.type,
      new_start: p.start,
      new_end: p.end,
      new_grade: grade,
      new_avventende: false,
    })
    .execute();
  return row.id;
}

export async function insertRecord(
  db: Kysely<Database>,
  organisationId: string,
  employeeId: string,
  r: {
    caseStart: string;
    key: 'oppfolgingsplan' | 'dialogmote1' | 'dialogmote2' | 'aktivitetsplikt';
    kind: 'done' | 'exception';
  },
): Promise<void> {
  await db
    .insertInto('milestone_record')
    .values({
      organisation_id: organisationId,
      employee_id: employeeId,
      case_start: r.caseStart,
      milestone_key: r.key,
      kind: r.kind,
      note: null,
      reason: r.kind === 'exception' ? 'Åpenbart unødvendig' : null,
      evidence_ref: null,
      recorded_by: null,
    })
    .execute();
}
