/**
 * Login, sessions, CSRF and the accounts people manage themselves (password change and reset, the
 * TOTP second factor, the own sessions) — the module's manifest and surface. The session cache
 * (`sessions.ts`) is dropped by any change to sessions, users, memberships, roles or second factors;
 * the HTTP layer loads the session of every API request through `loadRequestSession` (wired in
 * `src/app/build-app.ts`), which also enforces the second factor (ADR 0016).
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { accountRoutes } from './account.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { up as accounts } from './migrations/0041-accounts.ts';
import { up as oidc } from './migrations/0046-oidc.ts';
import { up as sessionSecondFactor } from './migrations/0048-session-second-factor.ts';
import { oidcRoutes } from './oidc.routes.ts';
import { resetMailJob } from './reset.ts';
import { privilegedRoleRule } from './second-factor.ts';
import { sessionCache } from './sessions.ts';

export const authModule: ModuleManifest = {
  name: 'auth',
  migrations: {
    '0041-accounts': { up: accounts },
    '0046-oidc': { up: oidc },
    '0048-session-second-factor': { up: sessionSecondFactor },
  },
  routes: (deps) => [...authRoutes(deps.auth), ...accountRoutes(deps.auth), ...oidcRoutes(deps.auth)],
  jobs: (deps) => [resetMailJob(deps.db)],
  caches: [sessionCache],
  // Admin and HR see every employee's sick leave (ADR 0016).
  secondFactorRules: [privilegedRoleRule],
};

export { assertPasswordPolicy } from './account.routes.ts';
export { setSessionCookie } from './auth.routes.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { PASSWORD_PROBLEMS, PRODUCT_PASSWORDS, passwordProblem } from './policy.ts';
export { secondFactorRequired } from './second-factor.ts';
export {
  CSRF_COOKIE,
  createSession,
  loadRequestSession,
  loadSession,
  SESSION_COOKIE,
  sessionCache,
} from './sessions.ts';
