import { describe, expect, it } from 'vitest';
import { derivePlikter } from './duties.ts';
import { NO_ORDERS, profile, sn2025 } from './test-support.ts';
import { ARSHJUL_KEYS, type CompanyProfile, DUTY_KEYS } from './types.ts';

const d = (over: Partial<CompanyProfile> = {}) => derivePlikter(profile(over));

describe('internkontroll, leader training, injury register, sick-leave statistics: from 1 employee', () => {
  it.each([
    // employees, status, written points
    [0, 'not-applicable', []],
    [1, 'required', [4, 5, 6, 7, 8]],
    [4, 'required', [4, 5, 6, 7, 8]],
  ] as const)('IK-f §§ 4–5, aml §§ 3-5, 5-1: %i employees → %s', (n, status, points) => {
    const x = d({ employeesTotal: n });
    expect(x.internkontroll).toBe(status);
    expect(x.ikWrittenPoints).toEqual(points);
    expect(x.leaderHmsTraining).toBe(status);
    expect(x.injuryRegister).toBe(status);
    expect(x.sickLeaveStatistics).toBe(status);
    expect(x.reasons.internkontroll.legalBasis).toBe('IK-f §§ 4–5, aml § 3-1');
    expect(x.reasons.leaderHmsTraining.legalBasis).toBe('aml § 3-5');
    expect(x.reasons.injuryRegister.legalBasis).toBe('aml § 5-1');
    expect(x.reasons.sickLeaveStatistics.legalBasis).toBe('aml § 5-1 (4), ftrl § 25-2');
  });

  it('IK-f § 5: the written points are a fresh list each time', () => {
    const a = d();
    a.ikWrittenPoints.push(9);
    expect(d().ikWrittenPoints).toEqual([4, 5, 6, 7, 8]);
  });

  it('aml § 1-2: with no employees the reason says so and names the first employee', () => {
    const x = d({ employeesTotal: 0 });
    expect(x.reasons.internkontroll.nb).toContain('ingen arbeidstakere');
    expect(x.reasons.internkontroll.nb).toContain('første arbeidstaker');
    expect(x.reasons.internkontroll.en).toContain('no employees');
  });
});

describe('verneombud (aml § 6-1, from 1 January 2024: 5)', () => {
  it.each([
    // employees, agreement, ordered, status
    [0, false, false, 'not-applicable'],
    [0, true, true, 'not-applicable'],
    [1, false, false, 'required-unless-agreement'],
    [1, true, false, 'alternative-agreement'],
    [4, false, false, 'required-unless-agreement'],
    [4, true, false, 'alternative-agreement'],
    [4, true, true, 'required'],
    [4, false, true, 'required'],
    [5, false, false, 'required'],
    [5, true, false, 'required'], // the agreement lapses at five
    [42, false, false, 'required'],
  ] as const)('aml § 6-1: %i employees, agreement %s, ordered %s → %s', (n, agreement, ordered, status) => {
    const x = d({
      employeesTotal: n,
      alternativeVoAgreementValid: agreement,
      arbeidstilsynetOrders: { ...NO_ORDERS, vo: ordered },
    });
    expect(x.verneombud).toBe(status);
    expect(x.reasons.verneombud.legalBasis).toBe('aml § 6-1');
    expect(x.reasons.verneombud.kind).toBe('lovkrav');
  });

  it('aml § 6-1: the reason names the headcount, in both languages', () => {
    const x = d({ employeesTotal: 42 });
    expect(x.reasons.verneombud.nb).toContain('Dere har 42 arbeidstakere og må ha verneombud (aml § 6-1)');
    expect(x.reasons.verneombud.en).toContain('You have 42 employees');
    expect(d({ employeesTotal: 1 }).reasons.verneombud.nb).toContain('Dere har 1 arbeidstaker,');
    expect(d({ employeesTotal: 5, alternativeVoAgreementValid: true }).reasons.verneombud.nb).toContain(
      'har falt bort',
    );
  });

  it('aml § 6-1 (Arbeidstilsynet): innleide are not counted, and the reason says how many there are', () => {
    const x = d({ employeesTotal: 4, hiredWorkers: 3 });
    expect(x.verneombud).toBe('required-unless-agreement');
    expect(x.reasons.verneombud.nb).toContain('Innleide (3) telles ikke med');
  });
});

describe('hovedverneombud (aml § 6-1: more than one verneombud)', () => {
  it.each([
    // employees, verneområder, agreement, status
    [42, 1, false, 'not-applicable'],
    [42, 2, false, 'required'],
    [42, 0, false, 'not-applicable'],
    [3, 2, false, 'required'], // VO required unless they agree: two areas, two VOs, one HVO
    [3, 2, true, 'not-applicable'], // the alternative arrangement replaces the VOs
    [0, 5, false, 'not-applicable'],
  ] as const)('aml § 6-1: %i employees, %i verneområder, agreement %s → %s', (n, v, agreement, status) => {
    const x = d({ employeesTotal: n, verneomraader: v, alternativeVoAgreementValid: agreement });
    expect(x.hovedverneombud).toBe(status);
  });

  it('aml § 6-1: the reason names the number of verneområder', () => {
    expect(d({ verneomraader: 2 }).reasons.hovedverneombud.nb).toContain('Dere har 2 verneområder');
    expect(d({ verneomraader: 1 }).reasons.hovedverneombud.nb).toContain('Dere har 1 verneområde ');
  });
});

describe('arbeidsmiljøutvalg (aml § 7-1, FOLM § 3-7: 30, or 10–29 on demand, average ≥ 20 h last year)', () => {
  it.each([
    // average, demanded by, ordered, status
    [9.9, 'none', false, 'not-required'],
    [9.9, 'employees', false, 'not-required'], // a demand below 10 has no effect
    [9.9, 'none', true, 'required'],
    [10, 'none', false, 'on-demand'],
    [10, 'employees', false, 'required'],
    [10, 'none', true, 'required'],
    [29.9, 'none', false, 'on-demand'],
    [29.9, 'union', false, 'required'],
    [29.9, 'employer', false, 'required'],
    [29.9, 'none', true, 'required'],
    [30, 'none', false, 'required'],
    [0, 'none', false, 'not-required'],
  ] as const)('aml § 7-1: average %d, demanded by %s, ordered %s → %s', (avg, by, ordered, status) => {
    const x = d({
      employeesAvg20hLastYear: avg,
      amuDemandedBy: by,
      arbeidstilsynetOrders: { ...NO_ORDERS, amu: ordered },
    });
    expect(x.amu).toBe(status);
    expect(x.amuBasis).toBe(avg);
    expect(x.amuAnnualReport).toBe(status === 'required' ? 'required' : 'not-applicable');
    expect(x.reasons.amu.legalBasis).toBe('aml § 7-1, FOLM § 3-7');
  });

  it('FOLM § 3-7: the average of last year decides, not today’s headcount', () => {
    expect(d({ employeesTotal: 50, employeesAvg20hLastYear: 8 }).amu).toBe('not-required');
    expect(d({ employeesTotal: 12, employeesAvg20hLastYear: 31 }).amu).toBe('required');
  });

  it('aml § 7-1: no employees today → not-applicable, the basis still reported', () => {
    const x = d({ employeesTotal: 0, employeesAvg20hLastYear: 35 });
    expect(x.amu).toBe('not-applicable');
    expect(x.amuBasis).toBe(35);
  });

  it('aml § 7-1: the reason names the average with a decimal comma and who demanded it', () => {
    const x = d({ employeesAvg20hLastYear: 12.5, amuDemandedBy: 'union' });
    expect(x.reasons.amu.nb).toContain('i snitt 12,5 arbeidstakere');
    expect(x.reasons.amu.nb).toContain('en fagforening har krevd det');
    expect(x.reasons.amu.en).toContain('on average 12.5 employees');
    expect(d({ employeesAvg20hLastYear: 5, amuDemandedBy: 'employees' }).reasons.amu.nb).toContain(
      'gir ikke plikt under 10',
    );
  });
});

describe('bedriftshelsetjeneste (aml § 3-3, FOLM § 13-1, rules §14.4)', () => {
  const code = (c: string) => sn2025(c);
  it.each([
    // name, overrides, status, matched list entry
    ['41.00 is on the list as "41"', { nace: code('41.00') }, 'required-by-nace', '41'],
    ['86.10 is on the list as "86.1"', { nace: code('86.10') }, 'required-by-nace', '86.1'],
    ['86.93 is on the list (86.91–86.96)', { nace: code('86.93') }, 'required-by-nace', '86.93'],
    ['62.01 (office IT) is not: assess the risk', { nace: code('62.01') }, 'assess-risk', null],
    [
      '62.01, last assessment said no: still assess yearly',
      { nace: code('62.01'), bhtRiskAssessmentSaysRequired: false },
      'assess-risk',
      null,
    ],
    [
      '62.01 ordered by Arbeidstilsynet',
      { nace: code('62.01'), arbeidstilsynetOrders: { ...NO_ORDERS, bht: true } },
      'ordered',
      null,
    ],
    [
      '62.01, the risk assessment says yes',
      { nace: code('62.01'), bhtRiskAssessmentSaysRequired: true },
      'required-by-risk',
      null,
    ],
    [
      'a listed code wins over an order',
      { nace: code('41.00'), arbeidstilsynetOrders: { ...NO_ORDERS, bht: true } },
      'required-by-nace',
      '41',
    ],
    ['no code at all', { nace: null }, 'needs-verification', null],
    [
      'a code that could not be read',
      { nace: { system: 'SN2007', code: null, sn2025: null, label: '' } },
      'needs-verification',
      null,
    ],
    [
      'an SN2007 code that could not be converted',
      { nace: { system: 'SN2007', code: '43.990', sn2025: null, label: '' } },
      'needs-verification',
      null,
    ],
    ['a code too coarse for the list ("86")', { nace: code('86') }, 'needs-verification', null],
    [
      'no code, but ordered',
      { nace: null, arbeidstilsynetOrders: { ...NO_ORDERS, bht: true } },
      'ordered',
      null,
    ],
    [
      'no code, but the risk assessment says yes',
      { nace: null, bhtRiskAssessmentSaysRequired: true },
      'required-by-risk',
      null,
    ],
    [
      'no code, the risk assessment says no: the list still has to be checked',
      { nace: null, bhtRiskAssessmentSaysRequired: false },
      'needs-verification',
      null,
    ],
    ['0 employees, listed code', { employeesTotal: 0, nace: code('41.00') }, 'not-applicable', '41'],
    ['0 employees, unlisted code', { employeesTotal: 0, nace: code('62.01') }, 'not-applicable', null],
  ] as const)('FOLM § 13-1: %s → %s', (_name, over, status, entry) => {
    const x = d(over);
    expect(x.bht).toBe(status);
    expect(x.bhtMatchedListEntry).toBe(entry);
    const required = status === 'required-by-nace' || status === 'ordered' || status === 'required-by-risk';
    expect(x.bhtPlanAndAnnualReport).toBe(required ? 'required' : 'not-applicable');
  });

  it('FOLM § 13-1: the reasons name the code, the list entry and the legal basis', () => {
    const listed = d({ nace: { system: 'SN2007', code: '41.200', sn2025: '41.00', label: '' } }).reasons.bht;
    expect(listed.nb).toContain('SN2007 41.200, i SN2025 41.00');
    expect(listed.nb).toContain('oppføring «41»');
    expect(listed.legalBasis).toBe('FOLM § 13-1 (2)');
    expect(d({ nace: sn2025('62.01') }).reasons.bht.legalBasis).toBe('aml § 3-3 (1)');
    expect(d({ nace: null }).reasons.bht.nb).toContain('Vi har ingen næringskode');
    expect(d({ employeesTotal: 0, nace: sn2025('41.00') }).reasons.bht.nb).toContain(
      'fra første arbeidstaker',
    );
  });
});

describe('varsling routine (aml § 2 A-6: 5 regularly employed)', () => {
  it.each([
    [0, 'not-applicable', 'lovkrav'],
    [1, 'recommended', 'anbefalt'],
    [4, 'recommended', 'anbefalt'],
    [5, 'required', 'lovkrav'],
  ] as const)('aml § 2 A-6: %i employees → %s (%s)', (n, status, kind) => {
    const x = d({ employeesTotal: n });
    expect(x.varslingRoutine).toBe(status);
    expect(x.reasons.varslingRoutine.kind).toBe(kind);
    expect(x.reasons.varslingRoutine.legalBasis).toBe('aml § 2 A-6');
  });
});

describe('stoffkartotek (FUA § 2-1) and exposure register (FUA kap. 31)', () => {
  it.each([
    // name, overrides, stoffkartotek, exposure register, retention years, legal basis
    ['nothing', {}, 'not-applicable', 'not-applicable', null, 'FUA kap. 31'],
    ['hazardous chemicals', { hazardousChemicals: true }, 'required', 'not-applicable', null, 'FUA kap. 31'],
    ['carcinogenic (CMR)', { cmrExposure: 'carcinogenic' }, 'required', 'required', 60, 'FUA § 31-1'],
    ['mutagenic (CMR)', { cmrExposure: 'mutagenic' }, 'required', 'required', 60, 'FUA § 31-1'],
    ['reprotoxic (CMR)', { cmrExposure: 'reprotoxic' }, 'required', 'required', 5, 'FUA § 31-1'],
    ['asbestos', { asbestosExposure: true }, 'not-applicable', 'required', 60, 'FUA § 31-2'],
    [
      'reprotoxic and asbestos: the longer period',
      { cmrExposure: 'reprotoxic', asbestosExposure: true },
      'required',
      'required',
      60,
      'FUA §§ 31-1, 31-2',
    ],
    ['biological agents only', { biologicalAgents: true }, 'required', 'required', null, 'FUA kap. 31'],
    [
      'no employees, hazardous chemicals and carcinogens',
      { employeesTotal: 0, hazardousChemicals: true, cmrExposure: 'carcinogenic' },
      'not-applicable',
      'not-applicable',
      null,
      'FUA kap. 31',
    ],
  ] as const)('FUA: %s', (_name, over, stoff, exposure, years, basis) => {
    const x = d(over);
    expect(x.stoffkartotek).toBe(stoff);
    expect(x.exposureRegister).toBe(exposure);
    expect(x.exposureRegisterRetentionYears).toBe(years);
    expect(x.reasons.exposureRegister.legalBasis).toBe(basis);
    expect(x.reasons.stoffkartotek.legalBasis).toBe('FUA § 2-1');
  });

  it('FUA § 31-1: the reason names the retention years', () => {
    expect(d({ cmrExposure: 'carcinogenic' }).reasons.exposureRegister.nb).toContain('minst 60 år');
    expect(d({ cmrExposure: 'reprotoxic' }).reasons.exposureRegister.nb).toContain('minst 5 år');
    expect(d({ cmrExposure: 'carcinogenic' }).reasons.exposureRegister.en).toContain('at least 60 years');
  });

  it('FUA § 2-1 has no size threshold above the first employee; with none, the reason says when it starts', () => {
    expect(d({ employeesTotal: 1, hazardousChemicals: true }).stoffkartotek).toBe('required');
    const none = d({ employeesTotal: 0, hazardousChemicals: true });
    expect(none.reasons.stoffkartotek.nb).toContain('før første arbeidstaker');
  });
});

describe('40-hour training (FOLM §§ 3-18, 3-19) and night work (aml § 10-11 (8))', () => {
  it.each([
    // employees, agreement, AMU ordered, status
    [42, false, false, 'required'],
    [3, false, false, 'required'], // VO unless they agree
    [3, true, false, 'not-applicable'],
    [3, true, true, 'required'], // an ordered AMU needs trained members
    [0, false, false, 'not-applicable'],
  ] as const)('FOLM § 3-19: %i employees, agreement %s, AMU ordered %s → %s', (n, agreement, amu, status) => {
    const x = d({
      employeesTotal: n,
      employeesAvg20hLastYear: Math.min(n, 35.5),
      alternativeVoAgreementValid: agreement,
      arbeidstilsynetOrders: { ...NO_ORDERS, amu },
    });
    expect(x.voAmuTraining40h).toBe(status);
  });

  it.each([
    [42, true, 'required'],
    [42, false, 'not-applicable'],
    [0, true, 'not-applicable'],
  ] as const)('aml § 10-11 (8): %i employees, mainly nights %s → %s', (n, night, status) => {
    const x = d({ employeesTotal: n, nightWorkMainly: night });
    expect(x.nightWorkHealthCheck).toBe(status);
    expect(x.reasons.nightWorkHealthCheck.legalBasis).toBe('aml § 10-11 (8)');
  });
});

describe('reasons', () => {
  it('every duty has a reason in both languages with a legal basis', () => {
    for (const over of [
      {},
      { employeesTotal: 0 },
      { employeesTotal: 3, alternativeVoAgreementValid: true },
    ]) {
      const x = d(over);
      expect(Object.keys(x.reasons).sort()).toEqual([...DUTY_KEYS].sort());
      for (const key of DUTY_KEYS) {
        const r = x.reasons[key];
        expect(r.nb.length, key).toBeGreaterThan(40);
        expect(r.en.length, key).toBeGreaterThan(40);
        expect(r.legalBasis, key).toMatch(/(aml|IK-f|FOLM|FUA|ftrl) /);
      }
    }
  });

  it('rules §14.15: only the recommended varsling routine is "anbefalt"; everything else is law', () => {
    const x = d({ employeesTotal: 3 });
    const anbefalt = DUTY_KEYS.filter((k) => x.reasons[k].kind === 'anbefalt');
    expect(anbefalt).toEqual(['varslingRoutine']);
  });
});

describe('årshjul keys (rules §9 "applies when")', () => {
  it('ARSHJUL_KEYS is sorted, so the derived lists are', () => {
    expect([...ARSHJUL_KEYS]).toEqual([...ARSHJUL_KEYS].sort());
  });

  it.each([
    // name, overrides, quarterly?
    ['BHT required by the list', { nace: sn2025('41.00') }, true],
    ['hazardous chemicals', { hazardousChemicals: true }, true],
    ['neither', {}, false],
    ['BHT only ordered (not by list)', { arbeidstilsynetOrders: { ...NO_ORDERS, bht: true } }, false],
    [
      'alternative agreement (still a vernerunde)',
      { employeesTotal: 3, alternativeVoAgreementValid: true },
      false,
    ],
  ] as const)('§9 row 4: %s → quarterly %s', (_name, over, quarterly) => {
    const keys = d(over).arshjul;
    expect(keys.includes('vernerunde-kvartalsvis')).toBe(quarterly);
    expect(keys.includes('vernerunde-arlig')).toBe(!quarterly);
  });

  it.each([
    [0, []],
    [
      1,
      [
        'arlig-gjennomgang',
        'bht-vurdering',
        'leder-hms-opplaering',
        'medarbeidersamtaler',
        'sykefravaersstatistikk-kvartal',
        'vernerunde-arlig',
        'vo-amu-opplaering',
        'vo-valg',
      ],
    ],
  ] as const)('§9: %i employees (office, no agreement) → %j', (n, keys) => {
    expect(d({ employeesTotal: n, employeesAvg20hLastYear: n }).arshjul).toEqual(keys);
  });

  it('§9 rows 16, 19, 22: IA agenda and varsling review from 5, survey from 10', () => {
    const at = (n: number) => d({ employeesTotal: n, employeesAvg20hLastYear: 0 }).arshjul;
    expect(at(4)).not.toContain('ia-agenda-halvar');
    expect(at(4)).not.toContain('varslingsrutine-gjennomgang');
    expect(at(5)).toContain('ia-agenda-halvar');
    expect(at(5)).toContain('varslingsrutine-gjennomgang');
    expect(at(9)).not.toContain('medarbeiderundersokelse');
    expect(at(10)).toContain('medarbeiderundersokelse');
  });

  it('§9 rows 5–8: the AMU rows only when AMU is required (on-demand gives none)', () => {
    const amuKeys = ['amu-arsrapport', 'amu-ledervalg', 'amu-moter', 'amu-valg'];
    expect(d({ employeesAvg20hLastYear: 30 }).arshjul).toEqual(expect.arrayContaining(amuKeys));
    const onDemand = d({ employeesAvg20hLastYear: 20 });
    expect(onDemand.amu).toBe('on-demand');
    for (const k of amuKeys) expect(onDemand.arshjul).not.toContain(k);
  });

  it('§9 rows 9, 10, 24: VO election vs renewal of the alternative agreement; areas reviewed when > 1', () => {
    expect(d({ employeesTotal: 3, alternativeVoAgreementValid: true }).arshjul).toContain(
      'vo-alternativ-fornyelse',
    );
    expect(d({ employeesTotal: 3, alternativeVoAgreementValid: true }).arshjul).not.toContain('vo-valg');
    expect(d({ employeesTotal: 3 }).arshjul).toContain('vo-valg');
    expect(d({ verneomraader: 2 }).arshjul).toContain('verneomrader-gjennomgang');
    expect(d({ verneomraader: 1 }).arshjul).not.toContain('verneomrader-gjennomgang');
  });

  it('§9 row 14: the BHT assessment only while the question is open', () => {
    expect(d({ nace: sn2025('62.01') }).arshjul).toContain('bht-vurdering');
    expect(d({ nace: null }).arshjul).toContain('bht-vurdering');
    expect(d({ bhtRiskAssessmentSaysRequired: true }).arshjul).toContain('bht-vurdering');
    expect(d({ nace: sn2025('41.00') }).arshjul).not.toContain('bht-vurdering');
    expect(d({ arbeidstilsynetOrders: { ...NO_ORDERS, bht: true } }).arshjul).not.toContain('bht-vurdering');
  });
});
