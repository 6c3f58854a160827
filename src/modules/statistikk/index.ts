/**
 * Sykefraværsstatistikk — the module's manifest. The statistics are computed by the pure
 * `beregnStatistikk` (src/domain/statistikk; also `naervaer statistikk`) from the stored absence
 * periods and employees, masked (k = 5) for everyone. Migration `0024-statistikk` (the daily cost).
 *
 * - `statistikkView(db, actor, { quarter?, unitId? }, today)` — the page's data, limited to the
 *   caller's scope (for other modules, e.g. the AMU årsrapport).
 * - `computeStatistikk(db, organisationId, quarter, cache?)` — `beregnStatistikk` on the stored data,
 *   through the `statistikk.computed` cache (per organisation and quarter, dropped by the change
 *   feed on employee, unit and absence_period) when one is given.
 * - `loadStatistikkInput(db, organisationId, quarters, rollingFirst)` — the stored data as the
 *   function's input (the benchmark and the CLI's checks use it).
 * - `oppfolgingView(db, actor, { quarter?, unitId? }, today)` — ★ oppfølgingsplan by 4 weeks and
 *   dialogmøte 1 by 7 weeks done in time (aml § 4-6 (3), (4)), masked, in the caller's scope;
 *   `loadOppfolgingInput` — its stored input for `beregnOppfolging`.
 * - `benchmarkView(db, organisationId, quarter)` — NAV's imported rates for the latest quarter up to
 *   `quarter`, each with its source; `storeBenchmark(db, organisationId, actor | null, source, rows)`
 *   — an import in one transaction with its audit row (migration `0034-statistikk-benchmark`).
 * - `benchmarkUrl()`, `importBenchmarkFromUrl(db, url)`, `scheduleBenchmarkFetch(db, today)` — the
 *   operator's optional URL (`NAERVAER_NAV_BENCHMARK_URL`), fetched once a day by the job
 *   `statistikk.nav-benchmark` and stored for every organisation.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { benchmarkUrlJob, scheduleBenchmarkFetch } from './benchmark-url.ts';
import { up as statistikk } from './migrations/0024-statistikk.ts';
import { up as benchmark } from './migrations/0034-statistikk-benchmark.ts';
import { up as bidrag } from './migrations/0053-statistikk-bidrag.ts';
import { statistikkRoutes } from './statistikk.routes.ts';
import { statistikkCache } from './statistikk.service.ts';

export const statistikkModule: ModuleManifest = {
  name: 'statistikk',
  migrations: {
    '0024-statistikk': { up: statistikk },
    '0034-statistikk-benchmark': { up: benchmark },
    '0053-statistikk-bidrag': { up: bidrag },
  },
  routes: (deps) => statistikkRoutes(deps),
  caches: [statistikkCache],
  jobs: (deps) => [benchmarkUrlJob(deps)],
  daily: [scheduleBenchmarkFetch],
};

export { benchmarkView, storeBenchmark } from './benchmark.service.ts';
export {
  BENCHMARK_URL_ENV,
  BENCHMARK_URL_JOB,
  benchmarkUrl,
  importBenchmarkFromUrl,
  scheduleBenchmarkFetch,
} from './benchmark-url.ts';
export { refreshFravaer, servedStatistikk } from './bidrag.service.ts';
export { loadOppfolgingInput, oppfolgingView } from './oppfolging.service.ts';
export {
  computeStatistikk,
  dailyCost,
  defaultQuarter,
  loadStatistikkInput,
  statistikkCache,
  statistikkView,
} from './statistikk.service.ts';
