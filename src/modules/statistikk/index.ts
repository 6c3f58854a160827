/**
 * Sykefraværsstatistikk — the module's manifest. The statistics are computed by the pure
 * `beregnStatistikk` (src/domain/statistikk; also `naervaer statistikk`) from the stored absence
 * periods and employees, masked (k = 5) for everyone. Migration `0024-statistikk` (the daily cost).
 *
 * - `statistikkView(db, actor, { quarter?, unitId? }, today)` — the page's data, limited to the
 *   caller's scope (for other modules, e.g. the AMU årsrapport).
 * - `loadStatistikkInput(db, organisationId, quarters, rollingFirst)` — the stored data as the
 *   function's input (the benchmark and the CLI's checks use it).
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { up as statistikk } from './migrations/0024-statistikk.ts';
import { statistikkRoutes } from './statistikk.routes.ts';

export const statistikkModule: ModuleManifest = {
  name: 'statistikk',
  migrations: {
    '0024-statistikk': { up: statistikk },
  },
  routes: (deps) => statistikkRoutes(deps),
};

export { dailyCost, defaultQuarter, loadStatistikkInput, statistikkView } from './statistikk.service.ts';
