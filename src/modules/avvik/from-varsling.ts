/**
 * An avvik handed over from a varsling case (aml § 3-1 (2) e; aml § 2 A-3 (2)): the case handler
 * decided the report is really an avvik, or that it revealed a personal-data breach. The avvik is
 * registered under the handler's name — never the whistleblower's; the text is the handler's own
 * summary. A breach opens the personvernavvik with the 72-hour clock from `awareAt` (GDPR art. 33 (1))
 * and its 24/48-hour reminders, as a reported one does. Runs in the caller's transaction, so the
 * varsling case's link and the avvik commit together.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AvvikCategory } from '../../domain/avvik/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { schedulePrivacyReminders } from './avvik.service.ts';

export type HandoverCategory = Extract<AvvikCategory, 'hms' | 'ruh' | 'miljo' | 'kvalitet' | 'personvern'>;

export async function avvikFromVarsling(
  trx: Transaction<Database>,
  actor: Actor,
  input: {
    category: HandoverCategory;
    description: string;
    occurredAt: Date;
    now: Date;
    /** A personal-data breach: when the organisation became aware (GDPR art. 33 (1)). */
    breachAwareAt: Date | null;
  },
): Promise<string> {
  const id = randomUUID();
  const personal = input.category === 'personvern' || input.breachAwareAt !== null;
  await trx
    .insertInto('avvik')
    .values({
      organisation_id: actor.organisationId,
      id,
      reporter_user_id: actor.userId,
      anonymous: false,
      category: input.category,
      description: input.description,
      unit_id: null,
      occurred_at: input.occurredAt,
      reported_at: input.now,
      personal_data: personal,
    })
    .execute();
  if (personal) {
    const awareAt = input.breachAwareAt ?? input.now;
    await trx
      .insertInto('avvik_privacy')
      .values({ organisation_id: actor.organisationId, avvik_id: id, aware_at: awareAt })
      .execute();
    await schedulePrivacyReminders(trx, actor.organisationId, id, awareAt);
  }
  await writeAudit(trx, actor, {
    action: 'create',
    entityType: 'avvik',
    entityId: id,
    detail: { category: input.category, source: 'varsling' },
  });
  return id;
}
