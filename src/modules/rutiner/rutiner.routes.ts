/**
 * The HMS handbook's HTTP surface (`/api/v1/rutiner`, `/api/v1/me/rutiner`). Deny by default: each
 * route names its roles; a routine the actor may not see answers 404 like one that does not exist
 * (see `rutiner.service.ts` for who sees what).
 */
import {
  ConfirmationsSchema,
  ConfirmResultSchema,
  ConfirmSchema,
  MyRoutinesSchema,
  OwnerOptionsSchema,
  RoutineCreateSchema,
  RoutineDetailSchema,
  RoutineListQuerySchema,
  RoutineListSchema,
  RoutineParamsSchema,
  RoutineUpdateSchema,
  RoutineVersionParamsSchema,
  RoutineVersionViewSchema,
} from '../../contracts/rutiner/rutiner.schemas.ts';
import type { RouteDeps } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { ownerOptions } from './rutiner.repository.ts';
import {
  archiveRoutine,
  confirmationsView,
  confirmRoutine,
  createRoutine,
  detailView,
  listView,
  myRoutines,
  updateRoutine,
  versionView,
} from './rutiner.service.ts';

const tags = ['rutiner'];
const BASE = '/api/v1/rutiner';
/** Admin and HR write the handbook. */
const EDITORS = access.roles('admin', 'hr');
/**
 * Every role may ask: the library readers (admin, HR, leaders, verneombud) get every routine, everyone
 * else the routines that apply to them as an employee — filtered in the service.
 */
const ANYONE = access.anyRole;

export function rutinerRoutes({ reminders }: RouteDeps) {
  const { today } = reminders;
  return [
    defineRoute({
      method: 'GET',
      url: BASE,
      summary: 'Rutinene i HMS-håndboken, med min egen lesestatus',
      tags,
      access: ANYONE,
      query: RoutineListQuerySchema,
      response: RoutineListSchema,
      async handler({ query }, { db, actor }) {
        return listView(db, actor, { includeArchived: query.arkiverte === 'true' }, today());
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${BASE}/eiere`,
      summary: 'Hvem som kan eie en rutine (brukerne i virksomheten)',
      tags,
      access: EDITORS,
      response: OwnerOptionsSchema,
      async handler(_input, { db, actor }) {
        return { items: await ownerOptions(db, actor.organisationId) };
      },
    }),

    defineRoute({
      method: 'POST',
      url: BASE,
      summary: 'Ny rutine (versjon 1 av teksten)',
      tags,
      access: EDITORS,
      body: RoutineCreateSchema,
      response: RoutineDetailSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        const id = await createRoutine(db, actor, body);
        return detailView(db, actor, id, today());
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${BASE}/:id`,
      summary: 'En rutine: gjeldende tekst og versjonshistorikken',
      tags,
      access: ANYONE,
      params: RoutineParamsSchema,
      response: RoutineDetailSchema,
      async handler({ params }, { db, actor }) {
        return detailView(db, actor, params.id, today());
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${BASE}/:id`,
      summary: 'Endre en rutine; endret tekst lagres som en ny versjon som må bekreftes på nytt',
      tags,
      access: EDITORS,
      params: RoutineParamsSchema,
      body: RoutineUpdateSchema,
      response: RoutineDetailSchema,
      async handler({ params, body }, { db, actor }) {
        await updateRoutine(db, actor, params.id, body);
        return detailView(db, actor, params.id, today());
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${BASE}/:id/versjoner/:version`,
      summary: 'Én versjon av teksten til en rutine',
      tags,
      access: ANYONE,
      params: RoutineVersionParamsSchema,
      response: RoutineVersionViewSchema,
      async handler({ params }, { db, actor }) {
        return versionView(db, actor, params.id, params.version, today());
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${BASE}/:id/arkiver`,
      summary: 'Arkiver en rutine (den gjelder ikke lenger; historikken beholdes)',
      tags,
      access: EDITORS,
      params: RoutineParamsSchema,
      response: RoutineDetailSchema,
      async handler({ params }, { db, actor }) {
        await archiveRoutine(db, actor, params.id);
        return detailView(db, actor, params.id, today());
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${BASE}/:id/bekreft`,
      summary: 'Bekreft at jeg har lest og forstått gjeldende versjon av rutinen',
      tags,
      access: ANYONE,
      params: RoutineParamsSchema,
      body: ConfirmSchema,
      response: ConfirmResultSchema,
      async handler({ params, body }, { db, actor }) {
        return confirmRoutine(db, actor, params.id, body.version, today());
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${BASE}/:id/bekreftelser`,
      summary: 'Hvem som har og ikke har bekreftet rutinen (HR alle, en leder sine egne)',
      tags,
      access: access.roles('admin', 'hr', 'leder'),
      params: RoutineParamsSchema,
      response: ConfirmationsSchema,
      async handler({ params }, { db, actor }) {
        return confirmationsView(db, actor, params.id, today());
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/me/rutiner',
      summary: 'Rutinene som gjelder meg, uleste først',
      tags,
      access: ANYONE,
      response: MyRoutinesSchema,
      async handler(_input, { db, actor }) {
        return myRoutines(db, actor, today());
      },
    }),
  ];
}
