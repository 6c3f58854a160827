import { describe, expect, it } from 'vitest';
import { decideRetention, type RetentionPeriod } from './retention.ts';
import { computePlan } from './stored-case.ts';

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
    expect(decideRetention({ today: TODAY, retentionMonths: 12, hold: false, periods })).toMatchObject({
      deleteAll: true,
      casePeriodIds: [],
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

  it('deletes an ended case although a newer (non-sick or deleted) period exists; keeps all under a hold', () => {
    const old = p('sykmelding', '2024-01-01', '2024-02-01');
    const arbeid = p('arbeid', '2026-01-01', '2026-01-01');
    expect(
      decideRetention({ today: TODAY, retentionMonths: 12, hold: false, periods: [old, arbeid] }),
    ).toMatchObject({
      deleteAll: false,
      caseDataBefore: '2025-06-15', // no case is kept: the cut-off
      casePeriodIds: [old.id],
      retainedPeriodIds: [],
    });
    const ferie = p('ferie', '2026-01-01', '2026-01-05', true);
    expect(
      decideRetention({ today: TODAY, retentionMonths: 12, hold: false, periods: [old, ferie] })
        .casePeriodIds,
    ).toEqual([old.id]);
    expect(decideRetention({ today: TODAY, retentionMonths: 12, hold: true, periods: [old] })).toMatchObject({
      deleteAll: false,
      caseDataBefore: null,
      casePeriodIds: [],
      egenmeldingPeriodIds: [],
    });
  });

  it('deletes the older case of someone with a newer case, which keeps its derivation', () => {
    // Case 1: 2025-01-06 … 2025-04-13, ended 14 months before today. Case 2: from 2026-05-16, ongoing.
    const old = [
      p('egenmelding', '2025-01-06', '2025-01-08'),
      p('sykmelding', '2025-01-09', '2025-04-13'),
      p('sykmelding', '2025-02-01', '2025-02-03', true),
    ];
    const current = [p('sykmelding', '2026-05-16', '2026-07-31')];
    const overrides = [
      { caseStart: '2025-01-06', end: '2025-01-21' },
      { caseStart: '2026-05-16', end: '2026-05-31' },
    ];
    const decision = decideRetention({
      today: TODAY,
      retentionMonths: 12,
      hold: false,
      periods: [...old, ...current],
      agpOverrides: overrides,
    });
    expect(decision).toEqual({
      deleteAll: false,
      caseDataBefore: '2026-05-16',
      casePeriodIds: old.map((x) => x.id),
      retainedPeriodIds: [],
      overrideCaseStarts: ['2025-01-06'],
      egenmeldingPeriodIds: [],
    });
    // 11 months after the end nothing goes.
    expect(
      decideRetention({
        today: '2026-03-13',
        retentionMonths: 12,
        hold: false,
        periods: [...old, ...current],
      }),
    ).toMatchObject({ deleteAll: false, caseDataBefore: null, casePeriodIds: [], egenmeldingPeriodIds: [] });
  });

  it('keeps the periods of an ended case that the newer case’s maksdato counts (ftrl § 8-12)', () => {
    // A: 2022-03-01 … 2022-04-30, long ago. B: 2025-01-01 … 2025-05-31, ended over 12 months ago.
    // C: from 2025-08-01 (62 days after B: less than 26 weeks, so B's sykepengedager count for C).
    const a = [p('sykmelding', '2022-03-01', '2022-04-30')];
    const b = [p('egenmelding', '2025-01-01', '2025-01-03'), p('sykmelding', '2025-01-04', '2025-05-31')];
    const bDeleted = p('ferie', '2025-06-01', '2025-06-05', true);
    const c = [p('sykmelding', '2025-08-01', '2026-07-31', false)];
    const periods = [...a, ...b, bDeleted, ...c];
    const decision = decideRetention({ today: TODAY, retentionMonths: 12, hold: false, periods });
    expect(decision).toEqual({
      deleteAll: false,
      caseDataBefore: '2025-08-01',
      casePeriodIds: [a[0]?.id, bDeleted.id],
      retainedPeriodIds: b.map((x) => x.id),
      overrideCaseStarts: [],
      // B's egenmelding is older than 12 months, but C depends on it.
      egenmeldingPeriodIds: [],
    });
    // Why: without B, C's maksdato would come later.
    const plan = (ps: RetentionPeriod[]) =>
      computePlan({ periods: ps, birthDate: null, agpOverrides: [], dialogmote2: null }).followUp?.maksdato;
    expect(plan([...b, ...c])).not.toBe(plan(c));
    expect(plan([...a, ...b, ...c])).toBe(plan([...b, ...c]));
    // After a 26-week gap B no longer counts, and goes.
    const later = [p('sykmelding', '2026-01-01', '2026-07-31')];
    expect(
      decideRetention({ today: TODAY, retentionMonths: 12, hold: false, periods: [...b, ...later] }),
    ).toMatchObject({ casePeriodIds: b.map((x) => x.id), retainedPeriodIds: [] });
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
    // The case that ended 2024-10-31 goes whole (by the case rule); the kept case keeps its egenmelding.
    expect(decideRetention({ today: TODAY, retentionMonths: 12, hold: false, periods })).toMatchObject({
      deleteAll: false,
      caseDataBefore: '2025-05-01',
      casePeriodIds: [oldEgen.id, periods[1]?.id, deletedEgen.id],
      retainedPeriodIds: [],
      egenmeldingPeriodIds: [],
    });
    // With a 60-month retention the old case is kept, and so is its egenmelding.
    expect(
      decideRetention({ today: TODAY, retentionMonths: 60, hold: false, periods }).egenmeldingPeriodIds,
    ).toEqual([deletedEgen.id]);
  });
});
