import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../src/domain/dokumenter/oppfolgingsplan.ts';
import { fieldFilled, planSectionLayout } from '../../web/src/modules/dokumenter/plan-layout.ts';

describe('the plan page: sections that matter now first, the rest collapsed', () => {
  it('a new, empty plan opens what aml § 4-6 (3) requires and collapses «Den viktige samtalen» last', () => {
    expect(planSectionLayout(SECTIONS, {}, [])).toEqual([
      { key: 'arbeid', open: true },
      { key: 'tilrettelegging', open: true },
      { key: 'tiltak', open: true },
      { key: 'oppfolging', open: true },
      { key: 'samtalen', open: false },
    ]);
  });

  it('«Den viktige samtalen» opens in its own place once it holds text (blank text does not count)', () => {
    expect(planSectionLayout(SECTIONS, { changeTools: '   ' }, []).at(-1)).toEqual({
      key: 'samtalen',
      open: false,
    });
    expect(planSectionLayout(SECTIONS, { wellbeingHard: 'Lange dager er krevende.' }, [])).toEqual([
      { key: 'arbeid', open: true },
      { key: 'tilrettelegging', open: true },
      { key: 'samtalen', open: true },
      { key: 'tiltak', open: true },
      { key: 'oppfolging', open: true },
    ]);
  });

  it('a section the employee commented on comes first', () => {
    const layout = planSectionLayout(SECTIONS, {}, ['oppfolging', 'samtalen']);
    expect(layout.map((s) => s.key)).toEqual([
      'samtalen',
      'oppfolging',
      'arbeid',
      'tilrettelegging',
      'tiltak',
    ]);
    expect(layout.every((s) => s.open)).toBe(true);
  });

  it('counts an answer «Nei», an evaluation date and an agreed action as filled', () => {
    expect(fieldFilled({ participated: false }, 'participated')).toBe(true);
    expect(fieldFilled({ participated: null }, 'participated')).toBe(false);
    expect(fieldFilled({ evaluationDate: '2026-12-24' }, 'evaluationDate')).toBe(true);
    expect(fieldFilled({ evaluationDate: null }, 'evaluationDate')).toBe(false);
    expect(fieldFilled({ actions: [{ what: 'Hev-senk-pult', ownerKind: 'leader' }] }, 'actions')).toBe(true);
    expect(fieldFilled({ actions: [] }, 'actions')).toBe(false);
  });
});
