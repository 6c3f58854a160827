/**
 * Kartlegging and risikovurdering (aml § 3-1 (2) c, IK-f § 5 no. 6, FOLM § 7-1): the acceptance
 * criteria, assessments per unit and work task with their participants, risks scored before and
 * after tiltak, tiltak with owner and due date, the VO's comments and disagreement, employees'
 * suggestions, and the review that keeps the old version. Every query is scoped by the actor's
 * organisation and by the risk access rules; what the actor may not see answers 404.
 */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import {
  type Assessment,
  type AssessmentCreateSchema,
  type AssessmentDeleteSchema,
  type AssessmentList,
  type AssessmentSummary,
  type AssessmentUpdateSchema,
  type BowtieItem,
  type Comment,
  type CommentCreateSchema,
  type Criteria,
  ParticipantSchema,
  type ReviewInputSchema,
  type ReviewSoonerSchema,
  type Revision,
  type Risk,
  type RiskCloseSchema,
  type RiskCreateSchema,
  type RiskReopenSchema,
  type RiskUpdateSchema,
  type SuggestionCreateSchema,
  type Tiltak,
  type TiltakCreateSchema,
  type TiltakDoneSchema,
  type TiltakUpdateSchema,
} from '../../contracts/risiko/risiko.schemas.ts';
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import {
  type AssessmentPlace,
  assessmentDeletion,
  band,
  canComment,
  canCreateFor,
  canEditAssessment,
  canReadAssessment,
  canSuggest,
  closureCheck,
  editsAll,
  isVoOf,
  nextReviewDate,
  pregnancyHazardByKey,
  REVIEW_TRIGGER_TEXT,
  type RiskSubject,
  reopenCheck,
  reviewAfterPregnancyNotice,
  reviewState,
  type Score,
  templateHazards,
} from '../../domain/risiko/index.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, conflict, notFound, staleVersion } from '../../platform/errors.ts';
import { bowtieOf } from './bowtie.repository.ts';
import type { RiskAssessmentTable, RiskItemTable, RiskTiltakTable } from './risiko.tables.ts';
import { areasOfUnits, placeOf, subjectOf, unitNames } from './scope.ts';

type AssessmentRow = Selectable<RiskAssessmentTable>;
type ItemRow = Selectable<RiskItemTable>;
type TiltakRow = Selectable<RiskTiltakTable> & { owner_name: string | null };

export const assessmentNotFound = () =>
  notFound({ nb: 'Fant ikke risikovurderingen.', en: 'Risk assessment not found.' });
export const riskNotFound = () => notFound({ nb: 'Fant ikke risikoen.', en: 'Risk not found.' });
export const tiltakNotFound = () => notFound({ nb: 'Fant ikke tiltaket.', en: 'Measure not found.' });

const fieldError = (path: string, nb: string, en: string) =>
  new AppError('VALIDATION_FAILED', { nb, en }, { fields: [{ path, message: { nb, en } }] });

const score = (p: number, c: number): Score => ({ p, c }) as Score;
/** A score for the audit log: `P×C`. */
const scoreText = (s: { p: number; c: number } | null) => (s === null ? null : `${s.p}×${s.c}`);

function parseParticipants(value: unknown) {
  const raw = typeof value === 'string' ? JSON.parse(value) : value;
  const parsed = z.array(ParticipantSchema).safeParse(raw);
  return parsed.success ? parsed.data : [];
}

/** The hazard keys stored with an assessment made from a template (migration 0054). */
function parseTemplateKeys(value: unknown): string[] {
  const raw = typeof value === 'string' ? JSON.parse(value) : value;
  const parsed = z.array(z.string()).safeParse(raw);
  return parsed.success ? parsed.data : [];
}

/** The template's hazards of an assessment, each scored once a risk in it carries its key. */
function templateHazardsOf(row: AssessmentRow, items: readonly ItemRow[]): Assessment['templateHazards'] {
  const scored = new Set(items.map((i) => i.hazard_key));
  return parseTemplateKeys(row.template_hazards).flatMap((key) => {
    const hazard = pregnancyHazardByKey(key);
    return hazard ? [{ key, area: hazard.area, text: hazard.text, scored: scored.has(key) }] : [];
  });
}

// ——— Acceptance criteria ———————————————————————————————————————————————————————————————

export async function findCriteria(db: Db, organisationId: string) {
  return db
    .selectFrom('risk_criteria')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function getCriteria(db: Db, actor: Actor): Promise<Criteria> {
  const row = await findCriteria(db, actor.organisationId);
  return {
    criteria: row
      ? {
          text: row.text,
          recordedOn: row.recorded_on,
          recordedBy: row.recorded_by_name,
          version: row.version,
        }
      : null,
    canEdit: editsAll({ roles: actor.roles, verneomradeIds: [], ledUnitIds: [], ownUnitId: null }),
  };
}

/** Records the criteria (version 0: the first time) or changes them (with the version read). */
export async function saveCriteria(
  db: Db,
  actor: Actor,
  body: { text: string; version: number },
  today: IsoDate,
): Promise<Criteria> {
  return inTransaction(db, async (trx) => {
    if (body.version === 0) {
      const inserted = await trx
        .insertInto('risk_criteria')
        .values({
          organisation_id: actor.organisationId,
          text: body.text,
          recorded_on: today,
          recorded_by: actor.userId,
          recorded_by_name: actor.name,
        })
        .onConflict((oc) => oc.column('organisation_id').doNothing())
        .returning('version')
        .executeTakeFirst();
      if (!inserted) throw staleVersion();
    } else {
      const updated = await trx
        .updateTable('risk_criteria')
        .set((eb) => ({
          text: body.text,
          recorded_on: today,
          recorded_by: actor.userId,
          recorded_by_name: actor.name,
          updated_at: new Date(),
          version: eb('version', '+', 1),
        }))
        .where('organisation_id', '=', actor.organisationId)
        .where('version', '=', body.version)
        .returning('version')
        .executeTakeFirst();
      if (!updated) throw staleVersion();
    }
    await writeAudit(trx, actor, {
      action: body.version === 0 ? 'create' : 'update',
      entityType: 'risk_criteria',
      entityId: actor.organisationId,
    });
    return getCriteria(trx, actor);
  });
}

// ——— Reading ——————————————————————————————————————————————————————————————————————————————

async function findAssessment(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('risk_assessment')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

type Visible = { row: AssessmentRow; place: AssessmentPlace; subject: RiskSubject };

/** An assessment the actor may read, else 404. */
export async function visibleAssessment(db: Db, actor: Actor, id: string): Promise<Visible> {
  const row = await findAssessment(db, actor.organisationId, id);
  if (!row) throw assessmentNotFound();
  const [subject, areas] = await Promise.all([
    subjectOf(db, actor),
    areasOfUnits(db, actor.organisationId, [row.unit_id]),
  ]);
  const place = placeOf(row.unit_id, areas);
  if (!canReadAssessment(subject, place)) throw assessmentNotFound();
  return { row, place, subject };
}

/** An assessment the actor may edit: 404 when they may not read it, 404 too when they only read it. */
export async function editableAssessment(db: Db, actor: Actor, id: string): Promise<Visible> {
  const v = await visibleAssessment(db, actor, id);
  if (!canEditAssessment(v.subject, v.place)) throw assessmentNotFound();
  return v;
}

async function itemRows(db: Db, organisationId: string, assessmentIds: readonly string[]) {
  if (assessmentIds.length === 0) return [];
  return db
    .selectFrom('risk_item')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', 'in', [...assessmentIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function tiltakQuery(db: Db, organisationId: string) {
  return db
    .selectFrom('risk_tiltak as t')
    .leftJoin('user_account as u', 'u.id', 't.owner_user_id')
    .selectAll('t')
    .select('u.name as owner_name')
    .where('t.organisation_id', '=', organisationId);
}

export function toTiltak(row: TiltakRow, actor: Actor, canEdit: boolean, today: IsoDate): Tiltak {
  const done = row.status === 'utfort';
  return {
    id: row.id,
    riskId: row.risk_id,
    text: row.text,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    due: row.due,
    status: row.status,
    overdue: !done && row.due < today,
    done:
      done && row.done_at !== null
        ? { at: row.done_at.toISOString(), by: row.done_by_name, note: row.done_note ?? '' }
        : null,
    version: row.version,
    canEdit: canEdit && !done,
    canMarkDone: !done && (canEdit || row.owner_user_id === actor.userId),
  };
}

function toRisk(row: ItemRow, tiltak: Tiltak[], bowtie: BowtieItem[]): Risk {
  const initial = score(row.initial_p, row.initial_c);
  const residual =
    row.residual_p !== null && row.residual_c !== null ? score(row.residual_p, row.residual_c) : null;
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    area: row.area,
    hazardKey: row.hazard_key,
    dimension: row.dimension,
    title: row.title,
    description: row.description,
    existingBarriers: row.existing_barriers,
    initial,
    initialBand: band(initial),
    residual,
    residualBand: residual ? band(residual) : null,
    status: row.status,
    closed: row.closed_at ? { at: row.closed_at.toISOString(), by: row.closed_by_name } : null,
    acceptance:
      row.acceptance_name !== null && row.acceptance_date !== null && row.acceptance_reason !== null
        ? { name: row.acceptance_name, date: row.acceptance_date, reason: row.acceptance_reason }
        : null,
    reopened:
      row.reopened_at !== null && row.reopen_reason !== null
        ? { at: row.reopened_at.toISOString(), by: row.reopened_by_name, reason: row.reopen_reason }
        : null,
    tiltak,
    bowtie,
    version: row.version,
  };
}

function summary(
  row: AssessmentRow,
  unitName: string,
  items: readonly ItemRow[],
  today: IsoDate,
): AssessmentSummary {
  const open = items.filter((i) => i.assessment_id === row.id);
  return {
    id: row.id,
    title: row.title,
    unitId: row.unit_id,
    unitName,
    workTask: row.work_task,
    kind: row.kind,
    assessedOn: row.assessed_on,
    nextReview: row.next_review,
    reviewState: reviewState(row.next_review, today),
    revision: row.revision,
    risks: open.length,
    high: open.filter(
      (i) =>
        i.status === 'apen' &&
        band(
          i.residual_p !== null && i.residual_c !== null
            ? score(i.residual_p, i.residual_c)
            : score(i.initial_p, i.initial_c),
        ) === 'hoy',
    ).length,
  };
}

/** The assessments the actor may read, and the units they may create one for. */
export async function listAssessments(db: Db, actor: Actor, today: IsoDate): Promise<AssessmentList> {
  const org = actor.organisationId;
  const [subject, areas, names, rows, criteria] = await Promise.all([
    subjectOf(db, actor),
    areasOfUnits(db, org),
    unitNames(db, org),
    db
      .selectFrom('risk_assessment')
      .selectAll()
      .where('organisation_id', '=', org)
      .orderBy('title')
      .orderBy('id')
      .execute(),
    findCriteria(db, org),
  ]);
  const visible = rows.filter((r) => canReadAssessment(subject, placeOf(r.unit_id, areas)));
  const items = await itemRows(
    db,
    org,
    visible.map((r) => r.id),
  );
  const units = [...names.entries()]
    .filter(([id]) => canCreateFor(subject, id))
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return {
    items: visible.map((r) => summary(r, names.get(r.unit_id) ?? '', items, today)),
    units,
    criteriaRecorded: criteria !== undefined,
  };
}

export async function getAssessment(db: Db, actor: Actor, id: string, today: IsoDate): Promise<Assessment> {
  const { row, place, subject } = await visibleAssessment(db, actor, id);
  const org = actor.organisationId;
  const [names, items, tiltakRows, comments, suggestions, revisions] = await Promise.all([
    unitNames(db, org),
    itemRows(db, org, [row.id]),
    tiltakQuery(db, org)
      .innerJoin('risk_item as r', (j) =>
        j.onRef('r.organisation_id', '=', 't.organisation_id').onRef('r.id', '=', 't.risk_id'),
      )
      .where('r.assessment_id', '=', row.id)
      .orderBy('t.due')
      .orderBy('t.created_at')
      .execute(),
    db
      .selectFrom('risk_comment')
      .selectAll()
      .where('organisation_id', '=', org)
      .where('assessment_id', '=', row.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('risk_suggestion')
      .selectAll()
      .where('organisation_id', '=', org)
      .where('assessment_id', '=', row.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('risk_assessment_revision')
      .select(['revision', 'assessed_on', 'archived_by_name'])
      .where('organisation_id', '=', org)
      .where('assessment_id', '=', row.id)
      .orderBy('revision', 'desc')
      .execute(),
  ]);
  const canEdit = canEditAssessment(subject, place);
  const bowtie = await bowtieOf(
    db,
    org,
    items.map((i) => i.id),
  );
  const byRisk = new Map<string, Tiltak[]>();
  for (const t of tiltakRows)
    byRisk.set(t.risk_id, [...(byRisk.get(t.risk_id) ?? []), toTiltak(t, actor, canEdit, today)]);
  return {
    ...summary(row, names.get(row.unit_id) ?? '', items, today),
    responsibleUserId: row.responsible_user_id,
    responsibleName: row.responsible_name,
    participants: parseParticipants(row.participants),
    reviewReason: row.review_reason,
    risksList: items.map((i) => toRisk(i, byRisk.get(i.id) ?? [], bowtie.get(i.id) ?? [])),
    templateHazards: templateHazardsOf(row, items),
    comments: comments.map(
      (c): Comment => ({
        id: c.id,
        riskId: c.risk_id,
        kind: c.kind,
        text: c.text,
        author: c.author_name,
        authorRole: c.author_role,
        at: c.created_at.toISOString(),
      }),
    ),
    // What employees suggested is for those who edit the assessment and the VO.
    suggestions:
      canEdit || isVoOf(subject, place)
        ? suggestions.map((s) => ({
            id: s.id,
            area: s.area,
            text: s.text,
            by: s.suggested_by_name,
            at: s.created_at.toISOString(),
          }))
        : [],
    revisions: revisions.map((r) => ({
      revision: r.revision,
      assessedOn: r.assessed_on,
      archivedBy: r.archived_by_name,
    })),
    version: row.version,
    canEdit,
    canDelete: canEdit && assessmentDeletion({ revision: row.revision, closedRisks: everClosed(items) }).ok,
    canComment: canComment(subject, place),
    canSuggest: canSuggest(subject, place),
  };
}

// ——— Writing assessments ———————————————————————————————————————————————————————————————

/** The user must be an active member of the organisation. */
async function memberName(db: Db, organisationId: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('membership as m')
    .innerJoin('user_account as u', 'u.id', 'm.user_id')
    .select('u.name')
    .where('m.organisation_id', '=', organisationId)
    .where('m.user_id', '=', userId)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  return row?.name ?? null;
}

async function checkAssessmentInput(
  db: Db,
  actor: Actor,
  subject: RiskSubject,
  body: { unitId: string; responsibleUserId: string },
): Promise<string> {
  const unit = await db
    .selectFrom('unit')
    .select('id')
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', body.unitId)
    .executeTakeFirst();
  if (!unit || !canCreateFor(subject, body.unitId)) {
    throw fieldError('unitId', 'Velg en enhet du har ansvar for.', 'Choose a unit you are responsible for.');
  }
  const name = await memberName(db, actor.organisationId, body.responsibleUserId);
  if (name === null) {
    throw fieldError(
      'responsibleUserId',
      'Ansvarlig leder må være en bruker i virksomheten.',
      'The responsible leader must be a user of the organisation.',
    );
  }
  return name;
}

export async function createAssessment(
  db: Db,
  actor: Actor,
  body: z.output<typeof AssessmentCreateSchema>,
  today: IsoDate,
): Promise<Assessment> {
  return inTransaction(db, async (trx) => {
    // FOLM § 7-1 (guidance): the acceptable risk is decided before the first assessment.
    if (!(await findCriteria(trx, actor.organisationId))) {
      throw conflict(
        {
          nb: 'Virksomheten må registrere akseptkriteriene for risiko før den første risikovurderingen.',
          en: 'The organisation must record its risk acceptance criteria before the first risk assessment.',
        },
        'WRONG_STATE',
      );
    }
    const subject = await subjectOf(trx, actor);
    const responsibleName = await checkAssessmentInput(trx, actor, subject, body);
    if (body.template === 'gravide') await refuseSecondPregnancyAssessment(trx, actor, body.unitId);
    const hazards = body.template ? templateHazards(body.template).map((h) => h.key) : [];
    const { id } = await trx
      .insertInto('risk_assessment')
      .values({
        organisation_id: actor.organisationId,
        kind: body.template ?? 'standard',
        template_hazards: JSON.stringify(hazards),
        title: body.title,
        unit_id: body.unitId,
        work_task: body.workTask,
        responsible_user_id: body.responsibleUserId,
        responsible_name: responsibleName,
        participants: JSON.stringify(body.participants),
        assessed_on: today,
        next_review: nextReviewDate(today),
        created_by: actor.userId,
        created_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'risk_assessment',
      entityId: id,
      ...(body.template ? { detail: { template: body.template, hazards: hazards.length } } : {}),
    });
    return getAssessment(trx, actor, id, today);
  });
}

/**
 * One assessment for pregnant and breastfeeding workers per unit (product default): a second is a
 * 409 naming the existing one (its title, and its address in the `Location` header) — the leader
 * reviews that one instead. The partial unique index of migration 0054 holds it under a race.
 */
async function refuseSecondPregnancyAssessment(trx: Db, actor: Actor, unitId: string): Promise<void> {
  const existing = await trx
    .selectFrom('risk_assessment')
    .select(['id', 'title'])
    .where('organisation_id', '=', actor.organisationId)
    .where('unit_id', '=', unitId)
    .where('kind', '=', 'gravide')
    .executeTakeFirst();
  if (!existing) return;
  throw new AppError(
    'ALREADY_EXISTS',
    {
      nb: `Enheten har allerede en risikovurdering for gravide og ammende («${existing.title}»). Gjennomgå den i stedet.`,
      en: `The unit already has a risk assessment for pregnant and breastfeeding workers («${existing.title}»). Review that one instead.`,
    },
    { headers: { location: `/api/v1/risiko/vurderinger/${existing.id}` } },
  );
}

export async function updateAssessment(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof AssessmentUpdateSchema>,
  today: IsoDate,
): Promise<Assessment> {
  return inTransaction(db, async (trx) => {
    const { subject } = await editableAssessment(trx, actor, id);
    const responsibleName = await checkAssessmentInput(trx, actor, subject, body);
    const row = await trx
      .updateTable('risk_assessment')
      .set((eb) => ({
        title: body.title,
        unit_id: body.unitId,
        work_task: body.workTask,
        responsible_user_id: body.responsibleUserId,
        responsible_name: responsibleName,
        participants: JSON.stringify(body.participants),
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw staleVersion();
    await writeAudit(trx, actor, { action: 'update', entityType: 'risk_assessment', entityId: id });
    return getAssessment(trx, actor, id, today);
  });
}

/**
 * The review (FOLM § 7-1: repeated regularly): the assessment as it stood is kept as a revision,
 * then it is dated today with its participants, and the next review is a year ahead (anbefalt).
 */
export async function reviewAssessment(
  trx: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof ReviewInputSchema>,
  today: IsoDate,
): Promise<Assessment> {
  const { row } = await editableAssessment(trx, actor, id);
  if (row.version !== body.version) throw staleVersion();
  const current = await getAssessment(trx, actor, id, today);
  const snapshot: Revision['assessment'] = {
    title: current.title,
    workTask: current.workTask,
    responsibleName: current.responsibleName,
    participants: current.participants,
    risks: current.risksList.map((r) => ({
      id: r.id,
      title: r.title,
      area: r.area,
      initial: r.initial,
      residual: r.residual,
      status: r.status,
      tiltak: r.tiltak.map((t) => ({ text: t.text, due: t.due, status: t.status })),
    })),
  };
  await trx
    .insertInto('risk_assessment_revision')
    .values({
      organisation_id: actor.organisationId,
      assessment_id: id,
      revision: row.revision,
      assessed_on: row.assessed_on,
      archived_by_name: actor.name,
      snapshot: JSON.stringify(snapshot),
    })
    .execute();
  const updated = await trx
    .updateTable('risk_assessment')
    .set((eb) => ({
      participants: JSON.stringify(body.participants),
      assessed_on: today,
      next_review: nextReviewDate(today),
      review_reason: null,
      revision: eb('revision', '+', 1),
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', id)
    .where('version', '=', body.version)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw staleVersion();
  await writeAudit(trx, actor, {
    action: 'update',
    entityType: 'risk_assessment',
    entityId: id,
    detail: { reviewed: true, archivedRevision: row.revision },
  });
  return getAssessment(trx, actor, id, today);
}

export async function getRevision(db: Db, actor: Actor, id: string, revision: number): Promise<Revision> {
  await visibleAssessment(db, actor, id);
  const row = await db
    .selectFrom('risk_assessment_revision')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where('assessment_id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  if (!row) throw notFound({ nb: 'Fant ikke versjonen.', en: 'Version not found.' });
  const raw = typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot;
  return {
    revision: row.revision,
    assessedOn: row.assessed_on,
    archivedAt: row.archived_at.toISOString(),
    archivedBy: row.archived_by_name,
    assessment: raw as Revision['assessment'],
  };
}

/**
 * Brings the next review forward after a change (FOLM § 7-1: at changes that may affect the risk,
 * when equipment is bought). The date never moves later.
 */
export async function reviewSooner(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof ReviewSoonerSchema>,
  today: IsoDate,
): Promise<Assessment> {
  return inTransaction(db, async (trx) => {
    const { row } = await editableAssessment(trx, actor, id);
    const next = nextReviewDate(row.assessed_on, [row.next_review, body.date]);
    const updated = await trx
      .updateTable('risk_assessment')
      .set((eb) => ({
        next_review: next,
        review_reason: REVIEW_TRIGGER_TEXT[body.trigger].nb,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'risk_assessment',
      entityId: id,
      detail: { nextReview: next, trigger: body.trigger },
    });
    return getAssessment(trx, actor, id, today);
  });
}

/**
 * A pregnancy notice was given at the workplace: the review of its assessment for pregnant and
 * breastfeeding workers is brought forward to today (FOLM § 7-1; FUA kap. 7). Nothing about the
 * person is asked or stored — not who, not when she is due: the request only says that a notice
 * was given, and the audit log records the leader who acted and the new date. Only an assessment
 * made from the template (409 WRONG_STATE otherwise). The date never moves later, so it needs no
 * version: two notices on one day leave the same date.
 */
export async function pregnancyNotice(db: Db, actor: Actor, id: string, today: IsoDate): Promise<Assessment> {
  return inTransaction(db, async (trx) => {
    const { row } = await editableAssessment(trx, actor, id);
    if (row.kind !== 'gravide') {
      throw conflict(
        {
          nb: 'Bare en risikovurdering for gravide og ammende gjennomgås etter melding om graviditet.',
          en: 'Only a risk assessment for pregnant and breastfeeding workers is reviewed after a pregnancy notice.',
        },
        'WRONG_STATE',
      );
    }
    const next = reviewAfterPregnancyNotice(row.next_review, today);
    await trx
      .updateTable('risk_assessment')
      .set((eb) => ({
        next_review: next,
        review_reason: REVIEW_TRIGGER_TEXT.graviditet.nb,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'risk_assessment',
      entityId: id,
      detail: { nextReview: next, trigger: 'graviditet' },
    });
    return getAssessment(trx, actor, id, today);
  });
}

/** Risks that are or were once closed (a reopened risk was closed before). */
function everClosed(items: readonly ItemRow[]): number {
  return items.filter((i) => i.status === 'lukket' || i.closed_at !== null || i.reopened_at !== null).length;
}

/**
 * Deletes a draft assessment with a reason (IK-f § 5: once reviewed or once a risk in it was closed
 * or accepted it is kept for the life of the account — 409 WRONG_STATE naming the rule). Its risks,
 * tiltak, comments and suggestions go with it (the foreign keys cascade); a stoffkartotek product
 * that pointed to it keeps its row without the link. The reason and what was deleted go to the
 * audit log in the same transaction.
 */
export async function deleteAssessment(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof AssessmentDeleteSchema>,
): Promise<{ ok: true }> {
  return inTransaction(db, async (trx) => {
    const { row } = await editableAssessment(trx, actor, id);
    const items = await itemRows(trx, actor.organisationId, [id]);
    const check = assessmentDeletion({ revision: row.revision, closedRisks: everClosed(items) });
    if (!check.ok) throw conflict(check.message, 'WRONG_STATE');
    const deleted = await trx
      .deleteFrom('risk_assessment')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!deleted) throw staleVersion();
    await writeAudit(trx, actor, {
      action: 'delete',
      entityType: 'risk_assessment',
      entityId: id,
      detail: { title: row.title, unitId: row.unit_id, risks: items.length, reason: body.reason },
    });
    return { ok: true as const };
  });
}

// ——— Risks ————————————————————————————————————————————————————————————————————————————————

async function findItem(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('risk_item')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A risk whose assessment the actor may edit (else 404). */
export async function editableRisk(db: Db, actor: Actor, id: string) {
  const item = await findItem(db, actor.organisationId, id);
  if (!item) throw riskNotFound();
  try {
    const v = await editableAssessment(db, actor, item.assessment_id);
    return { item, ...v };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw riskNotFound();
    throw error;
  }
}

export async function createRisk(
  db: Db,
  actor: Actor,
  assessmentId: string,
  body: z.output<typeof RiskCreateSchema>,
  today: IsoDate,
): Promise<Assessment> {
  return inTransaction(db, async (trx) => {
    await editableAssessment(trx, actor, assessmentId);
    const { id } = await trx
      .insertInto('risk_item')
      .values({
        organisation_id: actor.organisationId,
        assessment_id: assessmentId,
        area: body.area,
        hazard_key: body.hazardKey,
        dimension: body.dimension,
        title: body.title,
        description: body.description,
        existing_barriers: body.existingBarriers,
        initial_p: body.initial.p,
        initial_c: body.initial.c,
        residual_p: body.residual?.p ?? null,
        residual_c: body.residual?.c ?? null,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'risk_item',
      entityId: id,
      detail: { assessmentId, initial: scoreText(body.initial), residual: scoreText(body.residual) },
    });
    return getAssessment(trx, actor, assessmentId, today);
  });
}

export async function updateRisk(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof RiskUpdateSchema>,
  today: IsoDate,
): Promise<Assessment> {
  return inTransaction(db, async (trx) => {
    const { item } = await editableRisk(trx, actor, id);
    if (item.status === 'lukket') {
      throw conflict(
        { nb: 'Risikoen er lukket og kan ikke endres.', en: 'The risk is closed and cannot be changed.' },
        'WRONG_STATE',
      );
    }
    const row = await trx
      .updateTable('risk_item')
      .set((eb) => ({
        area: body.area,
        hazard_key: body.hazardKey,
        dimension: body.dimension,
        title: body.title,
        description: body.description,
        existing_barriers: body.existingBarriers,
        initial_p: body.initial.p,
        initial_c: body.initial.c,
        residual_p: body.residual?.p ?? null,
        residual_c: body.residual?.c ?? null,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw staleVersion();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'risk_item',
      entityId: id,
      detail: { initial: scoreText(body.initial), residual: scoreText(body.residual) },
    });
    return getAssessment(trx, actor, item.assessment_id, today);
  });
}

/**
 * Closes a risk: only when the residual risk is at most Middels, or with the responsible leader's
 * documented acceptance (name, date, reason), which the VO then sees (anbefalt). A Høy risk
 * without it is a 400 that names why; nothing is written.
 */
export async function closeRisk(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof RiskCloseSchema>,
  today: IsoDate,
): Promise<Assessment> {
  return inTransaction(db, async (trx) => {
    const { item } = await editableRisk(trx, actor, id);
    if (item.status === 'lukket') {
      throw conflict(
        { nb: 'Risikoen er allerede lukket.', en: 'The risk is already closed.' },
        'WRONG_STATE',
      );
    }
    const initial = score(item.initial_p, item.initial_c);
    const residual =
      item.residual_p !== null && item.residual_c !== null ? score(item.residual_p, item.residual_c) : null;
    const check = closureCheck({ initial, residual }, body.acceptance);
    if (!check.ok) {
      throw new AppError('VALIDATION_FAILED', check.message, {
        fields: [{ path: 'acceptance', message: check.message }],
      });
    }
    const acceptance = check.by === 'acceptance' ? body.acceptance : null;
    const row = await trx
      .updateTable('risk_item')
      .set((eb) => ({
        status: 'lukket' as const,
        closed_at: new Date(),
        closed_by_name: actor.name,
        acceptance_name: acceptance?.name ?? null,
        acceptance_date: acceptance?.date ?? null,
        acceptance_reason: acceptance?.reason ?? null,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw staleVersion();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'risk_item',
      entityId: id,
      detail: { closed: true, by: check.by },
    });
    return getAssessment(trx, actor, item.assessment_id, today);
  });
}

/**
 * Reopens a closed risk (FOLM § 7-1: the assessment is repeated at changes that may affect the
 * risk): with a reason, audit-logged with the closure it undoes, and the assessment's next review
 * brought forward to the date given (never later). Optimistic concurrency on the risk's version.
 */
export async function reopenRisk(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof RiskReopenSchema>,
  today: IsoDate,
): Promise<Assessment> {
  return inTransaction(db, async (trx) => {
    const { item, row: assessment } = await editableRisk(trx, actor, id);
    const check = reopenCheck(item, { nextReview: assessment.next_review }, body.reviewBy, today);
    if (!check.ok) {
      if (check.field === 'status') throw conflict(check.message, 'WRONG_STATE');
      throw fieldError(check.field, check.message.nb, check.message.en);
    }
    const updated = await trx
      .updateTable('risk_item')
      .set((eb) => ({
        status: 'apen' as const,
        closed_at: null,
        closed_by_name: null,
        acceptance_name: null,
        acceptance_date: null,
        acceptance_reason: null,
        reopened_at: new Date(),
        reopened_by_name: actor.name,
        reopen_reason: body.reason,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion();
    await trx
      .updateTable('risk_assessment')
      .set((eb) => ({
        next_review: check.nextReview,
        review_reason: `Risiko åpnet igjen: ${item.title}`,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', item.assessment_id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'risk_item',
      entityId: id,
      detail: {
        reopened: true,
        reason: body.reason,
        nextReview: check.nextReview,
        closedAt: item.closed_at?.toISOString() ?? null,
        closedBy: item.closed_by_name,
        acceptedBy: item.acceptance_name,
        acceptedOn: item.acceptance_date,
        acceptanceReason: item.acceptance_reason,
      },
    });
    return getAssessment(trx, actor, item.assessment_id, today);
  });
}

// ——— Tiltak ———————————————————————————————————————————————————————————————————————————————

async function checkOwner(db: Db, organisationId: string, ownerUserId: string): Promise<void> {
  if ((await memberName(db, organisationId, ownerUserId)) === null) {
    throw fieldError(
      'ownerUserId',
      'Den ansvarlige må være en bruker i virksomheten.',
      'The owner must be a user of the organisation.',
    );
  }
}

export async function createTiltak(
  db: Db,
  actor: Actor,
  riskId: string,
  body: z.output<typeof TiltakCreateSchema>,
  today: IsoDate,
): Promise<Assessment> {
  return inTransaction(db, async (trx) => {
    const { item } = await editableRisk(trx, actor, riskId);
    await checkOwner(trx, actor.organisationId, body.ownerUserId);
    const { id } = await trx
      .insertInto('risk_tiltak')
      .values({
        organisation_id: actor.organisationId,
        risk_id: riskId,
        text: body.text,
        owner_user_id: body.ownerUserId,
        due: body.due,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'risk_tiltak',
      entityId: id,
      detail: { riskId },
    });
    return getAssessment(trx, actor, item.assessment_id, today);
  });
}

async function findTiltak(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('risk_tiltak as t')
    .innerJoin('risk_item as r', (j) =>
      j.onRef('r.organisation_id', '=', 't.organisation_id').onRef('r.id', '=', 't.risk_id'),
    )
    .selectAll('t')
    .select('r.assessment_id')
    .where('t.organisation_id', '=', organisationId)
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export async function updateTiltak(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof TiltakUpdateSchema>,
  today: IsoDate,
): Promise<Assessment> {
  return inTransaction(db, async (trx) => {
    const t = await findTiltak(trx, actor.organisationId, id);
    if (!t) throw tiltakNotFound();
    await editableRisk(trx, actor, t.risk_id).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'NOT_FOUND' ? tiltakNotFound() : error;
    });
    if (t.status === 'utfort') {
      throw conflict(
        { nb: 'Tiltaket er utført og kan ikke endres.', en: 'The measure is done and cannot be changed.' },
        'WRONG_STATE',
      );
    }
    await checkOwner(trx, actor.organisationId, body.ownerUserId);
    const row = await trx
      .updateTable('risk_tiltak')
      .set((eb) => ({
        text: body.text,
        owner_user_id: body.ownerUserId,
        due: body.due,
        status: body.status,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw staleVersion();
    await writeAudit(trx, actor, { action: 'update', entityType: 'risk_tiltak', entityId: id });
    return getAssessment(trx, actor, t.assessment_id, today);
  });
}

/** Marks a tiltak done with a short note: its assessment's editors, or its owner. */
export async function markTiltakDone(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof TiltakDoneSchema>,
  today: IsoDate,
): Promise<Tiltak> {
  return inTransaction(db, async (trx) => {
    const t = await findTiltak(trx, actor.organisationId, id);
    if (!t) throw tiltakNotFound();
    const isOwner = t.owner_user_id === actor.userId;
    let canEdit = false;
    try {
      const v = await visibleAssessment(trx, actor, t.assessment_id);
      canEdit = canEditAssessment(v.subject, v.place);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
    }
    if (!canEdit && !isOwner) throw tiltakNotFound();
    if (t.status === 'utfort') {
      throw conflict(
        { nb: 'Tiltaket er allerede utført.', en: 'The measure is already done.' },
        'WRONG_STATE',
      );
    }
    const row = await trx
      .updateTable('risk_tiltak')
      .set((eb) => ({
        status: 'utfort' as const,
        done_note: body.note,
        done_at: new Date(),
        done_by_name: actor.name,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw staleVersion();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'risk_tiltak',
      entityId: id,
      detail: { done: true },
    });
    const stored = await tiltakQuery(trx, actor.organisationId)
      .where('t.id', '=', id)
      .executeTakeFirstOrThrow();
    return toTiltak(stored, actor, canEdit, today);
  });
}

// ——— Comments and suggestions ————————————————————————————————————————————————————————————

const ROLE_LABEL: Record<string, string> = {
  admin: 'admin',
  hr: 'hr',
  leder: 'leder',
  verneombud: 'verneombud',
};

export async function addComment(
  db: Db,
  actor: Actor,
  assessmentId: string,
  body: z.output<typeof CommentCreateSchema>,
  today: IsoDate,
): Promise<Assessment> {
  return inTransaction(db, async (trx) => {
    const { place, subject } = await visibleAssessment(trx, actor, assessmentId);
    if (!canComment(subject, place)) throw assessmentNotFound();
    if (body.riskId !== null) {
      const item = await findItem(trx, actor.organisationId, body.riskId);
      if (!item || item.assessment_id !== assessmentId) {
        throw fieldError('riskId', 'Fant ikke risikoen.', 'Risk not found.');
      }
    }
    const role = isVoOf(subject, place)
      ? 'verneombud'
      : (actor.roles.find((r) => ROLE_LABEL[r] !== undefined) ?? 'leder');
    const { id } = await trx
      .insertInto('risk_comment')
      .values({
        organisation_id: actor.organisationId,
        assessment_id: assessmentId,
        risk_id: body.riskId,
        kind: body.kind,
        text: body.text,
        author_user_id: actor.userId,
        author_name: actor.name,
        author_role: role,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'risk_comment',
      entityId: id,
      detail: { assessmentId, kind: body.kind },
    });
    return getAssessment(trx, actor, assessmentId, today);
  });
}

export async function addSuggestion(
  db: Db,
  actor: Actor,
  assessmentId: string,
  body: z.output<typeof SuggestionCreateSchema>,
): Promise<{ ok: true }> {
  return inTransaction(db, async (trx) => {
    const { place, subject } = await visibleAssessment(trx, actor, assessmentId);
    if (!canSuggest(subject, place)) throw assessmentNotFound();
    const { id } = await trx
      .insertInto('risk_suggestion')
      .values({
        organisation_id: actor.organisationId,
        assessment_id: assessmentId,
        area: body.area,
        text: body.text,
        suggested_by: actor.userId,
        suggested_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'risk_suggestion',
      entityId: id,
      detail: { assessmentId },
    });
    return { ok: true };
  });
}

/** The people a tiltak can be given to, or who can be responsible leader: active users (names only). */
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
