/**
 * Which sections of the oppfølgingsplan page show first and open, and which come after, collapsed
 * (issue 10: the page was ≈ 6 400 px with 22 free-text fields). Pure; the page computes it once
 * when the plan opens, so sections do not jump while the user types.
 *
 * - A section the employee has commented on comes first: the remark waits for an answer.
 * - Then the sections holding what aml § 4-6 (3) says the plan must contain — the work tasks and
 *   working capacity (a), measures by the employer (b), measures with help from NAV or the
 *   occupational health service (c), and the plan for further follow-up (d) — and any other
 *   section that already holds text, a date, an answer or an agreed action.
 * - The rest (product default: «Den viktige samtalen» while it is empty) follows, collapsed.
 * Within each group the sections keep their order in the plan.
 */
import type {
  PlanContent,
  PlanField,
  SectionKey,
} from '../../../../src/domain/dokumenter/oppfolgingsplan.ts';

/** The sections holding the content aml § 4-6 (3) (a)–(d) requires. */
export const REQUIRED_SECTIONS: readonly SectionKey[] = ['arbeid', 'tilrettelegging', 'tiltak', 'oppfolging'];

/** Whether one field of the plan holds anything. */
export function fieldFilled(content: PlanContent, field: PlanField): boolean {
  if (field === 'actions') return (content.actions ?? []).length > 0;
  if (field === 'participated') return content.participated === true || content.participated === false;
  const value = content[field];
  return typeof value === 'string' && value.trim() !== '';
}

export type SectionLayout<K extends string> = { key: K; open: boolean };

export function planSectionLayout<K extends SectionKey>(
  sections: readonly { key: K; fields: readonly PlanField[] }[],
  content: PlanContent,
  commentedSections: readonly string[],
): SectionLayout<K>[] {
  const rank = (s: { key: K; fields: readonly PlanField[] }) => {
    if (commentedSections.includes(s.key)) return 0;
    if (REQUIRED_SECTIONS.includes(s.key) || s.fields.some((f) => fieldFilled(content, f))) return 1;
    return 2;
  };
  return sections
    .map((s, index) => ({ key: s.key, rank: rank(s), index }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ key, rank: r }) => ({ key, open: r < 2 }));
}
