/**
 * What the notification routes need beyond the request: the deadline source (the sick-leave
 * module's `listDeadlines`), the public URL for feed links, and the clock. Set once at start by
 * `src/server.ts` (`configureNotifications`); tests set their own. Defaults: no deadlines, the URL
 * of the request, today in Norway.
 */
import type { IsoDate } from '../../domain/calendar/index.ts';
import { type DeadlineSource, emptyDeadlineSource } from './deadlines.ts';
import { osloToday } from './worker.ts';

export type NotificationRuntime = {
  deadlineSource: DeadlineSource;
  publicUrl: string | undefined;
  today: () => IsoDate;
};

let runtime: NotificationRuntime = {
  deadlineSource: emptyDeadlineSource,
  publicUrl: undefined,
  today: () => osloToday(),
};

export function configureNotifications(settings: Partial<NotificationRuntime>): void {
  runtime = { ...runtime, ...settings };
}

export function notificationRuntime(): NotificationRuntime {
  return runtime;
}
