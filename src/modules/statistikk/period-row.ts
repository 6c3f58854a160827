import type { Period } from '../../domain/statistikk/index.ts';
import { toEnginePeriod } from '../../domain/sykefravaer/index.ts';

/**
 * A stored period as the statistics input, by the sick-leave module's own mapping: an avventende
 * sykmelding is a non-sick day (NAV: FULL_AKTIVITET, 0 % sick), passed as `behandlingsdager`, which
 * is never counted; a sykmelding without a grade is 100 %.
 */
export function toPeriod(p: {
  type: Period['type'];
  start_date: string;
  end_date: string;
  grade: number | null;
  avventende: boolean;
}): Period {
  return toEnginePeriod({
    type: p.type,
    start: p.start_date,
    end: p.end_date,
    grade: p.grade,
    avventende: p.avventende,
  });
}
