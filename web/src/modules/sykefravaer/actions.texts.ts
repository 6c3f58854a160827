/**
 * Texts of the agreed actions as tasks (case page, «Mitt fravær», "Mine oppgaver"), bokmål first,
 * English; pick with `actionTexts(locale)`.
 */
import type { Locale } from '../../i18n/types.ts';

const nb = {
  heading: 'Avtalte tiltak',
  intro:
    'Tiltakene dere har avtalt i oppfølgingsplanen, dialogmøtet og samtalereferatene, med ansvarlig og frist.',
  myHeading: 'Mine avtalte tiltak',
  myIntro: 'Tiltak du er ansvarlig for, fra oppfølgingsplanen, dialogmøtet og samtalene med lederen din.',
  none: 'Ingen avtalte tiltak i dette sykefraværet ennå.',
  myNone: 'Du har ingen avtalte tiltak nå.',
  changeHint: 'Tiltakene endres i dokumentet de kommer fra.',
  owner: 'Ansvarlig',
  owners: { employee: 'Den ansatte', leader: 'Leder', other: 'Annen' },
  due: 'Frist',
  noDeadline: 'Ingen frist',
  from: 'Fra',
  sources: {
    oppfolgingsplan: 'Oppfølgingsplanen',
    dialogmote: 'Dialogmøtet',
    samtalereferat: 'Samtalereferat',
  },
  states: {
    done: 'Gjort',
    overdue: 'Forfalt',
    'due-soon': 'Snart frist',
    upcoming: 'Kommende',
    'no-deadline': 'Ingen frist',
  },
  markDone: 'Marker som gjort',
  markDoneLabel: (what: string) => `Marker som gjort: ${what}`,
  undo: 'Angre',
  undoLabel: (what: string) => `Angre gjort: ${what}`,
  doneBy: (when: string, who: string) => `Gjort ${when} av ${who}`,
  saved: (what: string) => `«${what}» er markert som gjort.`,
  undone: (what: string) => `«${what}» er ikke lenger markert som gjort.`,
  kind: 'Avtalt tiltak',
  colAction: 'Handling',
};

export type ActionTexts = typeof nb;

const en: ActionTexts = {
  heading: 'Agreed actions',
  intro:
    'The actions agreed in the follow-up plan, the dialogue meeting and the conversation minutes, with owner and deadline.',
  myHeading: 'My agreed actions',
  myIntro:
    'Actions you are responsible for, from the follow-up plan, the dialogue meeting and the talks with your leader.',
  none: 'No agreed actions in this absence yet.',
  myNone: 'You have no agreed actions now.',
  changeHint: 'Actions are changed in the document they come from.',
  owner: 'Owner',
  owners: { employee: 'The employee', leader: 'Leader', other: 'Other' },
  due: 'Deadline',
  noDeadline: 'No deadline',
  from: 'From',
  sources: {
    oppfolgingsplan: 'The follow-up plan',
    dialogmote: 'The dialogue meeting',
    samtalereferat: 'Conversation minutes',
  },
  states: {
    done: 'Done',
    overdue: 'Overdue',
    'due-soon': 'Due soon',
    upcoming: 'Upcoming',
    'no-deadline': 'No deadline',
  },
  markDone: 'Mark as done',
  markDoneLabel: (what: string) => `Mark as done: ${what}`,
  undo: 'Undo',
  undoLabel: (what: string) => `Undo done: ${what}`,
  doneBy: (when: string, who: string) => `Done ${when} by ${who}`,
  saved: (what: string) => `“${what}” is marked as done.`,
  undone: (what: string) => `“${what}” is no longer marked as done.`,
  kind: 'Agreed action',
  colAction: 'Action',
};

export function actionTexts(locale: Locale): ActionTexts {
  return locale === 'en' ? en : nb;
}
