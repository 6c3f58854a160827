import { describe, expect, it } from 'vitest';
import { derivePlikter } from './duties.ts';
import { type IkEvidence, ikDashboard } from './ik-status.ts';
import { regelverk } from './regelverk.ts';
import type { CompanyProfile } from './types.ts';

const profile = (over: Partial<CompanyProfile> = {}): CompanyProfile => ({
  employeesTotal: 42,
  employeesAvg20hLastYear: 35,
  hiredWorkers: 0,
  nace: { system: 'SN2025', code: '41.00', sn2025: '41.00', label: 'Oppføring av bygninger' },
  hazardousChemicals: true,
  cmrExposure: null,
  asbestosExposure: false,
  biologicalAgents: false,
  nightWorkMainly: false,
  verneomraader: 2,
  amuDemandedBy: 'none',
  alternativeVoAgreementValid: false,
  arbeidstilsynetOrders: { vo: false, amu: false, bht: false },
  bhtRiskAssessmentSaysRequired: null,
  ...over,
});

const complete = (over: Partial<IkEvidence> = {}): IkEvidence => ({
  today: '2027-03-01',
  profileSaved: true,
  duties: derivePlikter(profile()),
  regelverk: 9,
  training: { topLeaderHmsTraining: '2024-05-02', voAmuMembers: 6, voAmuWithout40h: 0 },
  participation: { lastRecorded: '2027-02-10' },
  goals: { thisYear: 3 },
  roles: {
    verneomrader: 2,
    verneomraderWithVo: 2,
    hovedverneombud: true,
    amuMembers: 6,
    bhtContact: true,
    expiredTerms: 0,
  },
  risk: { lastReviewed: '2026-11-15' },
  routines: { current: 5, avvik: true, overdueReview: 0 },
  annualReview: { lastDone: '2027-01-28' },
  ...over,
});

const statuses = (e: IkEvidence) => ikDashboard(e).map((p) => p.status);

describe('ikDashboard (IK-f § 5: eight points, 4–8 in writing)', () => {
  it('is all green with every record current; points 4–8 are the written ones', () => {
    const points = ikDashboard(complete());
    expect(points.map((p) => p.status)).toEqual(Array(8).fill('green'));
    expect(points.filter((p) => p.written).map((p) => p.point)).toEqual([4, 5, 6, 7, 8]);
    expect(points[7]?.evidence[0]?.nb).toBe('Årlig gjennomgang ble gjort 28.01.2027.');
  });

  it('point 2 is red without the top leader’s own training (aml § 3-5), yellow when only VO/AMU lack 40 h (FOLM § 3-19)', () => {
    expect(
      statuses(
        complete({ training: { topLeaderHmsTraining: null, voAmuMembers: 6, voAmuWithout40h: 0 } }),
      )[1],
    ).toBe('red');
    const lacking = ikDashboard(
      complete({ training: { topLeaderHmsTraining: '2024-05-02', voAmuMembers: 6, voAmuWithout40h: 2 } }),
    )[1];
    expect(lacking?.status).toBe('yellow');
    expect(lacking?.missing[0]?.nb).toBe('2 mangler 40 timers opplæring (FOLM § 3-19).');
  });

  it('the yearly reviews count for 13 months: on 01.03.2027 a review of 02.02.2026 is current, one of 01.02.2026 is not', () => {
    expect(statuses(complete({ annualReview: { lastDone: '2026-02-02' } }))[7]).toBe('green');
    expect(statuses(complete({ annualReview: { lastDone: '2026-02-01' } }))[7]).toBe('red');
    expect(statuses(complete({ risk: { lastReviewed: '2025-12-01' } }))[5]).toBe('yellow');
    expect(statuses(complete({ risk: { lastReviewed: null } }))[5]).toBe('red');
  });

  it('point 5 names the missing roles from the duties: a verneområde without VO, no HVO (aml § 6-1), no AMU at 35 (aml § 7-1), no BHT (aml § 3-3)', () => {
    const p5 = ikDashboard(
      complete({
        roles: {
          verneomrader: 2,
          verneomraderWithVo: 1,
          hovedverneombud: false,
          amuMembers: 0,
          bhtContact: false,
          expiredTerms: 1,
        },
      }),
    )[4];
    expect(p5?.status).toBe('yellow');
    expect(p5?.missing.map((m) => m.nb)).toEqual([
      '1 av 2 verneområder mangler verneombud (aml § 6-1).',
      'Hovedverneombud mangler (aml § 6-1).',
      'Arbeidsmiljøutvalget er ikke satt sammen (aml § 7-1).',
      'Bedriftshelsetjeneste er ikke registrert (aml § 3-3).',
      '1 verv har utløpt funksjonstid.',
    ]);
    const none = ikDashboard(
      complete({
        roles: {
          verneomrader: 2,
          verneomraderWithVo: 0,
          hovedverneombud: false,
          amuMembers: 0,
          bhtContact: true,
          expiredTerms: 0,
        },
      }),
    )[4];
    expect(none?.status).toBe('red');
  });

  it('point 7 needs a routine for avvik (aml § 3-1 (2) e); without any routine it is red', () => {
    expect(statuses(complete({ routines: { current: 2, avvik: false, overdueReview: 0 } }))[6]).toBe(
      'yellow',
    );
    expect(statuses(complete({ routines: { current: 0, avvik: false, overdueReview: 0 } }))[6]).toBe('red');
  });

  it('an organisation without employees has nothing to show (IK-f § 4 needs an arbeidstaker)', () => {
    const duties = derivePlikter(profile({ employeesTotal: 0, employeesAvg20hLastYear: 0 }));
    expect(statuses(complete({ duties }))).toEqual(Array(8).fill('not-applicable'));
  });
});

describe('regelverk (IK-f § 5 no. 1)', () => {
  it('lists the core laws for everyone with employees, chemicals and BHT rules when they apply', () => {
    const office = profile({
      nace: { system: 'SN2025', code: '62.10', sn2025: '62.10', label: 'Programmering' },
      hazardousChemicals: false,
    });
    const ids = regelverk(office, derivePlikter(office)).map((r) => r.id);
    expect(ids).toEqual(['aml', 'ik-f', 'folm', 'arbeidsplass', 'fua', 'ftrl', 'popplyl', 'brann']);
    const builder = profile();
    const more = regelverk(builder, derivePlikter(builder)).map((r) => r.id);
    expect(more).toContain('grenseverdier');
    expect(more).toContain('adm-ordninger');
    expect(regelverk(builder, derivePlikter(builder))[0]?.why.nb).toContain('42 arbeidstakere');
  });
});
