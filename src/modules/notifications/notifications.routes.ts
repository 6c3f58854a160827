/**
 * Reminders and notifications: the inbox, custom reminders, notification settings, the iCal feed
 * and the administrator's view of failed background jobs (e-mail that could not be sent).
 */
import { z } from 'zod';
import {
  CalendarFeedSchema,
  CalendarTokenParamsSchema,
  CreateCustomReminderSchema,
  CustomReminderSchema,
  FailedJobSchema,
  JobIdParamsSchema,
  MyDeadlinesSchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationSettingsSchema,
  UpdateNotificationSettingsSchema,
} from '../../contracts/notifications/notifications.schemas.ts';
import { IdParamsSchema } from '../../contracts/organisation/organisation.schemas.ts';
import { listFailedJobs, retryJob } from '../../jobs/index.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { ReminderRuntime } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { findEmployee } from '../employees/index.ts';
import {
  buildCalendarFeed,
  calendarFeedUrl,
  createFeedToken,
  feedStatus,
  resolveFeedToken,
  revokeFeedToken,
} from './calendar.ts';
import { scrubErrorText } from './mailer.ts';
import { myOpenDeadlines } from './my-deadlines.ts';
import {
  deleteCustomReminder,
  findCustomReminder,
  getSettings,
  insertCustomReminder,
  listCustomReminders,
  listNotifications,
  markAllRead,
  markRead,
  saveSettings,
  unreadCount,
} from './notifications.repository.ts';
import { deliverCustomReminder } from './sweep.ts';

const Ok = z.object({ ok: z.literal(true) });
const notificationNotFound = () => notFound({ nb: 'Fant ikke varselet.', en: 'Notification not found.' });
const reminderNotFound = () => notFound({ nb: 'Fant ikke påminnelsen.', en: 'Reminder not found.' });

function fieldError(path: string, nb: string, en: string): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    { nb: `Ugyldig verdi i feltet «${path}»: ${nb}`, en: `Invalid value in field "${path}": ${en}` },
    { fields: [{ path, message: { nb, en } }] },
  );
}

/** The last error of a job as an administrator may see it: one line, no addresses. */
function describeJobError(lastError: string | null): string | null {
  if (lastError === null) return null;
  return scrubErrorText(lastError).replace(/^[A-Za-z]*Error: /, '');
}

/** The routes; `runtime`: every module's deadlines, the public URL for feed links, and the clock. */
export function notificationRoutes(runtime: ReminderRuntime) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/notifications',
      summary: 'Mine varsler (uleste først, nyeste først), sidevis',
      tags: ['notifications'],
      access: access.anyRole,
      query: NotificationListQuerySchema,
      response: NotificationListSchema,
      async handler({ query }, { db, actor, locale }) {
        const result = await listNotifications(db, actor, locale, query);
        return { ...result, page: query.page, pageSize: query.pageSize };
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/notifications/unread-count',
      summary: 'Antall uleste varsler',
      tags: ['notifications'],
      access: access.anyRole,
      response: z.object({ count: z.number().int() }),
      async handler(_input, { db, actor }) {
        return { count: await unreadCount(db, actor) };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      summary: 'Merk alle mine varsler som lest',
      tags: ['notifications'],
      access: access.anyRole,
      response: z.object({ updated: z.number().int() }),
      async handler(_input, { db, actor }) {
        return { updated: await markAllRead(db, actor) };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/notifications/:id/read',
      summary: 'Merk et varsel som lest',
      tags: ['notifications'],
      access: access.anyRole,
      params: IdParamsSchema,
      response: Ok,
      async handler({ params }, { db, actor }) {
        if (!(await markRead(db, actor, params.id))) throw notificationNotFound();
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/me/deadlines',
      summary: 'Mine frister utenfor sykefraværsoppfølgingen: forfalte og de neste 14 dagene',
      tags: ['notifications'],
      access: access.anyRole,
      response: MyDeadlinesSchema,
      async handler(_input, { db, actor, locale }) {
        const items = await myOpenDeadlines(db, actor, {
          deadlineSource: runtime.deadlineSource,
          today: runtime.today(),
        });
        return {
          items: items.map((d) => ({ ...d, title: d.title[locale], area: d.area[locale] })),
        };
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/reminders',
      summary: 'Mine egne påminnelser',
      tags: ['notifications'],
      access: access.anyRole,
      response: z.object({ items: z.array(CustomReminderSchema) }),
      async handler(_input, { db, actor }) {
        return { items: await listCustomReminders(db, actor) };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/reminders',
      summary: '«Påminn meg 3. mars»: en egen påminnelse, eventuelt knyttet til en ansatt du følger opp',
      tags: ['notifications'],
      access: access.anyRole,
      body: CreateCustomReminderSchema,
      response: CustomReminderSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        const today = runtime.today();
        if (body.date < today) {
          throw fieldError('date', 'Datoen har allerede vært.', 'The date is in the past.');
        }
        const employeeId = body.employeeId ?? null;
        // Only someone the actor may see: a leader the people they lead, HR everyone.
        if (employeeId !== null && !(await findEmployee(db, actor, employeeId))) {
          throw fieldError('employeeId', 'Fant ikke den ansatte.', 'Employee not found.');
        }
        const id = await insertCustomReminder(db, actor, { date: body.date, text: body.text, employeeId });
        // Today's sweep may already have run: a reminder for today is delivered now (idempotent by key).
        if (body.date === today) {
          await deliverCustomReminder(db, {
            organisationId: actor.organisationId,
            id,
            userId: actor.userId,
            remindOn: body.date,
            text: body.text,
            employeeId,
            today,
          });
        }
        const created = await findCustomReminder(db, actor, id);
        if (!created) throw reminderNotFound();
        return created;
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: '/api/v1/reminders/:id',
      summary: 'Slett en av mine påminnelser',
      tags: ['notifications'],
      access: access.anyRole,
      params: IdParamsSchema,
      response: Ok,
      async handler({ params }, { db, actor }) {
        if (!(await deleteCustomReminder(db, actor, params.id))) throw reminderNotFound();
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/me/notification-settings',
      summary: 'Mine varslingsinnstillinger (e-post av/på; varsler i appen er alltid på)',
      tags: ['notifications'],
      access: access.anyRole,
      response: NotificationSettingsSchema,
      async handler(_input, { db, actor }) {
        return { ...(await getSettings(db, actor)), inAppEnabled: true as const };
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/me/notification-settings',
      summary: 'Endre mine varslingsinnstillinger',
      tags: ['notifications'],
      access: access.anyRole,
      body: UpdateNotificationSettingsSchema,
      response: NotificationSettingsSchema,
      async handler({ body }, { db, actor }) {
        await saveSettings(db, actor, body);
        return { ...(await getSettings(db, actor)), inAppEnabled: true as const };
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/me/calendar-feed',
      summary: 'Om jeg har en kalenderstrøm (iCal)',
      tags: ['notifications'],
      access: access.anyRole,
      response: CalendarFeedSchema,
      async handler(_input, { db, actor }) {
        return feedStatus(db, actor.organisationId, actor.userId);
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/me/calendar-feed',
      summary:
        'Lag (eller lag ny) hemmelig kalenderadresse; den gamle slutter å virke. Adressen vises bare nå.',
      tags: ['notifications'],
      access: access.anyRole,
      response: CalendarFeedSchema,
      status: 201,
      async handler(_input, { db: outer, actor, request }) {
        return inTransaction(outer, async (db) => {
          const { token, createdAt } = await createFeedToken(db, actor.organisationId, actor.userId);
          await writeAudit(db, actor, {
            action: 'create',
            entityType: 'calendar_feed',
            entityId: actor.userId,
          });
          const base = runtime.publicUrl ?? `${request.protocol}://${request.host}`;
          return { active: true, createdAt: createdAt.toISOString(), url: calendarFeedUrl(base, token) };
        });
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: '/api/v1/me/calendar-feed',
      summary: 'Slå av kalenderstrømmen (adressen slutter å virke)',
      tags: ['notifications'],
      access: access.anyRole,
      response: Ok,
      async handler(_input, { db: outer, actor }) {
        return inTransaction(outer, async (db) => {
          if (await revokeFeedToken(db, actor.organisationId, actor.userId)) {
            await writeAudit(db, actor, {
              action: 'delete',
              entityType: 'calendar_feed',
              entityId: actor.userId,
            });
          }
          return { ok: true as const };
        });
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/calendar/:token.ics',
      summary: 'Kalenderstrøm (iCal) med mine frister — uten navn. Den hemmelige adressen er nøkkelen.',
      tags: ['notifications'],
      access: access.public,
      params: CalendarTokenParamsSchema,
      response: 'binary',
      async handler({ params }, { db, reply, request }) {
        const owner = await resolveFeedToken(db, params.token);
        if (!owner) throw notFound({ nb: 'Fant ikke kalenderen.', en: 'Calendar not found.' });
        const body = await buildCalendarFeed(db, {
          ...owner,
          deadlineSource: runtime.deadlineSource,
          today: runtime.today(),
          publicUrl: runtime.publicUrl ?? `${request.protocol}://${request.host}`,
        });
        reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store');
        return body;
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/admin/failed-jobs',
      summary: 'Bakgrunnsjobber som har gitt opp (f.eks. e-post som ikke kunne sendes), i denne virksomheten',
      tags: ['admin'],
      access: access.roles('admin'),
      response: z.object({ items: z.array(FailedJobSchema) }),
      async handler(_input, { db, actor }) {
        const failed = await listFailedJobs(db, actor.organisationId);
        return {
          items: failed.map((job) => ({
            id: job.id,
            kind: job.kind,
            attempts: job.attempts,
            lastError: describeJobError(job.lastError),
            failedAt: job.failedAt.toISOString(),
            createdAt: job.createdAt.toISOString(),
          })),
        };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/admin/failed-jobs/:id/retry',
      summary: 'Prøv en jobb som har gitt opp på nytt',
      tags: ['admin'],
      access: access.roles('admin'),
      params: JobIdParamsSchema,
      response: Ok,
      async handler({ params }, { db: outer, actor }) {
        return inTransaction(outer, async (db) => {
          const job = await db
            .selectFrom('job')
            .select('id')
            .where('id', '=', params.id)
            // This organisation's jobs, and the shared ones it also sees (the daily sweep).
            .where((eb) =>
              eb.or([eb('organisation_id', '=', actor.organisationId), eb('organisation_id', 'is', null)]),
            )
            .where('failed_at', 'is not', null)
            .executeTakeFirst();
          if (!job || !(await retryJob(db, job.id))) {
            throw notFound({ nb: 'Fant ikke jobben.', en: 'Job not found.' });
          }
          await writeAudit(db, actor, { action: 'update', entityType: 'job', entityId: String(job.id) });
          return { ok: true as const };
        });
      },
    }),
  ];
}
