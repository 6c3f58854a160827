import { describe, expect, it } from 'vitest';
import { parsePlanInput } from './schema.ts';

const ok = { start: '2025-01-06', end: '2025-01-10', type: 'sykmelding', grade: 100 };

function messages(value: unknown): string[] {
  const r = parsePlanInput(value);
  return r.ok ? [] : r.errors.map((e) => e.message);
}

describe('planInputSchema', () => {
  it('accepts the contract example, with and without birthDate', () => {
    const r = parsePlanInput({
      periods: [ok, { start: '2025-01-11', end: '2025-01-12', type: 'ferie' }],
      birthDate: '1980-05-01',
    });
    expect(r.ok).toBe(true);
    expect(parsePlanInput({ periods: [] }).ok).toBe(true);
  });

  it.each([
    [
      { periods: [ok, ok, { ...ok, grade: 0 }] },
      'periods[2].grade: må være mellom 1 og 100 / must be between 1 and 100',
    ],
    [
      { periods: [{ ...ok, grade: 101 }] },
      'periods[0].grade: må være mellom 1 og 100 / must be between 1 and 100',
    ],
    [
      { periods: [{ ...ok, grade: 50.5 }] },
      'periods[0].grade: må være et helt tall / must be a whole number',
    ],
    [{ periods: [{ ...ok, grade: '50' }] }, 'periods[0].grade: må være et tall / must be a number'],
    [{ periods: [{ start: '2025-01-06', type: 'egenmelding' }] }, 'periods[0].end: mangler / is missing'],
    [
      { periods: [{ ...ok, start: '2025-01-11' }] },
      'periods[0].start: kan ikke være etter end / must not be after end',
    ],
    [
      { periods: [{ ...ok, type: 'sick' }] },
      'periods[0].type: må være en av sykmelding, egenmelding, ferie, arbeid, behandlingsdager / must be one of sykmelding, egenmelding, ferie, arbeid, behandlingsdager',
    ],
    [
      { periods: [{ ...ok, end: '2025-02-30' }] },
      'periods[0].end: må være en gyldig dato på formen ÅÅÅÅ-MM-DD / must be a valid date in the form YYYY-MM-DD',
    ],
    [
      { periods: [{ ...ok, start: '2025-1-6' }] },
      'periods[0].start: må være en gyldig dato på formen ÅÅÅÅ-MM-DD / must be a valid date in the form YYYY-MM-DD',
    ],
    [
      { periods: [{ ...ok, start: 20250106 }] },
      'periods[0].start: må være en dato (tekst) / must be a date (string)',
    ],
    [
      { periods: [{ start: '2025-01-06', end: '2025-01-06', type: 'sykmelding' }] },
      'periods[0].grade: mangler (påkrevd for sykmelding) / is missing (required for sykmelding)',
    ],
    [
      { periods: [{ start: '2025-01-06', end: '2025-01-06', type: 'ferie', grade: 50 }] },
      'periods[0].grade: må mangle eller være 100 for ferie / must be absent or 100 for ferie',
    ],
    [{}, 'periods: mangler / is missing'],
    [{ periods: 'x' }, 'periods: må være en liste / must be a list'],
    [[], '(input): må være et JSON-objekt med periods / must be a JSON object with periods'],
    [null, '(input): må være et JSON-objekt med periods / must be a JSON object with periods'],
    [
      { periods: [ok], birthDate: '1980-13-01' },
      'birthDate: må være en gyldig dato på formen ÅÅÅÅ-MM-DD / must be a valid date in the form YYYY-MM-DD',
    ],
    [
      { periods: [ok], arbeidsgiverperiodeOverrides: [{ caseStart: '2025-01-06', end: '2025-01-05' }] },
      'arbeidsgiverperiodeOverrides[0].end: kan ikke være før caseStart / must not be before caseStart',
    ],
  ])('%j → %s', (input, message) => {
    expect(messages(input)).toContain(message);
  });

  it('grade 100 is accepted on the other types', () => {
    expect(
      parsePlanInput({
        periods: [{ start: '2025-01-06', end: '2025-01-06', type: 'egenmelding', grade: 100 }],
      }).ok,
    ).toBe(true);
  });

  it('splits every message into its Norwegian and English halves', () => {
    const r = parsePlanInput({ periods: [{ ...ok, grade: 0 }] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({
        path: 'periods[0].grade',
        nb: 'må være mellom 1 og 100',
        en: 'must be between 1 and 100',
      });
  });
});
