import { describe, expect, it } from 'vitest';
import {
  acknowledgementDue,
  breachNotifyBy,
  canMoveTo,
  canOpenCase,
  caseDeadlines,
  deleteAfter,
  excludedHandlers,
  feedbackDue,
  formatReceiptCode,
  isValidInvestigationTarget,
  missingRequiredTopics,
  missingRetaliationAreas,
  normaliseReceiptCode,
  prefilledRoutine,
  ROUTINE_TOPIC_KEYS,
  ROUTINE_TOPICS,
  retaliationCheckDue,
  retaliationEntryProblems,
} from './index.ts';

describe('varsling deadlines (anbefalt, EU-direktivet art. 9)', () => {
  it('acknowledges within 7 days of receipt', () => {
    expect(acknowledgementDue('2027-01-10')).toBe('2027-01-17');
    expect(acknowledgementDue('2027-12-28')).toBe('2028-01-04');
  });
  it('gives feedback 3 months after the acknowledgement, else after the 7-day period', () => {
    expect(feedbackDue('2027-01-10', '2027-01-12')).toBe('2027-04-12');
    expect(feedbackDue('2027-01-10', null)).toBe('2027-04-17');
    expect(feedbackDue('2026-11-23', '2026-11-30')).toBe('2027-02-28');
  });
  it('deletes a closed case 3 years after closure', () => {
    expect(deleteAfter('2027-03-01')).toBe('2030-03-01');
    expect(deleteAfter('2028-02-29')).toBe('2031-02-28');
  });
  it('accepts an investigation target from today to two years ahead', () => {
    expect(isValidInvestigationTarget('2027-01-10', '2027-01-10')).toBe(true);
    expect(isValidInvestigationTarget('2027-01-09', '2027-01-10')).toBe(false);
    expect(isValidInvestigationTarget('2029-01-11', '2027-01-10')).toBe(false);
  });
  it('lists the case deadlines with open and overdue', () => {
    const state = {
      status: 'registrert' as const,
      receivedOn: '2027-01-10',
      acknowledgedOn: null,
      outcome: null,
      investigationTarget: null,
      feedbackGivenOn: null,
      closedOn: null,
    };
    expect(caseDeadlines(state, '2027-01-18')).toEqual([
      expect.objectContaining({ kind: 'bekreft', due: '2027-01-17', open: true, overdue: true }),
      expect.objectContaining({ kind: 'gjengjeldelse', due: '2027-01-24', open: true, overdue: false }),
      expect.objectContaining({ kind: 'tilbakemelding', due: '2027-04-17', open: true, overdue: false }),
    ]);
    const later = caseDeadlines(
      {
        ...state,
        status: 'undersokes',
        acknowledgedOn: '2027-01-12',
        outcome: 'varsling',
        investigationTarget: '2027-03-01',
      },
      '2027-01-18',
    );
    expect(later.map((d) => [d.kind, d.due, d.open, d.kindOfRule])).toEqual([
      ['bekreft', '2027-01-17', false, 'anbefalt'],
      ['gjengjeldelse', '2027-01-24', true, 'anbefalt'],
      ['undersokelse', '2027-03-01', true, 'egen-frist'],
      ['tilbakemelding', '2027-04-12', true, 'anbefalt'],
    ]);
    const closed = caseDeadlines({ ...state, closedOn: '2027-02-01', status: 'avsluttet' }, '2027-02-02');
    expect(closed.every((d) => !d.open)).toBe(true);
  });

  it('the gjengjeldelse checklist: 14 days (anbefalt), closed when done, not for eget arbeidsforhold or avvik', () => {
    const state = {
      status: 'vurdert' as const,
      receivedOn: '2027-01-10',
      acknowledgedOn: '2027-01-11',
      outcome: 'varsling' as const,
      investigationTarget: null,
      feedbackGivenOn: null,
      closedOn: null,
    };
    const kinds = (s: Parameters<typeof caseDeadlines>[0]) =>
      caseDeadlines(s, '2027-01-12').map((d) => [d.kind, d.open]);
    expect(kinds(state)).toContainEqual(['gjengjeldelse', true]);
    expect(kinds({ ...state, retaliationCheckedOn: '2027-01-12' })).toContainEqual(['gjengjeldelse', false]);
    expect(kinds({ ...state, outcome: 'eget-arbeidsforhold' }).map(([k]) => k)).not.toContain(
      'gjengjeldelse',
    );
    expect(kinds({ ...state, outcome: 'avvik' }).map(([k]) => k)).not.toContain('gjengjeldelse');
    expect(retaliationCheckDue('2027-01-10')).toBe('2027-01-24');
  });

  it('a personal-data breach: 72 hours from awareness, lovkrav, open after closure until decided', () => {
    const state = {
      status: 'avsluttet' as const,
      receivedOn: '2027-01-10',
      acknowledgedOn: '2027-01-11',
      outcome: 'avvik' as const,
      investigationTarget: null,
      feedbackGivenOn: '2027-01-12',
      closedOn: '2027-01-12',
    };
    const aware = new Date('2027-01-11T22:30:00Z');
    expect(breachNotifyBy(aware).toISOString()).toBe('2027-01-14T22:30:00.000Z');
    const open = caseDeadlines(
      { ...state, breach: { notifyBy: '2027-01-14', decidedOn: null } },
      '2027-01-15',
    );
    expect(open.find((d) => d.kind === 'personvern')).toMatchObject({
      due: '2027-01-14',
      open: true,
      overdue: true,
      kindOfRule: 'lovkrav',
      basis: 'GDPR art. 33 (1)',
    });
    const decided = caseDeadlines(
      { ...state, breach: { notifyBy: '2027-01-14', decidedOn: '2027-01-13' } },
      '2027-01-15',
    );
    expect(decided.find((d) => d.kind === 'personvern')?.open).toBe(false);
  });
});

describe('the gjengjeldelse entries and the written routine', () => {
  it('a change needs its date, who decided and why; other findings need nothing', () => {
    expect(
      retaliationEntryProblems({ finding: 'endret', changedOn: null, decidedBy: ' ', reason: '' }),
    ).toEqual(['changedOn', 'decidedBy', 'reason']);
    expect(
      retaliationEntryProblems({
        finding: 'endret',
        changedOn: '2027-01-01',
        decidedBy: 'Leder',
        reason: 'Omorganisering',
      }),
    ).toEqual([]);
    expect(
      retaliationEntryProblems({ finding: 'ingen-endring', changedOn: null, decidedBy: '', reason: '' }),
    ).toEqual([]);
    expect(missingRetaliationAreas(['lonn', 'tiltak'])).toEqual([
      'arbeidsoppgaver',
      'stilling',
      'arbeidstid',
      'arbeidssted',
      'sosialt',
    ]);
  });

  it('has 21 topics, pre-filled from the channel; the § 2 A-6 (4) a–c topics are required to publish', () => {
    expect(ROUTINE_TOPICS).toHaveLength(21);
    expect(new Set(ROUTINE_TOPIC_KEYS).size).toBe(21);
    const filled = prefilledRoutine({
      organisationName: 'Testbedriften AS',
      handlers: [
        { name: 'Hanne HR', topLeader: false },
        { name: 'Lise Leder', topLeader: true },
      ],
      anonymousPath: '/varsle/abc',
    });
    expect(filled.oppfordring).toContain('Testbedriften AS');
    expect(filled.mottakere).toContain('Hanne HR, Lise Leder');
    expect(filled['overste-leder']).toContain('Lise Leder');
    expect(filled.hvordan).toContain('/varsle/abc');
    expect(filled.bekreftelse).toContain('anbefalt frist');
    expect(missingRequiredTopics(filled)).toEqual([]);
    expect(missingRequiredTopics({ ...filled, oppfordring: ' ', behandling: '' })).toEqual([
      'oppfordring',
      'behandling',
    ]);
    const none = prefilledRoutine({ organisationName: 'X', handlers: [], anonymousPath: null });
    expect(none.mottakere).toContain('ingen mottakere');
    expect(none.hvordan).not.toContain('/varsle/');
    expect(ROUTINE_TOPICS.filter((t) => t.rule === 'lovkrav').map((t) => t.basis)).toEqual([
      'aml § 2 A-6 (4) a',
      'aml § 2 A-6 (4) b',
      'aml § 2 A-6 (4) b',
      'aml § 2 A-6 (4) c',
      'aml § 2 A-6 (4) c',
      'aml § 2 A-3 (1); § 2 A-6 (4) c',
      'aml § 2 A-6 (4) c',
    ]);
  });
});

describe('varsling steps and access', () => {
  it('moves register → acknowledge → assess → investigate (varsling only) → close', () => {
    expect(canMoveTo('registrert', 'bekreftet', null)).toBe(true);
    expect(canMoveTo('registrert', 'vurdert', null)).toBe(false);
    expect(canMoveTo('bekreftet', 'vurdert', null)).toBe(true);
    expect(canMoveTo('vurdert', 'undersokes', 'varsling')).toBe(true);
    expect(canMoveTo('vurdert', 'undersokes', 'eget-arbeidsforhold')).toBe(false);
    expect(canMoveTo('vurdert', 'avsluttet', 'avvik')).toBe(true);
    expect(canMoveTo('bekreftet', 'avsluttet', null)).toBe(false);
    expect(canMoveTo('avsluttet', 'bekreftet', null)).toBe(false);
  });
  it('opens a case only for a named, not excluded handler', () => {
    expect(canOpenCase('u1', ['u1', 'u2'], [])).toBe(true);
    expect(canOpenCase('u1', ['u1', 'u2'], ['u1'])).toBe(false);
    expect(canOpenCase('u3', ['u1', 'u2'], [])).toBe(false);
  });
  it('excludes named handlers and, when the report concerns the top leader, every top-leader handler', () => {
    const handlers = [
      { userId: 'hr', topLeader: false },
      { userId: 'ceo', topLeader: true },
      { userId: 'tv', topLeader: false },
    ];
    expect(excludedHandlers(handlers, ['tv', 'stranger'], false)).toEqual(['tv']);
    expect(excludedHandlers(handlers, [], true)).toEqual(['ceo']);
  });
  it('reads and writes receipt codes of 16 digits', () => {
    expect(normaliseReceiptCode('1234 5678-9012 3456')).toBe('1234567890123456');
    expect(normaliseReceiptCode('123456789012345')).toBeNull();
    expect(normaliseReceiptCode('12345678901234ab')).toBeNull();
    expect(formatReceiptCode('1234567890123456')).toBe('1234 5678 9012 3456');
  });
});
