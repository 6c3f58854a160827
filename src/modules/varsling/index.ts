/**
 * Varsling (aml kapittel 2 A) — the module's manifest. A reporting channel per organisation, anonymous
 * (public link, receipt code, two-way mailbox) or logged in; reports readable only by the named
 * handlers, sealed to the channel's key (ADR 0010); the handling steps with recommended deadlines
 * and reminders to the handlers only; retention 3 years after closure. Migration `0022-varsling`.
 * Also (migrations 0039, 0040): the written routine (aml § 2 A-6) with publishing, read confirmation
 * and a PDF; the gjengjeldelse checklist (aml § 2 A-4); hand-over to avvik and the 72-hour clock of
 * a personal-data breach (GDPR art. 33); legal hold; handlers' own evidence files.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { up as varsling } from './migrations/0022-varsling.ts';
import { up as varslingVedlegg } from './migrations/0023-varsling-vedlegg.ts';
import { up as varslingRutine } from './migrations/0039-varsling-rutine.ts';
import { up as varslingVern } from './migrations/0040-varsling-vern.ts';
import { varslingDeadlines } from './reminders.ts';
import { scheduleVarslingRetention, varslingRetentionJob } from './retention.ts';
import { varslingHandlerRule } from './second-factor.ts';
import { VARSLING_UNLOGGED_PATHS, varslingRoutes } from './varsling.routes.ts';
import { vernRoutes } from './vern.routes.ts';

export const varslingModule: ModuleManifest = {
  name: 'varsling',
  migrations: {
    '0022-varsling': { up: varsling },
    '0023-varsling-vedlegg': { up: varslingVedlegg },
    '0039-varsling-rutine': { up: varslingRutine },
    '0040-varsling-vern': { up: varslingVern },
  },
  routes: (deps) => [...varslingRoutes(deps), ...vernRoutes(deps)],
  jobs: (deps) => [varslingRetentionJob(deps)],
  daily: [scheduleVarslingRetention],
  deadlines: [varslingDeadlines],
  // The anonymous channel (API and pages) leaves no line in the request log.
  unloggedPaths: VARSLING_UNLOGGED_PATHS,
  // Named handlers read whistle-blower reports: they must use a second factor (ADR 0020).
  secondFactorRules: [varslingHandlerRule],
};

export { ensureChannel, keyFilePath, loadKeyring, rotateChannelKey, rotateMasterKey } from './keys.ts';
export { runVarslingRetention } from './retention.ts';
export { VARSLING_UNLOGGED_PATHS } from './varsling.routes.ts';
export { caseByReceiptCode } from './varsling.service.ts';
