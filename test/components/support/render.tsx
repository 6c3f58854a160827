/**
 * Rendering a shared web component the way the app does (ADR 0024): the app's own dictionaries in
 * bokmål (Aksel's texts too), a fresh react-query client, Aksel's CSS, in Debian's Chromium. The
 * network is the one thing replaced: `fakeApi` answers `/api/v1/...` from the test's handlers and
 * records every request, so a test can say what the component asked for.
 */
import '../../../web/src/styles/index.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { setApiLocale } from '../../../web/src/api/client.ts';
import { dictionaries } from '../../../web/src/app/dictionaries.ts';
import { I18nProvider } from '../../../web/src/i18n/I18nProvider.tsx';

export function renderInApp(ui: ReactNode) {
  setApiLocale('nb');
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: 0 } } });
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider initial="nb" dictionaries={dictionaries}>
        {ui}
      </I18nProvider>
    </QueryClientProvider>,
  );
}

export type SentRequest = { method: string; path: string; query: URLSearchParams; body: unknown };
type Handler = (request: SentRequest) => { status?: number; body: unknown };

/** Replaces `fetch` for this test: `GET /employees` → `handlers['GET /employees']`; anything else is a 404. */
export function fakeApi(handlers: Record<string, Handler>): { sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.origin);
    const method = (init?.method ?? 'GET').toUpperCase();
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { method, path: url.pathname.replace(/^\/api\/v1/, ''), query: url.searchParams, body };
    sent.push(request);
    const handler = handlers[`${method} ${request.path}`];
    const answer = handler
      ? handler(request)
      : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Fant ikke' } } };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return { sent };
}
