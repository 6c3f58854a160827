/**
 * Reminders and notifications (issue 4, "Reminders" and "Reliability"): the daily sweep, e-mail,
 * the in-app inbox, custom reminders, settings and the iCal feed. See `sweep.ts` and `worker.ts`
 * for the exactly-once design.
 */
export { calendarFeedUrl } from './calendar.ts';
export {
  type Deadline,
  type DeadlineRange,
  type DeadlineSource,
  emptyDeadlineSource,
  isOpenDeadline,
  milestoneTitle,
} from './deadlines.ts';
export { createMailer, type MailConfig, type Mailer, messageIdFor } from './mailer.ts';
export { notificationRoutes } from './notifications.routes.ts';
export { reminderRecipients } from './recipients.ts';
export { configureNotifications } from './runtime.ts';
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
export {
  type AppWorker,
  type AppWorkerOptions,
  createAppWorker,
  notificationJobHandlers,
  osloToday,
} from './worker.ts';
