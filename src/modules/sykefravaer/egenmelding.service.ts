import type { CaseView } from '../../contracts/sykefravaer/sykefravaer.schemas.ts';
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { type EgenmeldingResult, toEnginePeriod, vurderEgenmelding } from '../../domain/sykefravaer/index.ts';
import { osloToday } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { checkDates, insertPeriod, normalise } from './periods.service.ts';
import { loadSettings } from './settings.ts';
import { type CaseEmployee, findCaseEmployee, loadPeriods, ownEmployeeId } from './sykefravaer.repository.ts';
import { type Ctx, field, fieldErrors, writeCase } from './sykefravaer.service.ts';

// ---------------------------------------------------------------- the employee's own egenmelding

async function evaluateEgenmelding(
  db: Db,
  actor: Actor,
  employee: CaseEmployee,
  request: { start: IsoDate; end: IsoDate },
  today: IsoDate,
): Promise<EgenmeldingResult> {
  const settings = await loadSettings(db, actor.organisationId);
  const periods = await loadPeriods(db, actor.organisationId, employee.id);
  return vurderEgenmelding({
    policy: settings.egenmeldingPolicy,
    employmentStart: employee.employmentStart,
    earlierAbsences: periods.map(toEnginePeriod),
    request,
    today,
  });
}

/** Does the organisation's egenmelding policy cover this absence? (No write, no audit: the employee's own data.) */
export async function checkOwnEgenmelding(ctx: Ctx, request: { start: IsoDate; end: IsoDate }) {
  const employee = await findCaseEmployee(ctx.db, ctx.actor, ownEmployeeId(ctx.actor), 'self');
  return evaluateEgenmelding(ctx.db, ctx.actor, employee, request, osloToday());
}

/**
 * Registers the employee's own egenmelding, covered by the policy or not (the absence is real); the
 * answer carries the evaluation, so the employee sees whether it is covered and what to do.
 */
export function registerOwnEgenmelding(
  ctx: Ctx,
  input: { start: IsoDate; end: IsoDate; version: number },
): Promise<{ evaluation: EgenmeldingResult; case: CaseView }> {
  const employeeId = ownEmployeeId(ctx.actor);
  let evaluation: EgenmeldingResult | undefined;
  return writeCase(
    ctx,
    employeeId,
    input.version,
    'self',
    async (trx, employee) => {
      const today = osloToday();
      if (input.start > today) {
        throw fieldErrors([
          field(
            'start',
            'Egenmelding gjelder sykdom som har begynt: startdatoen kan ikke være etter i dag.',
            'Egenmelding covers sickness that has begun: the start cannot be after today.',
          ),
        ]);
      }
      const v = normalise({ type: 'egenmelding', start: input.start, end: input.end });
      checkDates(employee, v, today);
      evaluation = await evaluateEgenmelding(trx, ctx.actor, employee, input, today);
      const id = await insertPeriod(trx, ctx.actor, employee.id, v, 'employee');
      return { action: 'create', detail: { record: 'absence_period', id, covered: evaluation.allowed } };
    },
    (view) => ({ evaluation: evaluation!, case: view }),
  );
}
