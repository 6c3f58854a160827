/**
 * Survey results with worked numbers, and properties (fast-check): for random unit trees and
 * answers, no shown group stands on fewer than 5 respondents, the shown groups are disjoint, and
 * what is left outside them is 0 or at least 5 — so no sum or difference of shown groups is a
 * group of 1–4.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_BANK, itemScore } from './items.ts';
import {
  type AnswerCount,
  compareDimensions,
  computeResults,
  groupOf,
  groupUnits,
  K_MIN,
  publishableTexts,
  type QuestionDef,
  round1,
} from './results.ts';
import { rawAnswersDeleteOn, reminderDate, surveyState } from './rules.ts';

const tree = [
  { id: 'R', parentId: null },
  { id: 'A', parentId: 'R' },
  { id: 'B', parentId: 'R' },
  { id: 'C', parentId: 'R' },
];

describe('groupUnits: the ≥ 5 rule with roll-up to the parent', () => {
  it('A (6) is its own group; B (3) and C (4) roll up into R (0 + 3 + 4 = 7)', () => {
    const g = groupUnits(
      tree,
      new Map([
        ['A', 6],
        ['B', 3],
        ['C', 4],
      ]),
    );
    expect(g.total).toBe(13);
    expect(g.groups).toEqual([
      { unitId: 'R', members: ['R', 'B', 'C'], n: 7 },
      { unitId: 'A', members: ['A'], n: 6 },
    ]);
    expect(g.rest.n).toBe(0);
    expect(groupOf(g, 'C')).toBe('R');
    expect(groupOf(g, 'A')).toBe('A');
  });

  it('A (6) and B (3): B rolls past the top (3 left over), so A is folded in too — only the whole (9) is shown', () => {
    const g = groupUnits(
      tree,
      new Map([
        ['A', 6],
        ['B', 3],
      ]),
    );
    expect(g.shown).toBe(true);
    expect(g.groups).toEqual([]);
    expect(g.rest.n).toBe(9);
  });

  it('fewer than 5 in all: nothing is shown', () => {
    const g = groupUnits(
      tree,
      new Map([
        ['A', 2],
        ['B', 2],
      ]),
    );
    expect(g).toMatchObject({ shown: false, groups: [], total: 4 });
  });

  it('answers with no unit count in the rest', () => {
    const g = groupUnits(
      tree,
      new Map<string | null, number>([
        ['A', 5],
        [null, 5],
      ]),
    );
    expect(g.groups.map((x) => [x.unitId, x.n])).toEqual([['A', 5]]);
    expect(g.rest.n).toBe(5);
  });
});

describe('computeResults', () => {
  const workload1 = ITEM_BANK.find((i) => i.key === 'arbeidsmengde-1');
  const workload2 = ITEM_BANK.find((i) => i.key === 'arbeidsmengde-2');
  const questions: QuestionDef[] = [
    { id: 'q1', kind: 'scale', itemKey: 'arbeidsmengde-1', optionCount: 0 },
    { id: 'q2', kind: 'scale', itemKey: 'arbeidsmengde-2', optionCount: 0 },
    { id: 'q3', kind: 'scale', itemKey: null, optionCount: 0 },
    { id: 'q4', kind: 'choice', itemKey: null, optionCount: 3 },
  ];

  it('the bank has reversed items, turned before they count (6 − answer)', () => {
    expect(workload1?.reversed).toBe(false);
    expect(workload2?.reversed).toBe(true);
    expect(itemScore({ reversed: true }, 2)).toBe(4);
  });

  it('worked example: unit A with 5 respondents; workload = (4·3 + 5·2 + (6−2)·3 + (6−4)·2) / 10 = 3.8', () => {
    const counts: AnswerCount[] = [
      { questionId: 'q1', unitId: 'A', value: 4, n: 3 },
      { questionId: 'q1', unitId: 'A', value: 5, n: 2 },
      { questionId: 'q2', unitId: 'A', value: 2, n: 3 },
      { questionId: 'q2', unitId: 'A', value: 4, n: 2 },
      { questionId: 'q3', unitId: 'A', value: 1, n: 5 },
      { questionId: 'q4', unitId: 'A', value: 1, n: 4 },
      { questionId: 'q4', unitId: 'A', value: 3, n: 1 },
    ];
    const r = computeResults(questions, tree, counts);
    expect(r.shown).toBe(true);
    expect(r.respondents).toBe(5);
    expect(r.groups.map((g) => g.key)).toEqual(['alle', 'A']);
    const a = r.groups[1];
    expect(a?.dimensions).toEqual([{ dimension: 'arbeidsmengde', mean: 3.8, answers: 10 }]);
    expect(a?.questions).toEqual([{ questionId: 'q3', mean: 1, answers: 5 }]);
    expect(r.choices).toEqual([{ questionId: 'q4', counts: [4, 0, 1] }]);
  });

  it('4 respondents: nothing is shown, not even the choice counts', () => {
    const r = computeResults(questions, tree, [{ questionId: 'q1', unitId: 'A', value: 3, n: 4 }]);
    expect(r).toEqual({ respondents: 4, shown: false, groups: [], choices: [] });
  });

  it('rounds half up to one decimal', () => {
    expect(round1(3.25)).toBe(3.3);
    expect(round1(3.249)).toBe(3.2);
  });
});

describe('free text and comparison', () => {
  it('free text only at ≥ 5 answers, blanks not counted, in alphabetical order', () => {
    expect(publishableTexts(['b', 'a', ' ', 'c', 'd'])).toBeNull();
    expect(publishableTexts(['e', 'b', 'a', 'c', 'd'])).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('compares with the previous round where the dimension was shown', () => {
    expect(
      compareDimensions(
        [
          { dimension: 'ledelse', mean: 3.4, answers: 10 },
          { dimension: 'laering', mean: 4, answers: 5 },
        ],
        [{ dimension: 'ledelse', mean: 3.9, answers: 12 }],
      ),
    ).toEqual([
      { dimension: 'ledelse', mean: 3.4, answers: 10, previous: 3.9, change: -0.5 },
      { dimension: 'laering', mean: 4, answers: 5, previous: null, change: null },
    ]);
  });
});

describe('rules', () => {
  it('state, the one reminder day and the deletion day of the raw answers', () => {
    const s = { publishedAt: 'x', opensOn: '2027-10-01', closesOn: '2027-10-21' };
    expect(surveyState(s, '2027-09-30')).toBe('planlagt');
    expect(surveyState(s, '2027-10-21')).toBe('apen');
    expect(surveyState(s, '2027-10-22')).toBe('lukket');
    expect(surveyState({ ...s, publishedAt: null }, '2027-10-10')).toBe('utkast');
    expect(reminderDate('2027-10-01', '2027-10-21')).toBe('2027-10-18');
    expect(reminderDate('2027-10-20', '2027-10-21')).toBe('2027-10-20');
    expect(rawAnswersDeleteOn('2027-10-21')).toBe('2029-10-22');
  });
});

/** A random tree of up to 8 units (parent index < own index) and counts per unit (and unit-less). */
const scenario = fc.record({
  parents: fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 8 }),
  counts: fc.array(fc.nat({ max: 9 }), { minLength: 9, maxLength: 9 }),
});

describe('properties', () => {
  it('no shown group has fewer than 5; groups are disjoint; the rest is 0 or ≥ 5; all add up', () => {
    fc.assert(
      fc.property(scenario, ({ parents, counts }) => {
        const units = parents.map((p, i) => ({
          id: `u${i}`,
          parentId: p === null || i === 0 ? null : `u${p % i}`,
        }));
        const map = new Map<string | null, number>(units.map((u, i) => [u.id, counts[i] ?? 0]));
        map.set(null, counts[8] ?? 0);
        const g = groupUnits(units, map);
        const total = [...map.values()].reduce((a, b) => a + b, 0);
        expect(g.total).toBe(total);
        if (!g.shown) {
          expect(total).toBeLessThan(K_MIN);
          expect(g.groups).toEqual([]);
          return;
        }
        const seen = new Set<string>();
        for (const group of g.groups) {
          expect(group.n).toBeGreaterThanOrEqual(K_MIN);
          for (const m of group.members) {
            expect(seen.has(m)).toBe(false);
            seen.add(m);
          }
          expect(group.members.reduce((s, m) => s + (map.get(m) ?? 0), 0)).toBe(group.n);
        }
        expect(g.rest.n === 0 || g.rest.n >= K_MIN).toBe(true);
        expect(g.groups.reduce((s, x) => s + x.n, 0) + g.rest.n).toBe(total);
      }),
      { numRuns: 500 },
    );
  });

  it('every group computeResults shows stands on ≥ 5 respondents', () => {
    const qs: QuestionDef[] = [{ id: 'q', kind: 'scale', itemKey: 'ledelse-1', optionCount: 0 }];
    fc.assert(
      fc.property(scenario, ({ parents, counts }) => {
        const units = parents.map((p, i) => ({
          id: `u${i}`,
          parentId: p === null || i === 0 ? null : `u${p % i}`,
        }));
        const rows: AnswerCount[] = units.map((u, i) => ({
          questionId: 'q',
          unitId: u.id,
          value: 3,
          n: counts[i] ?? 0,
        }));
        const r = computeResults(qs, units, rows);
        for (const group of r.groups) expect(group.respondents).toBeGreaterThanOrEqual(K_MIN);
        if (!r.shown) expect(r.groups).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
