/**
 * `naervaer plan` as a real child process: golden files (expected outputs worked out by hand from
 * sick-leave-rules.md §11; they hold the contract keys, the test projects the output onto them) and
 * bad input (exit 2, empty stdout, a message naming the field).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const golden = join(root, 'test', 'cli', 'golden');

function run(stdin: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'naervaer.js'), 'plan', ...args], {
    cwd: root,
    input: stdin,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The output reduced to the keys of plan-contract.md (extra keys are allowed by the contract). */
function contractView(out: { [key: string]: Json }): Json {
  const pick = (o: Json, keys: string[]): Json => {
    if (o === null || typeof o !== 'object' || Array.isArray(o)) throw new Error('expected an object');
    const r: { [key: string]: Json } = {};
    for (const k of keys) if (k in o) r[k] = o[k] as Json;
    return r;
  };
  const list = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
  const f = out.followUp as { [key: string]: Json } | null;
  return {
    cases: list(out.cases).map((c) => pick(c, ['start', 'end', 'sickDays', 'gradertAtEnd'])),
    arbeidsgiverperioder: list(out.arbeidsgiverperioder).map((a) => pick(a, ['start', 'end', 'days'])),
    followUp:
      f === null
        ? null
        : {
            caseStart: f.caseStart as Json,
            milestones: list(f.milestones).map((m) =>
              pick(m, ['key', 'from', 'due', 'status', 'reminders', 'legalBasis']),
            ),
            maksdato: f.maksdato as Json,
            oppsigelsesvernTil: f.oppsigelsesvernTil as Json,
          },
  };
}

const names = readdirSync(golden)
  .filter((f) => f.endsWith('.input.json'))
  .map((f) => f.replace('.input.json', ''))
  .sort();

describe('naervaer plan: golden files', () => {
  it('has golden files', () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
  });

  it.each(names)('%s', (name) => {
    const r = run(readFileSync(join(golden, `${name}.input.json`), 'utf8'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    const out = JSON.parse(r.stdout) as { [key: string]: Json };
    const expected = JSON.parse(readFileSync(join(golden, `${name}.expected.json`), 'utf8')) as Json;
    expect(contractView(out)).toEqual(expected);
    const f = out.followUp as {
      milestones: { due: string | null; explanation: { nb: string; en: string } }[];
    } | null;
    for (const m of f?.milestones ?? []) {
      // a dated milestone names a concrete date (its year) in both languages
      if (m.due !== null) expect(m.explanation.nb).toContain(m.due.slice(0, 4));
      expect(m.explanation.nb.length).toBeGreaterThan(20);
      expect(m.explanation.en.length).toBeGreaterThan(20);
    }
  });
});

describe('naervaer plan: bad input → exit 2, nothing on stdout, the field named', () => {
  const ok = { start: '2025-01-06', end: '2025-01-10', type: 'sykmelding', grade: 100 };
  it.each([
    [
      'missing field',
      { periods: [{ start: '2025-01-06', type: 'sykmelding', grade: 100 }] },
      'periods[0].end: mangler / is missing',
    ],
    ['missing periods', {}, 'periods: mangler / is missing'],
    [
      'start after end',
      { periods: [ok, { ...ok, start: '2025-02-01', end: '2025-01-31' }] },
      'periods[1].start: kan ikke være etter end / must not be after end',
    ],
    ['unknown type', { periods: [{ ...ok, type: 'syk' }] }, 'periods[0].type: må være en av'],
    [
      'grade 0',
      { periods: [ok, ok, { ...ok, grade: 0 }] },
      'periods[2].grade: må være mellom 1 og 100 / must be between 1 and 100',
    ],
    [
      'grade 101',
      { periods: [{ ...ok, grade: 101 }] },
      'periods[0].grade: må være mellom 1 og 100 / must be between 1 and 100',
    ],
    ['a non-date', { periods: [{ ...ok, start: '6. januar' }] }, 'periods[0].start: må være en gyldig dato'],
    [
      'an impossible date',
      { periods: [{ ...ok, end: '2025-02-30' }] },
      'periods[0].end: må være en gyldig dato',
    ],
    [
      'grade on egenmelding',
      { periods: [{ ...ok, type: 'egenmelding', grade: 50 }] },
      'periods[0].grade: må mangle eller være 100 for egenmelding',
    ],
  ])('%s', (_name, input, message) => {
    const r = run(JSON.stringify(input));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('malformed JSON', () => {
    const r = run('{ "periods": [ ');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('ugyldig JSON / malformed JSON');
  });

  it('empty input', () => {
    const r = run('');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});
