/**
 * The session: who is logged in, in which organisation, with which roles, and the CSRF token.
 * Kept in react-query under `['session']`; every response that carries a session updates the token.
 */
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, onCsrfRefresh, setCsrfToken } from './client.ts';
import {
  clearSnapshot,
  isOfflineSession,
  readSnapshot,
  rememberSession,
  sessionFromSnapshot,
} from './offline-session.ts';
import type { Role, SessionResponse } from './types.ts';

export const sessionKey = ['session'] as const;

/** Set on logout, read by the login page ("Du er logget ut."), cleared by the next login. */
export const sessionNotices = { loggedOut: false };
export const setupKey = ['setup'] as const;

/** While the gate stands on the offline snapshot (or failed), it asks the server again this often. */
export const OFFLINE_RETRY_MS = 3000;

/** No answer at all from the server (offline, DNS, a dropped connection) — not a refusal. */
const unreachable = (error: unknown) => isApiError(error) && error.status === 0;

/** The server's session for the CSRF refresh: never the offline snapshot. */
async function fetchServerSession(): Promise<SessionResponse> {
  const session = await api.get<SessionResponse>('/session');
  setCsrfToken(session.csrfToken);
  rememberSession(session);
  return session;
}

/**
 * The session for the gate: the server's, or — only when the server cannot be reached — the one
 * made from the offline snapshot (ADR 0022), so a cold start without network reaches the report form.
 */
export async function fetchSession(): Promise<SessionResponse> {
  try {
    return await fetchServerSession();
  } catch (error) {
    const snapshot = unreachable(error) ? readSnapshot() : null;
    if (snapshot) return sessionFromSnapshot(snapshot);
    throw error;
  }
}

export { isOfflineSession };

/** Ends the offline snapshot (logout): the device keeps nothing that lets the form open as this user. */
export function forgetOfflineSession(): void {
  clearSnapshot();
}

export function installCsrfRefresh(queryClient: QueryClient): void {
  onCsrfRefresh(async () => {
    const session = await fetchServerSession();
    queryClient.setQueryData(sessionKey, session);
  });
}

/** Stores a session the server just returned (login, switching organisation). */
export function storeSession(queryClient: QueryClient, session: SessionResponse): void {
  setCsrfToken(session.csrfToken);
  rememberSession(session);
  queryClient.setQueryData(sessionKey, session);
}

/**
 * The gate's session. A start without network never fires the browser's `online` event, so the gate
 * asks again by itself every `OFFLINE_RETRY_MS` while it stands on the snapshot or has failed; the
 * first answer from the server replaces the snapshot (and sends the outbox, see the avvik module).
 */
export function useSessionQuery() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    networkMode: 'always',
    refetchInterval: (query) =>
      isOfflineSession(query.state.data) || query.state.status === 'error' ? OFFLINE_RETRY_MS : false,
  });
}

export function useSetupQuery() {
  return useQuery({
    queryKey: setupKey,
    queryFn: async () => {
      try {
        return await api.get<{ needsSetup: boolean }>('/setup');
      } catch (error) {
        // A device with a snapshot has been set up; offline, that is all the gate needs to know.
        if (unreachable(error) && readSnapshot()) return { needsSetup: false };
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    networkMode: 'always',
    refetchInterval: (query) => (query.state.status === 'error' ? OFFLINE_RETRY_MS : false),
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
