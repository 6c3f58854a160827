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
  },
};

export const messages = { nb, en };
