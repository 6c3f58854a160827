/**
 * Texts of the front page and the "no organisation" page, bokmål first. English has the same keys (the type
 * says so). In the app's dictionary as `t.nav.home`, `t.home`.
 */
import { plural } from '../../i18n/plural.ts';

const nb = {
  nav: {
    home: 'Forside',
  },
  home: {
    greeting: (name: string) => `Hei, ${name}`,
    shortcuts: 'Hva vil du gjøre?',
    employees: 'Ansatte',
    employeesText: 'Søk, registrer og endre ansatte.',
    organisation: 'Organisasjon',
    organisationText: 'Enheter og verneområder.',
    import: 'Importer ansatte',
    importText: 'Last opp en CSV- eller Excel-fil med mange ansatte på en gang.',
    users: 'Brukere og roller',
    usersText: 'Gi ledere, HR og andre tilgang.',
    myEmployees: 'Mine medarbeidere',
    myEmployeesText: 'Se de ansatte du er nærmeste leder for.',
    myPage: 'Min side',
    myPageText: 'Se hva som er registrert om deg.',
    settings: 'Innstillinger',
    settingsText: 'Språk og virksomhet.',
    overview: 'Oversikt',
    employeeCount: (n: number) => plural(n, 'ansatt', 'ansatte'),
    unitCount: (n: number) => plural(n, 'enhet', 'enheter'),
    gettingStarted: 'Kom i gang',
    stepUnits: 'Lag enhetene i virksomheten, for eksempel avdelinger og grupper.',
    stepEmployees: 'Registrer de ansatte, én og én eller alle på en gang fra en fil.',
    stepUsers: 'Gi ledere og andre tilgang under «Brukere og roller».',
    noOrganisation:
      'Du har ikke tilgang til noen virksomhet ennå. Be administratoren i virksomheten din om å gi deg tilgang.',
    chooseOrganisation: 'Velg hvilken virksomhet du vil jobbe i.',
  },
};

export type HomeMessages = typeof nb;

const en: HomeMessages = {
  nav: {
    home: 'Home',
  },
  home: {
    greeting: (name: string) => `Hello, ${name}`,
    shortcuts: 'What do you want to do?',
    employees: 'Employees',
    employeesText: 'Search, register and change employees.',
    organisation: 'Organisation',
    organisationText: 'Units and safety areas.',
    import: 'Import employees',
    importText: 'Upload a CSV or Excel file with many employees at once.',
    users: 'Users and roles',
    usersText: 'Give line managers, HR and others access.',
    myEmployees: 'My team',
    myEmployeesText: 'See the employees you manage.',
    myPage: 'My page',
    myPageText: 'See what is registered about you.',
    settings: 'Settings',
    settingsText: 'Language and organisation.',
    overview: 'Overview',
    employeeCount: (n: number) => plural(n, 'employee', 'employees'),
    unitCount: (n: number) => plural(n, 'unit', 'units'),
    gettingStarted: 'Getting started',
    stepUnits: 'Create the units of the organisation, such as departments and teams.',
    stepEmployees: 'Register the employees, one by one or all at once from a file.',
    stepUsers: 'Give line managers and others access under “Users and roles”.',
    noOrganisation:
      'You do not have access to any organisation yet. Ask the administrator of your organisation to give you access.',
    chooseOrganisation: 'Choose the organisation you want to work in.',
  },
};

export const messages = { nb, en };
