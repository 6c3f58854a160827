/**
 * Texts of the settings page, bokmål first. English has the same keys (the type says so). In the app's
 * dictionary as `t.nav.settings`, `t.settings`.
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
};

export const messages = { nb, en };
