import {
  CommentRequestSchema,
  DiffQuerySchema,
  DiffSchema,
  EmployeeParamsSchema,
  MyPlanAwaitingSchema,
  MyPlanParamsSchema,
  PlanOrNullSchema,
  PlanParamsSchema,
  PlanSchema,
  SavePlanRequestSchema,
  SendRequestSchema,
  VersionDiffParamsSchema,
  VersionListSchema,
  VersionOnlyRequestSchema,
} from '../../contracts/dokumenter/dokumenter.schemas.ts';
import { access, defineRoute } from '../../platform/route.ts';
import {
  addComment,
  approvePlan,
  createPlan,
  diffVersions,
  getCurrentPlan,
  listVersions,
  myPlanToRead,
  planPdf,
  savePlan,
  sendPlan,
  submitPlan,
} from './oppfolgingsplan.service.ts';
import { ownId, sendPdf } from './route-helpers.ts';

const tags = ['dokumenter'];
const BASE = '/api/v1/sykefravaer/employees/:employeeId/oppfolgingsplan';
const ME = '/api/v1/sykefravaer/me/oppfolgingsplan';
const caseWorkers = access.roles('admin', 'hr', 'leder');

export function dokumenterRoutes() {
  return [
    defineRoute({
      method: 'GET',
      url: BASE,
      summary: 'Oppfølgingsplanen for det gjeldende sykefraværet (plan: null hvis ingen; lesingen logges)',
      tags,
      access: caseWorkers,
      params: EmployeeParamsSchema,
      response: PlanOrNullSchema,
      async handler({ params }, ctx) {
        return getCurrentPlan(ctx, params.employeeId, 'employer');
      },
    }),

    defineRoute({
      method: 'POST',
      url: BASE,
      summary: 'Opprett et utkast til oppfølgingsplan for det gjeldende sykefraværet',
      tags,
      access: caseWorkers,
      params: EmployeeParamsSchema,
      response: PlanSchema,
      status: 201,
      async handler({ params }, ctx) {
        return createPlan(ctx, params.employeeId);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${BASE}/:planId`,
      summary: 'Lagre planen (ny versjon; 409 hvis noen andre lagret først; godkjent plan blir utkast igjen)',
      tags,
      access: caseWorkers,
      params: PlanParamsSchema,
      body: SavePlanRequestSchema,
      response: PlanSchema,
      async handler({ params, body }, ctx) {
        return savePlan(ctx, params.employeeId, params.planId, body);
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${BASE}/:planId/submit`,
      summary: 'Send planen til godkjenning hos arbeidstakeren',
      tags,
      access: caseWorkers,
      params: PlanParamsSchema,
      body: VersionOnlyRequestSchema,
      response: PlanSchema,
      async handler({ params, body }, ctx) {
        return submitPlan(ctx, params.employeeId, params.planId, body.version);
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${BASE}/:planId/comments`,
      summary: 'Kommenter en del av planen',
      tags,
      access: caseWorkers,
      params: PlanParamsSchema,
      body: CommentRequestSchema,
      response: PlanSchema,
      status: 201,
      async handler({ params, body }, ctx) {
        return addComment(ctx, params.employeeId, params.planId, body, 'employer');
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${BASE}/:planId/versions`,
      summary: 'Alle lagrede versjoner av planen (hvem, når)',
      tags,
      access: caseWorkers,
      params: PlanParamsSchema,
      response: VersionListSchema,
      async handler({ params }, ctx) {
        return listVersions(ctx, params.employeeId, params.planId, 'employer');
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${BASE}/:planId/versions/:n/diff`,
      summary: 'Hva som er endret i versjon n (mot versjon «against», ellers n − 1), felt for felt',
      tags,
      access: caseWorkers,
      params: VersionDiffParamsSchema,
      query: DiffQuerySchema,
      response: DiffSchema,
      async handler({ params, query }, ctx) {
        return diffVersions(ctx, params.employeeId, params.planId, params.n, query.against, 'employer');
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${BASE}/:planId/pdf`,
      summary: 'Planen som PDF (eksporten logges)',
      tags,
      access: caseWorkers,
      params: PlanParamsSchema,
      response: 'binary',
      async handler({ params }, ctx) {
        return sendPdf(ctx.reply, await planPdf(ctx, params.employeeId, params.planId, 'employer'));
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${BASE}/:planId/send`,
      summary:
        'Registrer at planen er sendt (sykmelder eller NAV); til sykmelder markerer milepælen «oppfølgingsplan» som utført',
      tags,
      access: caseWorkers,
      params: PlanParamsSchema,
      body: SendRequestSchema,
      response: PlanSchema,
      status: 201,
      async handler({ params, body }, ctx) {
        return sendPlan(ctx, params.employeeId, params.planId, body);
      },
    }),

    defineRoute({
      method: 'GET',
      url: ME,
      summary: 'Min oppfølgingsplan (plan: null hvis ingen; lesingen logges)',
      tags,
      access: access.anyRole,
      response: PlanOrNullSchema,
      async handler(_input, ctx) {
        return getCurrentPlan(ctx, ownId(ctx.actor.employeeId), 'self');
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${ME}/awaiting-approval`,
      summary:
        'Min oppfølgingsplan som venter på at jeg godkjenner den (bare id-en, til forsiden; planId: null hvis ingen)',
      tags,
      access: access.anyRole,
      response: MyPlanAwaitingSchema,
      async handler(_input, ctx) {
        return myPlanToRead(ctx);
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${ME}/:planId/comments`,
      summary: 'Kommenter en del av min oppfølgingsplan',
      tags,
      access: access.anyRole,
      params: MyPlanParamsSchema,
      body: CommentRequestSchema,
      response: PlanSchema,
      status: 201,
      async handler({ params, body }, ctx) {
        return addComment(ctx, ownId(ctx.actor.employeeId), params.planId, body, 'self');
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${ME}/:planId/approve`,
      summary: 'Godkjenn versjonen av min oppfølgingsplan som jeg har lest',
      tags,
      access: access.anyRole,
      params: MyPlanParamsSchema,
      body: VersionOnlyRequestSchema,
      response: PlanSchema,
      async handler({ params, body }, ctx) {
        return approvePlan(ctx, params.planId, body.version);
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${ME}/:planId/pdf`,
      summary: 'Min oppfølgingsplan som PDF',
      tags,
      access: access.anyRole,
      params: MyPlanParamsSchema,
      response: 'binary',
      async handler({ params }, ctx) {
        return sendPdf(ctx.reply, await planPdf(ctx, ownId(ctx.actor.employeeId), params.planId, 'self'));
      },
    }),
  ];
}
