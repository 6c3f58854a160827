export const LOCALES = ['nb', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return value === 'nb' || value === 'en';
}
