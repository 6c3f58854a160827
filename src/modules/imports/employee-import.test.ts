import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { type ParsedFile, parseImportFile } from './employee-import.parse.ts';
import {
  type CheckedRow,
  checkImport,
  type ImportContext,
  insertionOrder,
  MAX_IMPORT_ROWS,
  mapHeader,
  normaliseHeader,
  parseDate,
  parsePositionPercent,
  unitMatcher,
  type ValidEmployee,
} from './employee-import.ts';

const HEADER = ['Navn', 'E-post', 'Telefon', 'Ansatt fra', 'Stilling %', 'Enhet', 'Nærmeste leder'];

const units = [
  { id: 'u-helse', name: 'Helse og omsorg', parentId: null },
  { id: 'u-hjemme', name: 'Hjemmetjenesten', parentId: 'u-helse' },
  { id: 'u-oppvekst', name: 'Oppvekst', parentId: null },
  { id: 'u-kontor-h', name: 'Kontor', parentId: 'u-helse' },
  { id: 'u-kontor-o', name: 'Kontor', parentId: 'u-oppvekst' },
];
const context: ImportContext = { units, existingEmails: new Map([['sjef@example.no', 'e-sjef']]) };

function file(rows: string[][], header = HEADER): ParsedFile {
  return { format: 'csv', rows: [header, ...rows].map((cells, i) => ({ line: i + 1, cells })) };
}

const row = (
  over: Partial<Record<'name' | 'email' | 'phone' | 'start' | 'pct' | 'unit' | 'leader', string>> = {},
) => [
  over.name ?? 'Åse Ødegård',
  over.email ?? 'ase@example.no',
  over.phone ?? '+47 912 34 567',
  over.start ?? '01.08.2024',
  over.pct ?? '100',
  over.unit ?? 'Hjemmetjenesten',
  over.leader ?? '',
];

const errorsOf = (r: CheckedRow | undefined) => (r?.errors ?? []).map((e) => `${e.field}: ${e.message.nb}`);

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('header mapping', () => {
  it('normalises case, spaces, hyphens, diacritics and (hints)', () => {
    expect(normaliseHeader(' Nærmeste  Leder ')).toBe('naermesteleder');
    expect(normaliseHeader('E-post')).toBe(normaliseHeader('epost'));
    expect(normaliseHeader('Fødselsdato (dd.mm.åååå)')).toBe('fodselsdato');
    expect(normaliseHeader('Stilling %')).toBe('stilling%');
    expect(normaliseHeader('Émployment Start')).toBe('employmentstart');
  });

  it('accepts Norwegian and English aliases and reports unknown columns', () => {
    const map = mapHeader([
      'NAVN',
      'epost',
      'mobil',
      'Ansettelsesdato',
      'Stillingsprosent',
      'Avdeling',
      'leder e-post',
      'Lønn',
    ]);
    expect(map.columns).toEqual({
      name: 0,
      email: 1,
      phone: 2,
      employmentStart: 3,
      positionPercent: 4,
      unit: 5,
      leaderEmail: 6,
    });
    expect(map.ignored).toEqual(['Lønn']);
    const english = mapHeader([
      'Name',
      'Email',
      'Phone',
      'Employment start',
      'Position %',
      'Unit',
      'Leader email',
      'Birth date',
    ]);
    expect(english.columns.birthDate).toBe(7);
    expect(english.columns.leaderEmail).toBe(6);
  });

  it('names every missing required column in one error', () => {
    const error = thrown(() => mapHeader(['Navn', 'Telefon', 'Stilling %']));
    expect(error.status).toBe(400);
    expect(error.text.nb).toContain('Filen mangler kolonnene «E-post», «Ansatt fra», «Enhet».');
    expect(error.text.en).toContain('The file lacks the columns "Email", "Employment start", "Unit".');
    expect(error.fields?.map((f) => f.path)).toEqual([
      'columns.email',
      'columns.employmentStart',
      'columns.unit',
    ]);
  });

  it('refuses a column given twice', () => {
    const error = thrown(() => mapHeader([...HEADER, 'epost']));
    expect(error.text.nb).toContain('«E-post» står mer enn én gang');
  });
});

describe('values', () => {
  it('parses Norwegian and ISO dates', () => {
    expect(parseDate('01.08.2024')).toEqual({ ok: true, value: '2024-08-01' });
    expect(parseDate('1.8.2024')).toEqual({ ok: true, value: '2024-08-01' });
    expect(parseDate('2024-08-01')).toEqual({ ok: true, value: '2024-08-01' });
    expect(parseDate('2024-08-01 00:00:00')).toEqual({ ok: true, value: '2024-08-01' });
    expect(parseDate('29.02.2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('29.02.2023')).toEqual({ ok: false, reason: 'nonexistent' });
    expect(parseDate('31.13.2024')).toEqual({ ok: false, reason: 'nonexistent' });
    expect(parseDate('08/01/2024')).toEqual({ ok: false, reason: 'format' });
    expect(parseDate('1.8.24')).toEqual({ ok: false, reason: 'format' });
    expect(parseDate('i går')).toEqual({ ok: false, reason: 'format' });
  });

  it('parses position percentages', () => {
    expect(parsePositionPercent('100')).toEqual({ ok: true, value: 100 });
    expect(parsePositionPercent('80 %')).toEqual({ ok: true, value: 80 });
    expect(parsePositionPercent('80\u00a0%')).toEqual({ ok: true, value: 80 });
    expect(parsePositionPercent('80,0')).toEqual({ ok: true, value: 80 });
    expect(parsePositionPercent('66,67')).toEqual({ ok: false, reason: 'fraction' });
    expect(parsePositionPercent('0')).toEqual({ ok: false, reason: 'range' });
    expect(parsePositionPercent('120 %')).toEqual({ ok: false, reason: 'range' });
    expect(parsePositionPercent('full')).toEqual({ ok: false, reason: 'format' });
  });

  it('matches units by name, case-insensitively, or by path when the name is shared', () => {
    const match = unitMatcher(units);
    expect(match('hjemmetjenesten')).toEqual({ kind: 'found', id: 'u-hjemme' });
    expect(match('  HELSE   og omsorg ')).toEqual({ kind: 'found', id: 'u-helse' });
    expect(match('Kontor')).toEqual({
      kind: 'ambiguous',
      paths: ['Helse og omsorg / Kontor', 'Oppvekst / Kontor'],
    });
    expect(match('Oppvekst / kontor')).toEqual({ kind: 'found', id: 'u-kontor-o' });
    expect(match('Barnehage')).toEqual({ kind: 'none' });
  });
});

describe('checkImport', () => {
  it('accepts a good file and resolves leaders in the organisation and in the file', () => {
    const check = checkImport(
      file([
        row({ email: 'leder@example.no', leader: 'SJEF@example.no' }),
        row({
          name: 'Bjørn',
          email: 'bjorn@example.no',
          leader: 'leder@example.no',
          pct: '80 %',
          start: '2024-01-02',
        }),
      ]),
      context,
    );
    expect(check.rows.flatMap((r) => r.errors)).toEqual([]);
    expect(check).toMatchObject({ validCount: 2, errorCount: 0, canImport: true, ignoredColumns: [] });
    expect(check.rows[0]?.employee).toMatchObject({
      leader: { kind: 'existing', id: 'e-sjef' },
      unitId: 'u-hjemme',
    });
    expect(check.rows[1]?.employee).toMatchObject({
      leader: { kind: 'row', index: 0 },
      positionPercent: 80,
      employmentStart: '2024-01-02',
    });
    expect(check.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('collects every error of a row, in Norwegian and English', () => {
    const check = checkImport(
      file([
        row({
          name: '',
          email: 'ikke-en-epost',
          phone: 'ring meg',
          start: '31.02.2024',
          pct: '120',
          unit: 'Barnehage',
        }),
      ]),
      context,
    );
    expect(errorsOf(check.rows[0])).toEqual([
      'name: Navn mangler.',
      'email: Ugyldig e-postadresse «ikke-en-epost».',
      'phone: Ugyldig telefonnummer «ring meg».',
      'employmentStart: Datoen «31.02.2024» finnes ikke.',
      'positionPercent: Stillingsprosent må være mellom 1 og 100 (er «120»).',
      'unit: Fant ingen enhet som heter «Barnehage».',
    ]);
    expect(check.rows[0]?.errors[0]?.message.en).toBe('Name is missing.');
    expect(check).toMatchObject({ validCount: 0, errorCount: 1, canImport: false });
    expect(check.rows[0]?.employee).toBeNull();
  });

  it('reports missing e-mail, missing and malformed dates, missing unit and percentage', () => {
    const check = checkImport(
      file([
        row({ email: '', start: '', pct: '', unit: '' }),
        row({ email: 'b@example.no', start: '2024/01/01', pct: 'x' }),
      ]),
      context,
    );
    expect(errorsOf(check.rows[0])).toEqual([
      'email: E-postadresse mangler.',
      'employmentStart: Startdato (ansatt fra) mangler.',
      'positionPercent: Stillingsprosent mangler.',
      'unit: Enhet mangler.',
    ]);
    expect(errorsOf(check.rows[1])).toEqual([
      'employmentStart: Ugyldig dato «2024/01/01». Bruk dd.mm.åååå, for eksempel 01.08.2024.',
      'positionPercent: Ugyldig stillingsprosent «x». Skriv et tall fra 1 til 100, for eksempel 80 eller 80 %.',
    ]);
  });

  it('marks both rows of a duplicate e-mail and an address already in use', () => {
    const check = checkImport(
      file([
        row({ email: 'a@example.no' }),
        row({ email: 'x@example.no' }),
        row({ email: 'A@Example.no' }),
        row({ email: 'sjef@example.no' }),
      ]),
      context,
    );
    expect(errorsOf(check.rows[0])).toEqual([
      'email: E-postadressen «a@example.no» står flere ganger i filen (også på linje 4).',
    ]);
    expect(errorsOf(check.rows[2])).toEqual([
      'email: E-postadressen «A@Example.no» står flere ganger i filen (også på linje 2).',
    ]);
    expect(errorsOf(check.rows[1])).toEqual([]);
    expect(errorsOf(check.rows[3])).toEqual([
      'email: E-postadressen «sjef@example.no» brukes allerede av en ansatt i virksomheten.',
    ]);
    expect(check.errorCount).toBe(3);
  });

  it('says a shared unit name is ambiguous', () => {
    const check = checkImport(file([row({ unit: 'kontor' })]), context);
    expect(errorsOf(check.rows[0])[0]).toBe(
      'unit: Enhetsnavnet «kontor» er tvetydig: flere enheter heter det («Helse og omsorg / Kontor», «Oppvekst / Kontor»). Skriv hele stien, for eksempel «Helse og omsorg / Kontor».',
    );
  });

  it('reports unknown, invalid and self leaders', () => {
    const check = checkImport(
      file([
        row({ email: 'a@example.no', leader: 'ukjent@example.no' }),
        row({ email: 'b@example.no', leader: 'ikke epost' }),
        row({ email: 'c@example.no', leader: 'C@example.no' }),
      ]),
      context,
    );
    expect(errorsOf(check.rows[0])).toEqual([
      'leaderEmail: Fant ingen ansatt med e-postadressen «ukjent@example.no», verken i virksomheten eller i filen.',
    ]);
    expect(errorsOf(check.rows[1])).toEqual([
      'leaderEmail: Ugyldig e-postadresse for nærmeste leder «ikke epost».',
    ]);
    expect(errorsOf(check.rows[2])).toEqual([
      'leaderEmail: En ansatt kan ikke være sin egen nærmeste leder.',
    ]);
  });

  it('finds a leader cycle inside the file and marks only the rows on it', () => {
    const check = checkImport(
      file([
        row({ email: 'a@example.no', leader: 'b@example.no' }),
        row({ email: 'b@example.no', leader: 'c@example.no' }),
        row({ email: 'c@example.no', leader: 'a@example.no' }),
        row({ email: 'd@example.no', leader: 'a@example.no' }),
      ]),
      context,
    );
    expect(errorsOf(check.rows[0])).toEqual([
      'leaderEmail: Lederkjeden går i ring (linje 2 → 3 → 4 → 2): noen må ha en leder utenfor ringen eller ingen leder.',
    ]);
    expect(check.rows[1]?.errors).toHaveLength(1);
    expect(check.rows[2]?.errors).toHaveLength(1);
    expect(check.rows[3]?.errors).toEqual([]);
  });

  it('refuses a header-only file and more than the row limit', () => {
    expect(thrown(() => checkImport(file([]), context)).text.nb).toMatch(/ingen ansatte/);
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => row({ email: `p${i}@example.no` }));
    const error = thrown(() => checkImport(file(many), context));
    expect(error.status).toBe(400);
    expect(error.text.nb).toContain(`høyst ${MAX_IMPORT_ROWS}`);
  });

  it('accepts exactly the row limit', () => {
    const many = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => row({ email: `p${i}@example.no` }));
    expect(checkImport(file(many), context).canImport).toBe(true);
  });

  it('keeps the spreadsheet line numbers of rows after blank lines', () => {
    const parsed: ParsedFile = {
      format: 'csv',
      rows: [
        { line: 1, cells: HEADER },
        { line: 5, cells: row({ name: '' }) },
      ],
    };
    expect(checkImport(parsed, context).rows[0]?.line).toBe(5);
  });
});

describe('insertionOrder', () => {
  it('puts every in-file leader before the people they lead', () => {
    const e = (leader: ValidEmployee['leader']): ValidEmployee => ({
      name: 'x',
      email: 'x@example.no',
      phone: null,
      birthDate: null,
      employmentStart: '2024-01-01',
      positionPercent: 100,
      unitId: 'u',
      leader,
    });
    const order = insertionOrder([
      e({ kind: 'row', index: 1 }),
      e({ kind: 'row', index: 2 }),
      e(null),
      e({ kind: 'existing', id: 'z' }),
    ]);
    expect(order).toEqual([[2, 3], [1], [0]]);
  });
});

describe('the example files in docs/examples', () => {
  it('pass the checks against the demo company’s units', async () => {
    const demoUnits = ['Hjemmetjenesten', 'Solbakken sykehjem', 'Fjordvik skole'].map((name) => ({
      id: name,
      name,
      parentId: null,
    }));
    for (const filename of ['ansatte-eksempel.csv', 'ansatte-eksempel.xlsx']) {
      const data = await readFile(new URL(`../../../docs/examples/${filename}`, import.meta.url));
      const parsed = await parseImportFile({ data, filename, mimetype: '' });
      const check = checkImport(parsed, { units: demoUnits, existingEmails: new Map() });
      expect(check.rows.flatMap((r) => r.errors)).toEqual([]);
      expect(check.validCount).toBe(5);
      expect(check.rows.map((r) => r.employee?.leader)).toEqual([
        null,
        { kind: 'row', index: 0 },
        { kind: 'row', index: 0 },
        null,
        null,
      ]);
    }
  });
});
