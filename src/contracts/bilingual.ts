/**
 * A schema message in both languages. zod carries one string per issue, so the two languages
 * travel joined by a separator; the server's validation splits them again (`bilingualText`) and
 * answers in the user's language. Pure: the web imports the schemas that use it.
 */
import type { Text } from '../i18n/locale.ts';

const SEPARATOR = '\u241f';

/** `z.string().min(1, bilingual('Må fylles ut', 'Required'))`. */
export function bilingual(nb: string, en: string): string {
  return `${nb}${SEPARATOR}${en}`;
}

/** The two languages of a message made by `bilingual`, or undefined for any other message. */
export function bilingualText(message: string): Text | undefined {
  const at = message.indexOf(SEPARATOR);
  if (at < 0) return undefined;
  return { nb: message.slice(0, at), en: message.slice(at + SEPARATOR.length) };
}
