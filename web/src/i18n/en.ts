/** English — second language. Same keys as `nb.ts` (checked by the type). */
import type { CoreMessages } from './nb.ts';

export const en: CoreMessages = {
  common: {
    appName: 'Nærvær',
    pageTitle: (title: string) => `${title} – Nærvær`,
    skipLink: 'Skip to main content',
    loading: 'Loading …',
    save: 'Save',
    saving: 'Saving …',
    cancel: 'Cancel',
    close: 'Close',
    edit: 'Edit',
    delete: 'Delete',
    optional: '(optional)',
    tryAgain: 'Try again',
    errorSummaryHeading: 'Please fix the following before you continue:',
    notSet: 'Not registered',
    none: 'None',
    percent: (n: number) => `${n} %`,
    dateDescription: 'Write the date as dd.mm.yyyy or pick it in the calendar.',
  },
  errors: {
    network: 'Cannot reach Nærvær. Check your network connection and try again.',
    server: 'Something went wrong on our side. Please try again in a moment.',
    unexpected: 'Something went wrong. Please try again.',
    loadFailed: 'We could not load the content.',
    notFoundTitle: 'Page not found',
    notFoundBody: 'The page does not exist, or you do not have access to it.',
    backHome: 'Go to the front page',
  },
  language: {
    switchTo: 'Norsk',
    switchToLang: 'nb',
    name: 'English',
  },
  header: {
    mainNav: 'Main menu',
    sectionNav: (section: string) => `${section} menu`,
    userMenu: 'User menu',
    myPage: 'My page',
    settings: 'Settings',
    logout: 'Log out',
    orgNumber: (orgnr: string) => `Org. no. ${orgnr}`,
  },
  roles: {
    admin: 'Administrator',
    hr: 'HR / HSE coordinator',
    leder: 'Line manager',
    ansatt: 'Employee',
    verneombud: 'Safety representative',
    tillitsvalgt: 'Union representative',
    amu: 'Working environment committee (AMU)',
    bht: 'Occupational health service (BHT)',
  },
  roleDescriptions: {
    admin: 'Has access to everything, including users and roles.',
    hr: 'Sees and changes all units and employees, and can import employees.',
    leder: 'Sees the employees they manage. Must be linked to their own employee record.',
    ansatt: 'Sees their own page.',
    verneombud: 'Safety representative for one or more safety areas.',
    tillitsvalgt: 'Union representative for the employees.',
    amu: 'Member of the working environment committee.',
    bht: 'Adviser from the occupational health service.',
  },
  validation: {
    emailInvalid: 'The e-mail address does not look right. It should look like this: name@company.no',
    dateInvalid:
      'The date does not exist or is written wrongly. Write it as dd.mm.yyyy, for example 01.03.2025.',
    passwordTooShort: 'The password needs at least 10 characters.',
    orgnrRequired: 'Enter the organisation number.',
    orgnrInvalid:
      'The organisation number is not valid. It has nine digits, and the last one is a check digit. Check that you typed it correctly.',
  },
  date: {
    label: 'Date',
  },
};
