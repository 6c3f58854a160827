import { type Kysely, sql } from 'kysely';
import type { CreateEmployeeRequest, Employee } from '../../contracts/employees/employees.schemas.ts';
import type { Database, Db } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, type FieldError, notFound, staleVersion } from '../../platform/errors.ts';
import { fieldsError } from '../../platform/validation.ts';
import { employeeExists, findEmployee, leaderChainContains } from './employees.repository.ts';

const employeeNotFound = () => notFound({ nb: 'Fant ikke den ansatte.', en: 'Employee not found.' });

async function checkReferences(db: Db, actor: Actor, input: CreateEmployeeRequest, selfId?: string) {
  const org = actor.organisationId;
  const fields: FieldError[] = [];
  const unit = await db
    .selectFrom('unit')
    .select('id')
    .where('organisation_id', '=', org)
    .where('id', '=', input.unitId)
    .executeTakeFirst();
  if (!unit) fields.push({ path: 'unitId', message: { nb: 'Fant ikke enheten.', en: 'Unit not found.' } });
  const leaderId = input.leaderId ?? null;
  if (leaderId !== null) {
    if (leaderId === selfId) {
      fields.push({
        path: 'leaderId',
        message: { nb: 'En ansatt kan ikke være sin egen leder.', en: 'An employee cannot lead themselves.' },
      });
    } else if (!(await employeeExists(db, org, leaderId))) {
      fields.push({ path: 'leaderId', message: { nb: 'Fant ikke lederen.', en: 'Leader not found.' } });
    } else if (selfId && (await leaderChainContains(db, org, leaderId, selfId))) {
      fields.push({
        path: 'leaderId',
        message: {
          nb: 'Lederen rapporterer (direkte eller indirekte) til denne ansatte.',
          en: 'The leader reports (directly or indirectly) to this employee.',
        },
      });
    }
  }
  if (input.email) {
    const taken = await db
      .selectFrom('employee')
      .select('id')
      .where('organisation_id', '=', org)
      .where(sql<string>`lower(email)`, '=', input.email.toLowerCase())
      .$if(selfId !== undefined, (q) => q.where('id', '<>', selfId!))
      .executeTakeFirst();
    if (taken) {
      fields.push({
        path: 'email',
        message: {
          nb: 'En annen ansatt har denne e-postadressen.',
          en: 'Another employee has this e-mail address.',
        },
      });
    }
  }
  if (fields.length > 0) throw fieldsError(fields);
}

function values(input: CreateEmployeeRequest) {
  return {
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    birth_date: input.birthDate ?? null,
    employment_start: input.employmentStart,
    employment_end: input.employmentEnd ?? null,
    position_percent: input.positionPercent,
    unit_id: input.unitId,
    leader_id: input.leaderId ?? null,
  };
}

export async function createEmployee(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateEmployeeRequest,
): Promise<Employee> {
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, actor, input);
    const row = await trx
      .insertInto('employee')
      .values({ organisation_id: actor.organisationId, ...values(input) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'create', entityType: 'employee', entityId: row.id });
    const created = await findEmployee(trx, actor, row.id);
    if (!created) throw employeeNotFound();
    return created;
  });
}

export async function updateEmployee(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: CreateEmployeeRequest & { version: number },
): Promise<Employee> {
  return db.transaction().execute(async (trx) => {
    if (!(await findEmployee(trx, actor, id))) throw employeeNotFound();
    await checkReferences(trx, actor, input, id);
    // Optimistic concurrency: the update only applies to the version the user saw.
    const updated = await trx
      .updateTable('employee')
      .set({ ...values(input), version: input.version + 1, updated_at: new Date() })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion();
    await writeAudit(trx, actor, { action: 'update', entityType: 'employee', entityId: id });
    const employee = await findEmployee(trx, actor, id);
    if (!employee) throw employeeNotFound();
    return employee;
  });
}

export async function deleteEmployee(db: Kysely<Database>, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await findEmployee(trx, actor, id))) throw employeeNotFound();
    const led = await trx
      .selectFrom('employee')
      .select('id')
      .where('organisation_id', '=', actor.organisationId)
      .where('leader_id', '=', id)
      .limit(1)
      .execute();
    if (led.length > 0) {
      throw new AppError('IN_USE', {
        nb: 'Den ansatte er nærmeste leder for andre. Gi dem en ny leder først.',
        en: 'The employee is the line manager of others. Give them a new leader first.',
      });
    }
    await trx
      .deleteFrom('employee')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, { action: 'delete', entityType: 'employee', entityId: id });
  });
}

export { employeeNotFound };
