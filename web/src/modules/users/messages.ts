/**
 * Texts of users and roles, bokmål first. English has the same keys (the type says so). In the app's
 * dictionary as `t.nav.users`, `t.users`.
 */

const nb = {
  nav: {
    users: 'Brukere og roller',
  },
  users: {
    title: 'Brukere og roller',
    intro:
      'Her bestemmer du hvem som kan logge inn, og hva de får se. En person kan ha flere roller. Ledere må knyttes til sin egen ansattpost, så Nærvær vet hvem de leder.',
    add: 'Gi en person tilgang',
    tableCaption: 'Brukere med tilgang',
    colName: 'Navn',
    colEmail: 'E-post',
    colRoles: 'Roller',
    colEmployee: 'Ansattpost',
    colActions: 'Handlinger',
    disabled: 'Deaktivert',
    edit: 'Endre',
    editLabel: (name: string) => `Endre ${name}`,
    remove: 'Fjern tilgang',
    removeLabel: (name: string) => `Fjern tilgangen til ${name}`,
    removeHeading: (name: string) => `Fjerne tilgangen til ${name}?`,
    removeBody: 'Personen blir logget ut og kan ikke lenger logge inn i denne virksomheten.',
    removeConfirm: 'Ja, fjern tilgangen',
    removed: (name: string) => `Tilgangen til ${name} er fjernet.`,
    newHeading: 'Gi en person tilgang',
    editHeading: (name: string) => `Roller for ${name}`,
    name: 'Fullt navn',
    nameRequired: 'Skriv navnet.',
    email: 'E-postadresse',
    emailRequired: 'Skriv e-postadressen.',
    password: 'Startpassord',
    passwordDescription:
      'Minst 10 tegn, ikke et vanlig passord. Gi passordet til personen på en trygg måte. Uten passord velger personen selv et med «Glemt passord?» på innloggingssiden. Har personen allerede en konto i Nærvær, får hen en invitasjon å godta i stedet.',
    pending: 'Ikke logget inn ennå',
    roles: 'Roller',
    rolesRequired: 'Velg minst én rolle.',
    employee: 'Knyttet til ansattpost',
    employeeDescription: 'Søk etter den ansatte. Må fylles ut for ledere.',
    employeeRequired: 'En leder må knyttes til sin egen ansattpost. Søk opp den ansatte.',
    areas: 'Verneområder',
    areasDescription: 'Velg verneområdene personen er verneombud for.',
    areasRequired: 'Velg minst ett verneområde.',
    areasNone: 'Dere har ingen verneområder ennå. Lag dem under Organisasjon først.',
    create: 'Gi tilgang',
    created: (name: string) => `${name} har fått tilgang.`,
    saved: 'Rollene er lagret.',
  },
};

export type UsersMessages = typeof nb;

const en: UsersMessages = {
  nav: {
    users: 'Users and roles',
  },
  users: {
    title: 'Users and roles',
    intro:
      'Here you decide who can log in, and what they see. A person can have several roles. Line managers must be linked to their own employee record, so Nærvær knows whom they manage.',
    add: 'Give a person access',
    tableCaption: 'Users with access',
    colName: 'Name',
    colEmail: 'E-mail',
    colRoles: 'Roles',
    colEmployee: 'Employee record',
    colActions: 'Actions',
    disabled: 'Disabled',
    edit: 'Edit',
    editLabel: (name: string) => `Edit ${name}`,
    remove: 'Remove access',
    removeLabel: (name: string) => `Remove access for ${name}`,
    removeHeading: (name: string) => `Remove access for ${name}?`,
    removeBody: 'The person is logged out and can no longer log in to this organisation.',
    removeConfirm: 'Yes, remove access',
    removed: (name: string) => `Access for ${name} has been removed.`,
    newHeading: 'Give a person access',
    editHeading: (name: string) => `Roles for ${name}`,
    name: 'Full name',
    nameRequired: 'Enter the name.',
    email: 'E-mail address',
    emailRequired: 'Enter the e-mail address.',
    password: 'Initial password',
    passwordDescription:
      'At least 10 characters, not a common password. Give the password to the person in a safe way. Without one, the person chooses their own with «Forgot your password?» on the login page. If the person already has a Nærvær account, they get an invitation to accept instead.',
    pending: 'Not logged in yet',
    roles: 'Roles',
    rolesRequired: 'Choose at least one role.',
    employee: 'Linked employee record',
    employeeDescription: 'Search for the employee. Required for line managers.',
    employeeRequired: 'A line manager must be linked to their own employee record. Search for the employee.',
    areas: 'Safety areas',
    areasDescription: 'Choose the safety areas the person is safety representative for.',
    areasRequired: 'Choose at least one safety area.',
    areasNone: 'You have no safety areas yet. Create them under Organisation first.',
    create: 'Give access',
    created: (name: string) => `${name} has been given access.`,
    saved: 'The roles have been saved.',
  },
};

export const messages = { nb, en };
