/**
 * Texts of "Min side", bokmål first. English has the same keys (the type says so). In the app's dictionary
 * as `t.nav.myPage`, `t.me`.
 */

const nb = {
  nav: {
    myPage: 'Min side',
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
  },
};

export type MeMessages = typeof nb;

const en: MeMessages = {
  nav: {
    myPage: 'My page',
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
  },
};

export const messages = { nb, en };
