import { describe, expect, it } from 'vitest';
import { diffPlans, findHealthWords, healthWordWarnings } from './oppfolgingsplan.ts';

describe('oppfølgingsplan helpers', () => {
  it('finds obvious health words, not look-alikes', () => {
    expect(findHealthWords('Hun har Depresjonen og litt angst.')).toEqual(['depresjon', 'angst']);
    expect(findHealthWords('Russisk slagord på møtet, MS Teams')).toEqual(['ms']);
    expect(findHealthWords('Kan ta lette oppgaver på lageret.')).toEqual([]);
  });

  it('lists warnings per field and action', () => {
    expect(
      healthWordWarnings({
        canDo: 'Alt unntatt løft',
        cannotDo: 'Migrene gjør skjermarbeid vanskelig',
        actions: [{ what: 'Time hos lege for diagnose', ownerKind: 'employee' }],
      }),
    ).toEqual([
      { field: 'cannotDo', words: ['migrene'] },
      { field: 'actions.0', words: ['diagnose'] },
    ]);
  });

  it('diffs per field with readable text', () => {
    const changes = diffPlans(
      { canDo: 'Lett arbeid', evaluationDate: '2026-01-05' },
      { canDo: 'Lett arbeid på lageret', evaluationDate: '2026-01-05', participated: true },
    );
    expect(changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ['canDo', 'Lett arbeid', 'Lett arbeid på lageret'],
      ['participated', null, 'Ja'],
    ]);
  });
});
