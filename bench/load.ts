/**
 * The HTTP load of the API benchmarks: autocannon, 64 connections, `BENCH_SECONDS` (default 8).
 * The load generator runs on its own thread (`BENCH_WORKERS`, default 1; 0 = on the server's
 * thread, as the runs before 2026-11-22 11:30 did): parsing the answers on the server's event loop
 * added the client's own work to the server's latency.
 * (A file, not a folder: `bench/run.ts` runs every folder of bench/ as a benchmark.)
 */
import autocannon from 'autocannon';

export const CONNECTIONS = 64;
export const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
export const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);

export type Measure = { rps: number; p50: number; p99: number; errors: number };

/** Loads `url` (or, with `paths`, each of them in turn on every connection). */
export async function load(url: string, headers: Record<string, string>, paths?: string[]): Promise<Measure> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers,
    ...(WORKERS > 0 ? { workers: WORKERS } : {}),
    ...(paths ? { requests: paths.map((path) => ({ method: 'GET' as const, path })) } : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

export function loadGeneratorLabel(): string {
  return WORKERS > 0 ? `${WORKERS} worker thread(s)` : "the server's own thread";
}
