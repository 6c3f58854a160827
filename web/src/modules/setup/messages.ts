/**
 * Texts of onboarding (setting up the organisation, the demo), bokmål first. English has the same keys (the
 * type says so). In the app's dictionary as `t.setup`.
 */

const nb = {
  setup: {
    title: 'Velkommen til Nærvær',
    intro:
      'Nærvær er ikke satt opp ennå. Registrer virksomheten og deg selv som administrator, så er du i gang. Det tar et par minutter.',
    orgLegend: 'Virksomheten',
    orgName: 'Navn på virksomheten',
    orgNameRequired: 'Skriv navnet på virksomheten.',
    orgnr: 'Organisasjonsnummer',
    orgnrDescription: 'Ni siffer. Du finner det i Enhetsregisteret på brreg.no.',
    adminLegend: 'Din brukerkonto',
    adminDescription: 'Du blir administrator, og kan senere gi andre tilgang.',
    adminName: 'Fullt navn',
    adminNameRequired: 'Skriv navnet ditt.',
    email: 'E-postadresse',
    emailRequired: 'Skriv e-postadressen din.',
    password: 'Passord',
    passwordDescription: 'Minst 10 tegn. Et par ord med mellomrom er lett å huske og vanskelig å gjette.',
    passwordRepeat: 'Gjenta passordet',
    passwordMismatch: 'Passordene er ikke like.',
    submit: 'Opprett virksomheten',
    demoHeading: 'Vil du prøve først?',
    demoIntro:
      'Last inn en oppdiktet kommune med rundt 120 ansatte i seks enheter, og logg inn som en av brukerne. Demovirksomheten tar plassen til din egen i denne installasjonen, så bruk den bare til å prøve.',
    demoButton: 'Last inn demovirksomheten',
    demoLoaded: 'Demovirksomheten er lastet inn.',
    demoAccountsIntro: 'Velg hvem du vil logge inn som. Hver bruker ser det rollen gir tilgang til.',
    demoCaption: 'Brukere i demovirksomheten',
    colRole: 'Rolle',
    colName: 'Navn',
    colEmail: 'E-post',
    colPassword: 'Passord',
    loginAs: 'Logg inn',
    loginAsLabel: (name: string) => `Logg inn som ${name}`,
    toLogin: 'Gå til innloggingen',
  },
};

export type SetupMessages = typeof nb;

const en: SetupMessages = {
  setup: {
    title: 'Welcome to Nærvær',
    intro:
      'Nærvær has not been set up yet. Register your organisation and yourself as administrator, and you are ready. It takes a couple of minutes.',
    orgLegend: 'The organisation',
    orgName: 'Name of the organisation',
    orgNameRequired: 'Enter the name of the organisation.',
    orgnr: 'Organisation number',
    orgnrDescription: 'Nine digits. You find it in the Central Coordinating Register (brreg.no).',
    adminLegend: 'Your user account',
    adminDescription: 'You become administrator, and can give others access later.',
    adminName: 'Full name',
    adminNameRequired: 'Enter your name.',
    email: 'E-mail address',
    emailRequired: 'Enter your e-mail address.',
    password: 'Password',
    passwordDescription:
      'At least 10 characters. A few words with spaces are easy to remember and hard to guess.',
    passwordRepeat: 'Repeat the password',
    passwordMismatch: 'The passwords are not the same.',
    submit: 'Create the organisation',
    demoHeading: 'Want to try it first?',
    demoIntro:
      'Load a made-up municipality with about 120 employees in six units, and log in as one of its users. The demo organisation takes the place of your own in this installation, so use it only to try things out.',
    demoButton: 'Load the demo organisation',
    demoLoaded: 'The demo organisation is loaded.',
    demoAccountsIntro: 'Choose whom to log in as. Each user sees what their role gives access to.',
    demoCaption: 'Users in the demo organisation',
    colRole: 'Role',
    colName: 'Name',
    colEmail: 'E-mail',
    colPassword: 'Password',
    loginAs: 'Log in',
    loginAsLabel: (name: string) => `Log in as ${name}`,
    toLogin: 'Go to the login page',
  },
};

export const messages = { nb, en };
