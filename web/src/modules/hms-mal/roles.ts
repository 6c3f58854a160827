/** Who reads what, as the API lets them (src/modules/hms-mal/hms-mal.routes.ts). */
import type { Role } from '../../api/types.ts';

/** The reviews and the HMS roles' view: everyone in the HMS work, not plain employees. */
export const REVIEW_READERS = [
  'admin',
  'hr',
  'leder',
  'verneombud',
  'amu',
  'bht',
  'tillitsvalgt',
] as const satisfies readonly Role[];
/** The goals: also the employees (read-only; IK-f § 4, cooperation with the employees). */
export const GOAL_READERS = [...REVIEW_READERS, 'ansatt'] as const satisfies readonly Role[];
