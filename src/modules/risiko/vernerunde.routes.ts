/**
 * Vernerunder over HTTP (aml § 6-2, § 3-1 (2) c). Deny by default: every route names its roles;
 * within them a round is seen only by admin/HR, the unit's leaders, the VOs of its areas and the
 * two people it names — anyone else gets 404, as do other organisations.
 */
import {
  ChecklistInputSchema,
  FindingCreateSchema,
  FindingParamsSchema,
  FindingSchema,
  FindingToRiskSchema,
  PhotoParamsSchema,
  PhotoReplySchema,
  RoundCreateSchema,
  RoundListSchema,
  RoundParamsSchema,
  RoundPeopleSchema,
  RoundSchema,
  SignSchema,
} from '../../contracts/risiko/vernerunde.schemas.ts';
import { ROUND_MAX_PHOTOS } from '../../domain/risiko/index.ts';
import type { RouteDeps } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { readRoundPhoto } from './upload.ts';
import {
  addFinding,
  addFindingPhoto,
  createRound,
  findingToRisk,
  getRound,
  listRounds,
  readFindingPhoto,
  roundPeople,
  saveChecklist,
  signRound,
} from './vernerunde.service.ts';

/** Who takes part in rounds (each only in the rounds of their units/areas or named in them). */
const WALKERS = access.roles('admin', 'hr', 'leder', 'verneombud');
/** Who plans a round (a leader only for the units they lead). */
const PLANNERS = access.roles('admin', 'hr', 'leder');

const B = '/api/v1/risiko/vernerunder';
const tags = ['risiko'];

export function vernerundeRoutes({ reminders }: RouteDeps) {
  const { today } = reminders;
  return [
    defineRoute({
      method: 'GET',
      url: B,
      summary: 'Vernerundene brukeren tar del i',
      tags,
      access: WALKERS,
      response: RoundListSchema,
      async handler(_input, { db, actor }) {
        return listRounds(db, actor);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${B}/personer`,
      summary: 'Ledere og verneombud som kan gå en vernerunde',
      tags,
      access: PLANNERS,
      response: RoundPeopleSchema,
      async handler(_input, { db, actor }) {
        return roundPeople(db, actor);
      },
    }),
    defineRoute({
      method: 'POST',
      url: B,
      summary: 'Planlegg en vernerunde for en enhet med leder og verneombud',
      tags,
      access: PLANNERS,
      body: RoundCreateSchema,
      response: RoundSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        return createRound(db, actor, body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${B}/:id`,
      summary: 'Én vernerunde med sjekkliste og funn',
      tags,
      access: WALKERS,
      params: RoundParamsSchema,
      response: RoundSchema,
      async handler({ params }, { db, actor }) {
        return getRound(db, actor, params.id);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${B}/:id/sjekkliste`,
      summary: 'Svar på punkter i sjekklisten',
      tags,
      access: WALKERS,
      params: RoundParamsSchema,
      body: ChecklistInputSchema,
      response: RoundSchema,
      async handler({ params, body }, { db, actor }) {
        return saveChecklist(db, actor, params.id, body);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/:id/funn`,
      summary: 'Registrer et funn',
      tags,
      access: WALKERS,
      params: RoundParamsSchema,
      body: FindingCreateSchema,
      response: FindingSchema,
      status: 201,
      async handler({ params, body }, { db, actor }) {
        return addFinding(db, actor, params.id, body);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/:id/funn/:findingId/bilder`,
      summary: `Legg et bilde til et funn (JPEG/PNG, høyst ${ROUND_MAX_PHOTOS}); feltene «photoId» og «photo»`,
      tags,
      access: WALKERS,
      params: FindingParamsSchema,
      body: 'multipart',
      response: PhotoReplySchema,
      status: 201,
      async handler({ params, body }, { db, actor }) {
        const photo = await readRoundPhoto(body);
        const saved = await addFindingPhoto(db, actor, params.id, params.findingId, photo, ROUND_MAX_PHOTOS);
        return { id: photo.id, size: saved.size };
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${B}/:id/funn/:findingId/bilder/:photoId`,
      summary: 'Et bilde av et funn',
      tags,
      access: WALKERS,
      params: PhotoParamsSchema,
      response: 'binary',
      async handler({ params }, { db, actor, reply }) {
        const photo = await readFindingPhoto(db, actor, params.id, params.findingId, params.photoId);
        reply.header('content-type', photo.mime);
        reply.header('x-content-type-options', 'nosniff');
        reply.header('cache-control', 'private, no-store');
        return photo.data;
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/:id/funn/:findingId/risiko`,
      summary: 'Gjør funnet til en risiko i en risikovurdering, med tiltak om det er gitt (ett steg)',
      tags,
      access: PLANNERS,
      params: FindingParamsSchema,
      body: FindingToRiskSchema,
      response: RoundSchema,
      status: 201,
      async handler({ params, body }, { db, actor }) {
        return findingToRisk(db, actor, params.id, params.findingId, body, today());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/:id/signer`,
      summary: 'Signer vernerunden (rundens leder og verneombud, hver for seg)',
      tags,
      access: WALKERS,
      params: RoundParamsSchema,
      body: SignSchema,
      response: RoundSchema,
      async handler({ params, body }, { db, actor }) {
        return signRound(db, actor, params.id, body.version, today());
      },
    }),
  ];
}
