import { z } from 'zod';
import { bilingual } from '../bilingual.ts';
import { horizonDateSchema, IsoDateSchema, PageQuerySchema } from '../common.ts';

/**
 * `reminder-before`/`reminder-due`: a deadline reminder (the sweep); `custom`: «påminn meg»;
 * `event`: a hand-over in a document's workflow — it is now this user's turn (e.g. a plan to approve).
 */
export const NOTIFICATION_KINDS = ['reminder-before', 'reminder-due', 'custom', 'event'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** A page of the app, e.g. `/sykefravaer/<employeeId>`. */
  link: z.string().nullable(),
  employeeId: z.string().nullable(),
  remindDate: z.string(),
  dueDate: z.string().nullable(),
  late: z.boolean(),
  read: z.boolean(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationItem = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z
  .object({
    unreadOnly: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
    ...PageQuerySchema,
  })
  .strict();

export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const CustomReminderSchema = z.object({
  id: z.string(),
  date: z.string(),
  text: z.string(),
  employeeId: z.string().nullable(),
  employeeName: z.string().nullable(),
  createdAt: z.string(),
});
export type CustomReminder = z.infer<typeof CustomReminderSchema>;

export const CreateCustomReminderSchema = z
  .object({
    date: horizonDateSchema('reminder'),
    text: z
      .string()
      .trim()
      .min(1, bilingual('Skriv hva du vil bli minnet på.', 'Write what you want to be reminded of.'))
      .max(200, bilingual('Høyst 200 tegn.', 'At most 200 characters.')),
    employeeId: z.uuid().nullable().optional(),
  })
  .strict();

export const NotificationSettingsSchema = z.object({
  emailEnabled: z.boolean(),
  /** Always true: the inbox in the app cannot be turned off. */
  inAppEnabled: z.literal(true),
});

export const UpdateNotificationSettingsSchema = z.object({ emailEnabled: z.boolean() }).strict();

export const CalendarFeedSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  /** Only in the answer that created it: the secret URL is not stored and cannot be shown again. */
  url: z.string().optional(),
});

export const FailedJobSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  failedAt: z.string(),
  createdAt: z.string(),
});

export const JobIdParamsSchema = z.object({ id: z.coerce.number().int().min(1) }).strict();

export const CalendarTokenParamsSchema = z.object({ token: z.string().max(200) }).strict();

/**
 * "Mine oppgaver" outside the sick-leave follow-up: an open deadline of any module this user is
 * responsible for (the reminders' rule), overdue or due within 14 days, in the user's language.
 */
export const MyDeadlineSchema = z.object({
  /** The module it comes from, e.g. `hms-mal`, `internkontroll`. */
  source: z.string(),
  /** The kind of obligation, e.g. «Tiltak i handlingsplanen». */
  title: z.string(),
  /** The area, e.g. «HMS-mål og handlingsplan». */
  area: z.string(),
  /** What exactly (a measure's text), when the module gives it. */
  detail: z.string().nullable(),
  due: IsoDateSchema,
  /** Where to do it in the app. */
  link: z.string(),
  state: z.enum(['overdue', 'due-today', 'upcoming']),
});
export type MyDeadlineItem = z.infer<typeof MyDeadlineSchema>;

export const MyDeadlinesSchema = z.object({ items: z.array(MyDeadlineSchema) });
