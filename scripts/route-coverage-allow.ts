/**
 * The routes the coverage gate (`scripts/route-coverage.ts`, issue 17) lets pass although no test
 * reaches them: neither a 2xx reply in an integration test nor a request from the browser in an e2e
 * test. The list may only shrink — the gate fails on an entry that is covered — and every entry says
 * why it is here.
 */
export const ROUTE_COVERAGE_ALLOWED: readonly string[] = [
  // by design never 2xx: an exposure row is kept 60/5 years (FUA § 31-1); the route answers 409 naming the rule
  'DELETE /api/v1/risiko/eksponering/:id',
];

/**
 * Write routes no page of the web app sends, each with the reason: the browser check of the gate
 * (every other write route must be sent by a page in the e2e run, issue 17) lets these pass. The list
 * may only shrink — the gate fails on an entry a page sent after all.
 */
export const BROWSER_NOT_SENT: readonly string[] = [
  // an exposure row is kept 60/5 years and may not be deleted without Arbeidstilsynet's consent
  // (FUA § 31-1): the register page offers no «Slett» (test/e2e/risiko-vernerunde.test.ts checks it)
  'DELETE /api/v1/risiko/eksponering/:id',
];
