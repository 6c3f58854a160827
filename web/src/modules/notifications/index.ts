/**
 * Notifications: the inbox (and the bell in the header), custom reminders on a case, notification
 * settings, and failed background jobs ("Drift", admin).
 */
import type { WebModule } from '../../app/module.ts';
import { FailedJobsPage } from './FailedJobsPage.tsx';
import { messages, type NotificationsMessages } from './messages.ts';
import { NotificationsPage } from './NotificationsPage.tsx';

export { MyDeadlines } from './MyDeadlines.tsx';
export { NotificationBell } from './NotificationBell.tsx';
export { NotificationSettings } from './NotificationSettings.tsx';
export { RemindersPanel } from './RemindersPanel.tsx';

export const notificationsModule: WebModule<NotificationsMessages> = {
  name: 'notifications',
  messages,
  routes: [
    { path: 'varsler', page: NotificationsPage },
    { path: 'drift', page: FailedJobsPage, roles: ['admin'] },
  ],
};
