/**
 * The audit log: an append-only record of who read or changed which record, when, in which role.
 * Never put personal data in `detail` — ids, kinds of change and counts only.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AuditAction } from '../../db/core.tables.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';

export type AuditEntry = {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  detail?: Record<string, string | number | boolean | null | string[]>;
};

export async function writeAudit(
  db: Kysely<Database> | Transaction<Database>,
  actor: Pick<Actor, 'organisationId' | 'userId' | 'roles'>,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      organisation_id: actor.organisationId,
      actor_user_id: actor.userId,
      actor_roles: actor.roles.join(','),
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    })
    .execute();
}
