/**
 * Who needs which training, and the state of a person's training — pure, `today` as a parameter.
 *
 * - The top leader (daglig leder) needs 'hms-leder' (aml § 3-5; personal, cannot be delegated).
 * - Every active verneombud, hovedverneombud and AMU member needs 'vo-amu-40t' (aml §§ 6-5, 7-4;
 *   FOLM §§ 3-18, 3-19). FOLM § 3-19 allows a shorter course when agreed jointly, so any
 *   'vo-amu-40t' record fulfils the requirement; the hours are shown (and flagged under 40).
 * - Every other course is shown when recorded and is never «missing».
 * - An expired record counts as missing (it no longer documents the competence).
 */
import { addDays, diffDays, type IsoDate } from '../calendar/index.ts';
import {
  COURSE_LEGAL_BASIS,
  COURSES,
  type Course,
  EXPIRY_WARNING_DAYS,
  VO_AMU_MIN_HOURS,
} from './courses.ts';

/** Who holds the roles that make training a legal requirement (from the roller module). */
export type RoleFacts = {
  topLeaderEmployeeId: string | null;
  voAmuEmployeeIds: readonly string[];
};

export type Requirement = { course: Course; legalBasis: string };

/** The courses the law requires of one employee, with the paragraph. */
export function requiredCourses(employeeId: string, roles: RoleFacts): Requirement[] {
  const out: Requirement[] = [];
  // aml § 3-5: the top leader's own HMS training.
  if (roles.topLeaderEmployeeId === employeeId) {
    out.push({ course: 'hms-leder', legalBasis: COURSE_LEGAL_BASIS['hms-leder'] ?? 'aml § 3-5' });
  }
  // aml §§ 6-5, 7-4, FOLM §§ 3-18, 3-19: verneombud, hovedverneombud and AMU members.
  if (roles.voAmuEmployeeIds.includes(employeeId)) {
    out.push({ course: 'vo-amu-40t', legalBasis: COURSE_LEGAL_BASIS['vo-amu-40t'] ?? 'FOLM § 3-19' });
  }
  return out;
}

export type ExpiryState = 'ok' | 'expiring' | 'expired';

/**
 * A record is valid up to the day before `expiresOn` («går ut» that day): expired from `expiresOn`
 * on, expiring within the last 30 days before it, ok otherwise and when it has no expiry.
 */
export function expiryState(expiresOn: IsoDate | null, today: IsoDate): ExpiryState {
  if (expiresOn === null) return 'ok';
  const left = diffDays(expiresOn, today);
  if (left <= 0) return 'expired';
  return left <= EXPIRY_WARNING_DAYS ? 'expiring' : 'ok';
}

/** The day the first reminder goes out: 30 days before expiry (product default). */
export function firstReminderDate(expiresOn: IsoDate): IsoDate {
  return addDays(expiresOn, -EXPIRY_WARNING_DAYS);
}

/** What the rules need of a record. */
export type RecordFacts = {
  id: string;
  employeeId: string;
  course: Course;
  completedOn: IsoDate;
  expiresOn: IsoDate | null;
  hours: number;
  title: string | null;
  /** Breaks a tie between two records completed on the same day (the later registration wins). */
  createdAt?: string | undefined;
};

/** Is `a` newer than `b`: later completion, then later registration, then the larger id. */
function newer(a: RecordFacts, b: RecordFacts): boolean {
  if (a.completedOn !== b.completedOn) return a.completedOn > b.completedOn;
  const ac = a.createdAt ?? '';
  const bc = b.createdAt ?? '';
  if (ac !== bc) return ac > bc;
  return a.id > b.id;
}

/** The newest record (by completion date, then registration, then id): the one that counts. */
export function currentRecord<R extends RecordFacts>(records: readonly R[]): R | null {
  let best: R | null = null;
  for (const r of records) {
    if (best === null || newer(r, best)) best = r;
  }
  return best;
}

export type CellState = 'ok' | 'expiring' | 'expired' | 'missing-required' | 'not-required';

export type Cell<R extends RecordFacts = RecordFacts> = {
  course: Course;
  state: CellState;
  required: boolean;
  /** Required and not fulfilled (missing, or the newest record has expired). */
  gap: boolean;
  record: R | null;
  /** For 'vo-amu-40t': the newest record has fewer than 40 hours (a shorter agreed course, FOLM § 3-19). */
  shortCourse: boolean;
};

/** One person's cell for one course, from their records of that course. */
export function cellFor<R extends RecordFacts>(
  course: Course,
  required: boolean,
  records: readonly R[],
  today: IsoDate,
): Cell<R> {
  const record = currentRecord(records.filter((r) => r.course === course));
  if (record === null) {
    return {
      course,
      state: required ? 'missing-required' : 'not-required',
      required,
      gap: required,
      record: null,
      shortCourse: false,
    };
  }
  const state = expiryState(record.expiresOn, today);
  return {
    course,
    state,
    required,
    gap: required && state === 'expired',
    record,
    shortCourse: course === 'vo-amu-40t' && record.hours < VO_AMU_MIN_HOURS,
  };
}

export type MatrixPerson = { employeeId: string };

export type MatrixColumn = {
  course: Course;
  legalBasis: string | null;
  /** How many of the rows the law requires it of. */
  required: number;
  /** How many of those lack it (missing or expired). */
  gaps: number;
};

export type MatrixRow<P extends MatrixPerson, R extends RecordFacts> = {
  person: P;
  requirements: Requirement[];
  cells: Cell<R>[];
};

/**
 * «Who lacks what»: one row per person, one column per course that is required of someone in the
 * rows or recorded for someone in them (in the fixed course order).
 */
export function buildMatrix<P extends MatrixPerson, R extends RecordFacts>(
  people: readonly P[],
  records: readonly R[],
  roles: RoleFacts,
  today: IsoDate,
): { columns: MatrixColumn[]; rows: MatrixRow<P, R>[] } {
  const byEmployee = new Map<string, R[]>();
  for (const r of records) {
    const list = byEmployee.get(r.employeeId);
    if (list) list.push(r);
    else byEmployee.set(r.employeeId, [r]);
  }
  const used = new Set<Course>();
  const prepared = people.map((person) => {
    const requirements = requiredCourses(person.employeeId, roles);
    const own = byEmployee.get(person.employeeId) ?? [];
    for (const q of requirements) used.add(q.course);
    for (const r of own) used.add(r.course);
    return { person, requirements, own };
  });
  const courses = COURSES.filter((c) => used.has(c));
  const rows = prepared.map(({ person, requirements, own }) => ({
    person,
    requirements,
    cells: courses.map((course) =>
      cellFor(
        course,
        requirements.some((q) => q.course === course),
        own,
        today,
      ),
    ),
  }));
  const columns = courses.map((course, i): MatrixColumn => {
    let required = 0;
    let gaps = 0;
    for (const row of rows) {
      const cell = row.cells[i];
      if (cell?.required) required++;
      if (cell?.gap) gaps++;
    }
    return { course, legalBasis: COURSE_LEGAL_BASIS[course], required, gaps };
  });
  return { columns, rows };
}

/**
 * The evidence the IK dashboard shows (IK-f § 5 no. 2; aml § 3-5; FOLM § 3-19): the top leader's
 * HMS training (its completion date, null when missing or expired), and how many VO/AMU members
 * lack a valid 'vo-amu-40t' record.
 */
export function trainingSummary(
  records: readonly RecordFacts[],
  roles: RoleFacts,
  today: IsoDate,
): { topLeaderHmsTraining: IsoDate | null; voAmuMembers: number; voAmuWithout40h: number } {
  let topLeaderHmsTraining: IsoDate | null = null;
  if (roles.topLeaderEmployeeId !== null) {
    const cell = cellFor(
      'hms-leder',
      true,
      records.filter((r) => r.employeeId === roles.topLeaderEmployeeId),
      today,
    );
    if (cell.record && !cell.gap) topLeaderHmsTraining = cell.record.completedOn;
  }
  const members = [...new Set(roles.voAmuEmployeeIds)];
  let without = 0;
  for (const id of members) {
    const cell = cellFor(
      'vo-amu-40t',
      true,
      records.filter((r) => r.employeeId === id),
      today,
    );
    if (cell.gap) without++;
  }
  return { topLeaderHmsTraining, voAmuMembers: members.length, voAmuWithout40h: without };
}
