import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { ApiError } from '../api/client.ts';
import { installCsrfRefresh, sessionKey } from '../api/session.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import type { Locale } from '../i18n/types.ts';
import { dictionaries } from './dictionaries.ts';
import { createRouter } from './router.tsx';

function createQueryClient(): QueryClient {
  // A 401 from anything but the login itself means the session ended: reload it, and the guards
  // send the user to the login page.
  const onError = (error: unknown, client: () => QueryClient) => {
    if (error instanceof ApiError && error.status === 401 && error.code === 'UNAUTHENTICATED') {
      void client().invalidateQueries({ queryKey: sessionKey });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onError(error, () => client) }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (mutation.options.meta?.isLogin !== true) onError(error, () => client);
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, error) =>
          !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
  installCsrfRefresh(client);
  return client;
}

export function App({ initialLocale }: { initialLocale: Locale }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <I18nProvider initial={initialLocale} dictionaries={dictionaries}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  );
}
