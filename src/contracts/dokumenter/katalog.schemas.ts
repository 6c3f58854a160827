/**
 * Request and response shapes of the tilrettelegging catalogues (`/api/v1/katalog/…`) and of the
 * letter to the doctor (`/api/v1/sykefravaer/employees/:employeeId/legebrev…`). zod; the OpenAPI
 * document is built from them. There is no diagnosis field anywhere.
 */
import { z } from 'zod';

export const TILTAK_KINDS = ['psykososial', 'fysisk', 'organisatorisk'] as const;
export const TiltakKindSchema = z.enum(TILTAK_KINDS);

const Title = z.string().trim().min(1).max(200);
const Description = z.string().trim().max(1000);

export const IdParamsSchema = z.object({ id: z.uuid() }).strict();
export const UnitParamsSchema = z.object({ unitId: z.uuid() }).strict();
export const OkSchema = z.object({ ok: z.literal(true) });

export const TiltakInputSchema = z
  .object({
    kind: TiltakKindSchema,
    title: Title,
    description: Description.default(''),
    active: z.boolean().default(true),
  })
  .strict();
export const TiltakSchema = z.object({
  id: z.string(),
  kind: TiltakKindSchema,
  title: z.string(),
  description: z.string(),
  active: z.boolean(),
});
export type TiltakDto = z.infer<typeof TiltakSchema>;
export const TiltakListSchema = z.object({ items: z.array(TiltakSchema) });

export const ArbeidInputSchema = z
  .object({
    title: Title,
    description: Description.default(''),
    unitId: z.uuid().nullable().default(null),
    active: z.boolean().default(true),
  })
  .strict();
export const ArbeidSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  unitId: z.string().nullable(),
  active: z.boolean(),
});
export type ArbeidDto = z.infer<typeof ArbeidSchema>;
export const ArbeidListSchema = z.object({ items: z.array(ArbeidSchema) });

const PlanText = z.string().trim().max(2000);
export const BeredskapsplanInputSchema = z
  .object({
    covers: PlanText,
    substitutes: PlanText,
    canWait: PlanText,
    /** The version read (0 when the unit had no plan yet); 409 if someone else saved first. */
    version: z.number().int().min(0),
  })
  .strict();
export const BeredskapsplanSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  covers: z.string(),
  substitutes: z.string(),
  canWait: z.string(),
  version: z.number().int(),
  updatedBy: z.object({ userId: z.string().nullable(), name: z.string() }).nullable(),
  updatedAt: z.string().nullable(),
});
export type BeredskapsplanDto = z.infer<typeof BeredskapsplanSchema>;

// ---------------------------------------------------------------- letter to the doctor

export const ContactSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    phone: z.string().trim().max(50).default(''),
    email: z.string().trim().max(200).default(''),
  })
  .strict();

export const LegebrevInputSchema = z
  .object({
    selectedTiltakIds: z.array(z.uuid()).max(100),
    selectedArbeidIds: z.array(z.uuid()).max(100),
    usualTasks: z.string().trim().max(2000),
    extraText: z.string().trim().max(2000).default(''),
    contact: ContactSchema,
  })
  .strict();
export type LegebrevInput = z.infer<typeof LegebrevInputSchema>;

export const LegebrevParamsSchema = z.object({ employeeId: z.uuid(), id: z.uuid() }).strict();

const Block = z.object({
  heading: z.string().nullable(),
  paragraphs: z.array(z.string()),
  bullets: z.array(z.string()),
});
export const LetterTextSchema = z.object({
  title: z.string(),
  regarding: z.string(),
  greeting: z.string(),
  blocks: z.array(Block),
  closing: z.string(),
  signature: z.array(z.string()),
});
export type LetterText = z.infer<typeof LetterTextSchema>;

const UserRef = z.object({ userId: z.string().nullable(), name: z.string() });
export const LegebrevSchema = z.object({
  id: z.string(),
  employeeId: z.string(),
  createdBy: UserRef,
  createdAt: z.string(),
  input: LegebrevInputSchema,
  letter: LetterTextSchema,
});
export type LegebrevDto = z.infer<typeof LegebrevSchema>;

export const LegebrevDraftSchema = z.object({
  employeeId: z.string(),
  employeeName: z.string(),
  organisation: z.object({ name: z.string(), orgnr: z.string() }),
  contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }),
  tiltak: z.array(TiltakSchema),
  arbeid: z.array(ArbeidSchema),
  letters: z.array(LegebrevSchema.omit({ letter: true, input: true })),
});
export type LegebrevDraftDto = z.infer<typeof LegebrevDraftSchema>;

export const PreviewSchema = z.object({
  letter: LetterTextSchema,
  healthWords: z.array(z.string()),
});
