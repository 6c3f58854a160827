import { en } from './en.ts';
import { type Messages, nb } from './nb.ts';
import type { Locale } from './types.ts';

export type { Messages };

const dictionaries: Record<Locale, Messages> = { nb, en };

export function messagesFor(locale: Locale): Messages {
  return dictionaries[locale];
}
