/**
 * NAV's published rates from a URL the operator configures (`NAERVAER_NAV_BENCHMARK_URL`, an http(s)
 * address serving the same CSV HR can import). Never required: Nærvær cannot reach the internet in
 * every installation, so without the variable nothing is fetched and HR imports the file instead.
 * Once a day the daily work enqueues one job (idempotent by date); the job fetches the file (30 s, at
 * most 1 MiB), parses it as an upload is parsed and stores it for every organisation, each import
 * naming the URL. A bad file or an unreachable URL fails the job (retried by the job runner) and
 * writes nothing.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { type BenchmarkRow, parseBenchmarkCsv } from '../../domain/statistikk/index.ts';
import { enqueue } from '../../jobs/index.ts';
import { defineJob } from '../../platform/jobs.ts';
import type { JobDeps } from '../../platform/module.ts';
import { storeBenchmark } from './benchmark.service.ts';

export const BENCHMARK_URL_ENV = 'NAERVAER_NAV_BENCHMARK_URL';
export const BENCHMARK_URL_JOB = 'statistikk.nav-benchmark';
const MAX_BYTES = 1024 * 1024;
const TIMEOUT_MS = 30_000;

/** The configured URL, or null when none (or not an http(s) URL: then nothing is fetched). */
export function benchmarkUrl(env: Record<string, string | undefined> = process.env): string | null {
  const value = env[BENCHMARK_URL_ENV]?.trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Fetches and parses the file; throws (naming the line) when it is not NAV's CSV as documented. */
export async function fetchBenchmark(url: string): Promise<BenchmarkRow[]> {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  if (!response.ok) throw new Error(`${BENCHMARK_URL_JOB}: HTTP ${response.status}`);
  const data = new Uint8Array(await response.arrayBuffer());
  if (data.byteLength > MAX_BYTES) throw new Error(`${BENCHMARK_URL_JOB}: the file is larger than 1 MiB`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('windows-1252').decode(data);
  }
  const parsed = parseBenchmarkCsv(text);
  if (!parsed.ok) throw new Error(`${BENCHMARK_URL_JOB}: ${parsed.error.en}`);
  return parsed.rows;
}

/** Fetches once and stores the figures for every organisation; returns how many got them. */
export async function importBenchmarkFromUrl(db: Kysely<Database>, url: string): Promise<number> {
  const rows = await fetchBenchmark(url);
  const organisations = await db.selectFrom('organisation').select('id').orderBy('id').execute();
  for (const org of organisations) await storeBenchmark(db, org.id, null, { kind: 'url', name: url }, rows);
  return organisations.length;
}

const PayloadSchema = z.object({ url: z.string().url() }).strict();

export function benchmarkUrlJob(deps: JobDeps) {
  return defineJob({
    kind: BENCHMARK_URL_JOB,
    payload: PayloadSchema,
    async handle(input) {
      await importBenchmarkFromUrl(deps.db, input.url);
    },
  });
}

/** Daily work: one fetch a day when the operator has configured a URL; nothing otherwise. */
export async function scheduleBenchmarkFetch(db: Kysely<Database>, today: string): Promise<unknown> {
  const url = benchmarkUrl();
  if (url === null) return null;
  return enqueue(db, { key: `${BENCHMARK_URL_JOB}:${today}`, kind: BENCHMARK_URL_JOB, payload: { url } });
}
