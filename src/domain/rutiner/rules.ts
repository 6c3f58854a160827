/**
 * Which routines apply to whom, and when a routine is due for review. Pure; `today` is a parameter.
 *
 * IK-f § 5 no. 2: employees shall have sufficient knowledge of the systematic HMS work — so each
 * employee confirms the routines that apply to them, and a new version asks for a new confirmation.
 * A routine applies to the whole organisation, or to some units: an employee is covered when their
 * unit or any unit above it is listed (a routine for «Helse og omsorg» covers «Hjemmetjenesten»).
 */
import { addDays, type IsoDate } from '../calendar/index.ts';
import { type ReadState, type ReviewState, ROUTINE_REVIEW_NOTICE_DAYS } from './types.ts';

export type UnitLink = { id: string; parentId: string | null };

/** The unit itself and every unit above it, nearest first (a broken or cyclic tree stops early). */
export function unitAndAncestors(units: readonly UnitLink[], unitId: string): string[] {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const chain: string[] = [];
  let current: string | null | undefined = unitId;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = parent.get(current);
  }
  return chain;
}

/** The listed units and every unit below them: the units whose employees a routine covers. */
export function coveredUnits(units: readonly UnitLink[], listed: readonly string[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const siblings = children.get(u.parentId) ?? [];
    siblings.push(u.id);
    children.set(u.parentId, siblings);
  }
  const covered = new Set<string>();
  const queue = [...listed];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (covered.has(id)) continue;
    covered.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  return covered;
}

export type RoutineScope = { appliesToAll: boolean; unitIds: readonly string[] };

/** Does the routine apply to an employee of this unit? */
export function routineAppliesTo(routine: RoutineScope, unitId: string, units: readonly UnitLink[]): boolean {
  if (routine.appliesToAll) return true;
  const listed = new Set(routine.unitIds);
  return unitAndAncestors(units, unitId).some((id) => listed.has(id));
}

/**
 * The review state of a routine. The review interval is anbefalt, not law: IK-f § 5 no. 8 asks for
 * systematic review of the internkontroll without an interval; the product reminds before the date.
 */
export function reviewState(reviewDue: IsoDate, today: IsoDate): ReviewState {
  if (reviewDue < today) return 'overdue';
  if (reviewDue <= addDays(today, ROUTINE_REVIEW_NOTICE_DAYS)) return 'due-soon';
  return 'ok';
}

/** The days the owner is reminded on: 14 days before the review date, and on it. */
export function reviewReminderDates(reviewDue: IsoDate): IsoDate[] {
  return [addDays(reviewDue, -ROUTINE_REVIEW_NOTICE_DAYS), reviewDue];
}

/** An employee's state for a routine, from the highest version they confirmed (null: none). */
export function readState(currentVersion: number, confirmedVersion: number | null): ReadState {
  if (confirmedVersion === null) return 'unconfirmed';
  return confirmedVersion >= currentVersion ? 'confirmed' : 'new-version';
}

/** Unread first (never confirmed, then new versions), then by title — the order of «Mine rutiner». */
export function byReadState<T extends { state: ReadState; title: string }>(a: T, b: T): number {
  const rank: Record<ReadState, number> = { unconfirmed: 0, 'new-version': 1, confirmed: 2 };
  return rank[a.state] - rank[b.state] || a.title.localeCompare(b.title, 'nb');
}
