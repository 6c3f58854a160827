/**
 * The bow-tie of a risk («sløyfemodellen», anbefalt): causes, preventive and mitigating barriers and
 * consequences as records; a barrier can link to the tiltak that builds or maintains it, and an
 * avvik can mark it «svekket», which brings the review of the assessment forward (FOLM § 7-1: the
 * assessment is repeated at changes that may affect the risk).
 */
import type { z } from 'zod';
import type { Assessment, BowtieCreateSchema } from '../../contracts/risiko/risiko.schemas.ts';
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { isBarrier } from '../../domain/risiko/index.ts';
import { inTransaction, writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { editableRisk, getAssessment } from './assessment.service.ts';

const elementNotFound = () =>
  notFound({ nb: 'Fant ikke elementet i sløyfediagrammet.', en: 'Bow-tie element not found.' });

export async function addBowtieItem(
  db: Db,
  actor: Actor,
  riskId: string,
  body: z.output<typeof BowtieCreateSchema>,
  today: IsoDate,
): Promise<Assessment> {
  return inTransaction(db, async (trx) => {
    const { item } = await editableRisk(trx, actor, riskId);
    if (body.tiltakId !== null) {
      const fields = (nb: string, en: string) =>
        new AppError(
          'VALIDATION_FAILED',
          { nb, en },
          { fields: [{ path: 'tiltakId', message: { nb, en } }] },
        );
      if (!isBarrier(body.kind)) {
        throw fields(
          'Bare en barriere kan knyttes til et tiltak.',
          'Only a barrier can be linked to a measure.',
        );
      }
      const tiltak = await trx
        .selectFrom('risk_tiltak')
        .select('id')
        .where('organisation_id', '=', actor.organisationId)
        .where('id', '=', body.tiltakId)
        .where('risk_id', '=', riskId)
        .executeTakeFirst();
      if (!tiltak) throw fields('Velg et tiltak for denne risikoen.', 'Choose a measure of this risk.');
    }
    const { id } = await trx
      .insertInto('risk_bowtie_item')
      .values({
        organisation_id: actor.organisationId,
        risk_id: riskId,
        kind: body.kind,
        text: body.text,
        tiltak_id: body.tiltakId,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'create',
      entityType: 'risk_bowtie_item',
      entityId: id,
      detail: { riskId, kind: body.kind },
    });
    return getAssessment(trx, actor, item.assessment_id, today);
  });
}

export async function deleteBowtieItem(
  db: Db,
  actor: Actor,
  id: string,
  today: IsoDate,
): Promise<Assessment> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('risk_bowtie_item')
      .select(['id', 'risk_id'])
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw elementNotFound();
    const { item } = await editableRisk(trx, actor, row.risk_id).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'NOT_FOUND' ? elementNotFound() : error;
    });
    await trx
      .deleteFrom('risk_bowtie_item')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, { action: 'delete', entityType: 'risk_bowtie_item', entityId: id });
    return getAssessment(trx, actor, item.assessment_id, today);
  });
}

/**
 * An avvik shows a barrier failing: the barrier is marked «svekket» (with the day and the reason)
 * and the next review of its risk assessment is brought forward to `reviewBy` — never later than it
 * was (FOLM § 7-1: repeated at changes that may affect the risk; a serious avvik is such a change).
 * For the avvik module, in its own transaction; audit-logged. 404 when the barrier is not the
 * organisation's or not a barrier.
 */
export async function markBarrierWeakened(
  db: Db,
  actor: Pick<Actor, 'organisationId' | 'userId' | 'roles'>,
  barrierId: string,
  input: { today: IsoDate; reviewBy: IsoDate; reason: string },
): Promise<{ riskId: string; assessmentId: string; nextReview: IsoDate }> {
  return inTransaction(db, async (trx) => {
    const barrier = await trx
      .selectFrom('risk_bowtie_item as b')
      .innerJoin('risk_item as r', (j) =>
        j.onRef('r.organisation_id', '=', 'b.organisation_id').onRef('r.id', '=', 'b.risk_id'),
      )
      .select(['b.id', 'b.kind', 'b.risk_id', 'r.assessment_id'])
      .where('b.organisation_id', '=', actor.organisationId)
      .where('b.id', '=', barrierId)
      .executeTakeFirst();
    if (!barrier || !isBarrier(barrier.kind)) throw elementNotFound();
    const reason = input.reason.trim().slice(0, 500) || null;
    await trx
      .updateTable('risk_bowtie_item')
      .set({ status: 'svekket', weakened_on: input.today, weakened_reason: reason })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', barrierId)
      .execute();
    const assessment = await trx
      .selectFrom('risk_assessment')
      .select('next_review')
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', barrier.assessment_id)
      .executeTakeFirstOrThrow();
    const nextReview = input.reviewBy < assessment.next_review ? input.reviewBy : assessment.next_review;
    await trx
      .updateTable('risk_assessment')
      .set((eb) => ({
        next_review: nextReview,
        review_reason: 'En barriere er svekket (avvik)',
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', barrier.assessment_id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'risk_bowtie_item',
      entityId: barrierId,
      detail: { weakened: true, nextReview },
    });
    return { riskId: barrier.risk_id, assessmentId: barrier.assessment_id, nextReview };
  });
}

/** A barrier as the avvik module offers it when an avvik is assessed: where it stands, and its state. */
export type BarrierChoice = {
  id: string;
  text: string;
  kind: 'forebyggende' | 'begrensende';
  status: 'virker' | 'svekket';
  riskTitle: string;
  assessmentTitle: string;
};

/** Every barrier of the organisation's open risk assessments, by assessment and risk (for the avvik triage). */
export async function listBarriers(db: Db, organisationId: string): Promise<BarrierChoice[]> {
  const rows = await db
    .selectFrom('risk_bowtie_item as b')
    .innerJoin('risk_item as r', (j) =>
      j.onRef('r.organisation_id', '=', 'b.organisation_id').onRef('r.id', '=', 'b.risk_id'),
    )
    .innerJoin('risk_assessment as a', (j) =>
      j.onRef('a.organisation_id', '=', 'r.organisation_id').onRef('a.id', '=', 'r.assessment_id'),
    )
    .select(['b.id', 'b.text', 'b.kind', 'b.status', 'r.title as riskTitle', 'a.title as assessmentTitle'])
    .where('b.organisation_id', '=', organisationId)
    .where('b.kind', 'in', ['forebyggende', 'begrensende'])
    .orderBy('a.title')
    .orderBy('r.title')
    .orderBy('b.text')
    .orderBy('b.id')
    .execute();
  return rows.flatMap((row) =>
    row.kind === 'forebyggende' || row.kind === 'begrensende' ? [{ ...row, kind: row.kind }] : [],
  );
}
