/**
 * The dialogmøte 1 API. Employer routes (`/sykefravaer/employees/:employeeId/dialogmoter…`): admin, HR
 * and leaders, scoped like the case (others 404) — list, plan, change, cancel, agenda, invitation
 * (.ics per participant), minutes and the minutes PDF. The employee's own routes
 * (`/sykefravaer/me/dialogmoter…`): read, agree or decline an optional participant, agenda, .ics, PDF.
 */
import type { FastifyReply } from 'fastify';
import {
  AgendaSchema,
  ConsentRequestSchema,
  CreateMeetingRequestSchema,
  EmployeeParamsSchema,
  InvitationQuerySchema,
  MeetingListSchema,
  MeetingParamsSchema,
  MeetingSchema,
  MyConsentParamsSchema,
  MyMeetingParamsSchema,
  ReferatRequestSchema,
  UpdateMeetingRequestSchema,
  VersionRequestSchema,
} from '../../contracts/dokumenter/dialogmote.schemas.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { listMeetings, meetingAgenda, meetingInvitation, referatPdf } from './dialogmote.read.ts';
import {
  cancelMeeting,
  createMeeting,
  giveConsent,
  saveReferat,
  updateMeeting,
} from './dialogmote.service.ts';
import { ownId } from './route-helpers.ts';
import { samtalereferatRoutes } from './samtalereferat.routes.ts';

const tags = ['dokumenter'];
const BASE = '/api/v1/sykefravaer/employees/:employeeId/dialogmoter';
const ME = '/api/v1/sykefravaer/me/dialogmoter';
const caseWorkers = access.roles('admin', 'hr', 'leder');

function sendFile(reply: FastifyReply, type: string, filename: string, data: Buffer | string) {
  reply
    .type(type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'private, no-store');
  return data;
}

/** The dialogmøte routes and, with them, the samtalereferat routes. */
export function dialogmoteRoutes() {
  return [
    ...samtalereferatRoutes(),
    defineRoute({
      method: 'GET',
      url: BASE,
      summary: 'Dialogmøtene til den ansatte (lesingen logges)',
      tags,
      access: caseWorkers,
      params: EmployeeParamsSchema,
      response: MeetingListSchema,
      async handler({ params }, ctx) {
        return listMeetings(ctx, params.employeeId, 'employer');
      },
    }),
    defineRoute({
      method: 'POST',
      url: BASE,
      summary: 'Planlegg dialogmøte 1 (valgfrie deltakere krever arbeidstakerens samtykke)',
      tags,
      access: caseWorkers,
      params: EmployeeParamsSchema,
      body: CreateMeetingRequestSchema,
      response: MeetingSchema,
      status: 201,
      async handler({ params, body }, ctx) {
        return createMeeting(ctx, params.employeeId, body);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${BASE}/:id`,
      summary: 'Endre tid, sted og deltakere (409 hvis noen andre endret først)',
      tags,
      access: caseWorkers,
      params: MeetingParamsSchema,
      body: UpdateMeetingRequestSchema,
      response: MeetingSchema,
      async handler({ params, body }, ctx) {
        return updateMeeting(ctx, params.employeeId, params.id, body);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/:id/cancel`,
      summary: 'Avlys møtet',
      tags,
      access: caseWorkers,
      params: MeetingParamsSchema,
      body: VersionRequestSchema,
      response: MeetingSchema,
      async handler({ params, body }, ctx) {
        return cancelMeeting(ctx, params.employeeId, params.id, body.version);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${BASE}/:id/agenda`,
      summary: 'Agenda bygd fra oppfølgingsplanen og faste punkter',
      tags,
      access: caseWorkers,
      params: MeetingParamsSchema,
      response: AgendaSchema,
      async handler({ params }, ctx) {
        return meetingAgenda(ctx, params.employeeId, params.id, 'employer');
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${BASE}/:id/invitation.ics`,
      summary: 'Kalenderinvitasjon (.ics) for én deltaker',
      tags,
      access: caseWorkers,
      params: MeetingParamsSchema,
      query: InvitationQuerySchema,
      response: 'binary',
      async handler({ params, query }, ctx) {
        const file = await meetingInvitation(
          ctx,
          params.employeeId,
          params.id,
          query.participant,
          'employer',
        );
        return sendFile(ctx.reply, 'text/calendar; charset=utf-8', file.filename, file.ics);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${BASE}/:id/referat`,
      summary: 'Skriv referatet; møtet blir gjennomført og milepælen «dialogmøte 1» utført',
      tags,
      access: caseWorkers,
      params: MeetingParamsSchema,
      body: ReferatRequestSchema,
      response: MeetingSchema,
      async handler({ params, body }, ctx) {
        return saveReferat(ctx, params.employeeId, params.id, body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${BASE}/:id/referat.pdf`,
      summary: 'Referatet som PDF (eksporten logges)',
      tags,
      access: caseWorkers,
      params: MeetingParamsSchema,
      response: 'binary',
      async handler({ params }, ctx) {
        const file = await referatPdf(ctx, params.employeeId, params.id, 'employer');
        return sendFile(ctx.reply, 'application/pdf', file.filename, file.pdf);
      },
    }),

    defineRoute({
      method: 'GET',
      url: ME,
      summary: 'Mine dialogmøter',
      tags,
      access: access.anyRole,
      response: MeetingListSchema,
      async handler(_input, ctx) {
        return listMeetings(ctx, ownId(ctx.actor.employeeId), 'self');
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${ME}/:id/participants/:participantId/consent`,
      summary: 'Samtykk (eller ikke) til at en valgfri deltaker blir med',
      tags,
      access: access.anyRole,
      params: MyConsentParamsSchema,
      body: ConsentRequestSchema,
      response: MeetingSchema,
      async handler({ params, body }, ctx) {
        return giveConsent(ctx, params.id, params.participantId, body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${ME}/:id/agenda`,
      summary: 'Agendaen for mitt dialogmøte',
      tags,
      access: access.anyRole,
      params: MyMeetingParamsSchema,
      response: AgendaSchema,
      async handler({ params }, ctx) {
        return meetingAgenda(ctx, ownId(ctx.actor.employeeId), params.id, 'self');
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${ME}/:id/invitation.ics`,
      summary: 'Kalenderinvitasjon (.ics) til mitt dialogmøte',
      tags,
      access: access.anyRole,
      params: MyMeetingParamsSchema,
      query: InvitationQuerySchema,
      response: 'binary',
      async handler({ params, query }, ctx) {
        const file = await meetingInvitation(
          ctx,
          ownId(ctx.actor.employeeId),
          params.id,
          query.participant,
          'self',
        );
        return sendFile(ctx.reply, 'text/calendar; charset=utf-8', file.filename, file.ics);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${ME}/:id/referat.pdf`,
      summary: 'Referatet fra mitt dialogmøte som PDF',
      tags,
      access: access.anyRole,
      params: MyMeetingParamsSchema,
      response: 'binary',
      async handler({ params }, ctx) {
        const file = await referatPdf(ctx, ownId(ctx.actor.employeeId), params.id, 'self');
        return sendFile(ctx.reply, 'application/pdf', file.filename, file.pdf);
      },
    }),
  ];
}
