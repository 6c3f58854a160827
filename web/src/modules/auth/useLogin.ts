/**
 * Logging in: the session the server returns replaces the anonymous one, then the language is synced.
 * With a second factor the password step answers `secondFactorPending` (still logged out) and the
 * code step (`useSecondFactorLogin`) returns the session.
 */
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../api/client.ts';
import { setupKey, storeSession } from '../../api/session.ts';
import type { SessionResponse } from '../../api/types.ts';
import { syncLocaleAfterLogin } from '../../app/locale-sync.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

async function afterLogin(
  queryClient: QueryClient,
  session: SessionResponse,
  sync: (session: SessionResponse) => Promise<void>,
) {
  if (!session.authenticated) {
    // The first step of two: keep the anonymous session (and its CSRF token) until the code is in.
    setCsrfToken(session.csrfToken);
    return;
  }
  queryClient.removeQueries({
    predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'setup',
  });
  storeSession(queryClient, session);
  queryClient.setQueryData(setupKey, { needsSetup: false });
  await sync(session);
}

export function useLogin() {
  const queryClient = useQueryClient();
  const { locale, setLocale } = useI18n();
  return useMutation({
    meta: { isLogin: true },
    mutationFn: (credentials: { email: string; password: string }) =>
      api.post<SessionResponse>('/auth/login', credentials),
    onSuccess: (session) =>
      afterLogin(queryClient, session, (s) => syncLocaleAfterLogin(s, locale, setLocale)),
  });
}

export function useSecondFactorLogin() {
  const queryClient = useQueryClient();
  const { locale, setLocale } = useI18n();
  return useMutation({
    meta: { isLogin: true },
    mutationFn: (input: { code: string } | { recoveryCode: string }) =>
      api.post<SessionResponse>('/auth/login/second-factor', input),
    onSuccess: (session) =>
      afterLogin(queryClient, session, (s) => syncLocaleAfterLogin(s, locale, setLocale)),
  });
}
