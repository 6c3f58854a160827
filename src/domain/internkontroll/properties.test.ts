/**
 * Property-based tests (fast-check) over thousands of generated company profiles and years.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../calendar/index.ts';
import { generateArshjul } from './arshjul.ts';
import { derivePlikter } from './duties.ts';
import { BHT_NACE_LIST, toSn2025 } from './nace.ts';
import { parseCompanyProfile } from './schema.ts';
import {
  AMU_DEMANDED_BY,
  ARSHJUL_KEYS,
  type ArshjulContext,
  CMR_KINDS,
  type CompanyProfile,
  DUTY_KEYS,
  type NaceCode,
} from './types.ts';

const RUNS = 2000;

// Headcounts concentrated around the thresholds (0, 1, 4, 5, 9, 10, 29, 30), with some large ones.
const headcount = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, 1, 4, 5, 9, 10, 29, 30) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) },
);
const average = fc.oneof(
  fc.constantFrom(0, 9.9, 10, 29.9, 30),
  fc.double({ min: 0, max: 2000, noNaN: true, noDefaultInfinity: true }),
);
const code = fc.oneof(
  fc.constantFrom(...BHT_NACE_LIST.entries),
  fc.constantFrom('62.01', '41.00', '86.10', '86', '43', '32.99', '47.11', '01.11'),
  fc
    .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 3 }))
    .map(([d, rest, digits]) => {
      const div = String(d).padStart(2, '0');
      return digits === 0 ? div : `${div}.${String(rest).padStart(3, '0').slice(0, digits)}`;
    }),
);
const nace: fc.Arbitrary<NaceCode | null> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 6,
    arbitrary: fc
      .record({
        system: fc.constantFrom('SN2007' as const, 'SN2025' as const),
        code: fc.option(code, { nil: null }),
      })
      .map(({ system, code }) => ({ system, code, sn2025: toSn2025(system, code).sn2025, label: '' })),
  },
);
const profileArb: fc.Arbitrary<CompanyProfile> = fc.record({
  employeesTotal: headcount,
  employeesAvg20hLastYear: average,
  hiredWorkers: fc.integer({ min: 0, max: 50 }),
  nace,
  hazardousChemicals: fc.boolean(),
  cmrExposure: fc.option(fc.constantFrom(...CMR_KINDS), { nil: null }),
  asbestosExposure: fc.boolean(),
  biologicalAgents: fc.boolean(),
  nightWorkMainly: fc.boolean(),
  verneomraader: fc.integer({ min: 0, max: 40 }),
  amuDemandedBy: fc.constantFrom(...AMU_DEMANDED_BY),
  alternativeVoAgreementValid: fc.boolean(),
  arbeidstilsynetOrders: fc.record({ vo: fc.boolean(), amu: fc.boolean(), bht: fc.boolean() }),
  bhtRiskAssessmentSaysRequired: fc.option(fc.boolean(), { nil: null }),
});

const date = (from: string, to: string) =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
const ctxArb: fc.Arbitrary<ArshjulContext> = fc.record({
  year: fc.integer({ min: 2024, max: 2040 }),
  lastVoElection: fc.option(date('2018-01-01', '2041-12-31'), { nil: null }),
  lastAmuElection: fc.option(date('2018-01-01', '2041-12-31'), { nil: null }),
  alternativeVoAgreementUntil: fc.option(date('2020-01-01', '2043-12-31'), { nil: null }),
});

describe('derivePlikter over generated profiles', () => {
  it('every duty has a reason; arshjul is sorted and unique; the shape is the contract', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const d = derivePlikter(p);
        // Plain checks in the loops (fast-check reports the counterexample); expect() only on the whole.
        const badReasons = DUTY_KEYS.filter((key) => {
          const r = d.reasons[key];
          return (
            r === undefined ||
            r.nb.length <= 20 ||
            r.en.length <= 20 ||
            r.legalBasis.length <= 3 ||
            (r.kind !== 'lovkrav' && r.kind !== 'anbefalt')
          );
        });
        expect(badReasons).toEqual([]);
        expect(Object.keys(d.reasons).length).toBe(DUTY_KEYS.length);
        for (let i = 1; i < d.arshjul.length; i++) {
          if (!((d.arshjul[i - 1] ?? '') < (d.arshjul[i] ?? '')))
            throw new Error(`not sorted/unique: ${d.arshjul}`);
        }
        expect(d.amuBasis).toBe(p.employeesAvg20hLastYear);
        // The input is valid for the schema, and the schema gives it back unchanged.
        expect(parseCompanyProfile(p)).toEqual({ ok: true, value: p });
      }),
      { numRuns: RUNS },
    );
  });

  it('invariants between duties', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const d = derivePlikter(p);
        if (p.employeesTotal === 0) {
          for (const key of DUTY_KEYS) {
            if (key === 'amu' || key === 'bht') continue;
            expect(d[key]).toBe('not-applicable');
          }
          expect(d.amu).toBe('not-applicable');
          expect(d.bht).toBe('not-applicable');
          expect(d.arshjul).toEqual([]);
        } else {
          expect(d.internkontroll).toBe('required');
          expect(d.verneombud).not.toBe('not-applicable');
          expect(d.amu).not.toBe('not-applicable');
          expect(d.bht).not.toBe('not-applicable');
        }
        if (p.employeesTotal >= 5) expect(d.verneombud).toBe('required');
        if (p.employeesTotal >= 1 && p.employeesAvg20hLastYear >= 30) expect(d.amu).toBe('required');
        expect(d.ikWrittenPoints).toEqual(d.internkontroll === 'required' ? [4, 5, 6, 7, 8] : []);
        expect(d.bhtPlanAndAnnualReport === 'required').toBe(
          d.bht === 'required-by-nace' || d.bht === 'ordered' || d.bht === 'required-by-risk',
        );
        expect(d.amuAnnualReport === 'required').toBe(d.amu === 'required');
        expect(d.hovedverneombud === 'required').toBe(
          (d.verneombud === 'required' || d.verneombud === 'required-unless-agreement') &&
            p.verneomraader > 1,
        );
        expect(d.exposureRegisterRetentionYears === null || d.exposureRegister === 'required').toBe(true);
        // A list match is reported whatever the size; required-by-nace implies a match.
        if (d.bht === 'required-by-nace') expect(d.bhtMatchedListEntry).not.toBeNull();
        // Never a silent no: an unusable code with no order or risk answer "yes" needs verification.
        if (p.employeesTotal > 0 && (p.nace === null || p.nace.code === null || p.nace.sn2025 === null)) {
          if (
            d.bhtMatchedListEntry === null &&
            !p.arbeidstilsynetOrders.bht &&
            p.bhtRiskAssessmentSaysRequired !== true
          ) {
            expect(d.bht).toBe('needs-verification');
          }
        }
        expect(d.arshjul.includes('vernerunde-arlig') && d.arshjul.includes('vernerunde-kvartalsvis')).toBe(
          false,
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe('generateArshjul over generated profiles and years', () => {
  it('covers every ARSHJUL_KEY exactly once across items ∪ notApplicable; dates in the year; sorted', () => {
    fc.assert(
      fc.property(profileArb, ctxArb, (p, ctx) => {
        const d = derivePlikter(p);
        const plan = generateArshjul(p, d, ctx);
        const itemKeys = new Set(plan.items.map((i) => i.key));
        const naKeys = plan.notApplicable.map((n) => n.key);
        expect(new Set(naKeys).size).toBe(naKeys.length);
        const notExactlyOnce = ARSHJUL_KEYS.filter((key) => itemKeys.has(key) === naKeys.includes(key));
        expect(notExactlyOnce).toEqual([]);
        // Keys the profile generates are dated this year, or "not this year" with the next date;
        // keys it does not generate are not applicable, without a next date.
        const applies = new Set(d.arshjul);
        const badNa = plan.notApplicable.filter((n) =>
          applies.has(n.key)
            ? n.nextDue === undefined || Number(n.nextDue.slice(0, 4)) <= ctx.year
            : n.nextDue !== undefined || !n.reason.nb.startsWith('Ikke aktuelt — fordi '),
        );
        expect(badNa).toEqual([]);
        expect([...itemKeys].filter((k) => !applies.has(k))).toEqual([]);
        const year = String(ctx.year);
        const seen = new Set<string>();
        for (const i of plan.items) {
          const id = `${i.key}/${i.occurrence}`;
          if (i.due.slice(0, 4) !== year || seen.has(id)) throw new Error(`${id} due ${i.due} in ${year}`);
          seen.add(id);
        }
        const order = plan.items.map((i) => `${i.due} ${i.key} ${i.occurrence}`);
        expect(order).toEqual([...order].sort());
      }),
      { numRuns: RUNS },
    );
  });
});
