/** Small builders shared by the engine's tests (not exported from index.ts). */
import type { Period, PeriodType } from './types.ts';

export function p(start: string, end: string, type: PeriodType = 'sykmelding', grade?: number): Period {
  if (type === 'sykmelding') return { start, end, type, grade: grade ?? 100 };
  return grade === undefined ? { start, end, type } : { start, end, type, grade };
}
