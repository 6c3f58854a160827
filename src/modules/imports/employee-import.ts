/**
 * Employee import rules — pure: header mapping and per-row validation against what the
 * organisation already holds (units, employees' e-mail addresses), passed in by the caller.
 *
 * Every row's every problem is collected (never just the first), each in bokmål and English,
 * so the preview can show the whole file at once and the commit can refuse it as a whole.
 */
import { EmailSchema } from '../../contracts/common.ts';
import { IMPORT_FIELDS, type ImportField } from '../../contracts/imports/imports.schemas.ts';
import type { Text } from '../../i18n/locale.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { MAX_IMPORT_ROWS, type ParsedFile, type SheetRow } from './employee-import.parse.ts';

export { IMPORT_FIELDS, type ImportField, MAX_IMPORT_ROWS };

const REQUIRED_FIELDS: readonly ImportField[] = [
  'name',
  'email',
  'employmentStart',
  'positionPercent',
  'unit',
];

/** How each column is named in messages (and in the example file). */
export const COLUMN_TITLES: Record<ImportField, Text> = {
  name: { nb: 'Navn', en: 'Name' },
  email: { nb: 'E-post', en: 'Email' },
  phone: { nb: 'Telefon', en: 'Phone' },
  employmentStart: { nb: 'Ansatt fra', en: 'Employment start' },
  positionPercent: { nb: 'Stilling %', en: 'Position %' },
  unit: { nb: 'Enhet', en: 'Unit' },
  leaderEmail: { nb: 'Nærmeste leder', en: 'Leader email' },
  birthDate: { nb: 'Fødselsdato', en: 'Birth date' },
};

/** Lower case, æ→ae, ø→o, å→a, other accents dropped, `(…)` hints dropped, only letters, digits and `%` kept. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/\(.*?\)/g, '')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9%]/g, '');
}

const ALIASES: Record<ImportField, string[]> = {
  name: ['navn', 'name', 'fullt navn', 'full name', 'ansatt', 'employee'],
  email: ['e-post', 'epost', 'email', 'e-mail', 'e-postadresse', 'email address', 'mail'],
  phone: ['telefon', 'mobil', 'phone', 'telefonnummer', 'mobilnummer', 'tlf', 'mobile', 'phone number'],
  employmentStart: [
    'ansatt fra',
    'startdato',
    'ansettelsesdato',
    'employment start',
    'start date',
    'employment start date',
    'ansatt dato',
  ],
  positionPercent: [
    'stilling %',
    'stillingsprosent',
    'position %',
    'stilling',
    'stillingsandel',
    'position percent',
    'position percentage',
  ],
  unit: ['enhet', 'avdeling', 'unit', 'department'],
  leaderEmail: [
    'nærmeste leder',
    'leder e-post',
    'leader email',
    'nærmeste leder e-post',
    'leder',
    'leader',
    'manager email',
    'line manager email',
  ],
  birthDate: ['fødselsdato', 'birth date', 'date of birth', 'født'],
};

const FIELD_BY_HEADER = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => ALIASES[field].map((alias) => [normaliseHeader(alias), field] as const)),
);

export type ColumnMap = {
  /** Column index of each recognised field. */
  columns: Partial<Record<ImportField, number>>;
  /** Headers that matched no field (their cells are not imported). */
  ignored: string[];
};

/** Maps the header row to fields; throws one 400 naming every missing (or doubled) column. */
export function mapHeader(header: readonly string[]): ColumnMap {
  const columns: Partial<Record<ImportField, number>> = {};
  const ignored: string[] = [];
  const doubled: ImportField[] = [];
  header.forEach((title, index) => {
    if (title.trim() === '') return;
    const field = FIELD_BY_HEADER.get(normaliseHeader(title));
    if (field === undefined) ignored.push(title.trim());
    else if (columns[field] !== undefined) doubled.push(field);
    else columns[field] = index;
  });
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  if (missing.length > 0 || doubled.length > 0) {
    const list = (fields: ImportField[], locale: 'nb' | 'en') =>
      fields
        .map((f) => (locale === 'nb' ? `«${COLUMN_TITLES[f].nb}»` : `"${COLUMN_TITLES[f].en}"`))
        .join(', ');
    const nb: string[] = [];
    const en: string[] = [];
    if (missing.length > 0) {
      nb.push(`Filen mangler ${missing.length === 1 ? 'kolonnen' : 'kolonnene'} ${list(missing, 'nb')}.`);
      en.push(`The file lacks the ${missing.length === 1 ? 'column' : 'columns'} ${list(missing, 'en')}.`);
    }
    if (doubled.length > 0) {
      nb.push(
        `${doubled.length === 1 ? 'Kolonnen' : 'Kolonnene'} ${list(doubled, 'nb')} står mer enn én gang.`,
      );
      en.push(
        `The ${doubled.length === 1 ? 'column' : 'columns'} ${list(doubled, 'en')} appear more than once.`,
      );
    }
    nb.push(
      'Første rad må være overskrifter, for eksempel: Navn; E-post; Telefon; Ansatt fra; Stilling %; Enhet; Nærmeste leder.',
    );
    en.push(
      'The first row must hold the headers, for example: Name; Email; Phone; Employment start; Position %; Unit; Leader email.',
    );
    const fields: FieldError[] = [
      ...missing.map((f) => ({
        path: `columns.${f}`,
        message: { nb: 'Kolonnen mangler.', en: 'The column is missing.' },
      })),
      ...doubled.map((f) => ({
        path: `columns.${f}`,
        message: { nb: 'Kolonnen står mer enn én gang.', en: 'The column appears more than once.' },
      })),
    ];
    throw new AppError('BAD_REQUEST', { nb: nb.join(' '), en: en.join(' ') }, { fields });
  }
  return { columns, ignored };
}

// ---------------------------------------------------------------------------------------------
// Values

export type DateResult = { ok: true; value: string } | { ok: false; reason: 'format' | 'nonexistent' };

/** `dd.mm.åååå`, `d.m.åååå` or ISO `åååå-mm-dd` (a midnight time part is tolerated) → `YYYY-MM-DD`. */
export function parseDate(raw: string): DateResult {
  const s = raw
    .trim()
    .replace(/[T ]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?Z?$/, '')
    .trim();
  let y: number;
  let m: number;
  let d: number;
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (norwegian) {
    d = Number(norwegian[1]);
    m = Number(norwegian[2]);
    y = Number(norwegian[3]);
  } else if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else {
    return { ok: false, reason: 'format' };
  }
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31) return { ok: false, reason: 'nonexistent' };
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return { ok: false, reason: 'nonexistent' };
  return { ok: true, value: `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

export type PercentResult =
  | { ok: true; value: number }
  | { ok: false; reason: 'format' | 'fraction' | 'range' };

/** `100`, `80 %`, `80,0`, `80.0` → 80; whole numbers from 1 to 100 only. */
export function parsePositionPercent(raw: string): PercentResult {
  const s = raw
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '')
    .replace(',', '.');
  if (!/^\d{1,6}(\.\d+)?$/.test(s)) return { ok: false, reason: 'format' };
  const value = Number(s);
  if (value < 1 || value > 100) return { ok: false, reason: 'range' };
  if (!Number.isInteger(value)) return { ok: false, reason: 'fraction' };
  return { ok: true, value };
}

const PHONE = /^\+?[0-9 ()-]{5,}$/;

const emailKey = (email: string) => email.trim().toLowerCase();
const isEmail = (email: string) => EmailSchema.safeParse(email).success;
const unitKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

// ---------------------------------------------------------------------------------------------
// Units

export type UnitRef = { id: string; name: string; parentId: string | null };

type UnitMatch = { kind: 'found'; id: string } | { kind: 'none' } | { kind: 'ambiguous'; paths: string[] };

/** Finds units by name (case-insensitive), or by a path `Overordnet / Enhet` when the name alone is ambiguous. */
export function unitMatcher(units: readonly UnitRef[]): (cell: string) => UnitMatch {
  const byId = new Map(units.map((u) => [u.id, u]));
  const pathOf = (unit: UnitRef): string[] => {
    const path: string[] = [];
    let current: UnitRef | undefined = unit;
    for (let depth = 0; current && depth < 100; depth++) {
      path.unshift(current.name.trim());
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    return path;
  };
  const withPaths = units.map((u) => ({ id: u.id, path: pathOf(u), keys: pathOf(u).map(unitKey) }));
  const result = (found: typeof withPaths): UnitMatch => {
    const [only] = found;
    if (found.length === 1 && only) return { kind: 'found', id: only.id };
    if (found.length > 1) return { kind: 'ambiguous', paths: found.map((u) => u.path.join(' / ')) };
    return { kind: 'none' };
  };
  return (cell) => {
    const key = unitKey(cell);
    const byName = withPaths.filter((u) => u.keys[u.keys.length - 1] === key);
    if (byName.length > 0 || !cell.includes('/')) return result(byName);
    // `Sektor / Enhet`: the last segments of the unit's path from the top.
    const segments = cell.split('/').map(unitKey);
    return result(
      withPaths.filter(
        (u) =>
          u.keys.length >= segments.length &&
          segments.every((s, i) => u.keys[u.keys.length - segments.length + i] === s),
      ),
    );
  };
}

// ---------------------------------------------------------------------------------------------
// Rows

export type ImportValues = Record<ImportField, string>;
export type RowError = { field: ImportField; message: Text };

/** Who leads the employee: an employee already in the organisation, another row of the file, or nobody. */
export type LeaderRef = { kind: 'existing'; id: string } | { kind: 'row'; index: number } | null;

export type ValidEmployee = {
  name: string;
  email: string;
  phone: string | null;
  birthDate: string | null;
  employmentStart: string;
  positionPercent: number;
  unitId: string;
  leader: LeaderRef;
};

export type CheckedRow = {
  /** The row number in the person's spreadsheet (header = 1). */
  line: number;
  /** The cells as read (trimmed); `''` for an empty cell or absent column. */
  values: ImportValues;
  errors: RowError[];
  /** The row ready to insert, when it has no errors of its own (see `ImportCheck.canImport`). */
  employee: ValidEmployee | null;
};

export type ImportCheck = {
  rows: CheckedRow[];
  ignoredColumns: string[];
  validCount: number;
  errorCount: number;
  canImport: boolean;
};

export type ImportContext = {
  units: readonly UnitRef[];
  /** E-mail address (lower case) → id of every employee of the organisation that has one. */
  existingEmails: ReadonlyMap<string, string>;
};

const tooManyRows = (count: number) =>
  new AppError('BAD_REQUEST', {
    nb: `Filen har ${count} rader med ansatte. Du kan importere høyst ${MAX_IMPORT_ROWS} om gangen; del filen opp.`,
    en: `The file has ${count} employee rows. You can import at most ${MAX_IMPORT_ROWS} at a time; split the file.`,
  });

const noRows = () =>
  new AppError('BAD_REQUEST', {
    nb: 'Filen inneholder ingen ansatte, bare overskriftsraden.',
    en: 'The file contains no employees, only the header row.',
  });

function readValues(row: SheetRow, columns: ColumnMap['columns']): ImportValues {
  const cell = (field: ImportField) => {
    const index = columns[field];
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  return {
    name: cell('name').replace(/\s+/g, ' '),
    email: cell('email'),
    phone: cell('phone'),
    employmentStart: cell('employmentStart'),
    positionPercent: cell('positionPercent'),
    unit: cell('unit'),
    leaderEmail: cell('leaderEmail'),
    birthDate: cell('birthDate'),
  };
}

function dateError(field: 'employmentStart' | 'birthDate', raw: string, result: DateResult): RowError | null {
  if (result.ok) return null;
  if (result.reason === 'nonexistent') {
    return {
      field,
      message: { nb: `Datoen «${raw}» finnes ikke.`, en: `The date "${raw}" does not exist.` },
    };
  }
  return {
    field,
    message: {
      nb: `Ugyldig dato «${raw}». Bruk dd.mm.åååå, for eksempel 01.08.2024.`,
      en: `Invalid date "${raw}". Use dd.mm.yyyy, for example 01.08.2024.`,
    },
  };
}

const lines = (list: number[]) => list.join(', ');

/**
 * Checks every data row of the file against the organisation. Throws a 400 for a file that cannot be
 * imported at all (missing columns, no rows, too many rows); row problems are returned, not thrown.
 */
export function checkImport(file: ParsedFile, context: ImportContext): ImportCheck {
  const [header, ...dataRows] = file.rows;
  if (!header) throw noRows();
  const { columns, ignored } = mapHeader(header.cells);
  if (dataRows.length === 0) throw noRows();
  if (dataRows.length > MAX_IMPORT_ROWS) throw tooManyRows(dataRows.length);

  const matchUnit = unitMatcher(context.units);
  const rows = dataRows.map((row) => ({
    line: row.line,
    values: readValues(row, columns),
    errors: [] as RowError[],
  }));

  // E-mail addresses within the file: the first row with each address, and every line it is on.
  const linesByEmail = new Map<string, number[]>();
  const rowByEmail = new Map<string, number>();
  rows.forEach((row, index) => {
    if (row.values.email === '' || !isEmail(row.values.email)) return;
    const key = emailKey(row.values.email);
    linesByEmail.set(key, [...(linesByEmail.get(key) ?? []), row.line]);
    if (!rowByEmail.has(key)) rowByEmail.set(key, index);
  });

  const leaders: LeaderRef[] = [];
  const employees: (Omit<ValidEmployee, 'leader'> | null)[] = [];
  for (const row of rows) {
    const v = row.values;
    const add = (field: ImportField, nb: string, en: string) =>
      row.errors.push({ field, message: { nb, en } });

    if (v.name === '') add('name', 'Navn mangler.', 'Name is missing.');
    else if (v.name.length > 200)
      add('name', 'Navnet er for langt (høyst 200 tegn).', 'The name is too long (200 characters at most).');

    if (v.email === '') add('email', 'E-postadresse mangler.', 'E-mail address is missing.');
    else if (!isEmail(v.email))
      add('email', `Ugyldig e-postadresse «${v.email}».`, `Invalid e-mail address "${v.email}".`);
    else {
      const key = emailKey(v.email);
      const others = (linesByEmail.get(key) ?? []).filter((l) => l !== row.line);
      if (others.length > 0) {
        add(
          'email',
          `E-postadressen «${v.email}» står flere ganger i filen (også på linje ${lines(others)}).`,
          `The e-mail address "${v.email}" appears more than once in the file (also on line ${lines(others)}).`,
        );
      }
      if (context.existingEmails.has(key)) {
        add(
          'email',
          `E-postadressen «${v.email}» brukes allerede av en ansatt i virksomheten.`,
          `The e-mail address "${v.email}" is already used by an employee in the organisation.`,
        );
      }
    }

    if (v.phone !== '' && (v.phone.length > 30 || !PHONE.test(v.phone))) {
      add('phone', `Ugyldig telefonnummer «${v.phone}».`, `Invalid phone number "${v.phone}".`);
    }

    let employmentStart: string | null = null;
    if (v.employmentStart === '') {
      add('employmentStart', 'Startdato (ansatt fra) mangler.', 'Employment start date is missing.');
    } else {
      const parsed = parseDate(v.employmentStart);
      const error = dateError('employmentStart', v.employmentStart, parsed);
      if (error) row.errors.push(error);
      if (parsed.ok) employmentStart = parsed.value;
    }

    let positionPercent: number | null = null;
    if (v.positionPercent === '') {
      add('positionPercent', 'Stillingsprosent mangler.', 'Position percentage is missing.');
    } else {
      const parsed = parsePositionPercent(v.positionPercent);
      if (parsed.ok) positionPercent = parsed.value;
      else if (parsed.reason === 'format') {
        add(
          'positionPercent',
          `Ugyldig stillingsprosent «${v.positionPercent}». Skriv et tall fra 1 til 100, for eksempel 80 eller 80 %.`,
          `Invalid position percentage "${v.positionPercent}". Write a number from 1 to 100, for example 80 or 80 %.`,
        );
      } else if (parsed.reason === 'range') {
        add(
          'positionPercent',
          `Stillingsprosent må være mellom 1 og 100 (er «${v.positionPercent}»).`,
          `Position percentage must be between 1 and 100 (is "${v.positionPercent}").`,
        );
      } else {
        add(
          'positionPercent',
          `Stillingsprosent må være et helt tall fra 1 til 100 (er «${v.positionPercent}»).`,
          `Position percentage must be a whole number from 1 to 100 (is "${v.positionPercent}").`,
        );
      }
    }

    let unitId: string | null = null;
    if (v.unit === '') add('unit', 'Enhet mangler.', 'Unit is missing.');
    else {
      const match = matchUnit(v.unit);
      if (match.kind === 'found') unitId = match.id;
      else if (match.kind === 'none') {
        add('unit', `Fant ingen enhet som heter «${v.unit}».`, `No unit is called "${v.unit}".`);
      } else {
        const example = match.paths[0] ?? '';
        const nbPaths = match.paths.map((p) => `«${p}»`).join(', ');
        const enPaths = match.paths.map((p) => `"${p}"`).join(', ');
        add(
          'unit',
          `Enhetsnavnet «${v.unit}» er tvetydig: flere enheter heter det (${nbPaths}). Skriv hele stien, for eksempel «${example}».`,
          `The unit name "${v.unit}" is ambiguous: several units have it (${enPaths}). Write the full path, for example "${example}".`,
        );
      }
    }

    let leader: LeaderRef = null;
    if (v.leaderEmail !== '') {
      const key = emailKey(v.leaderEmail);
      if (!isEmail(v.leaderEmail)) {
        add(
          'leaderEmail',
          `Ugyldig e-postadresse for nærmeste leder «${v.leaderEmail}».`,
          `Invalid e-mail address for the leader "${v.leaderEmail}".`,
        );
      } else if (v.email !== '' && key === emailKey(v.email)) {
        add(
          'leaderEmail',
          'En ansatt kan ikke være sin egen nærmeste leder.',
          'An employee cannot be their own leader.',
        );
      } else {
        const existing = context.existingEmails.get(key);
        const inFile = rowByEmail.get(key);
        if (inFile !== undefined) leader = { kind: 'row', index: inFile };
        else if (existing !== undefined) leader = { kind: 'existing', id: existing };
        else {
          add(
            'leaderEmail',
            `Fant ingen ansatt med e-postadressen «${v.leaderEmail}», verken i virksomheten eller i filen.`,
            `No employee has the e-mail address "${v.leaderEmail}", neither in the organisation nor in the file.`,
          );
        }
      }
    }

    let birthDate: string | null = null;
    if (v.birthDate !== '') {
      const parsed = parseDate(v.birthDate);
      const error = dateError('birthDate', v.birthDate, parsed);
      if (error) row.errors.push(error);
      if (parsed.ok) birthDate = parsed.value;
    }

    leaders.push(leader);
    employees.push(
      employmentStart !== null && positionPercent !== null && unitId !== null
        ? {
            name: v.name,
            email: v.email,
            phone: v.phone === '' ? null : v.phone,
            birthDate,
            employmentStart,
            positionPercent,
            unitId,
          }
        : null,
    );
  }

  markLeaderCycles(rows, leaders);

  const checked: CheckedRow[] = rows.map((row, index) => {
    const base = employees[index];
    const order = (e: RowError) => IMPORT_FIELDS.indexOf(e.field);
    const errors = [...row.errors].sort((a, b) => order(a) - order(b));
    return {
      line: row.line,
      values: row.values,
      errors,
      employee: errors.length === 0 && base ? { ...base, leader: leaders[index] ?? null } : null,
    };
  });
  const errorCount = checked.filter((r) => r.errors.length > 0).length;
  return {
    rows: checked,
    ignoredColumns: ignored,
    validCount: checked.length - errorCount,
    errorCount,
    canImport: errorCount === 0,
  };
}

/** Rows whose leader chain inside the file comes back to themselves get an error naming the ring. */
function markLeaderCycles(rows: { line: number; errors: RowError[] }[], leaders: readonly LeaderRef[]): void {
  const next = (i: number): number | undefined => {
    const leader = leaders[i];
    return leader?.kind === 'row' ? leader.index : undefined;
  };
  const state = new Array<0 | 1 | 2>(rows.length).fill(0); // 0 new, 1 on the current walk, 2 done
  for (let start = 0; start < rows.length; start++) {
    if (state[start] !== 0) continue;
    const walk: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && state[i] === 0) {
      state[i] = 1;
      walk.push(i);
      i = next(i);
    }
    if (i !== undefined && state[i] === 1) {
      const ring = walk.slice(walk.indexOf(i));
      const path = [...ring, i].map((r) => rows[r]?.line ?? 0).join(' → ');
      for (const r of ring) {
        rows[r]?.errors.push({
          field: 'leaderEmail',
          message: {
            nb: `Lederkjeden går i ring (linje ${path}): noen må ha en leder utenfor ringen eller ingen leder.`,
            en: `The leader chain goes round in a circle (line ${path}): someone needs a leader outside it, or none.`,
          },
        });
      }
    }
    for (const w of walk) state[w] = 2;
  }
}

/** The order to insert new employees in: every in-file leader before the people they lead. */
export function insertionOrder(employees: readonly ValidEmployee[]): number[][] {
  const depth = new Map<number, number>();
  for (let start = 0; start < employees.length; start++) {
    // Walk up the in-file leader chain to a known depth (or the top), then number the walk downwards.
    const walk: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && !depth.has(i) && walk.length <= employees.length) {
      walk.push(i);
      const leader: LeaderRef | undefined = employees[i]?.leader;
      i = leader?.kind === 'row' ? leader.index : undefined;
    }
    let d = i === undefined ? -1 : (depth.get(i) ?? -1);
    for (const w of walk.reverse()) {
      d += 1;
      depth.set(w, d);
    }
  }
  const levels: number[][] = [];
  for (let i = 0; i < employees.length; i++) {
    const d = depth.get(i) ?? 0;
    const level = levels[d] ?? [];
    level.push(i);
    levels[d] = level;
  }
  return levels.filter((level) => level !== undefined);
}
