import type { Transaction } from 'kysely';
import {
  type MeetingDto,
  type MeetingInput,
  OPTIONAL_ROLES,
} from '../../contracts/dokumenter/dialogmote.schemas.ts';
import type { Database } from '../../db/schema.ts';
import { dateToOsloLocal, osloLocalToDate } from '../../domain/calendar/oslo-time.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, staleVersion } from '../../platform/errors.ts';
import { fieldsError } from '../../platform/validation.ts';
import type { CaseEmployee } from '../sykefravaer/index.ts';
import {
  currentPlan,
  findCaseEmployee,
  inferOwnerKind,
  loadFollowup,
  markMilestoneDone,
  replaceDocumentActions,
} from '../sykefravaer/index.ts';
import {
  type Action,
  ENTITY,
  findMeeting,
  isInvited,
  loadParticipants,
  type MeetingRow,
  meetingNotFound,
  type ParticipantRow,
  toDtos,
} from './dialogmote.read.ts';
import { notifyConsentAnswered, notifyMeeting, notifyMinutes, TASKS_FULFILLED } from './hand-over.ts';
import type { Ctx, Via } from './oppfolgingsplan.service.ts';

// ---------------------------------------------------------------- writing

function consentErrors(input: MeetingInput, existing: ParticipantRow[]) {
  const errors = [];
  for (const [i, p] of input.participants.entries()) {
    if (!OPTIONAL_ROLES.includes(p.role)) continue;
    const known = p.id ? existing.find((e) => e.id === p.id && e.role === p.role) : undefined;
    if (p.consent === undefined && !known) {
      errors.push({
        path: `participants.${i}.consent`,
        message: {
          nb: 'Arbeidstakeren bestemmer hvem som blir med: registrer samtykket («given») eller be arbeidstakeren svare («ask-employee»).',
          en: 'The employee decides who joins: record their consent ("given") or ask the employee ("ask-employee").',
        },
      });
    }
  }
  for (const [i, p] of input.participants.entries()) {
    if (p.id && !existing.some((e) => e.id === p.id)) {
      errors.push({
        path: `participants.${i}.id`,
        message: { nb: 'Ukjent deltaker.', en: 'Unknown participant.' },
      });
    }
  }
  if (errors.length > 0) throw fieldsError(errors);
}

async function writeParticipants(
  trx: Transaction<Database>,
  ctx: Ctx,
  meetingId: string,
  input: MeetingInput,
  existing: ParticipantRow[],
) {
  const org = ctx.actor.organisationId;
  const keep = input.participants.map((p) => p.id).filter((x): x is string => x !== undefined);
  const gone = existing.filter((e) => !keep.includes(e.id)).map((e) => e.id);
  if (gone.length > 0) {
    await trx
      .deleteFrom('dialogmote_participant')
      .where('organisation_id', '=', org)
      .where('id', 'in', gone)
      .execute();
  }
  const now = new Date();
  for (const [position, p] of input.participants.entries()) {
    const optional = OPTIONAL_ROLES.includes(p.role);
    const consent =
      !optional || p.consent === undefined
        ? {}
        : p.consent === 'given'
          ? { employee_consent: true, consent_by: ctx.actor.userId, consent_at: now }
          : { employee_consent: null, consent_by: null, consent_at: null };
    const values = { role: p.role, name: p.name, email: p.email ?? null, position, ...consent };
    if (p.id) {
      await trx
        .updateTable('dialogmote_participant')
        .set(values)
        .where('organisation_id', '=', org)
        .where('id', '=', p.id)
        .execute();
    } else {
      await trx
        .insertInto('dialogmote_participant')
        .values({ organisation_id: org, meeting_id: meetingId, ...values })
        .execute();
    }
  }
}

function place(input: MeetingInput) {
  const placeText = input.place?.trim() ? input.place.trim() : null;
  const video = input.videoLink ?? null;
  if (placeText === null && video === null) {
    throw fieldsError([
      {
        path: 'place',
        message: { nb: 'Skriv inn sted eller videolenke.', en: 'Enter a place or a video link.' },
      },
    ]);
  }
  return { place: placeText, video_link: video };
}

const meetingRefOf = (row: MeetingRow, employee: CaseEmployee) => ({
  organisationId: row.organisation_id,
  employeeId: row.employee_id,
  caseStart: row.case_start,
  meetingId: row.id,
  leaderId: employee.leaderId,
});

/** The participants who get the invitation (the optional ones only with the employee's consent). */
async function invitedParticipants(trx: Transaction<Database>, row: MeetingRow) {
  return (await loadParticipants(trx, row.organisation_id, [row.id])).filter(isInvited);
}

export async function createMeeting(ctx: Ctx, employeeId: string, input: MeetingInput) {
  const { db, actor } = ctx;
  consentErrors(input, []);
  const where = place(input);
  return db.transaction().execute(async (trx) => {
    const employee = await findCaseEmployee(trx, actor, employeeId, 'employer');
    const caseStart = (await currentPlan(trx, actor.organisationId, employee)).followUp?.caseStart;
    if (caseStart === undefined) {
      throw fieldsError([
        {
          path: 'employeeId',
          message: {
            nb: 'Den ansatte har ikke noe sykefravær nå.',
            en: 'The employee has no current sick-leave case.',
          },
        },
      ]);
    }
    const row = await trx
      .insertInto('dialogmote')
      .values({
        organisation_id: actor.organisationId,
        employee_id: employee.id,
        case_start: caseStart,
        starts_at: osloLocalToDate(input.startsAt),
        duration_minutes: input.durationMinutes,
        ...where,
        status: 'planlagt',
        version: 1,
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeParticipants(trx, ctx, row.id, input, []);
    await notifyMeeting(
      trx,
      actor,
      {
        ...meetingRefOf(row, employee),
        event: 'innkalling',
        version: row.version,
        localStart: input.startsAt,
      },
      await invitedParticipants(trx, row),
    );
    await writeAudit(trx, actor, { action: 'create', entityType: ENTITY, entityId: row.id });
    return (await toDtos(trx, [row], employee.name, ctx.locale))[0] as MeetingDto;
  });
}

/** The frame of every meeting write: scope (404), the row (404), the version claim (409), audit. */
async function writeMeeting(
  ctx: Ctx,
  employeeId: string,
  id: string,
  version: number,
  via: Via,
  change: (
    trx: Transaction<Database>,
    row: MeetingRow,
    employee: CaseEmployee,
  ) => Promise<{ set: object; record: string }>,
): Promise<MeetingDto> {
  const { db, actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const employee = await findCaseEmployee(trx, actor, employeeId, via);
    const current = await findMeeting(trx, actor.organisationId, employee.id, id, true);
    if (current.version !== version) throw staleVersion();
    const { set, record } = await change(trx, current, employee);
    const updated = await trx
      .updateTable('dialogmote')
      .set({ ...set, version: version + 1, updated_by: actor.userId, updated_at: new Date() })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw staleVersion();
    await writeAudit(trx, actor, { action: 'update', entityType: ENTITY, entityId: id, detail: { record } });
    return (await toDtos(trx, [updated], employee.name, ctx.locale))[0] as MeetingDto;
  });
}

const notPlanned = () =>
  new AppError('WRONG_STATE', {
    nb: 'Møtet er gjennomført eller avlyst og kan ikke endres.',
    en: 'The meeting has been held or cancelled and cannot be changed.',
  });

export function updateMeeting(
  ctx: Ctx,
  employeeId: string,
  id: string,
  input: MeetingInput & { version: number },
) {
  const where = place(input);
  return writeMeeting(ctx, employeeId, id, input.version, 'employer', async (trx, row, employee) => {
    if (row.status !== 'planlagt') throw notPlanned();
    const existing = await loadParticipants(trx, ctx.actor.organisationId, [id]);
    consentErrors(input, existing);
    await writeParticipants(trx, ctx, id, input, existing);
    await notifyMeeting(
      trx,
      ctx.actor,
      {
        ...meetingRefOf(row, employee),
        event: 'endret',
        version: row.version + 1,
        localStart: input.startsAt,
      },
      await invitedParticipants(trx, row),
    );
    return {
      set: { starts_at: osloLocalToDate(input.startsAt), duration_minutes: input.durationMinutes, ...where },
      record: 'planned',
    };
  });
}

export function cancelMeeting(ctx: Ctx, employeeId: string, id: string, version: number) {
  return writeMeeting(ctx, employeeId, id, version, 'employer', async (trx, row, employee) => {
    if (row.status !== 'planlagt') throw notPlanned();
    await notifyMeeting(
      trx,
      ctx.actor,
      {
        ...meetingRefOf(row, employee),
        event: 'avlyst',
        version: row.version + 1,
        localStart: dateToOsloLocal(row.starts_at),
      },
      await invitedParticipants(trx, row),
    );
    return { set: { status: 'avlyst' }, record: 'cancelled' };
  });
}

/** The employee agrees (or not) that an optional participant joins. */
export function giveConsent(
  ctx: Ctx,
  id: string,
  participantId: string,
  input: { consent: boolean; version: number },
) {
  const own = ctx.actor.employeeId;
  if (own === null) throw meetingNotFound();
  return writeMeeting(ctx, own, id, input.version, 'self', async (trx, row, employee) => {
    const p = (await loadParticipants(trx, ctx.actor.organisationId, [id])).find(
      (x) => x.id === participantId,
    );
    if (!p || !OPTIONAL_ROLES.includes(p.role)) {
      throw notFound({ nb: 'Fant ikke deltakeren.', en: 'Participant not found.' });
    }
    await trx
      .updateTable('dialogmote_participant')
      .set({ employee_consent: input.consent, consent_by: ctx.actor.userId, consent_at: new Date() })
      .where('organisation_id', '=', ctx.actor.organisationId)
      .where('id', '=', participantId)
      .execute();
    await notifyConsentAnswered(trx, ctx.actor, { ...meetingRefOf(row, employee), version: row.version + 1 });
    return { set: {}, record: input.consent ? 'consent_given' : 'consent_declined' };
  });
}

/**
 * Writes the minutes and marks the meeting held. The first time, the case's `dialogmote1` milestone is
 * marked done with `dialogmote:<id>` as evidence, and the routine task of calling the meeting closed
 * with it (through the sykefravær module, before the meeting write, so a refused milestone write
 * leaves the meeting as it was); the employee and the leader are told the minutes are there.
 */
export async function saveReferat(
  ctx: Ctx,
  employeeId: string,
  id: string,
  input: { summary: string; agreedActions: Action[]; version: number },
) {
  const { db, actor } = ctx;
  const employee = await findCaseEmployee(db, actor, employeeId, 'employer');
  const row = await findMeeting(db, actor.organisationId, employee.id, id);
  if (row.version !== input.version) throw staleVersion();
  if (row.status === 'avlyst') throw notPlanned();
  if (row.status === 'planlagt') {
    for (let attempt = 0; ; attempt++) {
      const version = (await loadFollowup(db, actor.organisationId, employee.id))?.version ?? 0;
      try {
        await markMilestoneDone(ctx, employee.id, 'dialogmote1', {
          caseStart: row.case_start,
          systemNote: { code: 'dialogmote1-held' },
          version,
          evidenceRef: `dialogmote:${id}`,
          closesTasks: { taskIds: TASKS_FULFILLED.dialogmote1Held, note: { code: 'dialogmote1-held' } },
        });
        break;
      } catch (error) {
        if (attempt === 0 && error instanceof AppError && error.code === 'STALE_VERSION') continue;
        throw error;
      }
    }
  }
  const actions = input.agreedActions.map((a) => ({
    what: a.what,
    owner: a.owner,
    ...(a.ownerKind ? { ownerKind: a.ownerKind } : {}),
    deadline: a.deadline ?? null,
  }));
  return writeMeeting(ctx, employeeId, id, input.version, 'employer', async (trx, current, caseEmployee) => {
    // The minutes are published the first time they are written (later saves correct them).
    if (current.status === 'planlagt') await notifyMinutes(trx, actor, meetingRefOf(current, caseEmployee));
    // The agreed actions become tasks (done-state of those that stay is kept).
    await replaceDocumentActions(
      trx,
      {
        organisationId: actor.organisationId,
        employeeId: employee.id,
        caseStart: current.case_start,
        source: 'dialogmote',
        sourceId: current.id,
      },
      actions.map((a) => ({
        what: a.what,
        ownerKind: a.ownerKind ?? inferOwnerKind(a.owner, employee.name),
        owner: a.owner,
        deadline: a.deadline,
      })),
    );
    return {
      set: {
        status: 'gjennomfort',
        referat_summary: input.summary,
        referat_actions: JSON.stringify(actions),
        referat_by: actor.userId,
        referat_at: new Date(),
      },
      record: 'referat',
    };
  });
}
