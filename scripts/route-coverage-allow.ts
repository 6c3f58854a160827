/**
 * The routes the coverage gate (`scripts/route-coverage.ts`, issue 17) lets pass although no test
 * reaches them: neither a 2xx reply in an integration test nor a request from the browser in an e2e
 * test. The list may only shrink — the gate fails on an entry that is covered — and every entry says
 * why it is here.
 */
export const ROUTE_COVERAGE_ALLOWED: readonly string[] = [
  // by design never 2xx: an exposure row is kept 60/5 years (FUA § 31-1); the route answers 409 naming the rule
  'DELETE /api/v1/risiko/eksponering/:id',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'DELETE /api/v1/arlig-gjennomgang/:id',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'DELETE /api/v1/employees/:id',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'DELETE /api/v1/hms-mal/tiltak/:id',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'DELETE /api/v1/katalog/arbeid/:id',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'DELETE /api/v1/sykefravaer/employees/:employeeId/actions/:actionId/done',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'DELETE /api/v1/units/:id',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'GET /api/v1/organisation',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'GET /api/v1/sykefravaer/employees/:employeeId/dialogmoter',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'GET /api/v1/sykefravaer/employees/:employeeId/samtalereferater',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'GET /api/v1/sykefravaer/employees/:employeeId/samtalereferater/:id/pdf',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'GET /api/v1/sykefravaer/me/dialogmoter/:id/agenda',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'POST /api/v1/setup/demo',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'POST /api/v1/sykefravaer/employees/:employeeId/dialogmoter/:id/cancel',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'PUT /api/v1/hms-mal/tiltak/:id',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'PUT /api/v1/katalog/arbeid/:id',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'PUT /api/v1/me/locale',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'PUT /api/v1/organisation',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'PUT /api/v1/session/organisation',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'PUT /api/v1/units/:id',
  // gap on 2026-12-03 (issue 17): no test reaches it yet
  'PUT /api/v1/verneomrader/:id',
];
