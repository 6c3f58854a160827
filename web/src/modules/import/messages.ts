/**
 * Texts of importing employees from a file, bokmål first. English has the same keys (the type says so). In
 * the app's dictionary as `t.nav.import`, `t.import`.
 */
import { plural } from '../../i18n/plural.ts';

const nb = {
  nav: {
    import: 'Importer ansatte',
  },
  import: {
    title: 'Importer ansatte',
    intro:
      'Last opp en CSV-fil eller en Excel-fil (.xlsx) med én ansatt per rad. Du ser alle feil før noe blir lagret, og enten blir alle radene importert eller ingen.',
    columnsHeading: 'Dette skal stå i filen',
    columnsIntro:
      'Første rad er overskrifter. Kolonnene kan stå i hvilken som helst rekkefølge, og ukjente kolonner blir ikke tatt med.',
    colName: 'Navn – fullt navn. Må fylles ut.',
    colEmail: 'E-post – e-postadressen til den ansatte. Må fylles ut.',
    colPhone: 'Telefon – kan stå tom.',
    colStart: 'Ansatt fra – dato som dd.mm.åååå. Må fylles ut.',
    colPercent: 'Stilling % – et tall fra 1 til 100, for eksempel 80. Må fylles ut.',
    colUnit:
      'Enhet – navnet på en enhet som finnes i Nærvær. Heter flere enheter det samme, skriv «Overordnet / Enhet».',
    colLeader:
      'Nærmeste leder – e-postadressen til lederen, som må være ansatt selv (i Nærvær eller i filen). Kan stå tom.',
    colBirth: 'Fødselsdato – dato som dd.mm.åååå. Kan stå tom.',
    template: 'Last ned en eksempelfil (CSV)',
    ignoredColumns: (names: string) => `Disse kolonnene blir ikke importert: ${names}.`,
    file: 'Velg fil',
    fileDescription: 'CSV eller Excel (.xlsx), høyst 5 MB.',
    fileRejected: 'Filen må være en CSV-fil eller en Excel-fil (.xlsx) på høyst 5 MB.',
    previewHeading: 'Slik blir importen',
    summaryOk: (n: number) => `Alle ${plural(n, 'rad', 'rader')} er i orden og klare til import.`,
    summaryErrors: (bad: number, total: number) =>
      `${plural(bad, 'rad', 'rader')} av ${total} har feil. Ingenting blir importert før alle feil er rettet.`,
    fixAndRetry: 'Rett feilene i filen, og last den opp på nytt.',
    empty: 'Filen har ingen rader med ansatte.',
    tableCaption: 'Radene i filen',
    colLine: 'Linje',
    colStatus: 'Status',
    statusOk: 'OK',
    statusError: 'Feil',
    showErrorsOnly: 'Vis bare rader med feil',
    doImport: (n: number) => `Importer ${plural(n, 'ansatt', 'ansatte')}`,
    importing: 'Importerer …',
    imported: (n: number) => `${plural(n, 'ansatt', 'ansatte')} er importert.`,
    refused: 'Importen ble avvist, og ingenting er lagret. Se feilene nedenfor.',
    toEmployees: 'Gå til ansattlisten',
    fieldNames: {
      name: 'Navn',
      email: 'E-post',
      phone: 'Telefon',
      employmentStart: 'Ansatt fra',
      positionPercent: 'Stilling %',
      unit: 'Enhet',
      leaderEmail: 'Nærmeste leder',
      birthDate: 'Fødselsdato',
    } as Record<string, string>,
  },
};

export type ImportMessages = typeof nb;

const en: ImportMessages = {
  nav: {
    import: 'Import employees',
  },
  import: {
    title: 'Import employees',
    intro:
      'Upload a CSV file or an Excel file (.xlsx) with one employee per row. You see every error before anything is saved, and either all rows are imported or none.',
    columnsHeading: 'What the file should contain',
    columnsIntro:
      'The first row holds the headings. The columns can be in any order, and unknown columns are left out.',
    colName: 'Name – full name. Required.',
    colEmail: 'Email – the employee’s e-mail address. Required.',
    colPhone: 'Phone – may be empty.',
    colStart: 'Employment start – date as dd.mm.yyyy. Required.',
    colPercent: 'Position % – a number from 1 to 100, for example 80. Required.',
    colUnit:
      'Unit – the name of a unit that exists in Nærvær. If several units share the name, write “Parent / Unit”.',
    colLeader:
      'Leader email – the e-mail address of the line manager, who must be an employee too (in Nærvær or in the file). May be empty.',
    colBirth: 'Birth date – date as dd.mm.yyyy. May be empty.',
    template: 'Download an example file (CSV)',
    ignoredColumns: (names: string) => `These columns are not imported: ${names}.`,
    file: 'Choose file',
    fileDescription: 'CSV or Excel (.xlsx), at most 5 MB.',
    fileRejected: 'The file must be a CSV file or an Excel file (.xlsx) of at most 5 MB.',
    previewHeading: 'What will be imported',
    summaryOk: (n: number) => `All ${plural(n, 'row', 'rows')} are fine and ready to import.`,
    summaryErrors: (bad: number, total: number) =>
      `${plural(bad, 'row', 'rows')} of ${total} have errors. Nothing is imported until every error is fixed.`,
    fixAndRetry: 'Fix the errors in the file, and upload it again.',
    empty: 'The file has no rows with employees.',
    tableCaption: 'The rows of the file',
    colLine: 'Line',
    colStatus: 'Status',
    statusOk: 'OK',
    statusError: 'Error',
    showErrorsOnly: 'Show only rows with errors',
    doImport: (n: number) => `Import ${plural(n, 'employee', 'employees')}`,
    importing: 'Importing …',
    imported: (n: number) => `${plural(n, 'employee has', 'employees have')} been imported.`,
    refused: 'The import was refused, and nothing has been saved. See the errors below.',
    toEmployees: 'Go to the employee list',
    fieldNames: {
      name: 'Name',
      email: 'E-mail',
      phone: 'Phone',
      employmentStart: 'Employed from',
      positionPercent: 'Position %',
      unit: 'Unit',
      leaderEmail: 'Leader email',
      birthDate: 'Birth date',
    },
  },
};

export const messages = { nb, en };
