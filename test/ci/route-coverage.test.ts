/** The route coverage gate's comparison (scripts/route-coverage-lib.ts, issue 17). */
import { describe, expect, it } from 'vitest';
import { compareCoverage, matchRoute, parseLog, type RouteKey } from '../../scripts/route-coverage-lib.ts';

const table: RouteKey[] = [
  { method: 'GET', url: '/api/v1/units' },
  { method: 'PUT', url: '/api/v1/units/:id' },
  { method: 'POST', url: '/api/v1/units' },
  { method: 'GET', url: '/api/v1/units/export' },
  { method: 'GET', url: '/api/v1/units/:id' },
];

describe('route coverage comparison', () => {
  it('counts a route that answered 2xx in the integration run', () => {
    const report = compareCoverage({
      table,
      integration: [{ method: 'GET', url: '/api/v1/units', status: 200 }],
      browser: [],
      allowed: [
        'PUT /api/v1/units/:id',
        'POST /api/v1/units',
        'GET /api/v1/units/export',
        'GET /api/v1/units/:id',
      ],
    });
    expect(report.integration).toEqual({ covered: ['GET /api/v1/units'], total: 5 });
    expect(report.missing).toEqual([]);
    expect(report.staleAllowed).toEqual([]);
  });

  it('does not count a 4xx reply', () => {
    const report = compareCoverage({
      table,
      integration: [
        { method: 'POST', url: '/api/v1/units', status: 400 },
        { method: 'GET', url: '/api/v1/units/:id', status: 404 },
      ],
      browser: [],
      allowed: [],
    });
    expect(report.integration.covered).toEqual([]);
    expect(report.missing).toContain('POST /api/v1/units');
    expect(report.missing).toContain('GET /api/v1/units/:id');
  });

  it('counts a write route the browser sent, whatever the status, and only write routes', () => {
    const report = compareCoverage({
      table,
      integration: [],
      browser: [
        { method: 'PUT', url: '/api/v1/units/:id', status: 400 },
        { method: 'GET', url: '/api/v1/units', status: 200 },
      ],
      allowed: [],
    });
    expect(report.browser).toEqual({ covered: ['PUT /api/v1/units/:id'], total: 2 });
    expect(report.missing).toEqual([
      'GET /api/v1/units',
      'GET /api/v1/units/:id',
      'GET /api/v1/units/export',
      'POST /api/v1/units',
    ]);
  });

  it('with browserCounts false, reports the browser figure but covers nothing by it', () => {
    const report = compareCoverage({
      table,
      integration: [],
      browser: [{ method: 'PUT', url: '/api/v1/units/:id', status: 200 }],
      allowed: ['PUT /api/v1/units/:id'],
      browserCounts: false,
    });
    expect(report.browser.covered).toEqual(['PUT /api/v1/units/:id']);
    expect(report.missing).not.toContain('PUT /api/v1/units/:id');
    expect(report.staleAllowed).toEqual([]);
  });

  it('fails an allow-listed route that is covered after all, and one that is not in the table', () => {
    const report = compareCoverage({
      table,
      integration: [{ method: 'POST', url: '/api/v1/units', status: 201 }],
      browser: [],
      allowed: ['POST /api/v1/units', 'DELETE /api/v1/gone'],
    });
    expect(report.staleAllowed).toEqual(['POST /api/v1/units']);
    expect(report.unknownAllowed).toEqual(['DELETE /api/v1/gone']);
  });

  it('matches patterns exactly: a concrete path or another method does not cover a route', () => {
    const report = compareCoverage({
      table,
      integration: [
        { method: 'GET', url: '/api/v1/units/42', status: 200 },
        { method: 'GET', url: '/api/v1/units/', status: 200 },
        { method: 'PATCH', url: '/api/v1/units/:id', status: 200 },
        { method: 'get', url: '/api/v1/units/export', status: 200 },
      ],
      browser: [],
      allowed: [],
    });
    expect(report.integration.covered).toEqual(['GET /api/v1/units/export']);
  });

  it('with a browser allow-list, fails a write route the browser never sent that is not on it', () => {
    const report = compareCoverage({
      table,
      integration: [],
      browser: [{ method: 'PUT', url: '/api/v1/units/:id', status: 409 }],
      allowed: [],
      browserAllowed: [],
    });
    expect(report.browserMissing).toEqual(['POST /api/v1/units']);
  });

  it('passes a write route on the browser allow-list, and fails the list when the route was sent or is no write route', () => {
    const listed = compareCoverage({
      table,
      integration: [],
      browser: [],
      allowed: [],
      browserAllowed: ['POST /api/v1/units', 'PUT /api/v1/units/:id'],
    });
    expect(listed.browserMissing).toEqual([]);
    expect(listed.browserStaleAllowed).toEqual([]);
    const stale = compareCoverage({
      table,
      integration: [],
      browser: [{ method: 'POST', url: '/api/v1/units', status: 201 }],
      allowed: [],
      browserAllowed: [
        'POST /api/v1/units',
        'PUT /api/v1/units/:id',
        'GET /api/v1/units',
        'DELETE /api/v1/gone',
      ],
    });
    expect(stale.browserStaleAllowed).toEqual(['POST /api/v1/units']);
    expect(stale.browserUnknownAllowed).toEqual(['DELETE /api/v1/gone', 'GET /api/v1/units']);
  });

  it('without a browser allow-list, the browser decides nothing', () => {
    const report = compareCoverage({ table, integration: [], browser: [], allowed: [] });
    expect(report.browserMissing).toEqual([]);
  });

  it('reads log lines and skips malformed ones', () => {
    expect(parseLog('GET /api/v1/units 200\nnonsense\nPUT /api/v1/units/:id 422\n')).toEqual([
      { method: 'GET', url: '/api/v1/units', status: 200 },
      { method: 'PUT', url: '/api/v1/units/:id', status: 422 },
    ]);
  });

  it('finds the pattern of a concrete path as the router does: a static segment wins', () => {
    expect(matchRoute(table, 'GET', '/api/v1/units/export?x=1')?.url).toBe('/api/v1/units/export');
    expect(matchRoute(table, 'GET', '/api/v1/units/7')?.url).toBe('/api/v1/units/:id');
    expect(matchRoute(table, 'PUT', '/api/v1/units/7')?.url).toBe('/api/v1/units/:id');
    expect(matchRoute(table, 'DELETE', '/api/v1/units/7')).toBeUndefined();
    expect(matchRoute(table, 'GET', '/api/v1/units/7/extra')).toBeUndefined();
  });
});
