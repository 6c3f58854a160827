/**
 * Protecting the reporter and handing a case on — writes by a handler who may open the case
 * (anyone else: the same 404 as for a case that does not exist). Each write commits with its audit
 * entry in one transaction; sealed texts go through the channel's key (ADR 0010).
 *
 * - The gjengjeldelse checklist (aml § 2 A-3 (2), § 2 A-4): append-only entries per area; marked done
 *   when every area has one.
 * - Hand-over to avvik (aml § 3-1 (2) e): only after the assessment «avvik»; the avvik carries the
 *   handler's summary and the handler's name — the reporter's identity only with their consent.
 * - A personal-data breach (GDPR art. 33 (1)): a personvernavvik with the 72 hours from awareness.
 * - Legal hold (product default, retention.ts): the case file is kept past the retention date.
 */
import type { Kysely, Transaction, Updateable } from 'kysely';
import type {
  AvvikHandoverInput,
  CaseView,
  RetaliationEntryInput,
} from '../../contracts/varsling/varsling.schemas.ts';
import { ReportContentSchema } from '../../contracts/varsling/varsling.schemas.ts';
import type { Database } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import {
  missingRetaliationAreas,
  RETALIATION_AREA_LABELS,
  type RetaliationArea,
} from '../../domain/varsling/protection.ts';
import { writeAudit } from '../../platform/audit.ts';
import { osloToday } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { conflict, staleVersion } from '../../platform/errors.ts';
import { fieldsError } from '../../platform/validation.ts';
import { avvikFromVarsling } from '../avvik/index.ts';
import { loadKeyring, openChannelKeys, seal, unseal } from './keys.ts';
import { buildCaseView, caseForHandler } from './varsling.service.ts';
import type { VarslingCaseTable } from './varsling.tables.ts';

type CaseRow = Awaited<ReturnType<typeof caseForHandler>>;
type CaseSet = Updateable<VarslingCaseTable>;

const closedCase = () => conflict({ nb: 'Saken er avsluttet.', en: 'The case is closed.' }, 'WRONG_STATE');

/** The case's public key inside the transaction, shared-locked against a channel-key rotation. */
async function channelKey(trx: Transaction<Database>, organisationId: string) {
  const channel = await trx
    .selectFrom('varsling_channel')
    .select(['public_key', 'key_version'])
    .where('organisation_id', '=', organisationId)
    .forShare()
    .executeTakeFirstOrThrow();
  return { publicKey: new Uint8Array(channel.public_key), keyVersion: channel.key_version };
}

/**
 * One write on the case: the version check, the change, the audit entry — in one transaction; then
 * the fresh view.
 */
async function write(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  version: number | null,
  step: string,
  today: IsoDate,
  change: (trx: Transaction<Database>, row: CaseRow) => Promise<CaseSet | null>,
): Promise<CaseView> {
  const row = await caseForHandler(db, actor, caseId);
  if (version !== null && row.version !== version) throw staleVersion();
  await db.transaction().execute(async (trx) => {
    const set = await change(trx, row);
    if (set !== null) {
      const updated = await trx
        .updateTable('varsling_case')
        .set({ ...set, version: row.version + 1 })
        .where('organisation_id', '=', actor.organisationId)
        .where('id', '=', caseId)
        .where('version', '=', row.version)
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw staleVersion();
    }
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'varsling_case',
      entityId: caseId,
      detail: { step },
    });
  });
  return buildCaseView(db, await caseForHandler(db, actor, caseId), today);
}

/** A checklist entry (append-only: the history documents what was known when, aml § 2 A-4 (3)). */
export function addRetaliationEntry(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  input: Omit<Required<RetaliationEntryInput>, 'version'> & { version: number },
  today: IsoDate,
): Promise<CaseView> {
  return write(db, actor, caseId, input.version, 'gjengjeldelse', today, async (trx, row) => {
    if (row.closed_on !== null) throw closedCase();
    const key = await channelKey(trx, row.organisation_id);
    const changed = input.finding === 'endret';
    await trx
      .insertInto('varsling_retaliation')
      .values({
        organisation_id: row.organisation_id,
        case_id: row.id,
        area: input.area,
        finding: input.finding,
        recorded_on: today,
        recorded_by: actor.userId,
        key_version: key.keyVersion,
        detail: await seal(key.publicKey, {
          changedOn: changed ? input.changedOn : null,
          decidedBy: changed ? input.decidedBy : '',
          reason: changed ? input.reason : '',
          note: input.note,
        }),
      })
      .execute();
    return {};
  });
}

/** Marks the checklist worked through: every area must have an entry (400 naming the missing ones). */
export function completeRetaliationCheck(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  version: number,
  today: IsoDate,
): Promise<CaseView> {
  return write(db, actor, caseId, version, 'gjengjeldelse-ferdig', today, async (trx, row) => {
    if (row.closed_on !== null) throw closedCase();
    const recorded = await trx
      .selectFrom('varsling_retaliation')
      .select('area')
      .distinct()
      .where('organisation_id', '=', row.organisation_id)
      .where('case_id', '=', row.id)
      .execute();
    const missing = missingRetaliationAreas(recorded.map((r): RetaliationArea => r.area));
    if (missing.length > 0) {
      throw fieldsError(
        missing.map((area) => ({
          path: `areas.${area}`,
          message: {
            nb: `Ikke vurdert ennå: ${RETALIATION_AREA_LABELS[area].nb}.`,
            en: `Not assessed yet: ${RETALIATION_AREA_LABELS[area].en}.`,
          },
        })),
      );
    }
    return { retaliation_checked_on: today };
  });
}

/**
 * Hands the case over to the avvik module (the assessment said «avvik»). The avvik has the
 * handler's summary and name; the reporter's name and e-mail are added only when the reporter
 * consented (a logged-in report — an anonymous reporter has no name to add).
 */
export function handOverToAvvik(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  input: Required<AvvikHandoverInput>,
  today: IsoDate,
  now: Date,
): Promise<CaseView> {
  return write(db, actor, caseId, input.version, 'avvik', today, async (trx, row) => {
    if (row.outcome !== 'avvik') {
      throw conflict(
        {
          nb: 'Saken må først vurderes som avvik.',
          en: 'The case must first be assessed as a deviation.',
        },
        'WRONG_STATE',
      );
    }
    if (row.avvik_id !== null) {
      throw conflict(
        { nb: 'Saken er allerede sendt til avvik.', en: 'The case was already handed over.' },
        'ALREADY_EXISTS',
      );
    }
    let description = input.description;
    if (input.includeReporter) {
      if (row.channel === 'anonym') {
        throw fieldsError([
          {
            path: 'includeReporter',
            message: {
              nb: 'Varsleren er anonym: det finnes ikke noe navn å ta med.',
              en: 'The reporter is anonymous: there is no name to include.',
            },
          },
        ]);
      }
      const keys = await openChannelKeys(trx, row.organisation_id, await loadKeyring());
      const report = ReportContentSchema.parse(await unseal(keys, row.report));
      if (report.reporter) {
        description = `${description}\n\nMeldt gjennom varslingskanalen av ${report.reporter.name} (${report.reporter.email}), som har samtykket til at navnet tas med.`;
      }
    }
    const avvikId = await avvikFromVarsling(trx, actor, {
      category: input.category,
      description,
      occurredAt: receivedAt(row.received_on, now),
      now,
      breachAwareAt: null,
    });
    return { avvik_id: avvikId };
  });
}

/** The case's day of receipt as a time (noon, Oslo), never later than now: when the avvik occurred at the latest. */
function receivedAt(receivedOn: IsoDate, now: Date): Date {
  const noon = new Date(`${receivedOn}T12:00:00+01:00`);
  return noon.getTime() < now.getTime() ? noon : now;
}

/**
 * A personal-data breach revealed by the case: a personvernavvik whose 72 hours to Datatilsynet run
 * from `awareAt` (GDPR art. 33 (1)); the deadline is shown to the case's handlers (lovkrav).
 */
export function reportBreach(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  input: { version: number; awareAt: string; description: string },
  today: IsoDate,
  now: Date,
): Promise<CaseView> {
  return write(db, actor, caseId, input.version, 'personvern', today, async (trx, row) => {
    if (row.breach_aware_at !== null) {
      throw conflict(
        {
          nb: 'Personvernavviket er allerede registrert.',
          en: 'The personal-data breach is already registered.',
        },
        'ALREADY_EXISTS',
      );
    }
    const awareAt = new Date(input.awareAt);
    // Awareness cannot precede the report, nor lie in the future (a few minutes' clock skew allowed).
    if (osloToday(awareAt) < row.received_on || awareAt.getTime() > now.getTime() + 5 * 60 * 1000) {
      throw fieldsError([
        {
          path: 'awareAt',
          message: {
            nb: 'Tidspunktet må være fra dagen varselet kom inn og ikke fram i tid.',
            en: 'The time must be from the day the report arrived and not in the future.',
          },
        },
      ]);
    }
    const avvikId = await avvikFromVarsling(trx, actor, {
      category: 'personvern',
      description: input.description,
      occurredAt: receivedAt(row.received_on, now),
      now,
      breachAwareAt: awareAt,
    });
    return { breach_aware_at: awareAt, breach_avvik_id: avvikId };
  });
}

/** The handler records that the breach was decided (notified, or not, in the personvernavvik). */
export function breachDecided(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  version: number,
  today: IsoDate,
): Promise<CaseView> {
  return write(db, actor, caseId, version, 'personvern-avgjort', today, async (_trx, row) => {
    if (row.breach_aware_at === null || row.breach_decided_on !== null) {
      throw conflict(
        { nb: 'Det er ingen åpen personvernfrist i saken.', en: 'The case has no open breach deadline.' },
        'WRONG_STATE',
      );
    }
    return { breach_decided_on: today };
  });
}

/** Puts the case on legal hold (retention skips it) or releases it; the reason is sealed. */
export function setLegalHold(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  input: { version: number; hold: boolean; reason: string },
  today: IsoDate,
): Promise<CaseView> {
  return write(
    db,
    actor,
    caseId,
    input.version,
    input.hold ? 'rettslig-hold' : 'rettslig-hold-av',
    today,
    async (trx, row) => {
      if (row.legal_hold === input.hold) {
        throw conflict(
          input.hold
            ? { nb: 'Saken holdes allerede tilbake.', en: 'The case is already on hold.' }
            : { nb: 'Saken holdes ikke tilbake.', en: 'The case is not on hold.' },
          'WRONG_STATE',
        );
      }
      if (!input.hold) {
        return { legal_hold: false, legal_hold_on: null, legal_hold_by: null, legal_hold_reason: null };
      }
      const key = await channelKey(trx, row.organisation_id);
      return {
        legal_hold: true,
        legal_hold_on: today,
        legal_hold_by: actor.userId,
        legal_hold_reason: await seal(key.publicKey, input.reason),
      };
    },
  );
}
