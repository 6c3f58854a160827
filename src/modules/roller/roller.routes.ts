/** «Roller og verv»: the HMS roles with their terms, and the AMU chair per year. */
import {
  ChairInputSchema,
  ChairParamsSchema,
  ChairSchema,
  RoleCreateSchema,
  RoleEndSchema,
  RoleIdParamsSchema,
  RoleItemSchema,
  RoleUpdateSchema,
  RollerViewSchema,
} from '../../contracts/roller/roller.schemas.ts';
import type { RouteDeps } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { createRole, endRole, rollerView, setChair, updateRole } from './roller.service.ts';

/** Who registers and ends roles. */
const EDITORS = access.roles('admin', 'hr');

export function rollerRoutes({ reminders }: RouteDeps) {
  const { today } = reminders;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/roller',
      summary: 'Roller og verv: verneombud, hovedverneombud, AMU, BHT og daglig leder, med funksjonstid',
      tags: ['roller'],
      // Everyone: the employees must know who their verneombud is (aml § 6-2). Names, kind, area and
      // term only — no contact details.
      access: access.anyRole,
      response: RollerViewSchema,
      async handler(_input, { db, actor }) {
        return rollerView(db, actor.organisationId, today());
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/roller',
      summary: 'Registrer et verv (valgt, utpekt eller oppnevnt) med funksjonstid',
      tags: ['roller'],
      access: EDITORS,
      body: RoleCreateSchema,
      response: RoleItemSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        return createRole(db, actor, body, today());
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/roller/:id',
      summary: 'Rett funksjonstiden eller hvordan vervet ble besatt',
      tags: ['roller'],
      access: EDITORS,
      params: RoleIdParamsSchema,
      body: RoleUpdateSchema,
      response: RoleItemSchema,
      async handler({ params, body }, { db, actor }) {
        return updateRole(db, actor, params.id, body, today());
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/roller/:id/end',
      summary: 'Avslutt et verv (historikken beholdes)',
      tags: ['roller'],
      access: EDITORS,
      params: RoleIdParamsSchema,
      body: RoleEndSchema,
      response: RoleItemSchema,
      async handler({ params, body }, { db, actor }) {
        return endRole(db, actor, params.id, body, today());
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/roller/amu-leder/:year',
      summary: 'Hvem som leder AMU et år (vekselvis arbeidsgiver- og arbeidstakersiden)',
      tags: ['roller'],
      access: EDITORS,
      params: ChairParamsSchema,
      body: ChairInputSchema,
      response: ChairSchema,
      async handler({ params, body }, { db, actor }) {
        return setChair(db, actor, params.year, body);
      },
    }),
  ];
}
