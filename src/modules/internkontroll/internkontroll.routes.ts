/** Internkontroll's HTTP surface: the company profile, its duties and the årshjul. */
import { z } from 'zod';
import {
  ArshjulCreateSchema,
  ArshjulDoneSchema,
  ArshjulItemSchema,
  ArshjulQuerySchema,
  ArshjulUpdateSchema,
  ArshjulViewSchema,
  CompanyProfileInputSchema,
  CompanyProfileViewSchema,
  IdParamsSchema,
  IkDashboardSchema,
  ProfileHistorySchema,
} from '../../contracts/internkontroll/internkontroll.schemas.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { RouteDeps } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { arshjulView, canEditItem, findItem, syncArshjul, toItem } from './arshjul.service.ts';
import { cachedDashboard } from './dashboard.service.ts';
import { profileHistory, profileView, saveProfile } from './profile.service.ts';

/** Who reads the profile, the duties and the årshjul: everyone with an HMS role, not plain employees. */
const READERS = access.roles('admin', 'hr', 'leder', 'verneombud', 'amu', 'bht', 'tillitsvalgt');
const EDITORS = access.roles('admin', 'hr');

const itemNotFound = () =>
  notFound({ nb: 'Fant ikke aktiviteten i årshjulet.', en: 'Activity not found in the annual wheel.' });

const yearOf = (date: string) => Number(date.slice(0, 4));

export function internkontrollRoutes({ reminders }: RouteDeps) {
  const { today } = reminders;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/internkontroll/profile',
      summary: 'Virksomhetsprofilen og pliktene som følger av den',
      tags: ['internkontroll'],
      access: READERS,
      response: CompanyProfileViewSchema,
      async handler(_input, { db, actor, caches }) {
        return profileView(db, actor.organisationId, today(), caches);
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/internkontroll/dashboard',
      summary: 'Internkontroll etter IK-f § 5: de åtte punktene med dokumentasjon og mangler',
      tags: ['internkontroll'],
      access: READERS,
      response: IkDashboardSchema,
      async handler(_input, { db, actor, caches }) {
        return cachedDashboard(db, actor.organisationId, today(), caches);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/internkontroll/profile',
      summary: 'Lagre virksomhetsprofilen (ny versjon); pliktene og årshjulet avledes på nytt',
      tags: ['internkontroll'],
      access: EDITORS,
      body: CompanyProfileInputSchema,
      response: CompanyProfileViewSchema,
      async handler({ body }, { db, actor }) {
        const day = today();
        const year = yearOf(day);
        await db.transaction().execute(async (trx) => {
          await saveProfile(trx, actor, body);
          // The årshjul follows the profile at once: this year and next.
          await syncArshjul(trx, actor.organisationId, year, day);
          await syncArshjul(trx, actor.organisationId, year + 1, day);
        });
        return profileView(db, actor.organisationId, day);
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/internkontroll/profile/history',
      summary: 'Tidligere versjoner av virksomhetsprofilen',
      tags: ['internkontroll'],
      access: EDITORS,
      response: ProfileHistorySchema,
      async handler(_input, { db, actor }) {
        return { items: await profileHistory(db, actor.organisationId) };
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/internkontroll/arshjul',
      summary: 'Årshjulet for ett år (genereres fra virksomhetsprofilen)',
      tags: ['internkontroll'],
      access: READERS,
      query: ArshjulQuerySchema,
      response: ArshjulViewSchema,
      async handler({ query }, { db, actor }) {
        const day = today();
        return arshjulView(db, actor, query.year ?? yearOf(day), day);
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/internkontroll/arshjul',
      summary: 'Legg til en egen aktivitet i årshjulet',
      tags: ['internkontroll'],
      access: EDITORS,
      body: ArshjulCreateSchema,
      response: ArshjulItemSchema,
      status: 201,
      async handler({ body }, { db: outer, actor }) {
        return inTransaction(outer, async (db) => {
          const row = await db
            .insertInto('arshjul_item')
            .values({
              organisation_id: actor.organisationId,
              year: yearOf(body.due),
              item_key: null,
              title_nb: body.title,
              title_en: body.title,
              due: body.due,
              generated_due: null,
              owner_role: body.ownerRole,
              legal_basis: null,
              kind: 'egen',
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await writeAudit(db, actor, { action: 'create', entityType: 'arshjul_item', entityId: row.id });
          return toItem(row, actor, today());
        });
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/internkontroll/arshjul/:id',
      summary: 'Flytt en aktivitet (og gi en egen aktivitet nytt navn)',
      tags: ['internkontroll'],
      access: READERS,
      params: IdParamsSchema,
      body: ArshjulUpdateSchema,
      response: ArshjulItemSchema,
      async handler({ params, body }, { db: outer, actor }) {
        return inTransaction(outer, async (db) => {
          const item = await findItem(db, actor.organisationId, params.id);
          if (!item || !canEditItem(actor, item.owner_role)) throw itemNotFound();
          if (yearOf(body.due) !== item.year) {
            throw new AppError(
              'VALIDATION_FAILED',
              { nb: 'Datoen må ligge i samme år.', en: 'The date must be in the same year.' },
              {
                fields: [
                  {
                    path: 'due',
                    message: {
                      nb: `Velg en dato i ${item.year}. Legg til en ny aktivitet for et annet år.`,
                      en: `Choose a date in ${item.year}. Add a new activity for another year.`,
                    },
                  },
                ],
              },
            );
          }
          if (body.title !== undefined && item.item_key !== null) {
            throw new AppError(
              'VALIDATION_FAILED',
              {
                nb: 'Bare egne aktiviteter kan få nytt navn.',
                en: 'Only your own activities can be renamed.',
              },
              { fields: [{ path: 'title', message: { nb: 'Kan ikke endres.', en: 'Cannot be changed.' } }] },
            );
          }
          const row = await db
            .updateTable('arshjul_item')
            .set({
              due: body.due,
              ...(body.title === undefined ? {} : { title_nb: body.title, title_en: body.title }),
            })
            .where('organisation_id', '=', actor.organisationId)
            .where('id', '=', params.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await writeAudit(db, actor, {
            action: 'update',
            entityType: 'arshjul_item',
            entityId: row.id,
            detail: { due: body.due },
          });
          return toItem(row, actor, today());
        });
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/internkontroll/arshjul/:id/done',
      summary: 'Marker en aktivitet som gjort, med en kort merknad',
      tags: ['internkontroll'],
      access: READERS,
      params: IdParamsSchema,
      body: ArshjulDoneSchema,
      response: ArshjulItemSchema,
      async handler({ params, body }, { db: outer, actor }) {
        return inTransaction(outer, async (db) => {
          const item = await findItem(db, actor.organisationId, params.id);
          if (!item || !canEditItem(actor, item.owner_role)) throw itemNotFound();
          const row = await db
            .updateTable('arshjul_item')
            .set({
              done_at: new Date(),
              done_by: actor.userId,
              done_by_name: actor.name,
              done_note: body.note,
            })
            .where('organisation_id', '=', actor.organisationId)
            .where('id', '=', params.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await writeAudit(db, actor, {
            action: 'update',
            entityType: 'arshjul_item',
            entityId: row.id,
            detail: { done: true },
          });
          return toItem(row, actor, today());
        });
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: '/api/v1/internkontroll/arshjul/:id/done',
      summary: 'Gjenåpne en aktivitet',
      tags: ['internkontroll'],
      access: READERS,
      params: IdParamsSchema,
      response: ArshjulItemSchema,
      async handler({ params }, { db: outer, actor }) {
        return inTransaction(outer, async (db) => {
          const item = await findItem(db, actor.organisationId, params.id);
          if (!item || !canEditItem(actor, item.owner_role)) throw itemNotFound();
          const row = await db
            .updateTable('arshjul_item')
            .set({ done_at: null, done_by: null, done_by_name: null, done_note: null })
            .where('organisation_id', '=', actor.organisationId)
            .where('id', '=', params.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await writeAudit(db, actor, {
            action: 'update',
            entityType: 'arshjul_item',
            entityId: row.id,
            detail: { done: false },
          });
          return toItem(row, actor, today());
        });
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: '/api/v1/internkontroll/arshjul/:id',
      summary: 'Slett en egen aktivitet (genererte aktiviteter følger profilen)',
      tags: ['internkontroll'],
      access: EDITORS,
      params: IdParamsSchema,
      response: z.object({ ok: z.literal(true) }),
      async handler({ params }, { db: outer, actor }) {
        return inTransaction(outer, async (db) => {
          const item = await findItem(db, actor.organisationId, params.id);
          if (!item) throw itemNotFound();
          if (item.item_key !== null) {
            throw conflict(
              {
                nb: 'Aktiviteter som følger av regelverket kan ikke slettes. Flytt dem, eller endre virksomhetsprofilen.',
                en: 'Activities that follow from the rules cannot be deleted. Move them, or change the company profile.',
              },
              'WRONG_STATE',
            );
          }
          await db
            .deleteFrom('arshjul_item')
            .where('organisation_id', '=', actor.organisationId)
            .where('id', '=', params.id)
            .execute();
          await writeAudit(db, actor, { action: 'delete', entityType: 'arshjul_item', entityId: params.id });
          return { ok: true as const };
        });
      },
    }),
  ];
}
