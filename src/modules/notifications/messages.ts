/**
 * Every text a reminder produces. In the app (behind login) a reminder names the milestone and
 * links to the case; outside it — e-mail, calendar feed — there is never a name, a health detail
 * or a milestone: only that there is a deadline, its date, and a link to log in (§11.6, as NAV does).
 */
import { formatEnglishLong, formatNorwegianLong, type IsoDate } from '../../domain/calendar/index.ts';
import type { Locale, Text } from '../../i18n/locale.ts';

/** `2. februar 2026` / `2 February 2026` (the long form without the weekday). */
export function formatDate(date: IsoDate, locale: Locale): string {
  const long = locale === 'nb' ? formatNorwegianLong(date) : formatEnglishLong(date);
  return long.slice(long.indexOf(' ') + 1);
}

/** `2. februar` / `2 February`, with the year only when it is not the year of `relativeTo`. */
export function formatShortDate(date: IsoDate, locale: Locale, relativeTo: IsoDate): string {
  const full = formatDate(date, locale);
  return date.slice(0, 4) === relativeTo.slice(0, 4) ? full.slice(0, full.lastIndexOf(' ')) : full;
}

export type ReminderKind = 'before' | 'due';

export type InAppText = { title: Text; body: Text; link: string | null };

/** The inbox entry for a deadline reminder. */
export function deadlineNotificationText(input: {
  /** The obligation's name (no person): «Oppfølgingsplan». */
  title: Text;
  /** «sykefraværsoppfølgingen» / «sick-leave follow-up». */
  area: Text;
  link: string;
  due: IsoDate;
  kind: ReminderKind;
  remindDate: IsoDate;
  late: boolean;
}): InAppText {
  const name = input.title;
  const nb = formatDate(input.due, 'nb');
  const en = formatDate(input.due, 'en');
  const lateNb = input.late
    ? ` Påminnelsen kommer for sent: den skulle vært sendt ${formatDate(input.remindDate, 'nb')}.`
    : '';
  const lateEn = input.late
    ? ` This reminder is late: it should have been sent on ${formatDate(input.remindDate, 'en')}.`
    : '';
  const when =
    input.kind === 'due'
      ? { nb: `Fristen er i dag, ${nb}.`, en: `The deadline is today, ${en}.` }
      : { nb: `Fristen er ${nb}.`, en: `The deadline is ${en}.` };
  return {
    title: {
      nb: `Frist i ${input.area.nb} ${nb}: ${name.nb}`,
      en: `${capitalise(input.area.en)} deadline ${en}: ${name.en}`,
    },
    body: {
      nb: `${when.nb} Åpne saken for å se hva som skal gjøres.${lateNb}`,
      en: `${when.en} Open the case to see what needs to be done.${lateEn}`,
    },
    link: input.link,
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The inbox entry for a reminder the user made. Its text is the user's own, shown only in the app. */
export function customNotificationText(input: {
  text: string;
  remindDate: IsoDate;
  employeeId: string | null;
  late: boolean;
}): InAppText {
  const lateNb = input.late ? ` (for ${formatDate(input.remindDate, 'nb')})` : '';
  const lateEn = input.late ? ` (for ${formatDate(input.remindDate, 'en')})` : '';
  return {
    title: { nb: `Påminnelse${lateNb}`, en: `Reminder${lateEn}` },
    body: { nb: input.text, en: input.text },
    link: input.employeeId ? `/sykefravaer/${input.employeeId}` : null,
  };
}

export type MailText = { subject: string; text: string };

/** Custom reminders and mail jobs queued before deadlines carried their area. */
const DEFAULT_MAIL_AREA: Text = { nb: 'sykefraværsoppfølgingen', en: 'sick-leave follow-up' };

/**
 * The e-mail. Nothing but the fact of a deadline, its day and a link to log in: no name, no
 * health detail, no milestone, and not the text of a custom reminder. For an `event` (a hand-over
 * in a document's workflow: it is now the recipient's turn) only that there is something new to do,
 * and a link to the inbox — not the document, not whose case it is.
 */
export function reminderMail(input: {
  kind: 'deadline' | 'custom' | 'event';
  /** The deadline's area (default: the sick-leave follow-up, where custom reminders live). */
  area?: Text;
  date: IsoDate;
  today: IsoDate;
  locale: Locale;
  publicUrl: string;
}): MailText {
  const base = input.publicUrl.replace(/\/+$/, '');
  const url = `${base}/oppgaver`;
  const day = formatShortDate(input.date, input.locale, input.today);
  const area = (input.area ?? DEFAULT_MAIL_AREA)[input.locale];
  if (input.kind === 'event') {
    // Every user can open the inbox (`/oppgaver` is for those who follow up others).
    const inbox = `${base}/varsler`;
    return input.locale === 'en'
      ? {
          subject: `You have a new task in the ${area}`,
          text: `You have a new task in the ${area}. Log in to see what it is: ${inbox}\n`,
        }
      : {
          subject: `Du har en ny oppgave i ${area}`,
          text: `Du har en ny oppgave i ${area}. Logg inn for å se hva det gjelder: ${inbox}\n`,
        };
  }
  if (input.locale === 'en') {
    return input.kind === 'deadline'
      ? {
          subject: `You have a deadline in the ${area}`,
          text: `You have a deadline in the ${area} on ${day}. Log in to see what needs to be done: ${url}\n`,
        }
      : {
          subject: `You have a reminder in the ${area}`,
          text: `You have a reminder in the ${area} on ${day}. Log in to see it: ${url}\n`,
        };
  }
  return input.kind === 'deadline'
    ? {
        subject: `Du har en frist i ${area}`,
        text: `Du har en frist i ${area} ${day}. Logg inn for å se hva som skal gjøres: ${url}\n`,
      }
    : {
        subject: `Du har en påminnelse i ${area}`,
        text: `Du har en påminnelse i ${area} ${day}. Logg inn for å se den: ${url}\n`,
      };
}
