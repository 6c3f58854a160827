/**
 * Wire schemas of varsling (aml kapittel 2 A): the report form (the routine's questions), the
 * anonymous mailbox with its receipt code, the handlers' case view and the handling steps. Pure:
 * the web imports them too. No field asks for a diagnosis or health detail.
 */
import { z } from 'zod';
import { CASE_STATUSES, CATEGORIES, DEADLINE_KINDS, OUTCOMES } from '../../domain/varsling/rules.ts';
import { bilingual } from '../bilingual.ts';
import { IsoDateSchema } from '../common.ts';

const text = (max: number, required: boolean) => {
  const base = z
    .string(bilingual('Må være tekst.', 'Must be text.'))
    .trim()
    .max(max, bilingual(`Høyst ${max} tegn.`, `At most ${max} characters.`));
  return required ? base.min(1, bilingual('Må fylles ut.', 'Required.')) : base;
};

export const ReceiptCodeSchema = z
  .string(bilingual('Skriv kvitteringskoden.', 'Enter the receipt code.'))
  .trim()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .regex(/^\d{16}$/, bilingual('Kvitteringskoden er 16 sifre.', 'The receipt code has 16 digits.')),
  );

/** The report: what, when, where, who is involved, how they know, reported before? (aml § 2 A-6 (4) b). */
export const ReportInputSchema = z
  .object({
    what: text(10_000, true),
    when: text(500, false).default(''),
    where: text(500, false).default(''),
    involved: text(2_000, false).default(''),
    howKnown: text(2_000, false).default(''),
    reportedBefore: z.enum(['nei', 'ja', 'vet-ikke'], bilingual('Velg et svar.', 'Choose an answer.')),
    reportedBeforeTo: text(500, false).default(''),
    /** Handlers the report must not reach (the routine's question on reports concerning a recipient). */
    excludeHandlerIds: z
      .array(z.uuid(bilingual('Ukjent mottaker.', 'Unknown recipient.')))
      .max(50)
      .default([]),
    /** The report concerns the top leader: handlers marked as top leader never see it. */
    concernsTopLeader: z.boolean().default(false),
  })
  .strict();
export type ReportInput = z.input<typeof ReportInputSchema>;

/** A logged-in report: the same form, under the reporter's own name. */
export const NamedReportInputSchema = ReportInputSchema;

export const ChannelParamsSchema = z.object({
  kanal: z.uuid(bilingual('Ukjent varslingskanal.', 'Unknown reporting channel.')),
});
export const IdParamsSchema = z.object({ id: z.uuid(bilingual('Ugyldig id.', 'Invalid id.')) });

export const PublicChannelSchema = z.object({
  organisationName: z.string(),
  handlers: z.array(z.object({ id: z.string(), name: z.string(), topLeader: z.boolean() })),
});
export type PublicChannel = z.infer<typeof PublicChannelSchema>;

export const ReceiptSchema = z.object({
  /** Shown once: 16 digits in groups of four. Never stored in clear. */
  receiptCode: z.string(),
  receivedOn: IsoDateSchema,
});
export type Receipt = z.infer<typeof ReceiptSchema>;

export const MailboxQuerySchema = z.object({ code: ReceiptCodeSchema }).strict();
export const MailboxReplySchema = z.object({ code: ReceiptCodeSchema, text: text(5_000, true) }).strict();

export const MessageSchema = z.object({
  id: z.string(),
  at: z.string(),
  from: z.enum(['varsler', 'behandler']),
  kind: z.enum(['melding', 'bekreftelse', 'tilbakemelding', 'avslutning']),
  text: z.string(),
});
export type Message = z.infer<typeof MessageSchema>;

export const StatusSchema = z.enum(CASE_STATUSES);

/** An evidence file: name and type as the reporter sent them; metadata was stripped before storage. */
export const EvidenceSchema = z.object({
  id: z.string(),
  at: z.string(),
  from: z.enum(['varsler', 'behandler']),
  name: z.string(),
  type: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const FileParamsSchema = z.object({
  id: z.uuid(bilingual('Ugyldig id.', 'Invalid id.')),
  fileId: z.uuid(bilingual('Ugyldig id.', 'Invalid id.')),
});

export const MailboxSchema = z.object({
  receivedOn: IsoDateSchema,
  status: StatusSchema,
  acknowledgedOn: IsoDateSchema.nullable(),
  closedOn: IsoDateSchema.nullable(),
  messages: z.array(MessageSchema),
  files: z.array(EvidenceSchema),
});
export type Mailbox = z.infer<typeof MailboxSchema>;

export const MyReportsSchema = z.object({
  items: z.array(MailboxSchema.extend({ id: z.string() })),
});
export type MyReports = z.infer<typeof MyReportsSchema>;

export const DeadlineSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  due: IsoDateSchema,
  open: z.boolean(),
  overdue: z.boolean(),
  basis: z.string(),
  kindOfRule: z.enum(['anbefalt', 'egen-frist']),
});
export type CaseDeadlineWire = z.infer<typeof DeadlineSchema>;

/** What a non-handler (admin/HR) may see: that a case exists and its deadlines. */
export const OverviewSchema = z.object({
  handlersNamed: z.number().int(),
  items: z.array(
    z.object({
      receivedOn: IsoDateSchema,
      status: StatusSchema,
      deadlines: z.array(DeadlineSchema),
    }),
  ),
});
export type Overview = z.infer<typeof OverviewSchema>;

export const CaseSummarySchema = z.object({
  id: z.string(),
  receivedOn: IsoDateSchema,
  channel: z.enum(['anonym', 'innlogget']),
  status: StatusSchema,
  deadlines: z.array(DeadlineSchema),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export const CaseListSchema = z.object({ items: z.array(CaseSummarySchema) });
export type CaseList = z.infer<typeof CaseListSchema>;

export const ReportContentSchema = z.object({
  what: z.string(),
  when: z.string(),
  where: z.string(),
  involved: z.string(),
  howKnown: z.string(),
  reportedBefore: z.enum(['nei', 'ja', 'vet-ikke']),
  reportedBeforeTo: z.string(),
  /** Only for a logged-in report: who reported. */
  reporter: z.object({ name: z.string(), email: z.string() }).nullable(),
});
export type ReportContent = z.infer<typeof ReportContentSchema>;

export const CaseViewSchema = CaseSummarySchema.extend({
  version: z.number().int(),
  concernsTopLeader: z.boolean(),
  excludedHandlers: z.array(z.string()),
  report: ReportContentSchema,
  acknowledgedOn: IsoDateSchema.nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  category: z.enum(CATEGORIES).nullable(),
  outcomeReason: z.string().nullable(),
  investigationTarget: IsoDateSchema.nullable(),
  feedbackGivenOn: IsoDateSchema.nullable(),
  closedOn: IsoDateSchema.nullable(),
  messages: z.array(MessageSchema.extend({ authorName: z.string().nullable() })),
  files: z.array(EvidenceSchema),
  /** Who opened or changed the case and when — never content (aml § 2 A-3; GDPR art. 5 (2)). */
  access: z.array(z.object({ name: z.string(), at: z.string(), action: z.string() })),
});
export type CaseView = z.infer<typeof CaseViewSchema>;

const versioned = { version: z.number().int().min(0) };

export const HandlerMessageSchema = z.object({ ...versioned, text: text(5_000, true) }).strict();
export const AcknowledgeSchema = z
  .object({
    ...versioned,
    text: text(5_000, false).default(''),
  })
  .strict();

export const AssessSchema = z
  .object({
    ...versioned,
    outcome: z.enum(OUTCOMES, bilingual('Velg utfallet av vurderingen.', 'Choose the outcome.')),
    category: z.enum(CATEGORIES, bilingual('Velg kategori.', 'Choose a category.')).nullable().default(null),
    reason: text(2_000, false).default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.outcome === 'varsling' && v.category === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: bilingual(
          'Velg hvilket kritikkverdig forhold det gjelder (aml § 2 A-1 (2)).',
          'Choose which censurable condition it concerns.',
        ),
      });
    }
    if (v.outcome === 'eget-arbeidsforhold' && v.reason.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: bilingual(
          'Skriv hvorfor saken bare gjelder eget arbeidsforhold (aml § 2 A-1 (3)).',
          'Explain why the matter concerns only the reporter’s own employment.',
        ),
      });
    }
  });

export const InvestigateSchema = z.object({ ...versioned, targetDate: IsoDateSchema }).strict();
export const FeedbackSchema = z.object({ ...versioned, text: text(5_000, true) }).strict();
export const CloseSchema = z.object({ ...versioned, text: text(5_000, true) }).strict();

export const HandlerInputSchema = z
  .object({
    handlers: z
      .array(
        z
          .object({
            userId: z.uuid(bilingual('Ukjent bruker.', 'Unknown user.')),
            topLeader: z.boolean().default(false),
          })
          .strict(),
      )
      .max(20, bilingual('Høyst 20 mottakere.', 'At most 20 recipients.')),
  })
  .strict();
export type HandlerInput = z.input<typeof HandlerInputSchema>;

export const SettingsSchema = z.object({
  channelId: z.string().nullable(),
  handlers: z.array(z.object({ userId: z.string(), name: z.string(), topLeader: z.boolean() })),
  candidates: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export type Settings = z.infer<typeof SettingsSchema>;
