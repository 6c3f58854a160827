import { z } from 'zod';
import { type HorizonField, horizonMessage, isBeyondHorizon } from '../domain/calendar/date-horizon.ts';
import { osloDateOf } from '../domain/calendar/oslo-time.ts';
import { bilingual } from './bilingual.ts';

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A calendar date as `YYYY-MM-DD` (years 1900–2199), checked to exist (no 30 February). */
export const IsoDateSchema = z
  .string()
  .regex(/^(19|20|21)\d{2}-\d{2}-\d{2}$/, {
    message: bilingual('Ugyldig dato (bruk åååå-mm-dd).', 'Invalid date (use yyyy-mm-dd).'),
    abort: true, // a malformed date is reported once, not also as "does not exist"
  })
  .refine(isRealDate, bilingual('Datoen finnes ikke.', 'The date does not exist.'));

/**
 * A real date no further ahead than the product's horizon for `field` (`isBeyondHorizon`, a pure
 * rule in the calendar domain). "Today" is the Oslo day at validation time; the web validates with
 * the same schema before sending, so the field shows the same message as the 400.
 */
export function horizonDateSchema(field: HorizonField, today: () => string = () => osloDateOf(new Date())) {
  return IsoDateSchema.superRefine((value, ctx) => {
    const now = today();
    if (!isBeyondHorizon(field, value, now)) return;
    const m = horizonMessage(field, now);
    ctx.addIssue({ code: 'custom', message: bilingual(m.nb, m.en) });
  });
}

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email(bilingual('Ugyldig e-postadresse.', 'Invalid e-mail address.')));

export const PhoneSchema = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[0-9 ()-]{5,}$/, bilingual('Ugyldig telefonnummer.', 'Invalid phone number.'));

export const PageQuerySchema = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
