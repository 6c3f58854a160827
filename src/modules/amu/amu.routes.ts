/**
 * The arbeidsmiljøutvalg over HTTP. Members (login role `amu`) and HR/admin plan meetings, write and
 * approve minutes and the årsrapport; the BHT (a member without a vote, FOLM § 3-7) reads everything;
 * every other employee reads the published minutes (FOLM § 2-3 e) — anything else answers 404.
 * Only members make and back a «krav om møte» (FOLM § 3-16). Other organisations' records: 404.
 */
import type { FastifyReply } from 'fastify';
import {
  ActionDoneSchema,
  ArsrapportCreateSchema,
  ArsrapportSchema,
  ArsrapportUpdateSchema,
  DemandCreateSchema,
  DemandSupportSchema,
  IdParamsSchema,
  MeetingPlanSchema,
  MeetingPlanYearSchema,
  MeetingSchema,
  MeetingUpdateSchema,
  MinutesSchema,
  OkSchema,
  type Overview,
  OverviewSchema,
  VersionBodySchema,
  YearParamsSchema,
} from '../../contracts/amu/amu.schemas.ts';
import type { Db } from '../../db/schema.ts';
import {
  AMU_EDITORS,
  AMU_READERS,
  arsrapportDue,
  arsrapportYearFor,
  COMPOSITION_TEXT,
  canEditAmu,
  canReadAllAmu,
  compositionProblems,
  MINUTES_READERS,
} from '../../domain/amu/index.ts';
import { attachmentDisposition } from '../../domain/files/sniff.ts';
import type { Actor } from '../../platform/context.ts';
import type { RouteDeps } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { amuComposition } from '../roller/index.ts';
import {
  approveArsrapport,
  arsrapportPdf,
  arsrapportStatus,
  createArsrapport,
  getArsrapport,
  refreshArsrapport,
  updateArsrapport,
} from './arsrapport.service.ts';
import { createDemand, listDemands, supportDemand } from './demand.service.ts';
import {
  listMeetings,
  markActionDone,
  meetingView,
  ownerCandidates,
  planMeeting,
  planYear,
  publishMinutes,
  saveMinutes,
  updateMeeting,
} from './meetings.service.ts';

const EVERYONE = access.roles(...MINUTES_READERS);
const READERS = access.roles(...AMU_READERS);
const EDITORS = access.roles(...AMU_EDITORS);
/** FOLM § 3-16: a demand is made by members. */
const MEMBERS = access.roles('amu');

const A = '/api/v1/amu';
const tags = ['amu'];

function sendPdf(reply: FastifyReply, file: { pdf: Buffer; filename: string }): Buffer {
  reply
    .type('application/pdf')
    .header('content-disposition', attachmentDisposition(file.filename))
    .header('cache-control', 'private, no-store');
  return file.pdf;
}

async function overview(db: Db, actor: Actor, today: string): Promise<Overview> {
  const readAll = canReadAllAmu(actor.roles);
  const editor = canEditAmu(actor.roles);
  const year = arsrapportYearFor(today);
  const [composition, meetings, demands, owners, status] = await Promise.all([
    amuComposition(db, actor.organisationId, today),
    listMeetings(db, actor),
    listDemands(db, actor),
    editor ? ownerCandidates(db, actor.organisationId) : Promise.resolve([]),
    readAll ? arsrapportStatus(db, actor.organisationId, year) : Promise.resolve(null),
  ]);
  return {
    today,
    canEdit: editor,
    canReadAll: readAll,
    members: composition.members.map((m) => ({
      side: m.side,
      name: m.name,
      termEnd: m.termEnd,
      chair: m.roleId === composition.chair.roleId,
    })),
    chair: { year: composition.chair.year, side: composition.chair.side, name: composition.chair.name },
    compositionProblems: readAll
      ? compositionProblems(composition.members).map((p) => COMPOSITION_TEXT[p])
      : [],
    meetings,
    demands,
    owners,
    arsrapport: readAll ? { year, due: arsrapportDue(year), status } : null,
  };
}

export function amuRoutes({ reminders }: RouteDeps) {
  const { today } = reminders;
  return [
    defineRoute({
      method: 'GET',
      url: A,
      summary: 'Arbeidsmiljøutvalget: medlemmer, leder, møter, krav om møte og årsrapportens status',
      tags,
      access: EVERYONE,
      response: OverviewSchema,
      async handler(_input, { db, actor }) {
        return overview(db, actor, today());
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${A}/moter`,
      summary: 'Planlegg et møte',
      tags,
      access: EDITORS,
      body: MeetingPlanSchema,
      response: MeetingSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        const id = await planMeeting(db, actor, body);
        return meetingView(db, actor, id, today());
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${A}/moter/plan`,
      summary: 'Planlegg årets fire møter (FOLM § 3-16: normalt fire i året); planlagte møter blir stående',
      tags,
      access: EDITORS,
      body: MeetingPlanYearSchema,
      response: OkSchema.extend({ created: MeetingSchema.shape.decisions }),
      async handler({ body }, { db, actor }) {
        return { ok: true as const, created: await planYear(db, actor, body.year) };
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${A}/moter/:id`,
      summary: 'Et møte: saksliste med tall, referat, vedtak og tiltak',
      tags,
      access: EVERYONE,
      params: IdParamsSchema,
      response: MeetingSchema,
      async handler({ params }, { db, actor }) {
        return meetingView(db, actor, params.id, today());
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${A}/moter/:id`,
      summary: 'Flytt eller gi nytt navn til et møte (til referatet er publisert)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: MeetingUpdateSchema,
      response: MeetingSchema,
      async handler({ params, body }, { db, actor }) {
        await updateMeeting(db, actor, params.id, body);
        return meetingView(db, actor, params.id, today());
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${A}/moter/:id/referat`,
      summary: 'Lagre referatet (utkast): hvem som deltok, notater, vedtak og tiltak',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: MinutesSchema,
      response: MeetingSchema,
      async handler({ params, body }, { db, actor }) {
        const day = today();
        await saveMinutes(db, actor, params.id, body, day);
        return meetingView(db, actor, params.id, day);
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${A}/moter/:id/publiser`,
      summary: 'Godkjenn referatet og publiser det til de ansatte; tiltakene blir oppgaver med påminnelser',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: VersionBodySchema,
      response: MeetingSchema,
      async handler({ params, body }, { db, actor }) {
        await publishMinutes(db, actor, params.id, body.version);
        return meetingView(db, actor, params.id, today());
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${A}/tiltak/:id/done`,
      summary: 'Marker et tiltak fra AMU som gjort (den ansvarlige, eller AMU/HR/admin)',
      tags,
      access: EVERYONE,
      params: IdParamsSchema,
      body: ActionDoneSchema,
      response: OkSchema,
      async handler({ params, body }, { db, actor }) {
        await markActionDone(db, actor, params.id, body.note);
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${A}/krav`,
      summary: 'Krav om møte fra et medlem (FOLM § 3-16); et annet medlem må støtte det',
      tags,
      access: MEMBERS,
      body: DemandCreateSchema,
      response: OkSchema.extend({ id: IdParamsSchema.shape.id }),
      status: 201,
      async handler({ body }, { db, actor }) {
        return { ok: true as const, id: await createDemand(db, actor, body.reason, today()) };
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${A}/krav/:id/stott`,
      summary: 'Støtt et krav om møte: møtet planlegges innen 14 dager',
      tags,
      access: MEMBERS,
      params: IdParamsSchema,
      body: DemandSupportSchema,
      response: MeetingSchema,
      async handler({ params, body }, { db, actor }) {
        const day = today();
        const { meetingId } = await supportDemand(db, actor, params.id, body.date, day);
        return meetingView(db, actor, meetingId, day);
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${A}/arsrapport`,
      summary: 'Lag utkast til årsrapporten for et år som er over (aml § 7-2 (6))',
      tags,
      access: EDITORS,
      body: ArsrapportCreateSchema,
      response: ArsrapportSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        return createArsrapport(db, actor, body.year, today());
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${A}/arsrapport/:year`,
      summary: 'Årsrapporten for et år',
      tags,
      access: READERS,
      params: YearParamsSchema,
      response: ArsrapportSchema,
      async handler({ params }, { db, actor }) {
        return getArsrapport(db, actor, params.year);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${A}/arsrapport/:year`,
      summary: 'Lagre tekstene i årsrapporten (utkast)',
      tags,
      access: EDITORS,
      params: YearParamsSchema,
      body: ArsrapportUpdateSchema,
      response: ArsrapportSchema,
      async handler({ params, body }, { db, actor }) {
        return updateArsrapport(db, actor, params.year, body);
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${A}/arsrapport/:year/oppdater`,
      summary: 'Hent tallene i årsrapporten på nytt (utkast)',
      tags,
      access: EDITORS,
      params: YearParamsSchema,
      body: VersionBodySchema,
      response: ArsrapportSchema,
      async handler({ params, body }, { db, actor }) {
        return refreshArsrapport(db, actor, params.year, body.version, today());
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${A}/arsrapport/:year/godkjenn`,
      summary: 'Godkjenn årsrapporten: PDF-en lages og lagres; deretter kan den ikke endres',
      tags,
      access: EDITORS,
      params: YearParamsSchema,
      body: VersionBodySchema,
      response: ArsrapportSchema,
      async handler({ params, body }, { db, actor }) {
        return approveArsrapport(db, actor, params.year, body.version, today());
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${A}/arsrapport/:year/pdf`,
      summary:
        'Årsrapporten som PDF: den lagrede når den er godkjent, ellers en forhåndsvisning merket utkast',
      tags,
      access: READERS,
      params: YearParamsSchema,
      response: 'binary',
      async handler({ params }, { db, actor, reply }) {
        return sendPdf(reply, await arsrapportPdf(db, actor, params.year, today()));
      },
    }),
  ];
}
