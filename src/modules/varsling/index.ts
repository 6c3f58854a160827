/**
 * Varsling (aml kapittel 2 A) — the module's manifest. A reporting channel per organisation, anonymous
 * (public link, receipt code, two-way mailbox) or logged in; reports readable only by the named
 * handlers, sealed to the channel's key (ADR 0010); the handling steps with recommended deadlines
 * and reminders to the handlers only; retention 3 years after closure. Migration `0022-varsling`.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { up as varsling } from './migrations/0022-varsling.ts';
import { up as varslingVedlegg } from './migrations/0023-varsling-vedlegg.ts';
import { varslingDeadlines } from './reminders.ts';
import { scheduleVarslingRetention, varslingRetentionJob } from './retention.ts';
import { VARSLING_UNLOGGED_PATHS, varslingRoutes } from './varsling.routes.ts';

export const varslingModule: ModuleManifest = {
  name: 'varsling',
  migrations: {
    '0022-varsling': { up: varsling },
    '0023-varsling-vedlegg': { up: varslingVedlegg },
  },
  routes: (deps) => varslingRoutes(deps),
  jobs: (deps) => [varslingRetentionJob(deps)],
  daily: [scheduleVarslingRetention],
  deadlines: [varslingDeadlines],
  // The anonymous channel (API and pages) leaves no line in the request log.
  unloggedPaths: VARSLING_UNLOGGED_PATHS,
};

export { ensureChannel, keyFilePath, loadKeyring, rotateChannelKey, rotateMasterKey } from './keys.ts';
export { runVarslingRetention } from './retention.ts';
export { VARSLING_UNLOGGED_PATHS } from './varsling.routes.ts';
export { caseByReceiptCode } from './varsling.service.ts';
