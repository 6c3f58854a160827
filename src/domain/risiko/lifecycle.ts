/**
 * Deleting an assessment and reopening a closed risk — pure, `today` as a parameter.
 *
 * - IK-f § 5 second paragraph and FOLM § 7-1 (lovkrav): the risk assessment is documented in
 *   writing and kept so that it can be used later. Once an assessment has been reviewed (a kept
 *   revision exists) or a risk in it has been closed or accepted, it is evidence of the
 *   internkontroll and is kept for the life of the account (product default). Before that it is a
 *   draft, and a draft may be deleted with a reason (the reason goes to the audit log).
 * - FOLM § 7-1 (lovkrav): the assessment is repeated at changes that may affect the risk. A closed
 *   risk that turns out not to be under control is reopened with a reason, and the assessment's
 *   next review is brought forward to the date given (never later than it already was).
 */
import type { IsoDate } from '../calendar/index.ts';
import type { Text } from './matrix.ts';

export type DeletionCheck = { ok: true } | { ok: false; message: Text };

/**
 * May this assessment be deleted? Only a draft: never reviewed (it is still revision 1, the first
 * review makes it 2 and keeps revision 1), no risk in it ever closed or accepted.
 */
export function assessmentDeletion(a: { revision: number; closedRisks: number }): DeletionCheck {
  if (a.revision > 1) {
    return {
      ok: false,
      message: {
        nb: 'Vurderingen er gjennomgått og tas vare på så lenge kontoen finnes (IK-f § 5). Den kan ikke slettes.',
        en: 'The assessment has been reviewed and is kept for the life of the account (IK-f § 5). It cannot be deleted.',
      },
    };
  }
  if (a.closedRisks > 0) {
    return {
      ok: false,
      message: {
        nb: 'En risiko i vurderingen er lukket eller akseptert, så vurderingen tas vare på så lenge kontoen finnes (IK-f § 5). Den kan ikke slettes.',
        en: 'A risk in the assessment has been closed or accepted, so the assessment is kept for the life of the account (IK-f § 5). It cannot be deleted.',
      },
    };
  }
  return { ok: true };
}

export type ReopenCheck = { ok: true; nextReview: IsoDate } | { ok: false; field: string; message: Text };

/**
 * Reopening a closed risk (FOLM § 7-1): the review date must not be in the past; the assessment's
 * next review becomes the earlier of the date it had and the date given.
 */
export function reopenCheck(
  risk: { status: 'apen' | 'lukket' },
  current: { nextReview: IsoDate },
  reviewBy: IsoDate,
  today: IsoDate,
): ReopenCheck {
  if (risk.status !== 'lukket') {
    return {
      ok: false,
      field: 'status',
      message: { nb: 'Risikoen er ikke lukket.', en: 'The risk is not closed.' },
    };
  }
  if (reviewBy < today) {
    return {
      ok: false,
      field: 'reviewBy',
      message: {
        nb: 'Datoen for ny gjennomgang kan ikke være passert.',
        en: 'The date for the new review cannot be in the past.',
      },
    };
  }
  return { ok: true, nextReview: reviewBy < current.nextReview ? reviewBy : current.nextReview };
}
