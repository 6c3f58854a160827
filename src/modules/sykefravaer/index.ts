/**
 * Sykefraværsoppfølging — the module's manifest and surface.
 * - The manifest (`sykefravaerModule`): routes, migrations `0003-sykefravaer`, `0005-rutine`,
 *   `0009-case-action`, `0055-rutine-inntektsmelding` and `0057-system-notes`, the "Mine oppgaver"
 *   cache, the retention job and its daily schedule, and the
 *   deadline source for reminders (`reminders.ts`).
 * - `listDeadlines(db, { organisationId?, from, to, today })` — every open deadline of current
 *   cases, computed with the rule engine from the stored periods, batched per organisation (see its
 *   comment in `deadlines.ts`); `sykefravaerDeadlines` gives them as the kernel's generic deadlines.
 * - For the follow-up documents (`src/modules/dokumenter`): `findCaseEmployee` (the case's access
 *   scope), `loadFollowup` (the case version), `currentPlan` and `markMilestoneDone` (with an
 *   optional `evidenceRef`, and `closesTasks`: the routine tasks the document fulfils, closed in the
 *   same write with the document as evidence), and the agreed-action store (`case-actions.ts`, ADR 0004).
 */
import { auditDeniedReads, type DeniedReadRule } from '../../platform/audit.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { caseActionEraser } from './case-actions.ts';
import { up as sykefravaer } from './migrations/0003-sykefravaer.ts';
import { up as rutine } from './migrations/0005-rutine.ts';
import { up as caseAction } from './migrations/0009-case-action.ts';
import { up as rutineInntektsmelding } from './migrations/0055-rutine-inntektsmelding.ts';
import { up as systemNotes } from './migrations/0057-system-notes.ts';
import { sykefravaerDeadlines } from './reminders.ts';
import { retentionJob, scheduleRetention } from './retention.ts';
import { oppgaverCache } from './rutine.service.ts';
import { sykefravaerRoutes } from './sykefravaer.routes.ts';

/** Every read of one employee's case data (this module's and the documents'): refusals are audit-logged. */
export const CASE_DENIED_READS: DeniedReadRule = {
  urlPrefix: '/api/v1/sykefravaer/employees/:employeeId',
  param: 'employeeId',
  entityType: 'sick_case',
};

export const sykefravaerModule: ModuleManifest = {
  name: 'sykefravaer',
  migrations: {
    '0003-sykefravaer': { up: sykefravaer },
    '0005-rutine': { up: rutine },
    '0009-case-action': { up: caseAction },
    '0055-rutine-inntektsmelding': { up: rutineInntektsmelding },
    '0057-system-notes': { up: systemNotes },
  },
  routes: () => auditDeniedReads(sykefravaerRoutes(), CASE_DENIED_READS),
  caches: [oppgaverCache],
  jobs: (deps) => [retentionJob(deps)],
  daily: [scheduleRetention],
  deadlines: [sykefravaerDeadlines],
  retention: [caseActionEraser],
};

export type { ActionOwnerKind, ActionSource } from './case-actions.tables.ts';
export {
  findActionForUpdate,
  inferOwnerKind,
  loadCaseActions,
  loadOpenActions,
  replaceDocumentActions,
  type StoredAction,
} from './case-actions.ts';
export { type Deadline, listDeadlines } from './deadlines.ts';
export { markMilestoneDone } from './milestones.service.ts';
export {
  type CaseDeadline,
  caseReminder,
  milestoneTitle,
  SYKEFRAVAER_AREA,
  sykefravaerDeadlines,
} from './reminders.ts';
export { RETENTION_JOB, runRetention, scheduleRetention } from './retention.ts';
export { type CaseEmployee, findCaseEmployee, loadFollowup } from './sykefravaer.repository.ts';
export { currentPlan } from './sykefravaer.service.ts';
