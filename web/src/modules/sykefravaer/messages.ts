/**
 * The texts of the sick-leave pages, "Mitt fravær", the sick-leave settings and the task summary, both
 * languages: `messages.nb.ts` and `messages.en.ts`.
 */
import { en } from './messages.en.ts';
import { nb, type SykefravaerMessages } from './messages.nb.ts';

export type { SykefravaerMessages };
export const messages = { nb, en };
