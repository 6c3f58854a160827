/** The two languages of Nærvær: bokmål first, English second. */
export const LOCALES = ['nb', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in both languages. */
export type Text = { nb: string; en: string };

export function isLocale(value: unknown): value is Locale {
  return value === 'nb' || value === 'en';
}

/** Picks the preferred language from an Accept-Language header; bokmål unless English is preferred. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'nb';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('nb') || tag.startsWith('no') || tag.startsWith('nn')) return 'nb';
    if (tag.startsWith('en')) return 'en';
  }
  return 'nb';
}
