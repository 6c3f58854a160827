/**
 * `naervaer statistikk` as a real child process: golden files (expected outputs checked by hand
 * against SSB's and NAV's definitions (ADR 0011); the numbers are worked out in
 * src/domain/statistikk/statistikk.test.ts) and bad input (exit 2, empty stdout, a message naming
 * the field). Dagsverk are compared with a tolerance of 10⁻⁶.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const golden = join(root, 'test', 'cli', 'golden', 'statistikk');

function run(stdin: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'naervaer.js'), 'statistikk', ...args], {
    cwd: root,
    input: stdin,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Numbers rounded to 10⁻⁶ (a reader compares dagsverk with that tolerance). */
function rounded(value: Json): Json {
  if (typeof value === 'number') return Math.round(value * 1e6) / 1e6;
  if (Array.isArray(value)) return value.map(rounded);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  }
  return value;
}

const names = readdirSync(golden)
  .filter((f) => f.endsWith('.input.json'))
  .map((f) => f.replace('.input.json', ''))
  .sort();

const FIGURE_KEYS = ['population', 'highestQuarterPopulation', 'avtalteDagsverk', 'tapteDagsverk', 'prosent'];

describe('naervaer statistikk: golden files', () => {
  it('has golden files', () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(names).toContain('contract-example');
  });

  it.each(names)('%s', (name) => {
    const r = run(readFileSync(join(golden, `${name}.input.json`), 'utf8'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    const out = JSON.parse(r.stdout) as Json;
    const expected = JSON.parse(readFileSync(join(golden, `${name}.expected.json`), 'utf8')) as Json;
    expect(rounded(out)).toEqual(rounded(expected));
    // No key of a masked group carries a figure.
    const blocks = [
      ...(out as { quarters: { organisation: Json; units: Json[] }[] }).quarters,
      (out as { rolling: { organisation: Json; units: Json[] } }).rolling,
    ];
    for (const block of blocks) {
      for (const group of [block.organisation, ...block.units] as { [key: string]: Json }[]) {
        if (group.masked === true) for (const key of FIGURE_KEYS) expect(group).not.toHaveProperty(key);
      }
    }
  });

  it('the worked example: five 60 % employees on a 50 % sick note for 10 working days → 186, 15, 8.1 %', () => {
    const r = run(readFileSync(join(golden, 'contract-example.input.json'), 'utf8'));
    const out = JSON.parse(r.stdout) as {
      quarters: {
        workingDays: number;
        organisation: { avtalteDagsverk: number; prosent: { total: number } };
      }[];
    };
    expect(out.quarters[0]?.workingDays).toBe(62);
    expect(out.quarters[0]?.organisation.avtalteDagsverk).toBe(186);
    expect(out.quarters[0]?.organisation.prosent.total).toBe(8.1);
  });
});

describe('naervaer statistikk: bad input → exit 2, nothing on stdout, the field named', () => {
  const ok = JSON.parse(readFileSync(join(golden, 'kinds-and-cases.input.json'), 'utf8')) as {
    quarters: string[];
    employees: Record<string, unknown>[];
  };
  const withEmployee = (patch: Record<string, unknown>) => ({
    ...ok,
    employees: [{ ...ok.employees[0], ...patch }, ...ok.employees.slice(1)],
  });
  it.each([
    [
      'a malformed quarter',
      { ...ok, quarters: ['2025-Q1'] },
      'quarters[0]: må være et kvartal på formen ÅÅÅÅKn',
    ],
    [
      'a repeated quarter',
      { ...ok, quarters: ['2025Q1', '2025Q1'] },
      'quarters[1]: 2025Q1 er oppgitt mer enn én gang',
    ],
    [
      'no quarters',
      { ...ok, quarters: [] },
      'quarters: må ha minst ett kvartal / must have at least one quarter',
    ],
    ['missing employees', { quarters: ok.quarters }, 'employees: mangler / is missing'],
    [
      'a position out of range',
      withEmployee({ positionPercent: 120 }),
      'employees[0].positionPercent: må være et tall fra 1 til 100 / must be a number from 1 to 100',
    ],
    [
      'a position as a string',
      withEmployee({ positionPercent: '50' }),
      'employees[0].positionPercent: må være et tall fra 1 til 100 / must be a number from 1 to 100',
    ],
    [
      'a missing employmentStart',
      withEmployee({ employmentStart: undefined }),
      'employees[0].employmentStart: mangler',
    ],
    [
      'an employment ending before it starts',
      withEmployee({ employmentEnd: '2019-12-31' }),
      'employees[0].employmentEnd: kan ikke være før employmentStart',
    ],
    [
      'an unknown unit',
      withEmployee({ unitId: 'nowhere' }),
      'employees[0].unitId: «nowhere» er ikke id-en til en enhet',
    ],
    [
      'an unknown period type',
      withEmployee({ periods: [{ start: '2025-01-01', end: '2025-01-02', type: 'permisjon' }] }),
      'employees[0].periods[0].type: må være en av sykmelding, egenmelding, ferie, arbeid, behandlingsdager',
    ],
    [
      'a grade out of range',
      withEmployee({ periods: [{ start: '2025-01-01', end: '2025-01-02', type: 'sykmelding', grade: 0 }] }),
      'employees[0].periods[0].grade: må være mellom 1 og 100',
    ],
    [
      'a period ending before it starts',
      withEmployee({ periods: [{ start: '2025-01-02', end: '2025-01-01', type: 'egenmelding' }] }),
      'employees[0].periods[0].end: kan ikke være før start',
    ],
    [
      'a duplicate employee id',
      { ...ok, employees: [ok.employees[0], ok.employees[0]] },
      'employees[1].id: «overlap» er brukt av en annen ansatt',
    ],
    [
      'a duplicate unit id',
      {
        ...ok,
        units: [
          { id: 'a', parentId: null, name: 'A' },
          { id: 'a', parentId: null, name: 'A2' },
        ],
      },
      'units[1].id: «a» er brukt av en annen enhet',
    ],
    [
      'a cycle in the unit tree',
      { ...ok, units: [{ id: 'a', parentId: 'a', name: 'A' }] },
      'units[0].parentId: gir en sirkel i enhetstreet / makes a cycle in the unit tree',
    ],
    ['not an object', [1, 2], '(input): må være et JSON-objekt med quarters og employees'],
  ])('%s', (_name, input, message) => {
    const r = run(JSON.stringify(input));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('malformed JSON', () => {
    const r = run('{ "quarters": [');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('ugyldig JSON / malformed JSON');
  });

  it('empty input', () => {
    const r = run('');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('an unknown argument', () => {
    const r = run('{}', ['--kvartal']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown argument');
  });
});
