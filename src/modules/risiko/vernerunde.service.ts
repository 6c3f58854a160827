/**
 * Vernerunder (aml § 6-2: the verneombud takes part; aml § 3-1 (2) c, IK-f § 5 no. 6–7: hazards
 * found are followed up with measures). A round is planned for a unit with its leader and
 * verneombud; both (and admin/HR, and the leaders of the unit, and the VOs of its areas) work on it;
 * only the named leader and the named VO sign it off. What the actor may not see answers 404.
 */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type {
  ChecklistInputSchema,
  Finding,
  FindingCreateSchema,
  FindingToRiskSchema,
  Round,
  RoundCreateSchema,
  RoundList,
  RoundPeople,
} from '../../contracts/risiko/vernerunde.schemas.ts';
import type { Db } from '../../db/schema.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import {
  type AssessmentPlace,
  canCreateFor,
  canEditAssessment,
  checklistFor,
  editsAll,
  isVoOf,
  type RiskSubject,
  roundStatus,
} from '../../domain/risiko/index.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, conflict, notFound, staleVersion } from '../../platform/errors.ts';
import { fieldsError } from '../../platform/validation.ts';
import { createTiltak, editableAssessment } from './assessment.service.ts';
import type { StoredChecklistPoint, VernerundeTable } from './risiko.tables.ts';
import { areasOfUnits, placeOf, subjectOf, unitNames } from './scope.ts';

type RoundRow = Selectable<VernerundeTable>;

export const roundNotFound = () => notFound({ nb: 'Fant ikke vernerunden.', en: 'Safety round not found.' });
const findingNotFound = () => notFound({ nb: 'Fant ikke funnet.', en: 'Finding not found.' });

const fieldError = (path: string, nb: string, en: string) => fieldsError([{ path, message: { nb, en } }]);

/** Who works on a round: admin/HR, the leaders of the unit, the VOs of its areas, and the two named. */
function mayWork(subject: RiskSubject, place: AssessmentPlace, row: RoundRow, userId: string): boolean {
  return (
    editsAll(subject) ||
    canEditAssessment(subject, place) ||
    isVoOf(subject, place) ||
    row.leader_user_id === userId ||
    row.vo_user_id === userId
  );
}

function parseChecklist(value: unknown): StoredChecklistPoint[] {
  const raw = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(raw) ? (raw as StoredChecklistPoint[]) : [];
}

async function findRound(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('vernerunde')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

async function visibleRound(db: Db, actor: Actor, id: string) {
  const row = await findRound(db, actor.organisationId, id);
  if (!row) throw roundNotFound();
  const [subject, areas] = await Promise.all([
    subjectOf(db, actor),
    areasOfUnits(db, actor.organisationId, [row.unit_id]),
  ]);
  const place = placeOf(row.unit_id, areas);
  if (!mayWork(subject, place, row, actor.userId)) throw roundNotFound();
  return { row, subject, place };
}

const signedOff = (row: RoundRow) => row.leader_signed_on !== null && row.vo_signed_on !== null;

function notSigned(row: RoundRow) {
  if (signedOff(row)) {
    throw conflict(
      {
        nb: 'Vernerunden er signert av leder og verneombud og kan ikke endres.',
        en: 'The safety round is signed off by the leader and the safety representative and cannot be changed.',
      },
      'WRONG_STATE',
    );
  }
}

/** Active users of the organisation holding one of the roles. */
async function usersWithRole(db: Db, organisationId: string, roles: readonly Role[]) {
  return db
    .selectFrom('role_assignment as r')
    .innerJoin('user_account as u', 'u.id', 'r.user_id')
    .innerJoin('membership as m', (j) =>
      j.onRef('m.organisation_id', '=', 'r.organisation_id').onRef('m.user_id', '=', 'r.user_id'),
    )
    .select(['u.id', 'u.name'])
    .distinct()
    .where('r.organisation_id', '=', organisationId)
    .where('r.role', 'in', [...roles])
    .where('u.disabled_at', 'is', null)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}

export async function roundPeople(db: Db, actor: Actor): Promise<RoundPeople> {
  const [leaders, verneombud] = await Promise.all([
    usersWithRole(db, actor.organisationId, ['leder', 'admin', 'hr']),
    usersWithRole(db, actor.organisationId, ['verneombud']),
  ]);
  return { leaders, verneombud };
}

export async function listRounds(db: Db, actor: Actor): Promise<RoundList> {
  const [subject, rows, names] = await Promise.all([
    subjectOf(db, actor),
    db
      .selectFrom('vernerunde as v')
      .selectAll('v')
      .select((eb) =>
        eb
          .selectFrom('vernerunde_finding as f')
          .select((f) => f.fn.countAll<string>().as('n'))
          .whereRef('f.organisation_id', '=', 'v.organisation_id')
          .whereRef('f.round_id', '=', 'v.id')
          .as('findings'),
      )
      .where('v.organisation_id', '=', actor.organisationId)
      .orderBy('v.planned_on', 'desc')
      .orderBy('v.id')
      .execute(),
    unitNames(db, actor.organisationId),
  ]);
  const areas = await areasOfUnits(db, actor.organisationId, [...new Set(rows.map((r) => r.unit_id))]);
  const items = rows
    .filter((r) => mayWork(subject, placeOf(r.unit_id, areas), r, actor.userId))
    .map((r) => ({
      id: r.id,
      title: r.title,
      unitId: r.unit_id,
      unitName: names.get(r.unit_id) ?? '',
      plannedOn: r.planned_on,
      leaderName: r.leader_name,
      voName: r.vo_name,
      status: roundStatus({ leader: r.leader_signed_on !== null, vo: r.vo_signed_on !== null }),
      findings: Number(r.findings ?? 0),
    }));
  const units = [...names]
    .filter(([id]) => canCreateFor(subject, id))
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return { items, canCreate: units.length > 0, units };
}

export async function getRound(db: Db, actor: Actor, id: string): Promise<Round> {
  const { row, subject, place } = await visibleRound(db, actor, id);
  const org = actor.organisationId;
  const [names, findings, photos, assessments] = await Promise.all([
    unitNames(db, org),
    db
      .selectFrom('vernerunde_finding as f')
      .leftJoin('risk_item as r', (j) =>
        j.onRef('r.organisation_id', '=', 'f.organisation_id').onRef('r.id', '=', 'f.risk_id'),
      )
      .selectAll('f')
      .select('r.assessment_id')
      .where('f.organisation_id', '=', org)
      .where('f.round_id', '=', id)
      .orderBy('f.created_at')
      .orderBy('f.id')
      .execute(),
    db
      .selectFrom('vernerunde_photo as p')
      .innerJoin('vernerunde_finding as f', (j) =>
        j.onRef('f.organisation_id', '=', 'p.organisation_id').onRef('f.id', '=', 'p.finding_id'),
      )
      .select(['p.finding_id', 'p.id', 'p.size'])
      .where('p.organisation_id', '=', org)
      .where('f.round_id', '=', id)
      .orderBy('p.created_at')
      .orderBy('p.id')
      .execute(),
    canEditAssessment(subject, place)
      ? db
          .selectFrom('risk_assessment')
          .select(['id', 'title'])
          .where('organisation_id', '=', org)
          .where('unit_id', '=', row.unit_id)
          .orderBy('title')
          .orderBy('id')
          .execute()
      : Promise.resolve([]),
  ]);
  const toFinding = (f: (typeof findings)[number]): Finding => ({
    id: f.id,
    area: f.area,
    hazardKey: f.hazard_key,
    text: f.text,
    severity: f.severity,
    riskId: f.risk_id,
    assessmentId: f.assessment_id ?? null,
    createdByName: f.created_by_name,
    photos: photos.filter((p) => p.finding_id === f.id).map((p) => ({ id: p.id, size: p.size })),
  });
  const canSignAs: Round['canSignAs'] = [];
  if (row.leader_user_id === actor.userId && row.leader_signed_on === null) canSignAs.push('leder');
  if (row.vo_user_id === actor.userId && row.vo_signed_on === null) canSignAs.push('verneombud');
  return {
    id: row.id,
    title: row.title,
    unitId: row.unit_id,
    unitName: names.get(row.unit_id) ?? '',
    plannedOn: row.planned_on,
    leaderUserId: row.leader_user_id,
    leaderName: row.leader_name,
    voUserId: row.vo_user_id,
    voName: row.vo_name,
    status: roundStatus({ leader: row.leader_signed_on !== null, vo: row.vo_signed_on !== null }),
    leaderSignedOn: row.leader_signed_on,
    voSignedOn: row.vo_signed_on,
    checklist: parseChecklist(row.checklist),
    findings: findings.map(toFinding),
    version: row.version,
    canEdit: !signedOff(row),
    canSignAs,
    assessments,
  };
}

async function personWithRole(db: Db, organisationId: string, userId: string, roles: readonly Role[]) {
  const row = await db
    .selectFrom('role_assignment as r')
    .innerJoin('user_account as u', 'u.id', 'r.user_id')
    .select('u.name')
    .where('r.organisation_id', '=', organisationId)
    .where('r.user_id', '=', userId)
    .where('r.role', 'in', [...roles])
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  return row?.name ?? null;
}

export async function createRound(
  db: Db,
  actor: Actor,
  body: z.output<typeof RoundCreateSchema>,
): Promise<Round> {
  return inTransaction(db, async (trx) => {
    const subject = await subjectOf(trx, actor);
    const unit = await trx
      .selectFrom('unit')
      .select('id')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', body.unitId)
      .executeTakeFirst();
    if (!unit || !canCreateFor(subject, body.unitId)) {
      throw fieldError(
        'unitId',
        'Velg en enhet du har ansvar for.',
        'Choose a unit you are responsible for.',
      );
    }
    const [leaderName, voName] = await Promise.all([
      personWithRole(trx, actor.organisationId, body.leaderUserId, ['leder', 'admin', 'hr']),
      personWithRole(trx, actor.organisationId, body.voUserId, ['verneombud']),
    ]);
    const errors = [];
    if (leaderName === null) {
      errors.push({
        path: 'leaderUserId',
        message: { nb: 'Velg en leder i virksomheten.', en: 'Choose a leader of the organisation.' },
      });
    }
    if (voName === null) {
      errors.push({
        path: 'voUserId',
        message: {
          nb: 'Velg et verneombud i virksomheten.',
          en: 'Choose a safety representative of the organisation.',
        },
      });
    }
    if (errors.length > 0 || leaderName === null || voName === null) throw fieldsError(errors);
    const { id } = await trx
      .insertInto('vernerunde')
      .values({
        organisation_id: actor.organisationId,
        unit_id: body.unitId,
        title: body.title,
        planned_on: body.plannedOn,
        leader_user_id: body.leaderUserId,
        leader_name: leaderName,
        vo_user_id: body.voUserId,
        vo_name: voName,
        checklist: JSON.stringify(checklistFor(body.areas)),
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'vernerunde',
      entityId: id,
      detail: { unitId: body.unitId, plannedOn: body.plannedOn },
    });
    return getRound(trx, actor, id);
  });
}

export async function saveChecklist(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof ChecklistInputSchema>,
): Promise<Round> {
  return inTransaction(db, async (trx) => {
    const { row } = await visibleRound(trx, actor, id);
    notSigned(row);
    const points = parseChecklist(row.checklist);
    const answers = new Map(body.points.map((p) => [p.key, p.status]));
    const unknown = body.points.findIndex((p) => !points.some((q) => q.key === p.key));
    if (unknown >= 0) {
      throw fieldError(
        `points.${unknown}.key`,
        'Punktet finnes ikke i sjekklisten.',
        'The point is not in the checklist.',
      );
    }
    const next = points.map((p) => (answers.has(p.key) ? { ...p, status: answers.get(p.key) ?? null } : p));
    const updated = await trx
      .updateTable('vernerunde')
      .set((eb) => ({
        checklist: JSON.stringify(next),
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
      entityType: 'vernerunde',
      entityId: id,
      detail: { checklist: body.points.length },
    });
    return getRound(trx, actor, id);
  });
}

export async function addFinding(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<typeof FindingCreateSchema>,
): Promise<Finding> {
  return inTransaction(db, async (trx) => {
    const { row } = await visibleRound(trx, actor, id);
    notSigned(row);
    const { id: findingId } = await trx
      .insertInto('vernerunde_finding')
      .values({
        organisation_id: actor.organisationId,
        round_id: id,
        area: body.area,
        hazard_key: body.hazardKey,
        text: body.text,
        severity: body.severity,
        created_by: actor.userId,
        created_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'vernerunde_finding',
      entityId: findingId,
      detail: { roundId: id, severity: body.severity },
    });
    const round = await getRound(trx, actor, id);
    const finding = round.findings.find((f) => f.id === findingId);
    if (!finding) throw findingNotFound();
    return finding;
  });
}

async function findingOf(db: Db, organisationId: string, roundId: string, findingId: string) {
  const finding = await db
    .selectFrom('vernerunde_finding')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .where('id', '=', findingId)
    .executeTakeFirst();
  if (!finding) throw findingNotFound();
  return finding;
}

export async function addFindingPhoto(
  db: Db,
  actor: Actor,
  roundId: string,
  findingId: string,
  photo: { id: string; data: Buffer; mime: 'image/jpeg' | 'image/png' },
  maxPhotos: number,
): Promise<{ size: number }> {
  return inTransaction(db, async (trx) => {
    const { row } = await visibleRound(trx, actor, roundId);
    notSigned(row);
    await findingOf(trx, actor.organisationId, roundId, findingId);
    // Serialise uploads to one finding, so the count limit holds under concurrency.
    await trx
      .selectFrom('vernerunde_finding')
      .select('id')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', findingId)
      .forUpdate()
      .execute();
    const existing = await trx
      .selectFrom('vernerunde_photo')
      .select(['id', 'size'])
      .where('organisation_id', '=', actor.organisationId)
      .where('finding_id', '=', findingId)
      .execute();
    const same = existing.find((p) => p.id === photo.id);
    if (same) return { size: same.size };
    if (existing.length >= maxPhotos) {
      throw fieldError(
        'photo',
        `Høyst ${maxPhotos} bilder per funn.`,
        `At most ${maxPhotos} photos per finding.`,
      );
    }
    await trx
      .insertInto('vernerunde_photo')
      .values({
        organisation_id: actor.organisationId,
        finding_id: findingId,
        id: photo.id,
        mime: photo.mime,
        size: photo.data.length,
        data: photo.data,
        created_by: actor.userId,
      })
      .execute();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'vernerunde_photo',
      entityId: photo.id,
      detail: { roundId, findingId, size: photo.data.length },
    });
    return { size: photo.data.length };
  });
}

export async function readFindingPhoto(
  db: Db,
  actor: Actor,
  roundId: string,
  findingId: string,
  photoId: string,
) {
  await visibleRound(db, actor, roundId);
  await findingOf(db, actor.organisationId, roundId, findingId);
  const photo = await db
    .selectFrom('vernerunde_photo')
    .select(['data', 'mime'])
    .where('organisation_id', '=', actor.organisationId)
    .where('finding_id', '=', findingId)
    .where('id', '=', photoId)
    .executeTakeFirst();
  if (!photo) throw notFound({ nb: 'Fant ikke bildet.', en: 'Photo not found.' });
  return photo;
}

/**
 * A finding becomes a risk in one of the unit's assessments — scored, and with a tiltak (owner and
 * due date) when one is given — in one transaction (aml § 3-1 (2) c: plans and measures). Only
 * someone who may edit that assessment can do it; a finding is made a risk once.
 */
export async function findingToRisk(
  db: Db,
  actor: Actor,
  roundId: string,
  findingId: string,
  body: z.output<typeof FindingToRiskSchema>,
  today: IsoDate,
): Promise<Round> {
  return inTransaction(db, async (trx) => {
    const { row } = await visibleRound(trx, actor, roundId);
    const finding = await findingOf(trx, actor.organisationId, roundId, findingId);
    if (finding.risk_id !== null) {
      throw conflict(
        { nb: 'Funnet er allerede gjort til en risiko.', en: 'The finding is already a risk.' },
        'WRONG_STATE',
      );
    }
    let assessment: Awaited<ReturnType<typeof editableAssessment>>;
    try {
      assessment = await editableAssessment(trx, actor, body.assessmentId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        throw fieldError(
          'assessmentId',
          'Velg en risikovurdering for enheten som du kan endre.',
          'Choose a risk assessment of the unit that you may edit.',
        );
      }
      throw error;
    }
    if (assessment.row.unit_id !== row.unit_id) {
      throw fieldError(
        'assessmentId',
        'Risikovurderingen må gjelde samme enhet som vernerunden.',
        'The risk assessment must be of the same unit as the safety round.',
      );
    }
    const { id: riskId } = await trx
      .insertInto('risk_item')
      .values({
        organisation_id: actor.organisationId,
        assessment_id: body.assessmentId,
        area: finding.area,
        hazard_key: finding.hazard_key,
        title: body.title,
        description: finding.text,
        initial_p: body.initial.p,
        initial_c: body.initial.c,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'risk_item',
      entityId: riskId,
      detail: {
        assessmentId: body.assessmentId,
        fromRound: roundId,
        initial: `${body.initial.p}×${body.initial.c}`,
      },
    });
    await trx
      .updateTable('vernerunde_finding')
      .set({ risk_id: riskId })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', findingId)
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'vernerunde_finding',
      entityId: findingId,
      detail: { riskId },
    });
    if (body.tiltak !== null) await createTiltak(trx, actor, riskId, body.tiltak, today);
    return getRound(trx, actor, roundId);
  });
}

/**
 * The named leader and the named verneombud each sign the round (product rule: both, so the round
 * is the joint walk aml § 6-2 foresees); anyone else: 404 as for every other forbidden write.
 */
export async function signRound(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  today: IsoDate,
): Promise<Round> {
  return inTransaction(db, async (trx) => {
    const { row } = await visibleRound(trx, actor, id);
    const asLeader = row.leader_user_id === actor.userId && row.leader_signed_on === null;
    const asVo = row.vo_user_id === actor.userId && row.vo_signed_on === null;
    if (!asLeader && !asVo) {
      if (row.leader_user_id === actor.userId || row.vo_user_id === actor.userId) {
        throw conflict({ nb: 'Du har allerede signert.', en: 'You have already signed.' }, 'WRONG_STATE');
      }
      throw roundNotFound();
    }
    const updated = await trx
      .updateTable('vernerunde')
      .set((eb) => ({
        leader_signed_on: asLeader ? today : row.leader_signed_on,
        vo_signed_on: asVo ? today : row.vo_signed_on,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'vernerunde',
      entityId: id,
      detail: { signedAs: [...(asLeader ? ['leder'] : []), ...(asVo ? ['verneombud'] : [])] },
    });
    return getRound(trx, actor, id);
  });
}
