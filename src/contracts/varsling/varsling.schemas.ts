/**
 * Wire schemas of varsling (aml kapittel 2 A): the report form (the routine's questions), the
 * anonymous mailbox with its receipt code, the handlers' case view and the handling steps. Pure:
 * the web imports them too. No field asks for a diagnosis or health detail.
 */
import { z } from 'zod';
import {
  RETALIATION_AREAS,
  RETALIATION_FINDINGS,
  retaliationEntryProblems,
} from '../../domain/varsling/protection.ts';
import { ROUTINE_TOPIC_KEYS } from '../../domain/varsling/routine.ts';
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
  kindOfRule: z.enum(['anbefalt', 'egen-frist', 'lovkrav']),
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
  /** The gjengjeldelse checklist (aml § 2 A-3 (2), § 2 A-4): every entry, oldest first. */
  retaliation: z.object({
    checkedOn: IsoDateSchema.nullable(),
    entries: z.array(
      z.object({
        id: z.string(),
        area: z.enum(RETALIATION_AREAS),
        finding: z.enum(RETALIATION_FINDINGS),
        changedOn: IsoDateSchema.nullable(),
        decidedBy: z.string(),
        reason: z.string(),
        note: z.string(),
        recordedOn: IsoDateSchema,
        recordedBy: z.string().nullable(),
      }),
    ),
  }),
  /** The avvik the case was handed over to (without the reporter's identity unless they consented). */
  avvikId: z.string().nullable(),
  /** A personal-data breach found in the case: the 72 hours to Datatilsynet (GDPR art. 33 (1)). */
  breach: z
    .object({
      awareAt: z.string(),
      notifyBy: z.string(),
      avvikId: z.string(),
      decidedOn: IsoDateSchema.nullable(),
    })
    .nullable(),
  legalHold: z.object({ since: IsoDateSchema, by: z.string().nullable(), reason: z.string() }).nullable(),
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

// ── Protection, handover, legal hold ─────────────────────────────────────────────────────────

/** One checklist entry (aml § 2 A-4): a change needs its date, who decided it and the reason. */
export const RetaliationEntrySchema = z
  .object({
    ...versioned,
    area: z.enum(RETALIATION_AREAS, bilingual('Velg et område.', 'Choose an area.')),
    finding: z.enum(RETALIATION_FINDINGS, bilingual('Velg hva du fant.', 'Choose what you found.')),
    changedOn: IsoDateSchema.nullable().default(null),
    decidedBy: text(200, false).default(''),
    reason: text(2_000, false).default(''),
    note: text(2_000, false).default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    const messages = {
      changedOn: bilingual('Skriv når endringen skjedde.', 'Enter when the change happened.'),
      decidedBy: bilingual('Skriv hvem som bestemte endringen.', 'Enter who decided the change.'),
      reason: bilingual(
        'Skriv begrunnelsen for endringen (aml § 2 A-4: arbeidsgiveren må kunne vise at den ikke er gjengjeldelse).',
        'Enter the reason for the change.',
      ),
    };
    for (const field of retaliationEntryProblems(v)) {
      ctx.addIssue({ code: 'custom', path: [field], message: messages[field] });
    }
  });
export type RetaliationEntryInput = z.input<typeof RetaliationEntrySchema>;

export const VersionOnlySchema = z.object(versioned).strict();

export const HANDOVER_CATEGORIES = ['hms', 'ruh', 'miljo', 'kvalitet'] as const;

/** Hand the case over to the avvik module: the handler's own summary, the reporter unnamed unless they consented. */
export const AvvikHandoverSchema = z
  .object({
    ...versioned,
    category: z.enum(HANDOVER_CATEGORIES, bilingual('Velg type avvik.', 'Choose the kind of deviation.')),
    description: text(4_000, true),
    includeReporter: z.boolean().default(false),
  })
  .strict();
export type AvvikHandoverInput = z.input<typeof AvvikHandoverSchema>;

const dateTime = z
  .string(bilingual('Skriv et tidspunkt.', 'Enter a time.'))
  .datetime({ offset: true, message: bilingual('Ugyldig tidspunkt.', 'Invalid time.') });

/** A personal-data breach found in the case: the 72-hour clock runs from `awareAt` (GDPR art. 33 (1)). */
export const BreachSchema = z
  .object({ ...versioned, awareAt: dateTime, description: text(4_000, true) })
  .strict();
export type BreachInput = z.input<typeof BreachSchema>;

export const LegalHoldSchema = z
  .object({
    ...versioned,
    hold: z.boolean(bilingual('Velg på eller av.', 'Choose on or off.')),
    reason: text(1_000, false).default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.hold && v.reason.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: bilingual('Skriv hvorfor saken må holdes tilbake.', 'Enter why the case must be kept.'),
      });
    }
  });

// ── The written routine (aml § 2 A-6) ────────────────────────────────────────────────────────

export const RoutineAnswersSchema = z
  .object(Object.fromEntries(ROUTINE_TOPIC_KEYS.map((k) => [k, text(5_000, false).default('')])))
  .strict();

export const RoutineDraftInputSchema = z.object({ ...versioned, answers: RoutineAnswersSchema }).strict();
export type RoutineDraftInput = z.input<typeof RoutineDraftInputSchema>;

/** Publishing records the cooperation step (aml § 2 A-6 (2)). */
export const RoutinePublishSchema = z
  .object({
    ...versioned,
    cooperationWith: text(500, true),
    cooperationOn: IsoDateSchema,
  })
  .strict();
export type RoutinePublishInput = z.input<typeof RoutinePublishSchema>;

const answersOut = z.record(z.string(), z.string());

export const PublishedRoutineSchema = z.object({
  number: z.number().int(),
  answers: answersOut,
  publishedOn: IsoDateSchema,
  cooperationWith: z.string(),
  cooperationOn: IsoDateSchema,
  /** The day the caller confirmed reading this version, or null. */
  readOn: IsoDateSchema.nullable(),
});
export type PublishedRoutine = z.infer<typeof PublishedRoutineSchema>;

export const RoutineReadViewSchema = z.object({ routine: PublishedRoutineSchema.nullable() });
export type RoutineReadView = z.infer<typeof RoutineReadViewSchema>;

export const RoutineDraftViewSchema = z.object({
  /** 0 when nothing is saved yet: the answers are pre-filled from the channel settings. */
  version: z.number().int(),
  number: z.number().int(),
  answers: answersOut,
  saved: z.boolean(),
  updatedOn: IsoDateSchema.nullable(),
  published: PublishedRoutineSchema.omit({ readOn: true }).nullable(),
  reads: z.object({
    members: z.number().int(),
    read: z.array(z.object({ name: z.string(), readOn: IsoDateSchema })),
  }),
});
export type RoutineDraftView = z.infer<typeof RoutineDraftViewSchema>;
