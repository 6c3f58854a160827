/**
 * Request and response shapes of the dialogmøte 1 API (zod). Times are entered as Norwegian local time
 * (`YYYY-MM-DDTHH:MM`, Europe/Oslo). There is no diagnosis field; the minutes are short free text.
 */
import { z } from 'zod';
import { bilingual } from '../bilingual.ts';
import { IsoDateSchema } from '../common.ts';

export const PARTICIPANT_ROLES = [
  'leder',
  'ansatt',
  'hr',
  'tillitsvalgt',
  'verneombud',
  'bht',
  'sykmelder',
] as const;
/** Join only when the employee agrees (recorded per participant). */
export const OPTIONAL_ROLES: readonly string[] = ['tillitsvalgt', 'verneombud', 'bht', 'sykmelder'];

const LocalDateTime = z
  .string()
  .regex(/^(20|21)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, {
    message: bilingual('Ugyldig tidspunkt (bruk åååå-mm-ddTtt:mm).', 'Invalid time (use yyyy-mm-ddThh:mm).'),
  });

export const ParticipantInputSchema = z
  .object({
    /** An existing participant (keeps its recorded consent); omit for a new one. */
    id: z.uuid().optional(),
    role: z.enum(PARTICIPANT_ROLES),
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254).nullable().optional(),
    /**
     * For the optional roles: `given` — the employee has agreed (recorded now, by you);
     * `ask-employee` — the employee answers on their own login; no invitation until they agree.
     */
    consent: z.enum(['given', 'ask-employee']).optional(),
  })
  .strict();

const MeetingFields = {
  startsAt: LocalDateTime,
  durationMinutes: z.number().int().min(15).max(480),
  place: z.string().trim().max(300).nullable().optional(),
  videoLink: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  participants: z.array(ParticipantInputSchema).min(1).max(20),
};

export const CreateMeetingRequestSchema = z.object(MeetingFields).strict();
export const UpdateMeetingRequestSchema = z
  .object({ ...MeetingFields, version: z.number().int().min(1) })
  .strict();
export type MeetingInput = z.infer<typeof CreateMeetingRequestSchema>;

export const VersionRequestSchema = z.object({ version: z.number().int().min(1) }).strict();

export const AgreedActionSchema = z
  .object({
    what: z.string().trim().min(1).max(1000),
    owner: z.string().trim().min(1).max(200),
    /** Whose action it is (for "Mine oppgaver"); without it, read from `owner` (the employee's name, «den ansatte», «leder»). */
    ownerKind: z.enum(['employee', 'leader', 'other']).optional(),
    deadline: IsoDateSchema.nullable().optional(),
  })
  .strict();

export const ReferatRequestSchema = z
  .object({
    summary: z.string().trim().min(1).max(4000),
    agreedActions: z.array(AgreedActionSchema).max(50),
    version: z.number().int().min(1),
  })
  .strict();

export const ConsentRequestSchema = z
  .object({ consent: z.boolean(), version: z.number().int().min(1) })
  .strict();

export const EmployeeParamsSchema = z.object({ employeeId: z.uuid() }).strict();
export const MeetingParamsSchema = z.object({ employeeId: z.uuid(), id: z.uuid() }).strict();
export const MyMeetingParamsSchema = z.object({ id: z.uuid() }).strict();
export const MyConsentParamsSchema = z.object({ id: z.uuid(), participantId: z.uuid() }).strict();
export const InvitationQuerySchema = z.object({ participant: z.uuid() }).strict();

const UserRef = z.object({ userId: z.string().nullable(), name: z.string() });

export const ParticipantSchema = z.object({
  id: z.string(),
  role: z.enum(PARTICIPANT_ROLES),
  name: z.string(),
  email: z.string().nullable(),
  optional: z.boolean(),
  /** Optional roles: true agreed, false declined, null not answered yet. Always true for the others. */
  employeeConsent: z.boolean().nullable(),
  consentBy: UserRef.nullable(),
  consentAt: z.string().nullable(),
  /** May receive an invitation (.ics). */
  invited: z.boolean(),
});

export const MeetingSchema = z.object({
  id: z.string(),
  employeeId: z.string(),
  employeeName: z.string(),
  caseStart: z.string(),
  /** ISO instant (UTC). */
  startsAt: z.string(),
  /** The same instant as Norwegian local time, `YYYY-MM-DDTHH:MM`. */
  localStart: z.string(),
  durationMinutes: z.number().int(),
  place: z.string().nullable(),
  videoLink: z.string().nullable(),
  status: z.enum(['planlagt', 'gjennomfort', 'avlyst']),
  participants: z.array(ParticipantSchema),
  referat: z
    .object({
      summary: z.string(),
      agreedActions: z.array(
        z.object({
          what: z.string(),
          owner: z.string(),
          ownerKind: z.enum(['employee', 'leader', 'other']).optional(),
          deadline: z.string().nullable().optional(),
        }),
      ),
      by: UserRef,
      at: z.string(),
    })
    .nullable(),
  healthWordWarnings: z.array(z.object({ field: z.string(), words: z.array(z.string()) })),
  /** Send this back with the next write; 409 if someone else wrote first. */
  version: z.number().int(),
  createdBy: UserRef,
  createdAt: z.string(),
});
export type MeetingDto = z.infer<typeof MeetingSchema>;

export const MeetingListSchema = z.object({
  caseStart: z.string().nullable(),
  items: z.array(MeetingSchema),
});

const LabelSchema = z.object({ nb: z.string(), en: z.string() });
export const AgendaSchema = z.object({
  meetingId: z.string(),
  points: z.array(
    z.object({
      title: LabelSchema,
      /** The plan fields with content that the point covers (labels only — no free text). */
      items: z.array(LabelSchema),
      source: z.enum(['plan', 'fixed']),
    }),
  ),
});
