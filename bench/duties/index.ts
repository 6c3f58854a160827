/**
 * bench/duties — the HMS duties engine over 100 000 synthetic company profiles.
 *
 * 1. Generates the profiles with a seeded PRNG (realistic mix: mostly small firms, some around every
 *    threshold — 1, 5, 10, 30 — and a few large; SN2025 codes on and off the FOLM § 13-1 list, some
 *    SN2007 codes converted with `toSn2025`, some without a code; chemicals, CMR, night work, demands
 *    and orders at plausible rates), serialised into ONE JSON string.
 * 2. Times `JSON.parse` of that string — the floor.
 * 3. Times `derivePlikter` (every duty with its bokmål and English reason, and the årshjul keys) over
 *    every parsed profile, WITHOUT zod validation. zod (`parseCompanyProfile`) and `generateArshjul`
 *    are measured separately on a 20 000-profile sample, for information.
 * Prints the ratio engine / JSON.parse last. Goal: ≤ 3.
 */
import { performance } from 'node:perf_hooks';
import {
  BHT_NACE_LIST,
  type CompanyProfile,
  derivePlikter,
  generateArshjul,
  type NaceCode,
  parseCompanyProfile,
  toSn2025,
} from '../../src/domain/internkontroll/index.ts';

const PROFILES = Number(process.env.BENCH_DUTIES_PROFILES ?? 100_000);
const SEED = 20261203;

// mulberry32: small, fast, seeded.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(SEED);
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T;
const chance = (p: number) => rand() < p;

const UNLISTED_SN2025 = [
  '62.01',
  '62.02',
  '69.10',
  '70.22',
  '47.11',
  '68.20',
  '71.12',
  '73.11',
  '01.11',
  '64.19',
];
const SN2007 = [
  '41.200',
  '62.010',
  '43.990',
  '86.101',
  '45.200',
  '47.111',
  '10.110',
  '56.101',
  '88.991',
  '85.201',
];

function naceCode(): NaceCode | null {
  const r = rand();
  if (r < 0.05) return null;
  if (r < 0.35) {
    const code = pick(BHT_NACE_LIST.entries);
    return { system: 'SN2025', code, sn2025: code, label: 'Bransje på listen' };
  }
  if (r < 0.75) {
    const code = pick(UNLISTED_SN2025);
    return { system: 'SN2025', code, sn2025: code, label: 'Kontor' };
  }
  const code = pick(SN2007);
  return { system: 'SN2007', code, sn2025: toSn2025('SN2007', code).sn2025, label: 'Registrert i SN2007' };
}

function headcount(): number {
  const r = rand();
  if (r < 0.03) return 0;
  if (r < 0.45) return int(1, 4);
  if (r < 0.75) return int(5, 29);
  if (r < 0.97) return int(30, 500);
  return int(501, 20_000);
}

function profile(): CompanyProfile {
  const n = headcount();
  const avg = Math.max(0, Math.round(n * (0.6 + rand() * 0.5) * 10) / 10);
  return {
    employeesTotal: n,
    employeesAvg20hLastYear: avg,
    hiredWorkers: chance(0.2) ? int(1, 20) : 0,
    nace: naceCode(),
    hazardousChemicals: chance(0.3),
    cmrExposure: chance(0.08) ? pick(['carcinogenic', 'mutagenic', 'reprotoxic'] as const) : null,
    asbestosExposure: chance(0.03),
    biologicalAgents: chance(0.08),
    nightWorkMainly: chance(0.1),
    verneomraader: n === 0 ? 0 : Math.max(1, Math.round(n / int(15, 60))),
    amuDemandedBy: chance(0.2) ? pick(['employer', 'employees', 'union'] as const) : 'none',
    alternativeVoAgreementValid: n > 0 && n < 5 && chance(0.4),
    arbeidstilsynetOrders: { vo: chance(0.01), amu: chance(0.01), bht: chance(0.02) },
    bhtRiskAssessmentSaysRequired: chance(0.4) ? null : chance(0.3),
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

const t0 = performance.now();
const generated: CompanyProfile[] = [];
for (let i = 0; i < PROFILES; i++) generated.push(profile());
const json = JSON.stringify(generated);
generated.length = 0;
const tGenerated = performance.now();
console.log(`profiles: ${PROFILES.toLocaleString('en')}`);
console.log(`JSON: ${(json.length / 1e6).toFixed(1)} MB, generated in ${seconds(tGenerated - t0)}`);

// (a) the floor: JSON.parse of the whole string
const tParse0 = performance.now();
const profiles = JSON.parse(json) as CompanyProfile[];
const parseMs = performance.now() - tParse0;
console.log(`JSON.parse: ${seconds(parseMs)}`);

// (b) the engine over every profile (no zod)
let byNace = 0;
let needsVerification = 0;
let amuRequired = 0;
let arshjulKeys = 0;
const tEngine0 = performance.now();
for (let i = 0; i < profiles.length; i++) {
  const d = derivePlikter(profiles[i] as CompanyProfile);
  if (d.bht === 'required-by-nace') byNace++;
  else if (d.bht === 'needs-verification') needsVerification++;
  if (d.amu === 'required') amuRequired++;
  arshjulKeys += d.arshjul.length;
}
const engineMs = performance.now() - tEngine0;
console.log(
  `engine (derivePlikter, no zod): ${seconds(engineMs)} — ${byNace.toLocaleString('en')} BHT by NACE, ${needsVerification.toLocaleString('en')} to verify, ${amuRequired.toLocaleString('en')} with AMU, ${arshjulKeys.toLocaleString('en')} årshjul keys`,
);

// For information: zod validation and the årshjul on a sample.
const SAMPLE = Math.min(20_000, profiles.length);
const tZod0 = performance.now();
let invalid = 0;
for (let i = 0; i < SAMPLE; i++) if (!parseCompanyProfile(profiles[i]).ok) invalid++;
const zodMs = performance.now() - tZod0;
console.log(
  `zod companyProfileSchema on ${SAMPLE.toLocaleString('en')} profiles: ${seconds(zodMs)} (${invalid} invalid; ≈ ${seconds((zodMs * profiles.length) / SAMPLE)} for all)`,
);
const tYear0 = performance.now();
let occurrences = 0;
for (let i = 0; i < SAMPLE; i++) {
  const p = profiles[i] as CompanyProfile;
  const plan = generateArshjul(p, derivePlikter(p), {
    year: 2027,
    lastVoElection: i % 3 === 0 ? null : '2025-03-10',
    lastAmuElection: i % 2 === 0 ? '2026-09-01' : null,
    alternativeVoAgreementUntil: p.alternativeVoAgreementValid ? '2027-06-30' : null,
  });
  occurrences += plan.items.length;
}
const yearMs = performance.now() - tYear0;
console.log(
  `derivePlikter + generateArshjul on ${SAMPLE.toLocaleString('en')} profiles: ${seconds(yearMs)} (${occurrences.toLocaleString('en')} occurrences)`,
);
console.log(`whole run: ${seconds(performance.now() - t0)}`);
console.log(`ratio engine/JSON.parse: ${(engineMs / parseMs).toFixed(2)} (goal ≤ 3)`);
