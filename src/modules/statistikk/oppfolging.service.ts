/**
 * ★ Oppfølging innen fristen: the stored sick-leave data as the input of the pure `beregnOppfolging`
 * (which decides what counts and masks), limited to what the caller may see. Read-only over the
 * sick-leave module's tables (`absence_period`, `milestone_record`) and the follow-up documents'
 * `dialogmote` (the day a meeting was held): the records are what the documents write when a plan is
 * sent to the sykmelder or a meeting's minutes are saved.
 */
import type { z } from 'zod';
import {
  HISTORY_QUARTERS,
  type OppfolgingViewSchema,
} from '../../contracts/statistikk/statistikk.schemas.ts';
import type { Db } from '../../db/schema.ts';
import { fromDayNumber, type IsoDate } from '../../domain/calendar/index.ts';
import {
  beregnOppfolging,
  type KpiGroups,
  MIN_PERSONS,
  OPPFOLGING_KEYS,
  OPPFOLGING_UKER,
  type OppfolgingEmployee,
  type OppfolgingKey,
  type OppfolgingRecord,
  parseQuarter,
  quarterStart,
  quartersEndingWith,
  type StatistikkUnit,
} from '../../domain/statistikk/index.ts';
import { osloToday } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { toPeriod } from './period-row.ts';
import { chosenQuarter, visibleUnits } from './statistikk.service.ts';

type View = z.input<typeof OppfolgingViewSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MEETING_REF = 'dialogmote:';

/**
 * The KPI input for one organisation: every employee with a period ending on or after `from` (a
 * case due in the range has a day in it: it is `required` only when it lasts until its due date),
 * with all their periods (so a case's first day is right however long ago it began) and their
 * done / «åpenbart unødvendig» records. The day a milestone was done: a dialogmøte 1 recorded from
 * its minutes counts on the day the meeting was held; anything else on the day it was recorded (in
 * Norway).
 */
export async function loadOppfolgingInput(
  db: Db,
  organisationId: string,
  quarters: string[],
  from: IsoDate,
  today: IsoDate,
): Promise<{ quarters: string[]; units: StatistikkUnit[]; employees: OppfolgingEmployee[]; today: IsoDate }> {
  const candidates = db
    .selectFrom('absence_period')
    .select('employee_id')
    .where('organisation_id', '=', organisationId)
    .where('deleted_at', 'is', null)
    .where('end_date', '>=', from);
  const [unitRows, employeeRows, periodRows, recordRows] = await Promise.all([
    db
      .selectFrom('unit')
      .select(['id', 'parent_id', 'name'])
      .where('organisation_id', '=', organisationId)
      .orderBy('name')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('employee')
      .select(['id', 'unit_id'])
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', candidates)
      .execute(),
    db
      .selectFrom('absence_period')
      .select(['employee_id', 'type', 'start_date', 'end_date', 'grade', 'avventende'])
      .where('organisation_id', '=', organisationId)
      .where('deleted_at', 'is', null)
      .where('employee_id', 'in', candidates)
      .execute(),
    db
      .selectFrom('milestone_record')
      .select(['employee_id', 'milestone_key', 'case_start', 'kind', 'recorded_at', 'evidence_ref'])
      .where('organisation_id', '=', organisationId)
      .where('undone_at', 'is', null)
      .where('milestone_key', 'in', [...OPPFOLGING_KEYS])
      .where('employee_id', 'in', candidates)
      .execute(),
  ]);
  const meetingIds = recordRows
    .map((r) => r.evidence_ref)
    .filter((ref): ref is string => ref?.startsWith(MEETING_REF) === true)
    .map((ref) => ref.slice(MEETING_REF.length))
    .filter((id) => UUID.test(id));
  const meetings = new Map<string, IsoDate>();
  if (meetingIds.length > 0) {
    const rows = await db
      .selectFrom('dialogmote')
      .select(['id', 'starts_at'])
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', meetingIds)
      .execute();
    for (const m of rows) meetings.set(m.id, osloToday(new Date(m.starts_at)));
  }

  const byEmployee = new Map<string, OppfolgingEmployee>();
  for (const e of employeeRows) {
    byEmployee.set(e.id, { id: e.id, unitId: e.unit_id, periods: [], records: [] });
  }
  for (const p of periodRows) byEmployee.get(p.employee_id)?.periods.push(toPeriod(p));
  for (const r of recordRows) {
    const recorded = osloToday(new Date(r.recorded_at));
    const meeting =
      r.milestone_key === 'dialogmote1' && r.evidence_ref?.startsWith(MEETING_REF)
        ? meetings.get(r.evidence_ref.slice(MEETING_REF.length))
        : undefined;
    const record: OppfolgingRecord = {
      milestoneKey: r.milestone_key as OppfolgingKey,
      caseStart: r.case_start,
      kind: r.kind,
      on: meeting !== undefined && meeting < recorded ? meeting : recorded,
    };
    byEmployee.get(r.employee_id)?.records.push(record);
  }
  return {
    quarters,
    units: unitRows.map((u) => ({ id: u.id, parentId: u.parent_id, name: u.name })),
    employees: [...byEmployee.values()],
    today,
  };
}

/**
 * The KPI for `quarter` and the seven quarters before it, and the rolling four quarters ending
 * with it; scope and masking as the rates (`statistikkView`): masked once for the whole
 * organisation, each caller sees a subset.
 */
export async function oppfolgingView(
  db: Db,
  actor: Actor,
  query: { quarter?: string | undefined; unitId?: string | undefined },
  today: IsoDate,
): Promise<View> {
  const quarter = chosenQuarter(query.quarter, today);
  const history = quartersEndingWith(quarter, HISTORY_QUARTERS);
  const first = parseQuarter(history[0] as string) as number;
  const last = parseQuarter(quarter) as number;
  const from = fromDayNumber(quarterStart(Math.min(first, last - 3)));
  const input = await loadOppfolgingInput(db, actor.organisationId, history, from, today);
  const visible = await visibleUnits(db, actor, input.units, query.unitId);
  const output = beregnOppfolging(input);
  const parentOf = new Map(input.units.map((u) => [u.id, u.parentId]));
  const scoped = (g: KpiGroups) => ({
    organisation: visible === null ? g.organisation : null,
    units: g.units
      .filter((u) => visible === null || visible.has(u.unitId))
      .map((u) => ({ ...u, parentId: parentOf.get(u.unitId) ?? null })),
  });
  return {
    quarter,
    scope: visible === null ? 'organisation' : 'units',
    minPersons: MIN_PERSONS,
    weeks: OPPFOLGING_UKER,
    quarters: output.quarters.map((q) => ({
      ...q,
      oppfolgingsplan: scoped(q.oppfolgingsplan),
      dialogmote1: scoped(q.dialogmote1),
    })),
    rolling: {
      ...output.rolling,
      oppfolgingsplan: scoped(output.rolling.oppfolgingsplan),
      dialogmote1: scoped(output.rolling.dialogmote1),
    },
  };
}
