/**
 * Wire schemas of the stoffkartotek (FUA § 2-1, § 2-2) and the exposure register for CMR chemicals
 * (FUA § 31-1). The safety data sheet is multipart: `revisionDate` + `sds` (a PDF). Pure.
 */
import { z } from 'zod';
import { CMR_KINDS } from '../../domain/risiko/index.ts';
import { bilingual } from '../bilingual.ts';
import { IsoDateSchema } from '../common.ts';

const max = (n: number) =>
  bilingual(`Høyst ${n.toLocaleString('nb-NO')} tegn.`, `At most ${n.toLocaleString('en-GB')} characters.`);
const text = (n: number) => z.string(bilingual('Må være tekst.', 'Must be text.')).trim().max(n, max(n));
const required = (n: number, nb: string, en: string) =>
  z.string(bilingual(nb, en)).trim().min(1, bilingual(nb, en)).max(n, max(n));
const uuid = (nb: string, en: string) => z.string(bilingual(nb, en)).uuid(bilingual(nb, en));
const versionField = z.number(bilingual('Versjonen mangler.', 'The version is missing.')).int().min(1);
const date = (nb: string, en: string) => z.string(bilingual(nb, en)).pipe(IsoDateSchema);

export const SDS_FIELD = 'sds';
export const SDS_REVISION_FIELD = 'revisionDate';

const ProductFields = {
  name: required(200, 'Skriv produktnavnet.', 'Write the product name.'),
  supplier: required(200, 'Skriv leverandøren.', 'Write the supplier.'),
  unitId: uuid('Velg enheten der produktet brukes.', 'Choose the unit where the product is used.'),
  location: text(200).default(''),
  useText: text(1000).default(''),
  hazardText: text(1000).default(''),
  cmr: z
    .array(z.enum(CMR_KINDS, bilingual('Velg en CMR-klasse.', 'Choose a CMR class.')))
    .max(3)
    .default([])
    .transform((kinds) => [...new Set(kinds)]),
  supplierRevision: date('Ugyldig dato.', 'Invalid date.').nullable().default(null),
  assessmentId: uuid('Velg en risikovurdering.', 'Choose a risk assessment.').nullable().default(null),
};

export const ProductCreateSchema = z.object(ProductFields).strict();
export type ProductCreate = z.input<typeof ProductCreateSchema>;
export const ProductUpdateSchema = z.object({ ...ProductFields, version: versionField }).strict();
export type ProductUpdate = z.input<typeof ProductUpdateSchema>;

export const ExposureCreateSchema = z
  .object({
    employeeId: uuid('Velg arbeidstakeren.', 'Choose the employee.'),
    position: text(200).default(''),
    workplace: required(200, 'Skriv arbeidsstedet.', 'Write the workplace.'),
    exposureHow: required(1000, 'Skriv hvordan eksponeringen skjer.', 'Write how the exposure happens.'),
    concentration: text(200).default(''),
    startedOn: date('Velg når eksponeringen startet.', 'Choose when the exposure started.'),
    endedOn: date('Ugyldig dato.', 'Invalid date.').nullable().default(null),
    hoursPerWeek: z
      .number(bilingual('Timer per uke må være et tall.', 'Hours per week must be a number.'))
      .int(bilingual('Timer per uke må være et helt tall.', 'Hours per week must be a whole number.'))
      .min(1, bilingual('Timer per uke må være fra 1 til 168.', 'Hours per week must be 1 to 168.'))
      .max(168, bilingual('Timer per uke må være fra 1 til 168.', 'Hours per week must be 1 to 168.'))
      .nullable()
      .default(null),
  })
  .strict()
  .refine((v) => v.endedOn === null || v.endedOn >= v.startedOn, {
    path: ['endedOn'],
    message: bilingual(
      'Sluttdatoen kan ikke være før startdatoen.',
      'The end date cannot be before the start.',
    ),
  });
export type ExposureCreate = z.input<typeof ExposureCreateSchema>;

export const ExposureEndSchema = z
  .object({ version: versionField, endedOn: date('Velg sluttdato.', 'Choose the end date.') })
  .strict();
export type ExposureEnd = z.input<typeof ExposureEndSchema>;

export const IdParamsSchema = z.object({ id: z.string().uuid() });
export const SdsParamsSchema = z.object({ id: z.string().uuid(), sdsId: z.string().uuid() });

export const SdsSchema = z.object({
  id: z.string(),
  revisionDate: z.string(),
  filename: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});
export type Sds = z.infer<typeof SdsSchema>;

export const ExposureSchema = z.object({
  id: z.string(),
  productId: z.string(),
  productName: z.string(),
  employeeId: z.string(),
  employeeName: z.string(),
  position: z.string(),
  workplace: z.string(),
  cmr: z.array(z.enum(CMR_KINDS)),
  exposureHow: z.string(),
  concentration: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  hoursPerWeek: z.number().int().nullable(),
  keptUntil: z.string().nullable(),
  retentionYears: z.union([z.literal(60), z.literal(5)]),
  version: z.number().int(),
});
export type Exposure = z.infer<typeof ExposureSchema>;

export const ProductSchema = z.object({
  id: z.string(),
  name: z.string(),
  supplier: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  location: z.string(),
  useText: z.string(),
  hazardText: z.string(),
  cmr: z.array(z.enum(CMR_KINDS)),
  supplierRevision: z.string().nullable(),
  sdsState: z.enum(['mangler', 'gjeldende', 'utdatert']),
  sds: z.array(SdsSchema),
  assessmentId: z.string().nullable(),
  assessmentTitle: z.string().nullable(),
  version: z.number().int(),
  canEdit: z.boolean(),
  /** Rows of the exposure register the user may see (their own only, for an employee). */
  exposures: z.array(ExposureSchema),
  /** For editors: the employees of the unit, to register as exposed (names only). */
  candidates: z.array(z.object({ id: z.string(), name: z.string() })),
  /** For editors: the unit's risk assessments the product can link to. */
  assessments: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type Product = z.infer<typeof ProductSchema>;

export const ProductListSchema = z.object({
  items: z.array(
    ProductSchema.pick({
      id: true,
      name: true,
      supplier: true,
      unitId: true,
      unitName: true,
      location: true,
      cmr: true,
      sdsState: true,
    }),
  ),
  canCreate: z.boolean(),
  /** Units the user may add a product to. */
  units: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ProductList = z.infer<typeof ProductListSchema>;

export const ExposureListSchema = z.object({ items: z.array(ExposureSchema) });
export type ExposureList = z.infer<typeof ExposureListSchema>;

export const SdsReplySchema = SdsSchema;
