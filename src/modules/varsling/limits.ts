/**
 * Rate limits for the anonymous endpoints without storing anything about the requester (no IP, no
 * cookie): in-memory budgets per organisation and per mailbox (the receipt code's lookup part).
 * A budget per organisation can be used up by an attacker — the channel then answers 429 for a
 * while — which we prefer to tracking reporters. With several server processes each keeps its own.
 */
import { AppError } from '../../platform/errors.ts';

type Window = { start: number; used: number };

export class Budget {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #windows = new Map<string, Window>();

  constructor(limit: number, windowMs: number) {
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  /** Counts one use of `key`; false when its budget for the current window is spent. */
  take(key: string, now = Date.now()): boolean {
    const w = this.#windows.get(key);
    if (!w || now - w.start >= this.#windowMs) {
      this.#windows.set(key, { start: now, used: 1 });
      this.#sweep(now);
      return true;
    }
    if (w.used >= this.#limit) return false;
    w.used += 1;
    return true;
  }

  /** Whether `key` still has budget, without using any. */
  has(key: string, now = Date.now()): boolean {
    const w = this.#windows.get(key);
    return !w || now - w.start >= this.#windowMs || w.used < this.#limit;
  }

  clear(): void {
    this.#windows.clear();
  }

  #sweep(now: number) {
    if (this.#windows.size < 10_000) return;
    for (const [key, w] of this.#windows) if (now - w.start >= this.#windowMs) this.#windows.delete(key);
  }
}

const MINUTE = 60_000;

/** New anonymous reports per organisation: 60 per 10 minutes. */
export const submissionBudget = new Budget(60, 10 * MINUTE);
/** Mailbox opens and answers per organisation: 300 per 10 minutes. */
export const mailboxBudget = new Budget(300, 10 * MINUTE);
/** Wrong codes per mailbox (lookup part): 5 per hour, then that mailbox waits. */
export const wrongCodeBudget = new Budget(5, 60 * MINUTE);

export function rateLimited(): AppError {
  return new AppError(
    'RATE_LIMITED',
    {
      nb: 'For mange forsøk akkurat nå. Vent litt og prøv igjen.',
      en: 'Too many attempts right now. Wait a while and try again.',
    },
    { headers: { 'retry-after': '600' } },
  );
}

/** For tests: start every budget afresh. */
export function resetBudgets(): void {
  submissionBudget.clear();
  mailboxBudget.clear();
  wrongCodeBudget.clear();
}
