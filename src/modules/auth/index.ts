/**
 * Login, sessions and CSRF — the module's manifest and surface. The session cache (`sessions.ts`)
 * is dropped by any change to sessions, users, memberships or roles; the HTTP layer loads the
 * session of every API request through `authenticate` (wired in `src/app/build-app.ts`).
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { authRoutes } from './auth.routes.ts';
import { sessionCache } from './sessions.ts';

export const authModule: ModuleManifest = {
  name: 'auth',
  routes: (deps) => authRoutes(deps.auth),
  caches: [sessionCache],
};

export { setSessionCookie } from './auth.routes.ts';
export { hashPassword } from './password.ts';
export { CSRF_COOKIE, createSession, loadSession, SESSION_COOKIE, sessionCache } from './sessions.ts';
