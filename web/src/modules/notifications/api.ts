/**
 * The in-app inbox, custom reminders, notification settings, the iCal feed and failed jobs
 * (`/api/v1/notifications`, `/api/v1/reminders`, `/api/v1/me/notification-settings`,
 * `/api/v1/me/calendar-feed`, `/api/v1/admin/failed-jobs`). Types from the server's zod schemas.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CalendarFeedSchema,
  CustomReminder,
  FailedJobSchema,
  MyDeadlineItem,
  NotificationItem,
  NotificationListSchema,
  NotificationSettingsSchema,
} from '../../../../src/contracts/notifications/notifications.schemas.ts';
import { api } from '../../api/client.ts';

export type { CustomReminder, MyDeadlineItem, NotificationItem };
export type NotificationList = z.infer<typeof NotificationListSchema>;
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>;
export type FailedJob = z.infer<typeof FailedJobSchema>;

export const notificationsKey = ['notifications'] as const;

/** Only a link inside the app is followed (`/sykefravaer/…`); a full URL to our own origin is cut down. */
export function appPath(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, window.location.origin);
    if (url.origin !== window.location.origin) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

export function useInbox() {
  return useQuery({
    queryKey: [...notificationsKey, 'inbox'],
    queryFn: ({ signal }) => api.get<NotificationList>('/notifications', { pageSize: 100 }, signal),
  });
}

/** Open deadlines of any module outside sick leave that this user is responsible for. */
export function useMyDeadlines() {
  return useQuery({
    queryKey: [...notificationsKey, 'my-deadlines'],
    queryFn: ({ signal }) => api.get<{ items: MyDeadlineItem[] }>('/me/deadlines', undefined, signal),
  });
}

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, 'unread'],
    queryFn: async () => (await api.get<{ count: number }>('/notifications/unread-count')).count,
    enabled,
    refetchInterval: 60_000,
    retry: false,
  });
}

export function useInboxWrites() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationsKey });
  return {
    markRead: useMutation({
      mutationFn: (id: string) => api.post(`/notifications/${id}/read`),
      onSuccess: refresh,
    }),
    markAll: useMutation({ mutationFn: () => api.post('/notifications/read-all'), onSuccess: refresh }),
  };
}

export const remindersKey = [...notificationsKey, 'reminders'] as const;

export function useReminders() {
  return useQuery({
    queryKey: remindersKey,
    queryFn: async () => (await api.get<{ items: CustomReminder[] }>('/reminders')).items,
  });
}

export function useReminderWrites() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationsKey });
  return {
    create: useMutation({
      mutationFn: (v: { date: string; text: string; employeeId?: string | null }) =>
        api.post<CustomReminder>('/reminders', v),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.del(`/reminders/${id}`), onSuccess: refresh }),
  };
}

export const notificationSettingsKey = [...notificationsKey, 'settings'] as const;
export const calendarFeedKey = [...notificationsKey, 'calendar-feed'] as const;

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationSettingsKey,
    queryFn: () => api.get<NotificationSettings>('/me/notification-settings'),
  });
}

export function useCalendarFeed() {
  return useQuery({ queryKey: calendarFeedKey, queryFn: () => api.get<CalendarFeed>('/me/calendar-feed') });
}

export function useNotificationSettingWrites() {
  const queryClient = useQueryClient();
  return {
    save: useMutation({
      mutationFn: (v: { emailEnabled: boolean }) =>
        api.put<NotificationSettings>('/me/notification-settings', v),
      onSuccess: (saved) => queryClient.setQueryData(notificationSettingsKey, saved),
    }),
    createFeed: useMutation({
      mutationFn: () => api.post<CalendarFeed>('/me/calendar-feed'),
      // Keep the URL out of the cache: it is shown once, by the component that asked for it.
      onSuccess: (feed) =>
        queryClient.setQueryData(calendarFeedKey, { active: feed.active, createdAt: feed.createdAt }),
    }),
    revokeFeed: useMutation({
      mutationFn: () => api.del('/me/calendar-feed'),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarFeedKey }),
    }),
  };
}

export function useFailedJobs() {
  return useQuery({
    queryKey: ['admin', 'failed-jobs'],
    queryFn: async () => (await api.get<{ items: FailedJob[] }>('/admin/failed-jobs')).items,
  });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post(`/admin/failed-jobs/${id}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'failed-jobs'] }),
  });
}
