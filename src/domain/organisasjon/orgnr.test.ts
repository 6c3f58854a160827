import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOrgnr, isValidOrgnr, orgnrCheckDigit } from './orgnr.ts';

describe('organisasjonsnummer (mod 11)', () => {
  it.each([
    // NAV (Arbeids- og velferdsetaten): 8·… worked: 8 8 9 6 4 0 7 8 → sum 3·8+2·8+7·9+6·6+5·4+4·0+3·7+2·8 = 24+16+63+36+20+0+21+16 = 196; 196 mod 11 = 9; 11−9 = 2
    ['889640782', true],
    ['889 640 782', true],
    // Brønnøysundregistrene 974760673: 3·9+2·7+7·4+6·7+5·6+4·0+3·6+2·7 = 27+14+28+42+30+0+18+14 = 173; 173 mod 11 = 8; 11−8 = 3
    ['974760673', true],
    ['974760674', false], // wrong check digit
    ['88964078', false], // eight digits
    ['8896407821', false], // ten digits
    ['88964078a', false],
    ['', false],
  ])('%s → %s', (input, valid) => {
    expect(isValidOrgnr(input)).toBe(valid);
  });

  it('rejects numbers whose check digit would be 10', () => {
    // 10000006x: 3·1 + 2·0 … + 3·0 + 2·6 = 3 + 12 = 15; 15 mod 11 = 4; 11 − 4 = 7 → valid check 7
    expect(orgnrCheckDigit('10000006')).toBe(7);
    // 10000001x: 3 + 2 = 5; 11 − 5 = 6
    expect(orgnrCheckDigit('10000001')).toBe(6);
    // 00000010: 3·1 (7th weight is 3) = 3 → 11 − 3 = 8
    expect(orgnrCheckDigit('00000010')).toBe(8);
    // 00000100: weight 4 at 6th place = 4 → 11 − 4 = 7; 00000001: weight 2 → 9
    // sum 1 → 11 − 1 = 10 → impossible: 1 needs weight 1, so use 12 → 12 mod 11 = 1: 00000006 (6·2 = 12)
    expect(orgnrCheckDigit('00000006')).toBeNull();
    expect(isValidOrgnr('000000060')).toBe(false);
  });

  it('accepts exactly one check digit for every valid prefix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (prefix) => {
        const valid = [...'0123456789'].filter((d) => isValidOrgnr(prefix + d));
        const check = orgnrCheckDigit(prefix);
        expect(valid).toEqual(check === null ? [] : [String(check)]);
      }),
    );
  });

  it('formats with spaces', () => {
    expect(formatOrgnr('889640782')).toBe('889 640 782');
  });
});
