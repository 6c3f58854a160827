/**
 * Validation of `naervaer statistikk` / API input with zod. Every
 * message names the field by its path (`employees[3].positionPercent`) and says what is wrong in
 * Norwegian and English. Cross-field rules (duplicate ids, unknown units, cycles, repeated quarters)
 * are checked after the shapes.
 */
import { z } from 'zod';
import { parseIsoDate } from '../calendar/index.ts';
import { formatPath, PERIOD_TYPES, type ValidationError } from '../sykefravaer/index.ts';
import { parseQuarter } from './quarter.ts';
import type { StatistikkInput } from './types.ts';

const SEP = ' / ';
const msg = (nb: string, en: string) => `${nb}${SEP}${en}`;
const MISSING = msg('mangler', 'is missing');

const isoDate = z
  .string({
    error: (iss) =>
      iss.input === undefined ? MISSING : msg('må være en dato (tekst)', 'must be a date (string)'),
  })
  .refine((v) => parseIsoDate(v) !== null, {
    error: msg('må være en gyldig dato på formen ÅÅÅÅ-MM-DD', 'must be a valid date in the form YYYY-MM-DD'),
  });

const id = z
  .string({
    error: (iss) => (iss.input === undefined ? MISSING : msg('må være en tekst', 'must be a string')),
  })
  .min(1, { error: msg('kan ikke være tom', 'must not be empty') });

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
    if (start !== null && end !== null && end < start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: msg('kan ikke være før start', 'must not be before start'),
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

const POSITION = msg('må være et tall fra 1 til 100', 'must be a number from 1 to 100');

/** Stillingsprosent with at most two decimals, so that `positionPercent × 100` is an integer (exact arithmetic). */
const positionPercent = z
  .number({ error: (iss) => (iss.input === undefined ? MISSING : POSITION) })
  .min(1, { error: POSITION })
  .max(100, { error: POSITION })
  .refine((p) => Math.abs(Math.round(p * 100) - p * 100) < 1e-6, {
    error: msg('kan ha høyst to desimaler', 'may have at most two decimals'),
  });

const unitSchema = z.object(
  {
    id,
    parentId: z
      .string({ error: msg('må være null eller id-en til en enhet', 'must be null or the id of a unit') })
      .nullable()
      .optional(),
    name: id,
  },
  { error: msg('må være et objekt med id og name', 'must be an object with id and name') },
);

const employeeSchema = z
  .object(
    {
      id,
      positionPercent,
      unitId: z
        .string({ error: msg('må være null eller id-en til en enhet', 'must be null or the id of a unit') })
        .nullable()
        .optional(),
      employmentStart: isoDate,
      employmentEnd: isoDate.nullable().optional(),
      periods: z.array(periodSchema, { error: msg('må være en liste', 'must be a list') }).optional(),
    },
    {
      error: msg(
        'må være et objekt med id, positionPercent og employmentStart',
        'must be an object with id, positionPercent and employmentStart',
      ),
    },
  )
  .superRefine((e, ctx) => {
    const start = parseIsoDate(e.employmentStart);
    const end = e.employmentEnd == null ? null : parseIsoDate(e.employmentEnd);
    if (start !== null && end !== null && end < start) {
      ctx.addIssue({
        code: 'custom',
        path: ['employmentEnd'],
        message: msg('kan ikke være før employmentStart', 'must not be before employmentStart'),
      });
    }
  });

const QUARTER_MSG = msg(
  'må være et kvartal på formen ÅÅÅÅKn, for eksempel 2025Q1 (år 2000–2099, n 1–4)',
  'must be a quarter in the form YYYYQn, for example 2025Q1 (year 2000–2099, n 1–4)',
);

export const statistikkInputSchema = z
  .object(
    {
      quarters: z
        .array(
          z.string({ error: QUARTER_MSG }).refine((q) => parseQuarter(q) !== null, { error: QUARTER_MSG }),
          { error: (iss) => (iss.input === undefined ? MISSING : msg('må være en liste', 'must be a list')) },
        )
        .min(1, { error: msg('må ha minst ett kvartal', 'must have at least one quarter') }),
      units: z.array(unitSchema, { error: msg('må være en liste', 'must be a list') }).optional(),
      employees: z.array(employeeSchema, {
        error: (iss) => (iss.input === undefined ? MISSING : msg('må være en liste', 'must be a list')),
      }),
    },
    {
      error: msg(
        'må være et JSON-objekt med quarters og employees',
        'must be a JSON object with quarters and employees',
      ),
    },
  )
  .superRefine((input, ctx) => {
    const seenQuarters = new Set<string>();
    input.quarters.forEach((q, i) => {
      if (seenQuarters.has(q)) {
        ctx.addIssue({
          code: 'custom',
          path: ['quarters', i],
          message: msg(`${q} er oppgitt mer enn én gang`, `${q} appears more than once`),
        });
      }
      seenQuarters.add(q);
    });
    const units = input.units ?? [];
    const parents = new Map<string, string | null>();
    units.forEach((u, i) => {
      if (parents.has(u.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['units', i, 'id'],
          message: msg(`«${u.id}» er brukt av en annen enhet`, `"${u.id}" is used by another unit`),
        });
      } else parents.set(u.id, u.parentId ?? null);
    });
    units.forEach((u, i) => {
      const parent = u.parentId ?? null;
      if (parent !== null && !parents.has(parent)) {
        ctx.addIssue({
          code: 'custom',
          path: ['units', i, 'parentId'],
          message: msg(`«${parent}» er ikke id-en til en enhet`, `"${parent}" names no unit`),
        });
      }
    });
    // A cycle: walking up from a unit comes back to it (each unit reported once, at its first index).
    const inCycle = new Set<string>();
    units.forEach((u, i) => {
      if (inCycle.has(u.id)) return;
      const path: string[] = [];
      let at: string | null = u.id;
      const seen = new Set<string>();
      while (at !== null && parents.has(at) && !seen.has(at)) {
        seen.add(at);
        path.push(at);
        at = parents.get(at) ?? null;
      }
      if (at !== null && seen.has(at) && at === u.id) {
        for (const p of path) inCycle.add(p);
        ctx.addIssue({
          code: 'custom',
          path: ['units', i, 'parentId'],
          message: msg('gir en sirkel i enhetstreet', 'makes a cycle in the unit tree'),
        });
      }
    });
    const employeeIds = new Set<string>();
    input.employees.forEach((e, i) => {
      if (employeeIds.has(e.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['employees', i, 'id'],
          message: msg(`«${e.id}» er brukt av en annen ansatt`, `"${e.id}" is used by another employee`),
        });
      }
      employeeIds.add(e.id);
      const unit = e.unitId ?? null;
      if (unit !== null && !parents.has(unit)) {
        ctx.addIssue({
          code: 'custom',
          path: ['employees', i, 'unitId'],
          message: msg(`«${unit}» er ikke id-en til en enhet`, `"${unit}" names no unit`),
        });
      }
    });
  });

export type StatistikkParseResult =
  | { ok: true; value: StatistikkInput }
  | { ok: false; errors: ValidationError[] };

/** Validates unknown (parsed JSON) input and fills in the defaults (no units, no periods, ongoing). */
export function parseStatistikkInput(value: unknown): StatistikkParseResult {
  const result = statistikkInputSchema.safeParse(value);
  if (!result.success) {
    const errors = result.error.issues.map((issue): ValidationError => {
      const path = formatPath(issue.path);
      const cut = issue.message.indexOf(SEP);
      const nb = cut < 0 ? issue.message : issue.message.slice(0, cut);
      const en = cut < 0 ? issue.message : issue.message.slice(cut + SEP.length);
      return { path, nb, en, message: `${path}: ${nb}${SEP}${en}` };
    });
    return { ok: false, errors };
  }
  const data = result.data;
  return {
    ok: true,
    value: {
      quarters: data.quarters,
      units: (data.units ?? []).map((u) => ({ id: u.id, parentId: u.parentId ?? null, name: u.name })),
      employees: data.employees.map((e) => ({
        id: e.id,
        positionPercent: e.positionPercent,
        unitId: e.unitId ?? null,
        employmentStart: e.employmentStart,
        employmentEnd: e.employmentEnd ?? null,
        periods: e.periods ?? [],
      })),
    },
  };
}
