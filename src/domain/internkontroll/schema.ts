/**
 * Validation of the company profile (`naervaer plikter` input) with zod. Every message
 * names the field (`arbeidstilsynetOrders.vo`, `nace.code`) and says what is wrong in Norwegian and
 * English: `employeesTotal: må være et helt tall / must be a whole number`.
 *
 * `nace.sn2025` may be left out: it is then computed from `system` + `code` with `toSn2025` (an
 * SN2007 code that cannot be converted unambiguously gives null, and the duties engine says
 * `needs-verification`). `nace.label` may be left out (empty). Unknown fields are ignored.
 */
import { z } from 'zod';
import { parseNaceCode, toSn2025 } from './nace.ts';
import { AMU_DEMANDED_BY, CMR_KINDS, type CompanyProfile, NACE_SYSTEMS } from './types.ts';

/** Separator between the Norwegian and the English half of a message. */
const SEP = ' / ';

function msg(nb: string, en: string): string {
  return `${nb}${SEP}${en}`;
}

const MISSING = msg('mangler', 'is missing');

/** Largest headcount accepted (a sanity bound, not a rule). */
export const MAX_COUNT = 1_000_000;
/** Largest number of verneområder accepted. */
export const MAX_VERNEOMRADER = 10_000;

function missingOr(text: string) {
  return (iss: { input: unknown }) => (iss.input === undefined ? MISSING : text);
}

function got(input: unknown): { nb: string; en: string } {
  const shown = JSON.stringify(input) ?? String(input);
  return { nb: ` (fikk ${shown})`, en: ` (got ${shown})` };
}

function count(max: number, nbMax: string, enMax: string) {
  const range = msg(`må være mellom 0 og ${nbMax}`, `must be between 0 and ${enMax}`);
  return z
    .number({ error: missingOr(msg('må være et tall', 'must be a number')) })
    .int({ error: msg('må være et helt tall', 'must be a whole number') })
    .min(0, { error: range })
    .max(max, { error: range });
}

const headcount = count(MAX_COUNT, '1 000 000', '1,000,000');

const boolean = z.boolean({ error: missingOr(msg('må være true eller false', 'must be true or false')) });

function oneOf<const T extends readonly [string, ...string[]]>(values: T, nullable: boolean) {
  const list = values.join(', ');
  const nbList = nullable ? `null eller en av ${list}` : `en av ${list}`;
  const enList = nullable ? `null or one of ${list}` : `one of ${list}`;
  return z.enum(values, {
    error: (iss) => {
      if (iss.input === undefined) return MISSING;
      const g = got(iss.input);
      return msg(`må være ${nbList}${g.nb}`, `must be ${enList}${g.en}`);
    },
  });
}

const naceCode = z
  .string({
    error: missingOr(
      msg('må være en næringskode (tekst) eller null', 'must be an industry code (string) or null'),
    ),
  })
  .nullable()
  .refine((v) => v === null || parseNaceCode(v) !== null, {
    error: msg(
      'må være en næringskode på formen NN, NN.N, NN.NN eller NN.NNN (for eksempel 41.200)',
      'must be an industry code of the form NN, NN.N, NN.NN or NN.NNN (for example 41.200)',
    ),
  })
  .transform((v) => (v === null ? null : parseNaceCode(v)));

const naceSchema = z
  .object(
    {
      system: oneOf(NACE_SYSTEMS, false),
      code: naceCode,
      sn2025: naceCode.optional(),
      label: z
        .string({ error: msg('må være tekst', 'must be a string') })
        .max(500, { error: msg('kan være høyst 500 tegn', 'must be at most 500 characters') })
        .optional(),
    },
    {
      error: missingOr(
        msg(
          'må være et objekt med system, code og label, eller null',
          'must be an object with system, code and label, or null',
        ),
      ),
    },
  )
  .transform((n) => ({
    system: n.system,
    code: n.code,
    // The command may be given it ready; otherwise it is converted here.
    sn2025: n.sn2025 !== undefined ? n.sn2025 : toSn2025(n.system, n.code).sn2025,
    label: n.label ?? '',
  }))
  .nullable();

/** The company profile (the `naervaer plikter` input). Reusable by the HTTP layer. */
export const companyProfileSchema = z.object(
  {
    employeesTotal: headcount,
    employeesAvg20hLastYear: z
      .number({ error: missingOr(msg('må være et tall', 'must be a number')) })
      .min(0, { error: msg('må være mellom 0 og 1 000 000', 'must be between 0 and 1,000,000') })
      .max(MAX_COUNT, { error: msg('må være mellom 0 og 1 000 000', 'must be between 0 and 1,000,000') }),
    hiredWorkers: headcount,
    nace: naceSchema,
    hazardousChemicals: boolean,
    cmrExposure: oneOf(CMR_KINDS, true).nullable(),
    asbestosExposure: boolean,
    biologicalAgents: boolean,
    nightWorkMainly: boolean,
    verneomraader: count(MAX_VERNEOMRADER, '10 000', '10,000'),
    amuDemandedBy: oneOf(AMU_DEMANDED_BY, false),
    alternativeVoAgreementValid: boolean,
    arbeidstilsynetOrders: z.object(
      { vo: boolean, amu: boolean, bht: boolean },
      {
        error: missingOr(
          msg('må være et objekt med vo, amu og bht', 'must be an object with vo, amu and bht'),
        ),
      },
    ),
    bhtRiskAssessmentSaysRequired: z
      .boolean({ error: missingOr(msg('må være true, false eller null', 'must be true, false or null')) })
      .nullable(),
  },
  {
    error: msg('må være et JSON-objekt med firmaprofilen', 'must be a JSON object with the company profile'),
  },
);

export interface ProfileValidationError {
  /** `arbeidstilsynetOrders.vo`; `(input)` for the document itself. */
  path: string;
  nb: string;
  en: string;
  /** `employeesTotal: må være et helt tall / must be a whole number` */
  message: string;
}

export type ProfileParseResult =
  | { ok: true; value: CompanyProfile }
  | { ok: false; errors: ProfileValidationError[] };

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(input)' : out;
}

/** Validates unknown (parsed JSON) input. */
export function parseCompanyProfile(json: unknown): ProfileParseResult {
  const result = companyProfileSchema.safeParse(json);
  if (result.success) {
    const value: CompanyProfile = result.data;
    return { ok: true, value };
  }
  const errors = result.error.issues.map((issue): ProfileValidationError => {
    const path = formatPath(issue.path);
    const cut = issue.message.indexOf(SEP);
    const nb = cut < 0 ? issue.message : issue.message.slice(0, cut);
    const en = cut < 0 ? issue.message : issue.message.slice(cut + SEP.length);
    return { path, nb, en, message: `${path}: ${nb}${SEP}${en}` };
  });
  return { ok: false, errors };
}
