import { describe, expect, it } from 'vitest';
import { parseCompanyProfile } from './schema.ts';

/** The contract's example input. */
const example = {
  employeesTotal: 42,
  employeesAvg20hLastYear: 35.5,
  hiredWorkers: 3,
  nace: { system: 'SN2007', code: '41.200', sn2025: '41.00', label: 'Oppføring av bygninger' },
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
};

function messages(value: unknown): string[] {
  const r = parseCompanyProfile(value);
  return r.ok ? [] : r.errors.map((e) => e.message);
}

describe('companyProfileSchema', () => {
  it('accepts the contract example as it is', () => {
    const r = parseCompanyProfile(example);
    expect(r).toEqual({ ok: true, value: example });
  });

  it('converts nace.sn2025 when it is left out; keeps an explicit null; label defaults to empty', () => {
    const { sn2025: _drop, label: _label, ...nace } = example.nace;
    const r = parseCompanyProfile({ ...example, nace });
    expect(r.ok && r.value.nace).toEqual({ system: 'SN2007', code: '41.200', sn2025: '41.00', label: '' });
    const ambiguous = parseCompanyProfile({ ...example, nace: { system: 'SN2007', code: '43.990' } });
    expect(ambiguous.ok && ambiguous.value.nace?.sn2025).toBeNull();
    const explicitNull = parseCompanyProfile({ ...example, nace: { ...example.nace, sn2025: null } });
    expect(explicitNull.ok && explicitNull.value.nace?.sn2025).toBeNull();
    const noCode = parseCompanyProfile({ ...example, nace: { system: 'SN2025', code: null, label: '' } });
    expect(noCode.ok && noCode.value.nace).toEqual({ system: 'SN2025', code: null, sn2025: null, label: '' });
  });

  it('trims the industry codes; accepts nace null, CMR kinds, 0 and the upper bounds', () => {
    const r = parseCompanyProfile({
      ...example,
      nace: { system: 'SN2025', code: ' 86.10 ', sn2025: '86.10 ', label: 'Sykehus' },
    });
    expect(r.ok && r.value.nace?.code).toBe('86.10');
    expect(r.ok && r.value.nace?.sn2025).toBe('86.10');
    expect(parseCompanyProfile({ ...example, nace: null }).ok).toBe(true);
    expect(parseCompanyProfile({ ...example, cmrExposure: 'reprotoxic' }).ok).toBe(true);
    expect(
      parseCompanyProfile({
        ...example,
        employeesTotal: 0,
        employeesAvg20hLastYear: 1_000_000,
        hiredWorkers: 1_000_000,
        verneomraader: 10_000,
      }).ok,
    ).toBe(true);
  });

  it.each([
    [{ ...example, employeesTotal: '42' }, 'employeesTotal: må være et tall / must be a number'],
    [{ ...example, employeesTotal: 4.5 }, 'employeesTotal: må være et helt tall / must be a whole number'],
    [
      { ...example, employeesTotal: -1 },
      'employeesTotal: må være mellom 0 og 1 000 000 / must be between 0 and 1,000,000',
    ],
    [
      { ...example, employeesTotal: 1_000_001 },
      'employeesTotal: må være mellom 0 og 1 000 000 / must be between 0 and 1,000,000',
    ],
    [
      { ...example, employeesAvg20hLastYear: -0.5 },
      'employeesAvg20hLastYear: må være mellom 0 og 1 000 000 / must be between 0 and 1,000,000',
    ],
    [
      { ...example, verneomraader: 10_001 },
      'verneomraader: må være mellom 0 og 10 000 / must be between 0 and 10,000',
    ],
    [{ ...example, nightWorkMainly: undefined }, 'nightWorkMainly: mangler / is missing'],
    [
      { ...example, nightWorkMainly: 'no' },
      'nightWorkMainly: må være true eller false / must be true or false',
    ],
    [
      { ...example, bhtRiskAssessmentSaysRequired: 'maybe' },
      'bhtRiskAssessmentSaysRequired: må være true, false eller null / must be true, false or null',
    ],
    [
      { ...example, amuDemandedBy: 'boss' },
      'amuDemandedBy: må være en av none, employer, employees, union (fikk "boss") / must be one of none, employer, employees, union (got "boss")',
    ],
    [
      { ...example, cmrExposure: 'toxic' },
      'cmrExposure: må være null eller en av carcinogenic, mutagenic, reprotoxic (fikk "toxic") / must be null or one of carcinogenic, mutagenic, reprotoxic (got "toxic")',
    ],
    [
      { ...example, nace: { ...example.nace, system: 'NACE2' } },
      'nace.system: må være en av SN2007, SN2025 (fikk "NACE2") / must be one of SN2007, SN2025 (got "NACE2")',
    ],
    [
      { ...example, nace: { ...example.nace, code: '4120' } },
      'nace.code: må være en næringskode på formen NN, NN.N, NN.NN eller NN.NNN (for eksempel 41.200) / must be an industry code of the form NN, NN.N, NN.NN or NN.NNN (for example 41.200)',
    ],
    [
      { ...example, nace: { ...example.nace, sn2025: '8' } },
      'nace.sn2025: må være en næringskode på formen NN, NN.N, NN.NN eller NN.NNN',
    ],
    [
      { ...example, nace: { ...example.nace, code: 41.2 } },
      'nace.code: må være en næringskode (tekst) eller null',
    ],
    [{ ...example, nace: 'Bygg' }, 'nace: må være et objekt med system, code og label, eller null'],
    [{ ...example, nace: undefined }, 'nace: mangler / is missing'],
    [
      { ...example, arbeidstilsynetOrders: { vo: true, amu: false } },
      'arbeidstilsynetOrders.bht: mangler / is missing',
    ],
    [
      { ...example, arbeidstilsynetOrders: null },
      'arbeidstilsynetOrders: må være et objekt med vo, amu og bht / must be an object with vo, amu and bht',
    ],
    [
      'a string',
      '(input): må være et JSON-objekt med firmaprofilen / must be a JSON object with the company profile',
    ],
    [null, '(input): må være et JSON-objekt med firmaprofilen'],
  ])('%j → %s', (value, message) => {
    expect(messages(value).some((m) => m.startsWith(message))).toBe(true);
  });

  it('reports every bad field at once, each with nb and en', () => {
    const r = parseCompanyProfile({
      ...example,
      employeesTotal: null,
      hiredWorkers: 'x',
      verneomraader: 1.5,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['employeesTotal', 'hiredWorkers', 'verneomraader']);
    for (const e of r.errors) {
      expect(e.nb).not.toBe(e.en);
      expect(e.message).toBe(`${e.path}: ${e.nb} / ${e.en}`);
    }
  });
});
