import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseOf, type TestDatabase, testDatabaseKinds } from '../support/db.ts';

const SAMPLE = sql`
  select
    '2026-03-02'::date as d,
    42::int8 as i8,
    (select count(*) from (values (1), (2), (3)) as v (x)) as n_count,
    12.50::numeric as num,
    '2026-03-02T10:00:00.123Z'::timestamptz as tstz,
    '2026-03-02 10:00:00'::timestamp as ts,
    'infinity'::timestamptz as inf,
    '{"a": [1, 2], "b": null, "c": "æøå"}'::jsonb as jb,
    '{"x": 1}'::json as js,
    '"text"'::jsonb as jb_string,
    'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid as id,
    array['2026-01-01'::date, null] as dates,
    array[1::int8, 2] as i8s,
    array[[1, 2], [3, null]]::int8[] as i8grid,
    array[1.50::numeric] as nums,
    array['2026-03-02T10:00:00Z'::timestamptz] as tstzs,
    '\\x01ff'::bytea as bytes,
    true as flag,
    1.5::float8 as f8,
    7::int4 as i4,
    current_setting('TimeZone') as tz
`;

const EXPECTED = {
  d: '2026-03-02',
  i8: 42,
  n_count: 3,
  num: '12.50',
  tstz: new Date('2026-03-02T10:00:00.123Z'),
  ts: new Date('2026-03-02T10:00:00Z'),
  inf: Number.POSITIVE_INFINITY,
  jb: { a: [1, 2], b: null, c: 'æøå' },
  js: { x: 1 },
  jb_string: 'text',
  id: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
  dates: ['2026-01-01', null],
  i8s: [1, 2],
  i8grid: [
    [1, 2],
    [3, null],
  ],
  nums: ['1.50'],
  tstzs: [new Date('2026-03-02T10:00:00Z')],
  bytes: Buffer.from([1, 255]),
  flag: true,
  f8: 1.5,
  i4: 7,
  tz: 'UTC',
};

const kinds = testDatabaseKinds();

describe.each(kinds)('type parsers on %s', (kind) => {
  let t: TestDatabase;
  const savedTz = process.env.TZ;
  beforeAll(async () => {
    // A zone east of UTC is where a calendar date turned into a local-midnight Date shows the day before.
    process.env.TZ = 'Europe/Oslo';
    t = await createTestDatabaseOf(kind);
  });
  afterAll(async () => {
    process.env.TZ = savedTz;
    await t?.close();
  });

  it('returns the agreed JS values whatever the process time zone', async () => {
    const { rows } = await SAMPLE.execute(t.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toStrictEqual(EXPECTED);
  });

  it('gives the same values for parameterised queries (extended protocol) as for plain ones', async () => {
    const { rows } =
      await sql`select ${'2026-03-02'}::date as d, ${42}::int8 as i8, ${'12.50'}::numeric as num,
      ${new Date('2026-03-02T10:00:00.123Z')}::timestamptz as tstz, ${JSON.stringify({ x: 1 })}::jsonb as js`.execute(
        t.db,
      );
    expect(rows[0]).toStrictEqual({
      d: '2026-03-02',
      i8: 42,
      num: '12.50',
      tstz: new Date('2026-03-02T10:00:00.123Z'),
      js: { x: 1 },
    });
  });

  it('round-trips calendar dates as strings through a date column', async () => {
    const org = await t.db
      .insertInto('organisation')
      .values({ name: 'Dato AS', orgnr: '123456785' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await t.db
      .insertInto('unit')
      .values({ organisation_id: org.id, name: 'Enhet' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const employee = await t.db
      .insertInto('employee')
      .values({ organisation_id: org.id, name: 'Kari', employment_start: '2026-01-01', unit_id: unit.id })
      .returning(['employment_start', 'created_at', 'id'])
      .executeTakeFirstOrThrow();
    expect(employee.employment_start).toBe('2026-01-01');
    expect(employee.created_at).toBeInstanceOf(Date);
    expect(employee.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an int8 beyond 2^53 instead of losing precision, and the connection stays usable', async () => {
    await expect(sql`select 9007199254740993::int8 as big`.execute(t.db)).rejects.toThrow(/MAX_SAFE_INTEGER/);
    const { rows } = await sql<{ ok: number }>`select 1::int8 as ok`.execute(t.db);
    expect(rows).toEqual([{ ok: 1 }]);
  });
});

describe.runIf(kinds.length > 1)('type parsers across backends', () => {
  it('the same query returns identical JS values on PGlite and PostgreSQL', async () => {
    const [lite, real] = await Promise.all([
      createTestDatabaseOf('pglite'),
      createTestDatabaseOf('postgres'),
    ]);
    try {
      const [a, b] = await Promise.all([SAMPLE.execute(lite.db), SAMPLE.execute(real.db)]);
      expect(a.rows).toStrictEqual(b.rows);
    } finally {
      await Promise.all([lite.close(), real.close()]);
    }
  });
});
