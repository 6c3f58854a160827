/**
 * Kartlegging and risikovurdering over HTTP (aml § 3-1 (2) c, IK-f § 5 no. 6, FOLM § 7-1).
 * Deny by default: every route names its roles; within them the risk access rules decide per
 * assessment (`src/domain/risiko/access.ts`), and what the user may not see is a 404. BHT has no
 * access yet (sharing with the client's BHT is not built).
 */
import {
  AssessmentCreateSchema,
  AssessmentDeleteSchema,
  AssessmentListSchema,
  AssessmentSchema,
  AssessmentUpdateSchema,
  BowtieCreateSchema,
  CellListSchema,
  CellQuerySchema,
  CommentCreateSchema,
  CriteriaInputSchema,
  CriteriaSchema,
  IdParamsSchema,
  MatrixQuerySchema,
  MatrixSchema,
  OkSchema,
  OwnerCandidatesSchema,
  PlanSchema,
  ReviewInputSchema,
  ReviewSoonerSchema,
  RevisionParamsSchema,
  RevisionSchema,
  RiskCloseSchema,
  RiskCreateSchema,
  RiskReopenSchema,
  RiskUpdateSchema,
  SuggestionCreateSchema,
  TiltakCreateSchema,
  TiltakDoneSchema,
  TiltakSchema,
  TiltakUpdateSchema,
} from '../../contracts/risiko/risiko.schemas.ts';
import type { RouteDeps } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import {
  addComment,
  addSuggestion,
  closeRisk,
  createAssessment,
  createRisk,
  createTiltak,
  deleteAssessment,
  getAssessment,
  getCriteria,
  getRevision,
  listAssessments,
  markTiltakDone,
  ownerCandidates,
  pregnancyNotice,
  reopenRisk,
  reviewAssessment,
  reviewSooner,
  saveCriteria,
  updateAssessment,
  updateRisk,
  updateTiltak,
} from './assessment.service.ts';
import { addBowtieItem, deleteBowtieItem } from './bowtie.service.ts';
import { cachedHeatMap, cachedPlan, cellRisks } from './matrix.service.ts';

/** Who reads assessments (each only those of their units/areas; see the access rules). */
const READERS = access.roles('admin', 'hr', 'leder', 'verneombud', 'ansatt');
/** The heat map: the readers, and AMU for the organisation's matrix and its Høy risks (aml § 7-2). */
const MATRIX_READERS = access.roles('admin', 'hr', 'leder', 'verneombud', 'ansatt', 'amu');
/** Who may write an assessment (a leader only for the units they lead). */
const EDITORS = access.roles('admin', 'hr', 'leder');
/** The VO comments and records disagreement; editors may comment too. */
const COMMENTERS = access.roles('admin', 'hr', 'leder', 'verneombud');
/** The acceptance criteria are the organisation's: admin and HR write them. */
const CRITERIA_EDITORS = access.roles('admin', 'hr');

const B = '/api/v1/risiko';
const tags = ['risiko'];

export function risikoRoutes({ reminders }: RouteDeps) {
  const { today } = reminders;
  return [
    // ——— Acceptance criteria ———
    defineRoute({
      method: 'GET',
      url: `${B}/kriterier`,
      summary: 'Virksomhetens akseptkriterier for risiko',
      tags,
      access: MATRIX_READERS,
      response: CriteriaSchema,
      async handler(_input, { db, actor }) {
        return getCriteria(db, actor);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${B}/kriterier`,
      summary: 'Registrer eller endre akseptkriteriene (versjon 0 første gang; 409 om noen lagret først)',
      tags,
      access: CRITERIA_EDITORS,
      body: CriteriaInputSchema,
      response: CriteriaSchema,
      async handler({ body }, { db, actor }) {
        return saveCriteria(db, actor, body, today());
      },
    }),

    // ——— Assessments ———
    defineRoute({
      method: 'GET',
      url: `${B}/vurderinger`,
      summary: 'Risikovurderingene brukeren kan lese',
      tags,
      access: READERS,
      response: AssessmentListSchema,
      async handler(_input, { db, actor }) {
        return listAssessments(db, actor, today());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/vurderinger`,
      summary: 'Ny kartlegging og risikovurdering for en enhet (krever akseptkriterier)',
      tags,
      access: EDITORS,
      body: AssessmentCreateSchema,
      response: AssessmentSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        return createAssessment(db, actor, body, today());
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${B}/vurderinger/:id`,
      summary: 'Én risikovurdering med risikoer, tiltak, kommentarer og versjoner',
      tags,
      access: READERS,
      params: IdParamsSchema,
      response: AssessmentSchema,
      async handler({ params }, { db, actor }) {
        return getAssessment(db, actor, params.id, today());
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${B}/vurderinger/:id`,
      summary: 'Endre en risikovurdering (med versjonen som ble lest)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: AssessmentUpdateSchema,
      response: AssessmentSchema,
      async handler({ params, body }, { db, actor }) {
        return updateAssessment(db, actor, params.id, body, today());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/vurderinger/:id/gjennomgang`,
      summary:
        'Gjennomgå vurderingen: den gamle versjonen tas vare på, og neste gjennomgang settes ett år fram',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: ReviewInputSchema,
      response: AssessmentSchema,
      async handler({ params, body }, { db, actor }) {
        return db.transaction().execute((trx) => reviewAssessment(trx, actor, params.id, body, today()));
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/vurderinger/:id/endring`,
      summary: 'En endring gjør at vurderingen skal gjennomgås tidligere (FOLM § 7-1)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: ReviewSoonerSchema,
      response: AssessmentSchema,
      async handler({ params, body }, { db, actor }) {
        return reviewSooner(db, actor, params.id, body, today());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/vurderinger/:id/gjennomgang-na`,
      summary:
        'Melding om graviditet mottatt: vurderingen for gravide og ammende skal gjennomgås nå (FOLM § 7-1). Ingen opplysninger om personen',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      response: AssessmentSchema,
      async handler({ params }, { db, actor }) {
        return pregnancyNotice(db, actor, params.id, today());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/vurderinger/:id/slett`,
      summary:
        'Slett et utkast med begrunnelse: bare før vurderingen er gjennomgått og før en risiko er lukket (IK-f § 5)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: AssessmentDeleteSchema,
      response: OkSchema,
      async handler({ params, body }, { db, actor }) {
        return deleteAssessment(db, actor, params.id, body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${B}/vurderinger/:id/versjoner/:revision`,
      summary: 'En tidligere versjon av vurderingen, slik den var før en gjennomgang',
      tags,
      access: READERS,
      params: RevisionParamsSchema,
      response: RevisionSchema,
      async handler({ params }, { db, actor }) {
        return getRevision(db, actor, params.id, params.revision);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/vurderinger/:id/risikoer`,
      summary: 'Ny fare eller uønsket hendelse med startrisiko (sannsynlighet og konsekvens 1–5)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: RiskCreateSchema,
      response: AssessmentSchema,
      status: 201,
      async handler({ params, body }, { db, actor }) {
        return createRisk(db, actor, params.id, body, today());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/vurderinger/:id/kommentarer`,
      summary: 'Kommentar eller uenighet fra verneombudet (eller en leder)',
      tags,
      access: COMMENTERS,
      params: IdParamsSchema,
      body: CommentCreateSchema,
      response: AssessmentSchema,
      status: 201,
      async handler({ params, body }, { db, actor }) {
        return addComment(db, actor, params.id, body, today());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/vurderinger/:id/forslag`,
      summary: 'En ansatt foreslår en fare i enhetens kartlegging',
      tags,
      access: READERS,
      params: IdParamsSchema,
      body: SuggestionCreateSchema,
      response: OkSchema,
      status: 201,
      async handler({ params, body }, { db, actor }) {
        return addSuggestion(db, actor, params.id, body);
      },
    }),

    // ——— Risks ———
    defineRoute({
      method: 'PUT',
      url: `${B}/risikoer/:id`,
      summary: 'Endre en risiko: start- og restrisiko, eksisterende barrierer (med versjonen som ble lest)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: RiskUpdateSchema,
      response: AssessmentSchema,
      async handler({ params, body }, { db, actor }) {
        return updateRisk(db, actor, params.id, body, today());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/risikoer/:id/lukk`,
      summary: 'Lukk en risiko: restrisiko høyst middels, eller skriftlig aksept fra ansvarlig leder',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: RiskCloseSchema,
      response: AssessmentSchema,
      async handler({ params, body }, { db, actor }) {
        return closeRisk(db, actor, params.id, body, today());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/risikoer/:id/gjenapne`,
      summary: 'Åpne en lukket risiko igjen, med begrunnelse og dato for ny gjennomgang (FOLM § 7-1)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: RiskReopenSchema,
      response: AssessmentSchema,
      async handler({ params, body }, { db, actor }) {
        return reopenRisk(db, actor, params.id, body, today());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/risikoer/:id/tiltak`,
      summary: 'Nytt tiltak med ansvarlig og frist',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: TiltakCreateSchema,
      response: AssessmentSchema,
      status: 201,
      async handler({ params, body }, { db, actor }) {
        return createTiltak(db, actor, params.id, body, today());
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${B}/risikoer/:id/sloyfe`,
      summary: 'Legg til en årsak, en barriere eller en konsekvens i sløyfediagrammet',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: BowtieCreateSchema,
      response: AssessmentSchema,
      status: 201,
      async handler({ params, body }, { db, actor }) {
        return addBowtieItem(db, actor, params.id, body, today());
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: `${B}/sloyfe/:id`,
      summary: 'Fjern et element fra sløyfediagrammet',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      response: AssessmentSchema,
      async handler({ params }, { db, actor }) {
        return deleteBowtieItem(db, actor, params.id, today());
      },
    }),

    // ——— Tiltak ———
    defineRoute({
      method: 'PUT',
      url: `${B}/tiltak/:id`,
      summary: 'Endre et åpent tiltak (med versjonen som ble lest)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: TiltakUpdateSchema,
      response: AssessmentSchema,
      async handler({ params, body }, { db, actor }) {
        return updateTiltak(db, actor, params.id, body, today());
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${B}/tiltak/:id/utfort`,
      summary:
        'Marker et tiltak som utført med en kort merknad (vurderingens ledere/HR eller den ansvarlige)',
      tags,
      access: access.roles('admin', 'hr', 'leder', 'verneombud', 'ansatt', 'amu', 'bht', 'tillitsvalgt'),
      params: IdParamsSchema,
      body: TiltakDoneSchema,
      response: TiltakSchema,
      async handler({ params, body }, { db, actor }) {
        return markTiltakDone(db, actor, params.id, body, today());
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${B}/eiere`,
      summary: 'Brukerne et tiltak kan gis til (bare navn)',
      tags,
      access: EDITORS,
      response: OwnerCandidatesSchema,
      async handler(_input, { db, actor }) {
        return { items: await ownerCandidates(db, actor.organisationId) };
      },
    }),

    // ——— The heat map and the handlingsplan ———
    defineRoute({
      method: 'GET',
      url: `${B}/matrise`,
      summary: 'Risikomatrisen: antall risikoer per rute før og etter tiltak, og de høye risikoene',
      tags,
      access: MATRIX_READERS,
      query: MatrixQuerySchema,
      response: MatrixSchema,
      async handler({ query }, { db, actor, caches }) {
        return cachedHeatMap(db, actor, query.unitId, today(), caches);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${B}/matrise/rute`,
      summary: 'Risikoene i én rute av matrisen',
      tags,
      access: MATRIX_READERS,
      query: CellQuerySchema,
      response: CellListSchema,
      async handler({ query }, { db, actor }) {
        return { items: await cellRisks(db, actor, query) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${B}/handlingsplan`,
      summary: 'Handlingsplanen: tiltakene fra risikovurderingene brukeren kan lese',
      tags,
      access: READERS,
      query: MatrixQuerySchema,
      response: PlanSchema,
      async handler({ query }, { db, actor, caches }) {
        return cachedPlan(db, actor, query.unitId, today(), caches);
      },
    }),
  ];
}
