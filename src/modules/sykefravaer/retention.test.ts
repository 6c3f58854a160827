import { describe, expect, it } from 'vitest';
import { decideRetention, type RetentionPeriod } from './retention.ts';

const TODAY = '2026-06-15';
let n = 0;
const p = (type: RetentionPeriod['type'], start: string, end: string, deleted = false): RetentionPeriod => ({
  id: `p${++n}`,
  type,
  start,
  end,
  grade: type === 'sykmelding' ? 100 : null,
  avventende: false,
  deleted,
});

describe('decideRetention (§11.9)', () => {
  it('deletes everything once the last period ended more than N months ago', () => {
    const periods = [p('sykmelding', '2025-01-01', '2025-06-14')];
    expect(decideRetention({ today: TODAY, retentionMonths: 12, hold: false, periods })).toEqual({
      deleteAll: true,
      egenmeldingPeriodIds: [],
    });
    // Exactly 12 months ago is kept.
    expect(
      decideRetention({
        today: TODAY,
        retentionMonths: 12,
        hold: false,
        periods: [p('sykmelding', '2025-01-01', '2025-06-15')],
      }).deleteAll,
    ).toBe(false);
    // A shorter setting.
    expect(
      decideRetention({
        today: TODAY,
        retentionMonths: 3,
        hold: false,
        periods: [p('sykmelding', '2025-12-01', '2026-03-14')],
      }).deleteAll,
    ).toBe(true);
    // Nothing left but the follow-up row.
    expect(decideRetention({ today: TODAY, retentionMonths: 12, hold: false, periods: [] }).deleteAll).toBe(
      true,
    );
  });

  it('keeps everything while a newer period exists (also a deleted or non-sick one) and under a hold', () => {
    const old = p('sykmelding', '2024-01-01', '2024-02-01');
    expect(
      decideRetention({
        today: TODAY,
        retentionMonths: 12,
        hold: false,
        periods: [old, p('arbeid', '2026-01-01', '2026-01-01')],
      }).deleteAll,
    ).toBe(false);
    expect(
      decideRetention({
        today: TODAY,
        retentionMonths: 12,
        hold: false,
        periods: [old, p('ferie', '2026-01-01', '2026-01-05', true)],
      }).deleteAll,
    ).toBe(false);
    expect(decideRetention({ today: TODAY, retentionMonths: 12, hold: true, periods: [old] })).toEqual({
      deleteAll: false,
      egenmeldingPeriodIds: [],
    });
  });

  it('deletes egenmelding older than 12 months unless it belongs to a case still kept', () => {
    const oldEgen = p('egenmelding', '2024-09-01', '2024-09-03');
    const deletedEgen = p('egenmelding', '2024-11-01', '2024-11-01', true);
    const keptCaseEgen = p('egenmelding', '2025-05-01', '2025-05-03');
    const periods = [
      oldEgen,
      p('sykmelding', '2024-09-04', '2024-10-31'),
      deletedEgen,
      keptCaseEgen,
      p('sykmelding', '2025-05-04', '2025-07-01', false),
      p('egenmelding', '2026-04-01', '2026-04-02'),
    ];
    expect(decideRetention({ today: TODAY, retentionMonths: 12, hold: false, periods })).toEqual({
      deleteAll: false,
      egenmeldingPeriodIds: [oldEgen.id, deletedEgen.id],
    });
    // With a 60-month retention the old case is kept, and so is its egenmelding.
    expect(
      decideRetention({ today: TODAY, retentionMonths: 60, hold: false, periods }).egenmeldingPeriodIds,
    ).toEqual([deletedEgen.id]);
  });
});
