/**
 * The sick-leave rule engine (sykefraværsoppfølging), each rule with its paragraph (aml § 4-6, ftrl kap. 8) beside it.
 * Pure functions: no I/O, no clock (`today` is always a parameter), no `Date`.
 *
 * What the HTTP layer calls:
 * - `parsePlanInput(json)` → validated `PlanInput` or field-naming errors (nb/en)
 * - `beregnPlan(input)` → the plan (the contract in README.md, «naervaer plan»)
 * - `milestoneStates(plan.followUp, { exceptions, done }, today)` → state of each milestone for the UI
 * - `vurderEgenmelding({ policy, employmentStart, earlierAbsences, request, today })` → allowed + why
 */
export {
  type AgpOverride,
  type AgpSpan,
  applyAgpOverrides,
  computeArbeidsgiverperioder,
} from './arbeidsgiverperiode.ts';
export * from './constants.ts';
export {
  customEgenmeldingPolicy,
  type EgenmeldingCheckInput,
  type EgenmeldingCode,
  type EgenmeldingMessage,
  type EgenmeldingPolicy,
  type EgenmeldingPreset,
  type EgenmeldingRequest,
  type EgenmeldingResult,
  egenmeldingPolicy,
  vurderEgenmelding,
} from './egenmelding.ts';
export { beregnMaksdato, birthdays, countStartAfterReset, type MaksdatoResult } from './maksdato.ts';
export {
  EXEMPTABLE_MILESTONES,
  type ExemptableMilestoneKey,
  isExemptable,
  type MilestoneDone,
  type MilestoneException,
  type MilestoneRecords,
  type MilestoneState,
  type MilestoneStateKind,
  milestoneStates,
  type UserRef,
} from './milestone-state.ts';
export {
  aapDue,
  aktivitetspliktStatus,
  buildMilestones,
  dialogmote1Status,
  dialogmote2Status,
  due,
  LEGAL_BASIS,
  oppfolgingsplanStatus,
  oppfolgingsplanTilNavDue,
  reminders,
} from './milestones.ts';
export { type CaseSpan, mergeOppfolgingstilfeller } from './oppfolgingstilfelle.ts';
export { oppsigelsesvernTil } from './oppsigelsesvern.ts';
export {
  defaultPeriodStart,
  type ExistingPeriod,
  type NewPeriod,
  type PeriodConflict,
  periodConflict,
} from './period-overlap.ts';
export { beregnPlan, beregnTilfeller, type PlanComputation, type PlanOptions } from './plan.ts';
export {
  caseRule,
  decideRetention,
  EGENMELDING_RETENTION_MONTHS,
  EGENMELDING_RULE,
  type RetentionDecision,
  type RetentionInput,
  type RetentionPeriod,
} from './retention.ts';
export {
  collapseRepeating,
  DEFAULT_ROUTINE,
  dueReminderDates,
  REPEAT_HORIZON_DAYS,
  ROUTINE_ANCHORS,
  ROUTINE_ROLES,
  ROUTINE_TASK_ID,
  type RoutineAnchor,
  type RoutineRole,
  type RoutineTask,
  type TaskCase,
  type TaskInstance,
  taskKey,
  taskReminderDates,
  tasksForCase,
} from './rutine.ts';
export {
  formatPath,
  type ParseResult,
  parsePlanInput,
  planInputSchema,
  type ValidationError,
} from './schema.ts';
export {
  type CaseInput,
  caseAgp,
  caseAgpEnd,
  caseStatus,
  computePlan,
  gradeOn,
  isCurrentOrRecent,
  RECENT_CASE_DAYS,
  type RecordForEngine,
  recordsFor,
  type StoredPeriod,
  sickDaysSoFar,
  toEnginePeriod,
} from './stored-case.ts';
export {
  parseSystemNote,
  renderRecordNote,
  SYSTEM_NOTE_CODES,
  type SystemNote,
  type SystemNoteCode,
  SystemNoteSchema,
  storedSystemNote,
  systemNoteSentence,
} from './system-notes.ts';
export {
  buildTimeline,
  DAG_ARBEID,
  DAG_BEHANDLINGSDAGER,
  DAG_EGENMELDING,
  DAG_FERIE,
  DAG_INGEN,
  DAG_SYKMELDING,
  type DagType,
  type DayPeriod,
  isSykedag,
  type Timeline,
  TimelineScratch,
  timelineFromPeriods,
  toDayPeriods,
} from './timeline.ts';
export * from './types.ts';
