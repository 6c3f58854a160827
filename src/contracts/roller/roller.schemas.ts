/**
 * Wire schemas of «Roller og verv»: the HMS roles (verneombud per verneområde, hovedverneombud, AMU
 * members on both sides and the BHT representative, the top leader, the BHT contact) with their
 * terms, and the AMU chair per year. Pure: the web imports them too.
 *
 * The list goes to every employee (they must know who their verneombud is), so a role carries names,
 * kind, area and term — never contact details.
 */
import { z } from 'zod';
import {
  AMU_SIDES,
  APPOINTMENT_KINDS,
  END_REASONS,
  HMS_ROLE_KINDS,
  isBhtKind,
  needsArea,
  needsEmployee,
  needsTermEnd,
  ROLE_STATUSES,
} from '../../domain/roller/index.ts';
import { bilingual } from '../bilingual.ts';
import { IsoDateSchema } from '../common.ts';

const name = z
  .string()
  .trim()
  .min(1, bilingual('Skriv navnet.', 'Write the name.'))
  .max(200, bilingual('Høyst 200 tegn.', 'At most 200 characters.'));

const id = (nb: string, en: string) => z.string().uuid(bilingual(nb, en));

const termEndAfterStart = bilingual(
  'Funksjonstiden må slutte etter at den begynner.',
  'The term must end after it starts.',
);

export const RoleCreateSchema = z
  .object({
    kind: z.enum(HMS_ROLE_KINDS, bilingual('Velg hvilket verv.', 'Choose which role.')),
    employeeId: id('Velg en ansatt.', 'Choose an employee.').nullable().optional(),
    /** The person, for the BHT's staff (they have no employee record). */
    personName: name.nullable().optional(),
    /** The occupational health service (BHT) the person comes from. */
    providerName: name.nullable().optional(),
    verneomradeId: id('Velg et verneområde.', 'Choose a safety area.').nullable().optional(),
    termStart: IsoDateSchema,
    /** The last day of the term; left out: two years less a day (FOLM §§ 3-4, 3-15), or none. */
    termEnd: IsoDateSchema.nullable().optional(),
    how: z.enum(
      APPOINTMENT_KINDS,
      bilingual(
        'Velg om vervet er valgt, utpekt eller oppnevnt.',
        'Choose elected, designated or appointed.',
      ),
    ),
  })
  .strict()
  .superRefine((r, ctx) => {
    const issue = (path: string, nb: string, en: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message: bilingual(nb, en) });
    if (needsEmployee(r.kind) && !r.employeeId) {
      issue('employeeId', 'Velg hvem som har vervet.', 'Choose who holds the role.');
    }
    if (isBhtKind(r.kind)) {
      if (r.employeeId) {
        issue(
          'employeeId',
          'Personell fra bedriftshelsetjenesten registreres med navn, ikke som ansatt (FOLM § 3-7).',
          'Staff of the occupational health service are registered by name, not as employees (FOLM § 3-7).',
        );
      }
      if (!r.providerName) {
        issue(
          'providerName',
          'Skriv navnet på bedriftshelsetjenesten.',
          'Write the name of the occupational health service.',
        );
      }
      if (r.kind === 'amu-bht' && !r.personName) {
        issue(
          'personName',
          'Skriv navnet på BHT-representanten.',
          "Write the name of the health service's representative.",
        );
      }
    } else {
      if (r.personName)
        issue('personName', 'Bare for bedriftshelsetjenesten.', 'Only for the occupational health service.');
      if (r.providerName)
        issue(
          'providerName',
          'Bare for bedriftshelsetjenesten.',
          'Only for the occupational health service.',
        );
    }
    if (needsArea(r.kind) && !r.verneomradeId) {
      issue(
        'verneomradeId',
        'Velg verneområdet verneombudet er valgt for (FOLM § 3-2).',
        'Choose the safety area the representative was elected for (FOLM § 3-2).',
      );
    }
    if (!needsArea(r.kind) && r.verneomradeId) {
      issue(
        'verneomradeId',
        'Bare verneombud har et verneområde.',
        'Only a safety representative has a safety area.',
      );
    }
    if (r.termEnd === null && needsTermEnd(r.kind)) {
      issue(
        'termEnd',
        'Vervet har en funksjonstid på to år (FOLM §§ 3-4, 3-15). Skriv når den slutter, eller la feltet stå tomt for to år.',
        'The role has a two-year term (FOLM §§ 3-4, 3-15). Give its end, or leave it out for two years.',
      );
    }
    if (r.termEnd && r.termEnd <= r.termStart) {
      ctx.addIssue({ code: 'custom', path: ['termEnd'], message: termEndAfterStart });
    }
  });
export type RoleCreate = z.infer<typeof RoleCreateSchema>;

/** A correction of the term or of how the role was filled. */
export const RoleUpdateSchema = z
  .object({
    termStart: IsoDateSchema,
    termEnd: IsoDateSchema.nullable(),
    how: z.enum(
      APPOINTMENT_KINDS,
      bilingual(
        'Velg om vervet er valgt, utpekt eller oppnevnt.',
        'Choose elected, designated or appointed.',
      ),
    ),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.termEnd && r.termEnd <= r.termStart) {
      ctx.addIssue({ code: 'custom', path: ['termEnd'], message: termEndAfterStart });
    }
  });
export type RoleUpdate = z.infer<typeof RoleUpdateSchema>;

export const RoleEndSchema = z
  .object({
    /** The day the role ended (not in the future). */
    endedOn: IsoDateSchema,
    reason: z
      .enum(END_REASONS, bilingual('Velg en grunn fra listen.', 'Choose a reason from the list.'))
      .optional(),
  })
  .strict();
export type RoleEnd = z.infer<typeof RoleEndSchema>;

export const RoleItemSchema = z.object({
  id: z.string(),
  kind: z.enum(HMS_ROLE_KINDS),
  /** The person's name; null for a BHT contact registered by the provider alone. */
  name: z.string().nullable(),
  providerName: z.string().nullable(),
  verneomradeId: z.string().nullable(),
  verneomradeName: z.string().nullable(),
  termStart: z.string(),
  termEnd: z.string().nullable(),
  how: z.enum(APPOINTMENT_KINDS),
  endedOn: z.string().nullable(),
  endedReason: z.enum(END_REASONS).nullable(),
  status: z.enum(ROLE_STATUSES),
  /** The term ran out and no successor is registered: an election is overdue. */
  overdue: z.boolean(),
});
export type RoleItem = z.infer<typeof RoleItemSchema>;

export const ChairSchema = z.object({
  year: z.number().int(),
  side: z.enum(AMU_SIDES),
  /** The member who chairs; null when only the side is recorded. */
  roleId: z.string().nullable(),
  name: z.string().nullable(),
});
export type Chair = z.infer<typeof ChairSchema>;

const ChairYearSchema = z.object({
  year: z.number().int(),
  /** The recorded side, else the side whose turn it is (null: no year recorded yet). */
  side: z.enum(AMU_SIDES).nullable(),
  chair: ChairSchema.nullable(),
});

export const RollerViewSchema = z.object({
  today: z.string(),
  /** Roles in office, about to start, or expired without a successor in office. */
  roles: z.array(RoleItemSchema),
  /** Ended roles, and expired ones whose successor is in office. */
  history: z.array(RoleItemSchema),
  verneomrader: z.array(z.object({ id: z.string(), name: z.string() })),
  amuChair: z.object({
    thisYear: ChairYearSchema,
    nextYear: ChairYearSchema,
    recorded: z.array(ChairSchema),
  }),
});
export type RollerView = z.infer<typeof RollerViewSchema>;

export const RoleIdParamsSchema = z.object({ id: z.string().uuid() });

export const ChairParamsSchema = z.object({
  year: z.coerce
    .number(bilingual('Året må være et tall.', 'The year must be a number.'))
    .int()
    .min(2000, bilingual('Velg et år fra 2000.', 'Choose a year from 2000.'))
    .max(2100, bilingual('Velg et år til og med 2100.', 'Choose a year up to 2100.')),
});

/** Who chairs AMU in a year (aml § 7-1 (4), FOLM § 3-12). */
export const ChairInputSchema = z
  .object({
    side: z.enum(
      AMU_SIDES,
      bilingual(
        'Velg arbeidsgiversiden eller arbeidstakersiden.',
        "Choose the employer's or the employees' side.",
      ),
    ),
    roleId: id('Velg et medlem av AMU.', 'Choose a member of the committee.').nullable(),
  })
  .strict();
export type ChairInput = z.infer<typeof ChairInputSchema>;
