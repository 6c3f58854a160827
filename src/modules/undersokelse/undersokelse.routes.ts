/** The HTTP surface of anonymous surveys: make and publish, answer once, results, «Lag tiltak». */
import { z } from 'zod';
import {
  AnswerSchema,
  IdParamsSchema,
  MeasureCreatedSchema,
  MeasureFromResultSchema,
  MySurveyListSchema,
  SurveyCreateSchema,
  SurveyFormSchema,
  SurveyListSchema,
  SurveyResultSchema,
} from '../../contracts/undersokelse/undersokelse.schemas.ts';
import { ROLES } from '../../domain/access/roles.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import type { RouteDeps } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { addPlanMeasure } from '../hms-mal/index.ts';
import {
  closedSurveyWithResults,
  createSurvey,
  listSurveys,
  mySurveys,
  publishSurvey,
  submitAnswer,
  surveyForm,
  surveyResults,
} from './survey.service.ts';

const U = '/api/v1/undersokelser';
/** Make and publish: HR and the verneombud (aml § 6-2 (2) f: the VO's tasks include the psychosocial environment). */
const MAKERS = access.roles('admin', 'hr', 'verneombud');
/** Read every survey and every group's results: the makers and the AMU (aml § 7-2). */
const READERS = access.roles('admin', 'hr', 'verneombud', 'amu');
/**
 * Answer, and see one's own group's results: anyone linked to an employee in the survey's scope —
 * checked per survey (not in scope → 404), whatever their role.
 */
const ANSWERERS = access.roles(...ROLES);
/** The handlingsplan's writers (IK-f § 5 no. 6). */
const PLANNERS = access.roles('admin', 'hr');

export function undersokelseRoutes({ reminders }: RouteDeps) {
  const { today } = reminders;
  return [
    defineRoute({
      method: 'GET',
      url: U,
      summary: 'Undersøkelsene i virksomheten (for HR, verneombud og AMU)',
      tags: ['undersokelse'],
      access: READERS,
      response: SurveyListSchema,
      async handler(_input, { db, actor }) {
        return { items: await listSurveys(db, actor, today()) };
      },
    }),

    defineRoute({
      method: 'POST',
      url: U,
      summary: 'Lag en undersøkelse (utkast): påstander fra Nærværs bank og egne spørsmål',
      tags: ['undersokelse'],
      access: MAKERS,
      body: SurveyCreateSchema,
      response: z.object({ id: z.string() }),
      status: 201,
      async handler({ body }, { db, actor }) {
        return { id: await createSurvey(db, actor, body) };
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${U}/mine`,
      summary: 'Undersøkelser jeg kan svare på',
      tags: ['undersokelse'],
      access: ANSWERERS,
      response: MySurveyListSchema,
      async handler(_input, { db, actor }) {
        return { items: await mySurveys(db, actor, today()) };
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${U}/:id/publiser`,
      summary: 'Publiser undersøkelsen: de ansatte i utvalget ser den fra den åpner',
      tags: ['undersokelse'],
      access: MAKERS,
      params: IdParamsSchema,
      response: z.object({ ok: z.literal(true) }),
      async handler({ params }, { db, actor }) {
        await publishSurvey(db, actor, params.id, today());
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${U}/:id/skjema`,
      summary: 'Spørreskjemaet',
      tags: ['undersokelse'],
      access: ANSWERERS,
      params: IdParamsSchema,
      response: SurveyFormSchema,
      async handler({ params }, { db, actor }) {
        return surveyForm(db, actor, params.id, today());
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${U}/:id/svar`,
      summary: 'Svar på undersøkelsen (én gang; svaret knyttes ikke til deg)',
      tags: ['undersokelse'],
      access: ANSWERERS,
      params: IdParamsSchema,
      body: AnswerSchema,
      response: z.object({ ok: z.literal(true) }),
      status: 201,
      async handler({ params, body }, { db, actor }) {
        await submitAnswer(db, actor, params.id, body, today());
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${U}/:id/resultater`,
      summary: 'Resultatene per dimensjon for grupper med minst 5 svar, med forrige runde ved siden av',
      tags: ['undersokelse'],
      access: ANSWERERS,
      params: IdParamsSchema,
      response: SurveyResultSchema,
      async handler({ params }, { db, actor, locale }) {
        return surveyResults(db, actor, params.id, today(), locale);
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${U}/:id/tiltak`,
      summary: 'Lag et tiltak i HMS-handlingsplanen fra et resultat',
      tags: ['undersokelse'],
      access: PLANNERS,
      params: IdParamsSchema,
      body: MeasureFromResultSchema,
      response: MeasureCreatedSchema,
      status: 201,
      async handler({ params, body }, { db: outer, actor }) {
        const day = today();
        return inTransaction(outer, async (db) => {
          await closedSurveyWithResults(db, actor, params.id, day);
          const { id } = await addPlanMeasure(db, actor, body, day);
          await writeAudit(db, actor, {
            action: 'create',
            entityType: 'survey_measure',
            entityId: id,
            detail: { surveyId: params.id, dimension: body.dimension },
          });
          return { measureId: id, link: '/internkontroll/mal' };
        });
      },
    }),
  ];
}
