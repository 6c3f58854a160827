/** Small builders shared by the engine's tests (not exported from index.ts). */
import type { CompanyProfile, NaceCode } from './types.ts';

/** An SN2025 code, as given ready to the engine. */
export function sn2025(code: string): NaceCode {
  return { system: 'SN2025', code, sn2025: code, label: '' };
}

/**
 * A mid-sized office: 42 employees (35.5 on average ≥ 20 h last year), SN2025 62.01 (not on the BHT list),
 * no chemicals, one verneområde, nothing ordered or demanded. Override what a test is about.
 */
export function profile(over: Partial<CompanyProfile> = {}): CompanyProfile {
  return {
    employeesTotal: 42,
    employeesAvg20hLastYear: 35.5,
    hiredWorkers: 0,
    nace: sn2025('62.01'),
    hazardousChemicals: false,
    cmrExposure: null,
    asbestosExposure: false,
    biologicalAgents: false,
    nightWorkMainly: false,
    verneomraader: 1,
    amuDemandedBy: 'none',
    alternativeVoAgreementValid: false,
    arbeidstilsynetOrders: { vo: false, amu: false, bht: false },
    bhtRiskAssessmentSaysRequired: null,
    ...over,
  };
}

export const NO_ORDERS = { vo: false, amu: false, bht: false } as const;
