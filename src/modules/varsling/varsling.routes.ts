/**
 * Varsling's HTTP surface (aml kapittel 2 A).
 *
 * - `/api/v1/varsling/kanal/:kanal…` — the anonymous channel: public, no login, nothing about the
 *   request stored, left out of request logs (`VARSLING_UNLOGGED_PATHS`), rate limited by budgets
 *   per organisation and per mailbox (limits.ts). A session cookie the browser may send is ignored.
 * - `/api/v1/varsling/mine…` — a logged-in report under the reporter's own name, and its mailbox.
 * - `/api/v1/varsling/saker…` — the handlers' cases: only named handlers not excluded from the case;
 *   everyone else, administrators included, gets 404 (deny by default, least privilege).
 * - `/api/v1/varsling/oversikt`, `/innstillinger`, `/behandlere` — admin/HR: that cases exist and
 *   their deadlines, and who the handlers are.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AcknowledgeSchema,
  AssessSchema,
  CaseListSchema,
  CaseViewSchema,
  ChannelParamsSchema,
  CloseSchema,
  FeedbackSchema,
  FileParamsSchema,
  HandlerInputSchema,
  HandlerMessageSchema,
  IdParamsSchema,
  InvestigateSchema,
  MailboxQuerySchema,
  MailboxReplySchema,
  MailboxSchema,
  MyReportsSchema,
  OverviewSchema,
  PublicChannelSchema,
  ReceiptCodeSchema,
  ReceiptSchema,
  ReportInputSchema,
  SettingsSchema,
} from '../../contracts/varsling/varsling.schemas.ts';
import { attachmentDisposition } from '../../domain/files/sniff.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { RouteDeps } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { mailboxBudget, rateLimited, submissionBudget, wrongCodeBudget } from './limits.ts';
import { lookupPart } from './receipt.ts';
import { assertSecondFactorSession } from './second-factor.ts';
import {
  addEvidence,
  applyStep,
  caseByReceiptCode,
  caseForHandler,
  caseList,
  caseView,
  channelNotFound,
  channelOrganisation,
  evidenceFile,
  handlersOf,
  mailboxView,
  myReport,
  myReports,
  overview,
  reporterReply,
  type Step,
  saveHandlers,
  settingsView,
  submitReport,
} from './varsling.service.ts';

/** Paths whose requests are never written to the request log (the anonymous channel and its page). */
export const VARSLING_UNLOGGED_PATHS = ['/api/v1/varsling/kanal/', '/varsle/'] as const;

const ADMIN_HR = access.roles('admin', 'hr');
const TAGS = ['varsling'];
const P = '/api/v1/varsling';

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

export function varslingRoutes({ reminders }: RouteDeps) {
  const { today } = reminders;

  /** The organisation behind an open channel (one with handlers), or 404. */
  const openChannel = async (db: Parameters<typeof channelOrganisation>[0], kanal: string) => {
    const org = await channelOrganisation(db, kanal);
    if (!org) throw channelNotFound();
    return org;
  };

  const stepRoute = <S extends z.ZodType<{ version: number }>>(
    url: string,
    summary: string,
    body: S,
    toStep: (input: z.output<S>) => Step,
  ) =>
    defineRoute({
      method: 'POST',
      url: `${P}/saker/:id/${url}`,
      summary,
      tags: TAGS,
      access: access.anyRole,
      params: IdParamsSchema,
      body,
      response: CaseViewSchema,
      async handler({ params, body: raw }, { db, actor, session }) {
        await assertSecondFactorSession(db, actor, session);
        // `defineRoute` types a generic body schema's output as a conditional type; it is S's output.
        const input = raw as z.output<S>;
        return applyStep(db, actor, params.id, input.version, toStep(input), today());
      },
    });

  return [
    // ── The anonymous channel ────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      url: `${P}/kanal/:kanal`,
      summary: 'Varslingskanalen: virksomhetens navn og mottakerne (for å kunne holde noen utenfor)',
      tags: TAGS,
      access: access.public,
      params: ChannelParamsSchema,
      response: PublicChannelSchema,
      async handler({ params }, { db, reply }) {
        noStore(reply);
        const org = await openChannel(db, params.kanal);
        const handlers = await handlersOf(db, org.organisation_id);
        if (handlers.length === 0) throw channelNotFound();
        return {
          organisationName: org.name,
          handlers: handlers.map((h) => ({ id: h.userId, name: h.name, topLeader: h.topLeader })),
        };
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${P}/kanal/:kanal/varsel`,
      summary: 'Send et anonymt varsel; svaret har kvitteringskoden, som bare vises denne ene gangen',
      tags: TAGS,
      access: access.public,
      params: ChannelParamsSchema,
      body: ReportInputSchema,
      response: ReceiptSchema,
      status: 201,
      async handler({ params, body }, { db, reply }) {
        noStore(reply);
        const org = await openChannel(db, params.kanal);
        if (!submissionBudget.take(org.organisation_id)) throw rateLimited();
        const day = today();
        const { receiptCode } = await submitReport(db, org.organisation_id, body, null, day);
        return { receiptCode: receiptCode ?? '', receivedOn: day };
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${P}/kanal/:kanal/postkasse`,
      summary:
        'Åpne postkassen med kvitteringskoden: status og meldinger (koden sendes i kroppen, aldri i adressen)',
      tags: TAGS,
      access: access.public,
      params: ChannelParamsSchema,
      body: MailboxQuerySchema,
      response: MailboxSchema,
      async handler({ params, body }, { db, reply }) {
        noStore(reply);
        const row = await openMailbox(db, params.kanal, body.code);
        return mailboxView(db, row);
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${P}/kanal/:kanal/postkasse/svar`,
      summary: 'Svar saksbehandleren fra postkassen (med kvitteringskoden)',
      tags: TAGS,
      access: access.public,
      params: ChannelParamsSchema,
      body: MailboxReplySchema,
      response: MailboxSchema,
      status: 201,
      async handler({ params, body }, { db, reply }) {
        noStore(reply);
        const row = await openMailbox(db, params.kanal, body.code);
        await reporterReply(db, row, body.text, today());
        return mailboxView(db, row);
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${P}/kanal/:kanal/postkasse/vedlegg`,
      summary:
        'Legg ved en fil (JPEG, PNG, PDF, tekst; høyst 5 MiB) med kvitteringskoden; metadata fjernes før lagring',
      tags: TAGS,
      access: access.public,
      params: ChannelParamsSchema,
      body: 'multipart',
      response: MailboxSchema,
      status: 201,
      async handler({ params, body: request }, { db, reply }) {
        noStore(reply);
        const upload = await readEvidenceUpload(request);
        const row = await openMailbox(db, params.kanal, upload.code);
        await addEvidence(db, row, upload.file, null, today());
        return mailboxView(db, row);
      },
    }),

    // ── Logged-in reporting ─────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      url: `${P}/kanal`,
      summary: 'Varslingskanalen til min virksomhet (lenken og mottakerne)',
      tags: TAGS,
      access: access.anyRole,
      response: PublicChannelSchema.extend({ channelId: z.string().nullable() }),
      async handler(_input, { db, actor }) {
        const settings = await settingsView(db, actor.organisationId);
        const org = await db
          .selectFrom('organisation')
          .select('name')
          .where('id', '=', actor.organisationId)
          .executeTakeFirstOrThrow();
        return {
          channelId: settings.handlers.length > 0 ? settings.channelId : null,
          organisationName: org.name,
          handlers: settings.handlers.map((h) => ({ id: h.userId, name: h.name, topLeader: h.topLeader })),
        };
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${P}/mine`,
      summary: 'Send et varsel under eget navn (innlogget)',
      tags: TAGS,
      access: access.anyRole,
      body: ReportInputSchema,
      response: z.object({ id: z.string(), receivedOn: z.string() }),
      status: 201,
      async handler({ body }, { db, actor }) {
        const settings = await handlersOf(db, actor.organisationId);
        if (settings.length === 0) throw channelNotFound();
        const day = today();
        const { caseId } = await submitReport(db, actor.organisationId, body, actor, day);
        return { id: caseId, receivedOn: day };
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${P}/mine`,
      summary: 'Mine varsler (sendt innlogget): status og meldinger',
      tags: TAGS,
      access: access.anyRole,
      response: MyReportsSchema,
      async handler(_input, { db, actor }) {
        return { items: await myReports(db, actor) };
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${P}/mine/:id/svar`,
      summary: 'Svar saksbehandleren på mitt varsel',
      tags: TAGS,
      access: access.anyRole,
      params: IdParamsSchema,
      body: z.object({ text: MailboxReplySchema.shape.text }).strict(),
      response: MailboxSchema,
      status: 201,
      async handler({ params, body }, { db, actor }) {
        const row = await myReport(db, actor, params.id);
        await reporterReply(db, row, body.text, today());
        return mailboxView(db, row);
      },
    }),

    // ── Admin/HR: handlers and the overview ─────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      url: `${P}/innstillinger`,
      summary: 'Varslingskanalen: lenken, mottakerne (saksbehandlerne) og hvem som kan velges',
      tags: TAGS,
      access: ADMIN_HR,
      response: SettingsSchema,
      async handler(_input, { db, actor }) {
        return settingsView(db, actor.organisationId);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${P}/behandlere`,
      summary: 'Utnevn mottakerne av varsler (bare de kan åpne en sak)',
      tags: TAGS,
      access: ADMIN_HR,
      body: HandlerInputSchema,
      response: SettingsSchema,
      async handler({ body }, { db, actor }) {
        await saveHandlers(
          db,
          actor,
          body.handlers.map((h) => ({ userId: h.userId, topLeader: h.topLeader })),
        );
        return settingsView(db, actor.organisationId);
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${P}/oversikt`,
      summary: 'At det finnes varslingssaker, og fristene deres — uten innhold',
      tags: TAGS,
      access: ADMIN_HR,
      response: OverviewSchema,
      async handler(_input, { db, actor }) {
        const view = await overview(db, actor.organisationId, today());
        await writeAudit(db, actor, { action: 'read', entityType: 'varsling_overview', entityId: null });
        return view;
      },
    }),

    // ── Handlers: the cases ─────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      url: `${P}/saker`,
      summary: 'Sakene jeg er mottaker av (bare for utnevnte saksbehandlere)',
      tags: TAGS,
      access: access.anyRole,
      response: CaseListSchema,
      async handler(_input, { db, actor }) {
        return caseList(db, actor, today());
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${P}/saker/:id`,
      summary: 'Åpne en varslingssak (logges; bare saksbehandlere som ikke er holdt utenfor)',
      tags: TAGS,
      access: access.anyRole,
      params: IdParamsSchema,
      response: CaseViewSchema,
      async handler({ params }, { db, actor, session, reply }) {
        await assertSecondFactorSession(db, actor, session);
        noStore(reply);
        return caseView(db, actor, params.id, today());
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${P}/saker/:id/vedlegg/:fileId`,
      summary: 'Last ned et vedlegg (alltid som nedlasting; logges)',
      tags: TAGS,
      access: access.anyRole,
      params: FileParamsSchema,
      response: 'binary',
      async handler({ params }, { db, actor, session, reply }) {
        await assertSecondFactorSession(db, actor, session);
        const row = await caseForHandler(db, actor, params.id);
        const file = await evidenceFile(db, row, params.fileId);
        await writeAudit(db, actor, {
          action: 'read',
          entityType: 'varsling_case',
          entityId: row.id,
          detail: { file: params.fileId },
        });
        reply
          .type(file.type)
          .header('content-disposition', attachmentDisposition(file.name))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store');
        return file.data;
      },
    }),

    stepRoute('melding', 'Skriv til varsleren', HandlerMessageSchema, (b) => ({
      kind: 'message',
      text: b.text,
    })),
    stepRoute('bekreft', 'Bekreft mottak (anbefalt innen 7 dager)', AcknowledgeSchema, (b) => ({
      kind: 'acknowledge',
      text: b.text,
    })),
    stepRoute(
      'vurdering',
      'Vurder saken: varsling (kategori), eget arbeidsforhold eller avvik',
      AssessSchema,
      (b) => ({
        kind: 'assess',
        outcome: b.outcome,
        category: b.category,
        reason: b.reason,
      }),
    ),
    stepRoute(
      'undersokelse',
      'Start undersøkelsen med en måldato («rimelig tid», aml § 2 A-3)',
      InvestigateSchema,
      (b) => ({
        kind: 'investigate',
        targetDate: b.targetDate,
      }),
    ),
    stepRoute(
      'tilbakemelding',
      'Gi varsleren tilbakemelding (anbefalt innen 3 måneder)',
      FeedbackSchema,
      (b) => ({
        kind: 'feedback',
        text: b.text,
      }),
    ),
    stepRoute('avslutt', 'Avslutt saken og informer varsleren', CloseSchema, (b) => ({
      kind: 'close',
      text: b.text,
    })),
  ];

  /** The case of a receipt code, with the budgets; a wrong code is 404 like an unknown one. */
  async function openMailbox(db: Parameters<typeof channelOrganisation>[0], kanal: string, code: string) {
    const org = await openChannel(db, kanal);
    const mailbox = `${org.organisation_id}:${lookupPart(code)}`;
    if (!mailboxBudget.take(org.organisation_id) || !wrongCodeBudget.has(mailbox)) throw rateLimited();
    const row = await caseByReceiptCode(db, org.organisation_id, code);
    if (!row) {
      wrongCodeBudget.take(mailbox);
      throw notFoundCode();
    }
    return row;
  }
}

/** The multipart upload: the field `code` and one file `fil` (the plugin limits it to 5 MiB → 413). */
async function readEvidenceUpload(request: FastifyRequest) {
  let code: string | null = null;
  let file: { name: string; data: Uint8Array } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      // A view on the buffer, not a copy: the file is 5 MB at most, and every copy is GC work.
      if (part.fieldname === 'fil')
        file = {
          name: part.filename ?? '',
          data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
        };
    } else if (part.fieldname === 'code' && typeof part.value === 'string') {
      code = part.value;
    }
  }
  const parsed = ReceiptCodeSchema.safeParse(code ?? '');
  const fields = [
    ...(parsed.success
      ? []
      : [
          {
            path: 'code',
            message: { nb: 'Kvitteringskoden er 16 sifre.', en: 'The receipt code has 16 digits.' },
          },
        ]),
    ...(file
      ? []
      : [
          { path: 'fil', message: { nb: 'Velg en fil (feltet «fil»).', en: 'Choose a file (field "fil").' } },
        ]),
  ];
  if (!parsed.success || !file) {
    throw new AppError(
      'VALIDATION_FAILED',
      { nb: 'Opplastingen mangler noe.', en: 'The upload is incomplete.' },
      { fields },
    );
  }
  return { code: parsed.data, file };
}

const notFoundCode = () =>
  notFound({
    nb: 'Fant ingen sak med denne kvitteringskoden. Sjekk sifrene.',
    en: 'No case has this receipt code. Check the digits.',
  });
