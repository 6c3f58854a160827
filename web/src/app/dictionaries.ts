/**
 * The dictionary of each language: the shared texts (`i18n/nb.ts`, `i18n/en.ts`) and the texts of
 * every registered module. The type `Messages` is extended here from the same registry, so a module's
 * texts are type-checked wherever `t` is used, and a key no module declares is a type error.
 */
import type { CoreMessages, Dictionaries } from '../i18n/messages.ts';
import { coreMessagesFor } from '../i18n/messages.ts';
import type { Locale } from '../i18n/types.ts';
import type { WebModule } from './module.ts';
import { webModules } from './modules.ts';

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
type TextsOf<M> = M extends WebModule<infer T> ? T : never;

/** The texts of all registered modules, merged (the `nav` words of several modules into one `nav`). */
type ModuleTexts = UnionToIntersection<TextsOf<(typeof webModules)[number]>>;

declare module '../i18n/messages.ts' {
  interface Messages extends ModuleTexts {}
}

type Texts = Record<string, Record<string, unknown>>;

/**
 * Namespace by namespace; a namespace several modules add to (`nav`) is merged key by key. Two
 * parts with the same key are a mistake in a module, and stop the app at once.
 */
function merge(parts: readonly object[]): Texts {
  const merged: Texts = {};
  for (const part of parts) {
    for (const [namespace, texts] of Object.entries(part as Texts)) {
      const target = merged[namespace] ?? {};
      for (const key of Object.keys(texts)) {
        if (key in target) throw new Error(`Two modules define the text ${namespace}.${key}`);
      }
      merged[namespace] = { ...target, ...texts };
    }
  }
  return merged;
}

function dictionary(locale: Locale): CoreMessages & ModuleTexts {
  const parts = [coreMessagesFor(locale), ...webModules.map((m) => m.messages?.[locale] ?? {})];
  // The type is built from the same list (`ModuleTexts`); `merge` only loses it on the way.
  return merge(parts) as CoreMessages & ModuleTexts;
}

export const dictionaries: Dictionaries = { nb: dictionary('nb'), en: dictionary('en') };
