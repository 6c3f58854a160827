/**
 * The UI language. Bokmål by default; the choice is kept in localStorage (and, when logged in, on
 * the user through `PUT /api/v1/me/locale`, see `app/locale-sync.ts`). `<html lang>` follows it,
 * and so do Aksel's own texts and the `Accept-Language` of every API request.
 */
import { Provider as AkselProvider } from '@navikt/ds-react';
import { en as akselEn, nb as akselNb } from '@navikt/ds-react/locales';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setApiLocale } from '../api/client.ts';
import type { Dictionaries, Messages } from './messages.ts';
import { isLocale, type Locale } from './types.ts';

const STORAGE_KEY = 'naervaer.locale';

export function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(value)) return value;
  } catch {
    // Storage can be blocked (private mode, policies); bokmål then.
  }
  return 'nb';
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // ignore: the choice then lasts for this page only
  }
}

type I18nContextValue = {
  locale: Locale;
  t: Messages;
  setLocale: (locale: Locale) => void;
  /** The dictionary of any language (e.g. to confirm a language change in the new language). */
  messagesFor: (locale: Locale) => Messages;
};

const I18nContext = createContext<I18nContextValue | null>(null);

export function I18nProvider({
  children,
  initial,
  dictionaries,
}: {
  children: ReactNode;
  initial: Locale;
  dictionaries: Dictionaries;
}) {
  const [locale, setLocaleState] = useState<Locale>(initial);

  const setLocale = useCallback((next: Locale) => {
    setApiLocale(next);
    storeLocale(next);
    setLocaleState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    setApiLocale(locale);
  }, [locale]);

  const value = useMemo(
    () => ({ locale, t: dictionaries[locale], setLocale, messagesFor: (l: Locale) => dictionaries[l] }),
    [locale, setLocale, dictionaries],
  );
  return (
    <I18nContext.Provider value={value}>
      <AkselProvider locale={locale === 'en' ? akselEn : akselNb}>{children}</AkselProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() outside <I18nProvider>');
  return value;
}

/** The dictionary of the current language: `const t = useT(); t.login.title`. */
export function useT(): Messages {
  return useI18n().t;
}
