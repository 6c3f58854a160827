/**
 * The state of each milestone for the UI, on a given day, given what has been recorded:
 * exceptions ("åpenbart unødvendig", §11.5) and done-records. Pure: `today` is a parameter, and the
 * records come from the caller (the database layer stores them).
 */
import {
  type DayNumber,
  formatEnglishLongDayNumber,
  formatNorwegianLongDayNumber,
  parseIsoDate,
} from '../calendar/index.ts';
import { SNART_FRIST_DAGER } from './constants.ts';
import type { FollowUp, IsoDate, Milestone, MilestoneKey, MilestoneStatus, Text } from './types.ts';

/** aml § 4-6 (3)–(4), ftrl § 8-7a: only these may be skipped as "åpenbart unødvendig" (§11.5). */
export const EXEMPTABLE_MILESTONES = ['oppfolgingsplan', 'dialogmote1', 'dialogmote2'] as const;
export type ExemptableMilestoneKey = (typeof EXEMPTABLE_MILESTONES)[number];

export function isExemptable(key: MilestoneKey): key is ExemptableMilestoneKey {
  return (EXEMPTABLE_MILESTONES as readonly string[]).includes(key);
}

/** A user as the records name them. */
export interface UserRef {
  userId: string;
  displayName: string;
}

/** §11.5: the leader's decision that a milestone is "åpenbart unødvendig". */
export interface MilestoneException {
  id: string;
  milestoneKey: ExemptableMilestoneKey;
  /** The case the decision belongs to; a record for another case start is ignored. Absent = current case. */
  caseStart?: IsoDate | undefined;
  reason: string;
  decidedBy: UserRef;
  decidedAt: IsoDate;
}

/** A milestone done (plan made, meeting held …), with a reference to the evidence (document id, minutes). */
export interface MilestoneDone {
  id: string;
  milestoneKey: MilestoneKey;
  caseStart?: IsoDate | undefined;
  doneAt: IsoDate;
  doneBy: UserRef;
  evidenceRef?: string | undefined;
}

export type MilestoneStateKind =
  | 'exempted'
  | 'done'
  | 'overdue'
  | 'due-soon'
  | 'upcoming'
  | 'not-required'
  | 'informational';

export interface MilestoneState {
  key: MilestoneKey;
  from?: IsoDate;
  due: IsoDate | null;
  status: MilestoneStatus;
  state: MilestoneStateKind;
  /** `due − today` in days (negative when past); null when there is no due date. */
  daysLeft: number | null;
  reminders: IsoDate[];
  legalBasis: string;
  explanation: Text;
  /** One sentence on the state (`Fristen gikk ut søndag 2. februar 2025, for 3 dager siden.`). */
  stateText: Text;
  exception?: MilestoneException;
  done?: MilestoneDone;
}

export interface MilestoneRecords {
  exceptions?: readonly MilestoneException[];
  done?: readonly MilestoneDone[];
}

function latestFor<T extends { milestoneKey: MilestoneKey; caseStart?: IsoDate | undefined }>(
  records: readonly T[] | undefined,
  key: MilestoneKey,
  caseStart: IsoDate,
  dateOf: (r: T) => IsoDate,
): T | undefined {
  let best: T | undefined;
  for (const r of records ?? []) {
    if (r.milestoneKey !== key) continue;
    if (r.caseStart !== undefined && r.caseStart !== caseStart) continue;
    if (best === undefined || dateOf(r) >= dateOf(best)) best = r;
  }
  return best;
}

const nb = formatNorwegianLongDayNumber;
const en = formatEnglishLongDayNumber;

function daysText(n: number): Text {
  const abs = Math.abs(n);
  return { nb: abs === 1 ? '1 dag' : `${abs} dager`, en: abs === 1 ? '1 day' : `${abs} days` };
}

/**
 * Milestone states for the UI. Precedence: `done` (it happened) > `exempted` (only oppfolgingsplan,
 * dialogmote1, dialogmote2; exceptions for other keys are ignored) > `not-required` >
 * `informational` (informational and met-graded milestones: nothing for the leader to do) >
 * by days left for required/conditional: `overdue` (< 0), `due-soon` (≤ 14), `upcoming`.
 */
export function milestoneStates(
  followUp: FollowUp,
  records: MilestoneRecords,
  today: IsoDate,
): MilestoneState[] {
  const todayDay = parseIsoDate(today);
  if (todayDay === null) throw new RangeError(`today: ugyldig dato / invalid date: ${JSON.stringify(today)}`);
  const dm2NotRequired = followUp.milestones.some(
    (m) => m.key === 'dialogmote2' && m.status === 'not-required',
  );
  return followUp.milestones.map((m) => {
    const state = stateOf(m, followUp.caseStart, records, todayDay);
    return m.key === 'motebehov' && dm2NotRequired ? motebehovNotRelevant(state) : state;
  });
}

/**
 * ftrl § 8-7a: NAV asks about the need for dialogmøte 2 only for a case that may come to one. When
 * dialogmøte 2 is not required (the case ended before NAV's candidate day, S+119), the window is not
 * something to wait for either: shown as «ikke aktuelt nå», not as a date to know (issue 10).
 */
function motebehovNotRelevant(s: MilestoneState): MilestoneState {
  return {
    ...s,
    state: 'not-required',
    explanation: {
      nb: 'NAV spør ikke om behov for dialogmøte 2 nå, fordi dialogmøte 2 ikke er aktuelt for dette fraværet.',
      en: 'NAV does not ask about the need for dialogue meeting 2 now, because dialogue meeting 2 does not apply to this absence.',
    },
    stateText: { nb: 'Ikke aktuelt nå.', en: 'Not relevant now.' },
  };
}

function stateOf(
  m: Milestone,
  caseStart: IsoDate,
  records: MilestoneRecords,
  today: DayNumber,
): MilestoneState {
  const dueDay = m.due === null ? null : parseIsoDate(m.due);
  const daysLeft = dueDay === null ? null : dueDay - today;
  const base = {
    key: m.key,
    ...(m.from === undefined ? {} : { from: m.from }),
    due: m.due,
    status: m.status,
    daysLeft,
    reminders: m.reminders,
    legalBasis: m.legalBasis,
    explanation: m.explanation,
  };
  const done = latestFor(records.done, m.key, caseStart, (r) => r.doneAt);
  if (done !== undefined) {
    const at = parseIsoDate(done.doneAt);
    const when = at === null ? { nb: done.doneAt, en: done.doneAt } : { nb: nb(at), en: en(at) };
    return {
      ...base,
      state: 'done',
      done,
      stateText: {
        nb: `Utført ${when.nb} av ${done.doneBy.displayName}.`,
        en: `Done on ${when.en} by ${done.doneBy.displayName}.`,
      },
    };
  }
  const exception = isExemptable(m.key)
    ? latestFor(records.exceptions, m.key, caseStart, (r) => r.decidedAt)
    : undefined;
  if (exception !== undefined && (m.status === 'required' || m.status === 'conditional')) {
    const at = parseIsoDate(exception.decidedAt);
    const when =
      at === null ? { nb: exception.decidedAt, en: exception.decidedAt } : { nb: nb(at), en: en(at) };
    return {
      ...base,
      state: 'exempted',
      exception,
      stateText: {
        nb: `Åpenbart unødvendig, vurdert ${when.nb} av ${exception.decidedBy.displayName}: ${exception.reason}`,
        en: `Obviously unnecessary, decided on ${when.en} by ${exception.decidedBy.displayName}: ${exception.reason}`,
      },
    };
  }
  if (m.status === 'not-required') {
    return { ...base, state: 'not-required', stateText: { nb: 'Ikke påkrevd nå.', en: 'Not required now.' } };
  }
  if (m.status === 'informational' || m.status === 'met-graded' || dueDay === null || daysLeft === null) {
    return { ...base, state: 'informational', stateText: { nb: 'Til orientering.', en: 'For information.' } };
  }
  const span = daysText(daysLeft);
  if (daysLeft < 0) {
    return {
      ...base,
      state: 'overdue',
      stateText: {
        nb: `Fristen gikk ut ${nb(dueDay)}, for ${span.nb} siden.`,
        en: `The deadline was ${en(dueDay)}, ${span.en} ago.`,
      },
    };
  }
  const text =
    daysLeft === 0
      ? { nb: `Fristen er i dag, ${nb(dueDay)}.`, en: `The deadline is today, ${en(dueDay)}.` }
      : {
          nb: `Fristen er ${nb(dueDay)}, om ${span.nb}.`,
          en: `The deadline is ${en(dueDay)}, in ${span.en}.`,
        };
  return { ...base, state: daysLeft <= SNART_FRIST_DAGER ? 'due-soon' : 'upcoming', stateText: text };
}
