/**
 * Dialogmøte 1 of an employee's current sick-leave case: plan (time, place or video link,
 * participants), the agenda built from the oppfølgingsplan, a calendar invitation per participant,
 * the minutes (which mark the `dialogmote1` milestone done with `dialogmote:<id>` as evidence) and the
 * minutes as a PDF.
 *
 * Access is the case's (`findCaseEmployee`): admin/HR any employee, a leader their own people, the
 * employee through `/me`; others 404. Every read is audited (`read`/`export`, entity `dialogmote`).
 * The employee decides who of the optional participants (tillitsvalgt, verneombud, BHT, sykmelder)
 * joins: one without recorded consent is refused (400), or stored as "ask the employee" and not
 * invited until the employee agrees on their own login. Writes claim the row's `version` (409 stale).
 * Hand-overs notify who must act, in the write's transaction (`hand-over.ts`): the invited
 * participants with a login when the meeting is planned, changed or cancelled; the leader when the
 * employee answers who may join; the employee and the leader when the minutes are first written —
 * which also closes the routine task of calling the meeting, with the meeting as evidence.
 */
import ical from 'ical-generator';
import type { Selectable, Transaction } from 'kysely';
import {
  type MeetingDto,
  type MeetingInput,
  OPTIONAL_ROLES,
} from '../../contracts/dokumenter/dialogmote.schemas.ts';
import type { Database, Db } from '../../db/schema.ts';
import {
  FIELD_LABELS,
  fieldText,
  findHealthWords,
  type PlanContent,
  SECTIONS,
} from '../../domain/dokumenter/oppfolgingsplan.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, staleVersion } from '../../platform/errors.ts';
import { fieldsError } from '../../platform/validation.ts';
import type { ActionOwnerKind, CaseEmployee } from '../sykefravaer/index.ts';
import {
  currentPlan,
  findCaseEmployee,
  inferOwnerKind,
  loadFollowup,
  markMilestoneDone,
  replaceDocumentActions,
} from '../sykefravaer/index.ts';
import { renderReferatPdf } from './dialogmote.pdf.ts';
import type { DialogmoteParticipantTable, DialogmoteTable } from './dialogmote.tables.ts';
import { notifyConsentAnswered, notifyMeeting, notifyMinutes, TASKS_FULFILLED } from './hand-over.ts';
import type { Ctx, Via } from './oppfolgingsplan.service.ts';

type MeetingRow = Selectable<DialogmoteTable>;
type ParticipantRow = Selectable<DialogmoteParticipantTable>;
type Action = {
  what: string;
  owner: string;
  ownerKind?: ActionOwnerKind | undefined;
  deadline?: string | null | undefined;
};

const ENTITY = 'dialogmote';
const TZ = 'Europe/Oslo';
const meetingNotFound = () => notFound({ nb: 'Fant ikke dialogmøtet.', en: 'Dialogue meeting not found.' });

export const ROLE_LABELS: Record<string, { nb: string; en: string }> = {
  leder: { nb: 'Leder', en: 'Leader' },
  ansatt: { nb: 'Arbeidstaker', en: 'Employee' },
  hr: { nb: 'HR', en: 'HR' },
  tillitsvalgt: { nb: 'Tillitsvalgt', en: 'Union representative' },
  verneombud: { nb: 'Verneombud', en: 'Safety representative' },
  bht: { nb: 'Bedriftshelsetjenesten', en: 'Occupational health service' },
  sykmelder: { nb: 'Sykmelder', en: 'Certifying doctor' },
};

// ---------------------------------------------------------------- time in Norway

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TZ,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function osloOffsetMs(utcMs: number): number {
  const p: Record<string, number> = {};
  for (const x of partsFormat.formatToParts(new Date(utcMs))) p[x.type] = Number(x.value);
  const n = (k: string) => p[k] ?? 0;
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** `YYYY-MM-DDTHH:MM` in Norway → the instant. */
export function osloLocalToDate(local: string): Date {
  const [d = '', t = ''] = local.split('T');
  const [y = 0, m = 1, day = 1] = d.split('-').map(Number);
  const [hh = 0, mm = 0] = t.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, day, hh, mm);
  const first = guess - osloOffsetMs(guess);
  return new Date(guess - osloOffsetMs(first));
}

/** The instant as Norwegian local time, `YYYY-MM-DDTHH:MM`. */
export function dateToOsloLocal(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(at)
    .replace(' ', 'T');
}

// ---------------------------------------------------------------- reading helpers

async function names(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('user_account').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const parseActions = (v: unknown): Action[] =>
  ((typeof v === 'string' ? JSON.parse(v) : v) as Action[] | null) ?? [];

const isInvited = (p: ParticipantRow) => !OPTIONAL_ROLES.includes(p.role) || p.employee_consent === true;

async function loadParticipants(db: Db, organisationId: string, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('dialogmote_participant')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('meeting_id', 'in', meetingIds)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

async function toDtos(db: Db, rows: MeetingRow[], employeeName: string, locale: 'nb' | 'en') {
  const org = rows[0]?.organisation_id ?? '';
  const participants = await loadParticipants(
    db,
    org,
    rows.map((r) => r.id),
  );
  const map = await names(db, [
    ...rows.flatMap((r) => [r.created_by, r.referat_by]),
    ...participants.map((p) => p.consent_by),
  ]);
  const ref = (id: string | null) => ({
    userId: id,
    name: (id && map.get(id)) || (locale === 'nb' ? 'Ukjent bruker' : 'Unknown user'),
  });
  return rows.map((row): MeetingDto => {
    const summary = row.referat_summary;
    const actions = parseActions(row.referat_actions);
    const words = summary ? findHealthWords(`${summary}\n${actions.map((a) => a.what).join('\n')}`) : [];
    return {
      id: row.id,
      employeeId: row.employee_id,
      employeeName,
      caseStart: row.case_start,
      startsAt: row.starts_at.toISOString(),
      localStart: dateToOsloLocal(row.starts_at),
      durationMinutes: row.duration_minutes,
      place: row.place,
      videoLink: row.video_link,
      status: row.status,
      participants: participants
        .filter((p) => p.meeting_id === row.id)
        .map((p) => {
          const optional = OPTIONAL_ROLES.includes(p.role);
          return {
            id: p.id,
            role: p.role,
            name: p.name,
            email: p.email,
            optional,
            employeeConsent: optional ? p.employee_consent : true,
            consentBy: optional && p.consent_by ? ref(p.consent_by) : null,
            consentAt: optional && p.consent_at ? p.consent_at.toISOString() : null,
            invited: isInvited(p),
          };
        }),
      referat:
        summary !== null && row.referat_at
          ? { summary, agreedActions: actions, by: ref(row.referat_by), at: row.referat_at.toISOString() }
          : null,
      healthWordWarnings: words.length > 0 ? [{ field: 'summary', words }] : [],
      version: row.version,
      createdBy: ref(row.created_by),
      createdAt: row.created_at.toISOString(),
    };
  });
}

async function findMeeting(db: Db, organisationId: string, employeeId: string, id: string, lock = false) {
  let q = db
    .selectFrom('dialogmote')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', employeeId)
    .where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw meetingNotFound();
  return row;
}

async function readOne(ctx: Ctx, employeeId: string, id: string, via: Via) {
  const employee = await findCaseEmployee(ctx.db, ctx.actor, employeeId, via);
  const row = await findMeeting(ctx.db, ctx.actor.organisationId, employee.id, id);
  return { employee, row };
}

// ---------------------------------------------------------------- reading

/** Every meeting of the employee (newest first) and the current case start; audited as a read. */
export async function listMeetings(ctx: Ctx, employeeId: string, via: Via) {
  const { db, actor } = ctx;
  const employee = await findCaseEmployee(db, actor, employeeId, via);
  const caseStart = (await currentPlan(db, actor.organisationId, employee)).followUp?.caseStart ?? null;
  const rows = await db
    .selectFrom('dialogmote')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('employee_id', '=', employee.id)
    .orderBy('starts_at', 'desc')
    .execute();
  await writeAudit(db, actor, {
    action: 'read',
    entityType: ENTITY,
    entityId: null,
    detail: { employee: employee.id, count: rows.length },
  });
  return { caseStart, items: await toDtos(db, rows, employee.name, ctx.locale) };
}

type AgendaPoint = {
  title: { nb: string; en: string };
  items: { nb: string; en: string }[];
  source: 'plan' | 'fixed';
};

/** The plan's sections with content (labels only) and the fixed points of dialogmøte 1. */
export function buildAgenda(content: PlanContent | null): AgendaPoint[] {
  const points: AgendaPoint[] = [];
  for (const section of SECTIONS) {
    if (!content) break;
    const items = section.fields
      .filter(
        (f) => f !== 'notParticipatedWhy' && f !== 'participated' && fieldText(content, f, 'nb') !== null,
      )
      .map((f) => FIELD_LABELS[f]);
    if (items.length > 0) points.push({ title: section.title, items, source: 'plan' });
  }
  const fixed: [string, string][] = [
    [
      'Status og funksjon: hva arbeidstakeren kan gjøre nå',
      'Status and function: what the employee can do now',
    ],
    ['Tiltak som er prøvd, og hvordan de virket', 'Measures tried, and how they worked'],
    ['Hva som trengs videre (arbeidsgiver, NAV, BHT)', 'What is needed (employer, NAV, occupational health)'],
    ['Neste steg: avtalte tiltak, ansvarlig og frist', 'Next steps: agreed actions, owner and deadline'],
  ];
  for (const [nb, en] of fixed) points.push({ title: { nb, en }, items: [], source: 'fixed' });
  return points;
}

export async function meetingAgenda(ctx: Ctx, employeeId: string, id: string, via: Via) {
  const { db, actor } = ctx;
  const { employee, row } = await readOne(ctx, employeeId, id, via);
  const plan = await db
    .selectFrom('oppfolgingsplan')
    .select('content')
    .where('organisation_id', '=', actor.organisationId)
    .where('employee_id', '=', employee.id)
    .where('case_start', '=', row.case_start)
    .executeTakeFirst();
  const content = plan
    ? ((typeof plan.content === 'string' ? JSON.parse(plan.content) : plan.content) as PlanContent)
    : null;
  await writeAudit(db, actor, {
    action: 'read',
    entityType: ENTITY,
    entityId: id,
    detail: { record: 'agenda' },
  });
  return { meetingId: id, points: buildAgenda(content) };
}

/** The calendar invitation for one participant (no health details: title, time, place, agenda titles). */
export async function meetingInvitation(
  ctx: Ctx,
  employeeId: string,
  id: string,
  participantId: string,
  via: Via,
) {
  const { db, actor } = ctx;
  const { row } = await readOne(ctx, employeeId, id, via);
  const participant = (await loadParticipants(db, actor.organisationId, [id])).find(
    (p) => p.id === participantId,
  );
  if (!participant) throw notFound({ nb: 'Fant ikke deltakeren.', en: 'Participant not found.' });
  if (!isInvited(participant)) {
    throw new AppError('WRONG_STATE', {
      nb: 'Arbeidstakeren har ikke samtykket til at denne deltakeren blir med.',
      en: 'The employee has not agreed to this participant joining.',
    });
  }
  if (row.status === 'avlyst') {
    throw new AppError('WRONG_STATE', { nb: 'Møtet er avlyst.', en: 'The meeting is cancelled.' });
  }
  const org = await db
    .selectFrom('organisation')
    .select('name')
    .where('id', '=', actor.organisationId)
    .executeTakeFirstOrThrow();
  const start = dateToOsloLocal(row.starts_at);
  const end = dateToOsloLocal(new Date(row.starts_at.getTime() + row.duration_minutes * 60_000));
  const agenda = buildAgenda(null).map((p) => `- ${p.title.nb}`);
  const cal = ical({
    name: 'Dialogmøte',
    prodId: { company: 'Nærvær', product: 'naervaer', language: 'NB' },
  });
  cal.createEvent({
    id: `dialogmote-${row.id}-${participant.id}@naervaer`,
    start: `${start}:00`,
    end: `${end}:00`,
    timezone: TZ,
    summary: 'Dialogmøte',
    location: row.video_link ?? row.place ?? undefined,
    ...(row.video_link ? { url: row.video_link } : {}),
    description: [
      `Dialogmøte 1 — ${org.name}.`,
      `Invitasjon til: ${participant.name} (${ROLE_LABELS[participant.role]?.nb ?? participant.role}).`,
      row.video_link ? `Videolenke: ${row.video_link}` : row.place ? `Sted: ${row.place}` : '',
      'Agenda:',
      ...agenda,
    ]
      .filter((l) => l !== '')
      .join('\n'),
    sequence: row.version,
  });
  await writeAudit(db, actor, {
    action: 'export',
    entityType: ENTITY,
    entityId: id,
    detail: { format: 'ics', participant: participant.id },
  });
  return { ics: cal.toString(), filename: `dialogmote-${start.slice(0, 10)}-${participant.role}.ics` };
}

export async function referatPdf(ctx: Ctx, employeeId: string, id: string, via: Via) {
  const { db, actor } = ctx;
  const { employee, row } = await readOne(ctx, employeeId, id, via);
  if (row.referat_summary === null) {
    throw new AppError('WRONG_STATE', {
      nb: 'Møtet har ikke noe referat ennå.',
      en: 'The meeting has no minutes yet.',
    });
  }
  const organisation = await db
    .selectFrom('organisation')
    .select(['name', 'orgnr'])
    .where('id', '=', actor.organisationId)
    .executeTakeFirstOrThrow();
  const participants = await loadParticipants(db, actor.organisationId, [id]);
  const local = dateToOsloLocal(row.starts_at);
  const pdf = await renderReferatPdf({
    organisation,
    employeeName: employee.name,
    date: local.slice(0, 10),
    time: local.slice(11),
    durationMinutes: row.duration_minutes,
    place: row.video_link ? `Video: ${row.video_link}` : (row.place ?? '—'),
    participants: participants
      .filter(isInvited)
      .map((p) => ({ name: p.name, role: ROLE_LABELS[p.role]?.nb ?? p.role })),
    summary: row.referat_summary,
    actions: parseActions(row.referat_actions),
  });
  await writeAudit(db, actor, {
    action: 'export',
    entityType: ENTITY,
    entityId: id,
    detail: { format: 'pdf' },
  });
  return { pdf, filename: `dialogmote-referat-${local.slice(0, 10)}.pdf` };
}

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
          note: 'Dialogmøte 1 er gjennomført; referatet er skrevet.',
          version,
          evidenceRef: `dialogmote:${id}`,
          closesTasks: {
            taskIds: TASKS_FULFILLED.dialogmote1Held,
            note: 'Dialogmøte 1 er gjennomført; referatet er skrevet.',
          },
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
