/**
 * HMS goals, the handlingsplan and the annual review over HTTP. Admin and HR write; everyone who
 * takes part in the HMS work reads (aml § 3-1 (1)); employees read the goals and their measures
 * (IK-f § 4: internkontroll is done in cooperation with the employees) but not the reviews.
 */
import type { FastifyReply } from 'fastify';
import {
  GoalCreateSchema,
  GoalQuerySchema,
  GoalSchema,
  GoalUpdateSchema,
  GoalYearSchema,
  IdParamsSchema,
  MeasureCreateSchema,
  MeasureDoneSchema,
  MeasureListSchema,
  MeasureQuerySchema,
  MeasureSchema,
  MeasureUpdateSchema,
  OkSchema,
  OwnerCandidatesSchema,
  ReviewCompleteSchema,
  ReviewCreateSchema,
  ReviewListSchema,
  ReviewSchema,
  ReviewUpdateSchema,
} from '../../contracts/hms-mal/hms-mal.schemas.ts';
import type { RouteDeps } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import {
  createGoal,
  createMeasure,
  deleteGoal,
  deleteMeasure,
  goalYear,
  listMeasures,
  ownerCandidates,
  setMeasureDone,
  updateGoal,
  updateMeasure,
} from './goals.service.ts';
import {
  completeReview,
  createReview,
  deleteReview,
  getReview,
  listReviews,
  reviewPdf,
  updateReview,
} from './review.service.ts';

/** Everyone in the HMS work, and the employees: the goals are the organisation's. */
const GOAL_READERS = access.roles(
  'admin',
  'hr',
  'leder',
  'verneombud',
  'amu',
  'bht',
  'tillitsvalgt',
  'ansatt',
);
/** The reviews: the HMS roles, not plain employees. */
const REVIEW_READERS = access.roles('admin', 'hr', 'leder', 'verneombud', 'amu', 'bht', 'tillitsvalgt');
const EDITORS = access.roles('admin', 'hr');

const G = '/api/v1/hms-mal';
const T = '/api/v1/hms-mal/tiltak';
const R = '/api/v1/arlig-gjennomgang';
const tags = ['hms-mal'];

/** Sends the stored PDF as a download that no cache keeps. */
function sendPdf(reply: FastifyReply, file: { pdf: Buffer; filename: string }): Buffer {
  reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'private, no-store');
  return file.pdf;
}

export function hmsMalRoutes({ reminders }: RouteDeps) {
  const { today } = reminders;
  return [
    // ——— Goals ———
    defineRoute({
      method: 'GET',
      url: G,
      summary: 'HMS-målene for ett år med tiltakene i handlingsplanen',
      tags,
      access: GOAL_READERS,
      query: GoalQuerySchema,
      response: GoalYearSchema,
      async handler({ query }, { db, actor }) {
        const day = today();
        return goalYear(db, actor, query.year ?? Number(day.slice(0, 4)), day);
      },
    }),

    defineRoute({
      method: 'POST',
      url: G,
      summary: 'Nytt HMS-mål (IK-f § 5 nr. 4)',
      tags,
      access: EDITORS,
      body: GoalCreateSchema,
      response: GoalSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        return createGoal(db, actor, body);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${G}/:id`,
      summary: 'Endre et HMS-mål (med versjonen som ble lest; 409 om noen lagret først)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: GoalUpdateSchema,
      response: GoalSchema,
      async handler({ params, body }, { db, actor }) {
        return updateGoal(db, actor, params.id, body, today());
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: `${G}/:id`,
      summary: 'Slett et HMS-mål med sine åpne tiltak (409 om et tiltak er gjennomført)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      response: OkSchema,
      async handler({ params }, { db, actor }) {
        await db.transaction().execute((trx) => deleteGoal(trx, actor, params.id));
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${G}/eiere`,
      summary: 'Brukerne et tiltak kan gis til (bare navn)',
      tags,
      access: EDITORS,
      response: OwnerCandidatesSchema,
      async handler(_input, { db, actor }) {
        return { items: await ownerCandidates(db, actor.organisationId) };
      },
    }),

    // ——— Measures (the handlingsplan) ———
    defineRoute({
      method: 'GET',
      url: T,
      summary: 'Tiltakene i handlingsplanen (open=true: bare de åpne)',
      tags,
      access: GOAL_READERS,
      query: MeasureQuerySchema,
      response: MeasureListSchema,
      async handler({ query }, { db, actor }) {
        return {
          items: await listMeasures(
            db,
            actor,
            { open: query.open === 'true', goalId: query.goalId },
            today(),
          ),
        };
      },
    }),

    defineRoute({
      method: 'POST',
      url: T,
      summary: 'Nytt tiltak med ansvarlig og frist',
      tags,
      access: EDITORS,
      body: MeasureCreateSchema,
      response: MeasureSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        return createMeasure(db, actor, body, today());
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${T}/:id`,
      summary: 'Endre et åpent tiltak (med versjonen som ble lest)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: MeasureUpdateSchema,
      response: MeasureSchema,
      async handler({ params, body }, { db, actor }) {
        return updateMeasure(db, actor, params.id, body, today());
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: `${T}/:id`,
      summary: 'Slett et åpent tiltak',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      response: OkSchema,
      async handler({ params }, { db, actor }) {
        await deleteMeasure(db, actor, params.id);
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${T}/:id/done`,
      summary: 'Marker et tiltak som gjennomført, med en kort merknad (admin, HR eller den ansvarlige)',
      tags,
      access: GOAL_READERS,
      params: IdParamsSchema,
      body: MeasureDoneSchema,
      response: MeasureSchema,
      async handler({ params, body }, { db, actor }) {
        return setMeasureDone(db, actor, params.id, body.note, today());
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: `${T}/:id/done`,
      summary: 'Gjenåpne et tiltak',
      tags,
      access: GOAL_READERS,
      params: IdParamsSchema,
      response: MeasureSchema,
      async handler({ params }, { db, actor }) {
        return setMeasureDone(db, actor, params.id, null, today());
      },
    }),

    // ——— The annual review ———
    defineRoute({
      method: 'GET',
      url: R,
      summary: 'De årlige gjennomgangene av internkontrollen',
      tags,
      access: REVIEW_READERS,
      response: ReviewListSchema,
      async handler(_input, { db, actor }) {
        return listReviews(db, actor);
      },
    }),

    defineRoute({
      method: 'POST',
      url: R,
      summary: 'Start den årlige gjennomgangen av et år (utkast, fylt inn med årets HMS-mål)',
      tags,
      access: EDITORS,
      body: ReviewCreateSchema,
      response: ReviewSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        return db.transaction().execute((trx) => createReview(trx, actor, body.yearReviewed, today()));
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${R}/:id`,
      summary: 'Én årlig gjennomgang',
      tags,
      access: REVIEW_READERS,
      params: IdParamsSchema,
      response: ReviewSchema,
      async handler({ params }, { db, actor }) {
        return getReview(db, actor, params.id);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${R}/:id`,
      summary: 'Lagre utkastet (hele skjemaet, med versjonen som ble lest; 409 når fullført)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: ReviewUpdateSchema,
      response: ReviewSchema,
      async handler({ params, body }, { db, actor }) {
        return updateReview(db, actor, params.id, body);
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: `${R}/:id`,
      summary: 'Forkast et utkast (en fullført gjennomgang blir stående)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      response: OkSchema,
      async handler({ params }, { db, actor }) {
        await deleteReview(db, actor, params.id);
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${R}/:id/fullfor`,
      summary: 'Fullfør gjennomgangen: lager og lagrer en datert PDF; deretter kan den ikke endres',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: ReviewCompleteSchema,
      response: ReviewSchema,
      async handler({ params, body }, { db, actor }) {
        return completeReview(db, actor, params.id, body.version, today());
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${R}/:id/pdf`,
      summary: 'Den lagrede PDF-en av en fullført gjennomgang (nedlastingen logges)',
      tags,
      access: REVIEW_READERS,
      params: IdParamsSchema,
      response: 'binary',
      async handler({ params }, { db, actor, reply }) {
        return sendPdf(reply, await reviewPdf(db, actor, params.id));
      },
    }),
  ];
}
