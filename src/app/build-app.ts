/**
 * The HTTP app with every module: the registry's routes and caches, and the auth module's session
 * lookup. `src/http/app.ts` is the Fastify wiring and knows no module.
 */
import type { FastifyInstance } from 'fastify';
import { buildHttpApp, type HttpAppOptions } from '../http/app.ts';
import { CSRF_COOKIE, loadRequestSession, SESSION_COOKIE, sessionCache } from '../modules/auth/index.ts';
import { osloToday } from '../platform/clock.ts';
import type { ReminderRuntime } from '../platform/module.ts';
import { registry } from './registry.ts';

export type AppOptions = Omit<HttpAppOptions, 'routes' | 'caches' | 'sessions'> & {
  sessionTtlHours?: number;
  cookieSecure?: boolean | undefined;
  /**
   * Second factor for admin and HR: the server passes the configuration (`NAERVAER_SECOND_FACTOR`,
   * default `required`); without it (tests that build the app themselves) it is `optional`.
   */
  secondFactor?: 'required' | 'optional';
  /** Reminders' run-time settings; default: every module's deadlines, the request's URL, today in Norway. */
  reminders?: Partial<ReminderRuntime>;
};

export function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { sessionTtlHours, cookieSecure, reminders, secondFactor = 'optional', ...http } = options;
  const routes = registry.routes({
    auth: {
      sessionTtlHours: sessionTtlHours ?? 12,
      cookieSecure,
      secondFactor,
      secondFactorRules: registry.secondFactorRules,
    },
    reminders: {
      deadlineSource: reminders?.deadlineSource ?? registry.deadlineSource,
      publicUrl: reminders?.publicUrl,
      today: reminders?.today ?? (() => osloToday()),
    },
  });
  return buildHttpApp({
    ...http,
    routes,
    caches: registry.caches,
    unloggedPaths: registry.unloggedPaths,
    sessions: {
      sessionCookie: SESSION_COOKIE,
      csrfCookie: CSRF_COOKIE,
      load: (db, token, caches, request) =>
        loadRequestSession(
          db,
          token,
          caches?.get(sessionCache),
          request,
          secondFactor,
          registry.secondFactorRules,
        ),
    },
  });
}
