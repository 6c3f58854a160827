/**
 * Texts of the login, the second login step and the password reset, bokmål first. English has the
 * same keys (the type says so). In the app's dictionary as `t.login`, `t.reset`.
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
    forgot: 'Glemt passordet?',
    secondStepTitle: 'Bekreft at det er deg',
    codeIntro: 'Åpne autentiseringsappen på telefonen din og skriv inn den sekssifrede koden for Nærvær.',
    recoveryIntro:
      'Skriv inn en av gjenopprettingskodene du fikk da du satte opp appen. Hver kode virker én gang.',
    code: 'Kode fra appen',
    codeRequired: 'Skriv koden fra appen.',
    recoveryCode: 'Gjenopprettingskode',
    recoveryRequired: 'Skriv en gjenopprettingskode.',
    verify: 'Bekreft',
    useRecovery: 'Har du ikke telefonen? Bruk en gjenopprettingskode',
    useApp: 'Bruk koden fra appen i stedet',
    restart: 'Logg inn på nytt',
    ssoHeading: 'Virksomhetens innlogging',
    ssoIntro: 'Virksomheten din lar deg logge inn med kontoen du bruker på jobben, uten passord i Nærvær.',
    ssoButton: 'Logg inn med virksomhetens konto',
    ssoButtonFor: (organisation: string) => `Logg inn med virksomhetens konto (${organisation})`,
  },
  reset: {
    forgotTitle: 'Glemt passordet',
    forgotIntro:
      'Skriv e-postadressen du logger inn med. Har den en konto hos oss, sender vi en lenke der du kan velge nytt passord. Lenken virker én gang i 30 minutter.',
    email: 'E-postadresse',
    emailInvalid: 'Skriv en gyldig e-postadresse, som navn@firma.no.',
    send: 'Send lenke',
    sent: 'Takk. Har adressen en konto, kommer det en e-post om litt. Sjekk også søppelpost.',
    backToLogin: 'Tilbake til innlogging',
    resetTitle: 'Velg nytt passord',
    resetIntro: 'Når du lagrer, blir du logget ut overalt, og du logger inn med det nye passordet.',
    newPassword: 'Nytt passord',
    policy: 'Minst 10 tegn. Bruk gjerne flere ord i en setning. Vanlige passord godtas ikke.',
    repeat: 'Gjenta det nye passordet',
    tooShort: 'Passordet må ha minst 10 tegn.',
    mismatch: 'Passordene er ikke like.',
    save: 'Lagre nytt passord',
    done: 'Passordet er byttet. Du kan logge inn med det nye passordet.',
    noToken: 'Lenken mangler koden fra e-posten. Åpne lenken i e-posten på nytt, eller be om en ny.',
    toLogin: 'Gå til innlogging',
    askAgain: 'Be om en ny lenke',
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
    forgot: 'Forgot your password?',
    secondStepTitle: 'Confirm it is you',
    codeIntro: 'Open the authenticator app on your phone and enter the six-digit code for Nærvær.',
    recoveryIntro: 'Enter one of the recovery codes you got when you set up the app. Each code works once.',
    code: 'Code from the app',
    codeRequired: 'Enter the code from the app.',
    recoveryCode: 'Recovery code',
    recoveryRequired: 'Enter a recovery code.',
    verify: 'Confirm',
    useRecovery: 'No phone at hand? Use a recovery code',
    useApp: 'Use the code from the app instead',
    restart: 'Log in again',
    ssoHeading: 'Your organisation’s login',
    ssoIntro:
      'Your organisation lets you log in with the account you use at work, without a password in Nærvær.',
    ssoButton: 'Log in with the organisation’s account',
    ssoButtonFor: (organisation: string) => `Log in with the organisation’s account (${organisation})`,
  },
  reset: {
    forgotTitle: 'Forgot your password',
    forgotIntro:
      'Enter the e-mail address you log in with. If it has an account with us, we send a link where you can choose a new password. The link works once, for 30 minutes.',
    email: 'E-mail address',
    emailInvalid: 'Enter a valid e-mail address, like name@company.no.',
    send: 'Send link',
    sent: 'Thank you. If the address has an account, an e-mail arrives shortly. Check your spam folder too.',
    backToLogin: 'Back to login',
    resetTitle: 'Choose a new password',
    resetIntro: 'When you save, you are logged out everywhere, and you log in with the new password.',
    newPassword: 'New password',
    policy: 'At least 10 characters. Several words in a sentence work well. Common passwords are refused.',
    repeat: 'Repeat the new password',
    tooShort: 'The password needs at least 10 characters.',
    mismatch: 'The passwords are not the same.',
    save: 'Save new password',
    done: 'The password is changed. You can log in with the new password.',
    noToken:
      'The link lacks the code from the e-mail. Open the link in the e-mail again, or ask for a new one.',
    toLogin: 'Go to login',
    askAgain: 'Ask for a new link',
  },
};

export const messages = { nb, en };
