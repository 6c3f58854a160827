/**
 * Receipt codes for the anonymous mailbox: 16 random digits, shown once. The first 6 find the case
 * (stored in clear, unique per organisation); all 16 are checked against an argon2id hash (the
 * OWASP-recommended default of @node-rs/argon2: 19 MiB, 2 passes). A check always costs one
 * argon2 verification — against a dummy hash when no case has those 6 digits — so the time of an
 * answer does not tell whether a code exists. 10 unknown digits behind a slow hash and the
 * per-mailbox limit (`limits.ts`) make guessing infeasible.
 */
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { RECEIPT_CODE_DIGITS, RECEIPT_LOOKUP_DIGITS } from '../../domain/varsling/rules.ts';

export function newReceiptCode(): string {
  let code = '';
  for (let i = 0; i < RECEIPT_CODE_DIGITS; i++) code += String(randomInt(10));
  return code;
}

export const lookupPart = (code: string) => code.slice(0, RECEIPT_LOOKUP_DIGITS);

export function hashReceiptCode(code: string): Promise<string> {
  return hash(code);
}

let dummy: Promise<string> | null = null;
/** A hash of a code nobody holds, computed once, for the checks that find no case. */
function dummyHash(): Promise<string> {
  dummy ??= hash(`dummy-${newReceiptCode()}`);
  return dummy;
}

/**
 * True when `code` opens the mailbox whose stored hash is `stored` (null: no mailbox with that
 * lookup part). Does the same work either way.
 */
export async function checkReceiptCode(code: string, stored: string | null): Promise<boolean> {
  const against = stored ?? (await dummyHash());
  const ok = await verify(against, code).catch(() => false);
  return ok && stored !== null;
}

/** Warms the dummy hash so the first check is not slower than the others. */
export function warmReceiptChecks(): void {
  void dummyHash();
}
