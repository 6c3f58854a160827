/**
 * `naervaer plikter` as a real child process: golden files (expected outputs worked out by hand from
 * hms-rules §0.2, §2–§9 and §14; they hold the contract keys, with each reason reduced to its legal
 * basis and kind — the test projects the output onto them and checks the texts separately) and bad
 * input (exit 2, empty stdout, a message naming the field).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const golden = join(root, 'test', 'cli', 'golden', 'plikter');

function run(stdin: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'naervaer.js'), 'plikter', ...args], {
    cwd: root,
    input: stdin,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The keys of duties-contract.md's output, in its order. */
const CONTRACT_KEYS = [
  'internkontroll',
  'ikWrittenPoints',
  'leaderHmsTraining',
  'injuryRegister',
  'sickLeaveStatistics',
  'verneombud',
  'hovedverneombud',
  'amu',
  'amuBasis',
  'bht',
  'bhtMatchedListEntry',
  'varslingRoutine',
  'stoffkartotek',
  'exposureRegister',
  'exposureRegisterRetentionYears',
  'voAmuTraining40h',
  'nightWorkHealthCheck',
  'bhtPlanAndAnnualReport',
  'amuAnnualReport',
  'arshjul',
  'reasons',
];

type Reason = { nb: string; en: string; legalBasis: string; kind: string };

/** The output reduced to the contract keys; each reason to its legal basis and kind. */
function contractView(out: { [key: string]: Json }): Json {
  const view: { [key: string]: Json } = {};
  for (const key of CONTRACT_KEYS) {
    if (!(key in out)) continue;
    if (key !== 'reasons') {
      view[key] = out[key] as Json;
      continue;
    }
    const reasons = out.reasons as { [key: string]: Reason };
    const reduced: { [key: string]: Json } = {};
    for (const [duty, r] of Object.entries(reasons))
      reduced[duty] = { legalBasis: r.legalBasis, kind: r.kind };
    view.reasons = reduced;
  }
  return view;
}

const names = readdirSync(golden)
  .filter((f) => f.endsWith('.input.json'))
  .map((f) => f.replace('.input.json', ''))
  .sort();

describe('naervaer plikter: golden files', () => {
  it('has golden files', () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(names).toContain('contract-example');
  });

  it.each(names)('%s', (name) => {
    const input = JSON.parse(readFileSync(join(golden, `${name}.input.json`), 'utf8')) as {
      employeesTotal: number;
    };
    const r = run(readFileSync(join(golden, `${name}.input.json`), 'utf8'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    const out = JSON.parse(r.stdout) as { [key: string]: Json };
    const expected = JSON.parse(readFileSync(join(golden, `${name}.expected.json`), 'utf8')) as Json;
    expect(contractView(out)).toEqual(expected);
    // Every contract key is there, and every reason says why in both languages.
    for (const key of CONTRACT_KEYS) expect(out).toHaveProperty(key);
    const reasons = out.reasons as { [key: string]: Reason };
    for (const reason of Object.values(reasons)) {
      expect(reason.nb.length).toBeGreaterThan(40);
      expect(reason.en.length).toBeGreaterThan(40);
      expect(reason.nb).not.toBe(reason.en);
    }
    // The headcount-based duties name the number they were decided on.
    const n = input.employeesTotal;
    if (n > 0) {
      expect(reasons.verneombud?.nb).toContain(`${n} arbeidstaker`);
      expect(reasons.verneombud?.en).toContain(`${n} employee`);
      expect(reasons.varslingRoutine?.nb).toContain(`${n} arbeidstaker`);
    }
  });
});

describe('naervaer plikter: nace.sn2025 left out is converted from SN2007', () => {
  it('41.200 (SN2007) → 41.00 → list entry "41"', () => {
    const input = JSON.parse(readFileSync(join(golden, 'contract-example.input.json'), 'utf8')) as {
      nace: { sn2025?: string };
    };
    delete input.nace.sn2025;
    const r = run(JSON.stringify(input));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { bht: string; bhtMatchedListEntry: string | null };
    expect(out.bht).toBe('required-by-nace');
    expect(out.bhtMatchedListEntry).toBe('41');
  });
});

describe('naervaer plikter: bad input → exit 2, nothing on stdout, the field named', () => {
  const ok = JSON.parse(readFileSync(join(golden, 'contract-example.input.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  it.each([
    [
      'a number as a string',
      { ...ok, employeesTotal: '42' },
      'employeesTotal: må være et tall / must be a number',
    ],
    [
      'a fraction of a person',
      { ...ok, employeesTotal: 4.5 },
      'employeesTotal: må være et helt tall / must be a whole number',
    ],
    [
      'a negative count',
      { ...ok, hiredWorkers: -1 },
      'hiredWorkers: må være mellom 0 og 1 000 000 / must be between 0 and 1,000,000',
    ],
    [
      'too many verneområder',
      { ...ok, verneomraader: 10_001 },
      'verneomraader: må være mellom 0 og 10 000 / must be between 0 and 10,000',
    ],
    ['a missing field', { ...ok, hazardousChemicals: undefined }, 'hazardousChemicals: mangler / is missing'],
    [
      'an unknown enum value',
      { ...ok, amuDemandedBy: 'boss' },
      'amuDemandedBy: må være en av none, employer, employees, union (fikk "boss") / must be one of none, employer, employees, union (got "boss")',
    ],
    [
      'an unknown CMR kind',
      { ...ok, cmrExposure: 'toxic' },
      'cmrExposure: må være null eller en av carcinogenic, mutagenic, reprotoxic (fikk "toxic")',
    ],
    [
      'an unknown code system',
      { ...ok, nace: { system: 'NACE', code: '41.20', label: '' } },
      'nace.system: må være en av SN2007, SN2025 (fikk "NACE")',
    ],
    [
      'a malformed industry code',
      { ...ok, nace: { system: 'SN2007', code: '4120', label: '' } },
      'nace.code: må være en næringskode på formen NN, NN.N, NN.NN eller NN.NNN',
    ],
    [
      'a nested boolean of the wrong type',
      { ...ok, arbeidstilsynetOrders: { vo: 'yes', amu: false, bht: false } },
      'arbeidstilsynetOrders.vo: må være true eller false / must be true or false',
    ],
    ['not an object', [1, 2], '(input): må være et JSON-objekt med firmaprofilen'],
  ])('%s', (_name, input, message) => {
    const r = run(JSON.stringify(input));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('malformed JSON', () => {
    const r = run('{ "employeesTotal": 4');
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
    const r = run('{}', ['--year']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown argument');
  });
});
