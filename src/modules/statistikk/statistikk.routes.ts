/** The statistics module's HTTP surface: the sick-leave statistics and the daily-cost setting. */
import {
  DEFAULT_DAILY_COST,
  DEFAULT_WEEKLY_COST,
  StatistikkQuerySchema,
  StatistikkSettingsInputSchema,
  StatistikkSettingsSchema,
  StatistikkViewSchema,
} from '../../contracts/statistikk/statistikk.schemas.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RouteDeps } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { dailyCost, statistikkView } from './statistikk.service.ts';

/**
 * Who reads the statistics (least privilege): admin and HR the whole organisation, AMU members the
 * organisation's statistics (aml § 7-2 (2) e), leaders their own units. Everyone
 * else — employees, verneombud, tillitsvalgt, BHT without an AMU seat — gets 404.
 */
const READERS = access.roles('admin', 'hr', 'amu', 'leder');
const EDITORS = access.roles('admin', 'hr');

export function statistikkRoutes({ reminders }: RouteDeps) {
  const { today } = reminders;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/statistikk',
      summary: 'Sykefraværsstatistikk per kvartal og rullerende fire kvartaler, maskert under 5 personer',
      tags: ['statistikk'],
      access: READERS,
      query: StatistikkQuerySchema,
      response: StatistikkViewSchema,
      async handler({ query }, { db, actor }) {
        const view = await statistikkView(db, actor, query, today());
        await writeAudit(db, actor, {
          action: 'read',
          entityType: 'statistikk',
          entityId: query.unitId ?? null,
          detail: { quarter: view.quarter, scope: view.scope },
        });
        return view;
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/statistikk/settings',
      summary: 'Kostnaden per tapt dagsverk som kostnadsanslaget bruker',
      tags: ['statistikk'],
      access: EDITORS,
      response: StatistikkSettingsSchema,
      async handler(_input, { db, actor }) {
        return {
          dailyCost: await dailyCost(db, actor.organisationId),
          defaultDailyCost: DEFAULT_DAILY_COST,
          defaultWeeklyCost: DEFAULT_WEEKLY_COST,
        };
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/statistikk/settings',
      summary: 'Sett virksomhetens egen kostnad per tapt dagsverk (null: tilbake til standardverdien)',
      tags: ['statistikk'],
      access: EDITORS,
      body: StatistikkSettingsInputSchema,
      response: StatistikkSettingsSchema,
      async handler({ body }, { db, actor }) {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('statistikk_setting')
            .values({
              organisation_id: actor.organisationId,
              daily_cost: body.dailyCost,
              updated_by: actor.userId,
              updated_at: new Date(),
            })
            .onConflict((oc) =>
              oc.column('organisation_id').doUpdateSet({
                daily_cost: body.dailyCost,
                updated_by: actor.userId,
                updated_at: new Date(),
              }),
            )
            .execute();
          await writeAudit(trx, actor, {
            action: 'update',
            entityType: 'statistikk_setting',
            entityId: actor.organisationId,
            detail: { dailyCost: body.dailyCost },
          });
        });
        return {
          dailyCost: await dailyCost(db, actor.organisationId),
          defaultDailyCost: DEFAULT_DAILY_COST,
          defaultWeeklyCost: DEFAULT_WEEKLY_COST,
        };
      },
    }),
  ];
}
