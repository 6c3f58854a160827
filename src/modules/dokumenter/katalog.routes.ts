import { EmployeeParamsSchema } from '../../contracts/dokumenter/dokumenter.schemas.ts';
import {
  ArbeidInputSchema,
  ArbeidListSchema,
  ArbeidSchema,
  BeredskapsplanInputSchema,
  BeredskapsplanSchema,
  IdParamsSchema,
  LegebrevDraftSchema,
  LegebrevInputSchema,
  LegebrevParamsSchema,
  LegebrevSchema,
  OkSchema,
  PreviewSchema,
  TiltakInputSchema,
  TiltakListSchema,
  TiltakSchema,
  UnitParamsSchema,
} from '../../contracts/dokumenter/katalog.schemas.ts';
import { access, defineRoute } from '../../platform/route.ts';
import {
  createArbeid,
  createTiltak,
  deleteArbeid,
  deleteTiltak,
  getBeredskapsplan,
  listArbeid,
  listTiltak,
  saveBeredskapsplan,
  updateArbeid,
  updateTiltak,
} from './katalog.service.ts';
import { getDraft, getLetter, letterPdf, previewLetter, saveLetter } from './legebrev.service.ts';
import { sendPdf } from './route-helpers.ts';

const tags = ['katalog'];
const K = '/api/v1/katalog';
const LB = '/api/v1/sykefravaer/employees/:employeeId/legebrev';
const editors = access.roles('admin', 'hr');
const caseWorkers = access.roles('admin', 'hr', 'leder');

export function katalogRoutes() {
  return [
    defineRoute({
      method: 'GET',
      url: `${K}/tiltak`,
      summary:
        'Tilretteleggingstiltak (psykososiale, fysiske, organisatoriske); standardlisten legges inn første gang',
      tags,
      access: access.anyRole,
      response: TiltakListSchema,
      async handler(_input, { db, actor, locale }) {
        return { items: await listTiltak(db, actor.organisationId, locale) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${K}/tiltak`,
      summary: 'Legg til et tilretteleggingstiltak',
      tags,
      access: editors,
      body: TiltakInputSchema,
      response: TiltakSchema,
      status: 201,
      async handler({ body }, ctx) {
        return createTiltak(ctx, body);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${K}/tiltak/:id`,
      summary: 'Endre (eller deaktiver) et tilretteleggingstiltak',
      tags,
      access: editors,
      params: IdParamsSchema,
      body: TiltakInputSchema,
      response: TiltakSchema,
      async handler({ params, body }, ctx) {
        return updateTiltak(ctx, params.id, body);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: `${K}/tiltak/:id`,
      summary: 'Slett et tilretteleggingstiltak (brev som er lagret, beholder teksten)',
      tags,
      access: editors,
      params: IdParamsSchema,
      response: OkSchema,
      async handler({ params }, ctx) {
        return deleteTiltak(ctx, params.id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${K}/arbeid`,
      summary: 'Oppgaver som passer ved redusert kapasitet; standardlisten legges inn første gang',
      tags,
      access: access.anyRole,
      response: ArbeidListSchema,
      async handler(_input, { db, actor, locale }) {
        return { items: await listArbeid(db, actor.organisationId, locale) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${K}/arbeid`,
      summary: 'Legg til en oppgave for redusert kapasitet',
      tags,
      access: editors,
      body: ArbeidInputSchema,
      response: ArbeidSchema,
      status: 201,
      async handler({ body }, ctx) {
        return createArbeid(ctx, body);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${K}/arbeid/:id`,
      summary: 'Endre (eller deaktiver) en oppgave for redusert kapasitet',
      tags,
      access: editors,
      params: IdParamsSchema,
      body: ArbeidInputSchema,
      response: ArbeidSchema,
      async handler({ params, body }, ctx) {
        return updateArbeid(ctx, params.id, body);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: `${K}/arbeid/:id`,
      summary: 'Slett en oppgave for redusert kapasitet',
      tags,
      access: editors,
      params: IdParamsSchema,
      response: OkSchema,
      async handler({ params }, ctx) {
        return deleteArbeid(ctx, params.id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${K}/beredskapsplan/:unitId`,
      summary: 'Beredskapsplan ved fravær for en enhet (versjon 0: ingen plan ennå)',
      tags,
      access: access.anyRole,
      params: UnitParamsSchema,
      response: BeredskapsplanSchema,
      async handler({ params }, ctx) {
        return getBeredskapsplan(ctx, params.unitId);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${K}/beredskapsplan/:unitId`,
      summary: 'Lagre beredskapsplanen for en enhet (409 hvis noen andre lagret først)',
      tags,
      access: editors,
      params: UnitParamsSchema,
      body: BeredskapsplanInputSchema,
      response: BeredskapsplanSchema,
      async handler({ params, body }, ctx) {
        return saveBeredskapsplan(ctx, params.unitId, body);
      },
    }),

    defineRoute({
      method: 'GET',
      url: LB,
      summary:
        'Utkast til brev til behandlende lege: valg fra katalogen, kontaktperson og tidligere brev (logges)',
      tags,
      access: access.anyRole,
      params: EmployeeParamsSchema,
      response: LegebrevDraftSchema,
      async handler({ params }, ctx) {
        return getDraft(ctx, params.employeeId);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${LB}/preview`,
      summary: 'Forhåndsvis brevet med disse valgene (lagres ikke; helseord gir et hint)',
      tags,
      access: caseWorkers,
      params: EmployeeParamsSchema,
      body: LegebrevInputSchema,
      response: PreviewSchema,
      async handler({ params, body }, ctx) {
        return previewLetter(ctx, params.employeeId, body);
      },
    }),
    defineRoute({
      method: 'POST',
      url: LB,
      summary: 'Lagre brevet til behandlende lege (hvem, når, innhold)',
      tags,
      access: caseWorkers,
      params: EmployeeParamsSchema,
      body: LegebrevInputSchema,
      response: LegebrevSchema,
      status: 201,
      async handler({ params, body }, ctx) {
        return saveLetter(ctx, params.employeeId, body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${LB}/:id`,
      summary: 'Et lagret brev til behandlende lege (logges)',
      tags,
      access: access.anyRole,
      params: LegebrevParamsSchema,
      response: LegebrevSchema,
      async handler({ params }, ctx) {
        return getLetter(ctx, params.employeeId, params.id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${LB}/:id/pdf`,
      summary: 'Brevet som PDF (eksporten logges)',
      tags,
      access: access.anyRole,
      params: LegebrevParamsSchema,
      response: 'binary',
      async handler({ params }, ctx) {
        return sendPdf(ctx.reply, await letterPdf(ctx, params.employeeId, params.id));
      },
    }),
  ];
}
