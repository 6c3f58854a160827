/**
 * The sick-leave API. Access: the route's roles (others get 404), then the service's scope check
 * (`findCaseEmployee`): admin/HR any employee of the organisation, a leader the people they lead,
 * the employee only their own case through `/me`. Verneombud, tillitsvalgt, AMU and BHT see no case.
 */

import {
  AccessLogQuerySchema,
  AccessLogSchema,
  AgpRequestSchema,
  CaseListQuerySchema,
  CaseListSchema,
  CaseViewSchema,
  CreatePeriodRequestSchema,
  DeletePeriodRequestSchema,
  Dialogmote2RequestSchema,
  EgenmeldingCheckRequestSchema,
  EgenmeldingEvaluationSchema,
  EgenmeldingRequestSchema,
  EgenmeldingResultSchema,
  EmployeeParamsSchema,
  MilestoneDoneRequestSchema,
  MilestoneExceptionRequestSchema,
  MilestoneParamsSchema,
  MilestoneRecordParamsSchema,
  PeriodParamsSchema,
  RetentionHoldRequestSchema,
  RetentionHoldSchema,
  SettingsRequestSchema,
  SettingsSchema,
  UpdatePeriodRequestSchema,
  VersionOnlyRequestSchema,
} from '../../contracts/sykefravaer/sykefravaer.schemas.ts';
import { writeAudit } from '../../platform/audit.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { accessLog, listCases } from './case-list.service.ts';
import { checkOwnEgenmelding, registerOwnEgenmelding } from './egenmelding.service.ts';
import {
  markMilestoneDone,
  markMilestoneException,
  setArbeidsgiverperiode,
  setDialogmote2Date,
  undoMilestoneRecord,
} from './milestones.service.ts';
import { createPeriod, deletePeriod, updatePeriod } from './periods.service.ts';
import { rutineRoutes } from './rutine.routes.ts';
import { loadSettings, saveSettings } from './settings.ts';
import { findCaseEmployee, ownEmployeeId } from './sykefravaer.repository.ts';
import { readCase, setRetentionHold } from './sykefravaer.service.ts';

const tags = ['sykefravaer'];
const BASE = '/api/v1/sykefravaer';
/** Who follows up an employee's case: HR/admin (all), leaders (their own people; checked in the service). */
const caseWorkers = access.roles('admin', 'hr', 'leder');

export function sykefravaerRoutes() {
  return [
    defineRoute({
      method: 'GET',
      url: `${BASE}/cases`,
      summary:
        'Pågående og nylig avsluttede sykefravær (leder: egne medarbeidere; HR/admin: alle, per enhet)',
      tags,
      access: caseWorkers,
      query: CaseListQuerySchema,
      response: CaseListSchema,
      async handler({ query }, ctx) {
        return listCases(ctx, query);
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${BASE}/employees/:employeeId`,
      summary: 'Sykefraværet til én ansatt: perioder, plan, milepæler (lesingen logges)',
      tags,
      access: caseWorkers,
      params: EmployeeParamsSchema,
      response: CaseViewSchema,
      async handler({ params }, ctx) {
        return readCase(ctx, params.employeeId, 'employer');
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${BASE}/employees/:employeeId/periods`,
      summary: 'Registrer en periode (egenmelding, sykmelding, ferie/permisjon, arbeid, behandlingsdager)',
      tags,
      access: caseWorkers,
      params: EmployeeParamsSchema,
      body: CreatePeriodRequestSchema,
      response: CaseViewSchema,
      status: 201,
      async handler({ params, body }, ctx) {
        return createPeriod(ctx, params.employeeId, body);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${BASE}/employees/:employeeId/periods/:periodId`,
      summary: 'Rett en periode (med begrunnelse; historikken beholdes)',
      tags,
      access: caseWorkers,
      params: PeriodParamsSchema,
      body: UpdatePeriodRequestSchema,
      response: CaseViewSchema,
      async handler({ params, body }, ctx) {
        return updatePeriod(ctx, params.employeeId, params.periodId, body);
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: `${BASE}/employees/:employeeId/periods/:periodId`,
      summary: 'Slett en periode (med begrunnelse i JSON-kroppen; historikken beholdes)',
      tags,
      access: caseWorkers,
      params: PeriodParamsSchema,
      body: DeletePeriodRequestSchema,
      response: CaseViewSchema,
      async handler({ params, body }, ctx) {
        return deletePeriod(ctx, params.employeeId, params.periodId, body);
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${BASE}/employees/:employeeId/milestones/:key/done`,
      summary: 'Marker en milepæl som utført for sykefraværet som starter caseStart',
      tags,
      access: caseWorkers,
      params: MilestoneParamsSchema,
      body: MilestoneDoneRequestSchema,
      response: CaseViewSchema,
      status: 201,
      async handler({ params, body }, ctx) {
        return markMilestoneDone(ctx, params.employeeId, params.key, body);
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${BASE}/employees/:employeeId/milestones/:key/exception`,
      summary: 'Åpenbart unødvendig (oppfølgingsplan, dialogmøte 1 og 2), med begrunnelse',
      tags,
      access: caseWorkers,
      params: MilestoneParamsSchema,
      body: MilestoneExceptionRequestSchema,
      response: CaseViewSchema,
      status: 201,
      async handler({ params, body }, ctx) {
        return markMilestoneException(ctx, params.employeeId, params.key, body);
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: `${BASE}/employees/:employeeId/milestones/:key/records/:recordId`,
      summary: 'Angre «utført» eller «åpenbart unødvendig»',
      tags,
      access: caseWorkers,
      params: MilestoneRecordParamsSchema,
      body: VersionOnlyRequestSchema,
      response: CaseViewSchema,
      async handler({ params, body }, ctx) {
        return undoMilestoneRecord(ctx, params.employeeId, params.key, params.recordId, body.version);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${BASE}/employees/:employeeId/arbeidsgiverperiode`,
      summary: 'Bekreft eller overstyr slutten på arbeidsgiverperioden (end: null fjerner overstyringen)',
      tags,
      access: caseWorkers,
      params: EmployeeParamsSchema,
      body: AgpRequestSchema,
      response: CaseViewSchema,
      async handler({ params, body }, ctx) {
        return setArbeidsgiverperiode(ctx, params.employeeId, body);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${BASE}/employees/:employeeId/dialogmote2`,
      summary: 'Datoen NAV har satt for dialogmøte 2 (date: null fjerner den)',
      tags,
      access: caseWorkers,
      params: EmployeeParamsSchema,
      body: Dialogmote2RequestSchema,
      response: CaseViewSchema,
      async handler({ params, body }, ctx) {
        return setDialogmote2Date(ctx, params.employeeId, body);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${BASE}/employees/:employeeId/retention-hold`,
      summary: 'HR: hold tilbake sletting av sykefraværsopplysninger (dokumentert begrunnelse)',
      tags,
      access: access.roles('hr'),
      params: EmployeeParamsSchema,
      body: RetentionHoldRequestSchema,
      response: RetentionHoldSchema,
      async handler({ params, body }, ctx) {
        return setRetentionHold(ctx, params.employeeId, body);
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${BASE}/employees/:employeeId/access-log`,
      summary: 'HR/admin: hvem har åpnet eller endret sykefraværet til en ansatt',
      tags,
      access: access.roles('admin', 'hr'),
      params: EmployeeParamsSchema,
      query: AccessLogQuerySchema,
      response: AccessLogSchema,
      async handler({ params, query }, ctx) {
        const employee = await findCaseEmployee(ctx.db, ctx.actor, params.employeeId, 'employer');
        await writeAudit(ctx.db, ctx.actor, {
          action: 'read',
          entityType: 'sick_case_access_log',
          entityId: employee.id,
        });
        return accessLog(ctx, employee.id, query);
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${BASE}/me`,
      summary: 'Mitt eget sykefravær (lesingen logges)',
      tags,
      access: access.anyRole,
      response: CaseViewSchema,
      async handler(_input, ctx) {
        return readCase(ctx, ownEmployeeId(ctx.actor), 'self');
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${BASE}/me/egenmelding/check`,
      summary: 'Dekker virksomhetens egenmeldingsregel dette fraværet? (ingenting lagres)',
      tags,
      access: access.anyRole,
      body: EgenmeldingCheckRequestSchema,
      response: EgenmeldingEvaluationSchema,
      async handler({ body }, ctx) {
        return checkOwnEgenmelding(ctx, body);
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${BASE}/me/egenmelding`,
      summary: 'Meld egen egenmelding («Jeg er syk i dag»); svaret sier om regelen dekker den',
      tags,
      access: access.anyRole,
      body: EgenmeldingRequestSchema,
      response: EgenmeldingResultSchema,
      status: 201,
      async handler({ body }, ctx) {
        return registerOwnEgenmelding(ctx, body);
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${BASE}/me/access-log`,
      summary: 'Hvem har åpnet eller endret mitt sykefravær, og når',
      tags,
      access: access.anyRole,
      query: AccessLogQuerySchema,
      response: AccessLogSchema,
      async handler({ query }, ctx) {
        const employee = await findCaseEmployee(ctx.db, ctx.actor, ownEmployeeId(ctx.actor), 'self');
        return accessLog(ctx, employee.id, query);
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/settings/sykefravaer',
      summary: 'Egenmeldingsregel og hvor lenge sykefraværsopplysninger lagres',
      tags,
      access: access.anyRole,
      response: SettingsSchema,
      async handler(_input, { db, actor }) {
        return loadSettings(db, actor.organisationId);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/settings/sykefravaer',
      summary: 'Endre egenmeldingsregel (aldri over 16 dager) og lagringstid (3–60 måneder)',
      tags,
      access: access.roles('admin', 'hr'),
      body: SettingsRequestSchema,
      response: SettingsSchema,
      async handler({ body }, { db, actor }) {
        return saveSettings(db, actor, body);
      },
    }),

    ...rutineRoutes(),
  ];
}
