/**
 * Deletes every document of one employee's sick-leave follow-up (oppfølgingsplan with its versions,
 * comments and sendings; dialogmøter with participants; samtalereferater; letters to the doctor). The
 * agreed actions taken from them (`case_action`) are the sick-leave module's rows: its own hook deletes them.
 * Called by the §11.9 retention rule of the sick-leave module when it deletes the case data; child
 * rows go with their parent (`on delete cascade`). Returns the number of deleted rows per kind.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CaseEraser } from '../../platform/module.ts';

export const CASE_DOCUMENT_TABLES = ['oppfolgingsplan', 'dialogmote', 'samtalereferat', 'legebrev'] as const;

export async function eraseCaseDocuments(
  trx: Transaction<Database>,
  organisationId: string,
  employeeId: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of CASE_DOCUMENT_TABLES) {
    const result = await trx
      .deleteFrom(table)
      .where('organisation_id', '=', organisationId)
      .where('employee_id', '=', employeeId)
      .executeTakeFirst();
    counts[table] = Number(result.numDeletedRows);
  }
  return counts;
}

/** The tables above whose rows carry their case's start (a letter to the doctor does not). */
const CASE_START_TABLES = CASE_DOCUMENT_TABLES.filter(
  (t): t is Exclude<(typeof CASE_DOCUMENT_TABLES)[number], 'legebrev'> => t !== 'legebrev',
);

/**
 * The documents of one employee's older cases only — those that started before `caseStartBefore`,
 * the start of the first case that is kept (§11.9 per case). A letter to the doctor has no case
 * start: it goes when it was written (Norwegian date) before that day.
 */
export async function eraseCaseDocumentsBefore(
  trx: Transaction<Database>,
  organisationId: string,
  employeeId: string,
  caseStartBefore: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of CASE_START_TABLES) {
    const result = await trx
      .deleteFrom(table)
      .where('organisation_id', '=', organisationId)
      .where('employee_id', '=', employeeId)
      .where('case_start', '<', caseStartBefore)
      .executeTakeFirst();
    counts[table] = Number(result.numDeletedRows);
  }
  const letters = await trx
    .deleteFrom('legebrev')
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', employeeId)
    .where(sql<boolean>`(created_at at time zone 'Europe/Oslo')::date < ${caseStartBefore}::date`)
    .executeTakeFirst();
  counts.legebrev = Number(letters.numDeletedRows);
  return counts;
}

/** The retention hook (`CaseEraser`) of this module: a case's documents. */
export const dokumenterCaseEraser: CaseEraser = {
  module: 'dokumenter',
  erase: (trx, { organisationId, employeeId, cases }) =>
    cases.kind === 'all'
      ? eraseCaseDocuments(trx, organisationId, employeeId)
      : eraseCaseDocumentsBefore(trx, organisationId, employeeId, cases.caseStart),
};
