import { describe, expect, it } from 'vitest';
import { canEditAssessment, canReadAssessment, canReadOrganisationMatrix, isVoOf } from './access.ts';
import { HAZARD_AREAS, HAZARD_CHECKLIST } from './hazards.ts';
import {
  band,
  closureCheck,
  countCells,
  currentScore,
  matrixCells,
  mayAssess,
  nextReviewDate,
  residualChange,
  reviewState,
  riskValue,
  type Score,
} from './matrix.ts';

const s = (p: number, c: number) => ({ p, c }) as Score;

describe('the 5 × 5 matrix (anbefalt)', () => {
  it('bands every one of the 25 cells: Lav 1–4, Middels 5–10, Høy 12–25', () => {
    const bands = matrixCells().map((cell) => [riskValue(cell), band(cell)] as const);
    expect(bands).toHaveLength(25);
    for (const [value, b] of bands) {
      expect(b).toBe(value <= 4 ? 'lav' : value <= 10 ? 'middels' : 'hoy');
    }
  });

  it('worked examples', () => {
    // Tunge løft in a workshop, lifted daily, back injury with absence: P 4 × C 4 = 16 → Høy.
    expect(band(s(4, 4))).toBe('hoy');
    // After a lifting aid and training: P 2 × C 4 = 8 → Middels.
    expect(band(s(2, 4))).toBe('middels');
    // Glare on screens, rarely more than an ailment: P 3 × C 1 = 3 → Lav.
    expect(band(s(3, 1))).toBe('lav');
    // 3 × 4 = 12 is the first Høy; 2 × 5 = 10 the last Middels.
    expect(band(s(3, 4))).toBe('hoy');
    expect(band(s(2, 5))).toBe('middels');
  });

  it('any consequence 5 is at least Middels', () => {
    for (const p of [1, 2, 3, 4, 5]) expect(band(s(p, 5))).not.toBe('lav');
    expect(band(s(1, 5))).toBe('middels');
  });

  it('compares the residual with the initial score', () => {
    expect(residualChange(s(4, 4), s(2, 4))).toBe('lower');
    expect(residualChange(s(4, 4), null)).toBe('none');
    expect(residualChange(s(2, 2), s(2, 3))).toBe('higher');
    expect(currentScore({ initial: s(4, 4), residual: null })).toEqual(s(4, 4));
    expect(currentScore({ initial: s(4, 4), residual: s(1, 4) })).toEqual(s(1, 4));
  });

  it('counts scores per cell', () => {
    const counts = countCells([s(4, 4), s(4, 4), s(2, 4)]);
    expect(counts.get('4-4')).toBe(2);
    expect(counts.get('2-4')).toBe(1);
    expect(counts.get('1-1')).toBeUndefined();
  });
});

describe('closing a risk (anbefalt)', () => {
  it('closes when the residual risk is at most Middels', () => {
    expect(closureCheck({ initial: s(4, 4), residual: s(2, 4) }, null)).toEqual({ ok: true, by: 'criteria' });
    expect(closureCheck({ initial: s(1, 3), residual: null }, null)).toEqual({ ok: true, by: 'criteria' });
  });

  it('refuses a Høy residual risk without an acceptance, and with an incomplete one', () => {
    const high = { initial: s(5, 4), residual: s(4, 4) };
    expect(closureCheck(high, null)).toMatchObject({ ok: false, reason: 'needs-acceptance' });
    expect(closureCheck(high, { name: 'Lise Leder', date: '2026-12-03', reason: ' ' })).toMatchObject({
      ok: false,
      reason: 'acceptance-incomplete',
    });
    // No residual set: the initial Høy counts.
    expect(closureCheck({ initial: s(4, 4), residual: null }, null)).toMatchObject({ ok: false });
  });

  it('closes a Høy residual risk with the leader’s documented acceptance', () => {
    expect(
      closureCheck(
        { initial: s(5, 4), residual: s(4, 4) },
        { name: 'Lise Leder', date: '2026-12-03', reason: 'Arbeidet avsluttes i januar.' },
      ),
    ).toEqual({ ok: true, by: 'acceptance' });
  });
});

describe('review dates (FOLM § 7-1)', () => {
  it('is a year after the assessment by default', () => {
    expect(nextReviewDate('2026-12-03')).toBe('2027-12-03');
    expect(nextReviewDate('2024-02-29')).toBe('2025-02-28');
  });

  it('comes sooner after a change', () => {
    expect(nextReviewDate('2026-12-03', ['2027-03-01', null])).toBe('2027-03-01');
    expect(nextReviewDate('2026-12-03', ['2028-01-01'])).toBe('2027-12-03');
  });

  it('tells current, due soon and overdue apart', () => {
    expect(reviewState('2027-12-03', '2026-12-03')).toBe('current');
    expect(reviewState('2026-12-20', '2026-12-03')).toBe('due-soon');
    expect(reviewState('2026-12-02', '2026-12-03')).toBe('overdue');
  });

  it('needs the acceptance criteria before the first assessment', () => {
    expect(mayAssess(null)).toBe(false);
    expect(mayAssess({ recordedOn: '2026-12-01' })).toBe(true);
  });
});

describe('the checklist and access', () => {
  it('has typical hazards in every area, with unique keys', () => {
    for (const area of HAZARD_AREAS) expect(HAZARD_CHECKLIST.some((x) => x.area === area)).toBe(true);
    expect(new Set(HAZARD_CHECKLIST.map((x) => x.key)).size).toBe(HAZARD_CHECKLIST.length);
    expect(HAZARD_CHECKLIST.find((x) => x.key === 'tunge-loft')?.area).toBe('ergonomisk');
  });

  it('gives each role what it needs and no more', () => {
    const place = { unitId: 'u1', verneomradeIds: ['v1'] };
    const base = { verneomradeIds: [], ledUnitIds: [], ownUnitId: null };
    expect(canEditAssessment({ ...base, roles: ['hr'] }, place)).toBe(true);
    expect(canEditAssessment({ ...base, roles: ['leder'], ledUnitIds: ['u1'] }, place)).toBe(true);
    expect(canEditAssessment({ ...base, roles: ['leder'], ledUnitIds: ['u2'] }, place)).toBe(false);
    expect(isVoOf({ ...base, roles: ['verneombud'], verneomradeIds: ['v1'] }, place)).toBe(true);
    expect(canEditAssessment({ ...base, roles: ['verneombud'], verneomradeIds: ['v1'] }, place)).toBe(false);
    expect(canReadAssessment({ ...base, roles: ['ansatt'], ownUnitId: 'u1' }, place)).toBe(true);
    expect(canReadAssessment({ ...base, roles: ['ansatt'], ownUnitId: 'u2' }, place)).toBe(false);
    expect(canReadAssessment({ ...base, roles: ['amu'] }, place)).toBe(false);
    expect(canReadOrganisationMatrix({ ...base, roles: ['amu'] })).toBe(true);
    expect(canReadAssessment({ ...base, roles: ['bht'] }, place)).toBe(false);
  });
});
