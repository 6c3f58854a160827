/**
 * Wire schemas of the vernerunde (aml § 6-2, § 3-1 (2) c): plan a round, answer its checklist,
 * record findings (photos are multipart: `photoId` + `photo`), make a finding a risk (with a tiltak)
 * in one step, and sign the round off. Pure: the web imports them too.
 */
import { z } from 'zod';
import { CHECK_STATUSES, HAZARD_AREAS, ROUND_STATUSES } from '../../domain/risiko/index.ts';
import { bilingual } from '../bilingual.ts';
import { IsoDateSchema } from '../common.ts';
import { ScoreInputSchema } from './risiko.schemas.ts';

const max = (n: number) =>
  bilingual(`Høyst ${n.toLocaleString('nb-NO')} tegn.`, `At most ${n.toLocaleString('en-GB')} characters.`);
const required = (n: number, nb: string, en: string) =>
  z.string(bilingual(nb, en)).trim().min(1, bilingual(nb, en)).max(n, max(n));
const uuid = (nb: string, en: string) => z.string(bilingual(nb, en)).uuid(bilingual(nb, en));
const versionField = z.number(bilingual('Versjonen mangler.', 'The version is missing.')).int().min(1);

export const ROUND_PHOTO_FIELD = 'photo';
export const ROUND_PHOTO_ID_FIELD = 'photoId';

export const RoundCreateSchema = z
  .object({
    unitId: uuid('Velg en enhet.', 'Choose a unit.'),
    title: required(200, 'Skriv hva runden gjelder.', 'Write what the round covers.'),
    plannedOn: z.string(bilingual('Velg en dato.', 'Choose a date.')).pipe(IsoDateSchema),
    leaderUserId: uuid('Velg lederen.', 'Choose the leader.'),
    voUserId: uuid('Velg verneombudet.', 'Choose the safety representative.'),
    areas: z
      .array(z.enum(HAZARD_AREAS, bilingual('Velg et område.', 'Choose an area.')))
      .min(
        1,
        bilingual('Velg minst ett område til sjekklisten.', 'Choose at least one area for the checklist.'),
      )
      .max(HAZARD_AREAS.length),
  })
  .strict();
export type RoundCreate = z.input<typeof RoundCreateSchema>;

export const ChecklistInputSchema = z
  .object({
    version: versionField,
    points: z
      .array(
        z
          .object({
            key: z.string().trim().min(1).max(60),
            status: z.enum(CHECK_STATUSES, bilingual('Velg et svar.', 'Choose an answer.')).nullable(),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();
export type ChecklistInput = z.input<typeof ChecklistInputSchema>;

export const FindingCreateSchema = z
  .object({
    area: z.enum(HAZARD_AREAS, bilingual('Velg et område.', 'Choose an area.')),
    hazardKey: z.string().trim().max(60).nullable().default(null),
    text: required(2000, 'Skriv hva dere fant.', 'Write what you found.'),
    /** On the consequence scale 1–5 of the matrix. */
    severity: z
      .number(bilingual('Velg alvorlighet 1–5.', 'Choose a severity 1–5.'))
      .int(bilingual('Velg alvorlighet 1–5.', 'Choose a severity 1–5.'))
      .min(1, bilingual('Velg alvorlighet 1–5.', 'Choose a severity 1–5.'))
      .max(5, bilingual('Velg alvorlighet 1–5.', 'Choose a severity 1–5.')),
  })
  .strict();
export type FindingCreate = z.input<typeof FindingCreateSchema>;

/** A finding becomes a risk in an assessment — and, when given, a tiltak on it — in one step. */
export const FindingToRiskSchema = z
  .object({
    assessmentId: uuid('Velg risikovurderingen.', 'Choose the risk assessment.'),
    title: required(300, 'Skriv faren eller den uønskede hendelsen.', 'Write the hazard or undesired event.'),
    initial: ScoreInputSchema,
    tiltak: z
      .object({
        text: required(1000, 'Skriv hva som skal gjøres.', 'Write what is to be done.'),
        ownerUserId: uuid('Velg hvem som er ansvarlig.', 'Choose who is responsible.'),
        due: z.string(bilingual('Velg en frist.', 'Choose a due date.')).pipe(IsoDateSchema),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type FindingToRisk = z.input<typeof FindingToRiskSchema>;

export const SignSchema = z.object({ version: versionField }).strict();

export const RoundParamsSchema = z.object({ id: z.string().uuid() });
export const FindingParamsSchema = z.object({ id: z.string().uuid(), findingId: z.string().uuid() });
export const PhotoParamsSchema = z.object({
  id: z.string().uuid(),
  findingId: z.string().uuid(),
  photoId: z.string().uuid(),
});

export const RoundSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  plannedOn: z.string(),
  leaderName: z.string(),
  voName: z.string(),
  status: z.enum(ROUND_STATUSES),
  findings: z.number().int(),
});
export type RoundSummary = z.infer<typeof RoundSummarySchema>;

export const RoundListSchema = z.object({
  items: z.array(RoundSummarySchema),
  canCreate: z.boolean(),
  /** Units the user may plan a round for. */
  units: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type RoundList = z.infer<typeof RoundListSchema>;

export const FindingSchema = z.object({
  id: z.string(),
  area: z.enum(HAZARD_AREAS),
  hazardKey: z.string().nullable(),
  text: z.string(),
  severity: z.number().int(),
  riskId: z.string().nullable(),
  assessmentId: z.string().nullable(),
  createdByName: z.string().nullable(),
  photos: z.array(z.object({ id: z.string(), size: z.number().int() })),
});
export type Finding = z.infer<typeof FindingSchema>;

export const RoundSchema = z.object({
  id: z.string(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  plannedOn: z.string(),
  leaderUserId: z.string(),
  leaderName: z.string(),
  voUserId: z.string(),
  voName: z.string(),
  status: z.enum(ROUND_STATUSES),
  leaderSignedOn: z.string().nullable(),
  voSignedOn: z.string().nullable(),
  checklist: z.array(
    z.object({ key: z.string(), area: z.enum(HAZARD_AREAS), status: z.enum(CHECK_STATUSES).nullable() }),
  ),
  findings: z.array(FindingSchema),
  version: z.number().int(),
  canEdit: z.boolean(),
  /** The parts the user may sign: as the round's leader, as its verneombud. */
  canSignAs: z.array(z.enum(['leder', 'verneombud'])),
  /** The unit's assessments a finding can become a risk in (those the user may edit). */
  assessments: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type Round = z.infer<typeof RoundSchema>;

export const PhotoReplySchema = z.object({ id: z.string(), size: z.number().int() });

/** The people a round can name: leaders and verneombud of the organisation (users). */
export const RoundPeopleSchema = z.object({
  leaders: z.array(z.object({ id: z.string(), name: z.string() })),
  verneombud: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type RoundPeople = z.infer<typeof RoundPeopleSchema>;
