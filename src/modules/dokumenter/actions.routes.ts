/**
 * Agreed actions as tasks: `…/employees/:employeeId/actions` (admin/HR, the leader of the employee)
 * and `…/me/actions` (the employee: the actions they own). Marking done or undoing sends the
 * action's version (409 when stale).
 */

import {
  ActionListSchema,
  ActionParamsSchema,
  ActionWriteRequestSchema,
  MyActionParamsSchema,
} from '../../contracts/dokumenter/actions.schemas.ts';
import { EmployeeParamsSchema } from '../../contracts/dokumenter/dialogmote.schemas.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { listActions, setActionDone } from './actions.service.ts';
import { ownId } from './route-helpers.ts';

const tags = ['dokumenter'];
const BASE = '/api/v1/sykefravaer/employees/:employeeId/actions';
const ME = '/api/v1/sykefravaer/me/actions';
const caseWorkers = access.roles('admin', 'hr', 'leder');

export function actionRoutes() {
  return [
    defineRoute({
      method: 'GET',
      url: BASE,
      summary:
        'Avtalte tiltak i det gjeldende sykefraværet, fra plan, dialogmøte og samtalereferat (lesingen logges)',
      tags,
      access: caseWorkers,
      params: EmployeeParamsSchema,
      response: ActionListSchema,
      async handler({ params }, ctx) {
        return listActions(ctx, params.employeeId, 'employer');
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/:actionId/done`,
      summary: 'Marker et avtalt tiltak som gjort',
      tags,
      access: caseWorkers,
      params: ActionParamsSchema,
      body: ActionWriteRequestSchema,
      response: ActionListSchema,
      status: 201,
      async handler({ params, body }, ctx) {
        return setActionDone(ctx, params.employeeId, params.actionId, { ...body, done: true }, 'employer');
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: `${BASE}/:actionId/done`,
      summary: 'Angre «gjort» på et avtalt tiltak',
      tags,
      access: caseWorkers,
      params: ActionParamsSchema,
      body: ActionWriteRequestSchema,
      response: ActionListSchema,
      async handler({ params, body }, ctx) {
        return setActionDone(ctx, params.employeeId, params.actionId, { ...body, done: false }, 'employer');
      },
    }),
    defineRoute({
      method: 'GET',
      url: ME,
      summary: 'Mine avtalte tiltak (der jeg er ansvarlig)',
      tags,
      access: access.anyRole,
      response: ActionListSchema,
      async handler(_input, ctx) {
        return listActions(ctx, ownId(ctx.actor.employeeId), 'self');
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${ME}/:actionId/done`,
      summary: 'Marker et av mine avtalte tiltak som gjort',
      tags,
      access: access.anyRole,
      params: MyActionParamsSchema,
      body: ActionWriteRequestSchema,
      response: ActionListSchema,
      status: 201,
      async handler({ params, body }, ctx) {
        return setActionDone(
          ctx,
          ownId(ctx.actor.employeeId),
          params.actionId,
          { ...body, done: true },
          'self',
        );
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: `${ME}/:actionId/done`,
      summary: 'Angre «gjort» på et av mine avtalte tiltak',
      tags,
      access: access.anyRole,
      params: MyActionParamsSchema,
      body: ActionWriteRequestSchema,
      response: ActionListSchema,
      async handler({ params, body }, ctx) {
        return setActionDone(
          ctx,
          ownId(ctx.actor.employeeId),
          params.actionId,
          { ...body, done: false },
          'self',
        );
      },
    }),
  ];
}
