/**
 * Reading dialogmøter: the list, the agenda built from the oppfolgingsplan, the calendar invitation
 * and the minutes as a PDF — each read audited. The writes are in `dialogmote.service.ts`.
 */
import ical from 'ical-generator';
import type { Selectable } from 'kysely';
import { type MeetingDto, OPTIONAL_ROLES } from '../../contracts/dokumenter/dialogmote.schemas.ts';
import type { Db } from '../../db/schema.ts';
import { dateToOsloLocal, OSLO_TZ } from '../../domain/calendar/oslo-time.ts';
import {
  FIELD_LABELS,
  fieldText,
  findHealthWords,
  type PlanContent,
  SECTIONS,
} from '../../domain/dokumenter/oppfolgingsplan.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { ActionOwnerKind } from '../sykefravaer/index.ts';
import { currentPlan, findCaseEmployee } from '../sykefravaer/index.ts';
import { renderReferatPdf } from './dialogmote.pdf.ts';
import type { DialogmoteParticipantTable, DialogmoteTable } from './dialogmote.tables.ts';
import type { Ctx, Via } from './oppfolgingsplan.service.ts';

export type MeetingRow = Selectable<DialogmoteTable>;
export type ParticipantRow = Selectable<DialogmoteParticipantTable>;
export type Action = {
  what: string;
  owner: string;
  ownerKind?: ActionOwnerKind | undefined;
  deadline?: string | null | undefined;
};

export const ENTITY = 'dialogmote';
export const meetingNotFound = () =>
  notFound({ nb: 'Fant ikke dialogmøtet.', en: 'Dialogue meeting not found.' });

export const ROLE_LABELS: Record<string, { nb: string; en: string }> = {
  leder: { nb: 'Leder', en: 'Leader' },
  ansatt: { nb: 'Arbeidstaker', en: 'Employee' },
  hr: { nb: 'HR', en: 'HR' },
  tillitsvalgt: { nb: 'Tillitsvalgt', en: 'Union representative' },
  verneombud: { nb: 'Verneombud', en: 'Safety representative' },
  bht: { nb: 'Bedriftshelsetjenesten', en: 'Occupational health service' },
  sykmelder: { nb: 'Sykmelder', en: 'Certifying doctor' },
};

// ---------------------------------------------------------------- reading helpers

async function names(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('user_account').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const parseActions = (v: unknown): Action[] =>
  ((typeof v === 'string' ? JSON.parse(v) : v) as Action[] | null) ?? [];

export const isInvited = (p: ParticipantRow) =>
  !OPTIONAL_ROLES.includes(p.role) || p.employee_consent === true;

export async function loadParticipants(db: Db, organisationId: string, meetingIds: string[]) {
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

export async function toDtos(db: Db, rows: MeetingRow[], employeeName: string, locale: 'nb' | 'en') {
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

export async function findMeeting(
  db: Db,
  organisationId: string,
  employeeId: string,
  id: string,
  lock = false,
) {
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
    detail: { record: 'agenda', employee: employee.id },
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
  const { employee, row } = await readOne(ctx, employeeId, id, via);
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
    timezone: OSLO_TZ,
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
    detail: { format: 'ics', participant: participant.id, employee: employee.id },
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
    detail: { format: 'pdf', employee: employee.id },
  });
  return { pdf, filename: `dialogmote-referat-${local.slice(0, 10)}.pdf` };
}
