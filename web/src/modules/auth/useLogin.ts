/** Logging in: the session the server returns replaces the anonymous one, then the language is synced. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { setupKey, storeSession } from '../../api/session.ts';
import type { SessionResponse } from '../../api/types.ts';
import { syncLocaleAfterLogin } from '../../app/locale-sync.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function useLogin() {
  const queryClient = useQueryClient();
  const { locale, setLocale } = useI18n();
  return useMutation({
    meta: { isLogin: true },
    mutationFn: (credentials: { email: string; password: string }) =>
      api.post<SessionResponse>('/auth/login', credentials),
    onSuccess: async (session) => {
      queryClient.removeQueries({
        predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'setup',
      });
      storeSession(queryClient, session);
      queryClient.setQueryData(setupKey, { needsSetup: false });
      await syncLocaleAfterLogin(session, locale, setLocale);
    },
  });
}
