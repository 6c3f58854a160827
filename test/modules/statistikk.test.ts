/**
 * Sykefraværsstatistikk through the API on both databases: the figures are `beregnStatistikk`'s on
 * the stored periods and employees (SSB/NAV definitions), masked for every caller —
 * HR/admin/AMU see the organisation, a leader only their units; a forged unit id answers 404, a
 * bad quarter 400; the daily-cost setting is stored, audit-logged and refused when out of range.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  StatistikkSettingsView,
  StatistikkView,
} from '../../src/contracts/statistikk/statistikk.schemas.ts';
import { beregnStatistikk } from '../../src/domain/statistikk/index.ts';
import { loadStatistikkInput } from '../../src/modules/statistikk/index.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp } from '../support/http.ts';
import { ACTORS, buildSickOrg, type ErrorReply, type SickOrg } from '../support/sykefravaer-org.ts';

/** A fixed day in 2026Q4: the default quarter is the last completed one, 2026Q3 (66 working days). */
const TODAY = '2026-11-10';
const S = '/api/v1/statistikk';
const SETTINGS = '/api/v1/statistikk/settings';

type Group = StatistikkView['quarters'][number]['units'][number];

describeEachDatabase('statistikk on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  let unitC: string;
  let otherUnit: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { reminders: { today: () => TODAY } });
    org = await buildSickOrg(t);
    const admin = org.clients.admin;
    // Unit A: 3 + 4 = 7 persons; unit B: 3 + 3 = 6; a small unit C with 2 (all 100 %, since 2020).
    unitC = expectStatus(await admin.post<{ id: string }>('/api/v1/units', { name: 'Kantina' }), 201).body.id;
    const add = async (name: string, unitId: string, extra: Record<string, unknown> = {}) =>
      expectStatus(
        await admin.post<{ id: string }>('/api/v1/employees', {
          name,
          employmentStart: '2020-01-15',
          positionPercent: 100,
          unitId,
          ...extra,
        }),
        201,
      ).body.id;
    for (const n of ['Ada', 'Bo', 'Cato', 'Dina'])
      await add(`${n} A`, org.unitA, { leaderId: org.employees.leaderA });
    for (const n of ['Eli', 'Fia', 'Gro'])
      await add(`${n} B`, org.unitB, { leaderId: org.employees.leaderB });
    for (const n of ['Hans', 'Ine']) await add(`${n} C`, unitC);
    // Left before the period: never counted.
    await add('Jo Sluttet', org.unitA, { employmentStart: '2015-01-01', employmentEnd: '2019-12-31' });

    // Per Pleier (unit A) on a 100 % sick note Mon 3 – Fri 14 Aug 2026: 10 working days, a 12-day case.
    const url = `/api/v1/sykefravaer/employees/${org.employees.sick}`;
    const view = expectStatus(
      await org.clients.hr.post<{ version: number }>(`${url}/periods`, {
        type: 'sykmelding',
        start: '2026-08-03',
        end: '2026-08-14',
        grade: 100,
        version: 0,
      }),
      201,
    ).body;
    // An avventende sykmelding (the employee works: not sick, never counted) on Vera in unit A.
    expectStatus(
      await org.clients.hr.post(`/api/v1/sykefravaer/employees/${org.employees.vo}/periods`, {
        type: 'sykmelding',
        start: '2026-09-07',
        end: '2026-09-18',
        avventende: true,
        version: 0,
      }),
      201,
    );
    expect(view.version).toBe(1);
    otherUnit = (
      await t.db
        .selectFrom('unit')
        .select('id')
        .where('organisation_id', '=', org.otherOrgId)
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (who: keyof SickOrg['clients'], query = '') =>
    expectStatus(await org.clients[who].get<StatistikkView>(`${S}${query}`), 200).body;
  const unit = (units: Group[], id: string) => units.find((u) => u.unitId === id);

  it('HR: the organisation and every unit for the last completed quarter, by SSB’s and NAV’s definitions', async () => {
    const view = await get('hr');
    expect(view.quarter).toBe('2026Q3');
    expect(view.scope).toBe('organisation');
    expect(view.quarters.map((q) => q.quarter)).toEqual([
      '2024Q4',
      '2025Q1',
      '2025Q2',
      '2025Q3',
      '2025Q4',
      '2026Q1',
      '2026Q2',
      '2026Q3',
    ]);
    const q3 = view.quarters[7];
    expect(q3?.preliminary).toBe(false);
    expect(q3?.workingDays).toBe(66);
    // 15 persons × 66 days = 990 avtalte; 10 tapte (legemeldt, korttid) → 1.0101 … → 1.0 %.
    expect(q3?.organisation).toMatchObject({
      masked: false,
      population: 15,
      avtalteDagsverk: 990,
      tapteDagsverk: { total: 10, legemeldt: 10, egenmeldt: 0, korttid: 10, langtid: 0 },
      prosent: { total: 1, legemeldt: 1, egenmeldt: 0, korttid: 1, langtid: 0 },
      estimatedCost: 34_000, // 10 × 3 400 kr (the default: 17 000 kr per week)
    });
    // Unit A: 7 × 66 = 462; 10 × 100 / 462 = 2.16 → 2.2 %.
    expect(unit(q3?.units ?? [], org.unitA)).toMatchObject({
      masked: false,
      population: 7,
      prosent: { total: 2.2 },
    });
    // C has 2 persons (masked); the organisation minus A would reveal B + C, so B (6 < 7) goes too.
    expect(unit(q3?.units ?? [], unitC)).toEqual({
      unitId: unitC,
      name: 'Kantina',
      parentId: null,
      masked: true,
      maskReason: 'population',
    });
    expect(unit(q3?.units ?? [], org.unitB)).toEqual({
      unitId: org.unitB,
      name: 'Skolen',
      parentId: null,
      masked: true,
      maskReason: 'complementary',
    });
    expect(view.rolling.quarters).toEqual(['2025Q4', '2026Q1', '2026Q2', '2026Q3']);
    expect(view.rolling.organisation).toMatchObject({
      masked: false,
      population: 15,
      highestQuarterPopulation: 15,
    });
    expect(view.dailyCost).toEqual({ amount: 3400, isDefault: true });
  });

  it('the figures are exactly the pure function’s on the stored data', async () => {
    const view = await get('hr', '?quarter=2026Q3');
    const quarters = view.quarters.map((q) => q.quarter);
    const input = await loadStatistikkInput(t.db, org.orgId, quarters, '2025Q4');
    const pure = beregnStatistikk(input);
    expect(input.employees).toHaveLength(15); // the leaver is not loaded
    for (const [i, block] of pure.quarters.entries()) {
      const { estimatedCost: _cost, ...figures } = { estimatedCost: 0, ...view.quarters[i]?.organisation };
      expect(figures).toEqual(block.organisation);
    }
  });

  it('logs the read in the audit log (no personal data)', async () => {
    await get('hr', '?quarter=2026Q2');
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'detail', 'actor_user_id'])
      .where('organisation_id', '=', org.orgId)
      .where('entity_type', '=', 'statistikk')
      .execute();
    const detail = (d: unknown) => (typeof d === 'string' ? JSON.parse(d) : d) as { quarter: string };
    expect(rows.some((r) => r.action === 'read' && detail(r.detail).quarter === '2026Q2')).toBe(true);
    expect(rows.every((r) => r.actor_user_id !== null)).toBe(true);
  });

  it('a quarter not ended yet is foreløpig', async () => {
    const view = await get('hr', '?quarter=2026Q4');
    expect(view.quarters[7]?.preliminary).toBe(true);
    expect(view.quarters[6]?.preliminary).toBe(false);
    expect(view.choosableQuarters.at(-1)).toBe('2026Q4');
  });

  it('a leader sees only the units of the people they lead, masked like everyone else', async () => {
    const a = await get('lederA');
    expect(a.scope).toBe('units');
    expect(a.quarters[7]?.organisation).toBeNull();
    expect(a.rolling.organisation).toBeNull();
    expect(a.quarters[7]?.units.map((u) => u.unitId)).toEqual([org.unitA]);
    const b = await get('lederB');
    expect(b.quarters[7]?.units).toEqual([
      { unitId: org.unitB, name: 'Skolen', parentId: null, masked: true, maskReason: 'complementary' },
    ]);
  });

  it('an AMU member sees the organisation’s statistics', async () => {
    const view = await get('amu');
    expect(view.scope).toBe('organisation');
    expect(view.quarters[7]?.organisation).toMatchObject({ masked: false, population: 15 });
  });

  it.each(ACTORS.filter((a) => ['self', 'otherAnsatt', 'verneombud', 'tillitsvalgt', 'bht'].includes(a)))(
    '%s gets 404 (no role that reads statistics)',
    async (who) => {
      const reply = await org.clients[who].get<ErrorReply>(S);
      expect(reply.status).toBe(404);
      expect((await org.clients[who].get<ErrorReply>(SETTINGS)).status).toBe(404);
    },
  );

  it('another organisation sees only its own units', async () => {
    const view = await get('otherOrg');
    const ids = view.quarters[7]?.units.map((u) => u.unitId) ?? [];
    expect(ids).toEqual([otherUnit]);
    expect(view.quarters[7]?.organisation).toEqual({ masked: true, maskReason: 'population' });
  });

  it('one unit by id; a forged or foreign unit id answers 404', async () => {
    const one = await get('hr', `?unitId=${org.unitA}`);
    expect(one.quarters[7]?.units.map((u) => u.unitId)).toEqual([org.unitA]);
    expect(one.quarters[7]?.organisation).toBeNull();
    for (const [who, id] of [
      ['hr', otherUnit],
      ['hr', '00000000-0000-4000-8000-000000000000'],
      ['hr', 'not-a-unit'],
      ['lederA', org.unitB],
      ['otherOrg', org.unitA],
    ] as const) {
      const reply = await org.clients[who].get<ErrorReply>(`${S}?unitId=${id}`);
      expect(reply.status, `${who} ${id}`).toBe(404);
    }
  });

  it('a bad quarter is a 400 naming the field', async () => {
    for (const q of ['2026Q5', '2026-Q1', '1999Q4', '2027Q1']) {
      const reply = await org.clients.hr.get<ErrorReply>(`${S}?quarter=${q}`);
      expect(reply.status, q).toBe(400);
      expect(reply.body.error.fields?.map((f) => f.path)).toContain('query.quarter');
    }
  });

  it('the daily cost: default, set (stored and audit-logged), back to the default', async () => {
    const hr = org.clients.hr;
    const before = expectStatus(await hr.get<StatistikkSettingsView>(SETTINGS), 200).body;
    expect(before).toEqual({
      dailyCost: { amount: 3400, isDefault: true },
      defaultDailyCost: 3400,
      defaultWeeklyCost: 17_000,
    });
    const saved = expectStatus(await hr.put<StatistikkSettingsView>(SETTINGS, { dailyCost: 2500 }), 200).body;
    expect(saved.dailyCost).toEqual({ amount: 2500, isDefault: false });
    const row = await t.db
      .selectFrom('statistikk_setting')
      .selectAll()
      .where('organisation_id', '=', org.orgId)
      .executeTakeFirstOrThrow();
    expect(row.daily_cost).toBe(2500);
    expect(row.updated_by).toBe(org.userIds.hr);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('organisation_id', '=', org.orgId)
      .where('entity_type', '=', 'statistikk_setting')
      .execute();
    expect(audit).toContainEqual({ action: 'update', actor_user_id: org.userIds.hr });
    const view = await get('hr');
    expect(view.quarters[7]?.organisation).toMatchObject({ estimatedCost: 25_000 });

    expectStatus(await org.clients.admin.put(SETTINGS, { dailyCost: null }), 200);
    const reset = await t.db
      .selectFrom('statistikk_setting')
      .select('daily_cost')
      .where('organisation_id', '=', org.orgId)
      .executeTakeFirstOrThrow();
    expect(reset.daily_cost).toBeNull();
    expect((await get('hr')).dailyCost).toEqual({ amount: 3400, isDefault: true });
  });

  it('a bad daily cost is a 400 naming the field, and nothing is written', async () => {
    const hr = org.clients.hr;
    expectStatus(await hr.put(SETTINGS, { dailyCost: 3000 }), 200);
    for (const body of [
      { dailyCost: -5 },
      { dailyCost: 12.5 },
      { dailyCost: 'mye' },
      { dailyCost: 2_000_000 },
      {},
    ]) {
      const reply = await hr.put<ErrorReply>(SETTINGS, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.fields?.map((f) => f.path)).toContain('dailyCost');
    }
    const row = await t.db
      .selectFrom('statistikk_setting')
      .select('daily_cost')
      .where('organisation_id', '=', org.orgId)
      .executeTakeFirstOrThrow();
    expect(row.daily_cost).toBe(3000);
  });

  it('only admin and HR change the daily cost; another organisation’s setting is its own', async () => {
    for (const who of ['lederA', 'amu', 'self', 'verneombud'] as const) {
      expect((await org.clients[who].put<ErrorReply>(SETTINGS, { dailyCost: 1 })).status).toBe(404);
    }
    expectStatus(await org.clients.otherOrg.put(SETTINGS, { dailyCost: 999 }), 200);
    const rows = await t.db
      .selectFrom('statistikk_setting')
      .select(['organisation_id', 'daily_cost'])
      .orderBy('daily_cost')
      .execute();
    expect(rows).toEqual([
      { organisation_id: org.otherOrgId, daily_cost: 999 },
      { organisation_id: org.orgId, daily_cost: 3000 },
    ]);
  });
});
