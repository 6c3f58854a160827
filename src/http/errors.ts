/**
 * One error type for everything a request can fail with, and one JSON shape on the wire:
 * `{ "error": { "code", "message", "fields"? } }` with the message in the user's language.
 */
import type { Locale, Text } from '../i18n/locale.ts';

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

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
    return ERROR_STATUS[this.code];
  }

  toJSON(locale: Locale): ErrorBody {
    const body: ErrorBody['error'] = { code: this.code, message: this.text[locale] };
    if (this.fields && this.fields.length > 0) {
      body.fields = this.fields.map((f) => ({ path: f.path, message: f.message[locale] }));
    }
    return { error: body };
  }
}

export type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: { path: string; message: string }[] };
};

export const notFound = (what: Text = { nb: 'Fant ikke det du ba om.', en: 'Not found.' }) =>
  new AppError('NOT_FOUND', what);

export const conflict = (text: Text) => new AppError('CONFLICT', text);

export const badRequest = (text: Text, fields?: FieldError[]) =>
  new AppError('BAD_REQUEST', text, fields ? { fields } : undefined);

/** The message shown when someone saved the same record first (optimistic concurrency). */
export const staleVersion = () =>
  conflict({
    nb: 'Noen andre har endret dette i mellomtiden. Last siden på nytt for å se endringene, og gjør dine endringer igjen.',
    en: 'Someone else changed this in the meantime. Reload the page to see their changes, then make yours again.',
  });
