import { describe, expect, it } from 'vitest';
import { assessmentDeletion, reopenCheck } from './lifecycle.ts';

describe('deleting an assessment (IK-f § 5: kept once it is evidence)', () => {
  it('allows a draft: revision 1 (never reviewed), no risk closed', () => {
    expect(assessmentDeletion({ revision: 1, closedRisks: 0 })).toEqual({ ok: true });
  });
  it('refuses once reviewed (revision 2), naming the rule', () => {
    const check = assessmentDeletion({ revision: 2, closedRisks: 0 });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message.nb).toContain('gjennomgått');
  });
  it('refuses once a risk was closed or accepted', () => {
    const check = assessmentDeletion({ revision: 1, closedRisks: 1 });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message.en).toContain('closed or accepted');
  });
});

describe('reopening a closed risk (FOLM § 7-1)', () => {
  const today = '2027-03-10';
  it('brings the review forward: next review 10.03.2028, reopened for 01.05.2027 → 01.05.2027', () => {
    expect(reopenCheck({ status: 'lukket' }, { nextReview: '2028-03-10' }, '2027-05-01', today)).toEqual({
      ok: true,
      nextReview: '2027-05-01',
    });
  });
  it('never moves the review later: next review 01.04.2027, asked for 01.06.2027 → 01.04.2027', () => {
    expect(reopenCheck({ status: 'lukket' }, { nextReview: '2027-04-01' }, '2027-06-01', today)).toEqual({
      ok: true,
      nextReview: '2027-04-01',
    });
  });
  it('accepts today itself, refuses yesterday (09.03.2027) naming reviewBy', () => {
    expect(reopenCheck({ status: 'lukket' }, { nextReview: '2028-03-10' }, today, today).ok).toBe(true);
    const past = reopenCheck({ status: 'lukket' }, { nextReview: '2028-03-10' }, '2027-03-09', today);
    expect(past).toMatchObject({ ok: false, field: 'reviewBy' });
  });
  it('refuses an open risk', () => {
    expect(reopenCheck({ status: 'apen' }, { nextReview: '2028-03-10' }, '2027-05-01', today)).toMatchObject({
      ok: false,
      field: 'status',
    });
  });
});
