/**
 * Masking of small groups (ADR 0011; NAV's
 * `MIN_ANTALL_PERS_FOR_AT_STATISTIKKEN_IKKE_ER_PERSONOPPLYSNINGER = 5`). Figures about fewer than
 * five persons are personopplysninger (GDPR art. 4 (1)), and health data at that (art. 9), so they
 * are never published, and neither is a set of groups from which they could be computed by
 * subtraction (complementary suppression).
 *
 * Groups are numbered: 0 is the organisation, 1…n the units. Each group has a vector of masking
 * counts, one per quarter of the block (one for a quarter block, four for `rolling`); its masking
 * population is the largest (NAV: the highest number of persons in any quarter).
 */

export const MIN_PERSONS = 5;

export type MaskState = 'shown' | 'population' | 'complementary';

export interface MaskingTree {
  /** `children[g]`: the groups directly below group g (the organisation's are the top-level units). */
  children: readonly (readonly number[])[];
  /** Processing order: the organisation, then units by depth, then by id (code points). */
  order: readonly number[];
  /** Group ids for tie-breaking (code-point order); the organisation's is never compared. */
  ids: readonly string[];
}

/** Code-point order of two strings (not UTF-16 code units), so the order is the same in every language. */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const cx = (x[i] as string).codePointAt(0) as number;
    const cy = (y[i] as string).codePointAt(0) as number;
    if (cx !== cy) return cx - cy;
  }
  return x.length - y.length;
}

const maxOf = (v: readonly number[]) => v.reduce((m, x) => (x > m ? x : m), 0);

/**
 * Which groups to mask in one block. `counts[g][c]` is the number of persons of group g (with
 * its subunits) employed in the block's quarter c.
 */
export function maskGroups(tree: MaskingTree, counts: readonly (readonly number[])[]): MaskState[] {
  const state: MaskState[] = counts.map((v) => (maxOf(v) < MIN_PERSONS ? 'population' : 'shown'));
  const components = counts[0]?.length ?? 0;

  /** The shown units below g with no shown unit between them and g. */
  const maximalShownDescendants = (g: number): number[] => {
    const out: number[] = [];
    const stack = [...(tree.children[g] ?? [])];
    while (stack.length > 0) {
      const d = stack.pop() as number;
      if (state[d] === 'shown') out.push(d);
      else stack.push(...(tree.children[d] ?? []));
    }
    return out;
  };

  // At the first shown group whose residual has 1–4 persons, mask its maximal shown
  // descendant with the smallest masking population (ties: smallest id); start again.
  for (;;) {
    let changed = false;
    for (const g of tree.order) {
      if (state[g] !== 'shown') continue;
      const below = maximalShownDescendants(g);
      if (below.length === 0) continue; // the residual is the whole group: ≥ 5, or it would be masked
      let residual = 0;
      for (let c = 0; c < components; c++) {
        let r = counts[g]?.[c] ?? 0;
        for (const d of below) r -= counts[d]?.[c] ?? 0;
        if (r > residual) residual = r;
      }
      if (residual >= 1 && residual < MIN_PERSONS) {
        let pick = below[0] as number;
        for (const d of below) {
          const a = maxOf(counts[d] ?? []);
          const b = maxOf(counts[pick] ?? []);
          if (a < b || (a === b && compareCodePoints(tree.ids[d] ?? '', tree.ids[pick] ?? '') < 0)) pick = d;
        }
        state[pick] = 'complementary';
        changed = true;
        break;
      }
    }
    if (!changed) return state;
  }
}
