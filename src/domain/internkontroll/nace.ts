/**
 * Industry codes (NACE / SN) and the FOLM § 13-1 list of industries that must be affiliated with an
 * approved bedriftshelsetjeneste (BHT) regardless of size.
 *
 * Code format (Enhetsregisteret): `NN` (division), `NN.N` (group), `NN.NN` (class), `NN.NNN` (Norwegian
 * sub-class). The digits after the dot extend the division, so "is inside" is a prefix relation on the
 * digits: 86.1 ⊃ 86.10 ⊃ 86.101, while 8 is never a code and 86.1 is never inside 86.91.
 *
 * LIMITS (read before trusting an answer):
 * - The list is the SN2025 transcription of the amendment of 7 October 2025 (nr. 1993), read on a
 *   secondary source, not on Lovdata. It ships as versioned data and must be verified before a release.
 * - The SN2007 → SN2025 correspondence below is hand-written for the divisions the list touches, from the
 *   structure of NACE Rev. 2 and Rev. 2.1 as we know it; it is NOT SSB's KLASS correspondence table and
 *   must be replaced by it (or checked against it). Where the old code can land in more than one new code,
 *   or where we are not sure, the answer is `ambiguous` with no code: the duties engine then says
 *   `needs-verification` — never a silent "not required".
 * - A code coarser than the list (e.g. `86` when the list names `86.1` and `86.91`) cannot be decided.
 */
import type { NaceSystem } from './types.ts';

/** The FOLM § 13-1 (second paragraph) industry list as versioned data. */
export type BhtNaceList = {
  /** `bht-nace-list@<date of the amending regulation>` */
  id: string;
  /** The code system the entries are written in. */
  system: NaceSystem;
  legalBasis: string;
  /** The list was read on a secondary source: always shown as needing verification against Lovdata. */
  verification: 'må verifiseres mot Lovdata';
  /** The entries as the regulation writes them; ranges (10–17, 19–25, 86.91–86.96) written out. */
  entries: readonly string[];
};

export const BHT_NACE_LIST: BhtNaceList = {
  id: 'bht-nace-list@2025-10-07',
  system: 'SN2025',
  legalBasis: 'FOLM § 13-1 (2)',
  verification: 'må verifiseres mot Lovdata',
  entries: [
    '02',
    '03.2',
    '03.3',
    '05',
    '07',
    '08',
    '09.9',
    // 10–17
    '10',
    '11',
    '12',
    '13',
    '14',
    '15',
    '16',
    '17',
    '18.1',
    // 19–25
    '19',
    '20',
    '21',
    '22',
    '23',
    '24',
    '25',
    '26.1',
    '26.2',
    '26.3',
    '26.4',
    '26.51',
    '26.6',
    '26.7',
    '27',
    '28',
    '29',
    '30',
    '31',
    '32.3',
    '32.4',
    '32.5',
    '32.990',
    '33',
    '35.1',
    '35.21',
    '35.22',
    '35.23',
    '35.3',
    '35.4',
    '36',
    '37',
    '38',
    '39',
    '41',
    '42',
    '43.1',
    '43.2',
    '43.3',
    '43.4',
    '43.5',
    '43.9',
    '46.87',
    '49',
    '52.21',
    '52.22',
    '52.23',
    '52.24',
    '53.1',
    '53.2',
    '55.1',
    '56.11',
    '56.22',
    '56.3',
    '61',
    '75',
    '77.1',
    '80.01',
    '80.09',
    '81.2',
    '84.23',
    '84.24',
    '84.25',
    '85.1',
    '85.2',
    '85.3',
    '85.4',
    '85.5',
    '85.69',
    '86.1',
    '86.2',
    // 86.91–86.96
    '86.91',
    '86.92',
    '86.93',
    '86.94',
    '86.95',
    '86.96',
    '86.99',
    '87.1',
    '87.2',
    '87.3',
    '87.99',
    '88',
    '91.3',
    '95.23',
    '95.24',
    '95.29',
    '95.31',
    '95.32',
    '96.1',
    '96.21',
    '96.91',
  ],
};

const CODE_PATTERN = /^\d{2}(?:\.\d{1,3})?$/;

/**
 * The code if `text` is a NACE code as Enhetsregisteret writes it (`41`, `41.2`, `41.20`, `41.200`;
 * surrounding spaces ignored), else null. Only the format is checked, not that the code exists.
 */
export function parseNaceCode(text: string): string | null {
  const code = text.trim();
  return CODE_PATTERN.test(code) ? code : null;
}

/** `86.10` → `8610`: the digits, whose prefixes are the code's ancestors. */
function digitsOf(code: string): string {
  return code.length > 2 ? code.slice(0, 2) + code.slice(3) : code;
}

// Lookup tables built once from the list: entry digits → the (shared, frozen) answer, and every proper
// prefix (≥ 2 digits) of an entry that is not itself an entry (a code at that level contains listed AND
// maybe unlisted codes).
const LISTED = new Map<string, BhtListLookup>();
const COARSER_THAN_AN_ENTRY = new Set<string>();
for (const entry of BHT_NACE_LIST.entries) {
  const digits = digitsOf(entry);
  LISTED.set(digits, Object.freeze({ result: 'listed', entry }));
  for (let k = 2; k < digits.length; k++) COARSER_THAN_AN_ENTRY.add(digits.slice(0, k));
}

/**
 * Where an SN2025 code stands against the FOLM § 13-1 list:
 * - `listed`: a list entry is the code or one of its ancestors (`41.00` is inside `41`; `86.10` inside `86.1`);
 * - `not-listed`: no entry contains the code and the code contains no entry;
 * - `undecidable`: the code is coarser than some entry (`86` contains `86.1` but also unlisted `86.97`),
 *   or it is not a valid code at all.
 */
export type BhtListLookup =
  | { result: 'listed'; entry: string }
  | { result: 'not-listed' }
  | { result: 'undecidable' };

const NOT_LISTED: BhtListLookup = Object.freeze({ result: 'not-listed' });
const UNDECIDABLE: BhtListLookup = Object.freeze({ result: 'undecidable' });

export function lookupBhtList(sn2025: string): BhtListLookup {
  const code = parseNaceCode(sn2025);
  if (code === null) return UNDECIDABLE;
  const digits = digitsOf(code);
  // Shortest ancestor first: the list never holds both an entry and one of its descendants, but if it
  // did, the broader entry is the one that makes the duty.
  for (let k = 2; k <= digits.length; k++) {
    const hit = LISTED.get(k === digits.length ? digits : digits.slice(0, k));
    if (hit !== undefined) return hit;
  }
  return COARSER_THAN_AN_ENTRY.has(digits) ? UNDECIDABLE : NOT_LISTED;
}

/**
 * FOLM § 13-1 (2): the list entry (as the regulation writes it) that contains the SN2025 code, or null.
 * `41.00` → `41`, `86.10` → `86.1`, `86.93` → `86.93`, `62.01` → null. A code coarser than the list
 * (`86`) also gives null — use `lookupBhtList` to tell "not listed" from "cannot tell".
 */
export function matchBhtList(sn2025: string): string | null {
  const r = lookupBhtList(sn2025);
  return r.result === 'listed' ? r.entry : null;
}

export type Sn2025Conversion = {
  sn2025: string | null;
  /**
   * `exact`: the code already is SN2025. `converted`: an SN2007 code with a known SN2025 equivalent
   * (possibly coarser than the input, at the level where the correspondence is known). `ambiguous`: an
   * SN2007 code that may land in several SN2025 codes, or one this table does not cover. `unknown`: not a
   * code (bad format, or an SN2007 division that does not exist).
   */
  status: 'exact' | 'converted' | 'ambiguous' | 'unknown';
};

/** The divisions of SN2007 (NACE Rev. 2). */
// biome-ignore format: a table
const SN2007_DIVISIONS = new Set([
  '01', '02', '03', '05', '06', '07', '08', '09',
  '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24', '25', '26',
  '27', '28', '29', '30', '31', '32', '33', '35', '36', '37', '38', '39', '41', '42', '43', '45', '46',
  '47', '49', '50', '51', '52', '53', '55', '56', '58', '59', '60', '61', '62', '63', '64', '65', '66',
  '68', '69', '70', '71', '72', '73', '74', '75', '77', '78', '79', '80', '81', '82', '84', '85', '86',
  '87', '88', '90', '91', '92', '93', '94', '95', '96', '97', '98', '99',
]);

/**
 * SN2007 divisions whose content stays in the same SN2025 division. A code in one of them converts to
 * the division alone (`62.010` → `62`), which is enough exactly when the list names the whole division
 * (`10`, `49`) or nothing inside it (`62`); otherwise the conversion is `ambiguous` unless the table below
 * has the group or class. Left out on purpose: 03, 09, 18, 26, 32, 35, 41, 43, 45, 46, 52, 53, 55, 56,
 * 63 (news agencies move to 60), 77, 80, 81, 84–87, 91, 95, 96 — they are in the table or ambiguous.
 */
// biome-ignore format: a table
const SAME_DIVISION = new Set([
  '01', '02', '05', '06', '07', '08', '10', '11', '12', '13', '14', '15', '16', '17', '19', '20', '21',
  '22', '23', '24', '25', '27', '28', '29', '30', '31', '33', '36', '37', '38', '39', '42', '47', '49',
  '50', '51', '58', '59', '60', '61', '62', '64', '65', '66', '68', '69', '70', '71', '72', '73', '74',
  '75', '78', '79', '82', '88', '90', '92', '93', '94', '97', '98', '99',
]);

/**
 * SN2007 group/class (or whole division) → SN2025 code, or null where the old code splits over codes on
 * and off the list (or we are not sure). The longest matching SN2007 prefix wins.
 */
const SN2007_TO_SN2025: ReadonlyMap<string, string | null> = new Map<string, string | null>([
  // 03: service activities incidental to fishing move to 03.3 (listed) → 03.1 cannot be decided.
  ['03.1', null],
  ['03.2', '03.2'],
  ['09.1', '09.1'],
  ['09.9', '09.9'],
  ['18.1', '18.1'],
  ['18.2', null], // reproduction of recorded media: its SN2025 home is not certain
  ['26.1', '26.1'],
  ['26.2', '26.2'],
  ['26.3', '26.3'],
  ['26.4', '26.4'],
  ['26.51', '26.51'],
  ['26.52', '26.52'],
  ['26.6', '26.6'],
  ['26.7', '26.7'],
  ['26.8', null], // magnetic and optical media: listed before 2025, gone from the SN2025 list
  ['32.1', '32.1'],
  ['32.2', '32.2'],
  ['32.3', '32.3'],
  ['32.4', '32.4'],
  ['32.5', '32.5'],
  ['32.91', '32.91'],
  ['32.99', null], // only sub-class 32.990 is listed
  ['35.1', '35.1'],
  ['35.21', '35.21'],
  ['35.22', '35.22'],
  ['35.23', '35.23'],
  ['35.3', '35.3'],
  ['41.1', null], // development of building projects: moved out of 41 in SN2025 (to 68) — not certain
  ['41.2', '41.00'], // construction of buildings (the contract's example: 41.200 → 41.00)
  ['43.1', '43.1'],
  ['43.2', '43.2'],
  ['43.3', '43.3'],
  ['43.9', null], // roofing and other specialised work split over 43.4, 43.5 and 43.9 (all listed, code unclear)
  ['45.1', null], // sale of motor vehicles moves to wholesale/retail: code not certain
  ['45.2', '95.31'], // maintenance and repair of motor vehicles
  ['45.3', null],
  ['45.4', null], // motorcycles: sale (not listed) and repair (95.32, listed) in one code
  ['46.1', '46.1'],
  ['46.2', '46.2'],
  ['46.3', '46.3'],
  ['46.4', '46.4'],
  ['46.5', '46.5'],
  ['46.6', '46.6'],
  ['46.71', '46.81'],
  ['46.72', '46.82'],
  ['46.73', '46.83'],
  ['46.74', '46.84'],
  ['46.75', '46.85'],
  ['46.76', '46.86'],
  ['46.77', '46.87'], // waste and scrap (listed)
  ['46.9', '46.9'],
  ['52.1', '52.1'],
  ['52.21', '52.21'],
  ['52.22', '52.22'],
  ['52.23', '52.23'],
  ['52.24', '52.24'],
  ['52.29', null],
  ['53.1', '53.1'],
  ['53.2', '53.2'],
  ['55.1', '55.1'],
  ['55.2', '55.2'],
  ['55.3', '55.3'],
  ['55.9', '55.9'],
  ['56.1', null], // restaurants (56.11, listed) and mobile food stands (56.12) were one class
  ['56.21', '56.21'],
  ['56.29', '56.22'], // contract catering and canteens
  ['56.3', '56.3'],
  ['77.1', '77.1'],
  ['77.2', '77.2'],
  ['77.3', '77.3'],
  ['77.4', '77.4'],
  ['80', null], // security and investigation: 80.1 ↔ 80.01/80.09, 80.2 and 80.3 not certain
  ['81.1', '81.1'],
  ['81.2', '81.2'],
  ['81.3', '81.3'],
  ['84.1', '84.1'],
  ['84.21', '84.21'],
  ['84.22', '84.22'],
  ['84.23', '84.23'],
  ['84.24', '84.24'],
  ['84.25', '84.25'],
  ['84.3', '84.3'],
  ['85.1', '85.1'],
  ['85.2', '85.2'],
  ['85.3', '85.3'],
  ['85.4', '85.4'],
  ['85.5', '85.5'],
  ['85.6', null], // educational support: 85.61 / 85.69 (listed)
  ['86.1', '86.1'],
  ['86.2', '86.2'],
  ['86.9', null], // other human health: spread over 86.91–86.99
  ['87.1', '87.1'],
  ['87.2', '87.2'],
  ['87.3', '87.3'],
  ['87.9', '87.99'],
  ['91', null], // libraries, museums, heritage, zoos: the SN2025 groups differ
  ['95.1', '95.1'],
  ['95.21', '95.21'],
  ['95.22', '95.22'],
  ['95.23', '95.23'],
  ['95.24', '95.24'],
  ['95.25', '95.25'],
  ['95.29', '95.29'],
  ['96.01', '96.1'], // washing and dry-cleaning
  ['96.02', null], // hairdressing (96.21, listed) and beauty treatment (96.22) were one class
  ['96.03', '96.3'],
  ['96.04', null],
  ['96.09', null],
]);

/** Longest table key that is the code or one of its ancestors. */
function tableLookup(code: string): { found: boolean; sn2025: string | null } {
  const digits = digitsOf(code);
  for (let k = digits.length; k >= 2; k--) {
    const prefix = digits.slice(0, k);
    const key = k > 2 ? `${prefix.slice(0, 2)}.${prefix.slice(2)}` : prefix;
    const hit = SN2007_TO_SN2025.get(key);
    if (hit !== undefined) return { found: true, sn2025: hit };
  }
  return { found: false, sn2025: null };
}

/**
 * The SN2025 code to match against the FOLM § 13-1 list. SN2025 codes pass through (`exact`). SN2007
 * codes are converted with the hand-written table above, or by division where the division maps 1:1 and
 * that decides the list (`converted`); everything else is `ambiguous` with no code.
 */
export function toSn2025(system: NaceSystem, code: string | null): Sn2025Conversion {
  const parsed = code === null ? null : parseNaceCode(code);
  if (parsed === null) return { sn2025: null, status: 'unknown' };
  if (system === 'SN2025') return { sn2025: parsed, status: 'exact' };

  const division = parsed.slice(0, 2);
  if (!SN2007_DIVISIONS.has(division)) return { sn2025: null, status: 'unknown' };
  const hit = tableLookup(parsed);
  if (hit.found) {
    return hit.sn2025 === null
      ? { sn2025: null, status: 'ambiguous' }
      : { sn2025: hit.sn2025, status: 'converted' };
  }
  if (SAME_DIVISION.has(division) && lookupBhtList(division).result !== 'undecidable') {
    return { sn2025: division, status: 'converted' };
  }
  return { sn2025: null, status: 'ambiguous' };
}
