/**
 * Issue 10: a duplicate or overlapping absence period is refused with 409 `PERIOD_OVERLAP` (nothing
 * stored, version unchanged) until the user confirms it; a continuation (the day after) is not.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaseView } from '../../src/contracts/sykefravaer/sykefravaer.schemas.ts';
import { addDays } from '../../src/domain/calendar/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import {
  buildSickOrg,
  daysAgo,
  type ErrorReply,
  type SickOrg,
  versionOf,
} from '../support/sykefravaer-org.ts';

const BASE = '/api/v1/sykefravaer';
type OverlapReply = ErrorReply & { error: { reason?: string } };

describeEachDatabase('period overlap on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await buildSickOrg(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const url = () => `${BASE}/employees/${org.employees.sick}/periods`;
  const stored = () =>
    t.db
      .selectFrom('absence_period')
      .select(['id', 'start_date', 'end_date', 'grade'])
      .where('employee_id', '=', org.employees.sick)
      .where('deleted_at', 'is', null)
      .orderBy('start_date')
      .execute();
  const first = { type: 'sykmelding', start: daysAgo(21), end: daysAgo(1), grade: 100 } as const;

  it('a duplicate is refused with PERIOD_OVERLAP and stores nothing; confirmed, it is stored', async () => {
    const lise = org.clients.lederA;
    expectStatus(await lise.post<CaseView>(url(), { ...first, version: 0 }), 201);
    const version = await versionOf(t, org.employees.sick);

    const dup = expectStatus(await lise.post<OverlapReply>(url(), { ...first, version }), 409).body;
    expect(dup.error.reason).toBe('PERIOD_OVERLAP');
    expect(dup.error.message).toMatch(/Akkurat denne perioden er registrert fra før/);
    expect(dup.error.fields?.[0]?.path).toBe('start');
    expect(await stored()).toHaveLength(1);
    expect(await versionOf(t, org.employees.sick)).toBe(version);

    const overlap = expectStatus(
      await lise.post<OverlapReply>(url(), {
        ...first,
        start: daysAgo(3),
        end: addDays(daysAgo(0), 20),
        grade: 50,
        version,
      }),
      409,
    ).body;
    expect(overlap.error.reason).toBe('PERIOD_OVERLAP');
    expect(overlap.error.message).toMatch(/overlapper en registrert periode/);
    expect(await stored()).toHaveLength(1);

    const confirmed = expectStatus(
      await lise.post<CaseView>(url(), { ...first, confirmOverlap: true, version }),
      201,
    ).body;
    expect(confirmed.periods).toHaveLength(2);
    expect(await stored()).toHaveLength(2);
  });

  it('a continuation from the day after is stored without a warning; a correction into another period is refused', async () => {
    const lise = org.clients.lederA;
    const version = await versionOf(t, org.employees.sick);
    const next = expectStatus(
      await lise.post<CaseView>(url(), {
        type: 'sykmelding',
        start: daysAgo(0),
        end: addDays(daysAgo(0), 20),
        grade: 50,
        version,
      }),
      201,
    ).body;
    const after = await stored();
    expect(after.map((r) => [r.start_date, r.grade])).toEqual([
      [first.start, 100],
      [first.start, 100],
      [daysAgo(0), 50],
    ]);
    // moving the 50 % period one day earlier overlaps the 100 % one; the period itself does not count
    const edit = `${url()}/${after[2]!.id}`;
    const refused = expectStatus(
      await lise.put<OverlapReply>(edit, {
        type: 'sykmelding',
        start: daysAgo(1),
        end: addDays(daysAgo(0), 20),
        grade: 50,
        reason: 'Feil dato',
        version: next.version,
      }),
      409,
    ).body;
    expect(refused.error.reason).toBe('PERIOD_OVERLAP');
    expectStatus(
      await lise.put<CaseView>(edit, {
        type: 'sykmelding',
        start: daysAgo(0),
        end: addDays(daysAgo(0), 27),
        grade: 50,
        reason: 'Forlenget',
        version: next.version,
      }),
      200,
    );
    expect((await stored())[2]?.end_date).toBe(addDays(daysAgo(0), 27));
  });

  it('confirmOverlap must be a boolean', async () => {
    const version = await versionOf(t, org.employees.sick);
    const bad = expectStatus(
      await org.clients.lederA.post<ErrorReply>(url(), { ...first, confirmOverlap: 'ja', version }),
      400,
    ).body;
    expect(bad.error.fields?.[0]?.path).toBe('confirmOverlap');
  });
});
