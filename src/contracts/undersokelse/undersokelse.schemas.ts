/**
 * Wire schemas of anonymous surveys: creating one (bank items and own questions), the answer form,
 * an answer, the results, and a tiltak made from a result. Pure: the web imports them too.
 */
import { z } from 'zod';
import { diffDays } from '../../domain/calendar/index.ts';
import { MEASURE_OWNER_ROLES } from '../../domain/hms-mal/index.ts';
import { DIMENSIONS, ITEM_BANK, MAX_OPEN_DAYS, SURVEY_STATES } from '../../domain/undersokelse/index.ts';
import { bilingual } from '../bilingual.ts';
import { IsoDateSchema } from '../common.ts';

const max = (n: number) => bilingual(`Høyst ${n} tegn.`, `At most ${n} characters.`);
const BANK_KEYS = ITEM_BANK.map((i) => i.key) as [string, ...string[]];
const TextSchema = z.object({ nb: z.string(), en: z.string() });

const questionText = z
  .string(bilingual('Skriv spørsmålet.', 'Write the question.'))
  .trim()
  .min(1, bilingual('Skriv spørsmålet.', 'Write the question.'))
  .max(300, max(300));

export const QuestionInputSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('bank'),
        itemKey: z.enum(BANK_KEYS, bilingual('Ukjent påstand.', 'Unknown item.')),
      })
      .strict(),
    z.object({ kind: z.literal('scale'), text: questionText }).strict(),
    z
      .object({
        kind: z.literal('choice'),
        text: questionText,
        options: z
          .array(
            z
              .string(bilingual('Skriv svaralternativet.', 'Write the option.'))
              .trim()
              .min(1, bilingual('Skriv svaralternativet.', 'Write the option.'))
              .max(100, max(100)),
            bilingual('Skriv svaralternativene.', 'Write the options.'),
          )
          .min(2, bilingual('Gi minst to svaralternativer.', 'Give at least two options.'))
          .max(10, bilingual('Høyst 10 svaralternativer.', 'At most 10 options.')),
      })
      .strict(),
    z.object({ kind: z.literal('text'), text: questionText }).strict(),
  ],
  bilingual('Velg hva slags spørsmål det er.', 'Choose the kind of question.'),
);
export type QuestionInput = z.input<typeof QuestionInputSchema>;

export const SurveyCreateSchema = z
  .object({
    title: z
      .string(bilingual('Gi undersøkelsen et navn.', 'Give the survey a name.'))
      .trim()
      .min(1, bilingual('Gi undersøkelsen et navn.', 'Give the survey a name.'))
      .max(200, max(200)),
    intro: z.string(bilingual('Ugyldig tekst.', 'Invalid text.')).trim().max(2000, max(2000)).default(''),
    opensOn: IsoDateSchema,
    closesOn: IsoDateSchema,
    /** The units it is for (with the units below them); empty: the whole organisation. */
    unitIds: z
      .array(
        z.string().uuid(bilingual('Ugyldig enhet.', 'Invalid unit.')),
        bilingual('Velg enheter.', 'Choose units.'),
      )
      .max(500, bilingual('For mange enheter.', 'Too many units.'))
      .default([]),
    questions: z
      .array(QuestionInputSchema, bilingual('Legg til spørsmål.', 'Add questions.'))
      .min(1, bilingual('Legg til minst ett spørsmål.', 'Add at least one question.'))
      .max(60, bilingual('Høyst 60 spørsmål.', 'At most 60 questions.')),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.closesOn < s.opensOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['closesOn'],
        message: bilingual(
          'Undersøkelsen kan ikke stenge før den åpner.',
          'The survey cannot close before it opens.',
        ),
      });
    } else if (diffDays(s.closesOn, s.opensOn) > MAX_OPEN_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['closesOn'],
        message: bilingual(
          'En undersøkelse kan være åpen i høyst ett år.',
          'A survey can be open for at most a year.',
        ),
      });
    }
    const seen = new Set<string>();
    s.questions.forEach((q, i) => {
      if (q.kind !== 'bank') return;
      if (seen.has(q.itemKey)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'itemKey'],
          message: bilingual('Påstanden er med fra før.', 'The item is already included.'),
        });
      }
      seen.add(q.itemKey);
    });
  });
export type SurveyCreate = z.input<typeof SurveyCreateSchema>;

export const IdParamsSchema = z
  .object({ id: z.string().uuid(bilingual('Ugyldig id.', 'Invalid id.')) })
  .strict();

export const QuestionSchema = z.object({
  id: z.string(),
  kind: z.enum(['scale', 'choice', 'text']),
  /** A bank item's key; null for an own question. */
  itemKey: z.string().nullable(),
  dimension: z.enum(DIMENSIONS).nullable(),
  text: TextSchema,
  options: z.array(z.string()),
  required: z.boolean(),
});
export type Question = z.infer<typeof QuestionSchema>;

export const SurveySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(SURVEY_STATES),
  opensOn: z.string(),
  closesOn: z.string(),
  /** The units it is for; empty: the whole organisation. */
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  questionCount: z.number().int(),
  /** How many have answered; null while fewer than 5 (a count of 1 could be watched). */
  respondents: z.number().int().nullable(),
  canPublish: z.boolean(),
  createdByName: z.string().nullable(),
});
export type SurveySummary = z.infer<typeof SurveySummarySchema>;

export const SurveyListSchema = z.object({ items: z.array(SurveySummarySchema) });

/** An open survey the user may answer. */
export const MySurveySchema = z.object({
  id: z.string(),
  title: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.enum(SURVEY_STATES),
  answered: z.boolean(),
  /** Results of the user's group are shown (closed, and ≥ 5 answered). */
  hasResults: z.boolean(),
});
export type MySurvey = z.infer<typeof MySurveySchema>;
export const MySurveyListSchema = z.object({ items: z.array(MySurveySchema) });

export const SurveyFormSchema = z.object({
  id: z.string(),
  title: z.string(),
  intro: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.enum(SURVEY_STATES),
  answered: z.boolean(),
  questions: z.array(QuestionSchema),
});
export type SurveyForm = z.infer<typeof SurveyFormSchema>;

export const AnswerSchema = z
  .object({
    answers: z
      .array(
        z
          .object({
            questionId: z.string().uuid(bilingual('Ukjent spørsmål.', 'Unknown question.')),
            /** A scale step (1–5) or a choice (1 = the first option); absent for free text. */
            value: z
              .number(bilingual('Velg et svar.', 'Choose an answer.'))
              .int(bilingual('Velg et svar.', 'Choose an answer.'))
              .min(1, bilingual('Svaret er utenfor skalaen.', 'The answer is outside the scale.'))
              .max(10, bilingual('Svaret er utenfor skalaen.', 'The answer is outside the scale.'))
              .optional(),
            text: z
              .string(bilingual('Ugyldig tekst.', 'Invalid text.'))
              .trim()
              .max(2000, max(2000))
              .optional(),
          })
          .strict(),
        bilingual('Svar på spørsmålene.', 'Answer the questions.'),
      )
      .min(1, bilingual('Svar på spørsmålene.', 'Answer the questions.'))
      .max(60, bilingual('For mange svar.', 'Too many answers.')),
  })
  .strict();
export type AnswerInput = z.input<typeof AnswerSchema>;

const DimensionRowSchema = z.object({
  dimension: z.enum(DIMENSIONS),
  label: TextSchema,
  mean: z.number(),
  answers: z.number().int(),
  previous: z.number().nullable(),
  change: z.number().nullable(),
});

export const ResultGroupSchema = z.object({
  key: z.string(),
  /** `alle`: everyone; `enhet`: a unit (with small units below it); `ovrige`: everyone else. */
  kind: z.enum(['alle', 'enhet', 'ovrige']),
  name: z.string().nullable(),
  /** The smaller units whose answers are counted here (rolled up). */
  includes: z.array(z.string()),
  respondents: z.number().int(),
  dimensions: z.array(DimensionRowSchema),
  questions: z.array(z.object({ questionId: z.string(), text: z.string(), mean: z.number() })),
});
export type ResultGroup = z.infer<typeof ResultGroupSchema>;

export const SurveyResultSchema = z.object({
  survey: z.object({
    id: z.string(),
    title: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    state: z.enum(SURVEY_STATES),
  }),
  /** The least number of respondents a shown result stands on. */
  k: z.number().int(),
  respondents: z.number().int(),
  shown: z.boolean(),
  /** `alle`: every group; `egen`: the user's own group (an employee). */
  view: z.enum(['alle', 'egen']),
  groups: z.array(ResultGroupSchema),
  choices: z.array(
    z.object({
      questionId: z.string(),
      text: z.string(),
      options: z.array(z.object({ label: z.string(), count: z.number().int() })),
    }),
  ),
  /** Free text: shown only when at least k gave one (`answers` null otherwise). */
  texts: z.array(
    z.object({ questionId: z.string(), text: z.string(), answers: z.array(z.string()).nullable() }),
  ),
  previous: z.object({ id: z.string(), title: z.string(), closesOn: z.string() }).nullable(),
  canCreateMeasure: z.boolean(),
});
export type SurveyResult = z.infer<typeof SurveyResultSchema>;

/** «Lag tiltak»: a measure in the HMS handlingsplan from one result. */
export const MeasureFromResultSchema = z
  .object({
    text: z
      .string(bilingual('Skriv tiltaket.', 'Write the measure.'))
      .trim()
      .min(1, bilingual('Skriv hva som skal gjøres.', 'Write what is to be done.'))
      .max(1000, max(1000)),
    due: IsoDateSchema,
    ownerRole: z.enum(MEASURE_OWNER_ROLES, bilingual('Velg en rolle.', 'Choose a role.')),
    /** The dimension the measure answers to; null: the survey as a whole. */
    dimension: z
      .enum(DIMENSIONS, bilingual('Ukjent dimensjon.', 'Unknown dimension.'))
      .nullable()
      .default(null),
  })
  .strict();
export type MeasureFromResult = z.input<typeof MeasureFromResultSchema>;

export const MeasureCreatedSchema = z.object({ measureId: z.string(), link: z.string() });
