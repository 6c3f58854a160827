/**
 * The route coverage gate (issue 17): compares the routes the test runs recorded in
 * NAERVAER_ROUTE_LOG (see `test/support/http.ts` and `test/e2e/support/app.ts`) with the route
 * table. Fails on a route with no 2xx reply in the integration tests, and on a write route the web
 * app never sent in the e2e tests — each unless it is on its allow-list
 * (`scripts/route-coverage-allow.ts`, with the reason); and on an allow-listed route that is
 * covered after all, so the lists only shrink.
 *
 *   NAERVAER_ROUTE_LOG=/tmp/routes npm test
 *   NAERVAER_ROUTE_LOG=/tmp/routes npm run test:e2e
 *   NAERVAER_ROUTE_LOG=/tmp/routes npx tsx scripts/route-coverage.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSER_NOT_SENT, ROUTE_COVERAGE_ALLOWED } from './route-coverage-allow.ts';
import { compareCoverage, E2E_PREFIX, type LoggedResponse, parseLog } from './route-coverage-lib.ts';
import { routeTable } from './route-coverage-table.ts';

/**
 * Whether the browser's requests in the e2e run count as reaching a route for the first check (a
 * route no test reaches). Off: every route but one answers 2xx in the integration run, which is the
 * stronger check. The browser has its own check below: every write route must be sent by a page in
 * the e2e run, unless `BROWSER_NOT_SENT` says why no page sends it.
 */
const BROWSER_COUNTS = false;

const dir = process.env.NAERVAER_ROUTE_LOG;
if (!dir || !existsSync(dir)) {
  console.error('route coverage: set NAERVAER_ROUTE_LOG to the directory the test runs recorded into');
  process.exit(1);
}

const integration: LoggedResponse[] = [];
const browser: LoggedResponse[] = [];
for (const name of readdirSync(dir)) {
  if (!name.endsWith('.log')) continue;
  const lines = parseLog(readFileSync(join(dir, name), 'utf8'));
  (name.startsWith(E2E_PREFIX) ? browser : integration).push(...lines);
}

const report = compareCoverage({
  table: routeTable(),
  integration,
  browser,
  allowed: ROUTE_COVERAGE_ALLOWED,
  browserCounts: BROWSER_COUNTS,
  browserAllowed: BROWSER_NOT_SENT,
});

console.log(
  `routes answering 2xx in integration tests: ${report.integration.covered.length} of ${report.integration.total}`,
);
console.log(
  `write routes sent from the browser: ${report.browser.covered.length} of ${report.browser.total}`,
);
console.log(`allow-listed gaps: ${ROUTE_COVERAGE_ALLOWED.length}`);
console.log(`write routes no page sends (allow-listed): ${BROWSER_NOT_SENT.length}`);

let failed = false;
if (integration.length === 0) {
  console.log('no integration run was recorded (run `npm test` with NAERVAER_ROUTE_LOG set first)');
  failed = true;
}
if (report.missing.length > 0) {
  failed = true;
  console.log(
    BROWSER_COUNTS
      ? '\nroutes no test reaches (no 2xx in integration tests, not sent by the browser):'
      : '\nroutes with no 2xx reply in the integration tests:',
  );
  for (const id of report.missing) console.log(`  ${id}`);
}
if (report.staleAllowed.length > 0) {
  failed = true;
  console.log('\nallow-listed routes that are covered now — take them off scripts/route-coverage-allow.ts:');
  for (const id of report.staleAllowed) console.log(`  ${id}`);
}
if (report.unknownAllowed.length > 0) {
  failed = true;
  console.log('\nallow-listed routes that are not in the route table — take them off the list:');
  for (const id of report.unknownAllowed) console.log(`  ${id}`);
}
if (browser.length === 0) {
  console.log('no e2e run was recorded (run `npm run test:e2e` with NAERVAER_ROUTE_LOG set first)');
  failed = true;
}
if (report.browserMissing.length > 0) {
  failed = true;
  console.log('\nwrite routes no page sent in the e2e run — drive each from its page in an e2e test,');
  console.log(
    'or put it on BROWSER_NOT_SENT in scripts/route-coverage-allow.ts with the reason no page sends it:',
  );
  for (const id of report.browserMissing) console.log(`  ${id}`);
}
if (report.browserStaleAllowed.length > 0) {
  failed = true;
  console.log('\nroutes on BROWSER_NOT_SENT that a page sent after all — take them off the list:');
  for (const id of report.browserStaleAllowed) console.log(`  ${id}`);
}
if (report.browserUnknownAllowed.length > 0) {
  failed = true;
  console.log('\nBROWSER_NOT_SENT entries that are not write routes of the route table — take them off:');
  for (const id of report.browserUnknownAllowed) console.log(`  ${id}`);
}
if (!failed) console.log('route coverage: ok');
process.exit(failed ? 1 : 0);
