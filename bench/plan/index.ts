/**
 * bench/plan — the rule engine over 1 000 000 synthetic employee histories (~3.5 M periods).
 *
 * 1. Generates the histories with a seeded PRNG (realistic mix: many short egenmeldinger, short
 *    sykmeldinger, some long graded cases in several periods, some ferie, a little arbeid and
 *    behandlingsdager), writing their JSON as bytes into one Buffer, decoded into ONE JSON string.
 * 2. Times `JSON.parse` of that string — the floor.
 * 3. Times the engine's full `beregnPlan` (cases, arbeidsgiverperioder, milestones with Norwegian and
 *    English explanations, maksdato, § 15-8) over every parsed history, WITHOUT zod validation (the
 *    engine still parses every date strictly and throws on a bad one). zod is measured separately on
 *    a 20 000-history sample, for information.
 * Prints the ratio engine / JSON.parse last. Goal: ≤ 3, whole run < 10 s.
 */
import { performance } from 'node:perf_hooks';
import { daysFromCivil, fromDayNumber } from '../../src/domain/calendar/index.ts';
import {
  beregnPlan,
  type PlanInput,
  parsePlanInput,
  TimelineScratch,
} from '../../src/domain/sykefravaer/index.ts';

const HISTORIES = Number(process.env.BENCH_PLAN_HISTORIES ?? 1_000_000);
const SEED = 20261122;

// mulberry32: small, fast, seeded.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(SEED);
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

const FIRST = daysFromCivil(2023, 1, 1);
const SPAN = daysFromCivil(2026, 10, 31) - FIRST;
const GRADES = [20, 40, 50, 60, 80] as const;

// The JSON text is written as bytes into one growing Buffer (ASCII only) and decoded once: one
// string, no million intermediate strings.
let buf = Buffer.allocUnsafe(64 * 1024 * 1024);
let pos = 0;
function reserve(n: number): void {
  if (pos + n <= buf.length) return;
  const bigger = Buffer.allocUnsafe(buf.length * 2);
  buf.copy(bigger, 0, 0, pos);
  buf = bigger;
}
function bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}
function put(b: Uint8Array): void {
  for (let i = 0; i < b.length; i++) buf[pos++] = b[i] as number;
}
const DATE_BASE = daysFromCivil(1950, 1, 1);
const isoBytes: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(
  daysFromCivil(2031, 1, 1) - DATE_BASE,
);
function putDate(day: number): void {
  let b = isoBytes[day - DATE_BASE];
  if (b === undefined) {
    b = bytes(fromDayNumber(day));
    isoBytes[day - DATE_BASE] = b;
  }
  put(b);
}
const T = {
  open: bytes('{"periods":['),
  start: bytes('{"start":"'),
  end: bytes('","end":"'),
  type: bytes('","type":"'),
  grade: bytes('","grade":'),
  close: bytes('"}'),
  closeGraded: bytes('}'),
  comma: bytes(','),
  birth: bytes('],"birthDate":"'),
  endBirth: bytes('"}'),
  endNoBirth: bytes(']}'),
  types: {
    sykmelding: bytes('sykmelding'),
    egenmelding: bytes('egenmelding'),
    ferie: bytes('ferie'),
    arbeid: bytes('arbeid'),
    behandlingsdager: bytes('behandlingsdager'),
  },
};
const gradeBytes = new Map<number, Uint8Array>();

let first = true;
function period(start: number, end: number, type: keyof typeof T.types, grade?: number): void {
  reserve(128);
  if (!first) put(T.comma);
  first = false;
  put(T.start);
  putDate(start);
  put(T.end);
  putDate(end);
  put(T.type);
  put(T.types[type]);
  if (grade === undefined) {
    put(T.close);
  } else {
    put(T.grade);
    let g = gradeBytes.get(grade);
    if (g === undefined) {
      g = bytes(String(grade));
      gradeBytes.set(grade, g);
    }
    put(g);
    put(T.closeGraded);
  }
}

/** One history, written as JSON: a few absences spread over ~4 years. Returns its number of periods. */
function history(): number {
  reserve(64);
  put(T.open);
  first = true;
  let periods = 0;
  const absences = int(1, 3) + (rand() < 0.33 ? 1 : 0);
  let day = FIRST + int(0, 120);
  for (let a = 0; a < absences && day < FIRST + SPAN; a++) {
    const r = rand();
    if (r < 0.5) {
      // a short egenmelding, 1–3 days
      const len = int(1, 3);
      period(day, day + len - 1, 'egenmelding');
      periods++;
      day += len;
    } else if (r < 0.75) {
      // egenmelding followed by a short sykmelding
      period(day, day + 2, 'egenmelding');
      const len = int(4, 20);
      period(day + 3, day + 2 + len, 'sykmelding', 100);
      periods += 2;
      day += 3 + len;
    } else if (r < 0.85) {
      // a long case: 100 % then graded, in several sick notes
      let len = int(14, 42);
      period(day, day + len - 1, 'sykmelding', 100);
      periods++;
      day += len;
      const notes = int(1, 4);
      for (let n = 0; n < notes; n++) {
        len = int(14, 60);
        period(day, day + len - 1, 'sykmelding', GRADES[int(0, GRADES.length - 1)]);
        periods++;
        day += len;
      }
    } else if (r < 0.95) {
      // ferie, sometimes right after sickness
      const len = int(3, 21);
      period(day, day + len - 1, 'ferie');
      periods++;
      day += len;
    } else if (r < 0.98) {
      const len = int(5, 30);
      period(day, day + len - 1, 'behandlingsdager');
      periods++;
      day += len;
    } else {
      const len = int(1, 10);
      period(day, day + len - 1, 'arbeid');
      periods++;
      day += len;
    }
    day += rand() < 0.3 ? int(1, 20) : int(21, 300);
  }
  reserve(64);
  if (rand() < 0.7) {
    put(T.birth);
    putDate(daysFromCivil(int(1950, 2004), int(1, 12), int(1, 28)));
    put(T.endBirth);
  } else {
    put(T.endNoBirth);
  }
  return periods;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

const t0 = performance.now();
let periodCount = 0;
put(bytes('['));
for (let i = 0; i < HISTORIES; i++) {
  if (i > 0) {
    reserve(1);
    put(T.comma);
  }
  periodCount += history();
}
reserve(1);
put(bytes(']'));
const json = buf.toString('latin1', 0, pos);
buf = Buffer.alloc(0);
const tGenerated = performance.now();
console.log(`histories: ${HISTORIES.toLocaleString('en')}, periods: ${periodCount.toLocaleString('en')}`);
console.log(`JSON: ${(json.length / 1e6).toFixed(0)} MB, generated in ${seconds(tGenerated - t0)}`);

// (a) the floor: JSON.parse of the whole string
const tParse0 = performance.now();
const histories = JSON.parse(json) as PlanInput[];
const parseMs = performance.now() - tParse0;
console.log(`JSON.parse: ${seconds(parseMs)}`);

// (b) the engine over every history (no zod; strict date parsing inside the engine)
const scratch = new TimelineScratch();
let cases = 0;
let followUps = 0;
let required = 0;
const tEngine0 = performance.now();
for (let i = 0; i < histories.length; i++) {
  const plan = beregnPlan(histories[i] as PlanInput, { scratch });
  cases += plan.cases.length;
  if (plan.followUp !== null) {
    followUps++;
    if (plan.followUp.milestones[0]?.status === 'required') required++;
  }
}
const engineMs = performance.now() - tEngine0;
console.log(
  `engine (beregnPlan, no zod): ${seconds(engineMs)} — ${cases.toLocaleString('en')} cases, ${followUps.toLocaleString('en')} follow-ups, ${required.toLocaleString('en')} with a required oppfølgingsplan`,
);

// For information: zod validation on a sample.
const SAMPLE = Math.min(20_000, histories.length);
const tZod0 = performance.now();
let invalid = 0;
for (let i = 0; i < SAMPLE; i++) if (!parsePlanInput(histories[i]).ok) invalid++;
const zodMs = performance.now() - tZod0;
console.log(
  `zod planInputSchema on ${SAMPLE.toLocaleString('en')} histories: ${seconds(zodMs)} (${invalid} invalid; ≈ ${seconds((zodMs * histories.length) / SAMPLE)} for all)`,
);
console.log(`whole run: ${seconds(performance.now() - t0)}`);
console.log(`ratio engine/JSON.parse: ${(engineMs / parseMs).toFixed(2)} (goal ≤ 3)`);
