/**
 * Turns zod's issues into field errors in both languages. Custom messages in schemas are
 * written with `bilingual(nb, en)` (`src/contracts/bilingual.ts`) so they carry both languages through zod.
 */
import type { z } from 'zod';
import { bilingualText } from '../contracts/bilingual.ts';
import type { Text } from '../i18n/locale.ts';
import { AppError, type FieldError } from './errors.ts';

const typeNames: Record<string, Text> = {
  string: { nb: 'tekst', en: 'a string' },
  number: { nb: 'et tall', en: 'a number' },
  int: { nb: 'et heltall', en: 'an integer' },
  boolean: { nb: 'sann/usann', en: 'a boolean' },
  object: { nb: 'et objekt', en: 'an object' },
  array: { nb: 'en liste', en: 'an array' },
};

function issueText(issue: z.core.$ZodIssue): Text {
  const custom = bilingualText(issue.message);
  if (custom) return custom;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return { nb: 'Må fylles ut.', en: 'Required.' };
      const t = typeNames[issue.expected] ?? { nb: issue.expected, en: issue.expected };
      return { nb: `Må være ${t.nb}.`, en: `Must be ${t.en}.` };
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { nb: 'Må fylles ut.', en: 'Required.' }
          : { nb: `Må ha minst ${issue.minimum} tegn.`, en: `Must be at least ${issue.minimum} characters.` };
      }
      if (issue.origin === 'array') {
        return {
          nb: `Må ha minst ${issue.minimum} element.`,
          en: `Must have at least ${issue.minimum} items.`,
        };
      }
      return { nb: `Må være minst ${issue.minimum}.`, en: `Must be at least ${issue.minimum}.` };
    case 'too_big':
      if (issue.origin === 'string') {
        return {
          nb: `Kan ha høyst ${issue.maximum} tegn.`,
          en: `Must be at most ${issue.maximum} characters.`,
        };
      }
      if (issue.origin === 'array') {
        return {
          nb: `Kan ha høyst ${issue.maximum} element.`,
          en: `Must have at most ${issue.maximum} items.`,
        };
      }
      return { nb: `Kan være høyst ${issue.maximum}.`, en: `Must be at most ${issue.maximum}.` };
    case 'invalid_format':
      if (issue.format === 'email') return { nb: 'Ugyldig e-postadresse.', en: 'Invalid e-mail address.' };
      if (issue.format === 'uuid') return { nb: 'Ugyldig id.', en: 'Invalid id.' };
      if (issue.format === 'date') {
        return { nb: 'Ugyldig dato (bruk åååå-mm-dd).', en: 'Invalid date (use yyyy-mm-dd).' };
      }
      return { nb: 'Ugyldig format.', en: 'Invalid format.' };
    case 'invalid_value':
      return {
        nb: `Må være en av: ${issue.values.map(String).join(', ')}.`,
        en: `Must be one of: ${issue.values.map(String).join(', ')}.`,
      };
    case 'unrecognized_keys':
      return {
        nb: `Ukjente felt: ${issue.keys.join(', ')}.`,
        en: `Unknown fields: ${issue.keys.join(', ')}.`,
      };
    default:
      return { nb: 'Ugyldig verdi.', en: 'Invalid value.' };
  }
}

export function fieldErrorsOf(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const full = prefix ? (path ? `${prefix}.${path}` : prefix) : path;
    return { path: full === '' ? '(body)' : full, message: issueText(issue) };
  });
}

export function validationError(error: z.ZodError, prefix?: string): AppError {
  return fieldsError(fieldErrorsOf(error, prefix));
}

/** A 400 listing every bad field; the message names the first. Use it for checks zod cannot do (references, uniqueness). */
export function fieldsError(fields: FieldError[]): AppError {
  const first = fields[0];
  const text: Text = first
    ? {
        nb: `Ugyldig verdi i feltet «${first.path}»: ${first.message.nb}`,
        en: `Invalid value in field "${first.path}": ${first.message.en}`,
      }
    : { nb: 'Ugyldig forespørsel.', en: 'Invalid request.' };
  return new AppError('VALIDATION_FAILED', text, { fields });
}

/** Parses `value` with `schema`, or throws a 400 naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, prefix);
  return result.data;
}
