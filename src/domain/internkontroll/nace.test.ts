import { describe, expect, it } from 'vitest';
import { BHT_NACE_LIST, lookupBhtList, matchBhtList, parseNaceCode, toSn2025 } from './nace.ts';

describe('the FOLM § 13-1 list as versioned data', () => {
  it('is bht-nace-list@2025-10-07, SN2025, marked for verification', () => {
    expect(BHT_NACE_LIST.id).toBe('bht-nace-list@2025-10-07');
    expect(BHT_NACE_LIST.system).toBe('SN2025');
    expect(BHT_NACE_LIST.verification).toBe('må verifiseres mot Lovdata');
  });

  it('every entry is a well-formed code, and none twice', () => {
    for (const e of BHT_NACE_LIST.entries) expect(parseNaceCode(e), e).toBe(e);
    expect(new Set(BHT_NACE_LIST.entries).size).toBe(BHT_NACE_LIST.entries.length);
  });

  it('no entry is inside another (each code matches at most one entry)', () => {
    const digits = (c: string) => c.replace('.', '');
    for (const a of BHT_NACE_LIST.entries) {
      for (const b of BHT_NACE_LIST.entries) {
        if (a !== b) expect(digits(b).startsWith(digits(a)), `${a} ⊃ ${b}`).toBe(false);
      }
    }
  });

  it('the ranges are written out: 10–17, 19–25, 86.91–86.96', () => {
    const e = BHT_NACE_LIST.entries;
    for (const c of ['10', '11', '12', '13', '14', '15', '16', '17']) expect(e).toContain(c);
    for (const c of ['19', '20', '21', '22', '23', '24', '25']) expect(e).toContain(c);
    for (const c of ['86.91', '86.92', '86.93', '86.94', '86.95', '86.96']) expect(e).toContain(c);
    expect(e).not.toContain('18');
    expect(e).not.toContain('86.97');
    expect(e).toHaveLength(108); // 90 items as transcribed, 3 ranges written out
  });
});

describe('parseNaceCode (NN, NN.N, NN.NN, NN.NNN)', () => {
  it.each([
    ['41', '41'],
    ['41.2', '41.2'],
    ['41.20', '41.20'],
    ['41.200', '41.200'],
    [' 86.10 ', '86.10'],
    ['4', null],
    ['410', null],
    ['41.', null],
    ['41.2000', null],
    ['4a.00', null],
    ['41,20', null],
    ['', null],
    ['.41', null],
  ])('%j → %j', (text, code) => {
    expect(parseNaceCode(text)).toBe(code);
  });
});

describe('matchBhtList: prefix match on code segments (FOLM § 13-1 (2))', () => {
  it.each([
    ['41.00', '41'],
    ['41', '41'],
    ['41.000', '41'],
    ['86.10', '86.1'],
    ['86.1', '86.1'],
    ['86.101', '86.1'],
    ['86.93', '86.93'],
    ['86.99', '86.99'],
    ['86.97', null], // intermediation, not listed
    ['86.9', null], // contains listed and unlisted classes
    ['86', null], // too coarse
    ['8', null], // not a code; never a prefix of 86
    ['62.01', null],
    ['30.200', '30'],
    ['03.30', '03.3'],
    ['32.99', null], // only sub-class 32.990 is listed
    ['32.990', '32.990'],
    ['46.87', '46.87'],
    ['46.8', null],
    ['35.24', null],
    ['35.23', '35.23'],
    ['96.21', '96.21'],
    ['96.2', null],
    ['not a code', null],
  ])('%s → %j', (code, entry) => {
    expect(matchBhtList(code)).toBe(entry);
  });

  it.each([
    ['41', 'listed'],
    ['62', 'not-listed'],
    ['62.01', 'not-listed'],
    ['86', 'undecidable'],
    ['43', 'undecidable'],
    ['32.99', 'undecidable'],
    ['1x', 'undecidable'],
  ] as const)('lookupBhtList(%s) → %s', (code, result) => {
    expect(lookupBhtList(code).result).toBe(result);
  });
});

describe('toSn2025: SN2007 → SN2025 where it is unambiguous, never a silent "not listed"', () => {
  it.each([
    ['SN2025', '86.10', '86.10', 'exact'],
    ['SN2025', ' 62.01 ', '62.01', 'exact'],
    ['SN2007', '41.200', '41.00', 'converted'], // the contract's example
    ['SN2007', '62.010', '62', 'converted'], // division 62 maps 1:1 and has no list entry
    ['SN2007', '10.110', '10', 'converted'], // division 10 is listed as a whole
    ['SN2007', '49.410', '49', 'converted'],
    ['SN2007', '86.101', '86.1', 'converted'],
    ['SN2007', '87.900', '87.99', 'converted'],
    ['SN2007', '45.200', '95.31', 'converted'], // car repair moved to section S
    ['SN2007', '46.770', '46.87', 'converted'], // waste and scrap
    ['SN2007', '56.290', '56.22', 'converted'],
    ['SN2007', '96.010', '96.1', 'converted'],
    ['SN2007', '43.990', null, 'ambiguous'], // split over 43.4, 43.5, 43.9
    ['SN2007', '41.101', null, 'ambiguous'], // development of building projects
    ['SN2007', '86.901', null, 'ambiguous'],
    ['SN2007', '80.100', null, 'ambiguous'],
    ['SN2007', '96.020', null, 'ambiguous'], // hairdressing and beauty in one class
    ['SN2007', '63.910', null, 'ambiguous'], // news agencies move division
    ['SN2007', '43', null, 'ambiguous'], // a division too coarse to convert
    ['SN2007', '86', null, 'ambiguous'],
    ['SN2007', '04.000', null, 'unknown'], // no such division
    ['SN2007', '4120', null, 'unknown'],
    ['SN2025', 'x', null, 'unknown'],
    ['SN2007', null, null, 'unknown'],
  ] as const)('%s %j → %j (%s)', (system, code, sn2025, status) => {
    expect(toSn2025(system, code)).toEqual({ sn2025, status });
  });

  it('every converted SN2007 code can be decided against the list', () => {
    // Sweep all class-level SN2007-shaped codes: a conversion must never yield an undecidable code.
    for (let division = 1; division <= 99; division++) {
      for (let cls = 0; cls <= 99; cls++) {
        const code = `${String(division).padStart(2, '0')}.${String(cls).padStart(2, '0')}`;
        const r = toSn2025('SN2007', code);
        if (r.status === 'converted') {
          expect(r.sn2025, code).not.toBeNull();
          expect(lookupBhtList(r.sn2025 ?? '').result, code).not.toBe('undecidable');
        } else {
          expect(r.sn2025, code).toBeNull();
        }
      }
    }
  });
});
