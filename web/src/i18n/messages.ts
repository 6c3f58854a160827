/**
 * The dictionary's type and the shared texts. `Messages` starts as the shared texts (`nb.ts`) and
 * grows by the texts of every registered feature module: `app/dictionaries.ts` extends this
 * interface (declaration merging) from the same registry it builds the dictionary from, so
 * `t.<namespace>.<key>` is type-checked everywhere while this folder knows no module.
 */
import { en } from './en.ts';
import { type CoreMessages, nb } from './nb.ts';
import type { Locale } from './types.ts';

export type { CoreMessages };

/** The whole dictionary of one language: the shared texts and those of every module. */
export interface Messages extends CoreMessages {}

/** The dictionaries of all languages (built in `app/dictionaries.ts`). */
export type Dictionaries = Record<Locale, Messages>;

/** The texts a module adds to the dictionary, in both languages with the same keys. */
export type ModuleMessages<M extends object> = { nb: M; en: M };

/** The shared texts alone, for code outside the React tree (the API client's error messages). */
export function coreMessagesFor(locale: Locale): CoreMessages {
  return locale === 'en' ? en : nb;
}
