/**
 * Reminders and notifications — the module's manifest and surface: the daily sweep over every
 * module's deadlines (`sweep.ts`, exactly once), e-mail (`mailer.ts`), the in-app inbox, custom
 * reminders, settings and the iCal feed; and event notifications (`events.ts`, `notifyUsers`): a
 * hand-over in another module's workflow tells the user who must act, in that module's transaction,
 * exactly once. The worker (`createAppWorker`) runs every module's jobs
 * plus this module's sweep and mail jobs, which need the mailer it owns.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { notificationsCaseEraser } from './erase.ts';
import { up as notifications } from './migrations/0004-notifications.ts';
import { notificationRoutes } from './notifications.routes.ts';

export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  migrations: { '0004-notifications': { up: notifications } },
  routes: (deps) => notificationRoutes(deps.reminders),
  retention: [notificationsCaseEraser],
};

export { calendarFeedUrl } from './calendar.ts';
export {
  type EventNotice,
  type EventNoticeResult,
  type EventRef,
  eventKey,
  eventKeyBase,
  NO_EMPLOYEE,
  notifyUsers,
} from './events.ts';
export { createMailer, type MailConfig, type Mailer, messageIdFor } from './mailer.ts';
export { type NoticeTarget, noticeRecipients, reminderRecipients } from './recipients.ts';
export {
  CATCH_UP_DAYS,
  customReminderKey,
  MAIL_JOB,
  REMINDER_LEAD_DAYS,
  reminderKey,
  runSweep,
  SWEEP_JOB,
  type SweepResult,
} from './sweep.ts';
export { type AppWorker, type AppWorkerOptions, createAppWorker, notificationJobHandlers } from './worker.ts';
