/**
 * Varsling: the channel and its handlers, reports (anonymous and logged in), the two-way mailbox,
 * the handlers' case view and the handling steps. Every text a reporter or handler writes is sealed
 * to the channel's key before it reaches the database (keys.ts, ADR 0010).
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { z } from 'zod';
import type {
  CaseList,
  CaseView,
  Evidence,
  Mailbox,
  Message,
  Overview,
  ReportContent,
  Settings,
} from '../../contracts/varsling/varsling.schemas.ts';
import { ReportContentSchema } from '../../contracts/varsling/varsling.schemas.ts';
import type { Database, Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { stripMetadata } from '../../domain/varsling/metadata.ts';
import { breachNotifyBy } from '../../domain/varsling/protection.ts';
import {
  type CaseState,
  type CaseStatus,
  canMoveTo,
  canOpenCase,
  caseDeadlines,
  excludedHandlers,
  formatReceiptCode,
  isValidInvestigationTarget,
} from '../../domain/varsling/rules.ts';
import { writeAudit } from '../../platform/audit.ts';
import { osloToday } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, conflict, notFound, staleVersion } from '../../platform/errors.ts';
import {
  bytesParam,
  type ChannelKeys,
  ensureChannel,
  loadKeyring,
  openChannelKeys,
  reporterTag,
  seal,
  sodiumReady,
  unseal,
} from './keys.ts';
import { protectionView } from './protection.view.ts';
import { checkReceiptCode, hashReceiptCode, lookupPart, newReceiptCode } from './receipt.ts';
import type { MessageKind, VarslingCaseTable } from './varsling.tables.ts';

type CaseRow = Selectable<VarslingCaseTable>;

export const caseNotFound = () =>
  notFound({ nb: 'Fant ikke varslingssaken.', en: 'Whistleblowing case not found.' });

/** Everything the case routes answer when the case is not the actor's to open: the same 404. */
export const channelNotFound = () =>
  notFound({ nb: 'Fant ikke varslingskanalen.', en: 'Reporting channel not found.' });

/** The named handlers who can still log in (a disabled account receives nothing). */
export async function handlersOf(db: Db, organisationId: string) {
  const rows = await db
    .selectFrom('varsling_handler as h')
    .innerJoin('user_account as u', 'u.id', 'h.user_id')
    .select(['h.user_id', 'u.name', 'h.top_leader'])
    .where('h.organisation_id', '=', organisationId)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, name: r.name, topLeader: r.top_leader }));
}

export async function settingsView(db: Db, organisationId: string): Promise<Settings> {
  const channel = await db
    .selectFrom('varsling_channel')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  const candidates = await db
    .selectFrom('membership as m')
    .innerJoin('user_account as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name'])
    .where('m.organisation_id', '=', organisationId)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.name')
    .execute();
  return {
    channelId: channel?.id ?? null,
    handlers: await handlersOf(db, organisationId),
    candidates: candidates.map((c) => ({ userId: c.id, name: c.name })),
  };
}

/** Replaces the handler list (admin/HR); creates the channel and its keys on first use. */
export async function saveHandlers(
  db: Kysely<Database>,
  actor: Actor,
  handlers: { userId: string; topLeader: boolean }[],
): Promise<void> {
  const keyring = await loadKeyring();
  const ids = handlers.map((h) => h.userId);
  const members = ids.length
    ? await db
        .selectFrom('membership as m')
        .innerJoin('user_account as u', 'u.id', 'm.user_id')
        .select('m.user_id')
        .where('m.organisation_id', '=', actor.organisationId)
        .where('m.user_id', 'in', ids)
        .where('u.disabled_at', 'is', null)
        .execute()
    : [];
  const known = new Set(members.map((m) => m.user_id));
  const fields = handlers.flatMap((h, i) => {
    const duplicate = ids.indexOf(h.userId) !== i;
    if (known.has(h.userId) && !duplicate) return [];
    return [
      {
        path: `handlers.${i}.userId`,
        message: duplicate
          ? { nb: 'Står på listen fra før.', en: 'Already on the list.' }
          : { nb: 'Ikke en aktiv bruker i virksomheten.', en: 'Not an active user of the organisation.' },
      },
    ];
  });
  if (fields.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      { nb: 'Mottakerlisten har feil.', en: 'The recipient list has errors.' },
      { fields },
    );
  }
  await db.transaction().execute(async (trx) => {
    await ensureChannel(trx, actor.organisationId, keyring);
    await trx.deleteFrom('varsling_handler').where('organisation_id', '=', actor.organisationId).execute();
    if (handlers.length > 0) {
      await trx
        .insertInto('varsling_handler')
        .values(
          handlers.map((h) => ({
            organisation_id: actor.organisationId,
            user_id: h.userId,
            top_leader: h.topLeader,
          })),
        )
        .execute();
    }
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'varsling_handler',
      entityId: actor.organisationId,
      detail: { handlers: ids },
    });
  });
}

/** The organisation behind a public channel id, or null. */
export async function channelOrganisation(db: Db, channelId: string) {
  return db
    .selectFrom('varsling_channel as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select(['c.organisation_id', 'o.name'])
    .where('c.id', '=', channelId)
    .executeTakeFirst();
}

export type ReportFields = Omit<ReportContent, 'reporter'> & {
  excludeHandlerIds: string[];
  concernsTopLeader: boolean;
};

/**
 * A new report. Anonymous (`reporter` null): returns the receipt code, shown once. Logged in: the
 * reporter's name and e-mail are sealed with the report, and a keyed tag of their user id lets them
 * find it again. Nothing about the request is stored. One transaction: the case, its exclusions and
 * the audit entry (without a user — the audit log must not name a reporter).
 */
export async function submitReport(
  db: Kysely<Database>,
  organisationId: string,
  input: ReportFields,
  reporter: Actor | null,
  today: IsoDate,
): Promise<{ caseId: string; receiptCode: string | null }> {
  const keyring = await loadKeyring();
  const handlers = await handlersOf(db, organisationId);
  const excluded = excludedHandlers(handlers, input.excludeHandlerIds, input.concernsTopLeader);
  if (handlers.every((h) => excluded.includes(h.userId))) {
    throw new AppError(
      'VALIDATION_FAILED',
      {
        nb: 'Minst én mottaker må kunne lese varselet.',
        en: 'At least one recipient must be able to read the report.',
      },
      {
        fields: [
          {
            path: 'excludeHandlerIds',
            message: {
              nb: 'Du har holdt alle mottakerne utenfor. Varsle heller til Arbeidstilsynet, verneombudet eller en tillitsvalgt.',
              en: 'You excluded every recipient. Report to the Labour Inspection Authority, the safety representative or a union representative instead.',
            },
          },
        ],
      },
    );
  }
  const content: ReportContent = {
    what: input.what,
    when: input.when,
    where: input.where,
    involved: input.involved,
    howKnown: input.howKnown,
    reportedBefore: input.reportedBefore,
    reportedBeforeTo: input.reportedBefore === 'ja' ? input.reportedBeforeTo : '',
    reporter: reporter ? { name: reporter.name, email: reporter.email } : null,
  };
  for (let attempt = 0; ; attempt++) {
    const code = reporter === null ? newReceiptCode() : null;
    const codeHash = code === null ? null : await hashReceiptCode(code);
    try {
      const caseId = await db.transaction().execute(async (trx) => {
        // `for share`: a channel-key rotation cannot run between reading the key and writing the box.
        const channel = await trx
          .selectFrom('varsling_channel')
          .select(['public_key', 'key_version'])
          .where('organisation_id', '=', organisationId)
          .forShare()
          .executeTakeFirstOrThrow();
        let tag: Uint8Array | null = null;
        if (reporter)
          tag = await reporterTag(
            (await openChannelKeys(trx, organisationId, keyring)).tagKey,
            reporter.userId,
          );
        const row = await trx
          .insertInto('varsling_case')
          .values({
            organisation_id: organisationId,
            received_on: today,
            channel: reporter ? 'innlogget' : 'anonym',
            concerns_top_leader: input.concernsTopLeader,
            reporter_tag: tag,
            receipt_lookup: code === null ? null : lookupPart(code),
            receipt_hash: codeHash,
            key_version: channel.key_version,
            report: await seal(new Uint8Array(channel.public_key), content),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (excluded.length > 0) {
          await trx
            .insertInto('varsling_exclusion')
            .values(
              excluded.map((userId) => ({
                organisation_id: organisationId,
                case_id: row.id,
                user_id: userId,
              })),
            )
            .execute();
        }
        await auditAsReporter(trx, organisationId, 'create', row.id);
        return row.id;
      });
      return { caseId, receiptCode: code === null ? null : formatReceiptCode(code) };
    } catch (error) {
      // Two mailboxes with the same first 6 digits: draw a new code (rare; at most a few times).
      if (code !== null && attempt < 5 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** An audit entry for a reporter's write: no user id, the role «varsler» (aml § 2 A-3 (2): protect the reporter). */
async function auditAsReporter(
  trx: Transaction<Database>,
  organisationId: string,
  action: 'create' | 'update',
  caseId: string,
) {
  // `writeAudit` needs a user; a reporter's write must not name one, so the row is written here.
  await trx
    .insertInto('audit_log')
    .values({
      organisation_id: organisationId,
      actor_user_id: null,
      actor_roles: 'varsler',
      action,
      entity_type: 'varsling_case',
      entity_id: caseId,
      detail: null,
    })
    .execute();
}

/**
 * The case a receipt code opens in this organisation, or null. Always one argon2 check (see
 * receipt.ts), whether or not a case has the code's first digits.
 */
export async function caseByReceiptCode(
  db: Db,
  organisationId: string,
  code: string,
): Promise<CaseRow | null> {
  const row = await db
    .selectFrom('varsling_case')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('receipt_lookup', '=', lookupPart(code))
    .executeTakeFirst();
  const ok = await checkReceiptCode(code, row?.receipt_hash ?? null);
  return ok && row ? row : null;
}

async function messagesOf(db: Db, keys: ChannelKeys, organisationId: string, caseId: string) {
  const rows = await db
    .selectFrom('varsling_message as m')
    .leftJoin('user_account as u', 'u.id', 'm.author_user_id')
    .select(['m.id', 'm.sent_on', 'm.author', 'm.kind', 'm.body', 'u.name'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.case_id', '=', caseId)
    .orderBy('m.seq')
    .execute();
  const out: (Message & { authorName: string | null })[] = [];
  for (const r of rows) {
    const text = await unseal(keys, r.body);
    out.push({
      id: r.id,
      at: r.sent_on,
      from: r.author,
      kind: r.kind,
      text: typeof text === 'string' ? text : '',
      authorName: r.author === 'behandler' ? (r.name ?? null) : null,
    });
  }
  return out;
}

/** What the reporter sees: status, dates and the conversation (handlers are «Saksbehandler», unnamed). */
export async function mailboxView(db: Db, row: CaseRow): Promise<Mailbox> {
  const keys = await openChannelKeys(db, row.organisation_id, await loadKeyring());
  const messages = await messagesOf(db, keys, row.organisation_id, row.id);
  return {
    receivedOn: row.received_on,
    status: row.status,
    acknowledgedOn: row.acknowledged_on,
    closedOn: row.closed_on,
    messages: messages.map(({ authorName: _name, ...m }) => m),
    files: await filesOf(db, keys, row.organisation_id, row.id),
  };
}

/** A reporter's answer in the mailbox (anonymous or logged in). */
export async function reporterReply(db: Kysely<Database>, row: CaseRow, text: string, today: IsoDate) {
  if (row.closed_on !== null) {
    throw conflict({ nb: 'Saken er avsluttet.', en: 'The case is closed.' }, 'WRONG_STATE');
  }
  await db.transaction().execute(async (trx) => {
    await addMessage(trx, row.organisation_id, row.id, 'varsler', null, 'melding', text, today);
    await auditAsReporter(trx, row.organisation_id, 'update', row.id);
  });
}

async function addMessage(
  trx: Transaction<Database>,
  organisationId: string,
  caseId: string,
  author: 'varsler' | 'behandler',
  authorUserId: string | null,
  kind: MessageKind,
  text: string,
  today: IsoDate,
) {
  const channel = await trx
    .selectFrom('varsling_channel')
    .select(['public_key', 'key_version'])
    .where('organisation_id', '=', organisationId)
    .forShare()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('varsling_message')
    .values({
      organisation_id: organisationId,
      case_id: caseId,
      sent_on: today,
      author,
      author_user_id: authorUserId,
      kind,
      key_version: channel.key_version,
      body: await seal(new Uint8Array(channel.public_key), text),
    })
    .execute();
}

/** A logged-in reporter's own reports, found by the keyed tag of their user id. */
export async function myReports(db: Db, actor: Actor) {
  const channel = await db
    .selectFrom('varsling_channel')
    .select('id')
    .where('organisation_id', '=', actor.organisationId)
    .executeTakeFirst();
  if (!channel) return [];
  const keys = await openChannelKeys(db, actor.organisationId, await loadKeyring());
  const tag = await reporterTag(keys.tagKey, actor.userId);
  const rows = await db
    .selectFrom('varsling_case')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('reporter_tag', '=', tag)
    .orderBy('received_on', 'desc')
    .execute();
  const out = [];
  for (const row of rows) out.push({ id: row.id, ...(await mailboxView(db, row)) });
  return out;
}

export async function myReport(db: Db, actor: Actor, caseId: string): Promise<CaseRow> {
  const keys = await openChannelKeys(db, actor.organisationId, await loadKeyring()).catch(() => null);
  if (!keys) throw caseNotFound();
  const row = await db
    .selectFrom('varsling_case')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', caseId)
    .where('reporter_tag', '=', await reporterTag(keys.tagKey, actor.userId))
    .executeTakeFirst();
  if (!row) throw caseNotFound();
  return row;
}

export const stateOf = (
  row: Pick<
    CaseRow,
    | 'status'
    | 'received_on'
    | 'acknowledged_on'
    | 'outcome'
    | 'investigation_target'
    | 'feedback_given_on'
    | 'closed_on'
    | 'retaliation_checked_on'
    | 'breach_aware_at'
    | 'breach_decided_on'
  >,
): CaseState => ({
  status: row.status,
  receivedOn: row.received_on,
  acknowledgedOn: row.acknowledged_on,
  outcome: row.outcome,
  investigationTarget: row.investigation_target,
  feedbackGivenOn: row.feedback_given_on,
  closedOn: row.closed_on,
  retaliationCheckedOn: row.retaliation_checked_on,
  breach:
    row.breach_aware_at === null
      ? null
      : {
          notifyBy: osloToday(breachNotifyBy(new Date(row.breach_aware_at))),
          decidedOn: row.breach_decided_on,
        },
});

/** Is the actor a named handler of the organisation? */
export async function isHandler(db: Db, actor: Actor): Promise<boolean> {
  const row = await db
    .selectFrom('varsling_handler')
    .select('user_id')
    .where('organisation_id', '=', actor.organisationId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The cases the actor may open (handler, not excluded); a non-handler gets 404. */
export async function caseList(db: Db, actor: Actor, today: IsoDate): Promise<CaseList> {
  if (!(await isHandler(db, actor))) throw caseNotFound();
  const rows = await db
    .selectFrom('varsling_case as c')
    .selectAll('c')
    .where('c.organisation_id', '=', actor.organisationId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('varsling_exclusion as x')
            .select('x.user_id')
            .whereRef('x.organisation_id', '=', 'c.organisation_id')
            .whereRef('x.case_id', '=', 'c.id')
            .where('x.user_id', '=', actor.userId),
        ),
      ),
    )
    .orderBy('c.received_on', 'desc')
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      receivedOn: row.received_on,
      channel: row.channel,
      status: row.status,
      deadlines: caseDeadlines(stateOf(row), today),
    })),
  };
}

/** For admin/HR who are not handlers: that cases exist and their deadlines — nothing else. */
export async function overview(db: Db, organisationId: string, today: IsoDate): Promise<Overview> {
  const rows = await db
    .selectFrom('varsling_case')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('received_on', 'desc')
    .execute();
  const handlers = await handlersOf(db, organisationId);
  return {
    handlersNamed: handlers.length,
    items: rows.map((row) => ({
      receivedOn: row.received_on,
      status: row.status,
      deadlines: caseDeadlines(stateOf(row), today),
    })),
  };
}

/** The case if the actor may open it; otherwise the same 404 as for a case that does not exist. */
export async function caseForHandler(db: Db, actor: Actor, caseId: string): Promise<CaseRow> {
  const row = await db
    .selectFrom('varsling_case')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw caseNotFound();
  const [handlers, excluded] = await Promise.all([
    db
      .selectFrom('varsling_handler')
      .select('user_id')
      .where('organisation_id', '=', actor.organisationId)
      .execute(),
    db
      .selectFrom('varsling_exclusion')
      .select('user_id')
      .where('organisation_id', '=', actor.organisationId)
      .where('case_id', '=', caseId)
      .execute(),
  ]);
  if (
    !canOpenCase(
      actor.userId,
      handlers.map((h) => h.user_id),
      excluded.map((x) => x.user_id),
    )
  ) {
    throw caseNotFound();
  }
  return row;
}

/** The full case for a handler; the open is audit-logged first (aml § 2 A-3; GDPR art. 5 (2)). */
export async function caseView(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  today: IsoDate,
): Promise<CaseView> {
  const row = await caseForHandler(db, actor, caseId);
  await writeAudit(db, actor, { action: 'read', entityType: 'varsling_case', entityId: row.id });
  return buildCaseView(db, row, today);
}

export async function buildCaseView(db: Db, row: CaseRow, today: IsoDate): Promise<CaseView> {
  const keys = await openChannelKeys(db, row.organisation_id, await loadKeyring());
  const report = ReportContentSchema.parse(await unseal(keys, row.report));
  const reason = row.outcome_reason === null ? null : await unseal(keys, row.outcome_reason);
  const excluded = await db
    .selectFrom('varsling_exclusion as x')
    .innerJoin('user_account as u', 'u.id', 'x.user_id')
    .select('u.name')
    .where('x.organisation_id', '=', row.organisation_id)
    .where('x.case_id', '=', row.id)
    .orderBy('u.name')
    .execute();
  // Who opened or changed the case, and when: handlers' names and times, never content.
  const access = await db
    .selectFrom('audit_log as a')
    .leftJoin('user_account as u', 'u.id', 'a.actor_user_id')
    .select(['a.at', 'a.action', 'u.name', 'a.actor_roles'])
    .where('a.organisation_id', '=', row.organisation_id)
    .where('a.entity_type', '=', 'varsling_case')
    .where('a.entity_id', '=', row.id)
    .orderBy('a.at', 'desc')
    .limit(200)
    .execute();
  return {
    id: row.id,
    version: row.version,
    receivedOn: row.received_on,
    channel: row.channel,
    status: row.status,
    deadlines: caseDeadlines(stateOf(row), today),
    concernsTopLeader: row.concerns_top_leader,
    excludedHandlers: excluded.map((x) => x.name),
    report,
    acknowledgedOn: row.acknowledged_on,
    outcome: row.outcome,
    category: row.category,
    outcomeReason: typeof reason === 'string' ? reason : null,
    investigationTarget: row.investigation_target,
    feedbackGivenOn: row.feedback_given_on,
    closedOn: row.closed_on,
    messages: await messagesOf(db, keys, row.organisation_id, row.id),
    files: await filesOf(db, keys, row.organisation_id, row.id),
    access: access.map((a) => ({
      name: a.name ?? (a.actor_roles === 'varsler' ? 'Varsleren' : 'Nærvær'),
      at: new Date(a.at).toISOString(),
      action: a.action,
    })),
    ...(await protectionView(db, keys, row)),
  };
}

export type Step =
  | { kind: 'message'; text: string }
  | { kind: 'acknowledge'; text: string }
  | {
      kind: 'assess';
      outcome: NonNullable<CaseRow['outcome']>;
      category: CaseRow['category'];
      reason: string;
    }
  | { kind: 'investigate'; targetDate: IsoDate }
  | { kind: 'feedback'; text: string }
  | { kind: 'close'; text: string };

const wrongState = () =>
  conflict(
    {
      nb: 'Saken er ikke på et trinn der dette kan gjøres.',
      en: 'The case is not at a step where this can be done.',
    },
    'WRONG_STATE',
  );

/** One handling step, with the version the handler saw; the case and its message commit together. */
export async function applyStep(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  version: number,
  step: Step,
  today: IsoDate,
): Promise<CaseView> {
  const row = await caseForHandler(db, actor, caseId);
  if (row.version !== version) throw staleVersion();
  const closed = row.closed_on !== null;
  const move = (to: CaseStatus, outcome = row.outcome) => {
    if (closed || !canMoveTo(row.status, to, outcome)) throw wrongState();
  };
  const keyring = await loadKeyring();
  await db.transaction().execute(async (trx) => {
    const set: Partial<{
      status: CaseStatus;
      acknowledged_on: IsoDate;
      outcome: CaseRow['outcome'];
      category: CaseRow['category'];
      outcome_reason: Uint8Array | null;
      investigation_target: IsoDate;
      feedback_given_on: IsoDate;
      closed_on: IsoDate;
    }> = {};
    let message: { kind: MessageKind; text: string } | null = null;
    switch (step.kind) {
      case 'message':
        if (closed) throw wrongState();
        message = { kind: 'melding', text: step.text };
        break;
      case 'acknowledge':
        move('bekreftet');
        set.status = 'bekreftet';
        set.acknowledged_on = today;
        message = {
          kind: 'bekreftelse',
          text:
            step.text ||
            'Varselet er mottatt og vil bli behandlet. / The report has been received and will be handled.',
        };
        break;
      case 'assess': {
        move('vurdert', step.outcome);
        const keys = await openChannelKeys(trx, actor.organisationId, keyring);
        set.status = 'vurdert';
        set.outcome = step.outcome;
        set.category = step.outcome === 'varsling' ? step.category : null;
        set.outcome_reason = step.reason ? await seal(keys.publicKey, step.reason) : null;
        break;
      }
      case 'investigate':
        move('undersokes');
        // aml § 2 A-3 (1): «innen rimelig tid» — a date from today, within two years.
        if (!isValidInvestigationTarget(step.targetDate, today)) {
          throw new AppError(
            'VALIDATION_FAILED',
            { nb: 'Ugyldig måldato.', en: 'Invalid target date.' },
            {
              fields: [
                {
                  path: 'targetDate',
                  message: {
                    nb: 'Velg en dato fra i dag og høyst to år fram.',
                    en: 'Choose a date from today and at most two years ahead.',
                  },
                },
              ],
            },
          );
        }
        set.status = 'undersokes';
        set.investigation_target = step.targetDate;
        break;
      case 'feedback':
        if (closed || row.status === 'registrert') throw wrongState();
        set.feedback_given_on = today;
        message = { kind: 'tilbakemelding', text: step.text };
        break;
      case 'close':
        move('avsluttet');
        set.status = 'avsluttet';
        set.closed_on = today;
        if (row.feedback_given_on === null) set.feedback_given_on = today;
        message = { kind: 'avslutning', text: step.text };
        break;
    }
    const updated = await trx
      .updateTable('varsling_case')
      .set({ ...set, version: row.version + 1 })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', caseId)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion();
    if (message)
      await addMessage(
        trx,
        actor.organisationId,
        caseId,
        'behandler',
        actor.userId,
        message.kind,
        message.text,
        today,
      );
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'varsling_case',
      entityId: caseId,
      detail: { step: step.kind },
    });
  });
  const fresh = await caseForHandler(db, actor, caseId);
  return buildCaseView(db, fresh, today);
}

const FileMetaSchema = z.object({ name: z.string(), type: z.string() });

/** The case's evidence files: names and types only (the content is opened on download). */
async function filesOf(
  db: Db,
  keys: ChannelKeys,
  organisationId: string,
  caseId: string,
): Promise<Evidence[]> {
  const rows = await db
    .selectFrom('varsling_file')
    .select(['id', 'sent_on', 'author', 'meta'])
    .where('organisation_id', '=', organisationId)
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  const out: Evidence[] = [];
  for (const r of rows) {
    const meta = FileMetaSchema.parse(await unseal(keys, r.meta));
    out.push({ id: r.id, at: r.sent_on, from: r.author, name: meta.name, type: meta.type });
  }
  return out;
}

const EVIDENCE_PROBLEMS = {
  unsupported: {
    nb: 'Vi tar bare imot bilder (JPEG, PNG), PDF og ren tekst, fordi vi må kunne fjerne metadata (for eksempel hvem som laget filen) før den lagres.',
    en: 'We only accept pictures (JPEG, PNG), PDF and plain text, because we must be able to remove metadata (such as who made the file) before it is stored.',
  },
  'pdf-compressed-metadata': {
    nb: 'Vi klarer ikke å fjerne metadata fra denne PDF-en. Skriv den ut til en ny PDF, eller ta et bilde av dokumentet, og send det i stedet.',
    en: 'We cannot remove the metadata from this PDF. Print it to a new PDF, or take a picture of the document, and send that instead.',
  },
  malformed: { nb: 'Filen er skadet eller ufullstendig.', en: 'The file is damaged or incomplete.' },
  empty: { nb: 'Filen er tom.', en: 'The file is empty.' },
} as const;

/**
 * Adds an evidence file: metadata stripped (or the file refused, 415), then name, type and content
 * sealed. The reporter's upload is audited without a user, a handler's with theirs.
 */
export async function addEvidence(
  db: Kysely<Database>,
  row: CaseRow,
  file: { name: string; data: Uint8Array },
  author: Actor | null,
  today: IsoDate,
): Promise<void> {
  if (row.closed_on !== null) {
    throw conflict({ nb: 'Saken er avsluttet.', en: 'The case is closed.' }, 'WRONG_STATE');
  }
  const stripped = stripMetadata(file.data);
  if (!stripped.ok) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', EVIDENCE_PROBLEMS[stripped.problem], {
      fields: [{ path: 'fil', message: EVIDENCE_PROBLEMS[stripped.problem] }],
    });
  }
  // Only the last part of the name, without control characters; never a path.
  const last = file.name.split(/[\\/]/).pop() ?? '';
  const name =
    [...last]
      .filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127)
      .join('')
      .slice(0, 200) || 'vedlegg';
  await db.transaction().execute(async (trx) => {
    const channel = await trx
      .selectFrom('varsling_channel')
      .select(['public_key', 'key_version'])
      .where('organisation_id', '=', row.organisation_id)
      .forShare()
      .executeTakeFirstOrThrow();
    const publicKey = new Uint8Array(channel.public_key);
    const s = await sodiumReady();
    await trx
      .insertInto('varsling_file')
      .values({
        organisation_id: row.organisation_id,
        case_id: row.id,
        sent_on: today,
        author: author ? 'behandler' : 'varsler',
        author_user_id: author?.userId ?? null,
        key_version: channel.key_version,
        meta: await seal(publicKey, { name, type: stripped.type }),
        content: bytesParam(s.crypto_box_seal(stripped.data, publicKey)),
      })
      .execute();
    if (author) {
      await writeAudit(trx, author, {
        action: 'update',
        entityType: 'varsling_case',
        entityId: row.id,
        detail: { step: 'file' },
      });
    } else {
      await auditAsReporter(trx, row.organisation_id, 'update', row.id);
    }
  });
}

/** One evidence file's content, for a handler who may open the case. */
export async function evidenceFile(db: Db, row: CaseRow, fileId: string) {
  const file = await db
    .selectFrom('varsling_file')
    .select(['meta', 'content'])
    .where('organisation_id', '=', row.organisation_id)
    .where('case_id', '=', row.id)
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!file) throw notFound({ nb: 'Fant ikke vedlegget.', en: 'Attachment not found.' });
  const keys = await openChannelKeys(db, row.organisation_id, await loadKeyring());
  const meta = FileMetaSchema.parse(await unseal(keys, file.meta));
  const s = await sodiumReady();
  const data = s.crypto_box_seal_open(new Uint8Array(file.content), keys.publicKey, keys.secretKey);
  return { ...meta, data: Buffer.from(data) };
}
