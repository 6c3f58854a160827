/**
 * The case view: stored data + the rule engine's output for `today`. Pure apart from the names map
 * the caller loads; the milestone states are computed on every read, so a change of periods re-derives
 * them, and a done/exception record (keyed by case start + milestone key) survives the change.
 */

import type {
  CaseView,
  MilestoneStateDto,
  Settings,
} from '../../contracts/sykefravaer/sykefravaer.schemas.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import {
  caseAgp,
  caseStatus,
  computePlan,
  gradeOn,
  milestoneStates,
  parseSystemNote,
  type RecordForEngine,
  recordsFor,
  renderRecordNote,
  sickDaysSoFar,
} from '../../domain/sykefravaer/index.ts';
import type { Locale } from '../../i18n/locale.ts';
import { osloToday } from '../../platform/clock.ts';
import type { CaseData, CaseEmployee } from './sykefravaer.repository.ts';

export type UserRef = { userId: string | null; name: string };

export function userRefOf(names: Map<string, string>, locale: Locale) {
  return (id: string | null): UserRef => {
    if (id === null)
      return { userId: null, name: locale === 'nb' ? 'Nærvær (automatisk)' : 'Nærvær (automatic)' };
    return { userId: id, name: names.get(id) ?? (locale === 'nb' ? 'Slettet bruker' : 'Deleted user') };
  };
}

/** Every user id a case view names (for one `userNames` query). */
export function userIdsOf(data: CaseData): (string | null)[] {
  return [
    ...data.periods.flatMap((p) => [p.createdBy, p.updatedBy]),
    ...data.history.map((h) => h.changed_by),
    ...data.overrides.map((o) => o.set_by),
    ...data.records.map((r) => r.recorded_by),
    data.followup?.retention_hold_by ?? null,
  ];
}

export function buildCaseView(input: {
  employee: CaseEmployee;
  data: CaseData;
  names: Map<string, string>;
  settings: Settings;
  today: IsoDate;
  locale: Locale;
}): CaseView {
  const { employee, data, settings, today } = input;
  const ref = userRefOf(input.names, input.locale);
  const followup = data.followup;
  const dialogmote2 =
    followup?.dialogmote2_case_start && followup.dialogmote2_date
      ? { caseStart: followup.dialogmote2_case_start, date: followup.dialogmote2_date }
      : null;
  const plan = computePlan({
    periods: data.periods,
    birthDate: employee.birthDate,
    agpOverrides: data.overrides.map((o) => ({ caseStart: o.case_start, end: o.end_date })),
    dialogmote2,
  });

  const followUp = plan.followUp;
  let milestones: MilestoneStateDto[] = [];
  let currentCase: CaseView['currentCase'] = null;
  if (followUp !== null) {
    const engineRecords: RecordForEngine[] = data.records.map((r) => {
      const by = ref(r.recorded_by);
      return {
        id: r.id,
        kind: r.kind,
        milestoneKey: r.milestone_key,
        caseStart: r.case_start,
        recordedOn: osloToday(r.recorded_at),
        recordedBy: { userId: by.userId ?? '', displayName: by.name },
        note: renderRecordNote(
          { typed: r.note, system: parseSystemNote(r.note_code, r.note_params) },
          input.locale,
        ),
        reason: r.reason,
        evidenceRef: r.evidence_ref,
      };
    });
    const byId = new Map(engineRecords.map((r) => [r.id, r]));
    milestones = milestoneStates(followUp, recordsFor(followUp, engineRecords), today).map((s) => {
      const { done, exception, ...rest } = s;
      const dto: MilestoneStateDto = { ...rest };
      if (exception) dto.exception = exception;
      if (done) {
        const record = byId.get(done.id);
        dto.done = {
          id: done.id,
          milestoneKey: done.milestoneKey,
          caseStart: done.caseStart,
          doneAt: done.doneAt,
          doneBy: done.doneBy,
          note: record?.note ?? null,
          evidenceRef: record?.evidenceRef ?? null,
        };
      }
      return dto;
    });
    const agp = caseAgp(plan, followUp.caseStart, followUp.caseEnd);
    const ownCase = plan.cases[plan.cases.length - 1];
    currentCase = {
      start: followUp.caseStart,
      end: followUp.caseEnd,
      status: caseStatus(followUp.caseEnd, today),
      sickDays: ownCase?.sickDays ?? 0,
      sickDaysSoFar: sickDaysSoFar(data.periods, followUp.caseStart, today),
      gradeToday: gradeOn(data.periods, today),
      arbeidsgiverperiode:
        agp === null
          ? null
          : {
              start: agp.start,
              end: agp.end,
              days: agp.days,
              overridden: agp.overridden === true,
              computedEnd: agp.overridden === true ? (agp.computedEnd ?? null) : agp.end,
            },
      maksdato: followUp.maksdato,
      maksdatoForelopig: followUp.maksdatoForelopig,
      sykepengedagerBrukt: followUp.sykepengedagerBrukt,
      oppsigelsesvernTil: followUp.oppsigelsesvernTil,
    };
  }

  return {
    employee: { id: employee.id, name: employee.name, unitId: employee.unitId, unitName: employee.unitName },
    today,
    version: followup?.version ?? 0,
    periods: data.periods.map((p) => ({
      id: p.id,
      type: p.type,
      start: p.start,
      end: p.end,
      grade: p.grade,
      avventende: p.avventende,
      source: p.source,
      createdBy: ref(p.createdBy),
      createdAt: p.createdAt.toISOString(),
      updatedBy:
        p.updatedBy === p.createdBy && p.updatedAt.getTime() === p.createdAt.getTime()
          ? null
          : ref(p.updatedBy),
      updatedAt: p.updatedAt.toISOString(),
    })),
    history: data.history.map((h) => ({
      id: Number(h.id),
      periodId: h.period_id,
      change: h.change,
      reason: h.reason,
      changedBy: ref(h.changed_by),
      changedAt: h.changed_at.toISOString(),
      old:
        h.old_type === null
          ? null
          : {
              type: h.old_type,
              start: h.old_start ?? '',
              end: h.old_end ?? '',
              grade: h.old_grade,
              avventende: h.old_avventende ?? false,
            },
      new:
        h.new_type === null
          ? null
          : {
              type: h.new_type,
              start: h.new_start ?? '',
              end: h.new_end ?? '',
              grade: h.new_grade,
              avventende: h.new_avventende ?? false,
            },
    })),
    plan,
    currentCase,
    milestones,
    dialogmote2,
    agpOverrides: data.overrides.map((o) => ({
      caseStart: o.case_start,
      end: o.end_date,
      setBy: ref(o.set_by),
      setAt: o.set_at.toISOString(),
    })),
    retention: {
      months: settings.retentionMonths,
      hold: followup?.retention_hold ?? false,
      holdReason: followup?.retention_hold_reason ?? null,
      holdBy: followup?.retention_hold_by ? ref(followup.retention_hold_by) : null,
      holdAt: followup?.retention_hold_at ? followup.retention_hold_at.toISOString() : null,
    },
  };
}
