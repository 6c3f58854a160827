/**
 * Masking as properties (fast-check): for random unit trees and staff, no group of 1–4 persons can be
 * recovered from the published groups — neither by subtracting children from a parent nor by any
 * other combination of published groups with coefficients −1, 0, 1 — and masked groups carry no
 * figures. Population masking is checked on quarters and on `rolling`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, MIN_PERSONS } from './masking.ts';
import { beregnStatistikk } from './statistikk.ts';
import type { GroupFigures, StatistikkInput } from './types.ts';

const FIGURE_KEYS = ['population', 'highestQuarterPopulation', 'avtalteDagsverk', 'tapteDagsverk', 'prosent'];

/** A random tree of up to 7 units and up to 40 persons placed in a unit or directly in the org. */
const scenario = fc
  .record({
    parents: fc.array(fc.nat(), { minLength: 0, maxLength: 7 }),
    staff: fc.array(
      fc.record({
        unit: fc.nat(),
        // Employment: before, inside or after 2025Q1 (the quarter the property looks at).
        startMonth: fc.integer({ min: 0, max: 5 }),
        months: fc.integer({ min: 0, max: 8 }),
        sick: fc.boolean(),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ parents, staff }): StatistikkInput => {
    // Unit i's parent is one of the units before it, or none (parent index p % (i + 1) === i).
    const units = parents.map((p, i) => {
      const at = p % (i + 1);
      return { id: `u${i}`, parentId: at === i ? null : `u${at}`, name: `Enhet ${i}` };
    });
    const employees = staff.map((s, i) => {
      const startYear = 2024 + Math.floor((9 + s.startMonth) / 12);
      const startMonth = ((9 + s.startMonth) % 12) + 1;
      const start = `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
      const endMonthIndex = 9 + s.startMonth + s.months;
      const endYear = 2024 + Math.floor(endMonthIndex / 12);
      const endMonth = (endMonthIndex % 12) + 1;
      return {
        id: `e${i}`,
        positionPercent: 100,
        unitId:
          units.length === 0 || s.unit % (units.length + 1) === units.length
            ? null
            : `u${s.unit % units.length}`,
        employmentStart: start,
        employmentEnd: s.months >= 8 ? null : `${endYear}-${String(endMonth).padStart(2, '0')}-28`,
        periods: s.sick ? [{ start: '2025-02-03', end: '2025-02-07', type: 'egenmelding' as const }] : [],
      };
    });
    return { quarters: ['2025Q1'], units, employees };
  });

/** For each group (0 = org, i + 1 = unit i): the set of persons employed in 2025Q1. */
function personSets(input: StatistikkInput): Set<number>[] {
  const index = new Map(input.units.map((u, i) => [u.id, i + 1]));
  const parent = input.units.map((u) => (u.parentId === null ? 0 : (index.get(u.parentId) ?? 0)));
  const sets = Array.from({ length: input.units.length + 1 }, () => new Set<number>());
  input.employees.forEach((e, p) => {
    if (e.employmentStart > '2025-03-31' || (e.employmentEnd !== null && e.employmentEnd < '2025-01-01'))
      return;
    let g = e.unitId === null ? 0 : (index.get(e.unitId) ?? 0);
    for (;;) {
      sets[g]?.add(p);
      if (g === 0) break;
      g = parent[g - 1] ?? 0;
    }
  });
  return sets;
}

const groupsOf = (block: { organisation: GroupFigures; units: GroupFigures[] }) => [
  block.organisation,
  ...block.units,
];

describe('masking (properties)', () => {
  it('groups under 5 are masked, masked groups carry no figures, shown figures are right', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const out = beregnStatistikk(input);
        const block = out.quarters[0];
        if (block === undefined) throw new Error('no quarter block');
        const sets = personSets(input);
        groupsOf(block).forEach((g, i) => {
          const size = sets[i]?.size ?? 0;
          if (size < MIN_PERSONS) expect(g).toMatchObject({ masked: true, maskReason: 'population' });
          if (g.masked) for (const key of FIGURE_KEYS) expect(g).not.toHaveProperty(key);
          else expect(g.population).toBe(size);
        });
        for (const g of groupsOf(out.rolling)) {
          if (g.masked) for (const key of FIGURE_KEYS) expect(g).not.toHaveProperty(key);
          else expect(g.highestQuarterPopulation ?? 0).toBeGreaterThanOrEqual(MIN_PERSONS);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no combination of published groups isolates 1–4 persons', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const out = beregnStatistikk(input);
        const block = out.quarters[0];
        if (block === undefined) throw new Error('no quarter block');
        const sets = personSets(input);
        const published = groupsOf(block)
          .map((g, i) => (g.masked ? null : (sets[i] as Set<number>)))
          .filter((s): s is Set<number> => s !== null);
        // Every combination with coefficients −1, 0, 1 (3^k, k ≤ 8 published groups).
        const k = published.length;
        const persons = input.employees.length;
        const coefficient = new Int8Array(persons);
        const choice = new Int8Array(k);
        const total = 3 ** k;
        for (let n = 1; n < total; n++) {
          let x = n;
          for (let j = 0; j < k; j++) {
            choice[j] = (x % 3) - 1;
            x = Math.floor(x / 3);
          }
          coefficient.fill(0);
          published.forEach((set, j) => {
            const c = choice[j] as number;
            if (c !== 0) for (const p of set) coefficient[p] = (coefficient[p] as number) + c;
          });
          // A combination that is exactly the figures of a set of persons (all coefficients 0 or 1)
          // must be about 0 or at least 5 persons.
          let ones = 0;
          let clean = true;
          for (const c of coefficient) {
            if (c === 1) ones++;
            else if (c !== 0) clean = false;
          }
          if (clean && ones > 0 && ones < MIN_PERSONS) {
            throw new Error(`groups ${Array.from(choice).join(',')} isolate ${ones} persons`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the residual of every shown group is 0 or at least 5, also in rolling', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const out = beregnStatistikk(input);
        const sets = personSets(input);
        const block = out.quarters[0];
        if (block === undefined) throw new Error('no quarter block');
        const groups = groupsOf(block);
        const index = new Map(input.units.map((u, i) => [u.id, i + 1]));
        const children: number[][] = Array.from({ length: groups.length }, () => []);
        input.units.forEach((u, i) => {
          children[u.parentId === null ? 0 : (index.get(u.parentId) ?? 0)]?.push(i + 1);
        });
        groups.forEach((g, n) => {
          if (g.masked) return;
          const below: number[] = [];
          const stack = [...(children[n] ?? [])];
          while (stack.length > 0) {
            const d = stack.pop() as number;
            if (groups[d]?.masked === false) below.push(d);
            else stack.push(...(children[d] ?? []));
          }
          const residual = new Set(sets[n]);
          for (const d of below) for (const p of sets[d] ?? []) residual.delete(p);
          expect(residual.size === 0 || residual.size >= MIN_PERSONS).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('compareCodePoints', () => {
  it('orders by code point, not by UTF-16 unit', () => {
    // U+FF21 (one unit) sorts before U+1F600 (a surrogate pair, first unit 0xD83D < 0xFF21).
    expect(compareCodePoints('\u{FF21}', '\u{1F600}')).toBeLessThan(0);
    expect('\u{FF21}' < '\u{1F600}').toBe(false);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(compareCodePoints('b', 'a')).toBeGreaterThan(0);
  });
});
