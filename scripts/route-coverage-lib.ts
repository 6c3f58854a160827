/**
 * The route coverage gate's pure parts (issue 17): the log lines the test runs write, and the
 * comparison of what they recorded with the route table. `scripts/route-coverage.ts` runs it;
 * `test/support/http.ts` and `test/e2e/support/app.ts` record.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/** A route of the table, e.g. `{ method: 'PUT', url: '/api/v1/units/:id' }`. */
export type RouteKey = { method: string; url: string };

/** One recorded response: the route's pattern (not the concrete path) and its status. */
export type LoggedResponse = RouteKey & { status: number };

export const E2E_PREFIX = 'e2e-';

export function routeId(route: RouteKey): string {
  return `${route.method.toUpperCase()} ${route.url}`;
}

/**
 * Appends `METHOD pattern status` to `<dir>/<prefix><pid>.log` — one file per process, since vitest
 * runs test files in forked processes; one short synchronous append per line keeps lines whole.
 */
export function recordResponse(dir: string, prefix: string, response: LoggedResponse): void {
  appendFileSync(join(dir, `${prefix}${process.pid}.log`), `${routeId(response)} ${response.status}\n`);
}

export function parseLog(text: string): LoggedResponse[] {
  const out: LoggedResponse[] = [];
  for (const line of text.split('\n')) {
    const match = /^([A-Z]+) (\S+) (\d{3})$/.exec(line.trim());
    if (match?.[1] && match[2] && match[3]) {
      out.push({ method: match[1], url: match[2], status: Number(match[3]) });
    }
  }
  return out;
}

/**
 * The table's route a concrete request path belongs to, as Fastify's router picks it: a static
 * segment wins over a parameter (`/units/export` before `/units/:id`). For the e2e server, whose
 * hooks cannot be added after it has started.
 */
export function matchRoute(table: readonly RouteKey[], method: string, path: string): RouteKey | undefined {
  const segments = path.split('?')[0]?.split('/') ?? [];
  let best: { route: RouteKey; score: number[] } | undefined;
  for (const route of table) {
    if (route.method.toUpperCase() !== method.toUpperCase()) continue;
    const pattern = route.url.split('/');
    if (pattern.length !== segments.length) continue;
    const score: number[] = [];
    let ok = true;
    for (const [i, part] of pattern.entries()) {
      const actual = segments[i] ?? '';
      if (part.startsWith(':')) {
        if (actual === '') ok = false;
        score.push(0);
      } else if (part === actual) {
        score.push(1);
      } else {
        ok = false;
      }
      if (!ok) break;
    }
    if (ok && (!best || compareScores(score, best.score) > 0)) best = { route, score };
  }
  return best?.route;
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type CoverageReport = {
  /** Routes of the table with at least one 2xx reply in the integration run. */
  integration: { covered: string[]; total: number };
  /** Write routes of the table the browser sent in the e2e run (any status). */
  browser: { covered: string[]; total: number };
  /** Routes covered by neither and not allow-listed: the gate fails on these. */
  missing: string[];
  /** Allow-listed routes that are covered after all: take them off the list. */
  staleAllowed: string[];
  /** Allow-listed entries that are not in the route table any more. */
  unknownAllowed: string[];
  /** Write routes the browser never sent and that are not on the browser allow-list. */
  browserMissing: string[];
  /** Routes on the browser allow-list that the browser sent after all: take them off. */
  browserStaleAllowed: string[];
  /** Browser allow-list entries that are not write routes of the table. */
  browserUnknownAllowed: string[];
};

/**
 * Compares what the runs recorded with the table. Patterns match exactly (`METHOD /pattern`); a
 * route counts for the integration run only with a 2xx reply; for the browser, only write routes
 * are counted (and only those were recorded).
 */
export function compareCoverage(input: {
  table: readonly RouteKey[];
  integration: readonly LoggedResponse[];
  browser: readonly LoggedResponse[];
  allowed: readonly string[];
  /** Whether the browser's requests cover a route (false: the e2e figure is informative only). */
  browserCounts?: boolean;
  /**
   * Write routes no page sends, by design (API clients only, or never offered). When given, every
   * other write route must have been sent by the browser in the e2e run.
   */
  browserAllowed?: readonly string[];
}): CoverageReport {
  const table = [...new Set(input.table.map(routeId))].sort();
  const inTable = new Set(table);
  const writes = new Set(input.table.filter((r) => WRITE_METHODS.has(r.method.toUpperCase())).map(routeId));
  const ok = new Set(
    input.integration
      .filter((r) => r.status >= 200 && r.status < 300)
      .map(routeId)
      .filter((id) => inTable.has(id)),
  );
  const sent = new Set(input.browser.map(routeId).filter((id) => writes.has(id)));
  const allowed = new Set(input.allowed);
  const covered = (id: string) => ok.has(id) || (input.browserCounts !== false && sent.has(id));
  const uncovered = table.filter((id) => !covered(id));
  return {
    integration: { covered: [...ok].sort(), total: table.length },
    browser: { covered: [...sent].sort(), total: writes.size },
    missing: uncovered.filter((id) => !allowed.has(id)),
    staleAllowed: [...allowed].filter((id) => inTable.has(id) && covered(id)).sort(),
    unknownAllowed: [...allowed].filter((id) => !inTable.has(id)).sort(),
    ...browserGate(writes, sent, input.browserAllowed),
  };
}

function browserGate(
  writes: ReadonlySet<string>,
  sent: ReadonlySet<string>,
  browserAllowed: readonly string[] | undefined,
): Pick<CoverageReport, 'browserMissing' | 'browserStaleAllowed' | 'browserUnknownAllowed'> {
  if (browserAllowed === undefined)
    return { browserMissing: [], browserStaleAllowed: [], browserUnknownAllowed: [] };
  const allowed = new Set(browserAllowed);
  return {
    browserMissing: [...writes].filter((id) => !sent.has(id) && !allowed.has(id)).sort(),
    browserStaleAllowed: [...allowed].filter((id) => writes.has(id) && sent.has(id)).sort(),
    browserUnknownAllowed: [...allowed].filter((id) => !writes.has(id)).sort(),
  };
}
