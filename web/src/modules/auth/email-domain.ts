/** Which domain the login page asks about for single sign-on (ADR 0019). Pure. */

/** The domain of a complete-looking e-mail address (`navn@firma.no` → `firma.no`), else null. */
export function emailDomain(email: string): string | null {
  const match = /^[^@\s]+@([^@\s]+\.[^@\s]+)$/.exec(email.trim());
  return match?.[1] ? match[1].toLowerCase() : null;
}
