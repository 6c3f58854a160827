import { z } from 'zod';
import {
  CreateUnitRequestSchema,
  IdParamsSchema,
  OrganisationSchema,
  UnitListSchema,
  UnitSchema,
  UpdateOrganisationRequestSchema,
  UpdateUnitRequestSchema,
  VerneomradeListSchema,
  VerneomradeRequestSchema,
  VerneomradeSchema,
} from '../../contracts/organisation/organisation.schemas.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { findUnit, isSelfOrDescendant, listUnits } from './organisation.repository.ts';

const unitNotFound = () => notFound({ nb: 'Fant ikke enheten.', en: 'Unit not found.' });
const parentNotFound = () =>
  new AppError(
    'VALIDATION_FAILED',
    { nb: 'Fant ikke overordnet enhet.', en: 'Parent unit not found.' },
    {
      fields: [{ path: 'parentId', message: { nb: 'Fant ikke enheten.', en: 'Unit not found.' } }],
    },
  );

export function organisationRoutes() {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/organisation',
      summary: 'Virksomheten',
      tags: ['organisation'],
      access: access.anyRole,
      response: OrganisationSchema,
      async handler(_input, { db, actor }) {
        return db
          .selectFrom('organisation')
          .select(['id', 'name', 'orgnr'])
          .where('id', '=', actor.organisationId)
          .executeTakeFirstOrThrow();
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/organisation',
      summary: 'Endre virksomhetens navn og organisasjonsnummer',
      tags: ['organisation'],
      access: access.roles('admin'),
      body: UpdateOrganisationRequestSchema,
      response: OrganisationSchema,
      async handler({ body }, { db: outer, actor }) {
        return inTransaction(outer, async (db) => {
          const row = await db
            .updateTable('organisation')
            .set({ name: body.name, orgnr: body.orgnr })
            .where('id', '=', actor.organisationId)
            .returning(['id', 'name', 'orgnr'])
            .executeTakeFirstOrThrow();
          await writeAudit(db, actor, { action: 'update', entityType: 'organisation', entityId: row.id });
          return row;
        });
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/units',
      summary: 'Alle enheter (avdelinger) som en flat liste med overordnet enhet',
      tags: ['organisation'],
      access: access.anyRole,
      response: UnitListSchema,
      async handler(_input, { db, actor }) {
        return { items: await listUnits(db, actor.organisationId) };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/units',
      summary: 'Opprett enhet',
      tags: ['organisation'],
      access: access.roles('admin', 'hr'),
      body: CreateUnitRequestSchema,
      response: UnitSchema,
      status: 201,
      async handler({ body }, { db: outer, actor }) {
        return inTransaction(outer, async (db) => {
          const parentId = body.parentId ?? null;
          if (parentId !== null && !(await findUnit(db, actor.organisationId, parentId)))
            throw parentNotFound();
          const row = await db
            .insertInto('unit')
            .values({ organisation_id: actor.organisationId, name: body.name, parent_id: parentId })
            .returning(['id', 'parent_id', 'name'])
            .executeTakeFirstOrThrow();
          await writeAudit(db, actor, { action: 'create', entityType: 'unit', entityId: row.id });
          return { id: row.id, parentId: row.parent_id, name: row.name, employeeCount: 0 };
        });
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/units/:id',
      summary: 'Endre navn på eller flytt en enhet',
      tags: ['organisation'],
      access: access.roles('admin', 'hr'),
      params: IdParamsSchema,
      body: UpdateUnitRequestSchema,
      response: UnitSchema,
      async handler({ params, body }, { db: outer, actor }) {
        return inTransaction(outer, async (db) => {
          const org = actor.organisationId;
          if (!(await findUnit(db, org, params.id))) throw unitNotFound();
          if (body.parentId !== null) {
            if (!(await findUnit(db, org, body.parentId))) throw parentNotFound();
            if (await isSelfOrDescendant(db, org, params.id, body.parentId)) {
              throw new AppError(
                'VALIDATION_FAILED',
                {
                  nb: 'En enhet kan ikke ligge under seg selv eller en av sine underenheter.',
                  en: 'A unit cannot be placed under itself or one of its sub-units.',
                },
                {
                  fields: [
                    {
                      path: 'parentId',
                      message: {
                        nb: 'Ville gitt en sirkel i organisasjonskartet.',
                        en: 'Would create a cycle.',
                      },
                    },
                  ],
                },
              );
            }
          }
          await db
            .updateTable('unit')
            .set({ name: body.name, parent_id: body.parentId })
            .where('organisation_id', '=', org)
            .where('id', '=', params.id)
            .execute();
          await writeAudit(db, actor, { action: 'update', entityType: 'unit', entityId: params.id });
          const unit = (await listUnits(db, org)).find((u) => u.id === params.id);
          if (!unit) throw unitNotFound();
          return unit;
        });
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: '/api/v1/units/:id',
      summary: 'Slett en tom enhet',
      tags: ['organisation'],
      access: access.roles('admin', 'hr'),
      params: IdParamsSchema,
      response: z.object({ ok: z.literal(true) }),
      async handler({ params }, { db: outer, actor }) {
        return inTransaction(outer, async (db) => {
          const org = actor.organisationId;
          const unit = (await listUnits(db, org)).find((u) => u.id === params.id);
          if (!unit) throw unitNotFound();
          const children = await db
            .selectFrom('unit')
            .select('id')
            .where('organisation_id', '=', org)
            .where('parent_id', '=', params.id)
            .limit(1)
            .execute();
          if (children.length > 0 || unit.employeeCount > 0) {
            throw conflict(
              {
                nb: 'Enheten har underenheter eller ansatte. Flytt dem først, så kan enheten slettes.',
                en: 'The unit has sub-units or employees. Move them first, then the unit can be deleted.',
              },
              'IN_USE',
            );
          }
          await db
            .deleteFrom('unit')
            .where('organisation_id', '=', org)
            .where('id', '=', params.id)
            .execute();
          await writeAudit(db, actor, { action: 'delete', entityType: 'unit', entityId: params.id });
          return { ok: true as const };
        });
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/verneomrader',
      summary: 'Verneområder med enhetene de dekker',
      tags: ['organisation'],
      access: access.anyRole,
      response: VerneomradeListSchema,
      async handler(_input, { db, actor }) {
        const areas = await db
          .selectFrom('verneomrade')
          .select(['id', 'name'])
          .where('organisation_id', '=', actor.organisationId)
          .orderBy('name')
          .execute();
        const links = await db
          .selectFrom('verneomrade_unit')
          .select(['verneomrade_id', 'unit_id'])
          .where('organisation_id', '=', actor.organisationId)
          .execute();
        return {
          items: areas.map((a) => ({
            ...a,
            unitIds: links.filter((l) => l.verneomrade_id === a.id).map((l) => l.unit_id),
          })),
        };
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/verneomrader',
      summary: 'Opprett verneområde',
      tags: ['organisation'],
      access: access.roles('admin', 'hr'),
      body: VerneomradeRequestSchema,
      response: VerneomradeSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        const org = actor.organisationId;
        return db.transaction().execute(async (trx) => {
          const area = await trx
            .insertInto('verneomrade')
            .values({ organisation_id: org, name: body.name })
            .returning(['id', 'name'])
            .executeTakeFirstOrThrow();
          const unitIds = [...new Set(body.unitIds)];
          if (unitIds.length > 0) {
            await trx
              .insertInto('verneomrade_unit')
              .values(unitIds.map((unit_id) => ({ organisation_id: org, verneomrade_id: area.id, unit_id })))
              .execute();
          }
          await writeAudit(trx, actor, { action: 'create', entityType: 'verneomrade', entityId: area.id });
          return { ...area, unitIds };
        });
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/verneomrader/:id',
      summary: 'Endre verneområde',
      tags: ['organisation'],
      access: access.roles('admin', 'hr'),
      params: IdParamsSchema,
      body: VerneomradeRequestSchema,
      response: VerneomradeSchema,
      async handler({ params, body }, { db, actor }) {
        const org = actor.organisationId;
        return db.transaction().execute(async (trx) => {
          const area = await trx
            .updateTable('verneomrade')
            .set({ name: body.name })
            .where('organisation_id', '=', org)
            .where('id', '=', params.id)
            .returning(['id', 'name'])
            .executeTakeFirst();
          if (!area) throw notFound({ nb: 'Fant ikke verneområdet.', en: 'Safety area not found.' });
          await trx
            .deleteFrom('verneomrade_unit')
            .where('organisation_id', '=', org)
            .where('verneomrade_id', '=', params.id)
            .execute();
          const unitIds = [...new Set(body.unitIds)];
          if (unitIds.length > 0) {
            await trx
              .insertInto('verneomrade_unit')
              .values(unitIds.map((unit_id) => ({ organisation_id: org, verneomrade_id: area.id, unit_id })))
              .execute();
          }
          await writeAudit(trx, actor, { action: 'update', entityType: 'verneomrade', entityId: area.id });
          return { ...area, unitIds };
        });
      },
    }),
  ];
}
