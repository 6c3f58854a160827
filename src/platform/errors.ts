/**
 * One error type for everything a request can fail with, and one JSON shape on the wire:
 * `{ "error": { "code", "reason"?, "message", "fields"? } }` with the message in the user's language.
 *
 * A handler throws a *domain* code that says what went wrong (`STALE_VERSION`, `DUPLICATE`, …);
 * the table below is the one place that maps it to an HTTP status and the transport `code` on the
 * wire. Where the two differ, the body also carries the domain code as `reason`, so a client can
 * tell "someone saved first — reload" from "that name is taken" although both are 409.
 */
import type { Locale, Text } from '../i18n/locale.ts';

/** Transport codes: the `code` of the wire body, one per kind of HTTP answer. */
export type WireCode =
  | 'VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'CSRF_FAILED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'HEADERS_TOO_LARGE'
  | 'INTERNAL';

/** Every code a handler may throw → its HTTP status and wire code. */
export const ERROR_TABLE = {
  VALIDATION_FAILED: { status: 400, wire: 'VALIDATION_FAILED' },
  BAD_REQUEST: { status: 400, wire: 'BAD_REQUEST' },
  UNAUTHENTICATED: { status: 401, wire: 'UNAUTHENTICATED' },
  CSRF_FAILED: { status: 403, wire: 'CSRF_FAILED' },
  FORBIDDEN: { status: 403, wire: 'FORBIDDEN' },
  /** The user must set up a second factor (admin, HR) before anything else (ADR 0016). */
  SECOND_FACTOR_REQUIRED: { status: 403, wire: 'FORBIDDEN' },
  NOT_FOUND: { status: 404, wire: 'NOT_FOUND' },
  /** A conflict with no more precise reason. */
  CONFLICT: { status: 409, wire: 'CONFLICT' },
  /** Optimistic concurrency: someone else saved the record after the version the client read. */
  STALE_VERSION: { status: 409, wire: 'CONFLICT' },
  /** A unique value (an e-mail address, a name) is already used by another record. */
  DUPLICATE: { status: 409, wire: 'CONFLICT' },
  /** What the request would create exists already (the user already has access, setup is done). */
  ALREADY_EXISTS: { status: 409, wire: 'CONFLICT' },
  /** The record is linked to other records and cannot be changed or removed this way. */
  IN_USE: { status: 409, wire: 'CONFLICT' },
  /** A new or corrected absence period duplicates or overlaps another; resend with `confirmOverlap`. */
  PERIOD_OVERLAP: { status: 409, wire: 'CONFLICT' },
  /** The record is in a state that does not allow this (a cancelled meeting, an approved plan). */
  WRONG_STATE: { status: 409, wire: 'CONFLICT' },
  PAYLOAD_TOO_LARGE: { status: 413, wire: 'PAYLOAD_TOO_LARGE' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, wire: 'UNSUPPORTED_MEDIA_TYPE' },
  RATE_LIMITED: { status: 429, wire: 'RATE_LIMITED' },
  /** The URL or headers are too long (answered on the socket, before Fastify has a request). */
  HEADERS_TOO_LARGE: { status: 431, wire: 'HEADERS_TOO_LARGE' },
  INTERNAL: { status: 500, wire: 'INTERNAL' },
} as const satisfies Record<string, { status: number; wire: WireCode }>;

export type ErrorCode = keyof typeof ERROR_TABLE;

/** A field-level problem: the path of the field (`rows.3.email`) and what is wrong with it. */
export type FieldError = { path: string; message: Text };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly text: Text;
  readonly fields: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    text: Text,
    options?: { fields?: FieldError[]; headers?: Record<string, string> },
  ) {
    super(text.en);
    this.name = 'AppError';
    this.code = code;
    this.text = text;
    this.fields = options?.fields;
    this.headers = options?.headers;
  }

  get status(): number {
    return ERROR_TABLE[this.code].status;
  }

  toJSON(locale: Locale): ErrorBody {
    const wire = ERROR_TABLE[this.code].wire;
    const body: ErrorBody['error'] = { code: wire, message: this.text[locale] };
    if (wire !== this.code) body.reason = this.code;
    if (this.fields && this.fields.length > 0) {
      body.fields = this.fields.map((f) => ({ path: f.path, message: f.message[locale] }));
    }
    return { error: body };
  }
}

export type ErrorBody = {
  error: {
    code: WireCode;
    /** The domain code, where it is more precise than `code` (e.g. `STALE_VERSION` for a 409). */
    reason?: ErrorCode;
    message: string;
    fields?: { path: string; message: string }[];
  };
};

export const notFound = (what: Text = { nb: 'Fant ikke det du ba om.', en: 'Not found.' }) =>
  new AppError('NOT_FOUND', what);

export const conflict = (
  text: Text,
  code: 'CONFLICT' | 'DUPLICATE' | 'ALREADY_EXISTS' | 'IN_USE' | 'WRONG_STATE' = 'CONFLICT',
) => new AppError(code, text);

export const badRequest = (text: Text, fields?: FieldError[]) =>
  new AppError('BAD_REQUEST', text, fields ? { fields } : undefined);

/** The message shown when someone saved the same record first (optimistic concurrency). */
export const staleVersion = () =>
  new AppError('STALE_VERSION', {
    nb: 'Noen andre har endret dette i mellomtiden. Last siden på nytt for å se endringene, og gjør dine endringer igjen.',
    en: 'Someone else changed this in the meantime. Reload the page to see their changes, then make yours again.',
  });
