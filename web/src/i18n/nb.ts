/**
 * Bokmål — the default language. The shared texts of the app shell live here (common words, errors,
 * the header, roles, validation); each feature keeps its own texts in `modules/<name>/messages.ts`,
 * and `app/dictionaries.ts` puts them together. `en.ts` must have exactly the same keys (the type
 * `CoreMessages` enforces it).
 * Plain words a busy leader understands; no codes, no jargon the user did not bring.
 */
import type { Role } from '../../../src/domain/access/roles.ts';

export const nb = {
  common: {
    appName: 'Nærvær',
    pageTitle: (title: string) => `${title} – Nærvær`,
    skipLink: 'Hopp til hovedinnhold',
    loading: 'Laster …',
    save: 'Lagre',
    saving: 'Lagrer …',
    cancel: 'Avbryt',
    close: 'Lukk',
    edit: 'Endre',
    delete: 'Slett',
    optional: '(valgfritt)',
    tryAgain: 'Prøv igjen',
    errorSummaryHeading: 'Du må rette dette før du kan gå videre:',
    notSet: 'Ikke registrert',
    none: 'Ingen',
    percent: (n: number) => `${n} %`,
    dateDescription: 'Skriv datoen som dd.mm.åååå eller velg i kalenderen.',
  },
  errors: {
    network: 'Får ikke kontakt med Nærvær. Sjekk nettforbindelsen og prøv igjen.',
    server: 'Noe gikk galt hos oss. Prøv igjen om litt.',
    unexpected: 'Noe gikk galt. Prøv igjen.',
    loadFailed: 'Vi klarte ikke å hente innholdet.',
    notFoundTitle: 'Fant ikke siden',
    notFoundBody: 'Siden finnes ikke, eller du har ikke tilgang til den.',
    backHome: 'Gå til forsiden',
  },
  language: {
    /** The button shows the other language, in that language. */
    switchTo: 'English',
    switchToLang: 'en',
    name: 'Norsk bokmål',
  },
  header: {
    mainNav: 'Hovedmeny',
    sectionNav: (section: string) => `Meny for ${section}`,
    userMenu: 'Brukermeny',
    myPage: 'Min side',
    settings: 'Innstillinger',
    offline: 'Uten nett',
    logout: 'Logg ut',
    orgNumber: (orgnr: string) => `Org.nr. ${orgnr}`,
  },
  roles: {
    admin: 'Administrator',
    hr: 'HR / HMS-koordinator',
    leder: 'Leder',
    ansatt: 'Ansatt',
    verneombud: 'Verneombud',
    tillitsvalgt: 'Tillitsvalgt',
    amu: 'Arbeidsmiljøutvalget (AMU)',
    bht: 'Bedriftshelsetjenesten (BHT)',
  } satisfies Record<Role, string>,
  roleDescriptions: {
    admin: 'Har tilgang til alt, også brukere og roller.',
    hr: 'Ser og endrer alle enheter og ansatte, og kan importere ansatte.',
    leder: 'Ser de ansatte hen er nærmeste leder for. Må knyttes til sin egen ansattpost.',
    ansatt: 'Ser sin egen side.',
    verneombud: 'Verneombud for ett eller flere verneområder.',
    tillitsvalgt: 'Tillitsvalgt for de ansatte.',
    amu: 'Medlem av arbeidsmiljøutvalget.',
    bht: 'Rådgiver fra bedriftshelsetjenesten.',
  } satisfies Record<Role, string>,
  validation: {
    emailInvalid: 'E-postadressen ser ikke riktig ut. Den skal se slik ut: navn@firma.no',
    dateInvalid:
      'Datoen finnes ikke eller er skrevet feil. Skriv den som dd.mm.åååå, for eksempel 01.03.2025.',
    passwordTooShort: 'Passordet må ha minst 10 tegn.',
    orgnrRequired: 'Skriv organisasjonsnummeret.',
    orgnrInvalid:
      'Organisasjonsnummeret er ikke gyldig. Det har ni siffer, og det siste er et kontrollsiffer. Sjekk at du har skrevet det riktig.',
  },
  date: {
    label: 'Dato',
  },
};

export type CoreMessages = typeof nb;
