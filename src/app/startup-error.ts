/**
 * What `npm start` and the `naervaer` commands print when they cannot start: our own errors (bad
 * configuration, a data directory held by another process) as their message alone; anything else
 * as a readable text — PGlite may throw a plain object, which printed as "[object Object]".
 */
import { ConfigError } from '../config.ts';

export function isExpectedStartupError(error: unknown): error is Error {
  return error instanceof ConfigError || (error instanceof Error && error.name === 'DataDirLockedError');
}

/** The text to print for a failure to start (no stack for the expected ones). */
export function describeStartupError(error: unknown): string {
  if (isExpectedStartupError(error)) return error.message;
  const detail =
    error instanceof Error
      ? (error.stack ?? error.message)
      : typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
        ? error.message
        : safeJson(error);
  return `Nærvær kunne ikke starte / could not start:\n${detail}`;
}

function safeJson(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}
