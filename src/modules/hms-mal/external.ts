/**
 * For other modules: a measure in the handlingsplan from a finding elsewhere (a survey result),
 * owned by a role, with no goal — written in the caller's transaction with its audit row
 * (IK-f § 5 no. 6, aml § 3-1 (2) c: plans and measures with an owner and a due date).
 */
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import type { MeasureOwnerRole } from '../../domain/hms-mal/index.ts';
import type { Actor } from '../../platform/context.ts';
import { createMeasure } from './goals.service.ts';

export async function addPlanMeasure(
  db: Db,
  actor: Actor,
  measure: { text: string; ownerRole: MeasureOwnerRole; due: IsoDate },
  today: IsoDate,
): Promise<{ id: string }> {
  const created = await createMeasure(
    db,
    actor,
    { goalId: null, text: measure.text, ownerUserId: null, ownerRole: measure.ownerRole, due: measure.due },
    today,
  );
  return { id: created.id };
}
