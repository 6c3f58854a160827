/**
 * Survey results, pure: which groups may be shown (the ≥ 5 rule with roll-up to the parent unit),
 * the mean per dimension and per own scale question for each shown group, the distribution of
 * choice questions, free text, and the comparison with the previous round.
 *
 * Product decision (anbefalt, after NAV's masking practice for statistics): a result is shown only
 * for a group of at least `K_MIN` respondents; a unit with fewer rolls up into its parent. No law
 * sets the number; the point is that nobody can tell what one person answered (GDPR art. 5 (1) c,
 * data minimisation, and aml § 4-3: integrity preserved).
 *
 * The shown groups are disjoint and each has at least K_MIN respondents, and so does what is left
 * («Øvrige») when it is not empty: otherwise subtracting the shown groups from the whole would
 * reveal a small remainder, so the smallest shown group is folded into the remainder until it is
 * large enough. Any sum or difference of shown numbers is then a union of groups of ≥ K_MIN.
 */
import { bankItem, DIMENSIONS, type Dimension, itemScore } from './items.ts';

/** The least number of respondents a shown result may stand on (k-anonymity). */
export const K_MIN = 5;

export type UnitNode = { id: string; parentId: string | null };

export type Grouping = {
  /** Shown unit groups: the unit and the units below it whose counts rolled up into it. */
  groups: { unitId: string; members: string[]; n: number }[];
  /** The count outside every shown unit group (unit-less counts, roll-ups past the top, folded groups). */
  rest: { members: string[]; n: number };
  total: number;
  /** False when the total itself is below K_MIN: nothing at all is shown. */
  shown: boolean;
};

/**
 * Groups the units of a tree by count, bottom-up: a unit whose own count plus what its children
 * carried reaches `k` is a group; otherwise its count is carried to its parent. `counts` keys are
 * unit ids; the key `null` (no unit) goes to the rest. A unit whose parent is not in `units` is a
 * top unit; counts of unknown units go to the rest.
 */
export function groupUnits(
  units: readonly UnitNode[],
  counts: ReadonlyMap<string | null, number>,
  k: number = K_MIN,
): Grouping {
  const known = new Set(units.map((u) => u.id));
  const children = new Map<string, string[]>();
  const tops: string[] = [];
  for (const u of [...units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (u.parentId !== null && known.has(u.parentId) && u.parentId !== u.id) {
      const list = children.get(u.parentId) ?? [];
      list.push(u.id);
      children.set(u.parentId, list);
    } else tops.push(u.id);
  }
  const groups: Grouping['groups'] = [];
  const visited = new Set<string>();
  /** Returns what the unit carries up: its members and count not yet in a group. */
  const visit = (id: string): { members: string[]; n: number } => {
    visited.add(id);
    let members = [id];
    let n = counts.get(id) ?? 0;
    for (const child of children.get(id) ?? []) {
      if (visited.has(child)) continue;
      const carried = visit(child);
      members = members.concat(carried.members);
      n += carried.n;
    }
    if (n >= k) {
      groups.push({ unitId: id, members, n });
      return { members: [], n: 0 };
    }
    return { members, n };
  };
  let restMembers: string[] = [];
  let restN = 0;
  for (const top of tops) {
    const carried = visit(top);
    restMembers = restMembers.concat(carried.members);
    restN += carried.n;
  }
  // Units in a cycle (never reached from a top) count as the rest.
  for (const u of units) {
    if (!visited.has(u.id)) {
      visited.add(u.id);
      restMembers.push(u.id);
      restN += counts.get(u.id) ?? 0;
    }
  }
  for (const [key, n] of counts) if (key === null || !known.has(key)) restN += n;
  const total = groups.reduce((sum, g) => sum + g.n, 0) + restN;
  if (total < k) {
    return { groups: [], rest: { members: [...known], n: total }, total, shown: false };
  }
  // A remainder of 1 … k−1 could be recovered as total − shown groups: fold the smallest group in.
  groups.sort((a, b) => b.n - a.n || (a.unitId < b.unitId ? -1 : 1));
  while (restN > 0 && restN < k) {
    const smallest = groups.pop();
    if (!smallest) break;
    restMembers = restMembers.concat(smallest.members);
    restN += smallest.n;
  }
  return { groups, rest: { members: restMembers, n: restN }, total, shown: true };
}

/** The group a unit's answers are stored under (null: the rest), from a grouping. */
export function groupOf(grouping: Grouping, unitId: string | null): string | null {
  if (unitId === null) return null;
  for (const g of grouping.groups) if (g.members.includes(unitId)) return g.unitId;
  return null;
}

export type QuestionKind = 'scale' | 'choice' | 'text';

export type QuestionDef = {
  id: string;
  kind: QuestionKind;
  /** A bank item's key (its dimension and direction come from the bank), or null for an own question. */
  itemKey: string | null;
  /** Number of options of a choice question. */
  optionCount: number;
};

/** How many stored answers have this value, per question and stored group. `value` null: a text row. */
export type AnswerCount = { questionId: string; unitId: string | null; value: number | null; n: number };

export type DimensionResult = { dimension: Dimension; mean: number; answers: number };
export type QuestionMean = { questionId: string; mean: number; answers: number };

export type GroupResult = {
  /** `alle` (everyone who answered), a unit id, or `ovrige` (everyone outside the unit groups). */
  key: string;
  unitId: string | null;
  /** The units whose answers are in the group (for «includes …»). */
  memberUnitIds: string[];
  respondents: number;
  dimensions: DimensionResult[];
  questions: QuestionMean[];
};

export type SurveyResult = {
  respondents: number;
  /** False: fewer than K_MIN answered, nothing is shown. */
  shown: boolean;
  groups: GroupResult[];
  /** Choice questions, for everyone together: count per option (index 0 = option 1). */
  choices: { questionId: string; counts: number[] }[];
};

/** Half-up to one decimal, as results are shown. */
export function round1(value: number): number {
  return Math.round(value * 10 + 1e-9) / 10;
}

type Acc = { sum: number; n: number };

function groupResult(
  key: string,
  unitId: string | null,
  members: string[],
  respondents: number,
  rows: readonly AnswerCount[],
  questions: ReadonlyMap<string, QuestionDef>,
): GroupResult {
  const dims = new Map<Dimension, Acc>();
  const own = new Map<string, Acc>();
  for (const row of rows) {
    const q = questions.get(row.questionId);
    if (q?.kind !== 'scale' || row.value === null) continue;
    const item = q.itemKey === null ? undefined : bankItem(q.itemKey);
    if (item) {
      const acc = dims.get(item.dimension) ?? { sum: 0, n: 0 };
      acc.sum += itemScore(item, row.value) * row.n;
      acc.n += row.n;
      dims.set(item.dimension, acc);
    } else {
      const acc = own.get(q.id) ?? { sum: 0, n: 0 };
      acc.sum += row.value * row.n;
      acc.n += row.n;
      own.set(q.id, acc);
    }
  }
  return {
    key,
    unitId,
    memberUnitIds: members,
    respondents,
    dimensions: DIMENSIONS.flatMap((dimension) => {
      const acc = dims.get(dimension);
      return acc && acc.n > 0 ? [{ dimension, mean: round1(acc.sum / acc.n), answers: acc.n }] : [];
    }),
    questions: [...questions.values()].flatMap((q) => {
      const acc = own.get(q.id);
      return acc && acc.n > 0 ? [{ questionId: q.id, mean: round1(acc.sum / acc.n), answers: acc.n }] : [];
    }),
  };
}

/**
 * The results of one survey. Every respondent leaves one row per question (a skipped free text
 * too), so the respondents of a group are the rows of any one question in it.
 */
export function computeResults(
  questionList: readonly QuestionDef[],
  units: readonly UnitNode[],
  counts: readonly AnswerCount[],
  k: number = K_MIN,
): SurveyResult {
  const questions = new Map(questionList.map((q) => [q.id, q]));
  const first = questionList[0];
  const perUnit = new Map<string | null, number>();
  if (first) {
    for (const row of counts) {
      if (row.questionId !== first.id) continue;
      perUnit.set(row.unitId, (perUnit.get(row.unitId) ?? 0) + row.n);
    }
  }
  const grouping = groupUnits(units, perUnit, k);
  if (!grouping.shown) return { respondents: grouping.total, shown: false, groups: [], choices: [] };
  const byGroup = new Map<string, AnswerCount[]>();
  const all: AnswerCount[] = [];
  const memberOf = new Map<string, string>();
  for (const g of grouping.groups) for (const m of g.members) memberOf.set(m, g.unitId);
  for (const row of counts) {
    all.push(row);
    const key = (row.unitId !== null && memberOf.get(row.unitId)) || 'ovrige';
    const list = byGroup.get(key) ?? [];
    list.push(row);
    byGroup.set(key, list);
  }
  const groups: GroupResult[] = [
    groupResult(
      'alle',
      null,
      units.map((u) => u.id),
      grouping.total,
      all,
      questions,
    ),
    ...grouping.groups.map((g) =>
      groupResult(g.unitId, g.unitId, g.members, g.n, byGroup.get(g.unitId) ?? [], questions),
    ),
  ];
  // «Øvrige» only beside unit groups (alone it equals «alle»).
  if (grouping.rest.n > 0 && grouping.groups.length > 0) {
    groups.push(
      groupResult(
        'ovrige',
        null,
        grouping.rest.members,
        grouping.rest.n,
        byGroup.get('ovrige') ?? [],
        questions,
      ),
    );
  }
  const choices = questionList
    .filter((q) => q.kind === 'choice')
    .map((q) => {
      const countsPerOption = Array.from({ length: q.optionCount }, () => 0);
      for (const row of counts) {
        if (row.questionId !== q.id || row.value === null) continue;
        const index = row.value - 1;
        if (index >= 0 && index < countsPerOption.length)
          countsPerOption[index] = (countsPerOption[index] ?? 0) + row.n;
      }
      return { questionId: q.id, counts: countsPerOption };
    });
  return { respondents: grouping.total, shown: true, groups, choices };
}

/**
 * Free-text answers to one question, shown only when at least `k` gave one; in alphabetical order,
 * never in the order they came (which could match the order people answered in).
 */
export function publishableTexts(texts: readonly string[], k: number = K_MIN): string[] | null {
  const given = texts.map((t) => t.trim()).filter((t) => t.length > 0);
  if (given.length < k) return null;
  return [...given].sort((a, b) => a.localeCompare(b, 'nb'));
}

export type DimensionComparison = DimensionResult & { previous: number | null; change: number | null };

/** A group's dimensions beside the same group's in the previous round (null where it was not shown). */
export function compareDimensions(
  current: readonly DimensionResult[],
  previous: readonly DimensionResult[] | null,
): DimensionComparison[] {
  const before = new Map((previous ?? []).map((d) => [d.dimension, d.mean]));
  return current.map((d) => {
    const p = before.get(d.dimension);
    return p === undefined
      ? { ...d, previous: null, change: null }
      : { ...d, previous: p, change: round1(d.mean - p) };
  });
}
