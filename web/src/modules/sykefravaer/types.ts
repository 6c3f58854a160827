/**
 * The sick-leave API as the web app uses it. The wire shapes come from the server's zod schemas
 * (`src/modules/sykefravaer/sykefravaer.schemas.ts`, type-only imports: nothing of the server ends
 * up in the bundle); `from*` below turns them into the view shapes the pages use.
 */

import type { z } from 'zod';
import type {
  AccessLogSchema,
  CaseListSchema,
  CaseView as CaseViewDto,
  EgenmeldingEvaluationSchema,
  MilestoneStateDto,
  PeriodDto,
  Settings as SettingsDto,
} from '../../../../src/contracts/sykefravaer/sykefravaer.schemas.ts';
import { diffDays } from '../../../../src/domain/calendar/index.ts';
import type {
  ExemptableMilestoneKey,
  FollowUp,
  MilestoneKey,
  MilestoneStateKind,
  MilestoneStatus,
  PeriodType,
  PlanArbeidsgiverperiode,
  PlanCase,
  Text,
} from '../../../../src/domain/sykefravaer/index.ts';

export type {
  ExemptableMilestoneKey,
  FollowUp,
  MilestoneKey,
  MilestoneStateKind,
  PeriodType,
  PlanArbeidsgiverperiode,
  PlanCase,
  Text,
};

export const PERIOD_TYPES: readonly PeriodType[] = [
  'sykmelding',
  'egenmelding',
  'ferie',
  'arbeid',
  'behandlingsdager',
];
export const EXEMPTABLE: readonly MilestoneKey[] = ['oppfolgingsplan', 'dialogmote1', 'dialogmote2'];

/** Someone named in a record: the server sends a name (and may send the id and role). */
export type PersonRef = { id: string | null; name: string };

export type AbsencePeriod = {
  id: string;
  type: PeriodType;
  start: string;
  end: string;
  grade: number | null;
  avventende: boolean;
  /** Who registered it: the employer, or the employee themself (egenmelding). */
  source?: 'employer' | 'employee';
};

export type DoneRecord = {
  id: string;
  at: string;
  by: PersonRef;
  note: string | null;
  /** What shows it was done: `oppfolgingsplan:<id>:v<n>`, `dialogmote:<id>`; null when marked by hand. */
  evidenceRef: string | null;
};
export type ExceptionRecord = { id: string; at: string; by: PersonRef; reason: string };

export type MilestoneView = {
  key: MilestoneKey;
  from?: string | undefined;
  due: string | null;
  status: MilestoneStatus;
  state: MilestoneStateKind;
  daysLeft: number | null;
  reminders: string[];
  legalBasis: string;
  explanation: Text;
  stateText: Text;
  done: DoneRecord | null;
  exception: ExceptionRecord | null;
};

export type CaseSummary = {
  start: string;
  end: string;
  /** Every registered sick day, also future days of a running sykmelding. */
  sickDays: number;
  /** Sick days up to and including today. */
  sickDaysSoFar: number;
  /** The grade of the latest sykmelding in the case, when known. */
  grade: number | null;
  agpEnd: string | null;
  agpConfirmed: boolean;
  maksdato: string | null;
  maksdatoForelopig: boolean;
  oppsigelsesvernTil: string | null;
  ongoing: boolean;
};

export type CaseEmployee = { id: string; name: string; unitId: string | null; unitName: string };

export type CaseView = {
  employee: CaseEmployee;
  periods: AbsencePeriod[];
  cases: PlanCase[];
  arbeidsgiverperioder: PlanArbeidsgiverperiode[];
  followUp: FollowUp | null;
  milestones: MilestoneView[];
  current: CaseSummary | null;
  version: number;
  retentionMonths: number | null;
  /** The date NAV set for dialogmøte 2, and the case it was recorded for (ftrl § 8-7a). */
  dialogmote2: { caseStart: string; date: string } | null;
  /** HR's documented hold on the deletion of the case's data (GDPR art. 17 (3) e). */
  retentionHold: { hold: boolean; reason: string | null; by: PersonRef | null; at: string | null };
};

export type CaseListItem = {
  employeeId: string;
  employeeName: string;
  unitId: string | null;
  unitName: string;
  caseStart: string;
  caseEnd: string | null;
  /** Sick days up to and including today (the case page's «Sykedager hittil»). */
  sickDaysSoFar: number;
  grade: number | null;
  ongoing: boolean;
  next: { key: MilestoneKey; due: string | null; state: MilestoneStateKind; daysLeft: number | null } | null;
  overdue: number;
  dueSoon: number;
};

export type AccessLogEntry = {
  at: string;
  by: PersonRef;
  roles: string[];
  action: string;
  record: string | null;
  /** A read of one of the case's documents; null for the case itself. */
  document: AccessLogDocument | null;
};

export type AccessLogDocument = 'oppfolgingsplan' | 'samtalereferat' | 'dialogmote' | 'legebrev';

export type EgenmeldingEvaluation = z.infer<typeof EgenmeldingEvaluationSchema>;
export type EgenmeldingMessage = EgenmeldingEvaluation['reasons'][number];

export type EgenmeldingPreset = 'statutory' | 'extended' | 'agp' | 'custom';

export type EgenmeldingPolicyView = {
  preset: EgenmeldingPreset;
  maxDaysPerOccasion: number;
  maxDaysPer12Months: number | null;
  maxOccasionsPer12Months: number | null;
  minEmploymentMonths: number;
};

export type SykefravaerSettings = EgenmeldingPolicyView & { retentionMonths: number };

export type PeriodInput = {
  type: PeriodType;
  start: string;
  end: string;
  grade?: number | undefined;
  avventende?: boolean | undefined;
  /** The user saw the duplicate/overlap warning (409 `PERIOD_OVERLAP`) and saves anyway. */
  confirmOverlap?: boolean | undefined;
};

/* ---------- from the wire to the pages ---------- */

export type CaseViewWire = CaseViewDto;
export type CaseListWire = z.infer<typeof CaseListSchema>;
export type AccessLogWire = z.infer<typeof AccessLogSchema>;

export function fromPeriod(p: PeriodDto): AbsencePeriod {
  return {
    id: p.id,
    type: p.type,
    start: p.start,
    end: p.end,
    grade: p.grade,
    avventende: p.avventende,
    source: p.source,
  };
}

export function fromMilestone(m: MilestoneStateDto): MilestoneView {
  return {
    key: m.key,
    ...(m.from === undefined ? {} : { from: m.from }),
    due: m.due,
    status: m.status,
    state: m.state,
    daysLeft: m.daysLeft,
    reminders: m.reminders,
    legalBasis: m.legalBasis,
    explanation: m.explanation,
    stateText: m.stateText,
    done: m.done
      ? {
          id: m.done.id,
          at: m.done.doneAt,
          by: { id: m.done.doneBy.userId, name: m.done.doneBy.displayName },
          note: m.done.note,
          evidenceRef: m.done.evidenceRef,
        }
      : null,
    exception: m.exception
      ? {
          id: m.exception.id,
          at: m.exception.decidedAt,
          by: { id: m.exception.decidedBy.userId, name: m.exception.decidedBy.displayName },
          reason: m.exception.reason,
        }
      : null,
  };
}

export function fromCase(v: CaseViewWire): CaseView {
  const c = v.currentCase;
  const agp = c?.arbeidsgiverperiode ?? null;
  const latestSick = c
    ? v.periods
        .filter((p) => p.type === 'sykmelding' && p.start <= c.end && p.end >= c.start)
        .sort((a, b) => a.start.localeCompare(b.start))
        .at(-1)
    : undefined;
  return {
    employee: v.employee,
    periods: v.periods.map(fromPeriod),
    cases: v.plan.cases,
    arbeidsgiverperioder: v.plan.arbeidsgiverperioder,
    followUp: v.plan.followUp,
    milestones: v.milestones.map(fromMilestone),
    current: c
      ? {
          start: c.start,
          end: c.end,
          sickDays: c.sickDays,
          sickDaysSoFar: c.sickDaysSoFar,
          grade: c.gradeToday ?? (c.status === 'ongoing' ? (latestSick?.grade ?? null) : null),
          agpEnd: agp?.end ?? null,
          agpConfirmed: agp?.overridden ?? false,
          maksdato: c.maksdato,
          maksdatoForelopig: c.maksdatoForelopig,
          oppsigelsesvernTil: c.oppsigelsesvernTil,
          ongoing: c.status === 'ongoing',
        }
      : null,
    version: v.version,
    retentionMonths: v.retention.months,
    dialogmote2: v.dialogmote2,
    retentionHold: {
      hold: v.retention.hold,
      reason: v.retention.holdReason,
      by: v.retention.holdBy ? { id: v.retention.holdBy.userId, name: v.retention.holdBy.name } : null,
      at: v.retention.holdAt,
    },
  };
}

export function fromCaseList(v: CaseListWire): CaseListItem[] {
  return v.items.map((o) => ({
    employeeId: o.employeeId,
    employeeName: o.name,
    unitId: o.unitId,
    unitName: o.unitName,
    caseStart: o.caseStart,
    caseEnd: o.caseEnd,
    sickDaysSoFar: o.sickDaysSoFar,
    grade: o.gradeToday,
    ongoing: o.status === 'ongoing',
    next: o.nextMilestone ? { ...o.nextMilestone, daysLeft: diffDays(o.nextMilestone.due, v.today) } : null,
    overdue: o.overdueCount,
    dueSoon: o.nextMilestone?.state === 'due-soon' ? 1 : 0,
  }));
}

export function fromAccessLog(v: AccessLogWire): AccessLogEntry[] {
  return v.items.map((o) => ({
    at: o.at,
    by: { id: o.user.userId, name: o.user.name },
    roles: o.roles,
    action: o.action,
    record: o.record,
    document: o.document,
  }));
}

export function fromSettings(v: SettingsDto): SykefravaerSettings {
  return { ...v.egenmeldingPolicy, retentionMonths: v.retentionMonths };
}

/** The PUT body: a preset's numbers come from the rule engine, so only `custom` sends its own. */
export function toSettingsRequest(s: SykefravaerSettings) {
  return {
    egenmeldingPolicy:
      s.preset === 'custom'
        ? {
            preset: s.preset,
            maxDaysPerOccasion: s.maxDaysPerOccasion,
            maxDaysPer12Months: s.maxDaysPer12Months,
            maxOccasionsPer12Months: s.maxOccasionsPer12Months,
            minEmploymentMonths: s.minEmploymentMonths,
          }
        : { preset: s.preset },
    retentionMonths: s.retentionMonths,
  };
}
