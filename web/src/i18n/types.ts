/** The UI languages: the server's one list (`src/i18n/locale.ts`), bokmål first. */
export { isLocale, LOCALES, type Locale } from '../../../src/i18n/locale.ts';
