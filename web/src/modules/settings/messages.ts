/**
 * Texts of the settings page, bokmål first. English has the same keys (the type says so). In the app's
 * dictionary as `t.nav.settings`, `t.settings`, `t.sso` (Innstillinger → Innlogging med virksomhetens konto).
 */

const nb = {
  nav: {
    settings: 'Innstillinger',
  },
  settings: {
    title: 'Innstillinger',
    languageHeading: 'Språk',
    languageLegend: 'Språk i Nærvær',
    languageSaved: 'Språket er endret.',
    organisationHeading: 'Virksomhet',
    organisationLegend: 'Virksomheten du jobber i',
    organisationDescription: 'Du har tilgang til flere virksomheter. Velg hvilken du vil jobbe i nå.',
    switch: 'Bytt virksomhet',
    switched: (name: string) => `Du jobber nå i ${name}.`,
    onlyOne: (name: string) => `Du jobber i ${name}.`,
    accountHeading: 'Brukerkontoen din',
  },
  sso: {
    heading: 'Innlogging med virksomhetens konto (SSO)',
    settingsLink: 'Sett opp innlogging med virksomhetens konto',
    statusOn: (domains: string) => `Slått på for ${domains}.`,
    statusOff: 'Ikke slått på. Alle logger inn med e-postadresse og passord.',
    title: 'Innlogging med virksomhetens konto (SSO)',
    intro:
      'La de ansatte logge inn med kontoen de bruker på jobben, for eksempel Microsoft Entra ID, i stedet for et eget passord i Nærvær. Innloggingen bruker OpenID Connect. Ingen får konto automatisk: bare personer som allerede er lagt til under Brukere og roller, kan logge inn.',
    providerSteps:
      'Registrer Nærvær som en app (web) hos innloggingstjenesten med adressen for videresending nedenfor, lag en klienthemmelighet og fyll inn verdiene her.',
    redirectUri: 'Adresse for videresending (redirect URI)',
    redirectUriDescription: 'Registrer nøyaktig denne adressen hos innloggingstjenesten.',
    copy: 'Kopier adressen',
    copied: 'Kopiert',
    formHeading: 'Innloggingstjenesten',
    enabled: 'Slå på innlogging med virksomhetens konto',
    enabledDescription:
      'Når den er på, får personer med e-postadresse i domenene nedenfor en knapp for å logge inn med virksomhetens konto. Passord virker fortsatt.',
    issuer: 'Utsteder-URL (issuer)',
    issuerDescription:
      'For Microsoft Entra ID: https://login.microsoftonline.com/<tenant-id>/v2.0 (med virksomhetens tenant-ID).',
    clientId: 'Klient-ID',
    clientIdDescription: 'Appens ID hos innloggingstjenesten (i Entra ID: «Application (client) ID»).',
    clientSecret: 'Klienthemmelighet',
    clientSecretStored: 'Lagret – la stå tom for å beholde. Den vises aldri.',
    clientSecretNew: 'Hemmeligheten fra innloggingstjenesten. Den lagres kryptert og vises aldri igjen.',
    emailDomains: 'E-postdomener',
    emailDomainsDescription:
      'Domenene til de ansattes e-postadresser, ett per linje eller skilt med komma, f.eks. kommune.no.',
    issuerRequired: 'Skriv utsteder-URL-en.',
    clientIdRequired: 'Skriv klient-ID-en.',
    clientSecretRequired: 'Skriv klienthemmeligheten.',
    emailDomainsRequired: 'Skriv minst ett e-postdomene.',
    domainInvalid: (domain: string, message: string) => `«${domain}»: ${message}`,
    save: 'Lagre',
    saved: 'Innstillingene for innlogging er lagret.',
  },
};

export type SettingsMessages = typeof nb;

const en: SettingsMessages = {
  nav: {
    settings: 'Settings',
  },
  settings: {
    title: 'Settings',
    languageHeading: 'Language',
    languageLegend: 'Language in Nærvær',
    languageSaved: 'The language has been changed.',
    organisationHeading: 'Organisation',
    organisationLegend: 'The organisation you work in',
    organisationDescription:
      'You have access to several organisations. Choose the one you want to work in now.',
    switch: 'Switch organisation',
    switched: (name: string) => `You now work in ${name}.`,
    onlyOne: (name: string) => `You work in ${name}.`,
    accountHeading: 'Your user account',
  },
  sso: {
    heading: 'Log in with the organisation’s account (SSO)',
    settingsLink: 'Set up login with the organisation’s account',
    statusOn: (domains: string) => `Turned on for ${domains}.`,
    statusOff: 'Not turned on. Everyone logs in with e-mail address and password.',
    title: 'Log in with the organisation’s account (SSO)',
    intro:
      'Let employees log in with the account they use at work, for example Microsoft Entra ID, instead of a separate password in Nærvær. The login uses OpenID Connect. No one gets an account automatically: only people already added under Users and roles can log in.',
    providerSteps:
      'Register Nærvær as an app (web) at the login service with the redirect address below, create a client secret and fill in the values here.',
    redirectUri: 'Redirect address (redirect URI)',
    redirectUriDescription: 'Register exactly this address at the login service.',
    copy: 'Copy the address',
    copied: 'Copied',
    formHeading: 'The login service',
    enabled: 'Turn on login with the organisation’s account',
    enabledDescription:
      'When it is on, people with an e-mail address in the domains below get a button to log in with the organisation’s account. Passwords still work.',
    issuer: 'Issuer URL',
    issuerDescription:
      'For Microsoft Entra ID: https://login.microsoftonline.com/<tenant-id>/v2.0 (with the organisation’s tenant ID).',
    clientId: 'Client ID',
    clientIdDescription: 'The app’s ID at the login service (in Entra ID: “Application (client) ID”).',
    clientSecret: 'Client secret',
    clientSecretStored: 'Stored – leave empty to keep it. It is never shown.',
    clientSecretNew: 'The secret from the login service. It is stored encrypted and never shown again.',
    emailDomains: 'E-mail domains',
    emailDomainsDescription:
      'The domains of the employees’ e-mail addresses, one per line or separated by commas, e.g. company.no.',
    issuerRequired: 'Enter the issuer URL.',
    clientIdRequired: 'Enter the client ID.',
    clientSecretRequired: 'Enter the client secret.',
    emailDomainsRequired: 'Enter at least one e-mail domain.',
    domainInvalid: (domain: string, message: string) => `“${domain}”: ${message}`,
    save: 'Save',
    saved: 'The login settings have been saved.',
  },
};

export const messages = { nb, en };
