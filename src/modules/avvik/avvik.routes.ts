/**
 * Avvik's HTTP surface. Everyone with a login reports and sees their own reports; the unit's leader,
 * HR and admin handle (triage, tiltak, closure, the § 5-2 checklist and tasks, the § 5-1 entry, the
 * personvernavvik); the area's verneombud reads HMS avvik (aml § 6-2); the § 5-1 register is read by
 * VO, BHT and AMU (aml § 5-1 (3)). A row the caller may not see is a 404.
 */
import { z } from 'zod';
import {
  AvvikListQuerySchema,
  AvvikListSchema,
  AvvikReportSchema,
  AvvikSchema,
  BarrierChoicesSchema,
  CloseSchema,
  IdParamsSchema,
  InjurySchema,
  LegalHoldSchema,
  NoteSchema,
  OwnersSchema,
  PhotoParamsSchema,
  PhotoReplySchema,
  PlacesSchema,
  PrivacySchema,
  RegisterSchema,
  StepParamsSchema,
  TaskParamsSchema,
  TiltakCreateSchema,
  TiltakParamsSchema,
  TrendsQuerySchema,
  TrendsSchema,
  TriageSchema,
} from '../../contracts/avvik/avvik.schemas.ts';
import { MAX_PHOTOS } from '../../domain/avvik/index.ts';
import { attachmentDisposition } from '../../domain/files/sniff.ts';
import type { RouteDeps } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { listBarriers } from '../risiko/index.ts';
import {
  addPhoto,
  addTiltak,
  alarmStep,
  close,
  detail,
  list,
  readPhoto,
  report,
  saveInjury,
  savePrivacy,
  setLegalHold,
  taskDone,
  tiltakDone,
  triage,
} from './avvik.service.ts';
import { melding52Pdf } from './melding52.ts';
import { readRegister } from './register.ts';
import { trends } from './trends.ts';
import { readPhotoForm } from './upload.ts';

/** Everyone with a login in the organisation reports (also hired staff and BHT with a login). */
const REPORTERS = access.roles('admin', 'hr', 'leder', 'ansatt', 'verneombud', 'tillitsvalgt', 'amu', 'bht');
/** Reading: row-level rule in the service (handler, the area's VO, the reporter). */
const READERS = REPORTERS;
/** Handling: admin, HR, the unit's leader (checked per row). */
const HANDLERS = access.roles('admin', 'hr', 'leder');
const REGISTER_READERS = access.roles('admin', 'hr', 'verneombud', 'bht', 'amu');
const TAGS = ['avvik'];
const B = '/api/v1/avvik';

const ok = z.object({ ok: z.literal(true) });

export function avvikRoutes({ reminders }: RouteDeps) {
  const { today } = reminders;
  return [
    defineRoute({
      method: 'POST',
      url: B,
      summary:
        'Meld avvik, uønsket hendelse eller skade (id laget på enheten: en ny sending er uten virkning)',
      tags: TAGS,
      access: REPORTERS,
      body: AvvikReportSchema,
      response: AvvikSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        // A replay answers the same record (201 again: the route's one status), writing nothing.
        await report(db, actor, body, new Date());
        return detail(db, actor, body.id, false);
      },
    }),

    defineRoute({
      method: 'GET',
      url: B,
      summary: 'Avvik: mine meldinger (scope=mine) eller de jeg behandler / leser som verneombud',
      tags: TAGS,
      access: READERS,
      query: AvvikListQuerySchema,
      response: AvvikListSchema,
      async handler({ query }, { db, actor }) {
        return list(db, actor, query.scope, query.status, { limit: query.limit, after: query.after });
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${B}/steder`,
      summary: 'Steder (enheter) å melde fra',
      tags: TAGS,
      access: REPORTERS,
      response: PlacesSchema,
      async handler(_input, { db, actor }) {
        const units = await db
          .selectFrom('unit')
          .select(['id', 'name'])
          .where('organisation_id', '=', actor.organisationId)
          .orderBy('name')
          .execute();
        return { units };
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${B}/ansvarlige`,
      summary: 'Hvem som kan få ansvar for et tiltak',
      tags: TAGS,
      access: HANDLERS,
      response: OwnersSchema,
      async handler(_input, { db, actor }) {
        const items = await db
          .selectFrom('membership as m')
          .innerJoin('user_account as u', 'u.id', 'm.user_id')
          .select(['u.id', 'u.name'])
          .where('m.organisation_id', '=', actor.organisationId)
          .where('u.disabled_at', 'is', null)
          .orderBy('u.name')
          .execute();
        return { items };
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${B}/trender`,
      summary:
        'Trender: antall per måned og kategori, alvorlighet, tid til lukking, forfalte tiltak (små grupper skjult)',
      tags: TAGS,
      access: access.roles('admin', 'hr', 'leder', 'verneombud', 'amu'),
      query: TrendsQuerySchema,
      response: TrendsSchema,
      async handler({ query }, { db, actor }) {
        return trends(db, actor, today(), query.months);
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/skaderegister',
      summary: 'Skade- og sykdomsregisteret (aml § 5-1): VO, BHT og AMU (AMU: bare tall)',
      tags: TAGS,
      access: REGISTER_READERS,
      response: RegisterSchema,
      async handler(_input, { db, actor }) {
        return readRegister(db, actor);
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${B}/:id`,
      summary: 'Ett avvik',
      tags: TAGS,
      access: READERS,
      params: IdParamsSchema,
      response: AvvikSchema,
      async handler({ params }, { db, actor }) {
        return detail(db, actor, params.id);
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${B}/:id/bilder`,
      summary: `Legg til et bilde (JPEG/PNG, høyst ${MAX_PHOTOS}); feltene «photoId» og «photo»`,
      tags: TAGS,
      access: READERS,
      params: IdParamsSchema,
      body: 'multipart',
      response: PhotoReplySchema,
      status: 201,
      async handler({ params, body }, { db, actor }) {
        const photo = await readPhotoForm(body);
        const result = await addPhoto(db, actor, params.id, photo, MAX_PHOTOS);
        return { id: photo.id, size: result.size };
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${B}/:id/bilder/:photoId`,
      summary: 'Et bilde i et avvik',
      tags: TAGS,
      access: READERS,
      params: PhotoParamsSchema,
      response: 'binary',
      async handler({ params }, { db, actor, reply }) {
        const photo = await readPhoto(db, actor, params.id, params.photoId);
        reply.header('content-type', photo.mime);
        reply.header('x-content-type-options', 'nosniff');
        reply.header('cache-control', 'private, no-store');
        return photo.data;
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${B}/barrierer`,
      summary: 'Barrierene i risikovurderingene, å velge når et avvik viser at en barriere sviktet',
      tags: TAGS,
      access: HANDLERS,
      response: BarrierChoicesSchema,
      async handler(_input, { db, actor }) {
        return { items: await listBarriers(db, actor.organisationId) };
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${B}/:id/vurdering`,
      summary: 'Vurder avviket: kategori, alvorlighet 1–5, årsak, personopplysninger, aml § 5-2',
      tags: TAGS,
      access: HANDLERS,
      params: IdParamsSchema,
      body: TriageSchema,
      response: AvvikSchema,
      async handler({ params, body }, { db, actor }) {
        await triage(db, actor, params.id, body, today(), new Date());
        return detail(db, actor, params.id, false);
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${B}/:id/tiltak`,
      summary: 'Nytt tiltak med ansvarlig og frist',
      tags: TAGS,
      access: HANDLERS,
      params: IdParamsSchema,
      body: TiltakCreateSchema,
      response: AvvikSchema,
      status: 201,
      async handler({ params, body }, { db, actor }) {
        await addTiltak(db, actor, params.id, body);
        return detail(db, actor, params.id, false);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${B}/:id/tiltak/:tiltakId/utfort`,
      summary: 'Tiltaket er utført (behandler eller den ansvarlige)',
      tags: TAGS,
      access: READERS,
      params: TiltakParamsSchema,
      response: ok,
      async handler({ params }, { db, actor }) {
        await tiltakDone(db, actor, params.id, params.tiltakId, new Date());
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${B}/:id/lukk`,
      summary: 'Lukk avviket med en verifikasjon; melderen får beskjed',
      tags: TAGS,
      access: HANDLERS,
      params: IdParamsSchema,
      body: CloseSchema,
      response: AvvikSchema,
      async handler({ params, body }, { db, actor }) {
        await close(db, actor, params.id, body, today(), new Date());
        return detail(db, actor, params.id, false);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${B}/:id/varsling/:step`,
      summary: 'Alvorlig skade eller dødsfall (aml § 5-2): et strakstiltak er gjort',
      tags: TAGS,
      access: HANDLERS,
      params: StepParamsSchema,
      body: NoteSchema,
      response: AvvikSchema,
      async handler({ params, body }, { db, actor }) {
        await alarmStep(db, actor, params.id, params.step, body.note);
        return detail(db, actor, params.id, false);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${B}/:id/oppgaver/:kind/utfort`,
      summary: 'Skriftlig bekreftelse (aml § 5-2) eller NAV-melding (ftrl § 13-14) er sendt',
      tags: TAGS,
      access: HANDLERS,
      params: TaskParamsSchema,
      response: AvvikSchema,
      async handler({ params }, { db, actor }) {
        await taskDone(db, actor, params.id, params.kind, new Date());
        return detail(db, actor, params.id, false);
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${B}/:id/melding-5-2`,
      summary:
        'Skriftlig bekreftelse etter aml § 5-2 som PDF, fylt ut med det Nærvær vet (ingen diagnose) – for arbeidsgiver å kontrollere og sende',
      tags: TAGS,
      access: HANDLERS,
      params: IdParamsSchema,
      response: 'binary',
      async handler({ params }, { db, actor, reply }) {
        const file = await melding52Pdf(db, actor, params.id, today());
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', attachmentDisposition(file.filename));
        reply.header('cache-control', 'private, no-store');
        return file.pdf;
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${B}/:id/skade`,
      summary:
        'Skaderegisteret (aml § 5-1): arbeid, hendelsesforløp, antatte årsaker, skaden – ingen diagnose',
      tags: TAGS,
      access: HANDLERS,
      params: IdParamsSchema,
      body: InjurySchema,
      response: AvvikSchema,
      async handler({ params, body }, { db, actor }) {
        await saveInjury(db, actor, params.id, body, today());
        return detail(db, actor, params.id, false);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${B}/:id/personvern`,
      summary: 'Personvernavvik (GDPR art. 33): kjennskap, risiko, dokumentasjon, beslutning',
      tags: TAGS,
      access: HANDLERS,
      params: IdParamsSchema,
      body: PrivacySchema,
      response: AvvikSchema,
      async handler({ params, body }, { db, actor }) {
        await savePrivacy(db, actor, params.id, body, new Date());
        return detail(db, actor, params.id, false);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${B}/:id/rettslig-hold`,
      summary: 'Rettslig hold: stopper sletting og anonymisering (admin og HR)',
      tags: TAGS,
      access: access.roles('admin', 'hr'),
      params: IdParamsSchema,
      body: LegalHoldSchema,
      response: AvvikSchema,
      async handler({ params, body }, { db, actor }) {
        await setLegalHold(db, actor, params.id, body.legalHold);
        return detail(db, actor, params.id, false);
      },
    }),
  ];
}
