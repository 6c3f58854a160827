import { describe, expect, it } from 'vitest';
import {
  goalsPrefill,
  measureReminderDates,
  measureState,
  REVIEW_SECTION_KEYS,
  REVIEW_SECTIONS,
  type ReviewDraft,
  reviewCompletionProblems,
} from './index.ts';

const complete = (): ReviewDraft => ({
  heldOn: '2027-01-15',
  participants: 'Daglig leder, verneombud',
  bhtNeeded: 'nei',
  sections: Object.fromEntries(
    REVIEW_SECTION_KEYS.map((k) => [k, `Tekst om ${k}`]),
  ) as ReviewDraft['sections'],
});

describe('measures', () => {
  it('are due soon 14 days ahead, overdue the day after, done when done', () => {
    expect(measureState({ due: '2027-02-03', done: false }, '2027-01-20')).toBe('due-soon');
    expect(measureState({ due: '2027-02-04', done: false }, '2027-01-20')).toBe('open');
    expect(measureState({ due: '2027-01-19', done: false }, '2027-01-20')).toBe('overdue');
    expect(measureState({ due: '2027-01-20', done: false }, '2027-01-20')).toBe('due-soon');
    expect(measureState({ due: '2027-01-19', done: true }, '2027-01-20')).toBe('done');
  });

  it('are reminded 14 days before and on the day', () => {
    expect(measureReminderDates('2027-03-01')).toEqual(['2027-02-15', '2027-03-01']);
  });
});

describe('the annual review', () => {
  it('has every section once, each with help and a legal basis', () => {
    expect(REVIEW_SECTIONS.map((s) => s.key)).toEqual([...REVIEW_SECTION_KEYS]);
    for (const s of REVIEW_SECTIONS) {
      expect(s.help.nb.length).toBeGreaterThan(10);
      expect(s.help.en.length).toBeGreaterThan(10);
      expect(s.legalBasis).toMatch(/§/);
    }
  });

  it('can be completed when every part is answered and it has been held', () => {
    expect(reviewCompletionProblems(complete(), 2026, '2027-01-20')).toEqual([]);
  });

  it('names every missing part', () => {
    const r = complete();
    r.heldOn = null;
    r.participants = '  ';
    r.bhtNeeded = null;
    r.sections.varsling = '';
    expect(reviewCompletionProblems(r, 2026, '2027-01-20').map((p) => p.path)).toEqual([
      'heldOn',
      'participants',
      'bhtNeeded',
      'sections.varsling',
    ]);
  });

  it('is not completed before it is held, nor held before the year it looks back on', () => {
    expect(
      reviewCompletionProblems({ ...complete(), heldOn: '2027-01-21' }, 2026, '2027-01-20')[0]?.path,
    ).toBe('heldOn');
    expect(
      reviewCompletionProblems({ ...complete(), heldOn: '2025-12-31' }, 2026, '2027-01-20')[0]?.path,
    ).toBe('heldOn');
    expect(reviewCompletionProblems({ ...complete(), heldOn: '2026-12-15' }, 2026, '2027-01-20')).toEqual([]);
  });

  it('starts from the goals of the year with their statuses', () => {
    expect(goalsPrefill(2026, [])).toBe('Ingen HMS-mål var registrert for 2026.');
    expect(
      goalsPrefill(2026, [
        { title: 'Færre skader', target: 'Null', status: 'nadd', measuresDone: 2, measuresTotal: 3 },
        { title: 'Bedre inneklima', target: '', status: 'ikke-nadd', measuresDone: 0, measuresTotal: 0 },
      ]),
    ).toBe(
      'HMS-mål for 2026:\n– Færre skader (mål: Null): nådd — 2 av 3 tiltak gjennomført\n– Bedre inneklima: ikke nådd',
    );
  });
});
