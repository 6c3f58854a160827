/**
 * Wire schemas of the arbeidsmiljøutvalg (AMU): meetings with their agenda data and minutes,
 * «krav om møte», and the årsrapport. Pure: the web imports them too. Every text has its limit here
 * and in the database; messages in both languages. No field asks for health details: minutes
 * record decisions and actions, and the forms say so.
 */
import { z } from 'zod';
import {
  AGENDA_KEYS,
  ARSRAPPORT_SECTION_KEYS,
  ARSRAPPORT_STATUSES,
  type ArsrapportSectionKey,
  MEETING_KINDS,
  MEETING_STATUSES,
} from '../../domain/amu/index.ts';
import { bilingual } from '../bilingual.ts';
import { IsoDateSchema } from '../common.ts';

const max = (n: number) =>
  bilingual(`Høyst ${n.toLocaleString('nb-NO')} tegn.`, `At most ${n.toLocaleString('en-GB')} characters.`);

/** Free text, trimmed, up to `n` characters; empty allowed. */
const text = (n: number) => z.string(bilingual('Må være tekst.', 'Must be text.')).trim().max(n, max(n));
/** Free text that must be filled in. */
const required = (n: number, nb: string, en: string) =>
  z.string(bilingual(nb, en)).trim().min(1, bilingual(nb, en)).max(n, max(n));

const versionField = z.number(bilingual('Versjonen mangler.', 'The version is missing.')).int().min(1);

const yearField = z
  .number(bilingual('Må være et årstall.', 'Must be a year.'))
  .int(bilingual('Må være et årstall.', 'Must be a year.'))
  .min(2000, bilingual('Velg et år fra 2000.', 'Choose a year from 2000.'))
  .max(2100, bilingual('Velg et år før 2100.', 'Choose a year before 2100.'));

/** A meeting's date: a real date in the years the product plans for (2000–2100). */
const MeetingDateSchema = IsoDateSchema.refine(
  (d) => d >= '2000-01-01' && d <= '2100-12-31',
  bilingual('Velg en dato mellom år 2000 og 2100.', 'Choose a date between the years 2000 and 2100.'),
);

export const IdParamsSchema = z.object({ id: z.string().uuid() });
export const YearParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const TextSchema = z.object({ nb: z.string(), en: z.string() });

// ——— Meetings ———————————————————————————————————————————————————————————————————————————————

export const MeetingPlanSchema = z
  .object({
    date: MeetingDateSchema,
    title: text(200).default(''),
  })
  .strict();

/** A planned meeting moved or renamed (until its minutes are published). */
export const MeetingUpdateSchema = z
  .object({
    version: versionField,
    date: MeetingDateSchema,
    title: text(200).default(''),
  })
  .strict();
export type MeetingUpdate = z.input<typeof MeetingUpdateSchema>;

export const MeetingPlanYearSchema = z.object({ year: yearField }).strict();

export const ActionInputSchema = z
  .object({
    ownerUserId: z
      .string(bilingual('Velg hvem som har ansvaret.', 'Choose who is responsible.'))
      .uuid(bilingual('Velg hvem som har ansvaret.', 'Choose who is responsible.')),
    due: IsoDateSchema,
  })
  .strict();

export const DecisionInputSchema = z
  .object({
    /** An existing decision keeps its id (its action keeps its reminders); a new one has none. */
    id: z.string().uuid().optional(),
    text: required(2000, 'Skriv vedtaket.', 'Write the decision.'),
    /** FOLM § 3-16: on a vote, the majority's and the minority's positions. */
    vote: text(1000).default(''),
    /** A decision that someone must carry out by a date (aml § 7-2 (5)). */
    action: ActionInputSchema.nullable().default(null),
  })
  .strict();

export const MinutesSchema = z
  .object({
    version: versionField,
    heldOn: MeetingDateSchema,
    attendees: required(2000, 'Skriv hvem som deltok.', 'Write who took part.'),
    notes: text(8000).default(''),
    decisions: z
      .array(DecisionInputSchema, bilingual('Må være en liste.', 'Must be a list.'))
      .max(50, bilingual('Høyst 50 vedtak per møte.', 'At most 50 decisions per meeting.'))
      .default([]),
  })
  .strict();
export type Minutes = z.input<typeof MinutesSchema>;

export const VersionBodySchema = z.object({ version: versionField }).strict();

export const ActionDoneSchema = z.object({ note: text(1000).default('') }).strict();

export const ActionSchema = z.object({
  ownerUserId: z.string(),
  ownerName: z.string(),
  due: z.string(),
  doneAt: z.string().nullable(),
  /** The viewer may mark it done (its owner, or an editor). */
  canMarkDone: z.boolean(),
});

export const DecisionSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  text: z.string(),
  vote: z.string(),
  action: ActionSchema.nullable(),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const FigureSchema = z.object({
  label: TextSchema,
  /** Null when masked (fewer than 5 behind it) or not available. */
  value: z.number().nullable(),
  unit: z.enum(['antall', 'prosent', 'dato']).default('antall'),
  /** A date figure (e.g. the last review), as `YYYY-MM-DD`. */
  date: z.string().nullable().default(null),
  masked: z.boolean().default(false),
});
export type Figure = z.infer<typeof FigureSchema>;

export const AgendaItemSchema = z.object({
  key: z.enum(AGENDA_KEYS),
  title: TextSchema,
  legalBasis: z.string(),
  /** The period the numbers cover. */
  period: TextSchema,
  figures: z.array(FigureSchema),
  /** The module behind it has no data yet («ingen data»). */
  noData: z.boolean(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const MeetingSummarySchema = z.object({
  id: z.string(),
  date: z.string(),
  title: z.string(),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(MEETING_STATUSES),
  publishedAt: z.string().nullable(),
  decisions: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;

export const MeetingSchema = MeetingSummarySchema.extend({
  version: z.number().int(),
  heldOn: z.string().nullable(),
  attendees: z.string(),
  notes: z.string(),
  decisionList: z.array(DecisionSchema),
  publishedBy: z.string().nullable(),
  /** The agenda with its data: for the committee's members, HR/admin and BHT; null for employees. */
  agenda: z.array(AgendaItemSchema).nullable(),
  /** A meeting called by a demand: its reason and the last day it may be held. */
  demand: z.object({ reason: z.string(), deadline: z.string() }).nullable(),
  canEdit: z.boolean(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

// ——— Krav om møte ——————————————————————————————————————————————————————————————————————————

export const DemandCreateSchema = z
  .object({
    reason: required(2000, 'Skriv hva møtet skal handle om.', 'Write what the meeting is about.'),
  })
  .strict();

export const DemandSupportSchema = z.object({ date: MeetingDateSchema }).strict();

export const DemandSchema = z.object({
  id: z.string(),
  reason: z.string(),
  demandedOn: z.string(),
  demandedBy: z.string(),
  supportedBy: z.string().nullable(),
  supportedOn: z.string().nullable(),
  deadline: z.string().nullable(),
  meetingId: z.string().nullable(),
  /** The viewer is a member who did not make it and may back it. */
  canSupport: z.boolean(),
});
export type Demand = z.infer<typeof DemandSchema>;

// ——— Overview ——————————————————————————————————————————————————————————————————————————————

export const MemberSchema = z.object({
  side: z.enum(['arbeidsgiver', 'arbeidstaker', 'bht']),
  name: z.string(),
  termEnd: z.string().nullable(),
  chair: z.boolean(),
});

export const OverviewSchema = z.object({
  today: z.string(),
  canEdit: z.boolean(),
  canReadAll: z.boolean(),
  members: z.array(MemberSchema),
  chair: z.object({
    year: z.number().int(),
    side: z.enum(['arbeidsgiver', 'arbeidstaker']).nullable(),
    name: z.string().nullable(),
  }),
  compositionProblems: z.array(TextSchema),
  meetings: z.array(MeetingSummarySchema),
  demands: z.array(DemandSchema),
  owners: z.array(z.object({ id: z.string(), name: z.string() })),
  arsrapport: z
    .object({
      year: z.number().int(),
      due: z.string(),
      status: z.enum(ARSRAPPORT_STATUSES).nullable(),
    })
    .nullable(),
});
export type Overview = z.infer<typeof OverviewSchema>;

// ——— Årsrapport ————————————————————————————————————————————————————————————————————————————

export const ArsrapportCreateSchema = z.object({ year: yearField }).strict();

const SectionsShape = Object.fromEntries(ARSRAPPORT_SECTION_KEYS.map((k) => [k, text(6000)])) as Record<
  ArsrapportSectionKey,
  ReturnType<typeof text>
>;

export const ArsrapportUpdateSchema = z
  .object({
    version: versionField,
    sections: z.object(SectionsShape).strict(),
  })
  .strict();
export type ArsrapportUpdate = z.input<typeof ArsrapportUpdateSchema>;

export const ArsrapportFactSectionSchema = z.object({
  key: z.enum(ARSRAPPORT_SECTION_KEYS),
  title: TextSchema,
  figures: z.array(FigureSchema),
  /** Lines generated from the records (e.g. the meetings held with their dates). */
  lines: z.array(z.string()),
  noData: z.boolean(),
});
export type ArsrapportFactSection = z.infer<typeof ArsrapportFactSectionSchema>;

export const ArsrapportSchema = z.object({
  year: z.number().int(),
  status: z.enum(ARSRAPPORT_STATUSES),
  version: z.number().int(),
  due: z.string(),
  addressedTo: TextSchema,
  generatedOn: z.string(),
  facts: z.array(ArsrapportFactSectionSchema),
  sections: z.record(z.enum(ARSRAPPORT_SECTION_KEYS), z.string()),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  hasPdf: z.boolean(),
  canEdit: z.boolean(),
});
export type Arsrapport = z.infer<typeof ArsrapportSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });
