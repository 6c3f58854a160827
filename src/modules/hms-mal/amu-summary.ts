/**
 * The HMS goals and the handlingsplan of a year as the AMU follows them (FOLM § 2-3 a: the
 * committee takes part in the handlingsplan): counts only. Read-only.
 */
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';

export type HandlingsplanSummary = {
  goals: number;
  goalsAchieved: number;
  /** Measures due in the year (with or without a goal). */
  measures: number;
  measuresDone: number;
  /** Open measures whose due date is before `today`. */
  measuresOverdue: number;
};

export async function handlingsplanSummary(
  db: Db,
  organisationId: string,
  year: number,
  today: IsoDate,
): Promise<HandlingsplanSummary> {
  const [goals, measures] = await Promise.all([
    db
      .selectFrom('hms_goal')
      .select('status')
      .where('organisation_id', '=', organisationId)
      .where('year', '=', year)
      .execute(),
    db
      .selectFrom('hms_measure')
      .select(['due', 'done_at'])
      .where('organisation_id', '=', organisationId)
      .where('due', '>=', `${year}-01-01`)
      .where('due', '<=', `${year}-12-31`)
      .execute(),
  ]);
  return {
    goals: goals.length,
    goalsAchieved: goals.filter((g) => g.status === 'nadd').length,
    measures: measures.length,
    measuresDone: measures.filter((m) => m.done_at !== null).length,
    measuresOverdue: measures.filter((m) => m.done_at === null && m.due < today).length,
  };
}
