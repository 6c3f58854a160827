/**
 * «Krav om møte» (FOLM § 3-16: the committee must meet when at least two members demand it). A
 * member makes the demand with what it is about; a second member backs it and picks the date — a
 * meeting is then planned within 14 days (product default, «anbefalt») and reminded to the committee.
 */
import type { Demand } from '../../contracts/amu/amu.schemas.ts';
import type { Db } from '../../db/schema.ts';
import { canReadAllAmu, demandDateProblem, demandDeadline, demandIsBacked } from '../../domain/amu/index.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';

const DEMAND_MEETING_TITLE = 'Møte etter krav fra medlemmer';

export async function listDemands(db: Db, actor: Actor): Promise<Demand[]> {
  if (!canReadAllAmu(actor.roles)) return [];
  const rows = await db
    .selectFrom('amu_demand')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .orderBy('demanded_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  const member = actor.roles.includes('amu');
  return rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    demandedOn: r.demanded_on,
    demandedBy: r.demanded_by_name,
    supportedBy: r.supported_by_name,
    supportedOn: r.supported_on,
    deadline: r.deadline,
    meetingId: r.meeting_id,
    canSupport: member && r.supported_by === null && r.demanded_by !== actor.userId,
  }));
}

export async function createDemand(outer: Db, actor: Actor, reason: string, today: IsoDate): Promise<string> {
  return inTransaction(outer, async (db) => {
    const row = await db
      .insertInto('amu_demand')
      .values({
        organisation_id: actor.organisationId,
        reason,
        demanded_on: today,
        demanded_by: actor.userId,
        demanded_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(db, actor, { action: 'create', entityType: 'amu_demand', entityId: row.id });
    return row.id;
  });
}

/** The second member backs the demand: the meeting is planned on `date`, within the deadline. */
export async function supportDemand(
  outer: Db,
  actor: Actor,
  id: string,
  date: IsoDate,
  today: IsoDate,
): Promise<{ meetingId: string; deadline: IsoDate }> {
  const problem = demandDateProblem(date, today);
  if (problem) {
    throw badRequest({ nb: 'Velg en annen dato.', en: 'Choose another date.' }, [
      { path: 'date', message: problem },
    ]);
  }
  return inTransaction(outer, async (db) => {
    const demand = await db
      .selectFrom('amu_demand')
      .selectAll()
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!demand) throw notFound({ nb: 'Fant ikke kravet.', en: 'Demand not found.' });
    if (!demandIsBacked([demand.demanded_by, actor.userId])) {
      throw conflict(
        {
          nb: 'Et krav om møte må støttes av et annet medlem enn den som fremmet det (FOLM § 3-16).',
          en: 'A demand for a meeting must be backed by another member than the one who made it (FOLM § 3-16).',
        },
        'WRONG_STATE',
      );
    }
    if (demand.supported_by !== null) {
      throw conflict(
        { nb: 'Kravet er allerede støttet.', en: 'The demand is already backed.' },
        'WRONG_STATE',
      );
    }
    const deadline = demandDeadline(today);
    const meeting = await db
      .insertInto('amu_meeting')
      .values({
        organisation_id: actor.organisationId,
        year: Number(date.slice(0, 4)),
        occurrence: null,
        meeting_date: date,
        title: DEMAND_MEETING_TITLE,
        kind: 'krav',
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('amu_demand')
      .set({
        supported_by: actor.userId,
        supported_by_name: actor.name,
        supported_on: today,
        deadline,
        meeting_id: meeting.id,
      })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .execute();
    await writeAudit(db, actor, {
      action: 'update',
      entityType: 'amu_demand',
      entityId: id,
      detail: { supported: true },
    });
    await writeAudit(db, actor, {
      action: 'create',
      entityType: 'amu_meeting',
      entityId: meeting.id,
      detail: { demandId: id, deadline },
    });
    return { meetingId: meeting.id, deadline };
  });
}
