/**
 * Texts of the login page, bokmål first. English has the same keys (the type says so). In the app's
 * dictionary as `t.login`.
 */

const nb = {
  login: {
    title: 'Logg inn',
    intro: 'Logg inn med e-postadressen og passordet ditt.',
    email: 'E-postadresse',
    emailRequired: 'Skriv e-postadressen din.',
    password: 'Passord',
    passwordRequired: 'Skriv passordet ditt.',
    submit: 'Logg inn',
    loggedOut: 'Du er logget ut.',
    forgot: 'Har du glemt passordet? Kontakt administratoren i virksomheten din.',
  },
};

export type AuthMessages = typeof nb;

const en: AuthMessages = {
  login: {
    title: 'Log in',
    intro: 'Log in with your e-mail address and password.',
    email: 'E-mail address',
    emailRequired: 'Enter your e-mail address.',
    password: 'Password',
    passwordRequired: 'Enter your password.',
    submit: 'Log in',
    loggedOut: 'You are logged out.',
    forgot: 'Forgot your password? Contact the administrator in your organisation.',
  },
};

export const messages = { nb, en };
