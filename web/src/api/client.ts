/**
 * A small typed fetch client for `/api/v1`. Every request sends `Accept-Language` (the UI language)
 * and, when it changes state, the `x-csrf-token` from `GET /api/v1/session`. Errors come back as
 * `ApiError` with the server's `code`, its precise `reason` (for a 409: `STALE_VERSION`, `DUPLICATE`,
 * …), its `message` (already in the user's language) and `fields`.
 */
import { coreMessagesFor } from '../i18n/messages.ts';
import type { Locale } from '../i18n/types.ts';

export type FieldError = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /**
   * The server's domain code where it is more precise than `code`: for a 409 `STALE_VERSION` (someone
   * else saved first), `DUPLICATE`, `ALREADY_EXISTS`, `IN_USE` or `WRONG_STATE`.
   */
  readonly reason: string | undefined;
  readonly fields: FieldError[];
  /** The raw error body, for routes that send more than the standard shape. */
  readonly body: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldError[] = [],
    body?: unknown,
    reason?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.reason = reason;
    this.fields = fields;
    this.body = body;
  }
}

export const API_BASE = '/api/v1';

let csrfToken = '';
let locale: Locale = 'nb';
let csrfRefresher: (() => Promise<void>) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function setApiLocale(next: Locale): void {
  locale = next;
}

/** Called once by the session module: how to fetch a fresh CSRF token when the server refuses ours. */
export function onCsrfRefresh(refresh: () => Promise<void>): void {
  csrfRefresher = refresh;
}

type Query = Record<string, string | number | undefined | null>;

export type RequestOptions = {
  query?: Query;
  body?: unknown;
  /** Send a file as multipart/form-data instead of JSON. */
  form?: FormData;
  signal?: AbortSignal;
};

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function buildUrl(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const text = coreMessagesFor(locale).errors;
  if (!error || typeof error.message !== 'string') {
    const fallback = status >= 500 || status === 0 ? text.server : text.unexpected;
    return new ApiError(status, status >= 500 ? 'INTERNAL' : 'UNKNOWN', fallback, [], body);
  }
  const fields = Array.isArray(error.fields)
    ? error.fields.flatMap((f): FieldError[] =>
        isRecord(f) && typeof f.path === 'string' && typeof f.message === 'string'
          ? [{ path: f.path, message: f.message }]
          : [],
      )
    : [];
  const code = typeof error.code === 'string' ? error.code : 'UNKNOWN';
  const reason = typeof error.reason === 'string' ? error.reason : undefined;
  // Never show a server stack or an internal detail: a 5xx gets our own plain sentence.
  const message = code === 'INTERNAL' || status >= 500 ? text.server : error.message;
  return new ApiError(status, code, message, fields, body, reason);
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (STATE_CHANGING.has(method)) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', coreMessagesFor(locale).errors.network);
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  if (response.status === 403 && STATE_CHANGING.has(method) && csrfRefresher) {
    // The token may have changed (a new session in another tab): fetch a fresh one and try once more.
    const first = await response
      .clone()
      .json()
      .catch(() => undefined);
    if (isRecord(first) && isRecord(first.error) && first.error.code === 'CSRF_FAILED') {
      await csrfRefresher();
      response = await send(method, path, options);
    }
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { query, ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
};

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * Someone else saved the record after the version this client read (409 `STALE_VERSION`): the UI
 * offers to load the latest version. Other 409s (a duplicate, a record in use, a wrong state) are
 * ordinary errors whose message says what is wrong.
 */
export function isStaleVersion(error: unknown): error is ApiError {
  return isApiError(error) && error.status === 409 && error.reason === 'STALE_VERSION';
}
