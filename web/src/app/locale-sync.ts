/**
 * Keeps the UI language and the user's saved language in step:
 * - switching while logged in saves the choice on the user (`PUT /api/v1/me/locale`);
 * - switching on the login page, then logging in, saves that choice on the user too;
 * - otherwise, logging in adopts the language saved on the user.
 */
import { api } from '../api/client.ts';
import type { SessionResponse } from '../api/types.ts';
import type { Locale } from '../i18n/types.ts';

let chosenWhileLoggedOut = false;

export async function changeLocale(
  next: Locale,
  setLocale: (locale: Locale) => void,
  session: SessionResponse | undefined,
): Promise<void> {
  setLocale(next);
  if (session?.authenticated) {
    // The language is a preference: if saving it fails, the page still switches.
    await api.put('/me/locale', { locale: next }).catch(() => undefined);
  } else {
    chosenWhileLoggedOut = true;
  }
}

export async function syncLocaleAfterLogin(
  session: SessionResponse,
  current: Locale,
  setLocale: (locale: Locale) => void,
): Promise<void> {
  const saved = session.user?.locale;
  if (!saved) return;
  if (chosenWhileLoggedOut) {
    chosenWhileLoggedOut = false;
    if (saved !== current) await api.put('/me/locale', { locale: current }).catch(() => undefined);
  } else if (saved !== current) {
    setLocale(saved);
  }
}
