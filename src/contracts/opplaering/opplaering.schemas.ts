/**
 * Wire schemas of training records (opplæring): a record as HR enters it (the multipart fields of
 * POST, the JSON body of PUT), a record as read, the list, «who lacks what» (the matrix) and the
 * employee's own page. Pure: the web imports them too.
 */
import { z } from 'zod';
import { COURSE_NEEDING_TITLE, COURSES } from '../../domain/opplaering/courses.ts';
import { CERTIFICATE_TYPES } from '../../domain/opplaering/sniff.ts';
import { bilingual } from '../bilingual.ts';
import { IsoDateSchema, PageQuerySchema } from '../common.ts';

export const CourseSchema = z.enum(
  COURSES,
  bilingual('Velg en kurstype fra listen.', 'Choose a course type from the list.'),
);
export type CourseKind = z.infer<typeof CourseSchema>;

const optionalText = (max: number) =>
  z
    .string(bilingual('Må være tekst.', 'Must be text.'))
    .trim()
    .max(max, bilingual(`Høyst ${max} tegn.`, `At most ${max} characters.`))
    .nullish()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v));

/** Hours of training: more than 0, at most 1000, at most two decimals (7,5 timer). */
export const HoursSchema = z
  .number(
    bilingual('Skriv antall timer som et tall, for eksempel 7,5.', 'Write the hours as a number, e.g. 7.5.'),
  )
  .gt(0, bilingual('Antall timer må være mer enn 0.', 'The hours must be more than 0.'))
  .max(1000, bilingual('Høyst 1000 timer.', 'At most 1000 hours.'))
  .refine(
    (n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6,
    bilingual('Høyst to desimaler.', 'At most two decimals.'),
  );

const fields = {
  course: CourseSchema,
  /** What the course was; required for «annet». */
  title: optionalText(200),
  completedOn: IsoDateSchema,
  hours: HoursSchema,
  provider: optionalText(200),
  /** When the certificate stops being valid (first aid, fire safety …); none by law for aml § 3-5. */
  expiresOn: IsoDateSchema.nullish().transform((v) => v ?? null),
  /** A short note, e.g. that a shorter VO/AMU course was agreed (FOLM § 3-19). Never health details. */
  note: optionalText(500),
};

type FieldsShape = {
  course: string;
  title: string | null;
  completedOn: string;
  expiresOn: string | null;
};

/** Checks across fields: a title for «annet», expiry after completion. («Not in the future» needs today: the server.) */
function crossChecks(v: FieldsShape, ctx: z.RefinementCtx): void {
  if (v.course === COURSE_NEEDING_TITLE && !v.title) {
    ctx.addIssue({
      code: 'custom',
      path: ['title'],
      message: bilingual(
        'Skriv hva kurset var når kurstypen er «Annet».',
        'Say what the course was when the type is "Other".',
      ),
    });
  }
  if (v.expiresOn !== null && v.expiresOn <= v.completedOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['expiresOn'],
      message: bilingual(
        'Utløpsdatoen må være etter datoen kurset ble fullført.',
        'The expiry date must be after the completion date.',
      ),
    });
  }
}

export const TrainingCreateSchema = z
  .object({
    employeeId: z.uuid(bilingual('Velg en ansatt.', 'Choose an employee.')),
    ...fields,
  })
  .strict()
  .superRefine(crossChecks);
export type TrainingCreate = z.infer<typeof TrainingCreateSchema>;

export const TrainingUpdateSchema = z.object(fields).strict().superRefine(crossChecks);
export type TrainingUpdate = z.input<typeof TrainingUpdateSchema>;

/** The multipart field names of POST (the file is `certificate`). */
export const TRAINING_FORM_FIELDS = [
  'employeeId',
  'course',
  'title',
  'completedOn',
  'hours',
  'provider',
  'expiresOn',
  'note',
] as const;
export const CERTIFICATE_FIELD = 'certificate';

export const ExpirySchema = z.enum(['ok', 'expiring', 'expired']);
export const CellStateSchema = z.enum(['ok', 'expiring', 'expired', 'missing-required', 'not-required']);
export type CellStateWire = z.infer<typeof CellStateSchema>;

export const CertificateInfoSchema = z.object({
  name: z.string(),
  type: z.enum(CERTIFICATE_TYPES),
  mime: z.string(),
  size: z.number().int(),
});

export const TrainingRecordSchema = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  employeeName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  course: CourseSchema,
  title: z.string().nullable(),
  completedOn: z.string(),
  hours: z.number(),
  provider: z.string().nullable(),
  expiresOn: z.string().nullable(),
  note: z.string().nullable(),
  expiry: ExpirySchema,
  /** A newer record of the same course for the same person exists (this one no longer counts). */
  superseded: z.boolean(),
  certificate: CertificateInfoSchema.nullable(),
  createdAt: z.string(),
});
export type TrainingRecord = z.infer<typeof TrainingRecordSchema>;

export const IdParamsSchema = z.object({ id: z.uuid(bilingual('Ugyldig id.', 'Invalid id.')) }).strict();

export const TrainingListQuerySchema = z
  .object({
    employeeId: z.uuid(bilingual('Ugyldig id.', 'Invalid id.')).optional(),
    unitId: z.uuid(bilingual('Ugyldig id.', 'Invalid id.')).optional(),
    ...PageQuerySchema,
  })
  .strict();

export const TrainingListSchema = z.object({
  items: z.array(TrainingRecordSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TrainingList = z.infer<typeof TrainingListSchema>;

export const MatrixQuerySchema = z
  .object({ unitId: z.uuid(bilingual('Ugyldig id.', 'Invalid id.')).optional() })
  .strict();

export const MatrixCellSchema = z.object({
  course: CourseSchema,
  state: CellStateSchema,
  required: z.boolean(),
  /** Required and missing or expired. */
  gap: z.boolean(),
  /** A VO/AMU course of fewer than 40 hours (agreed shorter course, FOLM § 3-19). */
  shortCourse: z.boolean(),
  recordId: z.uuid().nullable(),
  completedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  hours: z.number().nullable(),
  title: z.string().nullable(),
});
export type MatrixCell = z.infer<typeof MatrixCellSchema>;

export const MatrixSchema = z.object({
  today: z.string(),
  columns: z.array(
    z.object({
      course: CourseSchema,
      legalBasis: z.string().nullable(),
      required: z.number().int(),
      gaps: z.number().int(),
    }),
  ),
  rows: z.array(
    z.object({
      employeeId: z.uuid(),
      name: z.string(),
      unitId: z.uuid(),
      unitName: z.string(),
      /** Why training is required of this person (the roles the law ties it to). */
      topLeader: z.boolean(),
      voAmu: z.boolean(),
      gaps: z.number().int(),
      cells: z.array(MatrixCellSchema),
    }),
  ),
});
export type Matrix = z.infer<typeof MatrixSchema>;

export const MyTrainingSchema = z.object({
  employeeId: z.uuid().nullable(),
  /** What the law requires of me, and whether I have it. */
  required: z.array(
    z.object({ course: CourseSchema, legalBasis: z.string(), state: CellStateSchema, gap: z.boolean() }),
  ),
  items: z.array(TrainingRecordSchema),
});
export type MyTraining = z.infer<typeof MyTrainingSchema>;
