import { EmployeeParamsSchema } from '../../contracts/dokumenter/dialogmote.schemas.ts';
import {
  CreateSamtaleRequestSchema,
  MySamtaleParamsSchema,
  SamtaleListSchema,
  SamtaleParamsSchema,
  SamtaleSchema,
  UpdateSamtaleRequestSchema,
} from '../../contracts/dokumenter/samtalereferat.schemas.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { ownId, sendPdf } from './route-helpers.ts';
import { createSamtale, listSamtaler, samtalePdf, updateSamtale } from './samtalereferat.service.ts';

const tags = ['dokumenter'];
const BASE = '/api/v1/sykefravaer/employees/:employeeId/samtalereferater';
const ME = '/api/v1/sykefravaer/me/samtalereferater';
const caseWorkers = access.roles('admin', 'hr', 'leder');

export function samtalereferatRoutes() {
  return [
    defineRoute({
      method: 'GET',
      url: BASE,
      summary: 'Samtalereferatene til den ansatte (lesingen logges)',
      tags,
      access: caseWorkers,
      params: EmployeeParamsSchema,
      response: SamtaleListSchema,
      async handler({ params }, ctx) {
        return listSamtaler(ctx, params.employeeId, 'employer');
      },
    }),
    defineRoute({
      method: 'POST',
      url: BASE,
      summary: 'Skriv et samtalereferat (første kontakt, oppfølging, frisksamtale)',
      tags,
      access: caseWorkers,
      params: EmployeeParamsSchema,
      body: CreateSamtaleRequestSchema,
      response: SamtaleSchema,
      status: 201,
      async handler({ params, body }, ctx) {
        return createSamtale(ctx, params.employeeId, body);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${BASE}/:id`,
      summary: 'Endre et samtalereferat (409 hvis noen andre endret først)',
      tags,
      access: caseWorkers,
      params: SamtaleParamsSchema,
      body: UpdateSamtaleRequestSchema,
      response: SamtaleSchema,
      async handler({ params, body }, ctx) {
        return updateSamtale(ctx, params.employeeId, params.id, body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${BASE}/:id/pdf`,
      summary: 'Samtalereferatet som PDF (eksporten logges)',
      tags,
      access: caseWorkers,
      params: SamtaleParamsSchema,
      response: 'binary',
      async handler({ params }, ctx) {
        return sendPdf(ctx.reply, await samtalePdf(ctx, params.employeeId, params.id, 'employer'));
      },
    }),
    defineRoute({
      method: 'GET',
      url: ME,
      summary: 'Mine samtalereferater',
      tags,
      access: access.anyRole,
      response: SamtaleListSchema,
      async handler(_input, ctx) {
        return listSamtaler(ctx, ownId(ctx.actor.employeeId), 'self');
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${ME}/:id/pdf`,
      summary: 'Et av mine samtalereferater som PDF',
      tags,
      access: access.anyRole,
      params: MySamtaleParamsSchema,
      response: 'binary',
      async handler({ params }, ctx) {
        return sendPdf(ctx.reply, await samtalePdf(ctx, ownId(ctx.actor.employeeId), params.id, 'self'));
      },
    }),
  ];
}
