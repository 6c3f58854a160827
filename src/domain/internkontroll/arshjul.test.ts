import { describe, expect, it } from 'vitest';
import { generateArshjul } from './arshjul.ts';
import { derivePlikter } from './duties.ts';
import { toSn2025 } from './nace.ts';
import { profile } from './test-support.ts';
import {
  ARSHJUL_KEYS,
  type ArshjulContext,
  type ArshjulKey,
  type ArshjulPlan,
  type CompanyProfile,
} from './types.ts';

const ctx = (over: Partial<ArshjulContext> = {}): ArshjulContext => ({
  year: 2027,
  lastVoElection: '2025-03-10',
  lastAmuElection: '2025-09-01',
  alternativeVoAgreementUntil: null,
  ...over,
});

function plan(p: CompanyProfile, c: ArshjulContext = ctx()): ArshjulPlan {
  return generateArshjul(p, derivePlikter(p), c);
}

function dues(x: ArshjulPlan, key: ArshjulKey): [string, string][] {
  return x.items.filter((i) => i.key === key).map((i) => [i.occurrence, i.due]);
}

function na(x: ArshjulPlan, key: ArshjulKey) {
  const found = x.notApplicable.find((n) => n.key === key);
  if (found === undefined) throw new Error(`${key} is not in notApplicable`);
  return found;
}

// The contract's example: 42 employees (35.5 on average), SN2007 41.200 converted to 41.00 (list "41"),
// hazardous chemicals, 2 verneområder, no AMU demand needed (≥ 30).
const converted = toSn2025('SN2007', '41.200');
const construction = profile({
  employeesTotal: 42,
  employeesAvg20hLastYear: 35.5,
  hiredWorkers: 3,
  nace: { system: 'SN2007', code: '41.200', sn2025: converted.sn2025, label: 'Oppføring av bygninger' },
  hazardousChemicals: true,
  verneomraader: 2,
});

describe('the 42-employee construction firm (SN2007 41.200 → 41.00, hazardous chemicals), 2027', () => {
  const x = plan(construction);

  it('SN2007 41.200 is converted to 41.00 and the BHT list applies', () => {
    expect(converted).toEqual({ sn2025: '41.00', status: 'converted' });
    expect(derivePlikter(construction).bht).toBe('required-by-nace');
  });

  it.each([
    // key, [occurrence, due] …
    ['arlig-gjennomgang', [['', '2027-01-31']]],
    [
      'sykefravaersstatistikk-kvartal',
      [
        ['q4', '2027-01-21'], // Q4 2026 ends 31 Dec + 21 days
        ['q1', '2027-04-21'],
        ['q2', '2027-07-21'],
        ['q3', '2027-10-21'],
      ],
    ],
    [
      'amu-moter',
      [
        ['q1', '2027-02-15'],
        ['q2', '2027-05-15'],
        ['q3', '2027-08-15'],
        ['q4', '2027-11-15'],
      ],
    ],
    [
      'vernerunde-kvartalsvis',
      [
        ['q1', '2027-02-28'],
        ['q2', '2027-05-31'],
        ['q3', '2027-08-31'],
        ['q4', '2027-11-30'],
      ],
    ],
    ['vo-valg', [['', '2027-03-10']]], // 2025-03-10 + 2 years (FOLM § 3-4)
    ['verneomrader-gjennomgang', [['', '2027-02-10']]], // a month before the VO election
    ['amu-valg', [['', '2027-09-01']]], // 2025-09-01 + 2 years (FOLM § 3-15)
    ['amu-ledervalg', [['', '2027-01-31']]],
    ['amu-arsrapport', [['', '2027-03-31']]],
    ['bht-plan-arsrapport', [['', '2027-02-28']]],
    [
      'ia-agenda-halvar',
      [
        ['h1', '2027-03-31'],
        ['h2', '2027-09-30'],
      ],
    ],
    ['stoffkartotek-gjennomgang', [['', '2027-04-30']]],
    ['leder-hms-opplaering', [['', '2027-01-31']]],
    ['vo-amu-opplaering', [['', '2027-09-30']]],
    ['varslingsrutine-gjennomgang', [['', '2027-01-31']]],
    ['medarbeiderundersokelse', [['', '2027-10-31']]],
    ['medarbeidersamtaler', [['', '2027-11-30']]],
  ] as const)('%s', (key, expected) => {
    expect(dues(x, key)).toEqual(expected);
  });

  it('the rows that do not apply, each with why', () => {
    expect(x.notApplicable.map((n) => n.key)).toEqual([
      'bht-vurdering',
      'eksponeringsregister-kontroll',
      'natt-helsekontroll',
      'vernerunde-arlig',
      'vo-alternativ-fornyelse',
    ]);
    expect(na(x, 'vernerunde-arlig').reason.nb).toBe(
      'Ikke aktuelt — fordi dere i stedet har vernerunde hvert kvartal (næringskoden står på BHT-listen i FOLM § 13-1). Gjelder når virksomheten har verneombud eller en annen ordning, næringskoden ikke står på BHT-listen og det ikke brukes farlige kjemikalier.',
    );
    expect(na(x, 'bht-vurdering').reason.nb).toContain('oppføring «41»');
    expect(na(x, 'vo-alternativ-fornyelse').reason.nb).toContain('42 arbeidstakere');
    for (const n of x.notApplicable) {
      expect(n.reason.nb.startsWith('Ikke aktuelt — fordi ')).toBe(true);
      expect(n.reason.en.startsWith('Not applicable — because ')).toBe(true);
      expect(n.nextDue).toBeUndefined();
    }
  });

  it('the annual review package: items 1, 2, 3 and 19 (no BHT assessment: the list settles it)', () => {
    const review = x.items.find((i) => i.key === 'arlig-gjennomgang');
    expect(review?.title.nb).toBe('Årlig gjennomgang av internkontrollen for 2026');
    expect(review?.subtasks).toHaveLength(4);
    expect(review?.subtasks[3]?.nb).toContain('varslingsrutinen');
    expect(review?.ownerRole).toBe('admin');
    expect(review?.kind).toBe('lovkrav');
    expect(review?.legalBasis).toBe('IK-f § 5 nr. 8, aml § 3-1 (2) h');
  });

  it('owners and kinds: AMU rows to AMU, vernerunde (not law) to the VO as "anbefalt"', () => {
    const first = (key: ArshjulKey) => x.items.find((i) => i.key === key);
    expect(first('amu-moter')?.ownerRole).toBe('amu');
    expect(first('amu-moter')?.kind).toBe('lovkrav');
    expect(first('vernerunde-kvartalsvis')?.ownerRole).toBe('verneombud');
    expect(first('vernerunde-kvartalsvis')?.kind).toBe('anbefalt');
    expect(first('bht-plan-arsrapport')?.ownerRole).toBe('bht');
    expect(first('medarbeidersamtaler')?.ownerRole).toBe('leder');
    expect(first('sykefravaersstatistikk-kvartal')?.kind).toBe('anbefalt');
  });

  it('items are sorted by due date, then key, then occurrence; all in 2027', () => {
    const keys = x.items.map((i) => `${i.due} ${i.key} ${i.occurrence}`);
    expect(keys).toEqual([...keys].sort());
    for (const i of x.items) expect(i.due.startsWith('2027-')).toBe(true);
    expect(x.items[0]).toMatchObject({
      key: 'sykefravaersstatistikk-kvartal',
      occurrence: 'q4',
      due: '2027-01-21',
    });
    expect(x.items[0]?.title.nb).toBe('Gjennomgang av sykefraværsstatistikken for 4. kvartal 2026');
  });
});

describe('AMU on demand (average 20, nobody has demanded it): no AMU items', () => {
  const x = plan({ ...construction, employeesAvg20hLastYear: 20 });
  it.each(['amu-moter', 'amu-arsrapport', 'amu-ledervalg', 'amu-valg'] as const)(
    '%s is not applicable',
    (key) => {
      expect(dues(x, key)).toEqual([]);
      const row = na(x, key);
      expect(row.reason.nb).toContain('i snitt 20 arbeidstakere');
      expect(row.reason.nb).toContain('ingen har krevd AMU');
      expect(row.nextDue).toBeUndefined();
    },
  );
});

describe('elections every two years (FOLM §§ 3-4, 3-15)', () => {
  it('elected in 2026 → not due in 2027, next date given; the verneområder follow', () => {
    const x = plan(construction, ctx({ lastVoElection: '2026-03-01', lastAmuElection: '2026-09-15' }));
    expect(dues(x, 'vo-valg')).toEqual([]);
    expect(na(x, 'vo-valg').nextDue).toBe('2028-03-01');
    expect(na(x, 'vo-valg').reason.nb).toContain('neste valg er onsdag 1. mars 2028');
    expect(na(x, 'vo-valg').reason.nb.startsWith('Ikke aktuelt i år — fordi ')).toBe(true);
    expect(na(x, 'verneomrader-gjennomgang').nextDue).toBe('2028-03-01');
    expect(na(x, 'amu-valg').nextDue).toBe('2028-09-15');
  });

  it('no election recorded → due 1 January (overdue from the start of the year)', () => {
    const x = plan(construction, ctx({ lastVoElection: null, lastAmuElection: null }));
    expect(dues(x, 'vo-valg')).toEqual([['', '2027-01-01']]);
    expect(dues(x, 'amu-valg')).toEqual([['', '2027-01-01']]);
    expect(dues(x, 'verneomrader-gjennomgang')).toEqual([['', '2027-01-01']]);
    expect(x.items.find((i) => i.key === 'vo-valg')?.title.nb).toContain('ingen valg er registrert');
  });

  it('a term that ran out before the year → due 1 January, the title says since when', () => {
    const x = plan(construction, ctx({ lastVoElection: '2024-05-02' }));
    expect(dues(x, 'vo-valg')).toEqual([['', '2027-01-01']]);
    expect(x.items.find((i) => i.key === 'vo-valg')?.title.nb).toContain('gikk ut lørdag 2. mai 2026');
  });

  it('elected 29 February 2024 → due 28 February 2026; areas reviewed a month before, not before 1 January', () => {
    const leap = plan(construction, ctx({ year: 2026, lastVoElection: '2024-02-29' }));
    expect(dues(leap, 'vo-valg')).toEqual([['', '2026-02-28']]);
    expect(dues(leap, 'verneomrader-gjennomgang')).toEqual([['', '2026-01-28']]);
    const early = plan(construction, ctx({ lastVoElection: '2025-01-15' }));
    expect(dues(early, 'verneomrader-gjennomgang')).toEqual([['', '2027-01-01']]);
  });
});

describe('a 3-person office with an alternative to a verneombud (aml § 6-1)', () => {
  const office = profile({
    employeesTotal: 3,
    employeesAvg20hLastYear: 2.5,
    alternativeVoAgreementValid: true,
  });

  it('renewal by the agreement’s valid-until date; yearly vernerunde in April; no VO election', () => {
    const x = plan(office, ctx({ alternativeVoAgreementUntil: '2027-06-30' }));
    expect(dues(x, 'vo-alternativ-fornyelse')).toEqual([['', '2027-06-30']]);
    expect(dues(x, 'vernerunde-arlig')).toEqual([['', '2027-04-30']]);
    expect(na(x, 'vo-valg').reason.nb).toContain('3 arbeidstakere og en gyldig avtale om annen ordning');
    expect(na(x, 'vernerunde-kvartalsvis').reason.nb).toContain('én vernerunde i året er nok');
    expect(na(x, 'ia-agenda-halvar').reason.nb).toContain('færre enn fem');
    expect(na(x, 'medarbeiderundersokelse').reason.nb).toContain('færre enn 10');
    expect(x.items.map((i) => i.key).sort()).toEqual(
      [
        'arlig-gjennomgang',
        'bht-vurdering',
        'leder-hms-opplaering',
        'medarbeidersamtaler',
        'sykefravaersstatistikk-kvartal',
        'sykefravaersstatistikk-kvartal',
        'sykefravaersstatistikk-kvartal',
        'sykefravaersstatistikk-kvartal',
        'vernerunde-arlig',
        'vo-alternativ-fornyelse',
      ].sort(),
    );
  });

  it('the annual review package has the BHT assessment (item 14) but not the varsling review (item 19)', () => {
    const review = plan(office).items.find((i) => i.key === 'arlig-gjennomgang');
    expect(review?.subtasks).toHaveLength(4);
    expect(review?.subtasks[3]?.nb).toContain('bedriftshelsetjeneste');
    expect(plan(office).items.find((i) => i.key === 'bht-vurdering')?.due).toBe('2027-01-31');
  });

  it.each([
    [null, '2027-01-01', undefined],
    ['2026-11-30', '2027-01-01', undefined], // already expired: renew at once
    ['2028-06-30', null, '2028-06-30'], // valid beyond the year
  ] as const)('valid until %j → due %j, next %j', (until, due, next) => {
    const x = plan(office, ctx({ alternativeVoAgreementUntil: until }));
    expect(dues(x, 'vo-alternativ-fornyelse')).toEqual(due === null ? [] : [['', due]]);
    if (due === null) expect(na(x, 'vo-alternativ-fornyelse').nextDue).toBe(next);
  });
});

describe('other rows', () => {
  it('a leap year: the last day of February', () => {
    const x = plan(construction, ctx({ year: 2028 }));
    expect(dues(x, 'vernerunde-kvartalsvis')[0]).toEqual(['q1', '2028-02-29']);
    expect(dues(x, 'bht-plan-arsrapport')).toEqual([['', '2028-02-29']]);
  });

  it('a hospital: night-work health check and the exposure register', () => {
    const hospital = profile({
      employeesTotal: 850,
      employeesAvg20hLastYear: 790,
      nace: { system: 'SN2025', code: '86.10', sn2025: '86.10', label: '' },
      nightWorkMainly: true,
      cmrExposure: 'carcinogenic',
      biologicalAgents: true,
      verneomraader: 25,
    });
    const x = plan(hospital);
    expect(dues(x, 'natt-helsekontroll')).toEqual([['', '2027-06-30']]);
    expect(dues(x, 'eksponeringsregister-kontroll')).toEqual([['', '2027-04-30']]);
    expect(x.notApplicable.map((n) => n.key)).toEqual([
      'bht-vurdering',
      'vernerunde-arlig',
      'vo-alternativ-fornyelse',
    ]);
  });

  it('no employees: nothing is generated, every row says why', () => {
    const x = plan(profile({ employeesTotal: 0, employeesAvg20hLastYear: 0, hazardousChemicals: true }));
    expect(x.items).toEqual([]);
    expect(x.notApplicable.map((n) => n.key)).toEqual([...ARSHJUL_KEYS]);
    for (const n of x.notApplicable) expect(n.reason.nb).toContain('dere har ingen arbeidstakere');
  });

  it('rejects a year outside 2–9999', () => {
    const d = derivePlikter(construction);
    expect(() => generateArshjul(construction, d, ctx({ year: 1 }))).toThrow(RangeError);
    expect(() => generateArshjul(construction, d, ctx({ year: 2027.5 }))).toThrow(RangeError);
  });
});
