/**
 * Texts of the statistics page, bokmål first; English has the same keys (the type says so). In the
 * app's dictionary as `t.nav.statistikk` and `t.statistikk`.
 */

const nb = {
  nav: {
    statistikk: 'Sykefraværsstatistikk',
  },
  statistikk: {
    title: 'Sykefraværsstatistikk',
    intro:
      'Sykefraværsprosenten regnes slik SSB og NAV gjør det: tapte dagsverk × 100 / avtalte dagsverk. Avtalte dagsverk er virkedager (mandag–fredag utenom helligdager) i ansettelsen × stillingsprosent. Et tapt dagsverk er en fraværsdag × stillingsprosent × sykmeldingsgrad; egenmelding teller med grad 100 %.',
    introDetails:
      'Legemeldt fravær er dager med sykmelding, egenmeldt fravær dager med bare egenmelding. NAV publiserer bare legemeldt fravær, så sammenlign legemeldt med legemeldt. Korttid er tilfeller på 1–16 kalenderdager, langtid 17 dager eller mer. Behandlingsdager og avventende sykmeldinger er ikke med. Ferie trekkes ikke fra.',
    readMore: 'Legemeldt, egenmeldt, korttid og langtid',
    scopeUnits: 'Du ser enhetene til de du er leder for, med underenheter.',
    quarter: 'Kvartal',
    preliminary: 'Foreløpig',
    preliminaryText:
      'Kvartalet er ikke over. Tallene er foreløpige: avtalte dagsverk tar med dager som ikke har vært ennå.',
    maskingHeading: 'Grupper med færre enn 5 personer vises ikke',
    maskingText: (k: number) =>
      `Tall for færre enn ${k} personer kan avsløre hvem som har vært syke. Derfor vises ingen tall for en gruppe med færre enn ${k} ansatte i kvartalet. Når en skjult gruppe ellers kunne regnes ut ved å trekke andre grupper fra helheten (for eksempel virksomheten minus alle de andre enhetene), skjules også en gruppe til. Reglene gjelder for alle, også HR og ledere.`,
    maskedRolling: (k: number) =>
      `For de siste fire kvartalene skjules en gruppe når den hadde færre enn ${k} personer i hvert av kvartalene (NAVs regel).`,
    hidden: (k: number) => `Skjult (færre enn ${k})`,
    hiddenComplementary: 'Skjult (ville avslørt en liten gruppe)',
    organisation: 'Hele virksomheten',
    keyFigures: 'Nøkkeltall',
    keyFiguresFor: (quarter: string) => `Nøkkeltall for ${quarter}`,
    total: 'Sykefravær',
    legemeldt: 'Legemeldt',
    egenmeldt: 'Egenmeldt',
    korttid: 'Korttid (1–16 dager)',
    langtid: 'Langtid (17 dager eller mer)',
    rolling: (from: string, to: string) => `Siste fire kvartaler (${from}–${to})`,
    tapteDagsverk: 'Tapte dagsverk',
    avtalteDagsverk: 'Avtalte dagsverk',
    population: 'Ansatte',
    cost: 'Kostnadsanslag',
    costExplained: (daily: string) => `Tapte dagsverk × ${daily} per dagsverk.`,
    costDefault: (weekly: string, daily: string) =>
      `Standardverdi (anbefalt anslag, ikke lovkrav): om lag ${weekly} per uke fravær, det vil si ${daily} per dagsverk.`,
    costOwn: 'Virksomhetens egen kostnad per dagsverk.',
    noData: 'Ingen tall',
    byQuarterHeading: 'Sykefravær per kvartal',
    byQuarterCaption: (group: string) =>
      `Sykefraværsprosent per kvartal, ${group}. Tallene står i tabellen under.`,
    byUnitHeading: 'Sykefravær per enhet',
    byUnitCaption: (quarter: string) =>
      `Sykefraværsprosent per enhet i ${quarter}. Skjulte enheter er ikke med i diagrammet; se tabellen.`,
    shortLongHeading: 'Korttid og langtid',
    shortLongCaption: (group: string) =>
      `Korttids- og langtidsfravær per kvartal, ${group}, i prosent av avtalte dagsverk. Tallene står i tabellen under.`,
    tableLabel: (name: string) => `Tabell: ${name}`,
    unit: 'Enhet',
    under: (parent: string) => `under ${parent}`,
    percentOf: 'Prosent',
    noUnits: 'Ingen enheter å vise.',
    settingsHeading: 'Kostnad per tapt dagsverk',
    dailyCost: 'Kostnad per tapt dagsverk (kr)',
    dailyCostDescription: 'Brukes i kostnadsanslaget. Tom verdi betyr standardverdien.',
    save: 'Lagre kostnad',
    useDefault: 'Bruk standardverdien',
    saved: 'Kostnaden er lagret.',
    dailyCostInvalid: 'Skriv hele kroner, fra 1 til 1 000 000.',
    kpiHeading: 'Oppfølging innen fristen',
    kpiIntro:
      'Andelen sykefravær der oppfølgingsplanen ble laget innen 4 uker (lovkrav, arbeidsmiljøloven § 4-6 tredje ledd) og dialogmøte 1 ble holdt innen 7 uker (lovkrav, § 4-6 fjerde ledd), regnet fra første fraværsdag. Tallet er Nærværs eget nøkkeltall; hvert tilfelle telles i kvartalet fristen falt i.',
    kpiCaption: (period: string) =>
      `Andel innen fristen per enhet, siste fire kvartaler (${period}). Tallene står i tabellen under.`,
    kpiPlan: 'Oppfølgingsplan innen 4 uker',
    kpiDm1: 'Dialogmøte 1 innen 7 uker',
    kpiOf: (inTime: number, cases: number) => `${inTime} av ${cases}`,
    kpiNothingShown: 'Ingen grupper har nok tilfeller til å vises i diagrammet; se tabellen.',
    kpiRules: (planWeeks: number, dmWeeks: number) =>
      `Plan innen ${planWeeks} uker og dialogmøte 1 innen ${dmWeeks} uker telles bare der loven krever dem: planen når fraværet varer i ${planWeeks} uker, dialogmøtet når fraværet varer i ${dmWeeks} uker og den ansatte har vært helt borte minst én dag. Registrert «åpenbart unødvendig» telles ikke. Et dialogmøte teller fra dagen det ble holdt. Ikke gjort når fristen er passert teller som for sent. Grupper med færre enn 5 personer vises ikke.`,
    benchHeading: 'Sammenlignet med NAV',
    benchIntro:
      'NAV publiserer legemeldt sykefravær per næring og sektor hvert kvartal. Tallene her er de NAV har publisert, importert av HR eller hentet fra en adresse driftsansvarlig har satt opp. Sammenlign med virksomhetens legemeldte fravær.',
    benchNone: (quarter: string) =>
      `Ingen tall fra NAV er importert for ${quarter} eller tidligere, så det er ingenting å sammenligne med. HR kan importere NAVs tall som CSV.`,
    benchOlder: (quarter: string) =>
      `NAVs siste importerte tall er for ${quarter}; virksomheten vises for samme kvartal.`,
    benchGroup: 'Gruppe',
    benchKategori: 'Kategori',
    benchLegemeldt: (quarter: string) => `Legemeldt, ${quarter}`,
    benchOwn: 'Egne tall',
    benchOwnMissing: 'Ikke beregnet',
    benchKategoriName: { naering: 'Næring (NAV)', sektor: 'Sektor (NAV)', land: 'Hele landet (NAV)' },
    benchSourceFile: (name: string, when: string) => `Kilde: NAV, importert fra filen «${name}» ${when}.`,
    benchSourceUrl: (url: string, when: string) => `Kilde: NAV, hentet fra ${url} ${when}.`,
    benchImportHeading: 'Importer NAVs tall',
    benchColumnsHeading: 'Hvilke kolonner filen må ha',
    benchColumnsIntro:
      'En CSV-fil med overskriftslinje, skilt med semikolon eller komma. Desimalkomma og desimalpunktum går begge. Andre kolonner hoppes over. En ny import av samme kvartal og kode erstatter den gamle.',
    benchColQuarter: 'kvartal — for eksempel 2025K2 eller 2025Q2',
    benchColKategori: 'kategori — næring, sektor eller land',
    benchColKode: 'kode — NAVs kode for næringen eller sektoren (kan stå tom for land)',
    benchColNavn: 'navn — slik NAV skriver det',
    benchColProsent: 'prosent — sykefraværsprosenten, for eksempel 6,4',
    benchImported: (rows: number, quarters: string) => `${rows} tall fra NAV er importert (${quarters}).`,
    benchFile: 'CSV-fil fra NAV',
    benchFileDescription: 'Høyst 1 MB. Ingenting lagres hvis en linje er feil; feilen nevner linjen.',
    benchFileRejected: 'Velg én CSV-fil på høyst 1 MB.',
    benchDoImport: 'Importer tallene',
  },
};

export type StatistikkMessages = typeof nb;

const en: StatistikkMessages = {
  nav: {
    statistikk: 'Sick-leave statistics',
  },
  statistikk: {
    title: 'Sick-leave statistics',
    intro:
      'The sick-leave rate is computed as Statistics Norway (SSB) and NAV do: lost work days × 100 / agreed work days. Agreed work days are working days (Monday–Friday except public holidays) within the employment × position percentage. A lost work day is an absence day × position percentage × sick-leave grade; self-certified absence counts at 100 %.',
    introDetails:
      'Certified absence means days with a sick note, self-certified absence days with only a self-certification. NAV publishes certified absence only, so compare like with like. Short-term means cases of 1–16 calendar days, long-term 17 days or more. Treatment days and pending sick notes are not included. Holidays are not deducted.',
    readMore: 'Certified, self-certified, short-term and long-term',
    scopeUnits: 'You see the units of the people you lead, with their sub-units.',
    quarter: 'Quarter',
    preliminary: 'Preliminary',
    preliminaryText:
      'The quarter is not over. The figures are preliminary: agreed work days include days that have not yet happened.',
    maskingHeading: 'Groups with fewer than 5 people are not shown',
    maskingText: (k: number) =>
      `Figures for fewer than ${k} people could reveal who has been ill. So no figures are shown for a group with fewer than ${k} employees in the quarter. When a hidden group could otherwise be worked out by subtracting other groups from the whole (for example the organisation minus all the other units), one more group is hidden. The rules apply to everyone, HR and leaders too.`,
    maskedRolling: (k: number) =>
      `For the last four quarters a group is hidden when it had fewer than ${k} people in each of the quarters (NAV's rule).`,
    hidden: (k: number) => `Hidden (fewer than ${k})`,
    hiddenComplementary: 'Hidden (would reveal a small group)',
    organisation: 'Whole organisation',
    keyFigures: 'Key figures',
    keyFiguresFor: (quarter: string) => `Key figures for ${quarter}`,
    total: 'Sick leave',
    legemeldt: 'Certified',
    egenmeldt: 'Self-certified',
    korttid: 'Short-term (1–16 days)',
    langtid: 'Long-term (17 days or more)',
    rolling: (from: string, to: string) => `Last four quarters (${from}–${to})`,
    tapteDagsverk: 'Lost work days',
    avtalteDagsverk: 'Agreed work days',
    population: 'Employees',
    cost: 'Cost estimate',
    costExplained: (daily: string) => `Lost work days × ${daily} per work day.`,
    costDefault: (weekly: string, daily: string) =>
      `Default (a recommended estimate, not a legal requirement): about ${weekly} per week of absence, that is ${daily} per work day.`,
    costOwn: "The organisation's own cost per work day.",
    noData: 'No figures',
    byQuarterHeading: 'Sick leave by quarter',
    byQuarterCaption: (group: string) =>
      `Sick-leave rate by quarter, ${group}. The figures are in the table below.`,
    byUnitHeading: 'Sick leave by unit',
    byUnitCaption: (quarter: string) =>
      `Sick-leave rate by unit in ${quarter}. Hidden units are left out of the chart; see the table.`,
    shortLongHeading: 'Short-term and long-term',
    shortLongCaption: (group: string) =>
      `Short-term and long-term absence by quarter, ${group}, as a percentage of agreed work days. The figures are in the table below.`,
    tableLabel: (name: string) => `Table: ${name}`,
    unit: 'Unit',
    under: (parent: string) => `under ${parent}`,
    percentOf: 'Percent',
    noUnits: 'No units to show.',
    settingsHeading: 'Cost per lost work day',
    dailyCost: 'Cost per lost work day (NOK)',
    dailyCostDescription: 'Used in the cost estimate. Leave empty for the default.',
    save: 'Save cost',
    useDefault: 'Use the default',
    saved: 'The cost has been saved.',
    dailyCostInvalid: 'Enter whole kroner, from 1 to 1,000,000.',
    kpiHeading: 'Follow-up by the deadline',
    kpiIntro:
      'The share of sick-leave cases where the follow-up plan was made within 4 weeks (a legal requirement, Working Environment Act section 4-6 (3)) and dialogue meeting 1 was held within 7 weeks (a legal requirement, section 4-6 (4)), counted from the first day of absence. This is Nærvær’s own key figure; each case counts in the quarter its deadline fell in.',
    kpiCaption: (period: string) =>
      `Share by the deadline per unit, last four quarters (${period}). The figures are in the table below.`,
    kpiPlan: 'Follow-up plan within 4 weeks',
    kpiDm1: 'Dialogue meeting 1 within 7 weeks',
    kpiOf: (inTime: number, cases: number) => `${inTime} of ${cases}`,
    kpiNothingShown: 'No group has enough cases to be shown in the chart; see the table.',
    kpiRules: (planWeeks: number, dmWeeks: number) =>
      `The plan within ${planWeeks} weeks and dialogue meeting 1 within ${dmWeeks} weeks count only where the law requires them: the plan when the absence lasts ${planWeeks} weeks, the meeting when it lasts ${dmWeeks} weeks and the employee was fully absent at least one day. A recorded «obviously unnecessary» is not counted. A meeting counts from the day it was held. Not done when the deadline has passed counts as late. Groups with fewer than 5 people are not shown.`,
    benchHeading: 'Compared with NAV',
    benchIntro:
      'NAV publishes certified sick leave by industry and sector every quarter. The figures here are the ones NAV published, imported by HR or fetched from an address set up by the operator. Compare them with the organisation’s certified absence.',
    benchNone: (quarter: string) =>
      `No figures from NAV have been imported for ${quarter} or earlier, so there is nothing to compare with. HR can import NAV’s figures as CSV.`,
    benchOlder: (quarter: string) =>
      `NAV’s latest imported figures are for ${quarter}; the organisation is shown for the same quarter.`,
    benchGroup: 'Group',
    benchKategori: 'Category',
    benchLegemeldt: (quarter: string) => `Certified, ${quarter}`,
    benchOwn: 'Own figures',
    benchOwnMissing: 'Not computed',
    benchKategoriName: { naering: 'Industry (NAV)', sektor: 'Sector (NAV)', land: 'All of Norway (NAV)' },
    benchSourceFile: (name: string, when: string) => `Source: NAV, imported from the file «${name}» ${when}.`,
    benchSourceUrl: (url: string, when: string) => `Source: NAV, fetched from ${url} ${when}.`,
    benchImportHeading: 'Import NAV’s figures',
    benchColumnsHeading: 'Which columns the file must have',
    benchColumnsIntro:
      'A CSV file with a header line, separated by semicolons or commas. Decimal comma and decimal point both work. Other columns are skipped. A new import of the same quarter and code replaces the old one.',
    benchColQuarter: 'kvartal — for example 2025K2 or 2025Q2',
    benchColKategori: 'kategori — næring (industry), sektor (sector) or land (country)',
    benchColKode: 'kode — NAV’s code for the industry or sector (may be empty for the country)',
    benchColNavn: 'navn — as NAV writes it',
    benchColProsent: 'prosent — the sick-leave rate, for example 6.4',
    benchImported: (rows: number, quarters: string) =>
      `${rows} figures from NAV have been imported (${quarters}).`,
    benchFile: 'CSV file from NAV',
    benchFileDescription: 'At most 1 MB. Nothing is saved if a line is wrong; the error names the line.',
    benchFileRejected: 'Choose one CSV file of at most 1 MB.',
    benchDoImport: 'Import the figures',
  },
};

export const messages = { nb, en };
