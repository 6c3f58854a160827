/**
 * Organisasjonsnummer (Enhetsregisteret): nine digits, the last a modulus-11 check digit.
 * Weights 3 2 7 6 5 4 3 2 over the first eight digits; check = 11 − (sum mod 11);
 * 11 becomes 0, and 10 means the number cannot exist.
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Removes the spaces people write (`923 609 016`). */
export function normaliseOrgnr(input: string): string {
  return input.replace(/[\s.]/g, '');
}

export function orgnrCheckDigit(firstEight: string): number | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(firstEight[i]) * (WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

export function isValidOrgnr(input: string): boolean {
  const value = normaliseOrgnr(input);
  if (!/^\d{9}$/.test(value)) return false;
  const check = orgnrCheckDigit(value.slice(0, 8));
  return check !== null && check === Number(value[8]);
}

/** `923609016` → `923 609 016`, as it is printed on letters. */
export function formatOrgnr(value: string): string {
  const v = normaliseOrgnr(value);
  return v.length === 9 ? `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6)}` : value;
}
