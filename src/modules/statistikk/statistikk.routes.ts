/** The statistics module's HTTP surface: the sick-leave statistics and the daily-cost setting. */
import type { FastifyRequest } from 'fastify';
import {
  BenchmarkImportResultSchema,
  BenchmarkQuerySchema,
  BenchmarkViewSchema,
  DEFAULT_DAILY_COST,
  DEFAULT_WEEKLY_COST,
  OppfolgingViewSchema,
  StatistikkQuerySchema,
  StatistikkSettingsInputSchema,
  StatistikkSettingsSchema,
  StatistikkViewSchema,
} from '../../contracts/statistikk/statistikk.schemas.ts';
import { sniffFileType } from '../../domain/files/sniff.ts';
import { writeAudit } from '../../platform/audit.ts';
import { badRequest } from '../../platform/errors.ts';
import type { RouteDeps } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { benchmarkView, parseBenchmarkOr400, storeBenchmark } from './benchmark.service.ts';
import { oppfolgingView } from './oppfolging.service.ts';
import { chosenQuarter, dailyCost, statistikkCache, statistikkView } from './statistikk.service.ts';

const FILE_FIELD = 'file';
const notCsv = () =>
  badRequest(
    {
      nb: 'Filen er ikke en CSV-fil med tekst. Last ned tallene fra NAV som CSV og prøv igjen.',
      en: 'The file is not a CSV text file. Download the figures from NAV as CSV and try again.',
    },
    [{ path: 'file', message: { nb: 'Velg en CSV-fil.', en: 'Choose a CSV file.' } }],
  );

/**
 * The uploaded CSV as text (the multipart plugin caps its size → 413): a PDF or picture, or a file
 * with NUL bytes, is refused; UTF-8, or Windows-1252 as Excel on a Norwegian Windows saves it.
 */
async function readCsvUpload(request: FastifyRequest): Promise<{ name: string; text: string }> {
  const part = await request.file();
  if (!part || part.fieldname !== FILE_FIELD) {
    throw badRequest({ nb: 'Ingen fil ble sendt (feltet «file»).', en: 'No file was sent (field "file").' }, [
      { path: 'file', message: { nb: 'Velg en CSV-fil.', en: 'Choose a CSV file.' } },
    ]);
  }
  const data = await part.toBuffer();
  if (sniffFileType(data) !== null || data.includes(0)) throw notCsv();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('windows-1252').decode(data);
  }
  const name = (part.filename ?? '').trim() || 'fil.csv';
  return { name, text };
}

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
      async handler({ query }, { db, actor, caches }) {
        const view = await statistikkView(db, actor, query, today(), caches?.get(statistikkCache));
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
      url: '/api/v1/statistikk/oppfolging',
      summary:
        'Oppfølging innen fristen: andel oppfølgingsplaner innen 4 uker og dialogmøter 1 innen 7 uker, maskert under 5 personer',
      tags: ['statistikk'],
      access: READERS,
      query: StatistikkQuerySchema,
      response: OppfolgingViewSchema,
      async handler({ query }, { db, actor }) {
        const view = await oppfolgingView(db, actor, query, today());
        await writeAudit(db, actor, {
          action: 'read',
          entityType: 'statistikk_oppfolging',
          entityId: query.unitId ?? null,
          detail: { quarter: view.quarter, scope: view.scope },
        });
        return view;
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/statistikk/benchmark',
      summary:
        'NAVs publiserte sykefravær per næring og sektor for kvartalet (siste importerte til og med det)',
      tags: ['statistikk'],
      access: READERS,
      query: BenchmarkQuerySchema,
      response: BenchmarkViewSchema,
      async handler({ query }, { db, actor }) {
        return benchmarkView(db, actor.organisationId, chosenQuarter(query.quarter, today()));
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/statistikk/benchmark',
      summary:
        'Importer NAVs publiserte sykefravær per næring og sektor fra en CSV-fil (kvartal, kategori, kode, navn, prosent): alt eller ingenting',
      tags: ['statistikk'],
      access: EDITORS,
      body: 'multipart',
      response: BenchmarkImportResultSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        const file = await readCsvUpload(body);
        const rows = parseBenchmarkOr400(file.text);
        return storeBenchmark(db, actor.organisationId, actor, { kind: 'fil', name: file.name }, rows);
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
