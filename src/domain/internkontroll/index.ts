/**
 * The HMS duties engine (internkontroll), each duty with its paragraph (aml, IK-f, FOLM, BHT-forskriften) beside it.
 * Pure functions: no I/O, no clock (the year of the årshjul is a parameter), no `Date`.
 *
 * What the callers use:
 * - `parseCompanyProfile(json)` / `companyProfileSchema` → a validated `CompanyProfile` or field-naming
 *   errors (nb/en); `nace.sn2025` is filled in with `toSn2025` when left out
 * - `derivePlikter(profile)` → the duties of the `naervaer plikter` contract, each with its reason
 * - `generateArshjul(profile, duties, { year, lastVoElection, lastAmuElection, alternativeVoAgreementUntil })`
 *   → the dated årshjul of the year, and the rows that do not apply with why
 * - `matchBhtList(sn2025)`, `toSn2025(system, code)`, `parseNaceCode(text)` → the FOLM § 13-1 list
 */
export { ARSHJUL_ROWS, generateArshjul } from './arshjul.ts';
export {
  AMU_ON_DEMAND_FROM,
  AMU_REQUIRED_FROM,
  arshjulApplies,
  derivePlikter,
  IA_AGENDA_FROM,
  IK_WRITTEN_POINTS,
  RETENTION_LONG_YEARS,
  RETENTION_REPROTOXIC_YEARS,
  SURVEY_FROM,
  VARSLING_REQUIRED_FROM,
  VO_REQUIRED_FROM,
  vernerundeQuarterly,
  voMustBeElected,
} from './duties.ts';
export {
  type Average20h,
  averageAtLeast20hLastYear,
  type EmploymentSpan,
  employeesOn,
  MIN_PERCENT_20H,
} from './headcount.ts';
export { type IkEvidence, type IkPoint, type IkPointStatus, ikDashboard } from './ik-status.ts';
export {
  BHT_NACE_LIST,
  type BhtListLookup,
  type BhtNaceList,
  lookupBhtList,
  matchBhtList,
  parseNaceCode,
  type Sn2025Conversion,
  toSn2025,
} from './nace.ts';
export { type Regel, regelverk } from './regelverk.ts';
export {
  companyProfileSchema,
  MAX_COUNT,
  MAX_VERNEOMRADER,
  type ProfileParseResult,
  type ProfileValidationError,
  parseCompanyProfile,
} from './schema.ts';
export * from './types.ts';
