import { sql } from 'kysely';
import type { IsoDate } from '../../domain/calendar/index.ts';
import {
  caseStatus,
  gradeOn,
  type MilestoneKey,
  milestoneStates,
  recordsFor,
  sickDaysSoFar,
} from '../../domain/sykefravaer/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import { osloToday } from '../../platform/clock.ts';
import { loadCurrentCases } from './current-cases.ts';
import { seesWholeOrganisation, userNames } from './sykefravaer.repository.ts';
import type { Ctx } from './sykefravaer.service.ts';
import { userRefOf } from './view.ts';

// ---------------------------------------------------------------- who opened the case

/** The documents of a case whose reads «Hvem har åpnet saken» shows beside the case's own (audit entity types). */
const CASE_DOCUMENTS = ['oppfolgingsplan', 'samtalereferat', 'dialogmote', 'legebrev'] as const;
type CaseDocument = (typeof CASE_DOCUMENTS)[number];
const isCaseDocument = (t: string): t is CaseDocument => (CASE_DOCUMENTS as readonly string[]).includes(t);

export async function accessLog(
  ctx: Ctx,
  employeeId: string,
  page: { page: number; pageSize: number },
): Promise<{
  items: {
    at: string;
    action: string;
    record: string | null;
    document: CaseDocument | null;
    user: { userId: string | null; name: string };
    roles: string[];
  }[];
  total: number;
  page: number;
  pageSize: number;
}> {
  const { db, actor } = ctx;
  const base = db
    .selectFrom('audit_log')
    .where('organisation_id', '=', actor.organisationId)
    .where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'sick_case'), eb('entity_id', '=', employeeId)]),
        // The case's documents: who read or downloaded the plan, a referat, a dialogmøte or a letter
        // (their audit entries name the employee).
        eb.and([
          eb('entity_type', 'in', CASE_DOCUMENTS),
          eb('action', 'in', ['read', 'export']),
          eb(sql<string>`detail->>'employee'`, '=', employeeId),
        ]),
      ]),
    );
  const rows = await base
    .select(['at', 'action', 'entity_type', 'detail', 'actor_user_id', 'actor_roles'])
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ref = userRefOf(
    await userNames(
      db,
      rows.map((r) => r.actor_user_id),
    ),
    ctx.locale,
  );
  return {
    items: rows.map((r) => {
      const detail = (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as {
        record?: unknown;
      } | null;
      return {
        at: r.at.toISOString(),
        action: r.action,
        record: typeof detail?.record === 'string' ? detail.record : null,
        document: isCaseDocument(r.entity_type) ? r.entity_type : null,
        user: ref(r.actor_user_id),
        roles: r.actor_roles.split(',').filter((x) => x !== ''),
      };
    }),
    total: Number(count.n),
    page: page.page,
    pageSize: page.pageSize,
  };
}

// ---------------------------------------------------------------- the case list

type ListItem = {
  employeeId: string;
  name: string;
  unitId: string;
  unitName: string;
  leaderId: string | null;
  caseStart: IsoDate;
  caseEnd: IsoDate;
  status: 'ongoing' | 'ended';
  sickDays: number;
  /** Sick days up to and including today: the case page's «Sykedager hittil», one definition on both. */
  sickDaysSoFar: number;
  gradeToday: number | null;
  nextMilestone: { key: MilestoneKey; due: IsoDate; state: 'overdue' | 'due-soon' | 'upcoming' } | null;
  overdueCount: number;
};

/**
 * Current and recently ended cases (last day ≥ today − 16): a leader's own people, or for admin/HR
 * the whole organisation (optionally one unit). Sorted by the next due milestone (none last), then
 * name. One audit entry for the list (`read`, `sick_case_list`).
 */
export async function listCases(
  ctx: Ctx,
  query: { unitId?: string | undefined; status?: 'ongoing' | 'ended' | 'overdue' | undefined },
): Promise<{ today: IsoDate; items: ListItem[] }> {
  const { db, actor } = ctx;
  const today = osloToday();
  let leaderId: string | undefined;
  if (!seesWholeOrganisation(actor)) {
    // The route admits admin, hr and leder only; a leader without an employee record leads nobody.
    if (actor.employeeId === null) return { today, items: [] };
    leaderId = actor.employeeId;
  }
  const cases = await loadCurrentCases(db, {
    organisationId: actor.organisationId,
    today,
    leaderId,
    unitId: query.unitId,
  });
  const items: ListItem[] = [];
  for (const c of cases) {
    const states = milestoneStates(c.followUp, recordsFor(c.followUp, c.records), today);
    let next: ListItem['nextMilestone'] = null;
    let overdueCount = 0;
    for (const s of states) {
      if (s.due === null) continue;
      if (s.state !== 'overdue' && s.state !== 'due-soon' && s.state !== 'upcoming') continue;
      if (s.state === 'overdue') overdueCount++;
      if (next === null || s.due < next.due) next = { key: s.key, due: s.due, state: s.state };
    }
    const status = caseStatus(c.followUp.caseEnd, today);
    if (
      query.status === 'overdue' ? overdueCount === 0 : query.status !== undefined && query.status !== status
    ) {
      continue;
    }
    items.push({
      employeeId: c.employee.id,
      name: c.employee.name,
      unitId: c.employee.unitId,
      unitName: c.employee.unitName,
      leaderId: c.employee.leaderId,
      caseStart: c.followUp.caseStart,
      caseEnd: c.followUp.caseEnd,
      status,
      sickDays: c.sickDays,
      sickDaysSoFar: sickDaysSoFar(c.periods, c.followUp.caseStart, today),
      gradeToday: gradeOn(c.periods, today),
      nextMilestone: next,
      overdueCount,
    });
  }
  items.sort((a, b) => {
    const da = a.nextMilestone?.due;
    const dbb = b.nextMilestone?.due;
    if (da !== dbb) {
      if (da === undefined) return 1;
      if (dbb === undefined) return -1;
      return da < dbb ? -1 : 1;
    }
    return a.name.localeCompare(b.name, 'nb') || (a.employeeId < b.employeeId ? -1 : 1);
  });
  await writeAudit(db, actor, {
    action: 'read',
    entityType: 'sick_case_list',
    entityId: null,
    detail: { count: items.length, ...(query.unitId ? { unitId: query.unitId } : {}) },
  });
  return { today, items };
}
