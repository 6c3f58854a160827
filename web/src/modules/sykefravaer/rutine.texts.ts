/**
 * Texts of the tasks, "Mine oppgaver" and the routine editor (bokmål first, English), kept beside
 * the feature; pick with `rutineTexts(locale)`.
 */
import type { Locale } from '../../i18n/types.ts';

const nb = {
  tasksHeading: 'Oppgaver',
  tasksIntro: (v: number) => `Oppgaver fra virksomhetens rutine (versjon ${v}), med ansvarlig og frist.`,
  otherTasks: 'Andre oppgaver',
  noTasks: 'Ingen oppgaver i dette sykefraværet ennå.',
  responsible: 'Ansvarlig',
  roles: { leder: 'Leder', hr: 'HR', ansatt: 'Den ansatte' },
  due: 'Frist',
  markDone: 'Marker som gjort',
  markDoneLabel: (title: string) => `Marker som gjort: ${title}`,
  undo: 'Angre',
  undoLabel: (title: string) => `Angre gjort: ${title}`,
  doneHeading: 'Marker oppgaven som gjort',
  milestoneDoneHeading: 'Marker oppfølgingspunktet som gjort',
  note: 'Notat (valgfritt)',
  noteHint: 'Kort, høyst 500 tegn. Ikke skriv diagnose eller andre helseopplysninger.',
  confirm: 'Marker som gjort',
  cancel: 'Avbryt',
  doneBy: (when: string, who: string) => `Gjort ${when} av ${who}`,
  saved: (title: string) => `«${title}» er markert som gjort.`,
  undone: (title: string) => `«${title}» er ikke lenger markert som gjort.`,
  // Mine oppgaver
  mineTitle: 'Mine oppgaver',
  sickLeaveHeading: 'Sykefraværsoppfølging',
  mineIntro: 'Oppgaver og frister som har gått ut eller kommer de neste 14 dagene, for dine medarbeidere.',
  mineIntroHr: 'Oppgaver og frister som har gått ut eller kommer de neste 14 dagene, i hele virksomheten.',
  unitFilter: 'Enhet',
  allUnits: 'Alle enheter',
  empty: 'Ingen oppgaver eller frister de neste 14 dagene.',
  totals: (overdue: number, week: number) => `${overdue} forfalt · ${week} med frist denne uken`,
  colDue: 'Frist',
  colWhat: 'Oppgave',
  colWho: 'Medarbeider',
  milestone: 'Milepæl',
  task: 'Oppgave',
  caption: 'Oppgaver og frister, sortert etter dato',
  // Rutine
  rutineTitle: 'Rutine for sykefraværsoppfølging',
  rutineLink: 'Rutine for sykefraværsoppfølging',
  rutineIntro:
    'Oppgavene hver leder får i et sykefravær. Når du lagrer, blir det en ny versjon. Pågående sykefravær beholder versjonen de startet med.',
  version: (v: number, who: string | null, when: string | null) =>
    who ? `Versjon ${v}, lagret ${when} av ${who}.` : `Versjon ${v} (standardrutinen).`,
  automaticVersion:
    'Nærvær laget denne versjonen fra rutinen dere hadde lagret, da en ny lovpålagt oppgave kom inn i standardrutinen: «Send inntektsmelding til NAV» dagen etter arbeidsgiverperioden. Se over oppgavene og endre dem om dere vil.',
  taskN: (n: number) => `Oppgave ${n}`,
  titleNb: 'Tekst (bokmål)',
  titleEn: 'Tekst (engelsk)',
  anchor: 'Regnes fra',
  anchors: {
    caseStart: 'Første fraværsdag',
    milestone: 'Fristen for en milepæl',
    caseEnd: 'Tilbake i arbeid',
    agpEnd: 'Etter arbeidsgiverperioden',
  },
  milestoneField: 'Milepæl',
  offset: 'Dager etter (minus: før)',
  agpEndHint:
    'Arbeidsgiverperioden er de 16 første kalenderdagene (folketrygdloven § 8-19). Oppgaven kommer bare i fravær som varer lenger.',
  weekly: 'Gjenta hver uke mens fraværet varer',
  remove: 'Fjern',
  removeLabel: (n: number) => `Fjern oppgave ${n}`,
  add: 'Legg til oppgave',
  save: 'Lagre som ny versjon',
  savedVersion: (v: number) => `Rutinen er lagret som versjon ${v}.`,
  newTask: 'Ny oppgave',
};

export type RutineTexts = typeof nb;

const en: RutineTexts = {
  tasksHeading: 'Tasks',
  tasksIntro: (v: number) =>
    `Tasks from the organisation's routine (version ${v}), with who is responsible and when.`,
  otherTasks: 'Other tasks',
  noTasks: 'No tasks in this absence yet.',
  responsible: 'Responsible',
  roles: { leder: 'Leader', hr: 'HR', ansatt: 'The employee' },
  due: 'Due',
  markDone: 'Mark as done',
  markDoneLabel: (title: string) => `Mark as done: ${title}`,
  undo: 'Undo',
  undoLabel: (title: string) => `Undo done: ${title}`,
  doneHeading: 'Mark the task as done',
  milestoneDoneHeading: 'Mark the follow-up point as done',
  note: 'Note (optional)',
  noteHint: 'Short, at most 500 characters. Do not write a diagnosis or other health details.',
  confirm: 'Mark as done',
  cancel: 'Cancel',
  doneBy: (when: string, who: string) => `Done ${when} by ${who}`,
  saved: (title: string) => `"${title}" is marked as done.`,
  undone: (title: string) => `"${title}" is no longer marked as done.`,
  mineTitle: 'My tasks',
  sickLeaveHeading: 'Sick-leave follow-up',
  mineIntro: 'Tasks and deadlines that have passed or fall in the next 14 days, for your people.',
  mineIntroHr: 'Tasks and deadlines that have passed or fall in the next 14 days, across the organisation.',
  unitFilter: 'Unit',
  allUnits: 'All units',
  empty: 'No tasks or deadlines in the next 14 days.',
  totals: (overdue: number, week: number) => `${overdue} overdue · ${week} due this week`,
  colDue: 'Due',
  colWhat: 'Task',
  colWho: 'Employee',
  milestone: 'Milestone',
  task: 'Task',
  caption: 'Tasks and deadlines, by date',
  rutineTitle: 'Routine for sick-leave follow-up',
  rutineLink: 'Routine for sick-leave follow-up',
  rutineIntro:
    'The tasks every leader gets in a sick-leave case. Saving makes a new version. Running cases keep the version they started with.',
  version: (v: number, who: string | null, when: string | null) =>
    who ? `Version ${v}, saved ${when} by ${who}.` : `Version ${v} (the default routine).`,
  automaticVersion:
    'Nærvær made this version from the routine you had saved, when a new task required by law came into the default routine: "Send the income report (inntektsmelding) to NAV" the day after the employer period. Look over the tasks and change them if you like.',
  taskN: (n: number) => `Task ${n}`,
  titleNb: 'Text (Norwegian)',
  titleEn: 'Text (English)',
  anchor: 'Counted from',
  anchors: {
    caseStart: 'First day of absence',
    milestone: 'A milestone deadline',
    caseEnd: 'Back at work',
    agpEnd: 'After the employer period (arbeidsgiverperioden)',
  },
  milestoneField: 'Milestone',
  offset: 'Days after (minus: before)',
  agpEndHint:
    'The employer period is the first 16 calendar days (National Insurance Act § 8-19). The task only comes in absences that last longer.',
  weekly: 'Repeat every week while the absence lasts',
  remove: 'Remove',
  removeLabel: (n: number) => `Remove task ${n}`,
  add: 'Add task',
  save: 'Save as a new version',
  savedVersion: (v: number) => `The routine is saved as version ${v}.`,
  newTask: 'New task',
};

export function rutineTexts(locale: Locale): RutineTexts {
  return locale === 'en' ? en : nb;
}
