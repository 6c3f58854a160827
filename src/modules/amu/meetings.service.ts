/**
 * AMU meetings: the plan (FOLM § 3-16: normally four a year), the minutes with decisions and
 * actions (FOLM § 3-16: minutes are written; aml § 7-2 (5): a decision may give the employer a
 * measure with a deadline), and their approval and publication to the employees (FOLM § 2-3 e).
 * Every write runs in one transaction with its audit row; a stale version is refused (409).
 */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type {
  Decision,
  MeetingSchema,
  MeetingSummary,
  MinutesSchema,
} from '../../contracts/amu/amu.schemas.ts';
import type { Db } from '../../db/schema.ts';
import { canEditAmu, canReadAllAmu, defaultMeetingDates, demandDateProblem } from '../../domain/amu/index.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { badRequest, conflict, notFound, staleVersion } from '../../platform/errors.ts';
import { meetingAgenda } from './agenda.ts';
import type { AmuMeetingTable } from './amu.tables.ts';

type MeetingRow = Selectable<AmuMeetingTable>;
type MeetingView = z.input<typeof MeetingSchema>;

const DEFAULT_TITLE = 'AMU-møte';

export const meetingNotFound = () => notFound({ nb: 'Fant ikke møtet.', en: 'Meeting not found.' });

const yearOf = (date: IsoDate) => Number(date.slice(0, 4));

function toSummary(row: MeetingRow, decisions: number): MeetingSummary {
  return {
    id: row.id,
    date: row.meeting_date,
    title: row.title,
    kind: row.kind,
    status: row.status,
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
    decisions,
  };
}

/** The meetings the actor may see: every one for the committee and HR/admin/BHT; published ones for the rest. */
export async function listMeetings(db: Db, actor: Actor): Promise<MeetingSummary[]> {
  let query = db
    .selectFrom('amu_meeting as m')
    .selectAll('m')
    .select((eb) =>
      eb
        .selectFrom('amu_decision as d')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('d.organisation_id', '=', 'm.organisation_id')
        .whereRef('d.meeting_id', '=', 'm.id')
        .as('decision_count'),
    )
    .where('m.organisation_id', '=', actor.organisationId);
  if (!canReadAllAmu(actor.roles)) query = query.where('m.status', '=', 'publisert');
  const rows = await query.orderBy('m.meeting_date', 'desc').orderBy('m.created_at', 'desc').execute();
  return rows.map((r) => toSummary(r, Number(r.decision_count ?? 0)));
}

async function findMeeting(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('amu_meeting')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A meeting the actor may see, or 404 (another organisation's, or unpublished for an employee). */
async function visibleMeeting(db: Db, actor: Actor, id: string): Promise<MeetingRow> {
  const row = await findMeeting(db, actor.organisationId, id);
  if (!row || (!canReadAllAmu(actor.roles) && row.status !== 'publisert')) throw meetingNotFound();
  return row;
}

export async function meetingView(db: Db, actor: Actor, id: string, today: IsoDate): Promise<MeetingView> {
  const row = await visibleMeeting(db, actor, id);
  const readAll = canReadAllAmu(actor.roles);
  const editor = canEditAmu(actor.roles);
  const [decisions, demand, agenda] = await Promise.all([
    db
      .selectFrom('amu_decision as d')
      .leftJoin('user_account as u', 'u.id', 'd.owner_user_id')
      .select([
        'd.id',
        'd.position',
        'd.text',
        'd.vote',
        'd.owner_user_id',
        'd.due',
        'd.done_at',
        'u.name as owner_name',
      ])
      .where('d.organisation_id', '=', actor.organisationId)
      .where('d.meeting_id', '=', id)
      .orderBy('d.position')
      .execute(),
    db
      .selectFrom('amu_demand')
      .select(['reason', 'deadline'])
      .where('organisation_id', '=', actor.organisationId)
      .where('meeting_id', '=', id)
      .executeTakeFirst(),
    readAll ? meetingAgenda(db, actor.organisationId, row.meeting_date, today) : Promise.resolve(null),
  ]);
  const decisionList: Decision[] = decisions.map((d) => ({
    id: d.id,
    position: d.position,
    text: d.text,
    vote: d.vote,
    action:
      d.owner_user_id !== null && d.due !== null
        ? {
            ownerUserId: d.owner_user_id,
            ownerName: d.owner_name ?? '',
            due: d.due,
            doneAt: d.done_at ? d.done_at.toISOString() : null,
            canMarkDone:
              row.status === 'publisert' &&
              d.done_at === null &&
              (editor || d.owner_user_id === actor.userId),
          }
        : null,
  }));
  return {
    ...toSummary(row, decisions.length),
    version: row.version,
    heldOn: row.held_on,
    attendees: row.attendees,
    notes: row.notes,
    decisionList,
    publishedBy: row.published_by_name,
    agenda,
    // A demanded meeting's reason is the committee's business; employees see the minutes.
    demand:
      demand && readAll && demand.deadline ? { reason: demand.reason, deadline: demand.deadline } : null,
    canEdit: editor && row.status !== 'publisert',
  };
}

export async function planMeeting(
  outer: Db,
  actor: Actor,
  body: { date: IsoDate; title: string },
): Promise<string> {
  return inTransaction(outer, async (db) => {
    const row = await db
      .insertInto('amu_meeting')
      .values({
        organisation_id: actor.organisationId,
        year: yearOf(body.date),
        occurrence: null,
        meeting_date: body.date,
        title: body.title || DEFAULT_TITLE,
        kind: 'ordinaer',
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(db, actor, { action: 'create', entityType: 'amu_meeting', entityId: row.id });
    return row.id;
  });
}

/** Plans the year's four default meetings (FOLM § 3-16); those already planned stay as they are. */
export async function planYear(outer: Db, actor: Actor, year: number): Promise<number> {
  return inTransaction(outer, async (db) => {
    let created = 0;
    for (const { occurrence, date } of defaultMeetingDates(year)) {
      const row = await db
        .insertInto('amu_meeting')
        .values({
          organisation_id: actor.organisationId,
          year,
          occurrence,
          meeting_date: date,
          title: DEFAULT_TITLE,
          kind: 'ordinaer',
          created_by: actor.userId,
        })
        .onConflict((oc) => oc.columns(['organisation_id', 'year', 'occurrence']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) {
        created++;
        await writeAudit(db, actor, {
          action: 'create',
          entityType: 'amu_meeting',
          entityId: row.id,
          detail: { occurrence },
        });
      }
    }
    return created;
  });
}

/**
 * Moves or renames a meeting until its minutes are published (FOLM § 3-16: the committee decides when
 * it meets; the default dates are only a plan). A demanded meeting stays within its deadline.
 */
export async function updateMeeting(
  outer: Db,
  actor: Actor,
  id: string,
  body: { version: number; date: IsoDate; title: string },
): Promise<void> {
  await inTransaction(outer, async (db) => {
    const row = await db
      .selectFrom('amu_meeting')
      .select(['status', 'version', 'kind', 'year', 'title'])
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw meetingNotFound();
    if (row.status === 'publisert') {
      throw conflict(
        {
          nb: 'Referatet er publisert; møtet kan ikke flyttes.',
          en: 'The minutes are published; the meeting cannot be moved.',
        },
        'WRONG_STATE',
      );
    }
    if (row.version !== body.version) throw staleVersion();
    if (row.kind === 'krav') {
      const demand = await db
        .selectFrom('amu_demand')
        .select('supported_on')
        .where('organisation_id', '=', actor.organisationId)
        .where('meeting_id', '=', id)
        .executeTakeFirst();
      const problem = demand?.supported_on ? demandDateProblem(body.date, demand.supported_on) : null;
      if (problem) {
        throw badRequest({ nb: 'Velg en annen dato.', en: 'Choose another date.' }, [
          { path: 'date', message: problem },
        ]);
      }
    }
    const year = yearOf(body.date);
    await db
      .updateTable('amu_meeting')
      .set({
        meeting_date: body.date,
        year,
        // Moved into another year, it is no longer that year's planned occurrence.
        ...(year === row.year ? {} : { occurrence: null }),
        title: body.title || row.title,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .execute();
    await writeAudit(db, actor, {
      action: 'update',
      entityType: 'amu_meeting',
      entityId: id,
      detail: { date: body.date },
    });
  });
}

type MinutesBody = z.output<typeof MinutesSchema>;

const fieldError = (path: string, nb: string, en: string) =>
  badRequest({ nb: 'Referatet kan ikke lagres.', en: 'The minutes cannot be saved.' }, [
    { path, message: { nb, en } },
  ]);

/** Saves the minutes (a draft until approved): the decisions replace those before, keeping ids. */
export async function saveMinutes(
  outer: Db,
  actor: Actor,
  id: string,
  body: MinutesBody,
  today: IsoDate,
): Promise<void> {
  if (body.heldOn > today) {
    throw fieldError(
      'heldOn',
      'Møtet kan ikke være holdt i fremtiden.',
      'The meeting cannot have been held in the future.',
    );
  }
  const owners = [...new Set(body.decisions.flatMap((d) => (d.action ? [d.action.ownerUserId] : [])))];
  await inTransaction(outer, async (db) => {
    const row = await db
      .selectFrom('amu_meeting')
      .selectAll()
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw meetingNotFound();
    if (row.status === 'publisert') {
      throw conflict(
        {
          nb: 'Referatet er godkjent og publisert, og kan ikke endres.',
          en: 'The minutes are approved and published, and cannot be changed.',
        },
        'WRONG_STATE',
      );
    }
    if (row.version !== body.version) throw staleVersion();
    const known =
      owners.length === 0
        ? []
        : await db
            .selectFrom('membership as m')
            .innerJoin('user_account as u', 'u.id', 'm.user_id')
            .select('m.user_id')
            .where('m.organisation_id', '=', actor.organisationId)
            .where('m.user_id', 'in', owners)
            .where('u.disabled_at', 'is', null)
            .execute();
    const knownIds = new Set(known.map((k) => k.user_id));
    const existing = await db
      .selectFrom('amu_decision')
      .select(['id', 'owner_user_id', 'due'])
      .where('organisation_id', '=', actor.organisationId)
      .where('meeting_id', '=', id)
      .execute();
    const existingIds = new Set(existing.map((e) => e.id));
    body.decisions.forEach((d, i) => {
      if (d.action && !knownIds.has(d.action.ownerUserId)) {
        throw fieldError(
          `decisions.${i}.action.ownerUserId`,
          'Velg en bruker i virksomheten.',
          'Choose a user of the organisation.',
        );
      }
      if (d.id !== undefined && !existingIds.has(d.id)) {
        throw fieldError(
          `decisions.${i}.id`,
          'Vedtaket hører ikke til dette møtet.',
          'The decision does not belong to this meeting.',
        );
      }
    });
    const kept = new Set(body.decisions.flatMap((d) => (d.id ? [d.id] : [])));
    const removed = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
    if (removed.length > 0) {
      await db
        .deleteFrom('amu_decision')
        .where('organisation_id', '=', actor.organisationId)
        .where('id', 'in', removed)
        .execute();
    }
    for (const [i, d] of body.decisions.entries()) {
      const values = {
        position: i + 1,
        text: d.text,
        vote: d.vote,
        owner_user_id: d.action?.ownerUserId ?? null,
        due: d.action?.due ?? null,
      };
      if (d.id) {
        await db
          .updateTable('amu_decision')
          .set(values)
          .where('organisation_id', '=', actor.organisationId)
          .where('id', '=', d.id)
          .execute();
      } else {
        await db
          .insertInto('amu_decision')
          .values({ ...values, organisation_id: actor.organisationId, meeting_id: id })
          .execute();
      }
    }
    await db
      .updateTable('amu_meeting')
      .set({
        status: 'utkast',
        held_on: body.heldOn,
        attendees: body.attendees,
        notes: body.notes,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .execute();
    await writeAudit(db, actor, {
      action: 'update',
      entityType: 'amu_meeting',
      entityId: id,
      detail: { minutes: true, decisions: body.decisions.length, removed: removed.length },
    });
  });
}

/** Approves the minutes and publishes them to everyone in the organisation (FOLM § 2-3 e). */
export async function publishMinutes(outer: Db, actor: Actor, id: string, version: number): Promise<void> {
  await inTransaction(outer, async (db) => {
    const row = await db
      .selectFrom('amu_meeting')
      .select(['status', 'version'])
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw meetingNotFound();
    if (row.version !== version) throw staleVersion();
    if (row.status !== 'utkast') {
      throw conflict(
        row.status === 'publisert'
          ? { nb: 'Referatet er allerede publisert.', en: 'The minutes are already published.' }
          : { nb: 'Skriv referatet før det godkjennes.', en: 'Write the minutes before approving them.' },
        'WRONG_STATE',
      );
    }
    await db
      .updateTable('amu_meeting')
      .set({
        status: 'publisert',
        published_at: new Date(),
        published_by: actor.userId,
        published_by_name: actor.name,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .execute();
    await writeAudit(db, actor, {
      action: 'update',
      entityType: 'amu_meeting',
      entityId: id,
      detail: { published: true },
    });
  });
}

/** Marks an action done: by its owner or an editor, once the minutes are published. */
export async function markActionDone(
  outer: Db,
  actor: Actor,
  decisionId: string,
  note: string,
): Promise<void> {
  const notFoundAction = () => notFound({ nb: 'Fant ikke tiltaket.', en: 'Action not found.' });
  await inTransaction(outer, async (db) => {
    const row = await db
      .selectFrom('amu_decision as d')
      .innerJoin('amu_meeting as m', (j) =>
        j.onRef('m.organisation_id', '=', 'd.organisation_id').onRef('m.id', '=', 'd.meeting_id'),
      )
      .select(['d.owner_user_id', 'd.done_at', 'm.status'])
      .where('d.organisation_id', '=', actor.organisationId)
      .where('d.id', '=', decisionId)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.owner_user_id === null || row.status !== 'publisert') throw notFoundAction();
    if (!canEditAmu(actor.roles) && row.owner_user_id !== actor.userId) throw notFoundAction();
    if (row.done_at !== null) {
      throw conflict({ nb: 'Tiltaket er allerede gjort.', en: 'The action is already done.' }, 'WRONG_STATE');
    }
    await db
      .updateTable('amu_decision')
      .set({ done_at: new Date(), done_by: actor.userId, done_note: note })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', decisionId)
      .execute();
    await writeAudit(db, actor, {
      action: 'update',
      entityType: 'amu_decision',
      entityId: decisionId,
      detail: { done: true },
    });
  });
}

/** The people an action can be given to: the organisation's active users. */
export async function ownerCandidates(db: Db, organisationId: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('user_account as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name'])
    .where('m.organisation_id', '=', organisationId)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}
