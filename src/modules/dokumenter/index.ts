/**
 * Follow-up documents — the module's manifest. The oppfølgingsplan (aml § 4-6 (3)), dialogmøter
 * and samtalereferater, letters to the doctor and the tilrettelegging catalogues; each document's
 * agreed actions become tasks in the sick-leave module's store (ADR 0004), listed and marked done
 * through `actions.routes.ts`. Labels, diff and the health-word hint are in `src/domain/dokumenter/`.
 * Retention: `erase.ts` deletes a case's documents when the sick-leave module deletes the case.
 * Hand-overs (a plan sent for approval, a comment, an approval, a meeting invitation, minutes, a
 * letter) notify the user who must act through the notifications module (`notifyUsers`, in the
 * write's transaction); document events close the routine tasks they fulfil (`closesTasks`).
 */
import { auditDeniedReads } from '../../platform/audit.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { CASE_DENIED_READS } from '../sykefravaer/index.ts';
import { actionRoutes } from './actions.routes.ts';
import { dialogmoteRoutes } from './dialogmote.routes.ts';
import { dokumenterRoutes } from './dokumenter.routes.ts';
import { dokumenterCaseEraser } from './erase.ts';
import { katalogRoutes } from './katalog.routes.ts';
import { up as dokumenter } from './migrations/0006-dokumenter.ts';
import { up as dialogmote } from './migrations/0007-dialogmote.ts';
import { up as legebrevKatalog } from './migrations/0008-legebrev-katalog.ts';
import { up as handOver } from './migrations/0017-dokumenter-hand-over.ts';
import { up as katalogSeedKey } from './migrations/0058-katalog-seed-key.ts';

export const dokumenterModule: ModuleManifest = {
  name: 'dokumenter',
  migrations: {
    '0006-dokumenter': { up: dokumenter },
    '0007-dialogmote': { up: dialogmote },
    '0008-legebrev-katalog': { up: legebrevKatalog },
    '0017-dokumenter-hand-over': { up: handOver },
    '0058-katalog-seed-key': { up: katalogSeedKey },
  },
  routes: () =>
    auditDeniedReads(
      [...dokumenterRoutes(), ...dialogmoteRoutes(), ...katalogRoutes(), ...actionRoutes()],
      CASE_DENIED_READS,
    ),
  retention: [dokumenterCaseEraser],
};
