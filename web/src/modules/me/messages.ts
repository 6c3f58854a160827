/**
 * Texts of "Min side" and its security page, bokmål first. English has the same keys (the type says
 * so). In the app's dictionary as `t.nav.myPage`, `t.me`, `t.security`.
 */

const nb = {
  nav: {
    myPage: 'Min side',
    myPageOverview: 'Oversikt',
    accountSecurity: 'Sikkerhet og innlogging',
  },
  me: {
    title: 'Min side',
    account: 'Brukerkonto',
    name: 'Navn',
    email: 'E-postadresse',
    organisation: 'Virksomhet',
    roles: 'Roller',
    employeeHeading: 'Ansattforholdet ditt',
    noEmployee: 'Brukeren din er ikke knyttet til en ansattpost i denne virksomheten.',
    unit: 'Enhet',
    leader: 'Nærmeste leder',
    start: 'Ansatt fra',
    position: 'Stillingsprosent',
    invitationsHeading: 'Invitasjoner',
    invitationsIntro:
      'En administrator i en annen virksomhet vil gi kontoen din tilgang. Du får tilgang først når du godtar.',
    invitationRoles: 'Roller',
    invitationFrom: (date: string) => `Invitert ${date}`,
    accept: 'Godta',
    acceptLabel: (org: string) => `Godta invitasjonen fra ${org}`,
    decline: 'Avslå',
    declineLabel: (org: string) => `Avslå invitasjonen fra ${org}`,
    accepted: (org: string) =>
      `Du har nå tilgang til ${org}. Du bytter virksomhet under Innstillinger i brukermenyen.`,
    declined: (org: string) => `Invitasjonen fra ${org} er avslått.`,
  },
  security: {
    title: 'Sikkerhet og innlogging',
    intro: 'Her bytter du passord, setter opp to-trinns innlogging og ser hvor du er logget inn.',
    requiredNotice:
      'Du har tilgang til personopplysninger om helse for mange ansatte. Derfor må du sette opp to-trinns innlogging med en autentiseringsapp før du kan bruke Nærvær.',
    failedHeading: (n: number) =>
      n === 1
        ? 'Noen har prøvd å logge inn på kontoen din'
        : `Noen har prøvd å logge inn på kontoen din ${n} ganger`,
    failedBody:
      'Forsøkene under brukte feil passord eller kode. Var det ikke deg, bør du bytte passord og slå på to-trinns innlogging.',
    failedSeen: 'Jeg har sett dette',
    unknownNetwork: 'ukjent nettverk',
    secondFactorHeading: 'To-trinns innlogging',
    on: 'På',
    codesLeft: (n: number) => `${n} ubrukte gjenopprettingskoder igjen.`,
    offIntro:
      'Med to-trinns innlogging trenger du både passordet og en kode fra en autentiseringsapp på telefonen (for eksempel Microsoft Authenticator eller Google Authenticator).',
    start: 'Sett opp autentiseringsapp',
    step1: 'Åpne autentiseringsappen og velg å legge til en konto.',
    step2: 'Skann QR-koden, eller skriv inn nøkkelen under.',
    step3: 'Skriv inn den sekssifrede koden appen viser.',
    qrAlt: 'QR-kode for å legge Nærvær til i autentiseringsappen',
    manualKey: 'Nøkkel til å skrive inn',
    code: 'Kode fra appen',
    codeInvalid: 'Skriv de 6 sifrene fra appen.',
    confirm: 'Bekreft og slå på',
    enabled: 'To-trinns innlogging er slått på. Andre innlogginger med bare passord er avsluttet.',
    recoveryHeading: 'Gjenopprettingskoder',
    recoveryBody:
      'Ta vare på disse kodene et trygt sted (skriv dem ut eller lagre dem i en passordbehandler). Mister du telefonen, logger du inn med en av dem. Hver kode virker én gang, og de vises bare nå.',
    recoverySaved: 'Jeg har tatt vare på kodene',
    disable: 'Slå av to-trinns innlogging',
    disableIntro: 'Skriv passordet ditt og en kode fra appen for å slå av to-trinns innlogging.',
    yourPassword: 'Ditt passord',
    disableConfirm: 'Slå av',
    newCodes: 'Lag nye gjenopprettingskoder',
    newCodesIntro:
      'Har du brukt opp kodene eller mistet utskriften? Skriv passordet ditt og en kode fra appen. De gamle kodene slutter å virke.',
    newCodesConfirm: 'Lag nye koder',
    newCodesMade: 'Nye gjenopprettingskoder er laget. De gamle virker ikke lenger.',
    passwordHeading: 'Bytt passord',
    currentPassword: 'Nåværende passord',
    newPassword: 'Nytt passord',
    policy: 'Minst 10 tegn. Bruk gjerne flere ord i en setning. Vanlige passord godtas ikke.',
    repeat: 'Gjenta det nye passordet',
    passwordRequired: 'Skriv passordet ditt.',
    tooShort: 'Passordet må ha minst 10 tegn.',
    mismatch: 'Passordene er ikke like.',
    changePassword: 'Bytt passord',
    passwordChanged: 'Passordet er byttet. Du er logget ut på alle andre enheter.',
    sessionsHeading: 'Hvor du er logget inn',
    sessionsIntro: 'Kjenner du ikke igjen en innlogging, avslutt den og bytt passord.',
    unknownBrowser: 'Ukjent nettleser',
    thisDevice: 'Denne enheten',
    network: 'Nettverk',
    started: 'Logget inn',
    lastUsed: 'sist brukt',
    end: 'Avslutt',
    ended: 'Innloggingen er avsluttet.',
    endOthers: 'Logg ut alle andre enheter',
    endedOthers: 'Du er logget ut på alle andre enheter.',
  },
};

export type MeMessages = typeof nb;

const en: MeMessages = {
  nav: {
    myPage: 'My page',
    myPageOverview: 'Overview',
    accountSecurity: 'Security and login',
  },
  me: {
    title: 'My page',
    account: 'User account',
    name: 'Name',
    email: 'E-mail address',
    organisation: 'Organisation',
    roles: 'Roles',
    employeeHeading: 'Your employment',
    noEmployee: 'Your user is not linked to an employee record in this organisation.',
    unit: 'Unit',
    leader: 'Line manager',
    start: 'Employed from',
    position: 'Position percentage',
    invitationsHeading: 'Invitations',
    invitationsIntro:
      'An administrator in another organisation wants to give your account access. You get access only when you accept.',
    invitationRoles: 'Roles',
    invitationFrom: (date: string) => `Invited ${date}`,
    accept: 'Accept',
    acceptLabel: (org: string) => `Accept the invitation from ${org}`,
    decline: 'Decline',
    declineLabel: (org: string) => `Decline the invitation from ${org}`,
    accepted: (org: string) =>
      `You now have access to ${org}. Switch organisation under Settings in the user menu.`,
    declined: (org: string) => `The invitation from ${org} is declined.`,
  },
  security: {
    title: 'Security and login',
    intro: 'Here you change your password, set up two-step login and see where you are logged in.',
    requiredNotice:
      'You have access to health data about many employees. You must therefore set up two-step login with an authenticator app before you can use Nærvær.',
    failedHeading: (n: number) =>
      n === 1
        ? 'Someone tried to log in to your account'
        : `Someone tried to log in to your account ${n} times`,
    failedBody:
      'The attempts below used a wrong password or code. If it was not you, change your password and turn on two-step login.',
    failedSeen: 'I have seen this',
    unknownNetwork: 'unknown network',
    secondFactorHeading: 'Two-step login',
    on: 'On',
    codesLeft: (n: number) => `${n} unused recovery codes left.`,
    offIntro:
      'With two-step login you need both your password and a code from an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator).',
    start: 'Set up an authenticator app',
    step1: 'Open the authenticator app and choose to add an account.',
    step2: 'Scan the QR code, or type in the key below.',
    step3: 'Enter the six-digit code the app shows.',
    qrAlt: 'QR code to add Nærvær to the authenticator app',
    manualKey: 'Key to type in',
    code: 'Code from the app',
    codeInvalid: 'Enter the 6 digits from the app.',
    confirm: 'Confirm and turn on',
    enabled: 'Two-step login is on. Other logins with only a password have been ended.',
    recoveryHeading: 'Recovery codes',
    recoveryBody:
      'Keep these codes somewhere safe (print them or save them in a password manager). If you lose your phone, log in with one of them. Each code works once, and they are shown only now.',
    recoverySaved: 'I have kept the codes',
    disable: 'Turn off two-step login',
    disableIntro: 'Enter your password and a code from the app to turn off two-step login.',
    yourPassword: 'Your password',
    disableConfirm: 'Turn off',
    newCodes: 'Make new recovery codes',
    newCodesIntro:
      'Used up the codes or lost the printout? Enter your password and a code from the app. The old codes stop working.',
    newCodesConfirm: 'Make new codes',
    newCodesMade: 'New recovery codes are made. The old ones no longer work.',
    passwordHeading: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    policy: 'At least 10 characters. Several words in a sentence work well. Common passwords are refused.',
    repeat: 'Repeat the new password',
    passwordRequired: 'Enter your password.',
    tooShort: 'The password needs at least 10 characters.',
    mismatch: 'The passwords are not the same.',
    changePassword: 'Change password',
    passwordChanged: 'The password is changed. You are logged out on every other device.',
    sessionsHeading: 'Where you are logged in',
    sessionsIntro: 'If you do not recognise a login, end it and change your password.',
    unknownBrowser: 'Unknown browser',
    thisDevice: 'This device',
    network: 'Network',
    started: 'Logged in',
    lastUsed: 'last used',
    end: 'End',
    ended: 'The login has been ended.',
    endOthers: 'Log out all other devices',
    endedOthers: 'You are logged out on every other device.',
  },
};

export const messages = { nb, en };
