/**
 * Validation of `naervaer plan` / API input with zod. Every message names the field
 * (`periods[2].grade`) and says what is wrong in Norwegian and English.
 */
import { z } from 'zod';
import { parseIsoDate } from '../calendar/index.ts';
import { PERIOD_TYPES, type PlanInput } from './types.ts';

/** Separator between the Norwegian and the English half of a message. */
const SEP = ' / ';

function msg(nb: string, en: string): string {
  return `${nb}${SEP}${en}`;
}

const MISSING = msg('mangler', 'is missing');

const isoDate = z
  .string({
    error: (iss) =>
      iss.input === undefined ? MISSING : msg('må være en dato (tekst)', 'must be a date (string)'),
  })
  .refine((v) => parseIsoDate(v) !== null, {
    error: msg('må være en gyldig dato på formen ÅÅÅÅ-MM-DD', 'must be a valid date in the form YYYY-MM-DD'),
  });

const periodSchema = z
  .object(
    {
      start: isoDate,
      end: isoDate,
      type: z.enum(PERIOD_TYPES, {
        error: (iss) =>
          iss.input === undefined
            ? MISSING
            : msg(`må være en av ${PERIOD_TYPES.join(', ')}`, `must be one of ${PERIOD_TYPES.join(', ')}`),
      }),
      grade: z
        .number({ error: msg('må være et tall', 'must be a number') })
        .int({ error: msg('må være et helt tall', 'must be a whole number') })
        .min(1, { error: msg('må være mellom 1 og 100', 'must be between 1 and 100') })
        .max(100, { error: msg('må være mellom 1 og 100', 'must be between 1 and 100') })
        .optional(),
    },
    { error: msg('må være et objekt med start, end og type', 'must be an object with start, end and type') },
  )
  .superRefine((p, ctx) => {
    const start = parseIsoDate(p.start);
    const end = parseIsoDate(p.end);
    if (start !== null && end !== null && start > end) {
      ctx.addIssue({
        code: 'custom',
        path: ['start'],
        message: msg('kan ikke være etter end', 'must not be after end'),
      });
    }
    if (p.type === 'sykmelding' && p.grade === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['grade'],
        message: msg('mangler (påkrevd for sykmelding)', 'is missing (required for sykmelding)'),
      });
    }
    if (p.type !== 'sykmelding' && p.grade !== undefined && p.grade !== 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['grade'],
        message: msg(`må mangle eller være 100 for ${p.type}`, `must be absent or 100 for ${p.type}`),
      });
    }
  });

const overrideSchema = z
  .object(
    { caseStart: isoDate, end: isoDate },
    { error: msg('må være et objekt med caseStart og end', 'must be an object with caseStart and end') },
  )
  .superRefine((o, ctx) => {
    const start = parseIsoDate(o.caseStart);
    const end = parseIsoDate(o.end);
    if (start !== null && end !== null && end < start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: msg('kan ikke være før caseStart', 'must not be before caseStart'),
      });
    }
  });

/** The input of `beregnPlan` (the `naervaer plan` contract, plus the optional extra inputs in `types.ts`). */
export const planInputSchema = z.object(
  {
    periods: z.array(periodSchema, {
      error: (iss) => (iss.input === undefined ? MISSING : msg('må være en liste', 'must be a list')),
    }),
    birthDate: isoDate.optional(),
    arbeidsgiverperiodeOverrides: z
      .array(overrideSchema, { error: msg('må være en liste', 'must be a list') })
      .optional(),
    dialogmote2Date: isoDate.optional(),
  },
  { error: msg('må være et JSON-objekt med periods', 'must be a JSON object with periods') },
);

export interface ValidationError {
  /** `periods[2].grade`; `(input)` for the document itself. */
  path: string;
  nb: string;
  en: string;
  /** `periods[2].grade: må være mellom 1 og 100 / must be between 1 and 100` */
  message: string;
}

export type ParseResult = { ok: true; value: PlanInput } | { ok: false; errors: ValidationError[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(input)' : out;
}

/** Validates unknown (parsed JSON) input. */
export function parsePlanInput(value: unknown): ParseResult {
  const result = planInputSchema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const errors = result.error.issues.map((issue): ValidationError => {
    const path = formatPath(issue.path);
    const cut = issue.message.indexOf(SEP);
    const nb = cut < 0 ? issue.message : issue.message.slice(0, cut);
    const en = cut < 0 ? issue.message : issue.message.slice(cut + SEP.length);
    return { path, nb, en, message: `${path}: ${nb}${SEP}${en}` };
  });
  return { ok: false, errors };
}
