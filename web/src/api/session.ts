/**
 * The session: who is logged in, in which organisation, with which roles, and the CSRF token.
 * Kept in react-query under `['session']`; every response that carries a session updates the token.
 */
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, onCsrfRefresh, setCsrfToken } from './client.ts';
import type { Role, SessionResponse } from './types.ts';

export const sessionKey = ['session'] as const;

/** Set on logout, read by the login page ("Du er logget ut."), cleared by the next login. */
export const sessionNotices = { loggedOut: false };
export const setupKey = ['setup'] as const;

export async function fetchSession(): Promise<SessionResponse> {
  const session = await api.get<SessionResponse>('/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export function installCsrfRefresh(queryClient: QueryClient): void {
  onCsrfRefresh(async () => {
    const session = await fetchSession();
    queryClient.setQueryData(sessionKey, session);
  });
}

/** Stores a session the server just returned (login, switching organisation). */
export function storeSession(queryClient: QueryClient, session: SessionResponse): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(sessionKey, session);
}

export function useSessionQuery() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

export function useSetupQuery() {
  return useQuery({
    queryKey: setupKey,
    queryFn: () => api.get<{ needsSetup: boolean }>('/setup'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The current session; only for components rendered below the session gate (it is loaded there). */
export function useSession(): SessionResponse {
  const queryClient = useQueryClient();
  const { data } = useSessionQuery();
  const session = data ?? queryClient.getQueryData<SessionResponse>(sessionKey);
  if (!session) throw new Error('useSession() used before the session was loaded');
  return session;
}

export function hasAnyRole(session: SessionResponse, ...roles: Role[]): boolean {
  return session.roles.some((r) => roles.includes(r));
}

/** Admin and HR manage the organisation's people: every unit and employee, and the import. */
export function canManageEmployees(session: SessionResponse): boolean {
  return hasAnyRole(session, 'admin', 'hr');
}

/** Forgets everything that belonged to the previous user or organisation, and loads the session anew. */
export async function resetAfterSessionChange(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'setup' });
  await queryClient.invalidateQueries({ queryKey: sessionKey });
}
