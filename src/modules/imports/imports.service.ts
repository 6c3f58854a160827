/**
 * Employee import against the database: load what the rules need (units, e-mail addresses in use),
 * check the file, and — only when every row is valid — insert all employees in one transaction.
 */
import { type Kysely, sql } from 'kysely';
import type { Database, Db } from '../../db/schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { ParsedFile } from './employee-import.parse.ts';
import { checkImport, type ImportCheck, type ImportContext, insertionOrder } from './employee-import.ts';

/** Rows per INSERT statement (10 parameters each, well below PostgreSQL's limit). */
const BATCH = 500;

export async function loadImportContext(db: Db, organisationId: string): Promise<ImportContext> {
  const [units, employees] = await Promise.all([
    db
      .selectFrom('unit')
      .select(['id', 'name', 'parent_id'])
      .where('organisation_id', '=', organisationId)
      .execute(),
    db
      .selectFrom('employee')
      .select(['id', sql<string>`lower(email)`.as('email')])
      .where('organisation_id', '=', organisationId)
      .where('email', 'is not', null)
      .execute(),
  ]);
  return {
    units: units.map((u) => ({ id: u.id, name: u.name, parentId: u.parent_id })),
    existingEmails: new Map(employees.map((e) => [e.email, e.id])),
  };
}

export async function previewImport(db: Db, actor: Actor, file: ParsedFile): Promise<ImportCheck> {
  return checkImport(file, await loadImportContext(db, actor.organisationId));
}

function refused(check: ImportCheck): AppError {
  const n = check.errorCount;
  const fields: FieldError[] = check.rows.flatMap((row) =>
    row.errors.map((e) => ({ path: `rows.${row.line}.${e.field}`, message: e.message })),
  );
  return new AppError(
    'VALIDATION_FAILED',
    {
      nb: `Importen ble ikke gjennomført: ${n} ${n === 1 ? 'rad har' : 'rader har'} feil. Ingenting ble lagret.`,
      en: `The import was not carried out: ${n} ${n === 1 ? 'row has' : 'rows have'} errors. Nothing was saved.`,
    },
    { fields },
  );
}

/**
 * Re-checks the file inside one transaction and inserts every employee, leaders inside the file
 * before the people they lead; refuses the whole file (400, nothing written) if any row has an error.
 */
export async function commitImport(
  db: Kysely<Database>,
  actor: Actor,
  file: ParsedFile,
): Promise<{ created: number }> {
  return db.transaction().execute(async (trx) => {
    const check = checkImport(file, await loadImportContext(trx, actor.organisationId));
    if (!check.canImport) throw refused(check);
    const employees = check.rows.map((row) => {
      if (!row.employee) throw refused(check);
      return row.employee;
    });
    const ids = new Map<number, string>();
    for (const level of insertionOrder(employees)) {
      for (let start = 0; start < level.length; start += BATCH) {
        const batch = level.slice(start, start + BATCH);
        const values = batch.map((index) => {
          const e = employees[index]!;
          const leaderId =
            e.leader === null
              ? null
              : e.leader.kind === 'existing'
                ? e.leader.id
                : (ids.get(e.leader.index) ?? null);
          if (e.leader?.kind === 'row' && leaderId === null)
            throw new Error('import: leader inserted out of order');
          return {
            organisation_id: actor.organisationId,
            name: e.name,
            email: e.email,
            phone: e.phone,
            birth_date: e.birthDate,
            employment_start: e.employmentStart,
            position_percent: e.positionPercent,
            unit_id: e.unitId,
            leader_id: leaderId,
          };
        });
        const inserted = await trx
          .insertInto('employee')
          .values(values)
          .returning(['id', sql<string>`lower(email)`.as('email')])
          .execute();
        // Match the new ids by e-mail (unique within the file), not by the order RETURNING happens to use.
        const idByEmail = new Map(inserted.map((r) => [r.email, r.id]));
        for (const index of batch) {
          const id = idByEmail.get(employees[index]!.email.toLowerCase());
          if (id === undefined) throw new Error('import: inserted row not returned');
          ids.set(index, id);
        }
      }
    }
    await writeAudit(trx, actor, {
      action: 'import',
      entityType: 'employee',
      detail: { created: employees.length, format: file.format },
    });
    return { created: employees.length };
  });
}
