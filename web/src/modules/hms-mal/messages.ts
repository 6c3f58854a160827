/**
 * Texts of HMS goals, the handlingsplan and the annual review, bokmål first. English has the same
 * keys (the type says so). In the dictionary as `t.nav.hmsMal` and `t.hmsMal`. The review's section
 * titles and help texts come from `src/domain/hms-mal` in both languages.
 */
import type { BhtAnswer, GoalStatus, MeasureState } from '../../../../src/domain/hms-mal/index.ts';

const nb = {
  nav: {
    hmsMal: 'HMS-mål og handlingsplan',
    arligGjennomgang: 'Årlig gjennomgang',
  },
  hmsMal: {
    title: 'HMS-mål og handlingsplan',
    intro:
      'Virksomhetens skriftlige HMS-mål for året, og tiltakene som skal til for å nå dem – hvert med en ansvarlig og en frist. Mål og handlingsplan er lovkrav (internkontrollforskriften § 5 nr. 4 og 6, arbeidsmiljøloven § 3-1).',
    readOnlyNote: 'Du kan lese målene og handlingsplanen. HR eller administrator endrer dem.',
    toReviews: 'Årlig gjennomgang',
    yearNav: 'Velg år',
    prevYear: 'Forrige år',
    nextYear: 'Neste år',
    showingYear: (year: number) => `Viser ${year}`,
    newGoal: 'Nytt mål',
    newMeasure: 'Nytt tiltak',
    newMeasureFor: (goal: string) => `Nytt tiltak for «${goal}»`,
    goalsHeading: (year: number) => `HMS-mål for ${year}`,
    noGoals: (year: number) => `Ingen HMS-mål er satt for ${year} ennå.`,
    noGoalsHint: 'Bruk gjerne prioriteringene fra siste årlige gjennomgang når dere setter målene.',
    target: (t: string) => `Mål: ${t}`,
    indicator: (t: string) => `Måles ved: ${t}`,
    measuresHeading: 'Tiltak',
    noMeasures: 'Ingen tiltak ennå.',
    standaloneHeading: 'Tiltak som ikke hører til et mål',
    standaloneIntro: 'For eksempel tiltak fra risikovurderingen eller vernerunden.',
    statuses: {
      planlagt: 'Planlagt',
      pagar: 'Pågår',
      nadd: 'Nådd',
      'ikke-nadd': 'Ikke nådd',
    } satisfies Record<GoalStatus, string>,
    states: {
      done: 'Gjennomført',
      overdue: 'Forfalt',
      'due-soon': 'Snart frist',
      open: 'Åpent',
    } satisfies Record<MeasureState, string>,
    owner: (who: string) => `Ansvarlig: ${who}`,
    due: (date: string) => `Frist: ${date}`,
    doneBy: (when: string, by: string | null) =>
      by ? `Gjennomført ${when} av ${by}` : `Gjennomført ${when}`,
    markDone: 'Marker som gjennomført',
    markDoneLabel: (text: string) => `Marker som gjennomført: ${text}`,
    reopen: 'Gjenåpne',
    reopenLabel: (text: string) => `Gjenåpne: ${text}`,
    edit: 'Endre',
    editGoalLabel: (title: string) => `Endre målet: ${title}`,
    editMeasureLabel: (text: string) => `Endre tiltaket: ${text}`,
    deleteGoal: 'Slett',
    deleteGoalLabel: (title: string) => `Slett målet: ${title}`,
    deleteGoalHeading: 'Slette målet?',
    deleteGoalBody: (title: string) =>
      `«${title}» slettes sammen med tiltakene som ikke er gjennomført. Et mål med gjennomførte tiltak kan ikke slettes – sett heller status «Ikke nådd».`,
    deleteMeasureLabel: (text: string) => `Slett tiltaket: ${text}`,
    deleteMeasureHeading: 'Slette tiltaket?',
    deleteMeasureBody: (text: string) =>
      `«${text}» slettes fra handlingsplanen. Et tiltak som er gjennomført, kan ikke slettes – det er en del av dokumentasjonen.`,
    measureDeleted: 'Tiltaket er slettet.',
    // Goal dialog
    goalHeadingNew: (year: number) => `Nytt HMS-mål for ${year}`,
    goalHeadingEdit: 'Endre HMS-mål',
    goalTitle: 'Målet',
    goalTitleDescription: 'Kort og konkret, for eksempel «Sykefraværet skal under 5 %».',
    goalTitleRequired: 'Skriv målet.',
    goalTarget: 'Målverdi (valgfritt)',
    goalTargetDescription: 'Hva dere vil oppnå, for eksempel «under 5 %» eller «null skader med fravær».',
    goalIndicator: 'Hvordan det måles (valgfritt)',
    goalIndicatorDescription: 'For eksempel «sykefraværsprosent per kvartal» eller «antall meldte avvik».',
    goalDescription: 'Beskrivelse (valgfritt)',
    goalStatus: 'Status',
    saveGoal: 'Lagre målet',
    goalSaved: (title: string) => `«${title}» er lagret.`,
    goalDeleted: (title: string) => `«${title}» er slettet.`,
    // Measure dialog
    measureHeadingNew: 'Nytt tiltak',
    measureHeadingEdit: 'Endre tiltaket',
    measureText: 'Hva skal gjøres?',
    measureTextDescription: 'Ikke skriv helseopplysninger om noen.',
    measureTextRequired: 'Skriv hva som skal gjøres.',
    measureGoal: 'Hører til målet',
    measureNoGoal: 'Ikke knyttet til et mål',
    ownerKind: 'Hvem er ansvarlig?',
    ownerKindPerson: 'En person',
    ownerKindRole: 'En rolle',
    ownerPerson: 'Ansvarlig person',
    ownerPersonChoose: 'Velg person',
    ownerPersonRequired: 'Velg hvem som er ansvarlig.',
    ownerRole: 'Ansvarlig rolle',
    measureDue: 'Frist',
    measureDueRequired: 'Skriv fristen.',
    saveMeasure: 'Lagre tiltaket',
    measureSaved: 'Tiltaket er lagret.',
    // Done dialog
    doneNote: 'Hva ble gjort?',
    doneNoteDescription: 'En kort merknad, for eksempel når og hvordan. Ikke skriv helseopplysninger.',
    doneNoteRequired: 'Skriv kort hva som ble gjort.',
    markedDone: 'Tiltaket er markert som gjennomført.',
    reopened: 'Tiltaket er åpnet igjen.',
    conflictReload: 'Hent siste versjon',
    reloaded: 'Du ser nå siste versjon.',

    // Reviews
    reviewsTitle: 'Årlig gjennomgang',
    reviewsIntro:
      'Internkontrollen skal overvåkes og gjennomgås systematisk, og gjennomgangen skal være skriftlig (lovkrav: internkontrollforskriften § 5 nr. 8, arbeidsmiljøloven § 3-1 (2) h). Loven sier ikke hvor ofte; Nærvær anbefaler én gang i året, innen 31. januar for året før.',
    reviewsIntroPackage:
      'Gjennomgangen samler det som hører til årsskiftet: om målene ble nådd, rutinene, avvik, risikovurderingen, sykefraværet, opplæring, behovet for bedriftshelsetjeneste og varslingsrutinen.',
    toGoals: 'HMS-mål og handlingsplan',
    startHeading: 'Start en gjennomgang',
    startYear: 'Året dere ser tilbake på',
    startButton: 'Start gjennomgangen',
    startAllDone: 'Det finnes allerede en gjennomgang for hvert av de siste årene.',
    listHeading: 'Gjennomganger',
    noReviews: 'Ingen årlige gjennomganger ennå.',
    reviewOf: (year: number) => `Gjennomgang av ${year}`,
    reviewStatus: { utkast: 'Utkast', fullfort: 'Fullført' },
    heldOn: (date: string) => `Holdt ${date}`,
    completedOn: (date: string, by: string | null) => (by ? `Fullført ${date} av ${by}` : `Fullført ${date}`),
    participation: (vo: boolean, amu: boolean): string =>
      vo && amu
        ? 'Verneombud og AMU deltok'
        : vo
          ? 'Verneombud deltok'
          : amu
            ? 'AMU deltok'
            : 'Verken verneombud eller AMU er registrert som deltakere',
    downloadPdf: 'Last ned PDF',
    downloadPdfOf: (year: number) => `Last ned PDF: gjennomgang av ${year}`,
    // Review form
    reviewTitle: (year: number) => `Årlig gjennomgang av ${year}`,
    backToReviews: 'Tilbake til årlig gjennomgang',
    draftIntro:
      'Fyll ut hver del. Lagre utkastet underveis. Når alt er fylt ut, fullfører dere gjennomgangen: da lages en datert PDF som lagres, og gjennomgangen kan ikke endres etterpå.',
    meetingHeading: 'Møtet',
    heldOnLabel: 'Dato for gjennomgangen',
    participantsLabel: 'Hvem deltok?',
    participantsDescription:
      'For eksempel daglig leder, verneombud eller hovedverneombud, AMU, bedriftshelsetjenesten og tillitsvalgt. Navn og rolle.',
    tookPartLabel: 'Medvirkning',
    tookPartDescription:
      'Arbeidet skal gjøres i samarbeid med arbeidstakerne og deres representanter (internkontrollforskriften § 4 og § 5 nr. 3).',
    tookPart: {
      vo: 'Verneombudet deltok',
      amu: 'Arbeidsmiljøutvalget (AMU) deltok',
      bht: 'Bedriftshelsetjenesten deltok',
    },
    noParticipationWarning:
      'Verken verneombud eller AMU er krysset av. Gjennomgangen bør gjøres sammen med arbeidstakernes representanter.',
    sectionsHeading: 'Gjennomgangen',
    legalBasis: (basis: string) => `Hjemmel: ${basis}`,
    bhtNeededLabel: 'Tilsier risikoforholdene at dere trenger bedriftshelsetjeneste?',
    bhtAnswers: { ja: 'Ja', nei: 'Nei', usikker: 'Usikker – må avklares' } satisfies Record<
      BhtAnswer,
      string
    >,
    bhtReason: 'Begrunnelse',
    bhtProfileHint:
      'Svaret her er den årlige vurderingen av bedriftshelsetjeneste. Oppdater også «Årlig vurdering av bedriftshelsetjeneste» i virksomhetsprofilen, så pliktene og årshjulet blir riktige.',
    bhtProfileLink: 'Gå til virksomhetsprofilen',
    saveDraft: 'Lagre utkast',
    draftSaved: 'Utkastet er lagret.',
    complete: 'Fullfør og lag PDF',
    completeHeading: 'Fullføre gjennomgangen?',
    completeBody:
      'Utkastet lagres, og det lages en PDF med dagens dato som lagres som dokumentasjon. Etterpå kan gjennomgangen ikke endres.',
    completeConfirm: 'Fullfør',
    completed: 'Gjennomgangen er fullført, og PDF-en er lagret.',
    discard: 'Forkast utkastet',
    discardHeading: 'Forkaste utkastet?',
    discardBody: (year: number) =>
      `Det som er skrevet i gjennomgangen av ${year}, slettes. Dere kan starte en ny gjennomgang av året etterpå. En fullført gjennomgang kan ikke forkastes.`,
    discardConfirm: 'Ja, forkast',
    discarded: (year: number) => `Utkastet til gjennomgangen av ${year} er forkastet.`,
    readOnlyCompleted:
      'Gjennomgangen er fullført og kan ikke endres. PDF-en er dokumentasjonen fra den dagen.',
    readOnlyDraft: 'Gjennomgangen er ikke fullført ennå. HR eller administrator fyller den ut.',
    notFilled: 'Ikke fylt ut.',
    yes: 'Ja',
    no: 'Nei',
    summary: {
      heldOn: 'Holdt',
      participants: 'Deltakere',
      vo: 'Verneombud deltok',
      amu: 'AMU deltok',
      bht: 'BHT deltok',
      completed: 'Fullført',
      bhtNeeded: 'Svar',
    },
    dateInvalid: 'Skriv en gyldig dato (dd.mm.åååå).',
  },
};

export type HmsMalMessages = typeof nb;

const en: HmsMalMessages = {
  nav: {
    hmsMal: 'HSE goals and action plan',
    arligGjennomgang: 'Annual review',
  },
  hmsMal: {
    title: 'HSE goals and action plan',
    intro:
      "The organisation's written HSE goals for the year, and the measures needed to reach them – each with an owner and a due date. Goals and an action plan are required by law (Internal Control Regulations § 5 no. 4 and 6, Working Environment Act § 3-1).",
    readOnlyNote: 'You can read the goals and the action plan. HR or an administrator changes them.',
    toReviews: 'Annual review',
    yearNav: 'Choose year',
    prevYear: 'Previous year',
    nextYear: 'Next year',
    showingYear: (year: number) => `Showing ${year}`,
    newGoal: 'New goal',
    newMeasure: 'New measure',
    newMeasureFor: (goal: string) => `New measure for «${goal}»`,
    goalsHeading: (year: number) => `HSE goals for ${year}`,
    noGoals: (year: number) => `No HSE goals have been set for ${year} yet.`,
    noGoalsHint: 'Use the priorities of the last annual review when you set the goals.',
    target: (t: string) => `Target: ${t}`,
    indicator: (t: string) => `Measured by: ${t}`,
    measuresHeading: 'Measures',
    noMeasures: 'No measures yet.',
    standaloneHeading: 'Measures that belong to no goal',
    standaloneIntro: 'For example measures from the risk assessment or the safety inspection.',
    statuses: {
      planlagt: 'Planned',
      pagar: 'In progress',
      nadd: 'Achieved',
      'ikke-nadd': 'Not achieved',
    },
    states: {
      done: 'Carried out',
      overdue: 'Overdue',
      'due-soon': 'Due soon',
      open: 'Open',
    },
    owner: (who: string) => `Owner: ${who}`,
    due: (date: string) => `Due: ${date}`,
    doneBy: (when: string, by: string | null) =>
      by ? `Carried out ${when} by ${by}` : `Carried out ${when}`,
    markDone: 'Mark as carried out',
    markDoneLabel: (text: string) => `Mark as carried out: ${text}`,
    reopen: 'Reopen',
    reopenLabel: (text: string) => `Reopen: ${text}`,
    edit: 'Change',
    editGoalLabel: (title: string) => `Change the goal: ${title}`,
    editMeasureLabel: (text: string) => `Change the measure: ${text}`,
    deleteGoal: 'Delete',
    deleteGoalLabel: (title: string) => `Delete the goal: ${title}`,
    deleteGoalHeading: 'Delete the goal?',
    deleteGoalBody: (title: string) =>
      `«${title}» is deleted together with the measures not carried out. A goal with measures carried out cannot be deleted – set the status «Not achieved» instead.`,
    deleteMeasureLabel: (text: string) => `Delete the measure: ${text}`,
    deleteMeasureHeading: 'Delete the measure?',
    deleteMeasureBody: (text: string) =>
      `«${text}» is deleted from the action plan. A measure that was carried out cannot be deleted – it is part of the record.`,
    measureDeleted: 'The measure is deleted.',
    goalHeadingNew: (year: number) => `New HSE goal for ${year}`,
    goalHeadingEdit: 'Change HSE goal',
    goalTitle: 'The goal',
    goalTitleDescription: 'Short and concrete, e.g. «Sick leave below 5 %».',
    goalTitleRequired: 'Write the goal.',
    goalTarget: 'Target (optional)',
    goalTargetDescription: 'What you want to achieve, e.g. «below 5 %» or «no injuries with absence».',
    goalIndicator: 'How it is measured (optional)',
    goalIndicatorDescription: 'E.g. «sick-leave rate per quarter» or «number of reported non-conformities».',
    goalDescription: 'Description (optional)',
    goalStatus: 'Status',
    saveGoal: 'Save the goal',
    goalSaved: (title: string) => `«${title}» is saved.`,
    goalDeleted: (title: string) => `«${title}» is deleted.`,
    measureHeadingNew: 'New measure',
    measureHeadingEdit: 'Change the measure',
    measureText: 'What is to be done?',
    measureTextDescription: 'Do not write health information about anyone.',
    measureTextRequired: 'Write what is to be done.',
    measureGoal: 'Belongs to the goal',
    measureNoGoal: 'Not linked to a goal',
    ownerKind: 'Who is responsible?',
    ownerKindPerson: 'A person',
    ownerKindRole: 'A role',
    ownerPerson: 'Responsible person',
    ownerPersonChoose: 'Choose a person',
    ownerPersonRequired: 'Choose who is responsible.',
    ownerRole: 'Responsible role',
    measureDue: 'Due date',
    measureDueRequired: 'Enter the due date.',
    saveMeasure: 'Save the measure',
    measureSaved: 'The measure is saved.',
    doneNote: 'What was done?',
    doneNoteDescription: 'A short note, e.g. when and how. Do not write health information.',
    doneNoteRequired: 'Write briefly what was done.',
    markedDone: 'The measure is marked as carried out.',
    reopened: 'The measure is open again.',
    conflictReload: 'Load the latest version',
    reloaded: 'You now see the latest version.',

    reviewsTitle: 'Annual review',
    reviewsIntro:
      'The internal control is to be monitored and reviewed systematically, and the review is to be in writing (required by law: Internal Control Regulations § 5 no. 8, Working Environment Act § 3-1 (2) h). The law does not say how often; Nærvær recommends once a year, by 31 January for the year before.',
    reviewsIntroPackage:
      'The review brings together what belongs to the turn of the year: whether the goals were met, the routines, non-conformities, the risk assessment, sick leave, training, the need for an occupational health service and the whistleblowing routine.',
    toGoals: 'HSE goals and action plan',
    startHeading: 'Start a review',
    startYear: 'The year you look back on',
    startButton: 'Start the review',
    startAllDone: 'There is already a review for each of the last years.',
    listHeading: 'Reviews',
    noReviews: 'No annual reviews yet.',
    reviewOf: (year: number) => `Review of ${year}`,
    reviewStatus: { utkast: 'Draft', fullfort: 'Completed' },
    heldOn: (date: string) => `Held ${date}`,
    completedOn: (date: string, by: string | null) =>
      by ? `Completed ${date} by ${by}` : `Completed ${date}`,
    participation: (vo: boolean, amu: boolean): string =>
      vo && amu
        ? 'Safety representative and committee took part'
        : vo
          ? 'Safety representative took part'
          : amu
            ? 'Committee took part'
            : 'Neither safety representative nor committee is recorded as taking part',
    downloadPdf: 'Download PDF',
    downloadPdfOf: (year: number) => `Download PDF: review of ${year}`,
    reviewTitle: (year: number) => `Annual review of ${year}`,
    backToReviews: 'Back to annual review',
    draftIntro:
      'Fill in each part. Save the draft as you go. When everything is filled in, complete the review: a dated PDF is made and stored, and the review cannot be changed afterwards.',
    meetingHeading: 'The meeting',
    heldOnLabel: 'Date of the review',
    participantsLabel: 'Who took part?',
    participantsDescription:
      'For example the managing director, safety representative or chief safety representative, the committee, the occupational health service and the union representative. Names and roles.',
    tookPartLabel: 'Participation',
    tookPartDescription:
      'The work is to be done in cooperation with the employees and their representatives (Internal Control Regulations § 4 and § 5 no. 3).',
    tookPart: {
      vo: 'The safety representative took part',
      amu: 'The working environment committee took part',
      bht: 'The occupational health service took part',
    },
    noParticipationWarning:
      "Neither safety representative nor committee is ticked. The review should be done together with the employees' representatives.",
    sectionsHeading: 'The review',
    legalBasis: (basis: string) => `Legal basis: ${basis}`,
    bhtNeededLabel: 'Do the risks call for an occupational health service?',
    bhtAnswers: { ja: 'Yes', nei: 'No', usikker: 'Uncertain – needs to be clarified' },
    bhtReason: 'Reason',
    bhtProfileHint:
      'This answer is the yearly assessment of the occupational health service. Also update «Yearly assessment of the occupational health service» in the company profile, so the duties and the annual wheel are right.',
    bhtProfileLink: 'Go to the company profile',
    saveDraft: 'Save draft',
    draftSaved: 'The draft is saved.',
    complete: 'Complete and make PDF',
    completeHeading: 'Complete the review?',
    completeBody:
      'The draft is saved, and a PDF with today’s date is made and stored as the record. Afterwards the review cannot be changed.',
    completeConfirm: 'Complete',
    completed: 'The review is completed, and the PDF is stored.',
    discard: 'Discard the draft',
    discardHeading: 'Discard the draft?',
    discardBody: (year: number) =>
      `What has been written in the review of ${year} is deleted. You can start a new review of the year afterwards. A completed review cannot be discarded.`,
    discardConfirm: 'Yes, discard',
    discarded: (year: number) => `The draft review of ${year} is discarded.`,
    readOnlyCompleted: 'The review is completed and cannot be changed. The PDF is the record of that day.',
    readOnlyDraft: 'The review is not completed yet. HR or an administrator fills it in.',
    notFilled: 'Not filled in.',
    yes: 'Yes',
    no: 'No',
    summary: {
      heldOn: 'Held',
      participants: 'Participants',
      vo: 'Safety representative took part',
      amu: 'Committee took part',
      bht: 'Health service took part',
      completed: 'Completed',
      bhtNeeded: 'Answer',
    },
    dateInvalid: 'Enter a valid date (dd.mm.yyyy).',
  },
};

export const messages = { nb, en };
