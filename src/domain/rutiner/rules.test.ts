import { describe, expect, it } from 'vitest';
import {
  byReadState,
  coveredUnits,
  ROUTINE_BODY_MAX,
  ROUTINE_TEMPLATE_KEYS,
  ROUTINE_TEMPLATES,
  readState,
  reviewReminderDates,
  reviewState,
  routineAppliesTo,
  textBlocks,
  unitAndAncestors,
} from './index.ts';

// helse → hjemme → natt; skole separate.
const units = [
  { id: 'helse', parentId: null },
  { id: 'hjemme', parentId: 'helse' },
  { id: 'natt', parentId: 'hjemme' },
  { id: 'skole', parentId: null },
];

describe('which routines apply to an employee (IK-f § 5 no. 2)', () => {
  it('covers the listed unit and every unit below it, never one beside or above', () => {
    expect([...coveredUnits(units, ['hjemme'])].sort()).toEqual(['hjemme', 'natt']);
    expect(routineAppliesTo({ appliesToAll: false, unitIds: ['helse'] }, 'natt', units)).toBe(true);
    expect(routineAppliesTo({ appliesToAll: false, unitIds: ['hjemme'] }, 'helse', units)).toBe(false);
    expect(routineAppliesTo({ appliesToAll: false, unitIds: ['hjemme'] }, 'skole', units)).toBe(false);
    expect(routineAppliesTo({ appliesToAll: true, unitIds: [] }, 'skole', units)).toBe(true);
    expect(routineAppliesTo({ appliesToAll: false, unitIds: [] }, 'skole', units)).toBe(false);
  });

  it('walks up the tree nearest first and stops on a cycle', () => {
    expect(unitAndAncestors(units, 'natt')).toEqual(['natt', 'hjemme', 'helse']);
    const cyclic = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect(unitAndAncestors(cyclic, 'a')).toEqual(['a', 'b']);
    expect([...coveredUnits(cyclic, ['a'])].sort()).toEqual(['a', 'b']);
  });
});

describe('review and read state', () => {
  it('is overdue after the review date and due soon within 14 days (anbefalt)', () => {
    expect(reviewState('2027-03-01', '2027-03-02')).toBe('overdue');
    expect(reviewState('2027-03-01', '2027-03-01')).toBe('due-soon');
    expect(reviewState('2027-03-15', '2027-03-01')).toBe('due-soon');
    expect(reviewState('2027-03-16', '2027-03-01')).toBe('ok');
    expect(reviewReminderDates('2027-03-15')).toEqual(['2027-03-01', '2027-03-15']);
  });

  it('asks for a new confirmation when the routine has a newer version', () => {
    expect(readState(1, null)).toBe('unconfirmed');
    expect(readState(2, 1)).toBe('new-version');
    expect(readState(2, 2)).toBe('confirmed');
    const sorted = [
      { title: 'B', state: 'confirmed' as const },
      { title: 'C', state: 'new-version' as const },
      { title: 'Å', state: 'unconfirmed' as const },
      { title: 'A', state: 'unconfirmed' as const },
    ].sort(byReadState);
    expect(sorted.map((r) => r.title)).toEqual(['A', 'Å', 'C', 'B']);
  });
});

describe('starter templates', () => {
  it('has one for each of avvik, varsling, introduksjon, førstehjelp and brann, marked as a starting point', () => {
    expect(ROUTINE_TEMPLATE_KEYS).toEqual(['avvik', 'varsling', 'introduksjon', 'forstehjelp', 'brann']);
    for (const key of ROUTINE_TEMPLATE_KEYS) {
      const template = ROUTINE_TEMPLATES[key];
      expect(template.category).toBe(key);
      expect(template.body.startsWith('UTGANGSPUNKT – TILPASS FØR BRUK')).toBe(true);
      expect(template.body.length).toBeLessThanOrEqual(ROUTINE_BODY_MAX);
      expect(template.title.length).toBeLessThanOrEqual(200);
    }
  });

  it('names the content aml § 2 A-6 (4) requires of a varsling routine', () => {
    const body = ROUTINE_TEMPLATES.varsling.body;
    expect(body).toMatch(/oppfordrer deg til å si fra/);
    expect(body).toMatch(/Slik varsler du/);
    expect(body).toMatch(/Slik behandler vi varselet/);
    expect(body).toMatch(/begrenser ikke retten til å varsle/);
    expect(ROUTINE_TEMPLATES.avvik.body).toMatch(/§ 3-1 andre ledd bokstav e/);
  });
});

describe('a routine’s plain text, laid out', () => {
  it('makes headings, paragraphs and lists from blank lines, «- » and «1. », and never reads markup', () => {
    const blocks = textBlocks(
      'Formål\nRutinen skal sikre at avvik meldes.\nAndre linje.\n\nNår det brenner\n1. Varsle.\n2. Redd.\n\nHva skal meldes\n- Skader\n- <b>Nestenulykker</b>\n\nEtt avsnitt uten overskrift.',
    );
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Formål' },
      { kind: 'paragraph', lines: ['Rutinen skal sikre at avvik meldes.', 'Andre linje.'] },
      { kind: 'heading', text: 'Når det brenner' },
      { kind: 'numbers', items: ['Varsle.', 'Redd.'] },
      { kind: 'heading', text: 'Hva skal meldes' },
      { kind: 'bullets', items: ['Skader', '<b>Nestenulykker</b>'] },
      { kind: 'paragraph', lines: ['Ett avsnitt uten overskrift.'] },
    ]);
    expect(textBlocks('1. Vi oppfordrer deg til å si fra\nVi vil at du sier fra.')[0]).toEqual({
      kind: 'heading',
      text: '1. Vi oppfordrer deg til å si fra',
    });
  });
});
