/**
 * Deletes every document of one employee's sick-leave follow-up (oppfølgingsplan with its versions,
 * comments and sendings; dialogmøter with participants; samtalereferater; letters to the doctor).
 * Called by the §11.9 retention rule of the sick-leave module when it deletes the case data; child
 * rows go with their parent (`on delete cascade`). Returns the number of deleted rows per kind.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

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
